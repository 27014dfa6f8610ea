import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('Create Contacts from Customers, Vendors and Bank Accounts on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine);
  });
  afterAll(() => service.close());

  const setSetup = async (tenant: TestTenant, changes: Record<string, unknown>) => {
    const current = (await tenant.request('GET', '/setup/marketing')).body;
    expect((await tenant.request('PUT', '/setup/marketing', { body: { ...current, ...changes } })).status).toBe(200);
  };

  test('every customer without a contact gets a company contact with the relation code; a second run creates nothing', async () => {
    const tenant = await service.newTenant();
    await setSetup(tenant, { busRelCodeForCustomers: '' });
    // More accounts than one batch holds, so the batches' keyset is exercised.
    const names = Array.from({ length: 203 }, (_value, index) => `Customer ${String(index).padStart(3, '0')}`);
    for (const name of names) expect((await tenant.request('POST', '/customers', { body: { name, city: 'Oslo' } })).status).toBe(201);
    expect((await tenant.request('GET', '/contacts')).body.items).toEqual([]);

    const refused = await tenant.request('POST', '/contacts/create-from-accounts/customer');
    expect([refused.status, refused.body.code]).toEqual([422, 'business_relation_missing']);
    expect((await tenant.request('GET', '/contacts')).body.items).toEqual([]);

    await setSetup(tenant, { busRelCodeForCustomers: 'CUST' });
    expect((await tenant.request('POST', '/customers', { body: { name: 'Already Linked AS' } })).status).toBe(201);
    const first = await tenant.request('POST', '/contacts/create-from-accounts/customer');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'customer', created: 203, alreadyLinked: 1 });
    expect(new Set(first.body.contactNos).size).toBe(203);
    const contact = (await tenant.request('GET', `/contacts/${first.body.contactNos[0]}`)).body;
    expect(contact.contact ?? contact).toMatchObject({ type: 'company', name: 'Customer 000', city: 'Oslo', businessRelation: 'customer' });

    const second = await tenant.request('POST', '/contacts/create-from-accounts/customer');
    expect(second.body).toMatchObject({ created: 0, alreadyLinked: 204, contactNos: [] });
  });

  test('vendors and bank accounts each use their own relation code; only an admin runs the batch', async () => {
    const tenant = await service.newTenant();
    await setSetup(tenant, { busRelCodeForVendors: '', busRelCodeForBankAccs: '' });
    expect((await tenant.request('POST', '/vendors', { body: { name: 'Supplier Oy' } })).status).toBe(201);
    expect((await tenant.request('POST', '/bank-accounts', { body: { name: 'Nordbank' } })).status).toBe(201);
    await setSetup(tenant, { busRelCodeForVendors: 'VEND', busRelCodeForBankAccs: 'BANK' });
    const manager = tenant.user({ roles: ['Rapport.Manager'] });
    expect((await tenant.request('POST', '/contacts/create-from-accounts/vendor', { as: manager })).status).toBe(403);
    expect((await tenant.request('POST', '/contacts/create-from-accounts/vendor')).body).toMatchObject({ created: 1, alreadyLinked: 0 });
    expect((await tenant.request('POST', '/contacts/create-from-accounts/bankAccount')).body).toMatchObject({ created: 1, alreadyLinked: 0 });
    expect((await tenant.request('POST', '/contacts/create-from-accounts/employee')).status).toBe(400);
    const summaries = (await tenant.request('GET', '/contacts')).body.items.map((item: { businessRelation: string }) => item.businessRelation).sort();
    expect(summaries).toEqual(['bankAccount', 'vendor']);
  });
});
