/**
 * Takes a frame offline and back: while offline, `fetch` rejects the way a browser without a
 * network does (`TypeError: Failed to fetch`), `navigator.onLine` is false, and each change is
 * announced with the window's `offline` / `online` event — the three signals the add-in's sync
 * listens to. Installed before the add-in's scripts run, so the add-in only ever sees this fetch.
 */
export type NetworkSource = {
  isOnline(): boolean;
  /** Calls `listener` after every change; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
};

type FrameGlobals = Window & { TypeError: TypeErrorConstructor; Event: typeof Event };

/** Installs the switch in `frame`; returns the uninstall, which restores fetch and navigator.onLine. */
export function installNetworkSwitch(frame: Window, source: NetworkSource): () => void {
  const globals = frame as FrameGlobals;
  const realFetch = frame.fetch.bind(frame);
  frame.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    // The frame's own TypeError, so `error instanceof TypeError` holds inside the add-in.
    source.isOnline() ? realFetch(input, init) : Promise.reject(new globals.TypeError('Failed to fetch'));

  Object.defineProperty(frame.navigator, 'onLine', { configurable: true, get: () => source.isOnline() });

  let online = source.isOnline();
  const stop = source.onChange(() => {
    const now = source.isOnline();
    if (now === online) return;
    online = now;
    frame.dispatchEvent(new globals.Event(now ? 'online' : 'offline'));
  });

  return () => {
    stop();
    frame.fetch = realFetch;
    // Removing the own property uncovers Navigator.prototype's real getter again.
    delete (frame.navigator as { onLine?: boolean }).onLine;
  };
}
