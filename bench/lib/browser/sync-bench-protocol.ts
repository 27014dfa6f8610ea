/**
 * What the bench page (sync-bench-page.ts, bundled for Chromium) offers on `window.rapportBench`
 * and what its calls answer. Shared by the page and by the Node side that drives it with
 * `page.evaluate`, so both agree on the shapes; everything here crosses the wire as JSON.
 */

/** One pull request of a sync run, as the page saw it. Times in ms, from `performance.now()`. */
export type PullTiming = {
  /** Operations in the page. */
  ops: number;
  hasMore: boolean;
  /** The whole `api.pull`: request, body, JSON.parse and the zod check of the answer. */
  pullMs: number;
  /** Request start to last byte (Resource Timing); NaN when the entry is missing. */
  fetchMs: number;
  /** Body bytes on the wire (Resource Timing `encodedBodySize`). */
  bytes: number;
  /** `store.applyPullPage`: the page's IndexedDB transaction to its commit. */
  applyMs: number;
};

export type LongTask = { startTime: number; duration: number };

export type StorageFigures = {
  usage: number;
  quota: number;
  /** Chromium's per-backend split (`usageDetails`, non-standard); empty where not offered. */
  details: Record<string, number>;
};

export type InitialSyncResult = {
  /** `start()` to the commit of the page that has no successor. */
  elapsedMs: number;
  contacts: number;
  pulls: PullTiming[];
  /** Long tasks (> 50 ms) that began while the sync ran. */
  longTasks: LongTask[];
  storageBefore: StorageFigures;
  storageAfter: StorageFigures;
};

export type DeltaResult = {
  /** `pullNow()` to the commit of the last page. */
  elapsedMs: number;
  pulls: PullTiming[];
  /** The contact named in the check, as the cache holds it afterwards. */
  checkedJobTitle: string | null;
};

export type LookupResult = {
  timingsMs: number[];
  /** How many lookups found exactly one contact (`kind: 'one'`). */
  found: number;
  /** How many of those came with their company (persons only have one). */
  withCompany: number;
};

export type SyncBenchPage = {
  /** Opens the Dexie store `storeName` and a sync engine talking to this origin with `token`. */
  open(options: { token: string; storeName: string }): Promise<StorageFigures>;
  initialSync(): Promise<InitialSyncResult>;
  /** One delta pull; `check` names a contact the server just changed and its new job title. */
  deltaPull(check: { contactNo: string }): Promise<DeltaResult>;
  senderLookups(addresses: readonly string[]): Promise<LookupResult>;
  /** Stops the engine (so nothing is pushed) and queues `count` logEmail mutations, timing each `enqueue`. */
  outboxWrites(count: number, recipients: readonly { name: string; address: string }[]): Promise<number[]>;
  storage(): Promise<StorageFigures>;
  close(): Promise<void>;
};

/** The global the page sets and the driver reads. */
export type BenchWindow = { rapportBench?: SyncBenchPage; rapportBenchError?: string };
