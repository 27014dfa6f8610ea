/**
 * An asynchronous value that is re-read whenever its source says it changed, as an external store
 * for `useSyncExternalStore`. It starts reading when the first component subscribes and stops
 * when the last one leaves, so React owns its lifetime and no effect has to.
 *
 * Reads never overlap: a change that arrives while one runs marks the value stale and one more
 * read follows, so a burst of changes (pages of an initial sync) costs two reads, not one per page.
 */
export type AsyncState<T> =
  | { status: 'loading'; data: T | undefined }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | undefined; error: unknown };

export type AsyncSource<T> = {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AsyncState<T>;
};

export function createAsyncSource<T>(load: () => Promise<T>, watch: (changed: () => void) => () => void, seed: T | undefined): AsyncSource<T> {
  let state: AsyncState<T> = { status: 'loading', data: seed };
  const listeners = new Set<() => void>();
  let stopWatching: (() => void) | undefined;
  let running = false;
  let stale = false;
  let active = false;

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };

  function read(): void {
    if (running) {
      stale = true;
      return;
    }
    running = true;
    stale = false;
    load().then(
      (data) => settle({ status: 'ready', data }),
      (error: unknown) => settle({ status: 'error', data: state.data, error }),
    );
  }

  function settle(next: AsyncState<T>): void {
    running = false;
    if (!active) return;
    state = next;
    emit();
    if (stale) read();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!active) {
        active = true;
        stopWatching = watch(read);
        read();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && active) {
          active = false;
          stopWatching?.();
          stopWatching = undefined;
        }
      };
    },
    getSnapshot: () => state,
  };
}
