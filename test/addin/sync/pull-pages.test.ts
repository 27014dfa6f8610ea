import type { SyncApi } from '../../../src/addin/api/sync-api';
import type { LocalStore, PullPageToApply } from '../../../src/addin/cache/local-store';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { pullPages } from '../../../src/addin/sync/pull-pages';
import type { PullRequest, PullResponse } from '../../../src/contract/sync';
import { syncContact } from './helpers/fake-sync-server';
import { withFaults, type FaultyStore } from './helpers/faulty-store';

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void };

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every callback queued so far (and those they queue) run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Page n of `total` (1-based): one contact, cursor `p<n>`. */
const pageAnswer = (n: number, total: number): PullResponse => ({
  schemaVersion: 1,
  reset: false,
  ops: [{ op: 'put', collection: 'contact', key: `C${n}`, value: syncContact(`C${n}`) }],
  cursor: `p${n}`,
  hasMore: n < total,
  lastMutationIds: {},
});

type Call = { request: PullRequest; signal: AbortSignal | undefined; answer: Deferred<PullResponse> };

/** An API whose pulls wait until the test answers them, in the order they were made. */
function heldApi(): { api: SyncApi; calls: Call[] } {
  const calls: Call[] = [];
  const api: SyncApi = {
    pull: (request, signal) => {
      const answer = deferred<PullResponse>();
      signal?.addEventListener('abort', () => answer.reject(signal.reason));
      calls.push({ request, signal, answer });
      return answer.promise;
    },
    push: () => Promise.reject(new Error('No push in these tests.')),
  };
  return { api, calls };
}

/** The store, with every `applyPullPage` waiting until the test lets it go on. */
function heldStore(): { store: FaultyStore; applies: { page: PullPageToApply; proceed: Deferred<void> }[] } {
  const store = withFaults(createMemoryStore());
  const applies: { page: PullPageToApply; proceed: Deferred<void> }[] = [];
  const apply = store.applyPullPage.bind(store);
  store.override('applyPullPage', async (page) => {
    const proceed = deferred<void>();
    applies.push({ page, proceed });
    await proceed.promise;
    return apply(page);
  });
  return { store, applies };
}

const pull = (store: LocalStore, api: SyncApi, signal: AbortSignal, extra: { betweenPages?: () => Promise<void> } = {}) =>
  pullPages({ store, api, signal, now: () => Date.parse('2025-03-01T08:00:00.000Z'), yieldToPane: async () => undefined, ...extra });

describe('pullPages', () => {
  test('requests the next page while the current one is applied, and applies them in order', async () => {
    const { api, calls } = heldApi();
    const { store, applies } = heldStore();
    const pulled = pull(store, api, new AbortController().signal);
    await settle();
    calls[0]?.answer.resolve(pageAnswer(1, 3));
    await settle();

    // Page 1 is being applied and page 2, asked for with page 1's cursor, is already on its way.
    expect(applies.map((apply) => apply.page.cursor)).toEqual(['p1']);
    expect(calls.map((call) => call.request.cursor)).toEqual([null, 'p1']);

    calls[1]?.answer.resolve(pageAnswer(2, 3));
    await settle();
    expect(applies).toHaveLength(1);
    applies[0]?.proceed.resolve();
    await settle();
    expect(applies.map((apply) => apply.page.cursor)).toEqual(['p1', 'p2']);
    expect(calls.map((call) => call.request.cursor)).toEqual([null, 'p1', 'p2']);

    calls[2]?.answer.resolve(pageAnswer(3, 3));
    applies[1]?.proceed.resolve();
    await settle();
    applies[2]?.proceed.resolve();
    await expect(pulled).resolves.toBe(3);
    expect(calls).toHaveLength(3);
    expect((await store.syncState()).cursor).toBe('p3');
    expect(await store.count('contact')).toBe(3);
  });

  test('a page that fails to apply drops the page requested meanwhile and leaves the cursor at the last applied page', async () => {
    const { api, calls } = heldApi();
    const { store, applies } = heldStore();
    const pulled = pull(store, api, new AbortController().signal);
    await settle();
    calls[0]?.answer.resolve(pageAnswer(1, 3));
    await settle();
    applies[0]?.proceed.resolve();
    await settle();
    calls[1]?.answer.resolve(pageAnswer(2, 3));
    await settle();
    expect(calls.map((call) => call.request.cursor)).toEqual([null, 'p1', 'p2']);

    applies[1]?.proceed.reject(new Error('the disk is full'));

    await expect(pulled).rejects.toThrow('the disk is full');
    expect(calls[2]?.signal?.aborted).toBe(true);
    expect(calls[0]?.signal?.aborted).toBe(false);
    expect((await store.syncState()).cursor).toBe('p1');
    expect(await store.count('contact')).toBe(1);
    expect(applies).toHaveLength(2);
  });

  test('a next page that fails to arrive fails the pull after the page before it is committed', async () => {
    const { api, calls } = heldApi();
    const { store, applies } = heldStore();
    const pulled = pull(store, api, new AbortController().signal);
    await settle();
    calls[0]?.answer.resolve(pageAnswer(1, 2));
    await settle();
    calls[1]?.answer.reject(new Error('network down'));
    await settle();
    applies[0]?.proceed.resolve();

    await expect(pulled).rejects.toThrow('network down');
    expect((await store.syncState()).cursor).toBe('p1');
  });

  test('aborting while a page is applied cancels the next request, lets the page commit and stops', async () => {
    const { api, calls } = heldApi();
    const { store, applies } = heldStore();
    const controller = new AbortController();
    const pulled = pull(store, api, controller.signal);
    await settle();
    calls[0]?.answer.resolve(pageAnswer(1, 3));
    await settle();

    controller.abort(new DOMException('The pane closed.', 'AbortError'));
    expect(calls[1]?.signal?.aborted).toBe(true);
    applies[0]?.proceed.resolve();

    await expect(pulled).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(2);
    expect(applies).toHaveLength(1);
    expect((await store.syncState()).cursor).toBe('p1');
  });

  test('aborting before the first answer cancels its request', async () => {
    const { api, calls } = heldApi();
    const { store, applies } = heldStore();
    const controller = new AbortController();
    const pulled = pull(store, api, controller.signal);
    await settle();
    controller.abort(new DOMException('The pane closed.', 'AbortError'));

    await expect(pulled).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(applies).toEqual([]);
  });

  test('betweenPages runs once a page with a successor arrives, before the successor is requested', async () => {
    const events: string[] = [];
    const api: SyncApi = {
      pull: async (request) => {
        events.push(`request ${request.cursor ?? 'start'}`);
        return pageAnswer(request.cursor === null ? 1 : Number(request.cursor.slice(1)) + 1, 3);
      },
      push: () => Promise.reject(new Error('No push in these tests.')),
    };
    const store = withFaults(createMemoryStore());
    const apply = store.applyPullPage.bind(store);
    store.override('applyPullPage', async (page) => {
      events.push(`apply ${page.cursor}`);
      return apply(page);
    });

    await pull(store, api, new AbortController().signal, { betweenPages: async () => void events.push('between') });

    expect(events).toEqual(['request start', 'between', 'request p1', 'apply p1', 'between', 'request p2', 'apply p2', 'apply p3']);
  });

  test('refuses a page that announces more but sends nothing and keeps the cursor', async () => {
    const api: SyncApi = {
      pull: async () => ({ schemaVersion: 1, reset: false, ops: [], cursor: 'same', hasMore: true, lastMutationIds: {} }),
      push: () => Promise.reject(new Error('No push in these tests.')),
    };
    const store = createMemoryStore();
    await store.applyPullPage({ ops: [], cursor: 'same', reset: false, hasMore: false, lastMutationIds: {}, pulledAt: '2025-03-01T08:00:00.000Z' });

    await expect(pull(store, api, new AbortController().signal)).rejects.toMatchObject({ kind: 'invalidResponse' });
  });
});
