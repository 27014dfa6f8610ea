import type { SyncApiErrorKind } from './sync-api-error';

/** The problem code the service sends when client and server sync schema versions differ. */
export const SYNC_SCHEMA_MISMATCH_CODE = 'sync_schema_mismatch';

/** Statuses below 500 that still say "try again later" rather than "this request is wrong". */
const TRANSIENT_CLIENT_STATUSES: ReadonlySet<number> = new Set([408, 429]);

/**
 * Classifies a non-2xx answer by its status and the problem's stable `code` (null when the body was
 * no problem document). The code wins over the status for a schema mismatch, so a proxy rewriting
 * 409 cannot make the loop retry a request the service will never accept.
 */
export function errorKindForStatus(status: number, code: string | null): SyncApiErrorKind {
  if (code === SYNC_SCHEMA_MISMATCH_CODE) return 'schema';
  if (status === 401) return 'unauthenticated';
  if (status >= 500 || TRANSIENT_CLIENT_STATUSES.has(status)) return 'server';
  return 'rejected';
}
