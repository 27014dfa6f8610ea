import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SyncMutationArgs } from '../../src/contract/sync';
import { createSyncApi } from '../../src/addin/api/sync-api';
import type { LocalStore, PullPageToApply } from '../../src/addin/cache/local-store';
import { findSender } from '../../src/addin/cache/sender-lookup';
import { createSyncEngine, type SyncStatus } from '../../src/addin/sync/sync-engine';
import type { Db } from '../../src/server/db/db';
import { buildApp } from '../../src/server/http/app';
import { API_ROUTES } from '../../src/server/routes';
import { testEngines } from '../helpers/engines';
import { syncWorld } from '../helpers/sales-world';
import { expectStoreToHold, injectFetch, newNetwork, openStore, serverView, STORE_KINDS, syncClient, type StoreKind } from '../helpers/sync-clients';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import type { TestUser } from '../helpers/tokens';

/**
 * The add-in's cache and outbox against the real service: both stores, both database engines.
 * What must hold is what a salesperson relies on — every device converges to the service's state,
 * an e-mail logged offline or resent is one interaction, and nothing is lost on the way.
 */
const TODAY = '2025-03-05';

const cases = testEngines().flatMap((engine) => STORE_KINDS.map((store) => [engine, store] as const));

describe.each(cases)('sync on %s with the %s store', (engine, storeKind: StoreKind) => {
  let service: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => TODAY });
    app = service.app;
  });
  afterAll(() => service.close());

  const world = async () => {
    const found = await syncWorld(service);
    const device = async (user: TestUser = found.anna, options: { store?: LocalStore; limit?: number } = {}) =>
      syncClient({ app: () => app, signer: service.signer, user, store: options.store ?? (await openStore(storeKind)), ...(options.limit ? { limit: options.limit } : {}) });
    return { ...found, device };
  };

  const email = (overrides: Partial<SyncMutationArgs<'logEmail'>> = {}): SyncMutationArgs<'logEmail'> => ({
    id: randomUUID(),
    internetMessageId: `<${randomUUID()}@mail.example>`,
    subject: 'Pallet prices',
    from: { name: 'Kim Ek', address: 'kim@fabrikam.example' },
    to: [{ name: 'Anna Lindqvist', address: 'anna@nordlys.example' }],
    sentAt: `${TODAY}T09:30:00Z`,
    ...overrides,
  });

  const interactionsOfMessage = async (tenant: TestTenant, internetMessageId: string) =>
    (await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(internetMessageId)}`)).body.interactions as unknown[];

  test("two devices of one user converge on the service's state, each seeing what the other did", async () => {
    const { device, person } = await world();
    const laptop = await device();
    const phone = await device();
    await laptop.sync();
    await phone.sync();

    await laptop.store.enqueue('logEmail', email());
    await laptop.store.enqueue('createTask', { id: randomUUID(), task: { description: 'Send prices', date: TODAY, contactNo: person.no } });
    await phone.store.enqueue('updateContact', { no: person.no, patch: { jobTitle: 'Head of purchasing' } });
    await laptop.sync();
    await phone.sync();
    await laptop.sync();

    const expected = await serverView(laptop.api);
    await expectStoreToHold(laptop.store, expected);
    await expectStoreToHold(phone.store, expected);
    expect(await phone.store.count('task')).toBe(1);
    expect(await laptop.store.get('contact', person.no)).toMatchObject({ jobTitle: 'Head of purchasing' });
    expect(await laptop.store.outbox()).toEqual([]);
    expect(await phone.store.outbox()).toEqual([]);
  });

  test('a third tenant sees nothing of theirs', async () => {
    const { device, anna } = await world();
    const annas = await device(anna);
    await annas.store.enqueue('logEmail', email());
    await annas.sync();

    const stranger = await service.newTenant();
    const theirs = await syncClient({ app: () => app, signer: service.signer, user: stranger.admin, store: await openStore(storeKind) });
    await theirs.sync();
    expect(await theirs.store.count('contact')).toBe(0);
    expect(await theirs.store.count('interaction')).toBe(0);
    expect(await theirs.store.count('salesperson')).toBe(0);
    expect(await theirs.store.contactsByEmail('kim@fabrikam.example')).toEqual([]);
  });

  test('an e-mail logged offline is sent on reconnect and is exactly one interaction', async () => {
    const { tenant, device } = await world();
    const laptop = await device();
    await laptop.sync();
    laptop.network.online = false;
    const message = email();
    await laptop.store.enqueue('logEmail', message);
    await expect(laptop.sync()).rejects.toMatchObject({ kind: 'network' });
    expect((await laptop.store.outbox()).map((entry) => entry.status)).toEqual(['pending']);

    laptop.network.online = true;
    await laptop.sync();
    await laptop.sync();
    expect(await interactionsOfMessage(tenant, message.internetMessageId)).toHaveLength(1);
    expect(await laptop.store.outbox()).toEqual([]);
    expect(await laptop.store.interactionsOfMessage(message.internetMessageId)).toHaveLength(1);
  });

  test('the answer to a push lost on the way back: the resend is recognised and it stays one interaction', async () => {
    const { tenant, device } = await world();
    const laptop = await device();
    const message = email();
    await laptop.store.enqueue('logEmail', message);
    let lost = 0;
    laptop.network.loseAnswer = (path) => path.endsWith('/sync/push') && lost++ === 0;
    await expect(laptop.push()).rejects.toMatchObject({ kind: 'network' });
    expect(laptop.network.delivered.filter((path) => path.endsWith('/sync/push'))).toHaveLength(1);

    await laptop.sync();
    expect(await interactionsOfMessage(tenant, message.internetMessageId)).toHaveLength(1);
    expect(await laptop.store.outbox()).toEqual([]);
  });

  test('the service failing in the middle of a push and restarting loses nothing and doubles nothing', async () => {
    const { tenant, anna } = await world();
    const store = await openStore(storeKind);
    const messages = Array.from({ length: 6 }, () => email());
    for (const message of messages) await store.enqueue('logEmail', message);

    // The first service dies while it handles the fourth mutation: its database connection breaks
    // mid-transaction, that transaction rolls back and the request fails.
    let inserts = 0;
    const dyingDb: Db = {
      ...service.db,
      transaction: (work) =>
        service.db.transaction((tx) =>
          work({
            query: async (sql, params) => {
              if (sql.includes('INSERT INTO interaction_log_entry') && ++inserts === 4) throw new Error('connection terminated unexpectedly');
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const dying = await buildApp({ db: dyingDb, verifyToken: service.signer.verifier, routes: API_ROUTES, version: 'test', publicUrl: 'http://localhost', logLevel: 'silent', today: () => TODAY });
    await dying.ready();
    let current = dying;
    const laptop = await syncClient({ app: () => current, signer: service.signer, user: anna, store });
    await expect(laptop.push()).rejects.toMatchObject({ kind: 'server' });
    await dying.close();

    current = app;
    await laptop.sync();
    for (const message of messages) expect(await interactionsOfMessage(tenant, message.internetMessageId)).toHaveLength(1);
    expect(await store.outbox()).toEqual([]);
    expect(await store.count('interaction')).toBe(6);
  });

  test('a client stopped between applying a page and storing its cursor resumes without gaps or duplicates', async () => {
    const { tenant, device } = await world();
    for (let index = 0; index < 12; index++) await tenant.request('POST', '/contacts', { body: { name: `Company ${index}`, email: `info@company${index}.example` } });
    const store = await openStore(storeKind);
    let pages = 0;
    const applyUntilClosed = async (page: PullPageToApply) => {
      pages += 1;
      // The page is applied atomically with its cursor, so a crash at this point leaves neither.
      if (pages === 3) throw new Error('the pane was closed');
      return store.applyPullPage(page);
    };
    const crashing = new Proxy(store, {
      get: (target, property) => (property === 'applyPullPage' ? applyUntilClosed : (Reflect.get(target, property, target) as () => unknown).bind(target)),
    });
    const first = await device(undefined, { store: crashing, limit: 4 });
    await expect(first.pull()).rejects.toThrow('the pane was closed');
    // Two pages made it; the third left nothing behind.
    expect((await store.syncState()).cursor).not.toBeNull();

    const second = await device(undefined, { store, limit: 4 });
    await second.pull();
    await expectStoreToHold(store, await serverView(second.api));
    expect(await store.count('contact')).toBe(14);
  });

  test('a contact deleted on the service disappears from the cache', async () => {
    const { tenant, device } = await world();
    const created = (await tenant.request('POST', '/contacts', { body: { name: 'Gone AB', email: 'hello@gone.example' } })).body.contact.no as string;
    const laptop = await device();
    await laptop.sync();
    expect(await laptop.store.contactsByEmail('hello@gone.example')).toHaveLength(1);
    expect((await tenant.request('DELETE', `/contacts/${created}`)).status).toBe(204);
    await laptop.sync();
    expect(await laptop.store.get('contact', created)).toBeUndefined();
    expect(await laptop.store.contactsByEmail('hello@gone.example')).toEqual([]);
  });

  test("a salesperson's scope shrinking removes the rows: a reassigned opportunity, and a reassigned contact's history", async () => {
    const { tenant, device, anna, person, company } = await world();
    const opportunity = (await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'Pallets', contactNo: person.no } })).body.no as string;
    const laptop = await device(anna);
    await laptop.store.enqueue('logEmail', email());
    await laptop.sync();
    await laptop.sync();
    expect(await laptop.store.opportunitiesOf(person.no)).toHaveLength(1);
    expect(await laptop.store.interactionsOf(person.no, 10)).toHaveLength(1);

    await tenant.request('PATCH', `/opportunities/${opportunity}`, { body: { salespersonCode: 'BO' } });
    await tenant.request('PATCH', `/contacts/${company.no}`, { body: { salespersonCode: 'BO' } });
    await laptop.sync();
    expect(await laptop.store.opportunitiesOf(person.no)).toEqual([]);
    await expectStoreToHold(laptop.store, await serverView(laptop.api));
  });

  test('the sync loop itself: offline, a write, back online — pushed and confirmed without a hand on it', async () => {
    const { tenant, anna } = await world();
    const network = newNetwork();
    const store = await openStore(storeKind);
    const listeners = new Set<(online: boolean) => void>();
    const online = { isOnline: () => network.online, subscribe: (listener: (value: boolean) => void) => (listeners.add(listener), () => listeners.delete(listener)) };
    const engine = createSyncEngine({ store, api: createSyncApi({ baseUrl: 'http://localhost', fetch: injectFetch(() => app, network), getToken: () => service.signer.sign(anna) }), onlineEvents: online });
    const statuses: SyncStatus[] = [];
    engine.subscribe((status) => statuses.push(status));
    const settled = (check: (status: SyncStatus) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the loop did not settle: ${JSON.stringify(engine.status())}`)), 10_000);
        const look = (status: SyncStatus) => {
          if (check(status)) {
            clearTimeout(timer);
            unsubscribe();
            resolve();
          }
        };
        const unsubscribe = engine.subscribe(look);
        look(engine.status());
      });
    try {
      engine.start();
      await settled((status) => status.state === 'idle' && status.lastSyncedAt !== null);
      network.online = false;
      for (const listener of listeners) listener(false);
      const message = email();
      await store.enqueue('logEmail', message);
      engine.notifyWrite();
      await settled((status) => status.state === 'offline' && status.pendingCount === 1);

      network.online = true;
      for (const listener of listeners) listener(true);
      await settled((status) => status.state === 'idle' && status.pendingCount === 0);
      expect(await interactionsOfMessage(tenant, message.internetMessageId)).toHaveLength(1);
      expect((await findSender(store, 'KIM@fabrikam.example')).kind).toBe('one');
      expect(statuses.some((status) => status.state === 'offline')).toBe(true);
    } finally {
      engine.stop();
    }
  });
});
