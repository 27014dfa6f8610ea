import type { SyncCollection } from '../../contract/sync';

/** What a committed write changed: collections, the outbox, the sync state. */
export type ChangedSet = ReadonlySet<SyncCollection | '$outbox' | '$sync'>;
export type ChangeListener = (changed: ChangedSet) => void;

/**
 * The listeners of one store object. A listener that throws is the pane's problem, not the
 * write's: the write has committed, so its promise still resolves and the other listeners still
 * hear of it; the error goes to the host's error reporting where there is one.
 */
export class ChangeListeners {
  readonly #listeners = new Set<ChangeListener>();

  add(listener: ChangeListener): () => void {
    // Wrapped so the same function subscribed twice is two subscriptions, each removed on its own.
    const entry: ChangeListener = (changed) => listener(changed);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  notify(changed: Iterable<SyncCollection | '$outbox' | '$sync'>): void {
    const set: ChangedSet = new Set(changed);
    if (set.size === 0) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener(set);
      } catch (error) {
        globalThis.reportError?.(error);
      }
    }
  }
}
