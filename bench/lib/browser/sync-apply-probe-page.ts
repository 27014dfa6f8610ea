/**
 * Where the time of applying pull pages goes: the same downloaded pages written into IndexedDB in
 * several ways (the real store; Dexie with fewer indexes, other durability, smaller chunks, larger
 * transactions; raw IndexedDB), each into a fresh database. Driven by sync-apply-probe.ts.
 */
import Dexie from 'dexie';
import { createSyncApi } from '../../../src/addin/api/sync-api';
import { openDexieStore } from '../../../src/addin/cache/dexie-store';
import { toStoredRow } from '../../../src/addin/cache/record-keys';
import { DEFAULT_PULL_LIMIT, SYNC_SCHEMA_VERSION, type PullResponse, type SyncContact } from '../../../src/contract/sync';

export type ProbeVariant = {
  label: string;
  kind: 'store' | 'dexie' | 'idb';
  /** Dexie schema of the contact table (`kind` dexie and idb). */
  schema?: string;
  durability?: 'default' | 'strict' | 'relaxed';
  /** Rows per bulkPut call inside the page's transaction; 0 for one call. */
  chunk?: number;
  /** Pages per transaction. */
  pagesPerTransaction?: number;
  /** What is written per contact: the stored row (default), a three-field stub, or the row as one JSON string. */
  shape?: 'stored' | 'tiny' | 'json';
  /** Stores this many stored rows per IndexedDB record (an array), instead of one record each. */
  bucket?: number;
};

export type ProbeResult = { label: string; rows: number; elapsedMs: number; rowsPerSecond: number; longTasks: number; longestTaskMs: number; applyP50Ms: number };

export type ProbeWindow = { rapportProbe?: { download(token: string, pages: number): Promise<number>; run(variant: ProbeVariant): Promise<ProbeResult> } };

const pages: PullResponse[] = [];
const longTasks: { startTime: number; duration: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
});
observer.observe({ type: 'longtask', buffered: true });

function shaped(variant: ProbeVariant, row: ReturnType<typeof toStoredRow<'contact'>>): unknown {
  if (variant.shape === 'tiny') return { no: row.no, $g: row.$g, companyNo: row.companyNo };
  if (variant.shape === 'json') return JSON.stringify(row);
  return row;
}

const contactRows = (page: PullResponse) => page.ops.flatMap((op) => (op.op === 'put' && op.collection === 'contact' ? [op] : []));

async function download(token: string, count: number): Promise<number> {
  const api = createSyncApi({ baseUrl: location.origin, fetch: (url, init) => fetch(url, init), getToken: async () => token });
  let cursor: string | null = null;
  for (let index = 0; index < count; index++) {
    const page = await api.pull({ schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: 'probe-client-group', cursor, limit: DEFAULT_PULL_LIMIT });
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return pages.reduce((sum, page) => sum + contactRows(page).length, 0);
}

async function run(variant: ProbeVariant): Promise<ProbeResult> {
  const name = `probe-${variant.label}`;
  await Dexie.delete(name);
  const applyMs: number[] = [];
  let rows = 0;
  let started = 0;
  if (variant.kind === 'store') {
    const store = await openDexieStore(name);
    await store.syncState();
    started = performance.now();
    for (const [index, page] of pages.entries()) {
      const t = performance.now();
      await store.applyPullPage({ ops: page.ops, cursor: page.cursor, reset: false, hasMore: index < pages.length - 1, lastMutationIds: {}, pulledAt: new Date().toISOString() });
      applyMs.push(performance.now() - t);
      rows += page.ops.length;
    }
    await store.close();
  } else {
    const db = new Dexie(name, variant.durability ? { chromeTransactionDurability: variant.durability } : {});
    db.version(1).stores({ contact: variant.schema ?? '' });
    await db.open();
    const table = db.table('contact');
    const perTransaction = variant.pagesPerTransaction ?? 1;
    started = performance.now();
    for (let first = 0; first < pages.length; first += perTransaction) {
      const group = pages.slice(first, first + perTransaction);
      const t = performance.now();
      // Stored rows are built inside, as the store builds them while planning the page.
      if (variant.kind === 'dexie') {
        await db.transaction('rw', table, async () => {
          for (const page of group) {
            const ops = contactRows(page);
            const values = ops.map((op) => shaped(variant, toStoredRow('contact', op.value as SyncContact, 1)));
            const keys = ops.map((op) => op.key);
            if (variant.bucket) {
              const buckets: unknown[][] = [];
              const bucketKeys: string[] = [];
              for (let at = 0; at < values.length; at += variant.bucket) {
                buckets.push(values.slice(at, at + variant.bucket));
                bucketKeys.push(keys[at] ?? String(at));
              }
              await table.bulkPut(buckets, bucketKeys);
              rows += values.length;
              continue;
            }
            const chunk = variant.chunk || values.length;
            for (let at = 0; at < values.length; at += chunk) await table.bulkPut(values.slice(at, at + chunk), keys.slice(at, at + chunk));
            rows += values.length;
          }
        });
      } else {
        const native = db.backendDB();
        await new Promise<void>((resolve, reject) => {
          const tx = native.transaction(['contact'], 'readwrite', variant.durability ? { durability: variant.durability } : undefined);
          const store = tx.objectStore('contact');
          for (const page of group) {
            for (const op of contactRows(page)) store.put(toStoredRow('contact', op.value as SyncContact, 1), op.key);
            rows += contactRows(page).length;
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      applyMs.push(performance.now() - t);
    }
    db.close();
  }
  const elapsedMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const entry of observer.takeRecords()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  const tasks = longTasks.filter((task) => task.startTime >= started && task.startTime <= started + elapsedMs);
  await Dexie.delete(name);
  const sorted = [...applyMs].sort((a, b) => a - b);
  return {
    label: variant.label,
    rows,
    elapsedMs: Math.round(elapsedMs),
    rowsPerSecond: Math.round(rows / (elapsedMs / 1000)),
    longTasks: tasks.length,
    longestTaskMs: Math.round(tasks.reduce((max, task) => Math.max(max, task.duration), 0)),
    applyP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
  };
}

(window as unknown as ProbeWindow).rapportProbe = { download, run };
