import { DEFAULT_PULL_LIMIT, type PullResponse, SYNC_SCHEMA_VERSION } from '../../contract/sync';
import { SyncApiError } from '../api/sync-api-error';
import type { SyncApi } from '../api/sync-api';
import type { LocalStore } from '../cache/local-store';

export type PullPagesOptions = {
  store: LocalStore;
  api: SyncApi;
  /** Aborting stops between pages and cancels the requests in flight; the stored cursor marks where to resume. */
  signal: AbortSignal;
  now: () => number;
  /** Gives the pane a turn after each applied page that has a successor. */
  yieldToPane: () => Promise<void>;
  /**
   * Runs for each page that has a successor, once the page has arrived and before the successor
   * is requested (the loop pushes fresh writes here, so the pages asked for afterwards carry their
   * effects and the final page their confirmation). It runs before the page is applied: the
   * successor is requested as soon as it returns, to arrive while the page is written.
   */
  betweenPages?: () => Promise<void>;
  limit?: number;
};

/** A pull request on its way, and how to call it off when its answer is no longer wanted. */
type PageRequest = { cursor: string | null; answer: Promise<PullResponse>; cancel: () => void };

/**
 * Pulls every change after the store's cursor, page by page, until the service says none is left.
 * Each page goes to `applyPullPage` whole, `reset` included, so the store commits its operations
 * with its cursor: a pull interrupted anywhere (stop, crash, network) resumes exactly after the
 * last committed page.
 *
 * Pipelined: the next page (its cursor is in this page's answer) is requested while this one is
 * applied, so the service's time and the store's overlap. Pages are still applied one at a time
 * and in order. When applying a page fails, the page requested meanwhile is dropped (its request
 * cancelled) and the error surfaces; when that request fails, the page before it has been
 * committed first. Returns the number of pages applied.
 */
export async function pullPages(options: PullPagesOptions): Promise<number> {
  const { store, api, signal } = options;
  signal.throwIfAborted();
  const { clientGroupId, cursor } = await store.syncState();
  const request = (from: string | null): PageRequest => {
    // A request of its own, cancelled with the pull or alone when its page is dropped.
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    const answer = api.pull({ schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId, cursor: from, limit: options.limit ?? DEFAULT_PULL_LIMIT }, controller.signal);
    const settled = answer.finally(() => signal.removeEventListener('abort', onAbort));
    // A dropped request fails unobserved by design; one still wanted is awaited and fails there.
    settled.catch(() => undefined);
    return { cursor: from, answer: settled, cancel: () => controller.abort() };
  };

  let pending = request(cursor);
  let pages = 0;
  for (;;) {
    const page = await pending.answer;
    signal.throwIfAborted();
    if (page.hasMore && page.ops.length === 0 && page.cursor === pending.cursor) {
      throw new SyncApiError('invalidResponse', 'The service announced more changes but sent none and kept the cursor.');
    }
    let next: PageRequest | undefined;
    if (page.hasMore) {
      await options.betweenPages?.();
      signal.throwIfAborted();
      next = request(page.cursor);
    }
    try {
      await store.applyPullPage({
        ops: page.ops,
        cursor: page.cursor,
        reset: page.reset,
        hasMore: page.hasMore,
        lastMutationIds: page.lastMutationIds,
        pulledAt: new Date(options.now()).toISOString(),
      });
      pages += 1;
      if (next === undefined) return pages;
      await options.yieldToPane();
      signal.throwIfAborted();
    } catch (error) {
      next?.cancel();
      throw error;
    }
    pending = next;
  }
}
