import { SyncApiError, type SyncApiErrorKind } from '../../../src/addin/api/sync-api-error';
import { StorageQuotaError, StoreUnavailableError } from '../../../src/addin/cache/local-store';
import { classifyFailure, type FailureAction, type SyncErrorKind } from '../../../src/addin/sync/classify-failure';
import { OutboxOutOfOrderError } from '../../../src/addin/sync/outbox-out-of-order-error';

const apiError = (kind: SyncApiErrorKind): SyncApiError => new SyncApiError(kind, 'Same words for every kind.');

describe('classifyFailure', () => {
  test.each<[string, unknown, boolean, FailureAction, SyncErrorKind]>([
    ['a network failure while online backs off', apiError('network'), true, 'backoff', 'network'],
    ['a network failure while offline waits for the network', apiError('network'), false, 'offline', 'network'],
    ['a server failure backs off, even offline', apiError('server'), false, 'backoff', 'server'],
    ['an unauthenticated answer signs out', apiError('unauthenticated'), true, 'signedOut', 'unauthenticated'],
    ['a schema mismatch requires an update', apiError('schema'), true, 'updateRequired', 'schema'],
    ['a refused request is reported', apiError('rejected'), true, 'report', 'rejected'],
    ['an invalid answer is reported', apiError('invalidResponse'), true, 'report', 'invalidResponse'],
    ['a full disk is reported as quota', new StorageQuotaError(), true, 'report', 'quota'],
    ['a vanished store is reopened', new StoreUnavailableError(), true, 'reopen', 'storeUnavailable'],
    ['an unsatisfiable expected id is reported', new OutboxOutOfOrderError(4), true, 'report', 'outOfOrder'],
    ['anything else backs off as unknown', new TypeError('x is undefined'), true, 'backoff', 'unknown'],
    ['a thrown string backs off as unknown', 'oops', true, 'backoff', 'unknown'],
  ])('%s', (_case, error, online, action, kind) => {
    expect(classifyFailure(error, online)).toMatchObject({ action, kind });
  });

  test('goes by class, not by what the message says', () => {
    const disguised = new Error(new StorageQuotaError().message);
    expect(classifyFailure(disguised, true).kind).toBe('unknown');
  });
});
