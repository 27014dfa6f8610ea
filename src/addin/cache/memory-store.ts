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
  SyncTask,
} from '../../contract/sync';
import { COLLECTION_NAMES } from './collection-names';
import { type ChangedSet, ChangeListeners } from './change-listeners';
import { newClientId } from './client-ids';
import { type ContactWithCompany, type LocalStore, type OutboxEntry, type PullPageToApply, type SmallCollection, StoreUnavailableError, type SyncState } from './local-store';
import { isConfirmed, planRenumber, withPushResult, withRejection } from './outbox-rules';
import { initialSyncState, planPage, publicSyncState, type StoredSyncState } from './page-plan';
import { fromStoredRow, type StoredRow } from './record-keys';
import { compareInteractionsNewestFirst, compareOpportunities, compareTasks, mergeUnique } from './record-order';

type Row = StoredRow<SyncCollection>;
type Changed = Set<SyncCollection | '$outbox' | '$sync'>;

/** A secondary index: the values a row is found by (several for a multi-entry index). */
type IndexDefinition = (row: Row) => readonly string[];

const field =
  (name: string): IndexDefinition =>
  (row) => {
    const value = (row as Record<string, unknown>)[name];
    return typeof value === 'string' ? [value] : [];
  };
const list =
  (name: '$emails' | '$domains'): IndexDefinition =>
  (row) =>
    row[name] ?? [];

/** The same indexes as the Dexie schema, so both stores answer the same queries the same way. */
const INDEXES: { readonly [C in SyncCollection]?: Readonly<Record<string, IndexDefinition>> } = {
  campaignTarget: { typeNo: (row) => [targetKey((row as StoredRow<'campaignTarget'>).type, (row as StoredRow<'campaignTarget'>).no)] },
  contact: { $emails: list('$emails'), $domains: list('$domains'), companyNo: field('companyNo') },
  opportunity: { contactNo: field('contactNo'), contactCompanyNo: field('contactCompanyNo') },
  task: { contactNo: field('contactNo'), contactCompanyNo: field('contactCompanyNo') },
  interaction: { contactNo: field('contactNo'), contactCompanyNo: field('contactCompanyNo'), internetMessageId: field('internetMessageId') },
};

const targetKey = (type: string, no: string): string => `${type}\u0000${no}`;

/** One collection: rows by key, a generation index and the collection's secondary indexes. */
class MemoryTable {
  readonly rows = new Map<string, Row>();
  readonly #byGeneration = new Map<number, Set<string>>();
  readonly #indexes: Map<string, { keysOf: IndexDefinition; entries: Map<string, Set<string>> }>;

  constructor(definitions: Readonly<Record<string, IndexDefinition>>) {
    this.#indexes = new Map(Object.entries(definitions).map(([name, keysOf]) => [name, { keysOf, entries: new Map() }]));
  }

  put(key: string, row: Row): void {
    this.delete(key);
    this.rows.set(key, row);
    addTo(this.#byGeneration, row.$g, key);
    for (const index of this.#indexes.values()) for (const value of index.keysOf(row)) addTo(index.entries, value, key);
  }

  delete(key: string): boolean {
    const row = this.rows.get(key);
    if (row === undefined) return false;
    this.rows.delete(key);
    removeFrom(this.#byGeneration, row.$g, key);
    for (const index of this.#indexes.values()) for (const value of index.keysOf(row)) removeFrom(index.entries, value, key);
    return true;
  }

  find(indexName: string, value: string): Row[] {
    const index = this.#indexes.get(indexName);
    if (index === undefined) throw new Error(`No index ${indexName}.`);
    return [...(index.entries.get(value) ?? [])].flatMap((key) => {
      const row = this.rows.get(key);
      return row ? [row] : [];
    });
  }

  /** Keys of rows written by generations before `generation`. */
  keysBelow(generation: number): string[] {
    return [...this.#byGeneration].filter(([g]) => g < generation).flatMap(([, keys]) => [...keys]);
  }
}

function addTo<K>(index: Map<K, Set<string>>, value: K, key: string): void {
  let keys = index.get(value);
  if (keys === undefined) {
    keys = new Set();
    index.set(value, keys);
  }
  keys.add(key);
}

function removeFrom<K>(index: Map<K, Set<string>>, value: K, key: string): void {
  const keys = index.get(value);
  keys?.delete(key);
  if (keys?.size === 0) index.delete(value);
}

/** A copy the caller may change without changing the store (IndexedDB gives the same guarantee). */
const copy = <T>(value: T): T => structuredClone(value);

/**
 * A `LocalStore` in memory, with the same semantics as the Dexie store: for the sync loop's tests,
 * integration tests, and hosts without IndexedDB. Nothing survives the object. Writes are atomic
 * because every step that can fail (copying the page's values, planning) runs before the first
 * change, and the changes themselves cannot fail.
 */
export function createMemoryStore(options: { clientGroupId?: string; clientId?: string } = {}): LocalStore {
  return new MemoryStore(options);
}

class MemoryStore implements LocalStore {
  readonly #tables = new Map<SyncCollection, MemoryTable>(COLLECTION_NAMES.map((collection) => [collection, new MemoryTable(INDEXES[collection] ?? {})]));
  readonly #outbox = new Map<number, OutboxEntry>();
  readonly #listeners = new ChangeListeners();
  readonly #ids: { clientGroupId?: string; clientId?: string };
  #state: StoredSyncState | undefined;
  #closed = false;

  constructor(ids: { clientGroupId?: string; clientId?: string }) {
    this.#ids = ids;
  }

  async syncState(): Promise<SyncState> {
    return this.#write((changed) => publicSyncState(this.#loadState(changed)));
  }

  async applyPullPage(page: PullPageToApply): Promise<void> {
    this.#open();
    const changed: Changed = new Set();
    // Everything that can throw happens here, before the first change.
    const current = this.#state ?? initialSyncState(this.#newIds());
    const plan = planPage(current, page);
    const tables = [...plan.tables].map(([collection, { puts, dels }]) => ({ collection, dels, puts: [...puts].map(([key, row]) => [key, copy(row)] as const) }));
    const rejected = plan.rejections.flatMap((rejection) => {
      const entry = this.#outbox.get(rejection.mutationId);
      return entry ? [withRejection(entry, rejection)] : [];
    });

    if (this.#state === undefined) changed.add('$sync');
    for (const { collection, dels, puts } of tables) {
      const table = this.#table(collection);
      for (const key of dels) table.delete(key);
      for (const [key, row] of puts) table.put(key, row);
      changed.add(collection);
    }
    if (plan.finishesResync) {
      for (const [collection, table] of this.#tables) {
        const older = table.keysBelow(plan.state.generation);
        for (const key of older) table.delete(key);
        if (older.length > 0) changed.add(collection);
      }
    }
    for (const entry of rejected) this.#outbox.set(entry.id, entry);
    if (rejected.length > 0) changed.add('$outbox');
    for (const entry of [...this.#outbox.values()]) {
      if (isConfirmed(entry, plan.confirmedUpTo)) {
        this.#outbox.delete(entry.id);
        changed.add('$outbox');
      }
    }
    this.#state = plan.state;
    changed.add('$sync');
    this.#listeners.notify(changed);
  }

  async enqueue<N extends SyncMutationName>(name: N, args: SyncMutationArgs<N>): Promise<OutboxEntry> {
    return this.#write((changed) => {
      const state = this.#loadState(changed);
      const entry = { clientId: state.clientId, id: state.nextMutationId, name, args: copy(args), createdAt: new Date().toISOString(), status: 'pending' } as OutboxEntry;
      this.#outbox.set(entry.id, entry);
      this.#state = { ...state, nextMutationId: state.nextMutationId + 1 };
      changed.add('$outbox').add('$sync');
      return copy(entry);
    });
  }

  async outbox(): Promise<OutboxEntry[]> {
    this.#open();
    return copy([...this.#outbox.values()].sort((a, b) => a.id - b.id));
  }

  async recordPushResults(results: readonly MutationResult[]): Promise<void> {
    this.#write((changed) => {
      for (const result of results) {
        const entry = this.#outbox.get(result.id);
        if (entry === undefined) continue;
        this.#outbox.set(entry.id, withPushResult(entry, copy(result)));
        changed.add('$outbox');
      }
    });
  }

  async renumberPending(expectedId: number): Promise<OutboxEntry[]> {
    return this.#write((changed) => {
      const state = this.#loadState(changed);
      const plan = planRenumber([...this.#outbox.values()], expectedId);
      for (const id of plan.removedIds) this.#outbox.delete(id);
      for (const entry of plan.entries) this.#outbox.set(entry.id, entry);
      this.#state = { ...state, nextMutationId: plan.nextMutationId };
      changed.add('$outbox').add('$sync');
      return copy(plan.resent);
    });
  }

  async discard(id: number): Promise<void> {
    this.#write((changed) => {
      if (this.#outbox.delete(id)) changed.add('$outbox');
    });
  }

  async get<C extends SyncCollection>(collection: C, key: string): Promise<SyncRecord<C> | undefined> {
    this.#open();
    const row = this.#table(collection).rows.get(key) as StoredRow<C> | undefined;
    return row && copy(fromStoredRow(row));
  }

  async all<C extends SmallCollection>(collection: C): Promise<SyncRecord<C>[]> {
    this.#open();
    return this.#records(collection, [...this.#table(collection).rows.values()]);
  }

  async count(collection: SyncCollection): Promise<number> {
    this.#open();
    return this.#table(collection).rows.size;
  }

  async contactsByEmail(normalisedEmail: string): Promise<SyncContact[]> {
    return this.#find('contact', '$emails', normalisedEmail);
  }

  async contactsByEmailWithCompanies(normalisedEmail: string): Promise<ContactWithCompany[]> {
    return Promise.all(
      this.#find('contact', '$emails', normalisedEmail).map(async (contact) => ({
        contact,
        company: contact.type === 'person' && contact.companyNo !== '' ? await this.get('contact', contact.companyNo) : undefined,
      })),
    );
  }

  async companiesByDomain(domain: string): Promise<SyncContact[]> {
    return this.#find('contact', '$domains', domain);
  }

  async personsOfCompany(companyNo: string): Promise<SyncContact[]> {
    return this.#find('contact', 'companyNo', companyNo).filter((contact) => contact.type === 'person');
  }

  async opportunitiesOf(contactNo: string): Promise<SyncOpportunity[]> {
    return this.#ofContact('opportunity', contactNo, (opportunity) => opportunity.no, compareOpportunities);
  }

  async tasksOf(contactNo: string): Promise<SyncTask[]> {
    return this.#ofContact('task', contactNo, (task) => task.no, compareTasks);
  }

  async interactionsOf(contactNo: string, limit: number): Promise<SyncInteraction[]> {
    if (limit <= 0) return [];
    return this.#ofContact('interaction', contactNo, (interaction) => interaction.entryNo, compareInteractionsNewestFirst).slice(0, limit);
  }

  async interactionsOfMessage(internetMessageId: string): Promise<SyncInteraction[]> {
    if (internetMessageId === '') return [];
    return this.#find('interaction', 'internetMessageId', internetMessageId);
  }

  async campaignTargetsOf(type: SyncCampaignTarget['type'], no: string): Promise<SyncCampaignTarget[]> {
    return this.#find('campaignTarget', 'typeNo', targetKey(type, no));
  }

  subscribe(listener: (changed: ChangedSet) => void): () => void {
    return this.#listeners.add(listener);
  }

  async requestPersistence(): Promise<boolean> {
    return false;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  // -------------------------------------------------------------------------------------------

  #open(): void {
    if (this.#closed) throw new StoreUnavailableError();
  }

  #newIds(): { clientGroupId: string; clientId: string } {
    return { clientGroupId: this.#ids.clientGroupId ?? newClientId(), clientId: this.#ids.clientId ?? newClientId() };
  }

  #loadState(changed: Changed): StoredSyncState {
    if (this.#state === undefined) {
      this.#state = initialSyncState(this.#newIds());
      changed.add('$sync');
    }
    return this.#state;
  }

  /** Runs a synchronous write (atomic in a single thread) and tells the listeners what it changed. */
  #write<T>(body: (changed: Changed) => T): T {
    this.#open();
    const changed: Changed = new Set();
    const result = body(changed);
    this.#listeners.notify(changed);
    return result;
  }

  #table(collection: SyncCollection): MemoryTable {
    const table = this.#tables.get(collection);
    if (table === undefined) throw new Error(`No collection ${collection}.`);
    return table;
  }

  #records<C extends SyncCollection>(_collection: C, rows: readonly Row[]): SyncRecord<C>[] {
    return rows.map((row) => copy(fromStoredRow(row as unknown as StoredRow<C>)));
  }

  #find<C extends SyncCollection>(collection: C, index: string, value: string): SyncRecord<C>[] {
    this.#open();
    return this.#records(collection, this.#table(collection).find(index, value));
  }

  /** A contact's records and, for a company, its persons' (found by the company number). */
  #ofContact<C extends 'opportunity' | 'task' | 'interaction'>(collection: C, contactNo: string, keyOf: (record: SyncRecord<C>) => string | number, compare: (a: SyncRecord<C>, b: SyncRecord<C>) => number): SyncRecord<C>[] {
    return mergeUnique([this.#find(collection, 'contactNo', contactNo), this.#find(collection, 'contactCompanyNo', contactNo)], keyOf, compare);
  }
}
