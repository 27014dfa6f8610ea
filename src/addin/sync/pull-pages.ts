import { DEFAULT_PULL_LIMIT, SYNC_SCHEMA_VERSION } from '../../contract/sync';
import { SyncApiError } from '../api/sync-api-error';
import type { SyncApi } from '../api/sync-api';
import type { LocalStore } from '../cache/local-store';

export type PullPagesOptions = {
  store: LocalStore;
  api: SyncApi;
  /** Aborting stops between pages and cancels the request in flight; the stored cursor marks where to resume. */
  signal: AbortSignal;
  now: () => number;
  /** Gives the pane a turn between pages. */
  yieldToPane: () => Promise<void>;
  /** Runs after each page that has a successor, before it is requested (the loop pushes fresh writes here). */
  betweenPages?: () => Promise<void>;
  limit?: number;
};

/**
 * Pulls every change after the store's cursor, page by page, until the service says none is left.
 * Each page goes to `applyPullPage` whole, `reset` included, so the store commits its operations
 * with its cursor; the next request reads the cursor back from the store, which makes a pull
 * interrupted anywhere (stop, crash, network) resume exactly after the last committed page.
 * Returns the number of pages applied.
 */
export async function pullPages(options: PullPagesOptions): Promise<number> {
  const { store, api, signal } = options;
  let pages = 0;
  for (;;) {
    signal.throwIfAborted();
    const { clientGroupId, cursor } = await store.syncState();
    const page = await api.pull({ schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId, cursor, limit: options.limit ?? DEFAULT_PULL_LIMIT }, signal);
    signal.throwIfAborted();
    if (page.hasMore && page.ops.length === 0 && page.cursor === cursor) {
      throw new SyncApiError('invalidResponse', 'The service announced more changes but sent none and kept the cursor.');
    }
    await store.applyPullPage({
      ops: page.ops,
      cursor: page.cursor,
      reset: page.reset,
      hasMore: page.hasMore,
      lastMutationIds: page.lastMutationIds,
      pulledAt: new Date(options.now()).toISOString(),
    });
    pages += 1;
    if (!page.hasMore) return pages;
    await options.yieldToPane();
    await options.betweenPages?.();
  }
}
