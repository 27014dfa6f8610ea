/**
 * What went wrong with a sync request, in the terms the sync loop acts on:
 * - `network`: no answer at all (offline, DNS, connection reset, aborted); retry later.
 * - `server`: the service answered 5xx, 408 or 429; transient, retry with backoff.
 * - `unauthenticated`: no token, or the service refused a freshly renewed one (401).
 * - `schema`: the service speaks another sync schema version; the add-in must update.
 * - `rejected`: the service refused the request itself (any other 4xx); resending it unchanged fails again.
 * - `invalidResponse`: a 2xx answer that is not a valid message of the protocol.
 */
export type SyncApiErrorKind = 'network' | 'server' | 'unauthenticated' | 'schema' | 'rejected' | 'invalidResponse';

/**
 * The one error a sync request rejects with. `status` is the HTTP status when the service answered
 * (null for `network`), `code` the problem's stable code when it sent one. `message` is for logs;
 * the pane words the error from `kind`.
 */
export class SyncApiError extends Error {
  readonly kind: SyncApiErrorKind;
  readonly status: number | null;
  readonly code: string | null;

  constructor(kind: SyncApiErrorKind, message: string, options: { status?: number | null; code?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SyncApiError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.code = options.code ?? null;
  }
}
