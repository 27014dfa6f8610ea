import type { Table } from 'dexie';
import type { SyncContact } from '../../contract/sync';
import { type ChunkingOptions, type ContactChunk, isTombstone, membersWhere, type SingleContactRow, toChunks } from './contact-chunks';
import type { ContactWithCompany } from './local-store';
import type { TablePlan } from './page-plan';
import { contactEmailKeys, companyDomainKeys, fromStoredRow, type StoredRow } from './record-keys';

/** The two tables of the contact directory; every transaction touching contacts names both. */
export const CONTACT_TABLES = ['contact', 'contactChunk'] as const;

/** Contacts written per awaited request: a few hundred keep each task of the apply short. */
const ROWS_PER_WRITE = 250;
const CHUNKS_PER_WRITE = 3;

/** A lookup of the directory: the index of single rows, the index of chunks, and the test a member must pass. */
type Lookup = { single: '$emails' | '$domains' | 'companyNo'; chunk: '$emails' | '$domains' | '$companies'; value: string; matches: (contact: SyncContact) => boolean };

/**
 * Reads and writes the contact directory in its two shapes (see `contact-chunks.ts` for why and
 * which copy wins). Every method runs inside a transaction of the caller that holds both tables,
 * and awaits only Dexie requests, so it never leaves the transaction.
 */
export class DexieContactDirectory {
  readonly #single: Table<SingleContactRow, string>;
  readonly #chunks: Table<ContactChunk, number>;
  readonly #chunking: ChunkingOptions;

  constructor(single: Table<SingleContactRow, string>, chunks: Table<ContactChunk, number>, chunking: ChunkingOptions) {
    this.#single = single;
    this.#chunks = chunks;
    this.#chunking = chunking;
  }

  /** Writes a page's contact puts and dels: chunks for a large page, single rows for a small one. */
  async apply(plan: TablePlan, generation: number): Promise<void> {
    const keys = [...plan.puts.keys()];
    const rows = [...plan.puts.values()] as StoredRow<'contact'>[];
    if (rows.length >= this.#chunking.minPuts) {
      // A single row would win over the new chunk: those of the page's contacts go first.
      if ((await this.#single.count()) > 0) {
        const superseded = await this.#single.where(':id').anyOf(keys).primaryKeys();
        if (superseded.length > 0) await this.#single.bulkDelete(superseded);
      }
      const chunks = toChunks(rows, { size: this.#chunking.size, generation });
      for (let start = 0; start < chunks.length; start += CHUNKS_PER_WRITE) await this.#chunks.bulkAdd(chunks.slice(start, start + CHUNKS_PER_WRITE));
    } else {
      for (let start = 0; start < rows.length; start += ROWS_PER_WRITE) {
        await this.#single.bulkPut(rows.slice(start, start + ROWS_PER_WRITE), keys.slice(start, start + ROWS_PER_WRITE));
      }
    }
    if (plan.dels.size === 0) return;
    // Written here, not in a method of its own: one more level of async functions between the
    // transaction and its requests and Dexie loses track of the transaction (PrematureCommitError).
    // A deleted contact a chunk holds leaves a tombstone; any other just goes.
    const nos = [...plan.dels];
    const inChunks = new Set((await this.#chunks.where('$nos').anyOf(nos).keys()).map(String));
    const gone = nos.filter((no) => !inChunks.has(no));
    if (gone.length > 0) await this.#single.bulkDelete(gone);
    if (inChunks.size > 0) {
      const tombstone: SingleContactRow = { $g: generation, $deleted: true };
      await this.#single.bulkPut([...inChunks].map(() => tombstone), [...inChunks]);
    }
  }

  /** Drops what generations below `generation` wrote; true when anything went. */
  async dropOlderThan(generation: number): Promise<boolean> {
    const [rows, chunks] = [await this.#single.where('$g').below(generation).delete(), await this.#chunks.where('$g').below(generation).delete()];
    return rows + chunks > 0;
  }

  async get(no: string): Promise<SyncContact | undefined> {
    return latestCopy(no, await this.#copiesOf(no));
  }

  async count(): Promise<number> {
    const [chunkNos, singleNos, singleRows] = [
      await this.#chunks.orderBy('$nos').uniqueKeys(),
      await this.#single.toCollection().primaryKeys(),
      await this.#single.toArray(),
    ];
    const visible = new Set(chunkNos.map(String));
    singleRows.forEach((row, index) => {
      const no = singleNos[index] as string;
      if (isTombstone(row)) visible.delete(no);
      else visible.add(no);
    });
    return visible.size;
  }

  byEmail(email: string): Promise<SyncContact[]> {
    return this.#where(emailLookup(email));
  }

  /**
   * The contacts of an address with their companies, in one transaction and two round trips: the
   * companies are asked for together with the check of the contacts found.
   */
  async byEmailWithCompanies(email: string): Promise<ContactWithCompany[]> {
    const lookup = emailLookup(email);
    const [rows, chunks] = await this.#firstRound(lookup);
    const members = membersWhere(chunks, lookup.matches);
    const singles = rows.map((row) => fromStoredRow(row));
    const companyNos = [...new Set([...singles, ...members.map((member) => member.contact)].flatMap((contact) => (hasCompany(contact) ? [contact.companyNo] : [])))];
    const [current, companies] = await Promise.all([this.#stillCurrent(members), Promise.all(companyNos.map((no) => this.#copiesOf(no)))]);
    const companyByNo = new Map(companyNos.map((no, index) => [no, latestCopy(no, companies[index] ?? [undefined, []])]));
    return [...singles, ...current].map((contact) => ({ contact, company: hasCompany(contact) ? companyByNo.get(contact.companyNo) : undefined }));
  }

  companiesByDomain(domain: string): Promise<SyncContact[]> {
    return this.#where({ single: '$domains', chunk: '$domains', value: domain, matches: (contact) => companyDomainKeys(contact).includes(domain) });
  }

  ofCompany(companyNo: string): Promise<SyncContact[]> {
    return this.#where({ single: 'companyNo', chunk: '$companies', value: companyNo, matches: (contact) => contact.companyNo === companyNo });
  }

  /** The contacts a lookup finds: its single rows, and the chunk members that are still the contact. */
  async #where(lookup: Lookup): Promise<SyncContact[]> {
    const [rows, chunks] = await this.#firstRound(lookup);
    const current = await this.#stillCurrent(membersWhere(chunks, lookup.matches));
    return [...rows.map((row) => fromStoredRow(row)), ...current];
  }

  // The helpers below return Dexie's requests combined, never awaiting inside: one more level of
  // async functions between a transaction and its requests and Dexie loses track of it.

  /** The single rows and the chunks a lookup's indexes name, asked at once. */
  #firstRound(lookup: Lookup): Promise<[StoredRow<'contact'>[], ContactChunk[]]> {
    return Promise.all([this.#single.where(lookup.single).equals(lookup.value).toArray() as Promise<StoredRow<'contact'>[]>, this.#chunks.where(lookup.chunk).equals(lookup.value).toArray()]);
  }

  /** Every stored copy of a contact: its single row, and the chunks holding it. */
  #copiesOf(no: string): Promise<Copies> {
    return Promise.all([this.#single.get(no), this.#chunks.where('$nos').equals(no).toArray()]);
  }

  /**
   * The chunk members that are still the contact: no single row of theirs, no later chunk holding
   * them. One request per question, all at once: a cursor over them would be a round trip a step.
   */
  #stillCurrent(members: readonly ChunkMember[]): Promise<SyncContact[]> {
    if (members.length === 0) return Promise.resolve([]);
    const nos = [...new Set(members.map((member) => member.contact.no))];
    return Promise.all([this.#single.bulkGet(nos), ...nos.map((no) => this.#chunks.where('$nos').equals(no).primaryKeys())]).then(([singles, ...chunkKeys]) => {
      const latestSeq = new Map(nos.map((no, index) => [no, Math.max(...(chunkKeys[index] ?? []))]));
      const hasSingle = new Set(nos.filter((_, index) => singles[index] !== undefined));
      return members.filter(({ contact, seq }) => !hasSingle.has(contact.no) && latestSeq.get(contact.no) === seq).map((member) => member.contact);
    });
  }
}

type ChunkMember = ReturnType<typeof membersWhere>[number];
type Copies = [SingleContactRow | undefined, ContactChunk[]];

const hasCompany = (contact: SyncContact): boolean => contact.type === 'person' && contact.companyNo !== '';

const emailLookup = (email: string): Lookup => ({ single: '$emails', chunk: '$emails', value: email, matches: (contact) => contactEmailKeys(contact).includes(email) });

/** The contact as its copies have it: the single row (or its tombstone), else the latest chunk's member. */
function latestCopy(no: string, [row, chunks]: Copies): SyncContact | undefined {
  if (row !== undefined) return isTombstone(row) ? undefined : fromStoredRow(row);
  const latest = chunks.reduce<ContactChunk | undefined>((last, chunk) => (last === undefined || (chunk.$seq ?? 0) > (last.$seq ?? 0) ? chunk : last), undefined);
  return latest?.contacts.find((contact) => contact.no === no);
}
