import type { SyncCollection } from '../../contract/sync';

const LISTED = [
  'setup',
  'salesperson',
  'interactionTemplate',
  'salesCycle',
  'closeOpportunityCode',
  'campaignStatus',
  'campaign',
  'campaignTarget',
  'contact',
  'opportunity',
  'task',
  'interaction',
  'rejection',
] as const satisfies readonly SyncCollection[];

type NothingMissing<T extends never> = T;
/** Compiles only while every collection of the contract is listed. */
export type CollectionNamesComplete = NothingMissing<Exclude<SyncCollection, (typeof LISTED)[number]>>;

/**
 * Every sync collection, in the contract's order (`SYNC_COLLECTIONS` in contract/sync.ts). Listed
 * here rather than imported: the contract's list is the keys of its zod schemas, and importing it
 * would bring zod and every schema into the pane's first bundle, which only reads the cache.
 * `CollectionNamesComplete` stops the type check when the contract gains a collection this list
 * lacks, and test/addin/cache/collection-names.test.ts holds the list to the contract's, order
 * included.
 */
export const COLLECTION_NAMES: readonly SyncCollection[] = LISTED;
