import type { AnyJobHandler } from '../../src/server/jobs/job';
import { JobRunner } from '../../src/server/jobs/job-runner';
import { createContactsFromAccountsJob } from '../../src/server/modules/business-relations/create-contacts-job';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('Create Contacts from Customers, Vendors and Bank Accounts on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine);
  });
  afterAll(() => service.close());

  const setSetup = async (tenant: TestTenant, changes: Record<string, unknown>) => {
    expect((await tenant.request('PATCH', '/setup/marketing', { body: changes })).status).toBe(200);
  };
  const addAccounts = async (tenant: TestTenant, path: string, names: readonly string[]) => {
    for (const name of names) expect((await tenant.request('POST', path, { body: { name, city: 'Oslo' } })).status).toBe(201);
  };
  const start = async (tenant: TestTenant, kind: string) => {
    const response = await tenant.request('POST', `/contacts/create-from-accounts/${kind}`);
    expect([response.status, response.body.kind]).toEqual([202, 'create-contacts-from-accounts']);
    return response.body.id as string;
  };
  /** Every link from an account of the kind to a contact, as "account→contact". */
  const links = async (tenant: TestTenant, kind: string) =>
    (
      await service.db.query<{ no: string; contact_no: string }>(
        'SELECT no, contact_no FROM contact_business_relation WHERE tenant_id = $1 AND link_to_table = $2 ORDER BY no',
        [tenant.tenantId, kind],
      )
    ).map((row) => `${row.no}→${row.contact_no}`);

  test('every customer without a contact gets a company contact with the relation code, in a job; a second run creates nothing', async () => {
    const tenant = await service.newTenant();
    await setSetup(tenant, { busRelCodeForCustomers: '' });
    // More accounts than one step takes, so the steps' keyset is exercised.
    await addAccounts(tenant, '/customers', Array.from({ length: 203 }, (_value, index) => `Customer ${String(index).padStart(3, '0')}`));
    expect((await tenant.request('GET', '/contacts')).body.items).toEqual([]);

    await setSetup(tenant, { busRelCodeForCustomers: 'CUST' });
    expect((await tenant.request('POST', '/customers', { body: { name: 'Already Linked AS' } })).status).toBe(201);
    const first = await tenant.waitForJob(await start(tenant, 'customer'));
    expect(first).toMatchObject({
      status: 'succeeded',
      progress: { done: 203, total: 203 },
      outcome: { kind: 'customer', created: 203, alreadyLinked: 1, firstContactNo: 'CT000002', lastContactNo: 'CT000204' },
      createdBy: tenant.admin.email,
    });
    expect(await links(tenant, 'customer')).toHaveLength(204);
    const contact = (await tenant.request('GET', '/contacts/CT000002')).body;
    expect(contact.contact ?? contact).toMatchObject({ type: 'company', name: 'Customer 000', city: 'Oslo', businessRelation: 'customer' });

    const second = await tenant.waitForJob(await start(tenant, 'customer'));
    expect(second).toMatchObject({ status: 'succeeded', progress: { done: 0, total: 0 }, outcome: { created: 0, alreadyLinked: 204, firstContactNo: null, lastContactNo: null } });
  });

  test('without the relation code in Marketing Setup it is refused at once and nothing is queued', async () => {
    const tenant = await service.newTenant();
    await setSetup(tenant, { busRelCodeForCustomers: '' });
    await addAccounts(tenant, '/customers', ['Fjord AS']);
    const refused = await tenant.request('POST', '/contacts/create-from-accounts/customer');
    expect([refused.status, refused.body.code]).toEqual([422, 'business_relation_missing']);
    expect((await tenant.request('GET', '/jobs')).body.items).toEqual([]);
    expect((await tenant.request('GET', '/contacts')).body.items).toEqual([]);
  });

  test('vendors and bank accounts each use their own relation code; only an admin starts it; one at a time', async () => {
    const tenant = await service.newTenant();
    await setSetup(tenant, { busRelCodeForVendors: '', busRelCodeForBankAccs: '' });
    await addAccounts(tenant, '/vendors', ['Supplier Oy']);
    await addAccounts(tenant, '/bank-accounts', ['Nordbank']);
    await setSetup(tenant, { busRelCodeForVendors: 'VEND', busRelCodeForBankAccs: 'BANK' });
    for (const as of [tenant.user(), tenant.user({ roles: ['Rapport.Manager'] })]) {
      expect((await tenant.request('POST', '/contacts/create-from-accounts/vendor', { as })).status).toBe(403);
    }
    expect((await tenant.request('POST', '/contacts/create-from-accounts/employee')).status).toBe(400);
    await service.jobs.stop();
    let vendors: string;
    try {
      vendors = await start(tenant, 'vendor');
      const second = await tenant.request('POST', '/contacts/create-from-accounts/bankAccount');
      expect([second.status, second.body.code, second.body.details]).toEqual([409, 'conflict', { jobId: vendors }]);
    } finally {
      service.jobs.start();
    }
    expect(await tenant.waitForJob(vendors)).toMatchObject({ status: 'succeeded', outcome: { kind: 'vendor', created: 1, alreadyLinked: 0 } });
    expect(await tenant.waitForJob(await start(tenant, 'bankAccount'))).toMatchObject({ status: 'succeeded', outcome: { kind: 'bankAccount', created: 1, alreadyLinked: 0 } });
    const summaries = (await tenant.request('GET', '/contacts')).body.items.map((item: { businessRelation: string }) => item.businessRelation).sort();
    expect(summaries).toEqual(['bankAccount', 'vendor']);
  });

  /** The job in steps of three accounts, each slowed down so a test can stop its runner halfway. */
  const slowJob = (started: unknown[]): AnyJobHandler => {
    const job = createContactsFromAccountsJob({ accountsPerStep: 3 });
    return {
      ...job,
      async step(input) {
        started.push(input.checkpoint);
        await new Promise((resolve) => setTimeout(resolve, 40));
        return job.step(input);
      },
    };
  };
  const runner = (handler: AnyJobHandler) => new JobRunner({ db: service.db, handlers: [handler], log: service.app.log, today: () => '2025-03-05', idleMs: 50 });
  async function runUntil(tenant: TestTenant, id: string, handler: AnyJobHandler, done: number) {
    const first = runner(handler);
    first.start();
    while ((await tenant.request('GET', `/jobs/${id}`)).body.progress.done < done) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.stop();
  }

  test('stopped halfway it resumes from its checkpoint: every account gets exactly one contact', async () => {
    const tenant = await service.newTenant();
    await setSetup(tenant, { busRelCodeForCustomers: '' });
    await addAccounts(tenant, '/customers', Array.from({ length: 14 }, (_value, index) => `Kunde ${index}`));
    await setSetup(tenant, { busRelCodeForCustomers: 'CUST' });
    await service.jobs.stop();
    try {
      const id = await start(tenant, 'customer');
      await runUntil(tenant, id, slowJob([]), 3);
      const halfway = (await tenant.request('GET', `/jobs/${id}`)).body;
      expect(halfway).toMatchObject({ status: 'running', progress: { total: 14 } });
      expect(halfway.progress.done).toBeLessThan(14);
      // Meanwhile a customer is created: with the code set it gets its contact by itself.
      expect((await tenant.request('POST', '/customers', { body: { name: 'Kunde ny' } })).status).toBe(201);

      const resumed: unknown[] = [];
      const second = runner(slowJob(resumed));
      second.start();
      const job = await tenant.waitForJob(id);
      await second.stop();
      expect(resumed[0]).toMatchObject({ created: halfway.progress.done, total: 14 });
      expect(job).toMatchObject({ status: 'succeeded', progress: { done: 14, total: 14 }, outcome: { created: 14, alreadyLinked: 1 } });
      const linked = await links(tenant, 'customer');
      expect(linked).toHaveLength(15);
      expect(new Set(linked.map((link) => link.split('→')[1])).size).toBe(15);
      expect((await tenant.request('GET', '/contacts?limit=100')).body.items).toHaveLength(15);
    } finally {
      service.jobs.start();
    }
  });

  test('a relation code cleared while it runs fails the job and keeps the contacts already created', async () => {
    const tenant = await service.newTenant();
    await setSetup(tenant, { busRelCodeForCustomers: '' });
    await addAccounts(tenant, '/customers', Array.from({ length: 14 }, (_value, index) => `Kunde ${index}`));
    await setSetup(tenant, { busRelCodeForCustomers: 'CUST' });
    await service.jobs.stop();
    try {
      const id = await start(tenant, 'customer');
      await runUntil(tenant, id, slowJob([]), 3);
      const done = (await tenant.request('GET', `/jobs/${id}`)).body.progress.done;
      await setSetup(tenant, { busRelCodeForCustomers: '' });
      const second = runner(slowJob([]));
      second.start();
      const job = await tenant.waitForJob(id);
      await second.stop();
      expect(job).toMatchObject({ status: 'failed', progress: { done }, error: { code: 'business_relation_missing' } });
      expect(await links(tenant, 'customer')).toHaveLength(done);
    } finally {
      service.jobs.start();
    }
  });
});
