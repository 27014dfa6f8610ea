import type { LocalStore } from '../cache/local-store';
import type { SyncEngine, SyncStatus } from './sync-engine';

/** What an engine reports before it has done anything (the loop's own first status). */
export const INITIAL_SYNC_STATUS: SyncStatus = { state: 'idle', lastSyncedAt: null, pendingCount: 0, rejectedCount: 0, persisted: null };

/**
 * A sync engine whose code is still on its way: the pane's first bundle leaves the sync loop and
 * its HTTP client out, since the sender card reads only the cache. Until `load` settles, this one
 * reports the loop's first status, remembers what it was asked (start, stop, pull, push) and hands
 * that over; afterwards it is the loaded engine. Should the code fail to load, the status says so
 * as a network failure and the pane keeps working from its cache.
 */
export function deferredSyncEngine(store: LocalStore, load: () => Promise<SyncEngine>): SyncEngine {
  let engine: SyncEngine | undefined;
  let status = INITIAL_SYNC_STATUS;
  let started = false;
  let pullWanted = false;
  let pushWanted = false;
  const listeners = new Set<(status: SyncStatus) => void>();
  const publish = (next: SyncStatus) => {
    status = next;
    for (const listener of [...listeners]) listener(next);
  };

  load().then(
    (loaded) => {
      engine = loaded;
      loaded.subscribe(publish);
      // start() pulls, and a pull pushes what waits first: the other wishes matter only unstarted.
      if (started) loaded.start();
      if (pushWanted) loaded.notifyWrite();
      if (pullWanted) loaded.pullNow();
      if (loaded.status() !== status) publish(loaded.status());
    },
    (error: unknown) => {
      console.error('Rapport: the sync code did not load; working from the cache', error);
      publish({ ...status, error: { kind: 'network', message: error instanceof Error ? error.message : String(error) } });
    },
  );

  return {
    start() {
      started = true;
      engine?.start();
    },
    stop() {
      started = false;
      engine?.stop();
    },
    pullNow() {
      if (engine) engine.pullNow();
      else pullWanted = true;
    },
    notifyWrite() {
      if (engine) engine.notifyWrite();
      else pushWanted = true;
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    store: () => engine?.store() ?? store,
  };
}
