/**
 * The browser half of the sync benchmark, bundled by esbuild and served by the service under
 * /bench/. It wires the add-in's real pieces — the HTTP sync client, the sync engine, the Dexie
 * store and the sender lookup — exactly as the pane does, and offers timed operations on
 * `window.rapportBench` (see sync-bench-protocol.ts) for the Node side to call.
 *
 * Timing is taken here with `performance.now()`, not in Node, so the figures hold no Playwright
 * round trip. The store and the API client are wrapped only to read clocks around their calls;
 * they do no other work.
 */
import { createSyncApi, type SyncApi } from '../../../src/addin/api/sync-api';
import { openDexieStore } from '../../../src/addin/cache/dexie-store';
import type { LocalStore, PullPageToApply } from '../../../src/addin/cache/local-store';
import { findSender } from '../../../src/addin/cache/sender-lookup';
import { createSyncEngine, type SyncEngine, type SyncStatus } from '../../../src/addin/sync/sync-engine';
import type { BenchWindow, DeltaResult, InitialSyncResult, LongTask, LookupResult, PullTiming, StorageFigures, SyncBenchPage } from './sync-bench-protocol';

const PULL_PATH = '/api/v1/sync/pull';
// The engine's minute tick must not start a pull in the middle of a measurement.
const NO_TICK_MS = 60 * 60 * 1000;
const RUN_TIMEOUT_MS = 120_000;

// Registered at load with `buffered`, so no long task of the run can be missed; filtered by time later.
const longTasks: LongTask[] = [];
const longTaskObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
});
longTaskObserver.observe({ type: 'longtask', buffered: true });
// The default buffer (250 entries) would be enough for one initial sync, but not with headroom.
performance.setResourceTimingBufferSize(10_000);

type Run = { pulls: PullTiming[]; onFinalPage: (() => void) | null };

/**
 * Each pull's timing by the cursor its page ends at: pages are fetched one ahead, so when a page is
 * applied, the latest pull is usually its successor's.
 */
const pullsByCursor = new Map<string, PullTiming>();

let store: LocalStore | null = null;
let engine: SyncEngine | null = null;
let run: Run | null = null;

async function storage(): Promise<StorageFigures> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: Record<string, number> };
  return { usage: estimate.usage ?? Number.NaN, quota: estimate.quota ?? Number.NaN, details: estimate.usageDetails ?? {} };
}

/** The API client, with the time of each pull and the size of its page noted in the current run. */
function timedApi(api: SyncApi): SyncApi {
  return {
    async pull(request, signal) {
      const started = performance.now();
      const page = await api.pull(request, signal);
      const timing: PullTiming = { ops: page.ops.length, hasMore: page.hasMore, pullMs: performance.now() - started, fetchMs: Number.NaN, bytes: Number.NaN, applyMs: Number.NaN };
      run?.pulls.push(timing);
      pullsByCursor.set(page.cursor, timing);
      return page;
    },
    push: (request, signal) => api.push(request, signal),
  };
}

/**
 * The store, with the time of each `applyPullPage` noted beside the pull of its page. The last page of a pull
 * (no successor) ends the run: that is when the data is in IndexedDB and the pane is told.
 */
function timedStore(inner: LocalStore): LocalStore {
  const applyPullPage = async (page: PullPageToApply): Promise<void> => {
    const started = performance.now();
    await inner.applyPullPage(page);
    const elapsed = performance.now() - started;
    const pull = pullsByCursor.get(page.cursor);
    if (pull) pull.applyMs = elapsed;
    if (!page.hasMore) run?.onFinalPage?.();
  };
  return new Proxy(inner, {
    get(target, property) {
      if (property === 'applyPullPage') return applyPullPage;
      // The Dexie store keeps its state in private fields: its methods must run on the store itself.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function requireOpen(): { store: LocalStore; engine: SyncEngine } {
  if (!store || !engine) throw new Error('Call open() first.');
  return { store, engine };
}

/** Resolves when the engine rests again; rejects when it rests on an error instead. */
function engineIdle(target: SyncEngine): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (status: SyncStatus): boolean => {
      if (status.error) {
        reject(new Error(`sync failed: ${status.error.kind}: ${status.error.message}`));
        return true;
      }
      if (status.state === 'idle') {
        resolve();
        return true;
      }
      if (status.state !== 'pulling' && status.state !== 'pushing') {
        reject(new Error(`sync stopped in state ${status.state}`));
        return true;
      }
      return false;
    };
    if (check(target.status())) return;
    const unsubscribe = target.subscribe((status) => {
      if (check(status)) unsubscribe();
    });
  });
}

/**
 * Runs `trigger` and resolves with the time until the last page of the pull it causes is
 * committed. A failure the engine reports (it keeps running, backing off) fails the run at once.
 */
async function timedPull(target: SyncEngine, trigger: () => void): Promise<{ elapsedMs: number; pulls: PullTiming[] }> {
  performance.clearResourceTimings();
  const current: Run = { pulls: [], onFinalPage: null };
  run = current;
  let unsubscribe = () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const finished = new Promise<number>((resolve, reject) => {
      current.onFinalPage = () => resolve(performance.now());
      unsubscribe = target.subscribe((status) => {
        if (status.error) reject(new Error(`sync failed: ${status.error.kind}: ${status.error.message}`));
      });
      timer = setTimeout(() => reject(new Error(`no final page after ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
    });
    const started = performance.now();
    trigger();
    const ended = await finished;
    await engineIdle(target);
    attachResourceTimings(current.pulls);
    return { elapsedMs: ended - started, pulls: current.pulls };
  } finally {
    unsubscribe();
    clearTimeout(timer);
    run = null;
  }
}

/** Pulls run one after another, so the n-th pull request of the run is the n-th pull. */
function attachResourceTimings(pulls: PullTiming[]): void {
  const entries = performance.getEntriesByType('resource').filter((entry): entry is PerformanceResourceTiming => entry.name.endsWith(PULL_PATH));
  entries.forEach((entry, index) => {
    const pull = pulls[index];
    if (!pull) return;
    pull.fetchMs = entry.responseEnd - entry.startTime;
    pull.bytes = entry.encodedBodySize;
  });
}

/** Long-task entries reach the observer in a later task; take what is queued, then let the rest arrive. */
async function longTasksBetween(from: number, to: number): Promise<LongTask[]> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const entry of longTaskObserver.takeRecords()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  return longTasks.filter((task) => task.startTime >= from && task.startTime <= to);
}

const bench: SyncBenchPage = {
  async open({ token, storeName }) {
    const before = await storage();
    const opened = timedStore(await openDexieStore(storeName));
    store = opened;
    const api = timedApi(createSyncApi({ baseUrl: location.origin, fetch: (url, init) => fetch(url, init), getToken: async () => token }));
    engine = createSyncEngine({ store: opened, api, pullIntervalMs: NO_TICK_MS });
    return before;
  },

  async initialSync(): Promise<InitialSyncResult> {
    const open = requireOpen();
    const storageBefore = await storage();
    const windowStart = performance.now();
    const { elapsedMs, pulls } = await timedPull(open.engine, () => open.engine.start());
    const tasks = await longTasksBetween(windowStart, windowStart + elapsedMs);
    return { elapsedMs, contacts: await open.store.count('contact'), pulls, longTasks: tasks, storageBefore, storageAfter: await storage() };
  },

  async deltaPull({ contactNo }): Promise<DeltaResult> {
    const open = requireOpen();
    const { elapsedMs, pulls } = await timedPull(open.engine, () => open.engine.pullNow());
    const contact = await open.store.get('contact', contactNo);
    return { elapsedMs, pulls, checkedJobTitle: contact?.jobTitle ?? null };
  },

  async senderLookups(addresses): Promise<LookupResult> {
    const open = requireOpen();
    const timingsMs: number[] = [];
    let found = 0;
    let withCompany = 0;
    for (const address of addresses) {
      const started = performance.now();
      const lookup = await findSender(open.store, address);
      timingsMs.push(performance.now() - started);
      if (lookup.kind === 'one') {
        found++;
        if (lookup.company) withCompany++;
      }
    }
    return { timingsMs, found, withCompany };
  },

  async outboxWrites(count, recipients) {
    const open = requireOpen();
    open.engine.stop();
    const timingsMs: number[] = [];
    for (let index = 0; index < count; index++) {
      const to = recipients.slice(index % recipients.length, (index % recipients.length) + 3);
      const started = performance.now();
      await open.store.enqueue('logEmail', {
        id: crypto.randomUUID(),
        internetMessageId: `<bench-${index}-${crypto.randomUUID()}@nordlys.example>`,
        conversationId: `conv-${index}`,
        subject: `Offer for the spring range, part ${index}`,
        from: { name: 'Anna Lindqvist', address: 'anna@nordlys.example' },
        to,
        cc: [],
        sentAt: new Date().toISOString(),
        bodyText: 'Hello, as promised here is our offer for the spring range. Prices are valid until the end of the month.',
        attachmentNames: ['offer.pdf'],
        contactNos: [],
      });
      timingsMs.push(performance.now() - started);
    }
    return timingsMs;
  },

  storage,

  async close() {
    engine?.stop();
    await store?.close();
    engine = null;
    store = null;
  },
};

(window as unknown as BenchWindow).rapportBench = bench;
