import { z } from 'zod';
import {
  pullResponseSchema,
  pushResponseSchema,
  SYNC_SCHEMA_VERSION,
  syncOpSchema,
  type SyncOp,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../contract/sync';
import { yieldToPane as yieldWithScheduler } from '../sync/yield-to-pane';
import { errorKindForStatus } from './error-kind-for-status';
import { readProblem } from './read-problem';
import { SyncApiError } from './sync-api-error';

/** The two sync endpoints. Both reject with `SyncApiError` only. */
export type SyncApi = {
  pull(request: PullRequest, signal?: AbortSignal): Promise<PullResponse>;
  push(request: PushRequest, signal?: AbortSignal): Promise<PushResponse>;
};

/** The slice of `window.fetch` the client uses. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Returns an access token for the service, or null when the user is not signed in. Must not
 * prompt: the sync loop calls it in the background. `forceRefresh` asks for a new token instead of
 * a cached one, after the service refused the cached one.
 */
export type GetToken = (options: { forceRefresh: boolean }) => Promise<string | null>;

export type SyncApiOptions = {
  /** The service's origin and any path prefix, e.g. `https://rapport.example.com`; `/api/v1/…` is appended. */
  baseUrl: string;
  fetch: FetchLike;
  getToken: GetToken;
  /** Gives the pane a turn between slices of a page's validation; by default `scheduler.yield()` or a zero-delay timer. */
  yieldToPane?: () => Promise<void>;
};

/**
 * A pull page's envelope, its ops checked apart: validating a page's 2,000 ops in one go holds the
 * main thread for tens of milliseconds, so they are checked a slice at a time.
 */
const pullEnvelopeSchema = pullResponseSchema.extend({ ops: z.array(z.unknown()) });
const OPS_PER_VALIDATION = 250;

/**
 * The HTTP client of the sync protocol. Every answer is checked against the contract's schema on
 * arrival, so the loop and the store only ever see well-formed messages of this schema version.
 * A 401 is retried once with a renewed token (cached tokens expire while the pane sits open);
 * that is safe for push too, because the service skips mutation ids it has already processed.
 */
export function createSyncApi(options: SyncApiOptions): SyncApi {
  const root = options.baseUrl.replace(/\/+$/, '');
  // Called detached: browsers refuse `window.fetch` invoked as a method of any other object.
  const { fetch } = options;
  const yieldToPane = options.yieldToPane ?? (() => yieldWithScheduler(globalThis));

  async function post<S extends z.ZodType<{ schemaVersion: number }>>(path: string, body: unknown, schema: S, signal: AbortSignal | undefined): Promise<z.output<S>> {
    let response = await send(path, body, await token(false), signal);
    if (response.status === 401) {
      // Drain the refused answer so the connection can be reused for the retry.
      await response.text().catch(() => '');
      response = await send(path, body, await token(true), signal);
    }
    if (!response.ok) throw await failure(response);
    const message = schema.safeParse(await json(response));
    if (!message.success) {
      throw new SyncApiError('invalidResponse', `The service's answer to ${path} is not a valid sync message.`, { status: response.status, cause: message.error });
    }
    if (message.data.schemaVersion !== SYNC_SCHEMA_VERSION) {
      throw new SyncApiError('schema', `The service speaks sync schema ${message.data.schemaVersion}, this add-in ${SYNC_SCHEMA_VERSION}.`, { status: response.status });
    }
    return message.data;
  }

  async function token(forceRefresh: boolean): Promise<string> {
    let value: string | null;
    try {
      value = await options.getToken({ forceRefresh });
    } catch (cause) {
      throw new SyncApiError('unauthenticated', 'No access token could be obtained.', { cause });
    }
    if (value === null || value === '') throw new SyncApiError('unauthenticated', 'The user is not signed in.');
    return value;
  }

  async function send(path: string, body: unknown, bearer: string, signal: AbortSignal | undefined): Promise<Response> {
    try {
      return await fetch(`${root}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      throw new SyncApiError('network', `No answer from the service for ${path}.`, { cause });
    }
  }

  async function pull(request: PullRequest, signal: AbortSignal | undefined): Promise<PullResponse> {
    const envelope = await post('/api/v1/sync/pull', request, pullEnvelopeSchema, signal);
    const ops: SyncOp[] = [];
    for (let start = 0; start < envelope.ops.length; start += OPS_PER_VALIDATION) {
      if (start > 0) {
        await yieldToPane();
        if (signal?.aborted) throw new SyncApiError('network', 'The pull was called off.', { cause: signal.reason });
      }
      const slice = z.array(syncOpSchema).safeParse(envelope.ops.slice(start, start + OPS_PER_VALIDATION));
      if (!slice.success) {
        throw new SyncApiError('invalidResponse', "The service's answer to /api/v1/sync/pull is not a valid sync message.", { status: 200, cause: slice.error });
      }
      // The contract builds the put-op union from a mapped list, so zod infers a looser value type
      // than the contract's own `SyncOp`; the schema checked every op, the type is the contract's.
      ops.push(...(slice.data as SyncOp[]));
    }
    return { ...envelope, ops };
  }

  return {
    pull,
    push: (request, signal) => post('/api/v1/sync/push', request, pushResponseSchema, signal),
  };
}

async function failure(response: Response): Promise<SyncApiError> {
  const problem = await readProblem(response);
  const kind = errorKindForStatus(response.status, problem.code);
  return new SyncApiError(kind, problem.detail ?? `The service answered ${response.status}.`, { status: response.status, code: problem.code });
}

/** The body as JSON; a body cut off in transit is a network failure, one that is not JSON an invalid answer. */
async function json(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new SyncApiError('network', 'The answer was cut off.', { status: response.status, cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SyncApiError('invalidResponse', 'The answer is not JSON.', { status: response.status, cause });
  }
}
