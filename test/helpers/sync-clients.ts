import type { FastifyInstance } from 'fastify';
// The package's own types are ES-module only; its `auto` entry installs the same classes as globals.
import 'fake-indexeddb/auto';
import { SYNC_COLLECTION_NAMES, SYNC_SCHEMA_VERSION, type SyncCollection, type SyncRecord } from '../../src/contract/sync';
import { createSyncApi, type FetchLike, type SyncApi } from '../../src/addin/api/sync-api';
import { openDexieStore } from '../../src/addin/cache/dexie-store';
import type { LocalStore } from '../../src/addin/cache/local-store';
import { createMemoryStore } from '../../src/addin/cache/memory-store';
import { pullPages } from '../../src/addin/sync/pull-pages';
import { pushPending } from '../../src/addin/sync/push-pending';
import type { TestSigner, TestUser } from './tokens';

/**
 * The add-in's sync side against the real service in-process: a store (Dexie on fake-indexeddb or
 * the in-memory one), the real HTTP client over Fastify's inject, and a network that can be cut or
 * made to lose answers after the service has acted on the request.
 */
export type StoreKind = 'memory' | 'dexie';
export const STORE_KINDS: StoreKind[] = ['memory', 'dexie'];

export type Network = {
  online: boolean;
  /** Decides, per request path, whether the answer is lost after the service handled the request. */
  loseAnswer?: (path: string) => boolean;
  /** Decides, per request path, whether the request fails before it reaches the service. */
  dropRequest?: (path: string) => boolean;
  /** Requests that reached the service, by path. */
  delivered: string[];
};

export const newNetwork = (): Network => ({ online: true, delivered: [] });

/** A `fetch` over Fastify's inject that honours the network's switches. `app()` is read per request, so a restarted service takes over. */
export function injectFetch(app: () => FastifyInstance, network: Network): FetchLike {
  return async (url, init) => {
    const { pathname, search } = new URL(url);
    if (!network.online || network.dropRequest?.(pathname)) throw new TypeError('Failed to fetch');
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const response = await app().inject({ method: (init.method ?? 'GET') as 'POST', url: pathname + search, headers, payload: typeof init.body === 'string' ? init.body : undefined });
    network.delivered.push(pathname);
    if (network.loseAnswer?.(pathname)) throw new TypeError('Failed to fetch');
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) responseHeaders.set(name, String(value));
    return new Response(response.statusCode === 204 ? null : response.body, { status: response.statusCode, headers: responseHeaders });
  };
}

export type SyncClient = {
  store: LocalStore;
  api: SyncApi;
  network: Network;
  /** Pushes what is pending, then pulls until caught up: what the loop does on each trigger. */
  sync(): Promise<void>;
  push(): Promise<void>;
  pull(): Promise<void>;
};

let databaseNumber = 0;

export async function openStore(kind: StoreKind, indexedDB?: IDBFactory): Promise<LocalStore> {
  if (kind === 'memory') return createMemoryStore();
  databaseNumber += 1;
  return openDexieStore(`rapport-test-${databaseNumber}`, { indexedDB: indexedDB ?? new IDBFactory(), IDBKeyRange });
}

export async function syncClient(options: { app: () => FastifyInstance; signer: TestSigner; user: TestUser; store: LocalStore; network?: Network; limit?: number }): Promise<SyncClient> {
  const network = options.network ?? newNetwork();
  const api = createSyncApi({ baseUrl: 'http://localhost', fetch: injectFetch(options.app, network), getToken: () => options.signer.sign(options.user) });
  const signal = new AbortController().signal;
  const push = async () => {
    await pushPending({ store: options.store, api, signal });
  };
  const pull = async () => {
    await pullPages({ store: options.store, api, signal, now: Date.now, yieldToPane: async () => undefined, ...(options.limit ? { limit: options.limit } : {}) });
  };
  return {
    store: options.store,
    api,
    network,
    push,
    pull,
    async sync() {
      await push();
      await pull();
    },
  };
}

export type CacheContents = Partial<Record<SyncCollection, Map<string, unknown>>>;

/** What a user's cache should hold right now: every record a full sync from nothing sends, folded by key. */
export async function serverView(api: SyncApi, clientGroupId = 'gserverview0'): Promise<CacheContents> {
  const contents: CacheContents = {};
  let cursor: string | null = null;
  for (;;) {
    const page = await api.pull({ schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId, cursor, limit: 2000 });
    for (const op of page.ops) {
      const records = (contents[op.collection] ??= new Map());
      if (op.op === 'put') records.set(op.key, op.value);
      else records.delete(op.key);
    }
    cursor = page.cursor;
    if (!page.hasMore) return contents;
  }
}

/**
 * Checks a store holds exactly `expected`: the same number of records in every collection and an
 * equal record under every key. Collections a client group owns (`rejection`) are left out.
 */
export async function expectStoreToHold(store: LocalStore, expected: CacheContents): Promise<void> {
  for (const collection of SYNC_COLLECTION_NAMES) {
    if (collection === 'rejection') continue;
    const records = expected[collection] ?? new Map();
    const held: Record<string, unknown> = {};
    for (const key of records.keys()) held[key] = await store.get(collection, key);
    expect({ collection, count: await store.count(collection), records: held }).toEqual({ collection, count: records.size, records: Object.fromEntries(records) as Record<string, SyncRecord<SyncCollection>> });
  }
}
