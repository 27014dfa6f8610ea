import type {
  MutationRejection,
  MutationResult,
  SyncCampaignTarget,
  SyncCollection,
  SyncContact,
  SyncInteraction,
  SyncMutationArgs,
  SyncMutationName,
  SyncOp,
  SyncOpportunity,
  SyncRecord,
  SyncTask,
} from '../../contract/sync';

/**
 * The add-in's local store: the cached records of every sync collection, the outbox of mutations
 * not yet confirmed by the service, and the sync state. Two implementations satisfy it — Dexie over
 * IndexedDB (`dexie-store.ts`) and plain maps in memory (`memory-store.ts`) — and one shared test
 * suite holds both to the guarantees below.
 *
 * Guarantees:
 * - **Atomic pages.** `applyPullPage` writes a page's operations, its cursor and its outbox
 *   confirmations in one transaction: after a crash the store holds the page whole or not at all.
 * - **Outbox with the change.** `enqueue` numbers the mutation (1, 2, 3… per client id, never
 *   reused) and stores it in one transaction; once it resolves the mutation survives a reload.
 * - **Readable during a resync.** A page with `reset` starts a new generation; rows of the old one
 *   stay readable until the generation's last page (`hasMore: false`), which deletes those the
 *   full sync did not send again.
 * - **Indexed reads.** Every query below is answered from an index, never by scanning a collection
 *   (setup collections, a few dozen rows, are read whole by `all`).
 * - **Change notification.** Listeners hear which collections changed after every committed write,
 *   from this store object (other tabs are not reported).
 *
 * Errors keep their class: a full disk surfaces as `StorageQuotaError`, a store that was closed or
 * deleted under the pane as `StoreUnavailableError` (the sync loop then reopens and resyncs).
 */
export interface LocalStore {
  /** The sync state; created on first use with fresh client ids and no cursor. */
  syncState(): Promise<SyncState>;

  /** Applies one pull page atomically (see the guarantees). `pulledAt` is stored as `lastPulledAt`. */
  applyPullPage(page: PullPageToApply): Promise<void>;

  /** Queues a mutation under the next id of this store's client id and returns the stored entry. */
  enqueue<N extends SyncMutationName>(name: N, args: SyncMutationArgs<N>): Promise<OutboxEntry>;

  /** Every outbox entry (pending, applied-awaiting-pull and rejected), by id. */
  outbox(): Promise<OutboxEntry[]>;

  /**
   * Records what the service said of pushed mutations: applied ones wait for the pull that brings
   * their data; rejected ones keep their reason for the user. Unknown ids are ignored.
   */
  recordPushResults(results: readonly MutationResult[]): Promise<void>;

  /**
   * Gives the pending entries from `fromId` on new ids starting at `expectedId`, when the service
   * lost mutations it had confirmed (a restored database) and waits for a number this store no
   * longer holds. Returns the entries as renumbered.
   */
  renumberPending(expectedId: number): Promise<OutboxEntry[]>;

  /** Removes an entry the user gave up on (a rejection they read, or a change they no longer want). */
  discard(id: number): Promise<void>;

  /** One record by its sync key (`syncKeyOf`). */
  get<C extends SyncCollection>(collection: C, key: string): Promise<SyncRecord<C> | undefined>;

  /** Every record of a small collection (setup data: salespeople, templates, cycles, codes, statuses, campaigns). */
  all<C extends SmallCollection>(collection: C): Promise<SyncRecord<C>[]>;

  /** How many records a collection holds. */
  count(collection: SyncCollection): Promise<number>;

  /** Contacts whose e-mail, e-mail 2 or an alternative-address e-mail is `email` (normalised by the caller). */
  contactsByEmail(normalisedEmail: string): Promise<SyncContact[]>;

  /** `contactsByEmail`, each person with its company, in one read: what the sender card needs first. */
  contactsByEmailWithCompanies(normalisedEmail: string): Promise<ContactWithCompany[]>;

  /** Company contacts whose e-mail or home page is on `domain` (lower-case, no `www.`). */
  companiesByDomain(domain: string): Promise<SyncContact[]>;

  /** The persons of a company. */
  personsOfCompany(companyNo: string): Promise<SyncContact[]>;

  /** Opportunities of a contact (for a company: also those of its persons), open first. */
  opportunitiesOf(contactNo: string): Promise<SyncOpportunity[]>;

  /** Tasks of a contact (for a company: also those of its persons), by date. */
  tasksOf(contactNo: string): Promise<SyncTask[]>;

  /** A contact's interactions (for a company: also its persons'), newest first, at most `limit`. */
  interactionsOf(contactNo: string, limit: number): Promise<SyncInteraction[]>;

  /** The interactions logged for one e-mail, for any contact. */
  interactionsOfMessage(internetMessageId: string): Promise<SyncInteraction[]>;

  /** Target-group rows naming this contact or customer number. */
  campaignTargetsOf(type: SyncCampaignTarget['type'], no: string): Promise<SyncCampaignTarget[]>;

  /** Calls `listener` with the collections (and `'$outbox'`, `'$sync'`) each committed write changed. Returns the unsubscribe. */
  subscribe(listener: (changed: ReadonlySet<SyncCollection | '$outbox' | '$sync'>) => void): () => void;

  /** Asks the browser to keep the store under storage pressure; resolves to whether it was granted. */
  requestPersistence(): Promise<boolean>;

  close(): Promise<void>;
}

/** A contact with the company it belongs to (undefined for a company, or a person on their own). */
export type ContactWithCompany = { contact: SyncContact; company: SyncContact | undefined };

export type SmallCollection = 'setup' | 'salesperson' | 'interactionTemplate' | 'salesCycle' | 'closeOpportunityCode' | 'campaignStatus' | 'campaign' | 'rejection';

export type SyncState = {
  /** This cache; sent with every pull and push. */
  clientGroupId: string;
  /** Numbers this store's outbox. */
  clientId: string;
  /** Where the next pull starts; null before the first page. */
  cursor: string | null;
  /** When the last page was applied (ISO); null before. */
  lastPulledAt: string | null;
  /** A full sync started by a `reset` page is under way and old rows are still shown. */
  resyncing: boolean;
  /** The id the next `enqueue` takes. */
  nextMutationId: number;
};

export type PullPageToApply = {
  ops: readonly SyncOp[];
  cursor: string;
  reset: boolean;
  hasMore: boolean;
  lastMutationIds: Readonly<Record<string, number>>;
  pulledAt: string;
};

/**
 * A queued mutation. `pending`: not yet acknowledged; `applied`: the service applied it and the
 * cache shows it as pending until a pull brings its data (then the entry is removed); `rejected`:
 * the service refused it for `rejection`, kept until the user fixes or discards it.
 */
export type OutboxEntry = {
  [N in SyncMutationName]: {
    clientId: string;
    id: number;
    name: N;
    args: SyncMutationArgs<N>;
    createdAt: string;
    status: 'pending' | 'applied' | 'rejected';
    rejection?: MutationRejection;
  };
}[SyncMutationName];

/** The browser refused to store more (IndexedDB `QuotaExceededError`). */
export class StorageQuotaError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The browser has no room left for Rapport’s offline data.', options);
    this.name = 'StorageQuotaError';
  }
}

/** The store was closed, deleted or upgraded elsewhere (IndexedDB `DatabaseClosedError` and kin). */
export class StoreUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The offline store is not available.', options);
    this.name = 'StoreUnavailableError';
  }
}
