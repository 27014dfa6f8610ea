import { COLLECTION_NAMES } from '../../../src/addin/cache/collection-names';
import { SYNC_COLLECTION_NAMES } from '../../../src/contract/sync';

test("the cache's list of sync collections is the contract's, in the contract's order", () => {
  expect(COLLECTION_NAMES).toEqual(SYNC_COLLECTION_NAMES);
});
