import type { z } from 'zod';
import { problemSchema } from '../../contract/problem';
import { ApiError, type ApiErrorKind } from './api-error';

/** The slice of `window.fetch` the client uses. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * An access token for the service, or null when nobody is signed in. Never navigates away:
 * `forceRefresh` asks for a new token after the service refused the one given.
 */
export type GetToken = (options: { forceRefresh: boolean }) => Promise<string | null>;

export type ConsoleApiOptions = {
  /** The service's origin, e.g. `https://rapport.example.com`; `/api/v1/…` is appended. */
  baseUrl: string;
  fetch: FetchLike;
  getToken: GetToken;
};

/**
 * The console's access to the service. Every answer is checked against the contract's schema on
 * arrival; every failure is an `ApiError`.
 */
export type ConsoleApi = {
  get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  send<S extends z.ZodType>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body: unknown, schema: S): Promise<z.output<S>>;
  /** POST of a file as it is (`contentType`: `text/csv`), not as JSON: an upload the service reads as a stream. */
  upload<S extends z.ZodType>(path: string, file: Blob, contentType: string, schema: S): Promise<z.output<S>>;
  /** GET of a file the service answers (a CSV export): its bytes, and the name the service gives it. */
  download(path: string, signal?: AbortSignal): Promise<DownloadedFile>;
};

/** A file the service answered: the bytes as they came (a CSV keeps its byte order mark), and its name from Content-Disposition. */
export type DownloadedFile = { blob: Blob; fileName: string | null };

/** What a request sends: nothing, a JSON body, or a file's bytes as they are. */
type Payload = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'file'; file: Blob; contentType: string };

/** Statuses below 500 that still say "try again later" rather than "this request is wrong". */
const TRANSIENT_CLIENT_STATUSES: ReadonlySet<number> = new Set([408, 429]);

/**
 * The console's HTTP client for `/api/v1`. A 401 is retried once with a renewed token (tokens
 * expire while the console sits open); a second 401 means the user has to sign in again.
 */
export function createConsoleApi(options: ConsoleApiOptions): ConsoleApi {
  const root = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
  // Called detached: browsers refuse `window.fetch` invoked as a method of any other object.
  const { fetch } = options;

  async function token(forceRefresh: boolean): Promise<string> {
    let value: string | null;
    try {
      value = await options.getToken({ forceRefresh });
    } catch (cause) {
      throw new ApiError('unauthenticated', 'No access token could be obtained.', { cause });
    }
    if (value === null || value === '') throw new ApiError('unauthenticated', 'Nobody is signed in.');
    return value;
  }

  /** The answer of a request; a 401 is retried once with a renewed token, any other failure thrown as an `ApiError`. */
  async function respond(method: string, path: string, payload: Payload, accept: string, signal?: AbortSignal): Promise<Response> {
    const send = async (bearer: string): Promise<Response> => {
      const headers: Record<string, string> = { accept, authorization: `Bearer ${bearer}` };
      let body: BodyInit | undefined;
      if (payload.kind === 'json') {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(payload.value);
      } else if (payload.kind === 'file') {
        headers['content-type'] = payload.contentType;
        body = payload.file;
      }
      try {
        return await fetch(`${root}${path}`, { method, headers, ...(body === undefined ? {} : { body }), ...(signal ? { signal } : {}) });
      } catch (cause) {
        throw new ApiError('network', `No answer from the service for ${method} ${path}.`, { cause });
      }
    };
    let response = await send(await token(false));
    if (response.status === 401) {
      // Drain the refused answer so the connection can be reused for the retry.
      await response.text().catch(() => '');
      response = await send(await token(true));
    }
    if (!response.ok) throw await failure(response);
    return response;
  }

  async function request<S extends z.ZodType>(method: string, path: string, payload: Payload, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    const response = await respond(method, path, payload, 'application/json, application/problem+json', signal);
    // 204 No Content (a delete) has no body to read: its answer is `undefined`.
    const parsed = schema.safeParse(response.status === 204 ? undefined : await json(response));
    if (!parsed.success) {
      throw new ApiError('invalidResponse', `The service's answer to ${method} ${path} is not what the contract describes.`, { status: response.status, cause: parsed.error });
    }
    return parsed.data;
  }

  return {
    get: (path, schema, signal) => request('GET', path, { kind: 'none' }, schema, signal),
    send: (method, path, body, schema) => request(method, path, body === undefined ? { kind: 'none' } : { kind: 'json', value: body }, schema),
    upload: (path, file, contentType, schema) => request('POST', path, { kind: 'file', file, contentType }, schema),
    async download(path, signal) {
      const response = await respond('GET', path, { kind: 'none' }, 'text/csv, application/problem+json', signal);
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch (cause) {
        throw new ApiError('network', 'The file was cut off.', { status: response.status, cause });
      }
      return { blob, fileName: fileNameOf(response.headers.get('content-disposition')) };
    },
  };
}

/** The file name of a Content-Disposition header (`attachment; filename="contacts.csv"`), or null. */
export function fileNameOf(disposition: string | null): string | null {
  const match = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition ?? '');
  const name = match?.[1] ?? match?.[2] ?? '';
  return name === '' ? null : name;
}

function kindOf(status: number): ApiErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status >= 500 || TRANSIENT_CLIENT_STATUSES.has(status)) return 'server';
  return 'rejected';
}

/** The error of a non-2xx answer, with what its problem document says (nothing when the body is none: a proxy's page). */
async function failure(response: Response): Promise<ApiError> {
  const kind = kindOf(response.status);
  let problem: z.output<typeof problemSchema> | null = null;
  if (/^application\/(problem\+)?json\b/i.test(response.headers.get('content-type') ?? '')) {
    try {
      const parsed = problemSchema.safeParse(JSON.parse(await response.text()));
      problem = parsed.success ? parsed.data : null;
    } catch {
      problem = null;
    }
  }
  const requiredRole = problem?.details?.['requiredRole'];
  return new ApiError(kind, problem?.detail ?? `The service answered ${response.status}.`, {
    status: response.status,
    code: problem?.code ?? null,
    fields: problem?.fields ?? [],
    requiredRole: typeof requiredRole === 'string' ? requiredRole : null,
  });
}

/** The body as JSON; a body cut off in transit is a network failure, one that is not JSON an invalid answer. */
async function json(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new ApiError('network', 'The answer was cut off.', { status: response.status, cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ApiError('invalidResponse', 'The answer is not JSON.', { status: response.status, cause });
  }
}
