import type { OnlineEvents } from '../../../../src/addin/sync/online-events';

/** Connectivity the test switches by hand. */
export type FakeNetwork = OnlineEvents & { set(online: boolean): void; listenerCount(): number };

export function createFakeNetwork(online = true): FakeNetwork {
  let state = online;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      state = next;
      for (const listener of [...listeners]) listener(next);
    },
    listenerCount: () => listeners.size,
  };
}
