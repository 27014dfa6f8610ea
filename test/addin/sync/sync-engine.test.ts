import { randomUUID } from 'node:crypto';
import { createSyncApi } from '../../../src/addin/api/sync-api';
import { StorageQuotaError, type LocalStore, type PullPageToApply } from '../../../src/addin/cache/local-store';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { createSyncEngine, type SyncEngine, type SyncLoopState, type SyncStatus } from '../../../src/addin/sync/sync-engine';
import { createFakeClock, type FakeClock } from './helpers/fake-clock';
import { createFakeNetwork, type FakeNetwork } from './helpers/fake-network';
import { createFakeSyncServer, syncContact, type FakeSyncServer, type Failure, type SyncPath } from './helpers/fake-sync-server';
import { withFaults, type FaultyStore } from './helpers/faulty-store';

type Harness = {
  clock: FakeClock;
  server: FakeSyncServer;
  network: FakeNetwork;
  store: FaultyStore;
  engine: SyncEngine;
  /** The token the sign-in module hands out; null when signed out. */
  token: { current: string | null };
  tokenRequests: { forceRefresh: boolean }[];
  /** Every state the indicator showed, without repeats. */
  states: SyncLoopState[];
  reopened: LocalStore[];
};

const engines: SyncEngine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

function harness(options: { online?: boolean; canReopen?: boolean; store?: LocalStore; server?: FakeSyncServer } = {}): Harness {
  const clock = createFakeClock();
  const server = options.server ?? createFakeSyncServer();
  const network = createFakeNetwork(options.online ?? true);
  const store = withFaults(options.store ?? createMemoryStore());
  const token = { current: 'token-1' as string | null };
  const tokenRequests: { forceRefresh: boolean }[] = [];
  const reopened: LocalStore[] = [];
  const api = createSyncApi({
    baseUrl: 'https://rapport.test/',
    fetch: server.fetch,
    getToken: async (request) => {
      tokenRequests.push(request);
      return token.current;
    },
  });
  const engine = createSyncEngine({
    store,
    api,
    clock,
    onlineEvents: network,
    random: () => 0.5,
    ...(options.canReopen === false ? {} : { openStore: async () => createMemoryStore() }),
    onStoreReopened: (fresh) => reopened.push(fresh),
  });
  engines.push(engine);
  const states: SyncLoopState[] = [engine.status().state];
  engine.subscribe((status: SyncStatus) => {
    if (states[states.length - 1] !== status.state) states.push(status.state);
  });
  return { clock, server, network, store, engine, token, tokenRequests, states, reopened };
}

const contactsOn = (server: FakeSyncServer, count: number): void => {
  for (let n = 1; n <= count; n += 1) server.put('contact', syncContact(`C${n}`));
};

const createContact = (store: LocalStore, name: string, email = `${name.toLowerCase()}@fabrikam.test`) =>
  store.enqueue('createContact', { id: randomUUID(), contact: { name, email } });

const paths = (server: FakeSyncServer): SyncPath[] => server.requests.map((request) => request.path);
const pushedIds = (server: FakeSyncServer): number[][] => server.pushes().map((push) => push.mutations.map((mutation) => mutation.id));

describe('pulling', () => {
  test('applies the pages in order, each asked for with the cursor of the page before', async () => {
    const { clock, server, store, engine } = harness();
    contactsOn(server, 5);
    server.pageSize = 2;
    const applied: string[] = [];
    const apply = store.applyPullPage.bind(store);
    store.override('applyPullPage', async (page: PullPageToApply) => {
      applied.push(page.cursor);
      return apply(page);
    });

    engine.start();
    await clock.settle();

    expect(server.pulls().map((pull) => pull.cursor)).toEqual([null, 'f2', 'f4']);
    expect(applied).toEqual(['f2', 'f4', 'v5']);
    expect((await store.syncState()).cursor).toBe('v5');
    expect(await store.count('contact')).toBe(5);
    expect(engine.status()).toMatchObject({ state: 'idle', lastSyncedAt: new Date(clock.now()).toISOString() });
  });

  test('yields to the pane after a page before it applies the next one, which is already on its way', async () => {
    const { clock, server, store, engine } = harness();
    contactsOn(server, 3);
    server.pageSize = 1;

    engine.start();
    await clock.flush();

    expect(server.pulls().map((pull) => pull.cursor)).toEqual([null, 'f1']);
    expect(await store.count('contact')).toBe(1);
    expect(clock.pendingDelays()).toEqual([0]);

    await clock.settle();
    expect(server.pulls()).toHaveLength(3);
    expect(await store.count('contact')).toBe(3);
  });

  test.each<[string, (h: Harness) => Harness]>([
    [
      'the pane stopping and starting the loop',
      (h) => {
        h.engine.stop();
        h.engine.start();
        return h;
      },
    ],
    [
      'a crash, after which a new loop opens the same store',
      (h) => {
        h.engine.stop();
        const next = harness({ store: h.store, server: h.server });
        next.engine.start();
        return next;
      },
    ],
  ])('resumes from the stored cursor after %s', async (_case, interrupt) => {
    const first = harness();
    contactsOn(first.server, 3);
    first.server.pageSize = 1;
    first.engine.start();
    await first.clock.flush();
    expect(first.server.pulls()).toHaveLength(2);

    const next = interrupt(first);
    await next.clock.settle();

    // The second page had arrived but was not applied: it is dropped and asked for again.
    expect(first.server.pulls().map((pull) => pull.cursor)).toEqual([null, 'f1', 'f1', 'f2']);
    expect(await first.store.count('contact')).toBe(3);
  });

  test('resumes from the stored cursor after a dropped connection', async () => {
    const { clock, server, store, engine } = harness();
    contactsOn(server, 3);
    server.pageSize = 1;
    engine.start();
    await clock.flush();
    server.failNext('pull', { network: true });

    await clock.settle();
    expect(engine.status().state).toBe('backoff');
    expect(await store.count('contact')).toBe(2);
    await clock.advance(clock.pendingDelays()[0] ?? 0);

    // The second page was already on its way; the third, which failed, is asked for again.
    expect(server.pulls().map((pull) => pull.cursor)).toEqual([null, 'f1', 'f2', 'f2']);
    expect(await store.count('contact')).toBe(3);
  });

  test('hands a reset page to the store as one, which keeps old rows until the resync’s last page', async () => {
    const { clock, server, store, engine } = harness();
    contactsOn(server, 3);
    engine.start();
    await clock.settle();
    // The service forgets the deletion's tombstone, so only a full resync can remove C2.
    server.del('contact', 'C2');
    server.expireCursors();
    server.pageSize = 1;
    const resets: boolean[] = [];
    const apply = store.applyPullPage.bind(store);
    store.override('applyPullPage', async (page: PullPageToApply) => {
      resets.push(page.reset);
      return apply(page);
    });

    engine.pullNow();
    await clock.flush();
    expect(await store.get('contact', 'C2')).toBeDefined();

    await clock.settle();
    expect(resets).toEqual([true, false]);
    expect(await store.get('contact', 'C2')).toBeUndefined();
    expect([...(await Promise.all(['C1', 'C3'].map((no) => store.get('contact', no))))].map((contact) => contact?.no)).toEqual(['C1', 'C3']);
  });

  test('pulls again every minute while it runs', async () => {
    const { clock, server, engine } = harness();
    engine.start();
    await clock.settle();
    expect(server.pulls()).toHaveLength(1);

    await clock.advance(59_999);
    expect(server.pulls()).toHaveLength(1);
    await clock.advance(1);
    expect(server.pulls()).toHaveLength(2);
    await clock.advance(60_000);
    expect(server.pulls()).toHaveLength(3);
  });
});

describe('pushing', () => {
  test('sends pending entries in id order in batches of at most 100, then pulls what they wrote', async () => {
    const { clock, server, store, engine } = harness();
    for (let n = 1; n <= 250; n += 1) await createContact(store, `Buyer${n}`);

    engine.start();
    await clock.settle();

    const batches = pushedIds(server);
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
    expect(paths(server).slice(0, 4)).toEqual(['push', 'push', 'push', 'pull']);
    expect(server.records('contact').size).toBe(250);
    expect(await store.count('contact')).toBe(250);
    expect(await store.outbox()).toEqual([]);
    expect(engine.status()).toMatchObject({ pendingCount: 0, rejectedCount: 0 });
  });

  test('pushes right after a write and then pulls the confirmed data', async () => {
    const { clock, server, store, engine } = harness();
    engine.start();
    await clock.settle();
    expect(paths(server)).toEqual(['pull']);

    await createContact(store, 'Anna');
    await clock.flush();
    expect(engine.status().pendingCount).toBe(1);
    engine.notifyWrite();
    await clock.settle();

    expect(paths(server)).toEqual(['pull', 'push', 'pull']);
    expect(await store.count('contact')).toBe(1);
    expect(engine.status().pendingCount).toBe(0);
  });

  test('keeps sending the entries behind a rejected one and shows the rejection', async () => {
    const { clock, server, store, engine } = harness();
    server.put('contact', syncContact('C1', { email: 'taken@contoso.test' }));
    await createContact(store, 'Anna');
    await createContact(store, 'Clash', 'taken@contoso.test');
    await createContact(store, 'Bert');

    engine.start();
    await clock.settle();

    expect([...server.records('contact').values()].map((contact) => contact.name).sort()).toEqual(['Anna', 'Bert', 'Contact C1']);
    const outbox = await store.outbox();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ id: 2, status: 'rejected', rejection: { code: 'likely_duplicate' } });
    expect(engine.status()).toMatchObject({ state: 'idle', pendingCount: 0, rejectedCount: 1 });
  });

  test('resending a batch whose answer was lost applies nothing twice', async () => {
    const { clock, server, store, engine } = harness();
    await createContact(store, 'Anna');
    await createContact(store, 'Bert');
    server.failNext('push', { dropAnswer: true });

    engine.start();
    await clock.settle();
    expect(engine.status().state).toBe('backoff');
    await clock.advance(clock.pendingDelays()[0] ?? 0);

    expect(pushedIds(server)).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(server.records('contact').size).toBe(2);
    expect(await store.count('contact')).toBe(2);
    expect(await store.outbox()).toEqual([]);
  });

  test('renumbers the pending entries when the service lost mutations it had confirmed, and sends them again', async () => {
    const { clock, server, store, engine } = harness();
    await createContact(store, 'Anna');
    await createContact(store, 'Bert');
    await createContact(store, 'Cleo');
    engine.start();
    await clock.settle();
    expect(await store.outbox()).toEqual([]);
    const { clientId } = await store.syncState();
    // Restored from a backup taken after the first mutation: 2 and 3 are gone from the service.
    server.forgetMutationsAfter(clientId, 1);

    const entry = await store.enqueue('updateContact', { no: 'CT000001', patch: { jobTitle: 'Buyer' } });
    expect(entry.id).toBe(4);
    engine.notifyWrite();
    await clock.settle();

    expect(pushedIds(server).slice(-2)).toEqual([[4], [2]]);
    expect(server.lastMutationId(clientId)).toBe(2);
    expect(server.records('contact').get('CT000001')?.jobTitle).toBe('Buyer');
    expect(await store.outbox()).toEqual([]);
  });

  test('halves a batch the service finds too large until it fits', async () => {
    const { clock, server, store, engine } = harness();
    server.maxMutationsPerRequest = 30;
    for (let n = 1; n <= 120; n += 1) await createContact(store, `Buyer${n}`);

    engine.start();
    await clock.settle();

    expect(pushedIds(server).map((batch) => batch.length)).toEqual([100, 50, 25, 25, 25, 25, 20]);
    expect(server.records('contact').size).toBe(120);
  });
});

describe('failures', () => {
  test('backs off on transient failures, doubling to a cap of a minute, and starts over after a success', async () => {
    const { clock, server, engine } = harness();
    server.failNext('pull', { status: 503 }, 9);

    engine.start();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      await clock.settle();
      expect(engine.status()).toMatchObject({ state: 'backoff', error: { kind: 'server' } });
      const [wait = 0] = clock.pendingDelays();
      waits.push(wait);
      await clock.advance(wait);
    }
    await clock.settle();

    // random() = 0.5 puts each wait at three quarters of its ceiling.
    expect(waits).toEqual([750, 1_500, 3_000, 6_000, 12_000, 24_000, 45_000, 45_000, 45_000]);
    expect(engine.status().state).toBe('idle');
    expect(engine.status().error).toBeUndefined();
    expect(clock.pendingDelays()).toEqual([60_000]);

    server.failNext('pull', { status: 502 });
    engine.pullNow();
    await clock.settle();
    expect(clock.pendingDelays()).toEqual([750]);
  });

  test('waits out a backoff even when writes arrive, then sends them in one push', async () => {
    const { clock, server, store, engine } = harness();
    server.failNext('pull', { network: true });
    engine.start();
    await clock.settle();
    expect(engine.status().state).toBe('backoff');

    await createContact(store, 'Anna');
    engine.notifyWrite();
    await createContact(store, 'Bert');
    engine.notifyWrite();
    await clock.flush();
    expect(server.requests).toHaveLength(1);

    await clock.advance(750);
    expect(pushedIds(server)).toEqual([[1, 2]]);
  });

  test.each<[string, SyncPath, Failure, SyncLoopState, string]>([
    ['a 401 on pull shows signed out', 'pull', { status: 401, code: 'unauthenticated' }, 'signedOut', 'unauthenticated'],
    ['a 401 on push shows signed out', 'push', { status: 401, code: 'unauthenticated' }, 'signedOut', 'unauthenticated'],
    ['a schema mismatch on pull asks for an update', 'pull', { status: 409, code: 'sync_schema_mismatch' }, 'updateRequired', 'schema'],
    ['a schema mismatch on push asks for an update', 'push', { status: 409, code: 'sync_schema_mismatch' }, 'updateRequired', 'schema'],
    ['a 500 on push backs off', 'push', { status: 500 }, 'backoff', 'server'],
    ['a refused request shows the error and waits for a trigger', 'pull', { status: 400, code: 'validation_failed' }, 'idle', 'rejected'],
    ['an answer that is not JSON shows the error and waits for a trigger', 'pull', { status: 200, body: '<html>portal</html>' }, 'idle', 'invalidResponse'],
  ])('%s', async (_case, path, failure, state, kind) => {
    const { clock, server, store, engine } = harness();
    await createContact(store, 'Anna');
    // Twice, for the 401: the client retries once with a renewed token.
    server.failNext(path, failure, 2);

    engine.start();
    await clock.settle();

    expect(engine.status()).toMatchObject({ state, error: { kind } });
  });

  test('stays signed out without a token, and syncs on the next trigger once one works', async () => {
    const { clock, server, engine, token, tokenRequests } = harness();
    contactsOn(server, 2);
    token.current = null;

    engine.start();
    await clock.settle();
    expect(engine.status()).toMatchObject({ state: 'signedOut', error: { kind: 'unauthenticated' } });
    expect(server.requests).toEqual([]);
    // No backoff: only the minute tick waits.
    expect(clock.pendingDelays()).toEqual([60_000]);

    token.current = 'token-1';
    engine.pullNow();
    await clock.settle();
    expect(engine.status().state).toBe('idle');
    expect(engine.status().error).toBeUndefined();
    expect(await engine.store().count('contact')).toBe(2);
    expect(tokenRequests[0]).toEqual({ forceRefresh: false });
  });

  test('renews a refused token once before it gives up', async () => {
    const { clock, server, engine, tokenRequests } = harness();
    server.acceptedTokens.clear();

    engine.start();
    await clock.settle();

    expect(engine.status().state).toBe('signedOut');
    expect(tokenRequests).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(server.pulls()).toHaveLength(2);
  });

  test('stops syncing for good when the add-in must update', async () => {
    const { clock, server, store, engine, network } = harness();
    server.schemaVersion = 2;

    engine.start();
    await clock.settle();
    expect(engine.status().state).toBe('updateRequired');
    expect(clock.pendingDelays()).toEqual([]);

    await createContact(store, 'Anna');
    engine.notifyWrite();
    engine.pullNow();
    network.set(false);
    network.set(true);
    await clock.advance(10 * 60_000);
    expect(server.requests).toHaveLength(1);
    expect(engine.status().state).toBe('updateRequired');
  });

  test('reopens a store deleted under it and resyncs into the new one from scratch', async () => {
    const { clock, server, store, engine, reopened } = harness();
    contactsOn(server, 3);
    engine.start();
    await clock.settle();
    await store.close();
    server.put('contact', syncContact('C4'));

    engine.pullNow();
    await clock.settle();

    expect(reopened).toHaveLength(1);
    expect(engine.store()).toBe(reopened[0]);
    expect(await engine.store().count('contact')).toBe(4);
    expect(server.pulls().map((pull) => pull.cursor)).toEqual([null, null]);
    expect(engine.status().state).toBe('idle');
    expect(engine.status().error).toBeUndefined();
  });

  test('backs off when a lost store cannot be reopened', async () => {
    const { clock, store, engine } = harness({ canReopen: false });
    await store.close();

    engine.start();
    await clock.settle();

    expect(engine.status()).toMatchObject({ state: 'backoff', error: { kind: 'storeUnavailable' } });
    expect(clock.pendingDelays()).toEqual([750]);
  });

  test('reports a full disk, keeps pushing, and clears the report once a page fits', async () => {
    const { clock, server, store, engine } = harness();
    contactsOn(server, 2);
    store.override('applyPullPage', () => Promise.reject(new StorageQuotaError()));

    engine.start();
    await clock.settle();
    expect(engine.status()).toMatchObject({ state: 'idle', error: { kind: 'quota' } });

    await createContact(store, 'Anna');
    engine.notifyWrite();
    await clock.settle();
    expect(pushedIds(server)).toEqual([[1]]);
    expect(engine.status().error?.kind).toBe('quota');

    store.override('applyPullPage', undefined);
    await clock.advance(60_000);
    expect(engine.status().error).toBeUndefined();
    expect(await store.count('contact')).toBe(3);
  });
});

describe('connectivity', () => {
  test('waits while offline and, back online, pushes and then pulls', async () => {
    const { clock, server, store, network, engine } = harness({ online: false });
    await createContact(store, 'Anna');

    engine.start();
    engine.notifyWrite();
    await clock.settle();
    expect(server.requests).toEqual([]);
    expect(engine.status()).toMatchObject({ state: 'offline', pendingCount: 1 });
    expect(clock.pendingDelays()).toEqual([]);

    network.set(true);
    await clock.settle();
    expect(paths(server)).toEqual(['push', 'pull']);
    expect(engine.status()).toMatchObject({ state: 'idle', pendingCount: 0 });
  });

  test('a request failing after the device went offline waits for the network instead of backing off', async () => {
    const { clock, server, network, engine } = harness();
    const gate = server.hold('pull');
    server.failNext('pull', { network: true });
    engine.start();
    await clock.flush();

    network.set(false);
    gate.release();
    await clock.settle();

    expect(engine.status().state).toBe('offline');
    expect(clock.pendingDelays()).toEqual([]);
  });

  test('coming back online cuts a backoff short', async () => {
    const { clock, server, network, engine } = harness();
    server.failNext('pull', { status: 503 }, 5);
    engine.start();
    for (let attempt = 1; attempt <= 5; attempt += 1) await clock.advance(clock.pendingDelays()[0] ?? 0);
    expect(clock.pendingDelays()).toEqual([12_000]);

    network.set(false);
    network.set(true);
    await clock.settle();

    expect(engine.status().state).toBe('idle');
    expect(server.pulls()).toHaveLength(6);
  });
});

describe('scheduling', () => {
  test('folds triggers that arrive during a run into one follow-up run', async () => {
    const { clock, server, store, engine } = harness();
    const gate = server.hold('pull');
    engine.start();
    await clock.flush();

    engine.pullNow();
    engine.pullNow();
    await createContact(store, 'Anna');
    engine.notifyWrite();
    engine.notifyWrite();
    engine.pullNow();
    await clock.flush();
    expect(server.requests).toHaveLength(1);

    gate.release();
    await clock.settle();
    expect(paths(server)).toEqual(['pull', 'push', 'pull']);
  });

  test('pushes a write made during a long pull before the next page', async () => {
    const { clock, server, store, engine } = harness();
    contactsOn(server, 3);
    server.pageSize = 1;
    engine.start();
    await clock.flush();

    await createContact(store, 'Anna');
    engine.notifyWrite();
    await clock.settle();

    // The second page was requested before the write; the push goes before the third.
    expect(paths(server)).toEqual(['pull', 'pull', 'push', 'pull', 'pull']);
    expect(await store.count('contact')).toBe(4);
    expect(await store.outbox()).toEqual([]);
  });

  test('shows pushing, then pulling, then idle for a write made before start', async () => {
    const { clock, store, engine, states } = harness();
    await createContact(store, 'Anna');

    engine.start();
    await clock.settle();

    expect(states).toEqual(['idle', 'pushing', 'pulling', 'idle']);
  });

  test.each<[string, (h: Harness) => Promise<void>]>([
    ['while idle, with the minute tick armed', async ({ clock }) => clock.settle()],
    [
      'while backing off',
      async ({ clock, server }) => {
        server.failNext('pull', { status: 503 });
        await clock.settle();
      },
    ],
    [
      'while a pull is in flight',
      async ({ clock, server }) => {
        server.hold('pull');
        await clock.flush();
      },
    ],
  ])('stop() %s leaves no timer or listener behind', async (_case, reach) => {
    const h = harness();
    h.engine.start();
    await reach(h);

    h.engine.stop();
    await h.clock.flush();

    expect(h.clock.pendingDelays()).toEqual([]);
    const before = h.server.requests.length;
    await h.clock.advance(10 * 60_000);
    expect(h.server.requests).toHaveLength(before);
    expect(h.network.listenerCount()).toBe(0);
  });

  test('stop() aborts the request in flight', async () => {
    const { clock, server, engine } = harness();
    server.hold('pull');
    engine.start();
    await clock.flush();

    engine.stop();

    expect(server.requests[0]?.signal?.aborted).toBe(true);
  });
});

describe('storage persistence', () => {
  test.each<[string, () => Promise<boolean>, boolean]>([
    ['granted', async () => true, true],
    ['refused', async () => false, false],
    ['unanswerable', () => Promise.reject(new Error('no storage manager')), false],
  ])('is asked for once and shown as %s', async (_case, answer, persisted) => {
    const { clock, store, engine } = harness();
    store.override('requestPersistence', answer);

    engine.start();
    await clock.settle();
    engine.stop();
    engine.start();
    await clock.settle();

    expect(store.calls('requestPersistence')).toBe(1);
    expect(engine.status().persisted).toBe(persisted);
  });
});
