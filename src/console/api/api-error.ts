import type { FieldProblem } from '../../contract/problem';

/**
 * What went wrong with a request, in the terms the console acts on:
 * - `network`: no answer at all (offline, DNS, connection reset); transient.
 * - `server`: the service answered 5xx, 408 or 429; transient.
 * - `unauthenticated`: no token, or the service refused a freshly renewed one (401): sign in again.
 * - `forbidden`: the user's access level is below the route's (403); `requiredRole` names the role.
 * - `notFound`: 404.
 * - `rejected`: the service refused the request itself (any other 4xx), with `fields` when it said which.
 * - `invalidResponse`: a 2xx answer the contract does not describe.
 */
export type ApiErrorKind = 'network' | 'server' | 'unauthenticated' | 'forbidden' | 'notFound' | 'rejected' | 'invalidResponse';

/**
 * The one error the console's API client rejects with. `status` is the HTTP status when the service
 * answered, `code` the problem's stable code, `detail` its text (English, from the service: for
 * logs and as the last resort of a message), `fields` the failing fields by body path.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly fields: readonly FieldProblem[];
  readonly requiredRole: string | null;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number | null; code?: string | null; fields?: readonly FieldProblem[]; requiredRole?: string | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.code = options.code ?? null;
    this.fields = options.fields ?? [];
    this.requiredRole = options.requiredRole ?? null;
  }
}

/** Whether trying the same request again later may succeed: no answer, or the service's own trouble. */
export const isTransient = (error: unknown): boolean => error instanceof ApiError && (error.kind === 'network' || error.kind === 'server');
