import type { SyncContact } from '../../contract/sync';
import { fromStoredRow, type StoredRow } from './record-keys';

/**
 * The contact directory in IndexedDB, kept in two shapes, because Chromium spends about 80 µs of
 * its own CPU on every record written whatever its size, while index entries cost little: 100,000
 * contacts as 100,000 records take 8 s to write, as 1,000 records of 100 with the same lookup keys
 * in multi-entry indexes a quarter of a second.
 *
 * - **Chunks** (`contactChunk`): a large page (a full sync) stores its contacts a hundred to a
 *   record, with the lookup keys of all its members indexed on the record. Rewriting a chunk costs
 *   its hundred contacts, so chunks are written once and never updated.
 * - **Single rows** (`contact`, keyed by number): a small page (a delta) stores each contact as its
 *   own row, as it always was; a deleted contact that a chunk still holds leaves a tombstone row.
 *
 * Which copy is the contact: a single row (contact or tombstone) wins over every chunk, since
 * writing a contact into a chunk deletes its single row; among chunks, the one written last (the
 * highest `$seq`, IndexedDB's auto-increment key) wins. A full sync writes new chunks over old ones,
 * and the old generation's chunks go when it ends, like every other old row.
 */
export type ContactChunk = {
  /** Assigned by IndexedDB when the chunk is added: the order chunks were written in. */
  $seq?: number;
  /** The generation of the full sync that wrote it. */
  $g: number;
  contacts: SyncContact[];
  /** The members' numbers. */
  $nos: string[];
  /** Every member's e-mail keys (see `contactEmailKeys`). */
  $emails: string[];
  /** The domains of the companies among the members. */
  $domains: string[];
  /** The members' company numbers (a company's is its own). */
  $companies: string[];
};

/** A deleted contact some chunk still holds: its number is the row's key. */
export type ContactTombstone = { $g: number; $deleted: true };

/** A row of the `contact` table: a contact written alone, or the tombstone of one. */
export type SingleContactRow = StoredRow<'contact'> | ContactTombstone;

export const isTombstone = (row: SingleContactRow): row is ContactTombstone => '$deleted' in row;

/**
 * When a page's contacts go into chunks, and how many a chunk holds. A page with fewer contact puts
 * than `minPuts` writes single rows: a delta of a hundred costs a hundred small records, not a
 * hundred rewritten chunks.
 */
export type ChunkingOptions = { minPuts: number; size: number };

/**
 * 100 contacts are about 30 KB, well under the size where Chromium moves a value out to a blob
 * file, and read whole in a fraction of a millisecond by a lookup. A full page is 2,000 ops.
 */
export const DEFAULT_CHUNKING: ChunkingOptions = { minPuts: 200, size: 100 };

/** The page's contacts, in arrival order, `size` to a chunk, with their lookup keys gathered. */
export function toChunks(rows: readonly StoredRow<'contact'>[], options: { size: number; generation: number }): ContactChunk[] {
  const chunks: ContactChunk[] = [];
  for (let start = 0; start < rows.length; start += options.size) {
    const members = rows.slice(start, start + options.size);
    const emails = new Set<string>();
    const domains = new Set<string>();
    const companies = new Set<string>();
    for (const row of members) {
      for (const email of row.$emails ?? []) emails.add(email);
      for (const domain of row.$domains ?? []) domains.add(domain);
      if (row.companyNo !== '') companies.add(row.companyNo);
    }
    chunks.push({
      $g: options.generation,
      contacts: members.map((row) => fromStoredRow(row)),
      $nos: members.map((row) => row.no),
      $emails: [...emails],
      $domains: [...domains],
      $companies: [...companies],
    });
  }
  return chunks;
}

/** The contacts of `chunks` that `matches` accepts, each with the chunk it was found in. */
export function membersWhere(chunks: readonly ContactChunk[], matches: (contact: SyncContact) => boolean): { contact: SyncContact; seq: number }[] {
  return chunks.flatMap((chunk) => chunk.contacts.filter(matches).map((contact) => ({ contact, seq: chunk.$seq ?? 0 })));
}
