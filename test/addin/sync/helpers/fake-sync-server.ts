import {
  pullRequestSchema,
  pushRequestSchema,
  SYNC_MUTATIONS,
  SYNC_SCHEMA_VERSION,
  syncKeyOf,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  type SyncCollection,
  type SyncContact,
  type SyncOp,
  type SyncRecord,
} from '../../../../src/contract/sync';
import type { FetchLike } from '../../../../src/addin/api/sync-api';

/**
 * A small in-process stand-in for the service's sync endpoints, speaking the real protocol over
 * fetch: a versioned change log with tombstones and a cursor horizon, paged pulls, pushes applied
 * once each in id order per client with duplicates and out-of-order answers, domain rejections
 * recorded as `rejection` rows, bearer tokens, and problem+json errors. Faults are injected per
 * request; nothing is canned.
 */
export type FakeSyncServer = {
  fetch: FetchLike;
  /** Every request the server answered or failed, in arrival order. */
  requests: RecordedRequest[];
  pulls(): PullBody[];
  pushes(): PushBody[];
  put<C extends SyncCollection>(collection: C, value: SyncRecord<C>): void;
  del(collection: SyncCollection, key: string): void;
  /** The live records of a collection, by key. */
  records<C extends SyncCollection>(collection: C): Map<string, SyncRecord<C>>;
  /** Forgets tombstones and answers cursors older than the current version with `reset`. */
  expireCursors(): void;
  /** Makes the next `times` requests to `path` fail this way. */
  failNext(path: SyncPath, failure: Failure, times?: number): void;
  /** Makes requests to `path` wait until `release()`; an aborted request stops waiting. */
  hold(path: SyncPath): { release(): void };
  lastMutationId(clientId: string): number;
  /** As after a restore from a backup: the client's processed mutations after `id` are forgotten. */
  forgetMutationsAfter(clientId: string, id: number): void;
  acceptedTokens: Set<string>;
  /** How many rows a pull page holds at most, whatever the client asks for. */
  pageSize: number;
  schemaVersion: number;
  /** Pushes with more mutations than this are refused as too large (413). */
  maxMutationsPerRequest: number;
};

export type SyncPath = 'pull' | 'push';
export type PullBody = ReturnType<typeof pullRequestSchema.parse>;
export type PushBody = ReturnType<typeof pushRequestSchema.parse>;
export type RecordedRequest = { path: SyncPath; body: unknown; signal: AbortSignal | undefined };

export type Failure =
  | { status: number; code?: string; contentType?: string; body?: string }
  /** No answer at all. */
  | { network: true }
  /** The push is processed, then the connection drops before the answer arrives. */
  | { dropAnswer: true };

type ClientRecord = { clientGroupId: string; lastMutationId: number; results: Map<number, MutationResult> };
type LoggedOp = { version: number; op: SyncOp };

const problem = (status: number, code: string, detail: string): Response =>
  new Response(JSON.stringify({ type: `https://rapport.example/problems/${code}`, status, title: 'Error', detail, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** A contact of the directory with every field filled, as the service projects it. */
export const syncContact = (no: string, fields: Partial<SyncContact> = {}): SyncContact => ({
  no,
  type: 'person',
  name: `Contact ${no}`,
  firstName: 'Anna',
  surname: no,
  companyNo: '',
  companyName: '',
  jobTitle: '',
  email: `${no.toLowerCase()}@contoso.test`,
  email2: '',
  altEmails: [],
  homePage: '',
  phoneNo: '',
  mobilePhoneNo: '',
  salespersonCode: 'SP',
  languageCode: '',
  businessRelation: 'none',
  customerNo: '',
  ...fields,
});

export function createFakeSyncServer(): FakeSyncServer {
  let version = 0;
  let horizon = 0;
  let contactNumber = 0;
  const log = new Map<string, LoggedOp>();
  const clients = new Map<string, ClientRecord>();
  const faults: { path: SyncPath; failure: Failure }[] = [];
  const holds: { path: SyncPath; released: Promise<void> }[] = [];
  const requests: RecordedRequest[] = [];

  const write = (op: SyncOp): void => {
    version += 1;
    log.set(`${op.collection}|${op.key}`, { version, op });
  };

  const put = <C extends SyncCollection>(collection: C, value: SyncRecord<C>): void => {
    const key = (syncKeyOf[collection] as (record: SyncRecord<C>) => string)(value);
    write({ op: 'put', collection, key, value: structuredClone(value) } as SyncOp);
  };

  const records = <C extends SyncCollection>(collection: C): Map<string, SyncRecord<C>> => {
    const found = new Map<string, SyncRecord<C>>();
    for (const { op } of log.values()) if (op.op === 'put' && op.collection === collection) found.set(op.key, op.value as SyncRecord<C>);
    return found;
  };

  const server: FakeSyncServer = {
    requests,
    acceptedTokens: new Set(['token-1']),
    pageSize: 1000,
    schemaVersion: SYNC_SCHEMA_VERSION,
    maxMutationsPerRequest: Number.POSITIVE_INFINITY,
    pulls: () => requests.filter((request) => request.path === 'pull').map((request) => pullRequestSchema.parse(request.body)),
    pushes: () => requests.filter((request) => request.path === 'push').map((request) => pushRequestSchema.parse(request.body)),
    put,
    del: (collection, key) => write({ op: 'del', collection, key }),
    records,
    expireCursors() {
      for (const [key, logged] of log) if (logged.op.op === 'del') log.delete(key);
      horizon = version;
    },
    failNext(path, failure, times = 1) {
      for (let time = 0; time < times; time += 1) faults.push({ path, failure });
    },
    hold(path) {
      let release = (): void => undefined;
      holds.push({ path, released: new Promise<void>((resolve) => (release = resolve)) });
      return { release: () => release() };
    },
    lastMutationId: (clientId) => clients.get(clientId)?.lastMutationId ?? 0,
    forgetMutationsAfter(clientId, id) {
      const client = clients.get(clientId);
      if (!client) return;
      client.lastMutationId = Math.min(client.lastMutationId, id);
      for (const known of [...client.results.keys()]) if (known > id) client.results.delete(known);
    },
    fetch: async (url, init) => {
      const path = new URL(url).pathname.replace('/api/v1/sync/', '') as SyncPath;
      const body: unknown = JSON.parse(String(init.body));
      const signal = init.signal ?? undefined;
      requests.push({ path, body, signal });

      for (const hold of holds.filter((candidate) => candidate.path === path)) await Promise.race([hold.released, aborted(signal)]);
      signal?.throwIfAborted();

      const faultAt = faults.findIndex((fault) => fault.path === path);
      const fault = faultAt >= 0 ? faults.splice(faultAt, 1)[0]?.failure : undefined;
      if (fault && 'network' in fault) throw new TypeError('fetch failed');
      if (fault && 'status' in fault) {
        if (fault.body !== undefined) return new Response(fault.body, { status: fault.status, headers: { 'content-type': fault.contentType ?? 'text/html' } });
        return problem(fault.status, fault.code ?? 'internal_error', 'Injected failure.');
      }

      const token = new Headers(init.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!server.acceptedTokens.has(token)) return problem(401, 'unauthenticated', 'Sign in again.');

      const answer = path === 'pull' ? pull(body) : push(body);
      if (fault && 'dropAnswer' in fault) throw new TypeError('fetch failed');
      return answer;
    },
  };

  function pull(body: unknown): Response {
    const parsed = pullRequestSchema.safeParse(body);
    if (!parsed.success) return problem(400, 'validation_failed', 'The request is not valid.');
    const request = parsed.data;
    if (request.schemaVersion !== server.schemaVersion) return problem(409, 'sync_schema_mismatch', 'Update the add-in.');
    // `v<n>`: caught up to version n. `f<n>`: within a full sync, rows up to version n sent.
    const given = request.cursor === null ? null : { full: request.cursor.startsWith('f'), version: Number(request.cursor.slice(1)) };
    const reset = given !== null && !given.full && given.version < horizon;
    const full = given === null || reset || given.full;
    const from = given === null || reset ? 0 : given.version;
    const changes = [...log.values()].filter((logged) => logged.version > from && !(full && logged.op.op === 'del')).sort((a, b) => a.version - b.version);
    const page = changes.slice(0, Math.min(request.limit, server.pageSize));
    const hasMore = changes.length > page.length;
    const last = page[page.length - 1];
    const response: PullResponse = {
      schemaVersion: server.schemaVersion,
      reset,
      ops: page.map((logged) => logged.op),
      cursor: hasMore && last ? `${full ? 'f' : 'v'}${last.version}` : `v${version}`,
      hasMore,
      lastMutationIds: Object.fromEntries(
        [...clients].filter(([, client]) => client.clientGroupId === request.clientGroupId).map(([clientId, client]) => [clientId, client.lastMutationId]),
      ),
    };
    return json(response);
  }

  function push(body: unknown): Response {
    const parsed = pushRequestSchema.safeParse(body);
    if (!parsed.success) return problem(400, 'validation_failed', 'The request is not valid.');
    const request = parsed.data;
    if (request.schemaVersion !== server.schemaVersion) return problem(409, 'sync_schema_mismatch', 'Update the add-in.');
    if (request.mutations.length > server.maxMutationsPerRequest) return problem(413, 'payload_too_large', 'Too large.');
    let client = clients.get(request.clientId);
    if (!client) {
      client = { clientGroupId: request.clientGroupId, lastMutationId: 0, results: new Map() };
      clients.set(request.clientId, client);
    }
    const results: MutationResult[] = [];
    for (const mutation of request.mutations) {
      if (mutation.id <= client.lastMutationId) {
        const earlier = client.results.get(mutation.id) ?? { id: mutation.id, status: 'applied', duplicate: false };
        results.push({ ...earlier, duplicate: true });
        continue;
      }
      if (mutation.id > client.lastMutationId + 1) {
        const response: PushResponse = { schemaVersion: server.schemaVersion, lastMutationId: client.lastMutationId, results, outOfOrder: { expectedId: client.lastMutationId + 1 } };
        return json(response);
      }
      const rejection = apply(mutation.name, mutation.args);
      const result: MutationResult = rejection ? { id: mutation.id, status: 'rejected', duplicate: false, rejection } : { id: mutation.id, status: 'applied', duplicate: false };
      if (rejection) put('rejection', { clientId: request.clientId, mutationId: mutation.id, name: mutation.name, ...rejection });
      client.results.set(mutation.id, result);
      client.lastMutationId = mutation.id;
      results.push(result);
    }
    const response: PushResponse = { schemaVersion: server.schemaVersion, lastMutationId: client.lastMutationId, results };
    return json(response);
  }

  /** Applies one mutation; returns the rejection when the rules refuse it. */
  function apply(name: string, rawArgs: unknown): { code: string; message: string } | undefined {
    if (name === 'createContact') {
      const args = SYNC_MUTATIONS.createContact.safeParse(rawArgs);
      if (!args.success) return { code: 'validation_failed', message: 'Invalid arguments.' };
      const email = args.data.contact.email ?? '';
      const clash = [...records('contact').values()].some((contact) => email !== '' && contact.email === email);
      if (clash && !args.data.allowDuplicates) return { code: 'likely_duplicate', message: `A contact with ${email} exists.` };
      contactNumber += 1;
      const no = `CT${String(contactNumber).padStart(6, '0')}`;
      put('contact', syncContact(no, { name: args.data.contact.name ?? '', email }));
      return undefined;
    }
    if (name === 'updateContact') {
      const args = SYNC_MUTATIONS.updateContact.safeParse(rawArgs);
      if (!args.success) return { code: 'validation_failed', message: 'Invalid arguments.' };
      const current = records('contact').get(args.data.no);
      if (!current) return { code: 'not_found', message: `No contact ${args.data.no}.` };
      put('contact', { ...current, ...(args.data.patch.jobTitle !== undefined ? { jobTitle: args.data.patch.jobTitle } : {}) });
      return undefined;
    }
    return { code: 'not_supported', message: `The fake service does not know ${name}.` };
  }

  return server;
}

/** Resolves when `signal` aborts (never without one), so a held request lets go when it is cancelled. */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
