import type { DuplicatePairView } from '../../../contract/duplicates';
import { duplicateSearchFieldSchema } from '../../../contract/setup';
import type { DuplicateSearchString } from '../../../domain/duplicate-search';
import type { Queryable } from '../../db/db';
import { searchStringsOf } from './duplicate-repository';

type PairRow = {
  contact_no: string;
  contact_name: string;
  contact_type: 'company' | 'person';
  duplicate_contact_no: string;
  duplicate_name: string;
  duplicate_type: 'company' | 'person';
  no_of_matching_strings: number;
  exact_matches: ('email' | 'phone')[];
  separate_contacts: boolean;
};

const PAIR_COLUMNS = `d.contact_no, c.name AS contact_name, c.type AS contact_type,
  d.duplicate_contact_no, o.name AS duplicate_name, o.type AS duplicate_type,
  d.no_of_matching_strings, d.exact_matches, d.separate_contacts`;

const PAIR_JOINS = `FROM contact_duplicate d
  JOIN contact c ON c.tenant_id = d.tenant_id AND c.no = d.contact_no
  JOIN contact o ON o.tenant_id = d.tenant_id AND o.no = d.duplicate_contact_no`;

const toPair = (row: PairRow): DuplicatePairView => ({
  contact: { no: row.contact_no, name: row.contact_name, type: row.contact_type },
  duplicate: { no: row.duplicate_contact_no, name: row.duplicate_name, type: row.duplicate_type },
  noOfMatchingStrings: row.no_of_matching_strings,
  exactMatches: row.exact_matches,
  separateContacts: row.separate_contacts,
});

export type DuplicatePairFilter = {
  separateContacts?: boolean | undefined;
  /** The last pair of the previous page, as stored: contact number, then duplicate number. */
  after?: readonly [string, string] | undefined;
  limit: number;
};

/**
 * The tenant's duplicate pairs in the order of the table's key (contact number, then duplicate
 * number), each as stored, so a page is read from the primary key onwards whatever the filter.
 */
export async function listDuplicatePairs(db: Queryable, tenantId: string, filter: DuplicatePairFilter): Promise<DuplicatePairView[]> {
  const params: unknown[] = [tenantId];
  const conditions = ['d.tenant_id = $1'];
  if (filter.separateContacts !== undefined) {
    params.push(filter.separateContacts);
    conditions.push(`d.separate_contacts = $${params.length}`);
  }
  if (filter.after !== undefined) {
    params.push(filter.after[0], filter.after[1]);
    conditions.push(`(d.contact_no, d.duplicate_contact_no) > ($${params.length - 1}, $${params.length})`);
  }
  params.push(filter.limit);
  const rows = await db.query<PairRow>(
    `SELECT ${PAIR_COLUMNS} ${PAIR_JOINS} WHERE ${conditions.join(' AND ')}
     ORDER BY d.contact_no, d.duplicate_contact_no LIMIT $${params.length}`,
    params,
  );
  return rows.map(toPair);
}

const FIELD_ORDER: readonly string[] = duplicateSearchFieldSchema.options;

const inSetupOrder = (a: DuplicateSearchString, b: DuplicateSearchString): number =>
  FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field) || (a.part === b.part ? 0 : a.part === 'first' ? -1 : 1);

/** Each string of `own`, marked when `other` has the same string for the same field and part. */
function marked(own: readonly DuplicateSearchString[], other: readonly DuplicateSearchString[]) {
  const keys = new Set(other.map((string) => `${string.field}\u0000${string.part}\u0000${string.searchString}`));
  return [...own].sort(inSetupOrder).map((string) => ({ ...string, matches: keys.has(`${string.field}\u0000${string.part}\u0000${string.searchString}`) }));
}

/**
 * One pair seen from `contactNo`'s side (whichever way round it is stored), with the search
 * strings of both contacts, each marked when the other has it: what No. of Matching Strings counts.
 * Null when the two are not recorded as duplicates.
 */
export async function getDuplicatePair(db: Queryable, tenantId: string, contactNo: string, duplicateNo: string) {
  const [row] = await db.query<PairRow>(
    `SELECT ${PAIR_COLUMNS} ${PAIR_JOINS}
     WHERE d.tenant_id = $1 AND ((d.contact_no = $2 AND d.duplicate_contact_no = $3) OR (d.contact_no = $3 AND d.duplicate_contact_no = $2))`,
    [tenantId, contactNo, duplicateNo],
  );
  if (row === undefined) return null;
  const stored = toPair(row);
  const pair = stored.contact.no === contactNo ? stored : { ...stored, contact: stored.duplicate, duplicate: stored.contact };
  const strings = await searchStringsOf(db, tenantId, [pair.contact.no, pair.duplicate.no]);
  const contactStrings = strings.get(pair.contact.no) ?? [];
  const duplicateStrings = strings.get(pair.duplicate.no) ?? [];
  return { ...pair, contactStrings: marked(contactStrings, duplicateStrings), duplicateStrings: marked(duplicateStrings, contactStrings) };
}
