import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { deferredSyncEngine, INITIAL_SYNC_STATUS } from '../../../src/addin/sync/deferred-engine';
import type { SyncEngine, SyncStatus } from '../../../src/addin/sync/sync-engine';

/** An engine that records its calls and lets the test publish statuses. */
function fakeEngine(store = createMemoryStore()) {
  const calls: string[] = [];
  let listener: ((status: SyncStatus) => void) | undefined;
  let status: SyncStatus = { ...INITIAL_SYNC_STATUS, lastSyncedAt: '2026-11-30T08:00:00.000Z' };
  const engine: SyncEngine = {
    start: () => void calls.push('start'),
    stop: () => void calls.push('stop'),
    pullNow: () => void calls.push('pullNow'),
    notifyWrite: () => void calls.push('notifyWrite'),
    status: () => status,
    subscribe: (next) => {
      listener = next;
      return () => undefined;
    },
    store: () => store,
  };
  const publish = (next: SyncStatus) => {
    status = next;
    listener?.(next);
  };
  return { engine, calls, publish, store };
}

/** A load the test settles by hand. */
function pendingLoad() {
  let settle!: { resolve: (engine: SyncEngine) => void; reject: (error: Error) => void };
  const promise = new Promise<SyncEngine>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { load: () => promise, ...settle };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('deferredSyncEngine', () => {
  test('before its code arrives it reports the loop’s first status and the pane’s store', () => {
    const store = createMemoryStore();
    const deferred = deferredSyncEngine(store, pendingLoad().load);
    expect(deferred.status()).toEqual(INITIAL_SYNC_STATUS);
    expect(deferred.store()).toBe(store);
  });

  test('what it was asked meanwhile is handed over: started, a write to push, a pull', async () => {
    const { load, resolve } = pendingLoad();
    const deferred = deferredSyncEngine(createMemoryStore(), load);
    deferred.start();
    deferred.notifyWrite();
    deferred.pullNow();
    const real = fakeEngine();
    resolve(real.engine);
    await flush();
    expect(real.calls).toEqual(['start', 'notifyWrite', 'pullNow']);
  });

  test('stopped before its code arrived, the loaded engine is not started', async () => {
    const { load, resolve } = pendingLoad();
    const deferred = deferredSyncEngine(createMemoryStore(), load);
    deferred.start();
    deferred.stop();
    const real = fakeEngine();
    resolve(real.engine);
    await flush();
    expect(real.calls).toEqual([]);
  });

  test('once loaded it is the engine: calls go through, statuses reach listeners subscribed before, its store is the one', async () => {
    const { load, resolve } = pendingLoad();
    const deferred = deferredSyncEngine(createMemoryStore(), load);
    const seen: SyncStatus[] = [];
    deferred.subscribe((status) => seen.push(status));
    const real = fakeEngine();
    resolve(real.engine);
    await flush();
    expect(seen).toEqual([real.engine.status()]);
    real.publish({ ...INITIAL_SYNC_STATUS, state: 'pulling' });
    expect(deferred.status().state).toBe('pulling');
    expect(seen.map((status) => status.state)).toEqual(['idle', 'pulling']);
    deferred.notifyWrite();
    expect(real.calls).toEqual(['notifyWrite']);
    expect(deferred.store()).toBe(real.store);
  });

  test('code that fails to load shows as a network failure, and the pane keeps its store', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load, reject } = pendingLoad();
    const store = createMemoryStore();
    const deferred = deferredSyncEngine(store, load);
    const seen: SyncStatus[] = [];
    deferred.subscribe((status) => seen.push(status));
    reject(new Error('Loading chunk pane-sync failed.'));
    await flush();
    expect(deferred.status().error).toEqual({ kind: 'network', message: 'Loading chunk pane-sync failed.' });
    expect(seen).toHaveLength(1);
    expect(deferred.store()).toBe(store);
  });
});
