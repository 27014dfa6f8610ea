import Dexie, { type Table } from 'dexie';
import type {
  MutationResult,
  SyncCampaignTarget,
  SyncCollection,
  SyncContact,
  SyncInteraction,
  SyncMutationArgs,
  SyncMutationName,
  SyncOpportunity,
  SyncRecord,
  SyncRejection,
  SyncTask,
} from '../../contract/sync';
import { COLLECTION_NAMES } from './collection-names';
import { type ChangedSet, ChangeListeners } from './change-listeners';
import { newClientId } from './client-ids';
import type { ContactWithCompany, LocalStore, OutboxEntry, PullPageToApply, SmallCollection, SyncState } from './local-store';
import { isConfirmed, planRenumber, withPushResult, withRejection } from './outbox-rules';
import { initialSyncState, planPage, publicSyncState, type StoredSyncState } from './page-plan';
import { fromStoredRow, type StoredRow } from './record-keys';
import { compareInteractionsNewestFirst, compareOpportunities, compareTasks, mergeUnique } from './record-order';
import { toStoreError } from './store-errors';
import { type ChunkingOptions, type ContactChunk, DEFAULT_CHUNKING, type SingleContactRow } from './contact-chunks';
import { CONTACT_TABLES, DexieContactDirectory } from './dexie-contacts';

type InternalTable = '$outbox' | '$sync' | 'contactChunk';
type Changed = Set<SyncCollection | '$outbox' | '$sync'>;

/**
 * Version 1 of the schema. Collection rows are keyed by their sync key (out of line, so the key is
 * not stored twice); every row carries its generation (`$g`, indexed so a finished resync deletes
 * older rows by range). The other indexes are the queries of `LocalStore`, one each:
 * - contacts by normalised e-mail (`$emails`, multi-entry), companies by domain (`$domains`,
 *   multi-entry, companies only), persons by company (`companyNo`);
 * - opportunities and tasks by contact and by the contact's company;
 * - interactions by contact and by company, ordered newest first within each (compound with date,
 *   time and entry number, so a limited timeline reads only its rows), and by message;
 * - campaign targets by what they name.
 * A new index means a new version; Dexie upgrades in place.
 */
const SCHEMA_V1: Record<SyncCollection | InternalTable, string | null> = {
  setup: ',$g',
  salesperson: ',$g',
  interactionTemplate: ',$g',
  salesCycle: ',$g',
  closeOpportunityCode: ',$g',
  campaignStatus: ',$g',
  campaign: ',$g',
  campaignTarget: ',$g,[type+no]',
  contact: ',$g,*$emails,*$domains,companyNo',
  opportunity: ',$g,contactNo,contactCompanyNo',
  task: ',$g,contactNo,contactCompanyNo',
  interaction: ',$g,[contactNo+date+timeOfInteraction+entryNo],[contactCompanyNo+date+timeOfInteraction+entryNo],internetMessageId',
  rejection: ',$g',
  $outbox: '[clientId+id]',
  $sync: '',
  contactChunk: null,
};

/**
 * Version 2 adds the contact chunks (see `contact-chunks.ts`): written by a large page, found by
 * the numbers, e-mail keys, domains and company numbers of their members. The rows of `contact`
 * keep their shape and stay valid.
 */
const SCHEMA_V2: Record<SyncCollection | InternalTable, string | null> = {
  ...SCHEMA_V1,
  contactChunk: '++$seq,$g,*$nos,*$emails,*$domains,*$companies',
};

/** Rows written per request batch when applying a page; small enough to stay under a 50 ms task. */
const WRITE_SLICE = 250;

/** The key of the single row of `$sync`. */
const STATE_KEY = 'state';

/** The database: one table per sync collection, the outbox and the sync state. */
class RapportDatabase extends Dexie {
  declare readonly $outbox: Table<OutboxEntry, [string, number]>;
  declare readonly $sync: Table<StoredSyncState, string>;
  declare readonly contact: Table<SingleContactRow, string>;
  declare readonly contactChunk: Table<ContactChunk, number>;

  constructor(name: string, options: DexieStoreOptions) {
    // autoOpen off: once closed (by us, or because another tab deleted or upgraded the database),
    // calls fail with DatabaseClosedError instead of silently recreating an empty database under
    // the pane; the sync loop decides to reopen and resync.
    super(name, { autoOpen: false, ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}), ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}) });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }

  rows<C extends SyncCollection>(collection: C): Table<StoredRow<C>, string> {
    return this.table<StoredRow<C>, string>(collection);
  }
}

export type DexieStoreOptions = {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** When a page's contacts are written as chunks; the default suits the service's 2,000-op pages. */
  chunking?: ChunkingOptions;
};

/**
 * Opens (creating or upgrading) the IndexedDB database `name` as a `LocalStore`. Several store
 * objects may be open on one database (one per tab); IndexedDB transactions serialise their writes.
 */
export async function openDexieStore(name: string, options: DexieStoreOptions = {}): Promise<LocalStore> {
  const db = new RapportDatabase(name, options);
  try {
    await db.open();
  } catch (error) {
    throw toStoreError(error);
  }
  return new DexieStore(db, options.chunking ?? DEFAULT_CHUNKING);
}

/** The tables a collection is stored in: contacts in two. */
const tablesOf = (collections: readonly (SyncCollection | InternalTable)[]): (SyncCollection | InternalTable)[] =>
  collections.flatMap((collection) => (collection === 'contact' ? [...CONTACT_TABLES] : [collection]));

class DexieStore implements LocalStore {
  readonly #db: RapportDatabase;
  readonly #contacts: DexieContactDirectory;
  readonly #listeners = new ChangeListeners();

  constructor(db: RapportDatabase, chunking: ChunkingOptions) {
    this.#db = db;
    this.#contacts = new DexieContactDirectory(db.contact, db.contactChunk, chunking);
  }

  async syncState(): Promise<SyncState> {
    const existing = await this.#read(['$sync'], () => this.#db.$sync.get(STATE_KEY));
    if (existing) return publicSyncState(existing);
    return this.#write(['$sync'], async (changed) => publicSyncState(await this.#loadState(changed)));
  }

  async applyPullPage(page: PullPageToApply): Promise<void> {
    // A page that may finish a resync deletes in every collection; any other touches its own.
    // The state that says whether a resync is under way is read inside the transaction, so the
    // scope cannot be narrowed from it without racing another tab.
    const collections = page.hasMore ? [...new Set(page.ops.map((op) => op.collection))] : COLLECTION_NAMES;
    await this.#write([...collections, '$outbox', '$sync'], async (changed) => {
      const plan = planPage(await this.#loadState(changed), page);
      for (const [collection, tablePlan] of plan.tables) {
        changed.add(collection);
        if (collection === 'contact') {
          await this.#contacts.apply(tablePlan, plan.state.generation);
          continue;
        }
        const { puts, dels } = tablePlan;
        const table = this.#db.rows<SyncCollection>(collection);
        if (dels.size > 0) await table.bulkDelete([...dels]);
        // Written in slices, each awaited: a page's 2,000 puts issued in one synchronous loop hold
        // the main thread for over 100 ms. Awaiting a request keeps the transaction open (it has
        // requests pending) and lets the pane run in between; a timer would let it commit.
        const keys = [...puts.keys()];
        const rows = [...puts.values()];
        for (let start = 0; start < rows.length; start += WRITE_SLICE) {
          await table.bulkPut(rows.slice(start, start + WRITE_SLICE), keys.slice(start, start + WRITE_SLICE));
        }
      }
      // Each helper is awaited only when it has IndexedDB work to do: awaiting a promise that
      // settles without a Dexie operation leaves Dexie's transaction zone, and the next write
      // would run outside the transaction (Dexie then reports PrematureCommitError).
      if (plan.finishesResync) await this.#dropOlderGenerations(plan.state.generation, changed);
      if (plan.rejections.length > 0) await this.#markRejected(plan.state.clientId, plan.rejections, changed);
      if (plan.confirmedUpTo !== undefined) await this.#removeConfirmed(plan.state.clientId, plan.confirmedUpTo, changed);
      await this.#db.$sync.put(plan.state, STATE_KEY);
      changed.add('$sync');
    });
  }

  async enqueue<N extends SyncMutationName>(name: N, args: SyncMutationArgs<N>): Promise<OutboxEntry> {
    return this.#write(['$outbox', '$sync'], async (changed) => {
      const state = await this.#loadState(changed);
      const entry = { clientId: state.clientId, id: state.nextMutationId, name, args, createdAt: new Date().toISOString(), status: 'pending' } as OutboxEntry;
      // add, not put: an id already taken is a bug to surface, never an entry to overwrite.
      await this.#db.$outbox.add(entry);
      await this.#db.$sync.put({ ...state, nextMutationId: state.nextMutationId + 1 }, STATE_KEY);
      changed.add('$outbox').add('$sync');
      return entry;
    });
  }

  async outbox(): Promise<OutboxEntry[]> {
    // Read together, in one round trip: the outbox holds only this store's client's entries, and
    // the filter keeps it so should it ever hold others.
    const [state, entries] = await this.#read(['$sync', '$outbox'], () => Promise.all([this.#db.$sync.get(STATE_KEY), this.#db.$outbox.toArray()]));
    return state ? entries.filter((entry) => entry.clientId === state.clientId) : [];
  }

  async recordPushResults(results: readonly MutationResult[]): Promise<void> {
    if (results.length === 0) return;
    await this.#write(['$outbox', '$sync'], async (changed) => {
      const { clientId } = await this.#loadState(changed);
      const entries = await this.#db.$outbox.bulkGet(results.map((result): [string, number] => [clientId, result.id]));
      const updated = results.flatMap((result, index) => {
        const entry = entries[index];
        return entry ? [withPushResult(entry, result)] : [];
      });
      if (updated.length === 0) return;
      await this.#db.$outbox.bulkPut(updated);
      changed.add('$outbox');
    });
  }

  async renumberPending(expectedId: number): Promise<OutboxEntry[]> {
    return this.#write(['$outbox', '$sync'], async (changed) => {
      const state = await this.#loadState(changed);
      const plan = planRenumber(await this.#entriesOf(state.clientId).toArray(), expectedId);
      await this.#db.$outbox.bulkDelete(plan.removedIds.map((id): [string, number] => [state.clientId, id]));
      await this.#db.$outbox.bulkAdd(plan.entries);
      await this.#db.$sync.put({ ...state, nextMutationId: plan.nextMutationId }, STATE_KEY);
      changed.add('$outbox').add('$sync');
      return plan.resent;
    });
  }

  async discard(id: number): Promise<void> {
    await this.#write(['$outbox', '$sync'], async (changed) => {
      const { clientId } = await this.#loadState(changed);
      await this.#db.$outbox.delete([clientId, id]);
      changed.add('$outbox');
    });
  }

  async get<C extends SyncCollection>(collection: C, key: string): Promise<SyncRecord<C> | undefined> {
    if (collection === 'contact') return (await this.#read(['contact'], () => this.#contacts.get(key))) as SyncRecord<C> | undefined;
    const row = await this.#read([collection], () => this.#db.rows(collection).get(key));
    return row && fromStoredRow(row);
  }

  async all<C extends SmallCollection>(collection: C): Promise<SyncRecord<C>[]> {
    const rows = await this.#read([collection], () => this.#db.rows(collection).toArray());
    return rows.map((row) => fromStoredRow(row));
  }

  async count(collection: SyncCollection): Promise<number> {
    if (collection === 'contact') return this.#read(['contact'], () => this.#contacts.count());
    return this.#read([collection], () => this.#db.rows(collection).count());
  }

  async contactsByEmail(normalisedEmail: string): Promise<SyncContact[]> {
    return this.#read(['contact'], () => this.#contacts.byEmail(normalisedEmail));
  }

  async contactsByEmailWithCompanies(normalisedEmail: string): Promise<ContactWithCompany[]> {
    return this.#read(['contact'], () => this.#contacts.byEmailWithCompanies(normalisedEmail));
  }

  async companiesByDomain(domain: string): Promise<SyncContact[]> {
    return this.#read(['contact'], () => this.#contacts.companiesByDomain(domain));
  }

  async personsOfCompany(companyNo: string): Promise<SyncContact[]> {
    // A company is its own company (companyNo = no): the lookup finds it too.
    const contacts = await this.#read(['contact'], () => this.#contacts.ofCompany(companyNo));
    return contacts.filter((contact) => contact.type === 'person');
  }

  async opportunitiesOf(contactNo: string): Promise<SyncOpportunity[]> {
    const rows = await this.#read(['opportunity'], () => this.#db.rows('opportunity').where('contactNo').equals(contactNo).or('contactCompanyNo').equals(contactNo).toArray());
    return rows.map((row) => fromStoredRow(row)).sort(compareOpportunities);
  }

  async tasksOf(contactNo: string): Promise<SyncTask[]> {
    const rows = await this.#read(['task'], () => this.#db.rows('task').where('contactNo').equals(contactNo).or('contactCompanyNo').equals(contactNo).toArray());
    return rows.map((row) => fromStoredRow(row)).sort(compareTasks);
  }

  async interactionsOf(contactNo: string, limit: number): Promise<SyncInteraction[]> {
    if (limit <= 0) return [];
    // The newest `limit` of the contact's own and of its persons' (for a company), each read from
    // its ordered index; merged, the newest `limit` of both are the answer.
    const newest = (index: string) =>
      this.#db
        .rows('interaction')
        .where(index)
        // [no] sorts before every [no, …] and [no, maxKey] after them: the range of one contact.
        .between([contactNo], [contactNo, Dexie.maxKey])
        .reverse()
        .limit(limit)
        .toArray();
    const [own, ofPersons] = await this.#read(['interaction'], () =>
      Promise.all([newest('[contactNo+date+timeOfInteraction+entryNo]'), newest('[contactCompanyNo+date+timeOfInteraction+entryNo]')]),
    );
    const merged = mergeUnique([own, ofPersons].map((rows) => rows.map((row) => fromStoredRow(row))), (interaction) => interaction.entryNo, compareInteractionsNewestFirst);
    return merged.slice(0, limit);
  }

  async interactionsOfMessage(internetMessageId: string): Promise<SyncInteraction[]> {
    // Interactions that are no e-mail have '' here: that is no message.
    if (internetMessageId === '') return [];
    const rows = await this.#read(['interaction'], () => this.#db.rows('interaction').where('internetMessageId').equals(internetMessageId).toArray());
    return rows.map((row) => fromStoredRow(row));
  }

  async campaignTargetsOf(type: SyncCampaignTarget['type'], no: string): Promise<SyncCampaignTarget[]> {
    const rows = await this.#read(['campaignTarget'], () => this.#db.rows('campaignTarget').where('[type+no]').equals([type, no]).toArray());
    return rows.map((row) => fromStoredRow(row));
  }

  subscribe(listener: (changed: ChangedSet) => void): () => void {
    return this.#listeners.add(listener);
  }

  async requestPersistence(): Promise<boolean> {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    return (await storage?.persist?.()) ?? false;
  }

  async close(): Promise<void> {
    this.#db.close();
  }

  // -------------------------------------------------------------------------------------------

  /** The outbox entries of a client, by id (the key's range for that client). */
  #entriesOf(clientId: string) {
    return this.#db.$outbox.where('[clientId+id]').between([clientId, Dexie.minKey], [clientId, Dexie.maxKey]);
  }

  /** The sync state, created with fresh client ids on first use. Call inside a rw transaction. */
  async #loadState(changed: Changed): Promise<StoredSyncState> {
    const existing = await this.#db.$sync.get(STATE_KEY);
    if (existing) return existing;
    const created = initialSyncState({ clientGroupId: newClientId(), clientId: newClientId() });
    await this.#db.$sync.add(created, STATE_KEY);
    changed.add('$sync');
    return created;
  }

  async #dropOlderGenerations(generation: number, changed: Changed): Promise<void> {
    if (await this.#contacts.dropOlderThan(generation)) changed.add('contact');
    for (const collection of COLLECTION_NAMES) {
      if (collection === 'contact') continue;
      const dropped = await this.#db.rows(collection).where('$g').below(generation).delete();
      if (dropped > 0) changed.add(collection);
    }
  }

  async #markRejected(clientId: string, rejections: readonly SyncRejection[], changed: Changed): Promise<void> {
    const entries = await this.#db.$outbox.bulkGet(rejections.map((rejection): [string, number] => [clientId, rejection.mutationId]));
    const rejected = rejections.flatMap((rejection, index) => {
      const entry = entries[index];
      return entry ? [withRejection(entry, rejection)] : [];
    });
    if (rejected.length === 0) return;
    await this.#db.$outbox.bulkPut(rejected);
    changed.add('$outbox');
  }

  async #removeConfirmed(clientId: string, lastMutationId: number, changed: Changed): Promise<void> {
    const processed = await this.#db.$outbox.where('[clientId+id]').between([clientId, Dexie.minKey], [clientId, lastMutationId], true, true).toArray();
    const confirmed = processed.filter((entry) => isConfirmed(entry, lastMutationId));
    if (confirmed.length === 0) return;
    await this.#db.$outbox.bulkDelete(confirmed.map((entry): [string, number] => [entry.clientId, entry.id]));
    changed.add('$outbox');
  }

  async #read<T>(tables: readonly (SyncCollection | InternalTable)[], body: () => PromiseLike<T>): Promise<T> {
    try {
      return await this.#db.transaction('r', tablesOf(tables), body);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Runs `body` in one rw transaction; after it commits, tells the listeners what it changed. */
  async #write<T>(tables: readonly (SyncCollection | InternalTable)[], body: (changed: Changed) => PromiseLike<T>): Promise<T> {
    const changed: Changed = new Set();
    let result: T;
    try {
      result = await this.#db.transaction('rw', tablesOf(tables), () => body(changed));
    } catch (error) {
      throw toStoreError(error);
    }
    this.#listeners.notify(changed);
    return result;
  }
}
