import { SyncApiError, type SyncApiErrorKind } from '../api/sync-api-error';
import { StorageQuotaError, StoreUnavailableError } from '../cache/local-store';
import { OutboxOutOfOrderError } from './outbox-out-of-order-error';

/** The kinds of error the sync indicator can show; the pane words each one. */
export type SyncErrorKind = SyncApiErrorKind | 'quota' | 'storeUnavailable' | 'outOfOrder' | 'unknown';

/**
 * What the loop does after a failed step:
 * - `offline`: wait for the device to come online;
 * - `backoff`: retry after a growing delay (transient trouble);
 * - `signedOut`: wait for the next trigger, when a token may work again;
 * - `updateRequired`: stop syncing, this add-in version cannot talk to the service;
 * - `reopen`: the local store is gone; open a new one and resync into it;
 * - `report`: show the error; retrying unchanged would fail the same way, so wait for a trigger.
 */
export type FailureAction = 'offline' | 'backoff' | 'signedOut' | 'updateRequired' | 'reopen' | 'report';

export type ClassifiedFailure = { action: FailureAction; kind: SyncErrorKind; message: string };

/** Decides by error class and kind, never by message text. */
export function classifyFailure(error: unknown, online: boolean): ClassifiedFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyncApiError) {
    const action = ACTION_BY_API_KIND[error.kind];
    return { action: action === 'backoff' && error.kind === 'network' && !online ? 'offline' : action, kind: error.kind, message };
  }
  if (error instanceof StorageQuotaError) return { action: 'report', kind: 'quota', message };
  if (error instanceof StoreUnavailableError) return { action: 'reopen', kind: 'storeUnavailable', message };
  if (error instanceof OutboxOutOfOrderError) return { action: 'report', kind: 'outOfOrder', message };
  // An unforeseen failure may well be passing; backing off keeps it from spinning if it is not.
  return { action: 'backoff', kind: 'unknown', message };
}

const ACTION_BY_API_KIND: Record<SyncApiErrorKind, FailureAction> = {
  network: 'backoff',
  server: 'backoff',
  unauthenticated: 'signedOut',
  schema: 'updateRequired',
  rejected: 'report',
  invalidResponse: 'report',
};
