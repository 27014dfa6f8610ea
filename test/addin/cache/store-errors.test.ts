import Dexie from 'dexie';
import { StorageQuotaError, StoreUnavailableError } from '../../../src/addin/cache/local-store';
import { toStoreError } from '../../../src/addin/cache/store-errors';

const quota = () => new DOMException('Quota exceeded.', 'QuotaExceededError');

describe('store errors by class', () => {
  test.each([
    { title: "Dexie's QuotaExceededError", error: new Dexie.QuotaExceededError('full') },
    { title: 'a DOMException named QuotaExceededError', error: quota() },
    { title: 'an AbortError whose inner error is a quota error', error: new Dexie.AbortError('aborted', quota()) },
    { title: 'a bulk error with a quota failure', error: new Dexie.BulkError('bulk', { 3: quota() }) },
  ])('$title is a StorageQuotaError keeping its cause', ({ error }) => {
    const mapped = toStoreError(error);
    expect(mapped).toBeInstanceOf(StorageQuotaError);
    expect((mapped as Error).cause).toBe(error);
  });

  test.each([
    { title: "Dexie's DatabaseClosedError", error: new Dexie.DatabaseClosedError('closed') },
    { title: "Dexie's MissingAPIError", error: new Dexie.MissingAPIError('no IndexedDB') },
    { title: "Dexie's InvalidStateError", error: new Dexie.InvalidStateError('invalid') },
    { title: 'a DOMException named InvalidStateError', error: new DOMException('gone', 'InvalidStateError') },
    { title: 'an OpenFailedError over a missing API', error: new Dexie.OpenFailedError('open failed', new Dexie.MissingAPIError('no IndexedDB')) },
  ])('$title is a StoreUnavailableError keeping its cause', ({ error }) => {
    const mapped = toStoreError(error);
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as Error).cause).toBe(error);
  });

  test.each([
    { title: 'a DataCloneError', error: new DOMException('cannot clone', 'DataCloneError') },
    { title: 'a constraint error', error: new Dexie.ConstraintError('key exists') },
    { title: 'a plain error whose message mentions the quota', error: new Error('QuotaExceededError') },
    { title: 'an AbortError without a quota error inside', error: new Dexie.AbortError('aborted') },
  ])('$title is passed on unchanged', ({ error }) => {
    expect(toStoreError(error)).toBe(error);
  });
});
