import { randomUUID } from 'node:crypto';
import { SYNC_SCHEMA_VERSION, type PullResponse, type SyncOp } from '../../src/contract/sync';
import { pruneTombstones } from '../../src/server/modules/sync/sync-repository';
import { testEngines } from '../helpers/engines';
import { syncWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import type { TestUser } from '../helpers/tokens';

const TODAY = '2025-03-05';

type Client = { clientGroupId: string; clientId: string; cursor: string | null; nextId: number };
const newClient = (): Client => ({ clientGroupId: `g${randomUUID().replaceAll('-', '')}`, clientId: `c${randomUUID().replaceAll('-', '')}`, cursor: null, nextId: 1 });

describe.each(testEngines())('sync on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => TODAY });
  });
  afterAll(() => service.close());

  /** Pulls every page from the client's cursor; returns the ops in order and the last response. */
  const pullAll = async (tenant: TestTenant, as: TestUser, client: Client, limit = 2000) => {
    const ops: SyncOp[] = [];
    let last: PullResponse;
    let pages = 0;
    do {
      const response = await tenant.request<PullResponse>('POST', '/sync/pull', {
        as,
        body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: client.clientGroupId, cursor: client.cursor, limit },
      });
      if (response.status !== 200) throw new Error(JSON.stringify(response.body));
      last = response.body;
      ops.push(...last.ops);
      client.cursor = last.cursor;
      pages += 1;
    } while (last.hasMore);
    return { ops, last, pages };
  };

  const pushAs = (tenant: TestTenant, as: TestUser, client: Client, mutations: { name: string; args: unknown; id?: number }[]) =>
    tenant.request('POST', '/sync/push', {
      as,
      body: {
        schemaVersion: SYNC_SCHEMA_VERSION,
        clientGroupId: client.clientGroupId,
        clientId: client.clientId,
        mutations: mutations.map((mutation) => ({ id: mutation.id ?? client.nextId++, name: mutation.name, args: mutation.args })),
      },
    });

  const keysOf = (ops: readonly SyncOp[], collection: string, op: 'put' | 'del' = 'put') =>
    ops.filter((candidate) => candidate.collection === collection && candidate.op === op).map((candidate) => candidate.key);

  const emailArgs = (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    internetMessageId: `<${randomUUID()}@mail.example>`,
    subject: 'Pallet prices',
    from: { name: 'Kim Ek', address: 'kim@fabrikam.example' },
    to: [{ name: 'Anna Lindqvist', address: 'anna@nordlys.example' }],
    sentAt: `${TODAY}T09:30:00Z`,
    ...overrides,
  });

  const world = () => syncWorld(service);

  describe('pull', () => {
    test('a first pull sends the directory, the setup the pane needs and who the user is, then nothing more', async () => {
      const { tenant, anna, company, person } = await world();
      const client = newClient();
      const { ops, last } = await pullAll(tenant, anna, client);
      expect(last.reset).toBe(false);
      expect(keysOf(ops, 'contact').sort()).toEqual([company.no, person.no].sort());
      expect(keysOf(ops, 'setup')).toEqual(expect.arrayContaining(['me', 'marketingSetup', 'interactionTemplateSetup']));
      expect(ops.find((op) => op.collection === 'setup' && op.key === 'me')).toMatchObject({ value: { value: { salespersonCode: 'AL', email: 'anna@nordlys.example' } } });
      expect(keysOf(ops, 'salesCycle')).toContain('NEW');
      expect(keysOf(ops, 'closeOpportunityCode')).toContain('PRICE_W');
      expect(keysOf(ops, 'campaignStatus')).toContain('1-PLAN');
      expect(keysOf(ops, 'interactionTemplate').length).toBeGreaterThan(0);
      expect(keysOf(ops, 'salesperson').sort()).toEqual(['AL', 'BO']);
      expect(ops.some((op) => op.op === 'del')).toBe(false);
      const kim = ops.find((op) => op.collection === 'contact' && op.key === person.no);
      expect(kim).toMatchObject({ value: { type: 'person', email: 'kim@fabrikam.example', companyNo: company.no, companyName: 'Fabrikam AB', salespersonCode: 'AL' } });
      const cycle = ops.find((op) => op.collection === 'salesCycle' && op.key === 'NEW');
      expect(cycle?.op === 'put' && cycle.collection === 'salesCycle' && cycle.value.stages.map((stage) => stage.stage)).toEqual([1, 2, 3, 4, 5]);

      const again = await pullAll(tenant, anna, client);
      expect(again.ops).toEqual([]);
      expect(again.last.hasMore).toBe(false);
    });

    test('pages of a given size deliver every row exactly once, in order, and the cursor resumes between them', async () => {
      const { tenant, anna } = await world();
      for (let index = 0; index < 23; index++) await tenant.request('POST', '/contacts', { body: { name: `Company ${index}` } });
      const client = newClient();
      const { ops, pages } = await pullAll(tenant, anna, client, 7);
      const contacts = keysOf(ops, 'contact');
      expect(new Set(contacts).size).toBe(contacts.length);
      expect(contacts).toHaveLength(25);
      expect(pages).toBeGreaterThan(5);
    });

    test('changes after the cursor come as puts, deletions as dels, and a changed alternative address re-sends its contact', async () => {
      const { tenant, anna, company, person } = await world();
      const client = newClient();
      await pullAll(tenant, anna, client);
      const created = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso GmbH' } })).body.contact.no as string;
      await tenant.request('PUT', `/contacts/${person.no}/alt-addresses/HOME`, { body: { email: 'kim.home@private.example' } });
      const delta = await pullAll(tenant, anna, client);
      expect(keysOf(delta.ops, 'contact').sort()).toEqual([created, person.no].sort());
      expect(delta.ops.find((op) => op.key === person.no)).toMatchObject({ value: { altEmails: ['kim.home@private.example'] } });

      expect((await tenant.request('DELETE', `/contacts/${created}`)).status).toBe(204);
      const deleted = await pullAll(tenant, anna, client);
      expect(deleted.ops).toEqual([{ op: 'del', collection: 'contact', key: created }]);
      expect(company.no).not.toBe(created);
    });

    test("a user's own opportunities and tasks are sent in full; handing one to a colleague removes it from the user", async () => {
      const { tenant, anna, bo, person } = await world();
      const opportunity = (await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'Pallets', contactNo: person.no } })).body;
      const task = (await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Call Kim', date: TODAY, contactNo: person.no } })).body;
      const annas = newClient();
      const bos = newClient();
      const first = await pullAll(tenant, anna, annas);
      expect(first.ops.find((op) => op.collection === 'opportunity')).toMatchObject({ key: opportunity.no, value: { salespersonCode: 'AL', allowedActions: ['first', 'close'] } });
      expect(keysOf(first.ops, 'task')).toEqual([task.no]);
      expect(keysOf((await pullAll(tenant, bo, bos)).ops, 'opportunity')).toEqual([]);

      await tenant.request('PATCH', `/opportunities/${opportunity.no}`, { body: { salespersonCode: 'BO' } });
      await tenant.request('PATCH', `/tasks/${task.no}`, { body: { salespersonCode: 'BO' } });
      const annaDelta = await pullAll(tenant, anna, annas);
      expect(annaDelta.ops).toEqual(expect.arrayContaining([{ op: 'del', collection: 'opportunity', key: opportunity.no }, { op: 'del', collection: 'task', key: task.no }]));
      const boDelta = await pullAll(tenant, bo, bos);
      expect(keysOf(boDelta.ops, 'opportunity')).toEqual([opportunity.no]);
      expect(keysOf(boDelta.ops, 'task')).toEqual([task.no]);
    });

    test("recent interactions follow their contact's salesperson: reassigning the contact moves its history", async () => {
      const { tenant, anna, bo, person, company } = await world();
      const logged = await tenant.request('POST', '/interactions/email', { as: bo, body: emailArgs({ to: [{ address: 'bo@nordlys.example' }] }) });
      const entryNo = String(logged.body.interactions[0].entryNo);
      const annas = newClient();
      expect(keysOf((await pullAll(tenant, anna, annas)).ops, 'interaction')).toEqual([entryNo]);

      await tenant.request('PATCH', `/contacts/${company.no}`, { body: { salespersonCode: 'CD' } }).then(async (response) => {
        if (response.status !== 200) await tenant.request('PUT', '/salespeople/CD', { body: { name: 'Cay Dahl' } });
      });
      await tenant.request('PUT', '/salespeople/CD', { body: { name: 'Cay Dahl' } });
      await tenant.request('PATCH', `/contacts/${person.no}`, { body: { salespersonCode: 'CD' } });
      const delta = await pullAll(tenant, anna, annas);
      expect(delta.ops).toEqual(expect.arrayContaining([{ op: 'del', collection: 'interaction', key: entryNo }]));

      await tenant.request('PATCH', `/contacts/${person.no}`, { body: { salespersonCode: 'AL' } });
      expect(keysOf((await pullAll(tenant, anna, annas)).ops, 'interaction')).toEqual([entryNo]);
    });

    test('a client pulling while others write never misses a row that commits late', async () => {
      const { tenant, anna } = await world();
      const client = newClient();
      const held = new Set<string>();
      const apply = (ops: readonly SyncOp[]) => {
        for (const op of ops) {
          if (op.collection !== 'contact') continue;
          if (op.op === 'put') held.add(op.key);
          else held.delete(op.key);
        }
      };
      const writers = Promise.all(Array.from({ length: 30 }, (_value, index) => tenant.request('POST', '/contacts', { body: { name: `Late ${index}` } })));
      let writing = true;
      void writers.then(() => (writing = false));
      while (writing) apply((await pullAll(tenant, anna, client, 5)).ops);
      apply((await pullAll(tenant, anna, client)).ops);
      const listed = await tenant.request('GET', '/contacts?limit=500');
      expect([...held].sort()).toEqual(listed.body.items.map((contact: { no: string }) => contact.no).sort());
    });

    test('another tenant sees none of these rows', async () => {
      const { tenant, anna } = await world();
      await tenant.request('POST', '/interactions/email', { as: anna, body: emailArgs() });
      const other = await service.newTenant();
      const { ops } = await pullAll(other, other.admin, newClient());
      expect(keysOf(ops, 'contact')).toEqual([]);
      expect(keysOf(ops, 'interaction')).toEqual([]);
      expect(keysOf(ops, 'salesperson')).toEqual([]);
    });

    test('a cursor older than the pruned tombstones, or made for another salesperson, starts a full sync with reset', async () => {
      const { tenant, anna } = await world();
      const client = newClient();
      await pullAll(tenant, anna, client);
      const before = client.cursor;
      const created = (await tenant.request('POST', '/contacts', { body: { name: 'Short-lived AB' } })).body.contact.no as string;
      await tenant.request('DELETE', `/contacts/${created}`);
      expect((await pullAll(tenant, anna, client)).ops).toEqual([{ op: 'del', collection: 'contact', key: created }]);
      await service.db.query(`UPDATE sync_tombstone SET deleted_at = now() - interval '91 days' WHERE tenant_id = $1`, [tenant.tenantId]);
      expect(await pruneTombstones(service.db, tenant.tenantId, new Date(Date.now() - 90 * 24 * 3600 * 1000))).toBe(1);

      const caughtUp = await pullAll(tenant, anna, client);
      expect(caughtUp.last.reset).toBe(false);
      const stale = await tenant.request<PullResponse>('POST', '/sync/pull', { as: anna, body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: client.clientGroupId, cursor: before } });
      expect(stale.body.reset).toBe(true);
      expect(keysOf(stale.body.ops, 'setup')).toContain('me');
      expect(keysOf(stale.body.ops, 'contact', 'del')).toEqual([]);

      await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna.old@nordlys.example' } });
      const rescoped = await tenant.request<PullResponse>('POST', '/sync/pull', { as: anna, body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: client.clientGroupId, cursor: client.cursor } });
      expect(rescoped.body.reset).toBe(true);
    });

    test.each([
      ['a cursor that is not ours', { cursor: 'bm90IGEgY3Vyc29y' }, 400, 'validation_failed'],
      ['an unknown field', { extra: 1 }, 400, 'validation_failed'],
      ['a limit above the maximum', { limit: 100000 }, 400, 'validation_failed'],
      ['a bad client group id', { clientGroupId: 'a b' }, 400, 'validation_failed'],
      ['another schema version', { schemaVersion: 99 }, 409, 'sync_schema_mismatch'],
    ])('a pull with %s is refused clearly', async (_title, overrides, status, code) => {
      const { tenant, anna } = await world();
      const response = await tenant.request('POST', '/sync/pull', { as: anna, body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: 'gabcdefgh', cursor: null, ...overrides } });
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
    });

    test('a pull without a token is refused', async () => {
      const { tenant } = await world();
      const response = await tenant.request('POST', '/sync/pull', { as: null, body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: 'gabcdefgh', cursor: null } });
      expect(response.status).toBe(401);
    });
  });

  describe('push', () => {
    test('a mutation is applied once; its resend is reported as a duplicate and the pull confirms it with its data', async () => {
      const { tenant, anna, person } = await world();
      const client = newClient();
      await pullAll(tenant, anna, client);
      const args = emailArgs();
      const first = await pushAs(tenant, anna, client, [{ name: 'logEmail', args, id: 1 }]);
      expect(first.body).toEqual({ schemaVersion: SYNC_SCHEMA_VERSION, lastMutationId: 1, results: [{ id: 1, status: 'applied', duplicate: false }] });
      const resent = await pushAs(tenant, anna, client, [{ name: 'logEmail', args, id: 1 }]);
      expect(resent.body.results).toEqual([{ id: 1, status: 'applied', duplicate: true }]);

      const { ops, last } = await pullAll(tenant, anna, client);
      expect(last.lastMutationIds).toEqual({ [client.clientId]: 1 });
      expect(ops.filter((op) => op.collection === 'interaction')).toEqual([
        expect.objectContaining({ op: 'put', value: expect.objectContaining({ contactNo: person.no, id: args.id, informationFlow: 'inbound', internetMessageId: args.internetMessageId }) }),
      ]);
      const logged = await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(args.internetMessageId)}`);
      expect(logged.body.interactions).toHaveLength(1);
    });

    test('two devices logging the same e-mail make one interaction', async () => {
      const { tenant, anna } = await world();
      const laptop = newClient();
      const phone = newClient();
      const message = emailArgs();
      await Promise.all([
        pushAs(tenant, anna, laptop, [{ name: 'logEmail', args: message }]),
        pushAs(tenant, anna, phone, [{ name: 'logEmail', args: { ...message, id: randomUUID() } }]),
      ]);
      const logged = await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(message.internetMessageId)}`);
      expect(logged.body.interactions).toHaveLength(1);
    });

    test('a mutation that skips ahead is refused with the id expected, and nothing after it runs', async () => {
      const { tenant, anna } = await world();
      const client = newClient();
      const response = await pushAs(tenant, anna, client, [
        { name: 'logEmail', args: emailArgs(), id: 2 },
        { name: 'logEmail', args: emailArgs(), id: 3 },
      ]);
      expect(response.body).toEqual({ schemaVersion: SYNC_SCHEMA_VERSION, lastMutationId: 0, results: [], outOfOrder: { expectedId: 1 } });
    });

    test('a rejected mutation is recorded with its reason, does not block the next, and reaches the client group by pull', async () => {
      const { tenant, anna, bo, person } = await world();
      const client = newClient();
      await pullAll(tenant, anna, client);
      const response = await pushAs(tenant, anna, client, [
        { name: 'updateOpportunity', args: { no: 'OP999999', update: { action: 'next', estimatedValueLcy: 10 } } },
        { name: 'createTask', args: { id: randomUUID(), task: { description: 'Call Kim', date: TODAY, contactNo: person.no } } },
        { name: 'createTask', args: { id: randomUUID(), task: { description: '', date: 'someday' } } },
      ]);
      expect(response.body.results).toEqual([
        { id: 1, status: 'rejected', duplicate: false, rejection: expect.objectContaining({ code: 'not_found' }) },
        { id: 2, status: 'applied', duplicate: false },
        { id: 3, status: 'rejected', duplicate: false, rejection: expect.objectContaining({ code: 'validation_failed', details: { fields: expect.arrayContaining([expect.objectContaining({ path: 'args.task.date' })]) } }) },
      ]);
      const resent = await pushAs(tenant, anna, client, [{ name: 'createTask', args: {}, id: 3 }]);
      expect(resent.body.results[0]).toMatchObject({ id: 3, status: 'rejected', duplicate: true, rejection: { code: 'validation_failed' } });

      const { ops, last } = await pullAll(tenant, anna, client);
      expect(last.lastMutationIds[client.clientId]).toBe(3);
      expect(keysOf(ops, 'rejection').sort()).toEqual([`${client.clientId}|1`, `${client.clientId}|3`]);
      expect(keysOf(ops, 'task')).toHaveLength(1);
      const otherGroup = await pullAll(tenant, anna, newClient());
      expect(keysOf(otherGroup.ops, 'rejection')).toEqual([]);
      const otherUser = await pullAll(tenant, bo, { ...client, cursor: null });
      expect(keysOf(otherUser.ops, 'rejection')).toEqual([]);
      expect(otherUser.last.lastMutationIds).toEqual({});
    });

    test('a likely duplicate contact is rejected with its candidates; allowDuplicates creates it', async () => {
      const { tenant, anna, company } = await world();
      const client = newClient();
      const contact = { type: 'company', name: 'Fabrikam AB', email: 'info@fabrikam.example' };
      const refused = await pushAs(tenant, anna, client, [{ name: 'createContact', args: { id: randomUUID(), contact } }]);
      expect(refused.body.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'likely_duplicate', details: { candidates: [expect.objectContaining({ contactNo: company.no })] } } });
      const accepted = await pushAs(tenant, anna, client, [{ name: 'createContact', args: { id: randomUUID(), contact, allowDuplicates: true } }]);
      expect(accepted.body.results[0]).toMatchObject({ status: 'applied' });
    });

    test('an e-mail from nobody known is rejected with the addresses, so the pane can offer to add them', async () => {
      const { tenant, anna } = await world();
      const response = await pushAs(tenant, anna, newClient(), [
        { name: 'logEmail', args: emailArgs({ from: { name: 'Eve', address: 'eve@unknown.example' }, to: [{ address: 'someone@else.example' }] }) },
      ]);
      expect(response.body.results[0]).toMatchObject({ status: 'rejected', rejection: { code: 'email_not_logged', details: { unmatchedAddresses: expect.arrayContaining(['eve@unknown.example']) } } });
    });

    test('every mutation of the pane goes through the same rules as its route', async () => {
      const { tenant, anna, person } = await world();
      const client = newClient();
      const email = emailArgs();
      const call = { id: randomUUID(), contactNo: person.no, kind: 'phoneCall', date: TODAY, description: 'Asked for prices' };
      const opportunityId = randomUUID();
      const response = await pushAs(tenant, anna, client, [
        { name: 'logEmail', args: email },
        { name: 'logInteraction', args: call },
        { name: 'cancelInteraction', args: { id: call.id } },
        { name: 'createContact', args: { id: randomUUID(), contact: { type: 'person', name: 'Lea Nilsson', email: 'lea@fabrikam.example' } } },
        { name: 'updateContact', args: { no: person.no, patch: { jobTitle: 'Buyer' } } },
        { name: 'createOpportunity', args: { id: opportunityId, opportunity: { no: '', description: 'Pallets', contactNo: person.no } } },
        { name: 'createTask', args: { id: randomUUID(), task: { description: 'Send prices', date: TODAY, contactNo: person.no } } },
      ]);
      expect(response.body.results.map((result: { status: string; rejection?: unknown }) => [result.status, result.rejection])).toEqual(Array(7).fill(['applied', undefined]));

      const { ops } = await pullAll(tenant, anna, client);
      const interactions = ops.filter((op) => op.collection === 'interaction' && op.op === 'put');
      expect(interactions.map((op) => op.op === 'put' && op.collection === 'interaction' && [op.value.interactionTemplateCode !== '', op.value.canceled])).toEqual([
        [true, false],
        [true, true],
      ]);
      expect(ops.find((op) => op.key === person.no && op.collection === 'contact')).toMatchObject({ value: { jobTitle: 'Buyer' } });
      const opportunityNo = keysOf(ops, 'opportunity')[0] as string;
      const taskNo = keysOf(ops, 'task')[0] as string;

      const moves = await pushAs(tenant, anna, client, [
        { name: 'updateOpportunity', args: { no: opportunityNo, update: { action: 'first', estimatedValueLcy: 20000, chancesOfSuccessPct: 10 } } },
        { name: 'closeOpportunity', args: { no: opportunityNo, close: { actionTaken: 'lost', closeOpportunityCode: 'PRICE_L' } } },
        { name: 'closeTask', args: { no: taskNo } },
      ]);
      expect(moves.body.results.map((result: { status: string }) => result.status)).toEqual(['applied', 'applied', 'applied']);
      const after = await pullAll(tenant, anna, client);
      expect(after.ops.find((op) => op.collection === 'opportunity')).toMatchObject({ value: { status: 'lost', closed: true } });
      expect(after.ops.find((op) => op.collection === 'task' && op.key === taskNo)).toMatchObject({ value: { closed: true } });
    });

    test('a log naming an opportunity links it, and one naming another contact’s is rejected with the field', async () => {
      const { tenant, anna, person } = await world();
      const client = newClient();
      const deal = (await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'Pallets', contactNo: person.no } })).body;
      const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso Ltd', email: 'info@contoso.example' } })).body.contact;
      const response = await pushAs(tenant, anna, client, [
        { name: 'logInteraction', args: { id: randomUUID(), contactNo: person.no, kind: 'phoneCall', date: TODAY, opportunityNo: deal.no } },
        { name: 'logInteraction', args: { id: randomUUID(), contactNo: other.no, kind: 'phoneCall', date: TODAY, opportunityNo: deal.no } },
      ]);
      expect(response.body.results.map((result: { status: string }) => result.status)).toEqual(['applied', 'rejected']);
      expect(response.body.results[1]).toMatchObject({ rejection: { code: 'validation_failed', details: { fields: [{ path: 'opportunityNo' }] } } });
      const { ops } = await pullAll(tenant, anna, client);
      expect(ops.filter((op) => op.op === 'put' && op.collection === 'interaction').map((op) => op.op === 'put' && op.collection === 'interaction' && op.value.opportunityNo)).toEqual([deal.no]);
    });

    test("an outbox belongs to its user: another user's push with the same client id is refused", async () => {
      const { tenant, anna, bo } = await world();
      const client = newClient();
      await pushAs(tenant, anna, client, [{ name: 'logEmail', args: emailArgs() }]);
      const response = await pushAs(tenant, bo, client, [{ name: 'logEmail', args: emailArgs() }]);
      expect(response.status).toBe(403);
    });

    test.each([
      ['an unknown mutation name', { mutations: [{ id: 1, name: 'dropTables', args: {} }] }, 400],
      ['a mutation id of zero', { mutations: [{ id: 0, name: 'logEmail', args: {} }] }, 400],
      ['more than 100 mutations', { mutations: Array.from({ length: 101 }, (_value, index) => ({ id: index + 1, name: 'logEmail', args: {} })) }, 400],
      ['another schema version', { schemaVersion: 2, mutations: [] }, 409],
    ])('a push with %s is refused as a whole', async (_title, overrides, status) => {
      const { tenant, anna } = await world();
      const response = await tenant.request('POST', '/sync/push', {
        as: anna,
        body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: 'gabcdefgh', clientId: 'cabcdefgh', ...overrides },
      });
      expect(response.status).toBe(status);
    });
  });
});
