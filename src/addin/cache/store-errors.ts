import Dexie from 'dexie';
import { StorageQuotaError, StoreUnavailableError } from './local-store';

/** DOMException names (their class, for DOMException) that mean the store cannot be used now. */
const UNAVAILABLE_NAMES = new Set(['DatabaseClosedError', 'MissingAPIError', 'InvalidStateError']);

/** The errors an error wraps: Dexie's `inner`, a bulk operation's failures, the standard `cause`. */
function wrapped(error: object): unknown[] {
  const inner: unknown[] = [];
  if (error instanceof Dexie.DexieError && error.inner) inner.push(error.inner);
  if (error instanceof Dexie.BulkError) inner.push(...Object.values(error.failuresByPos));
  if (error instanceof Dexie.ModifyError) inner.push(...error.failures);
  if ('cause' in error && error.cause !== undefined) inner.push(error.cause);
  return inner;
}

function isQuota(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error || error instanceof DOMException) || depth > 5) return false;
  if (error instanceof Dexie.QuotaExceededError) return true;
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return true;
  return wrapped(error).some((inner) => isQuota(inner, depth + 1));
}

function isUnavailable(error: unknown): boolean {
  if (error instanceof Dexie.DatabaseClosedError || error instanceof Dexie.MissingAPIError || error instanceof Dexie.InvalidStateError) return true;
  if (error instanceof DOMException && UNAVAILABLE_NAMES.has(error.name)) return true;
  // An open that failed because the API is missing or the database went away.
  return error instanceof Dexie.OpenFailedError && isUnavailable(error.inner);
}

/**
 * The contract's error for what IndexedDB or Dexie threw, decided by class (Dexie's error classes,
 * DOMException's name), never by message text, which differs between browsers. The original is
 * kept as `cause`; anything else is returned unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StorageQuotaError || error instanceof StoreUnavailableError) return error;
  if (isQuota(error)) return new StorageQuotaError({ cause: error });
  if (isUnavailable(error)) return new StoreUnavailableError({ cause: error });
  return error;
}
