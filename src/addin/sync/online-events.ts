/** Whether the device has a network, and word when that changes. */
export type OnlineEvents = {
  isOnline(): boolean;
  /** Calls `listener` with the new state on every change. Returns the unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void;
};

/** The slice of `window` that reports connectivity. */
export type ConnectivityTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { navigator: { onLine: boolean } };

/**
 * Connectivity from the browser's `online`/`offline` events. `navigator.onLine` false is reliable
 * (no network at all); true only means some network, so the loop still treats failed requests as
 * transient and backs off.
 */
export function browserOnlineEvents(target: ConnectivityTarget): OnlineEvents {
  return {
    isOnline: () => target.navigator.onLine,
    subscribe(listener) {
      const online = (): void => listener(true);
      const offline = (): void => listener(false);
      target.addEventListener('online', online);
      target.addEventListener('offline', offline);
      return () => {
        target.removeEventListener('online', online);
        target.removeEventListener('offline', offline);
      };
    },
  };
}

/** For hosts without connectivity events: always online, never a change. */
export const alwaysOnline: OnlineEvents = { isOnline: () => true, subscribe: () => () => undefined };
