import type { Contact } from '../../../domain/contact/contact';
import type { DuplicateSearchField, DuplicateSearchString } from '../../../domain/duplicate-search';
import type { Queryable } from '../../db/db';

/**
 * The duplicate index's SQL for many contacts at once: what the rebuild job runs a step of
 * contacts through, in a handful of statements whatever the step's size.
 */

export type ExactMatch = 'email' | 'phone';

/** What a contact is indexed and matched on, without the rest of the contact. */
export type IndexedContact = Pick<Contact, 'no' | 'type' | 'inheritedFields' | DuplicateSearchField>;

/** One search string of one contact (Cont. Duplicate Search String). */
export type StoredSearchString = DuplicateSearchString & { contactNo: string };

/** A Contact Duplicate row: the pair, its No. of Matching Strings and Rapport's exact matches. */
export type DuplicatePair = { contactNo: string; duplicateNo: string; noOfMatchingStrings: number; exactMatches: ExactMatch[] };

/** How many index rows a string may have before it is too common to seed the candidate search. */
export const FREQUENCY_CAP = 1000;

/**
 * The same for a step of many contacts, lower: counting up to a thousand rows for each of a
 * step's common strings (a city, a post code, a legal form) costs more than the rare candidate
 * found through a string just past a hundred. Any choice of seeds finds every pair; the cap only
 * decides how cheaply.
 */
const STEP_FREQUENCY_CAP = 100;

type IndexedContactRow = {
  no: string;
  type: Contact['type'];
  inherited_fields: Contact['inheritedFields'];
  name: string;
  name_2: string;
  address: string;
  address_2: string;
  city: string;
  post_code: string;
  county: string;
  phone_no: string;
  mobile_phone_no: string;
  vat_registration_no: string;
  email: string;
  email_2: string;
  home_page: string;
};

/** Up to `limit` contacts after `after`, in number order, with only their indexed fields. */
export async function listIndexedContacts(db: Queryable, tenantId: string, after: string, limit: number): Promise<IndexedContact[]> {
  const rows = await db.query<IndexedContactRow>(
    `SELECT no, type, inherited_fields, name, name_2, address, address_2, city, post_code, county, phone_no, mobile_phone_no, vat_registration_no,
       email, email_2, home_page
     FROM contact WHERE tenant_id = $1 AND no > $2 ORDER BY no LIMIT $3`,
    [tenantId, after, limit],
  );
  // Mapped by hand: a step reads thousands of rows, and renaming every column of each costs more than the query.
  return rows.map((row) => ({
    no: row.no,
    type: row.type,
    inheritedFields: row.inherited_fields,
    name: row.name,
    name2: row.name_2,
    address: row.address,
    address2: row.address_2,
    city: row.city,
    postCode: row.post_code,
    county: row.county,
    phoneNo: row.phone_no,
    mobilePhoneNo: row.mobile_phone_no,
    vatRegistrationNo: row.vat_registration_no,
    email: row.email,
    email2: row.email_2,
    homePage: row.home_page,
  }));
}

export async function countContacts(db: Queryable, tenantId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1', [tenantId]);
  return row?.n ?? 0;
}

/** The stored strings of the named contacts. */
export async function searchStringsOf(db: Queryable, tenantId: string, contactNos: readonly string[]): Promise<Map<string, DuplicateSearchString[]>> {
  const byContact = new Map<string, DuplicateSearchString[]>();
  if (contactNos.length === 0) return byContact;
  const rows = await db.query<{ contact_no: string; field: DuplicateSearchField; part: 'first' | 'last'; search_string: string }>(
    'SELECT contact_no, field, part, search_string FROM contact_duplicate_search_string WHERE tenant_id = $1 AND contact_no = ANY($2::text[])',
    [tenantId, [...contactNos]],
  );
  for (const row of rows) {
    const list = byContact.get(row.contact_no) ?? [];
    list.push({ field: row.field, part: row.part, searchString: row.search_string });
    byContact.set(row.contact_no, list);
  }
  return byContact;
}

const stringColumns = (strings: readonly StoredSearchString[]) => [
  strings.map((s) => s.contactNo),
  strings.map((s) => s.field),
  strings.map((s) => s.part),
  strings.map((s) => s.searchString),
];

/**
 * Makes the stored strings of the contacts numbered after `after` up to `upTo` exactly `strings`,
 * in two statements that write only what differs: an index that is mostly current costs two
 * scans of the range and no writes, and nothing is sent back.
 */
export async function replaceSearchStringsInRange(tx: Queryable, tenantId: string, after: string, upTo: string, strings: readonly StoredSearchString[]): Promise<void> {
  const params = [tenantId, after, upTo, ...stringColumns(strings)];
  await tx.query(
    `DELETE FROM contact_duplicate_search_string s
     WHERE s.tenant_id = $1 AND s.contact_no > $2 AND s.contact_no <= $3
       AND NOT EXISTS (SELECT 1 FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS w(contact_no, field, part, search_string)
         WHERE w.contact_no = s.contact_no AND w.field = s.field AND w.part = s.part AND w.search_string = s.search_string)`,
    params,
  );
  // A plain insert of what is missing: an insert … on conflict costs three times as much.
  await tx.query(
    `INSERT INTO contact_duplicate_search_string (tenant_id, contact_no, field, part, search_string)
     SELECT $1, w.contact_no, w.field, w.part, w.search_string
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS w(contact_no, field, part, search_string)
     WHERE NOT EXISTS (SELECT 1 FROM contact_duplicate_search_string s
       WHERE s.tenant_id = $1 AND s.contact_no > $2 AND s.contact_no <= $3 AND s.contact_no = w.contact_no AND s.field = w.field AND s.part = w.part)`,
    params,
  );
}

/** Deletes the pairs that involve a contact numbered after `after` up to `upTo`, except those marked separate. */
export async function deletePairsInRange(tx: Queryable, tenantId: string, after: string, upTo: string): Promise<void> {
  await tx.query(
    `DELETE FROM contact_duplicate WHERE tenant_id = $1 AND NOT separate_contacts
       AND ((contact_no > $2 AND contact_no <= $3) OR (duplicate_contact_no > $2 AND duplicate_contact_no <= $3))`,
    [tenantId, after, upTo],
  );
}

/** Deletes the pairs that involve the contact, except those marked separate. */
export async function deletePairsOf(tx: Queryable, tenantId: string, contactNo: string): Promise<void> {
  await tx.query(`DELETE FROM contact_duplicate WHERE tenant_id = $1 AND (contact_no = $2 OR duplicate_contact_no = $2) AND NOT separate_contacts`, [
    tenantId,
    contactNo,
  ]);
}

/** Stores the pairs in one statement; a pair already stored either way round (a separate pair) stays as it is. */
export async function insertPairs(tx: Queryable, tenantId: string, pairs: readonly DuplicatePair[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.query(
    `INSERT INTO contact_duplicate (tenant_id, contact_no, duplicate_contact_no, no_of_matching_strings, exact_matches)
     SELECT $1, p.contact_no, p.duplicate_no, p.n, string_to_array(p.exact, ',')
     FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS p(contact_no, duplicate_no, n, exact)
     WHERE NOT EXISTS (SELECT 1 FROM contact_duplicate d WHERE d.tenant_id = $1
       AND ((d.contact_no = p.contact_no AND d.duplicate_contact_no = p.duplicate_no) OR (d.contact_no = p.duplicate_no AND d.duplicate_contact_no = p.contact_no)))
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      pairs.map((p) => p.contactNo),
      pairs.map((p) => p.duplicateNo),
      pairs.map((p) => p.noOfMatchingStrings),
      pairs.map((p) => p.exactMatches.join(',')),
    ],
  );
}

/** A contact looking for its duplicates by strings: its strings, and how many of the rarest to seed the search with. */
export type StringProbe = { contactNo: string; type: Contact['type']; strings: readonly DuplicateSearchString[]; seedCount: number };

/**
 * The candidates of Business Central's hit-% search (§4) for many contacts in one statement, by
 * prefix filtering: a contact sharing at least t of a probe's k strings misses at most k − t of
 * them, so it shares at least m − (k − t) of any m of them. Each probe is looked up by its m
 * rarest strings, m being its `seedCount` (k − t + 1, see `candidateStringCount`) or, when more
 * of its strings are rare, all of those: a rare string costs little to look up, and every one more
 * asks a candidate to share one more. What comes back is every contact of the probe's type
 * numbered up to `upTo` that can reach the threshold (and a few that cannot); the caller counts
 * the strings each candidate shares.
 *
 * The bound on numbers applies to the candidate's contact row, not to the string index: given a
 * range on `contact_no`, a planner without statistics (PGlite) walks the primary key instead of
 * the lookup index and reads every string of the range.
 */
export async function candidatePairs(db: Queryable, tenantId: string, probes: readonly StringProbe[], upTo: string): Promise<{ contactNo: string; duplicateNo: string }[]> {
  const rows = probes.flatMap((probe) => (probe.seedCount > 0 ? probe.strings.map((s) => ({ ...s, probe })) : []));
  if (rows.length === 0) return [];
  const result = await db.query<{ contact_no: string; duplicate_no: string }>(
    `WITH probe AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS p(contact_no, type, field, part, str, seeds)),
     frequency AS MATERIALIZED (
       SELECT w.field, w.part, w.str, (SELECT count(*) FROM (
           SELECT 1 FROM contact_duplicate_search_string s
           WHERE s.tenant_id = $1 AND s.field = w.field AND s.part = w.part AND s.search_string = w.str
           LIMIT ${STEP_FREQUENCY_CAP}) capped) AS n
       FROM (SELECT DISTINCT field, part, str FROM probe) w),
     ranked AS (
       SELECT p.contact_no, p.type, p.field, p.part, p.str, p.seeds,
              row_number() OVER (PARTITION BY p.contact_no ORDER BY f.n, p.field, p.part) AS rank,
              count(*) FILTER (WHERE f.n < ${STEP_FREQUENCY_CAP}) OVER (PARTITION BY p.contact_no) AS rare
       FROM probe p JOIN frequency f ON f.field = p.field AND f.part = p.part AND f.str = p.str),
     seed AS (
       -- m = greatest(seeds, rare) strings, of which a candidate must share m − (k − t) = m − seeds + 1.
       SELECT contact_no, type, field, part, str, greatest(seeds, rare) - seeds + 1 AS needed
       FROM ranked WHERE rank <= greatest(seeds, rare)),
     candidate AS (
       SELECT seed.contact_no, seed.type, s.contact_no AS duplicate_no
       FROM seed JOIN contact_duplicate_search_string s
         ON s.tenant_id = $1 AND s.field = seed.field AND s.part = seed.part AND s.search_string = seed.str
       WHERE s.contact_no <> seed.contact_no
       GROUP BY seed.contact_no, seed.type, s.contact_no, seed.needed
       HAVING count(*) >= seed.needed)
     SELECT candidate.contact_no, candidate.duplicate_no FROM candidate
     JOIN contact d ON d.tenant_id = $1 AND d.no = candidate.duplicate_no AND d.type = candidate.type AND d.no <= $8`,
    [
      tenantId,
      rows.map((r) => r.probe.contactNo),
      rows.map((r) => r.probe.type),
      rows.map((r) => r.field),
      rows.map((r) => r.part),
      rows.map((r) => r.searchString),
      rows.map((r) => r.probe.seedCount),
      upTo,
    ],
  );
  return result.map((row) => ({ contactNo: row.contact_no, duplicateNo: row.duplicate_no }));
}

/** A contact looking for its duplicates by value: its own normalised e-mail and phone numbers. */
export type ExactProbe = { contactNo: string; type: Contact['type']; email: string; phones: readonly string[] };

/**
 * Improvement over Business Central, for many contacts in one statement: the contacts of a probe's
 * type numbered up to `upTo` (all when null) with the same e-mail or phone number (phone or mobile,
 * either way round). Values a person inherits from its company count on neither side.
 */
export async function exactMatchPairs(
  db: Queryable,
  tenantId: string,
  probes: readonly ExactProbe[],
  upTo: string | null,
): Promise<{ contactNo: string; duplicateNo: string; match: ExactMatch }[]> {
  const values = probes.flatMap((probe) => [
    ...(probe.email ? [{ probe, kind: 'email', value: probe.email }] : []),
    ...probe.phones.map((phone) => ({ probe, kind: 'phone', value: phone })),
  ]);
  if (values.length === 0) return [];
  const bound = upTo === null ? '' : 'AND d.no <= $6';
  const arm = (kind: ExactMatch, column: string, field: string) => `
    SELECT p.contact_no, d.no AS duplicate_no, '${kind}' AS match FROM probe p
    JOIN contact d ON d.tenant_id = $1 AND d.${column} = p.value AND d.${column} <> ''
    WHERE p.kind = '${kind}' AND d.no <> p.contact_no AND d.type = p.type ${bound}
      AND NOT (d.type = 'person' AND '${field}' = ANY(d.inherited_fields))`;
  const rows = await db.query<{ contact_no: string; duplicate_no: string; match: ExactMatch }>(
    `WITH probe AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS p(contact_no, type, kind, value))
     ${arm('email', 'search_email', 'email')}
     UNION ${arm('phone', 'search_phone_no', 'phoneNo')}
     UNION ${arm('phone', 'search_mobile_phone_no', 'mobilePhoneNo')}
     ORDER BY match`, // e-mail before phone, in every list of exact matches built from these rows
    [tenantId, values.map((v) => v.probe.contactNo), values.map((v) => v.probe.type), values.map((v) => v.kind), values.map((v) => v.value), ...(upTo === null ? [] : [upTo])],
  );
  return rows.map((row) => ({ contactNo: row.contact_no, duplicateNo: row.duplicate_no, match: row.match }));
}

/** How many duplicate pairs the tenant has, proposed and marked separate. */
export async function countPairs(db: Queryable, tenantId: string): Promise<{ proposed: number; separate: number }> {
  const [row] = await db.query<{ proposed: number; separate: number }>(
    `SELECT count(*) FILTER (WHERE NOT separate_contacts)::int AS proposed, count(*) FILTER (WHERE separate_contacts)::int AS separate
     FROM contact_duplicate WHERE tenant_id = $1`,
    [tenantId],
  );
  return { proposed: row?.proposed ?? 0, separate: row?.separate ?? 0 };
}
