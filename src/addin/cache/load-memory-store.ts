import type * as MemoryStoreModule from './memory-store';

/**
 * Loads the in-memory store, a chunk of its own: the pane needs it only where the browser gives it
 * no IndexedDB (private windows, some WebViews). The specifier is a template for the reason
 * `taskpane/forms/load-form.ts` gives.
 */
export const loadMemoryStore = (file = 'memory-store'): Promise<typeof MemoryStoreModule> =>
  import(/* webpackInclude: /memory-store\.ts$/, webpackChunkName: "memory-store" */ `./${file}`) as Promise<typeof MemoryStoreModule>;
