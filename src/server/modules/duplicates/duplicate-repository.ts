import type { Contact } from '../../../domain/contact/contact';
import type { DuplicateSearchString } from '../../../domain/duplicate-search';
import type { Queryable } from '../../db/db';
import { parseSearchStringKey, type IndexedContact } from './duplicate-probe';

/**
 * The duplicate index's SQL for many contacts at once: what the rebuild job runs a step of
 * contacts through, in a handful of statements whatever the step's size.
 */

export type ExactMatch = 'email' | 'phone';
export type { IndexedContact } from './duplicate-probe';

/** A Contact Duplicate row: the pair, its No. of Matching Strings and Rapport's exact matches. */
export type DuplicatePair = { contactNo: string; duplicateNo: string; noOfMatchingStrings: number; exactMatches: ExactMatch[] };

/**
 * How many holders of a string are counted to rank it by rarity. Reading a string's holders
 * costs the same whole bitmap of the index whatever the cap; past it, each holder counted is a
 * row read, and a string held by a hundred contacts is too common to seed with anyway.
 */
const FREQUENCY_CAP = 100;

/**
 * JIT compilation is for long analytical queries: planned for a batch of a thousand contacts, the
 * duplicate search's statements look costly enough to be compiled, which takes longer (a second
 * and more on a busy PostgreSQL 15) than the index probes they make. A caller running a batch in
 * a transaction turns it off for the transaction first. (The probes' row counts are given to the
 * planner as a LIMIT, so a search for one contact is not planned as one for a hundred.)
 */
export const withoutJit = async (tx: Queryable): Promise<void> => {
  await tx.query('SET LOCAL jit = off');
};

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

/** The stored search strings of the named contacts, as keys (`searchStringKey`). */
export async function searchKeysOf(db: Queryable, tenantId: string, contactNos: readonly string[]): Promise<Map<string, string[]>> {
  if (contactNos.length === 0) return new Map();
  // Each number a primary-key probe, whatever the statistics say.
  const rows = await db.query<{ contact_no: string; strings: string[] }>(
    `SELECT s.contact_no, s.strings FROM unnest($2::text[]) AS c(no)
     CROSS JOIN LATERAL (SELECT s.contact_no, s.strings FROM contact_duplicate_strings s WHERE s.tenant_id = $1 AND s.contact_no = c.no OFFSET 0) s`,
    [tenantId, [...new Set(contactNos)]],
  );
  return new Map(rows.map((row) => [row.contact_no, row.strings]));
}

/** The stored strings of the named contacts. */
export async function searchStringsOf(db: Queryable, tenantId: string, contactNos: readonly string[]): Promise<Map<string, DuplicateSearchString[]>> {
  const keys = await searchKeysOf(db, tenantId, contactNos);
  return new Map([...keys].map(([contactNo, strings]) => [contactNo, strings.map(parseSearchStringKey)]));
}

/** A contact's search strings as stored: one row per contact, its strings an array under a GIN index. */
export type StoredSearchStrings = { contactNo: string; strings: readonly string[] };

/** Stores the strings of contacts that have none stored yet (new contacts), in one statement; a contact without strings gets no row. */
export async function insertSearchStrings(tx: Queryable, tenantId: string, rows: readonly StoredSearchStrings[]): Promise<void> {
  const records = rows.filter((row) => row.strings.length > 0).map((row) => ({ n: row.contactNo, s: row.strings }));
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO contact_duplicate_strings (tenant_id, contact_no, strings)
     SELECT $1, r.n, r.s FROM json_to_recordset($2::json) AS r(n text, s text[])`,
    [tenantId, JSON.stringify(records)],
  );
}

/**
 * ANALYZE the stored strings when they have no statistics yet or have grown more than fourfold
 * since (and by 1,000 contacts or more): the duplicate search ranks a string by the statistics'
 * most common strings, and counts the holders of any other through the index, whose cost grows
 * with the string's list. A tenant filled by an import or a rebuild would otherwise have its most
 * common strings (an e-mail domain's last characters, a big city) counted again at every batch.
 * A catalogue read per batch, and a handful of analyses as the table grows.
 */
export async function refreshSearchStringStatistics(tx: Queryable): Promise<void> {
  const rows = await tx.query<{ stale: boolean }>(
    `SELECT c.reltuples < 0 OR s.n_live_tup > 4 * c.reltuples + 1000 AS stale
     FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = 'contact_duplicate_strings'::regclass`,
  );
  if (rows[0]?.stale) await tx.query('ANALYZE contact_duplicate_strings');
}

/** Makes the contact's stored strings exactly `strings` (none: no row). */
export async function replaceSearchStrings(tx: Queryable, tenantId: string, contactNo: string, strings: readonly string[]): Promise<void> {
  if (strings.length === 0) {
    await tx.query('DELETE FROM contact_duplicate_strings WHERE tenant_id = $1 AND contact_no = $2', [tenantId, contactNo]);
    return;
  }
  await tx.query(
    `INSERT INTO contact_duplicate_strings (tenant_id, contact_no, strings) VALUES ($1, $2, $3::text[])
     ON CONFLICT (tenant_id, contact_no) DO UPDATE SET strings = EXCLUDED.strings WHERE contact_duplicate_strings.strings IS DISTINCT FROM EXCLUDED.strings`,
    [tenantId, contactNo, [...strings]],
  );
}

/**
 * Makes the stored strings of the contacts numbered after `after` up to `upTo` exactly `rows`, in
 * two statements that write only what differs: an index that is mostly current costs a scan of
 * the range and no writes.
 */
export async function replaceSearchStringsInRange(tx: Queryable, tenantId: string, after: string, upTo: string, rows: readonly StoredSearchStrings[]): Promise<void> {
  const wanted = rows.filter((row) => row.strings.length > 0);
  const records = JSON.stringify(wanted.map((row) => ({ n: row.contactNo, s: row.strings })));
  await tx.query(
    `DELETE FROM contact_duplicate_strings s
     WHERE s.tenant_id = $1 AND s.contact_no > $2 AND s.contact_no <= $3
       AND NOT EXISTS (SELECT 1 FROM json_to_recordset($4::json) AS w(n text, s text[]) WHERE w.n = s.contact_no)`,
    [tenantId, after, upTo, records],
  );
  await tx.query(
    `INSERT INTO contact_duplicate_strings (tenant_id, contact_no, strings)
     SELECT $1, w.n, w.s FROM json_to_recordset($2::json) AS w(n text, s text[])
     ON CONFLICT (tenant_id, contact_no) DO UPDATE SET strings = EXCLUDED.strings WHERE contact_duplicate_strings.strings IS DISTINCT FROM EXCLUDED.strings`,
    [tenantId, records],
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

/** A contact looking for its duplicates by strings: its strings as keys, and how many of the rarest seed the search. */
export type StringProbe = { id: number; contactNo: string; type: Contact['type']; strings: readonly string[]; seedCount: number };

/**
 * Business Central's hit-% search (§4) for many contacts in one statement, exact, by prefix
 * filtering: a contact sharing at least t of a probe's k strings misses at most k − t of them, so
 * it shares at least one of any k − t + 1 of them. The probe's `seedCount` (k − t + 1) rarest
 * strings are looked up in the GIN index of the stored arrays, and each contact holding one of
 * them has the strings it shares with the probe counted from its own array; those reaching
 * `threshold` come back, when of the probe's type and (with `upTo`) numbered up to it.
 *
 * Rarity is the number of holders counted up to FREQUENCY_CAP, or for the strings the table's
 * statistics list as most common, their share of its rows. A GIN index is read in whole bitmaps,
 * so counting the holders of a string costs its whole list however low the cap: 25 ms for a
 * string most contacts hold (an e-mail domain's last five characters) against a tenth of a
 * millisecond for a rare one. The statistics only steer the choice of seeds: any choice finds
 * every contact, and stale ones only make it dearer. Each index read keeps the tenant out of
 * the index condition (behind OFFSET 0): planned without statistics, a bitmap of the tenant's
 * primary-key entries ANDed with the strings' one read every contact of the tenant.
 */
export async function contactsReachingThreshold(
  db: Queryable,
  tenantId: string,
  probes: readonly StringProbe[],
  threshold: number,
  upTo: string | null,
): Promise<{ id: number; contactNo: string; n: number }[]> {
  const searching = probes.filter((probe) => probe.seedCount > 0 && probe.strings.length > 0);
  if (searching.length === 0) return [];
  const bound = upTo === null ? '' : 'AND k.no <= $4';
  const rows = await db.query<{ id: number; contact_no: string; n: number }>(
    `WITH probe AS MATERIALIZED (
       SELECT * FROM json_to_recordset($2::json) AS p(id int, no text, type text, strings text[], seeds int) LIMIT ${searching.length}),
     common AS MATERIALIZED (
       SELECT e.key, e.freq * greatest(t.reltuples, 0) AS n
       FROM pg_class t JOIN pg_namespace ns ON ns.oid = t.relnamespace
       JOIN pg_stats st ON st.schemaname = ns.nspname AND st.tablename = t.relname AND st.attname = 'strings'
       CROSS JOIN LATERAL unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs[1:cardinality(st.most_common_elems)]) AS e(key, freq)
       WHERE t.oid = 'contact_duplicate_strings'::regclass),
     frequency AS MATERIALIZED (
       SELECT w.key, COALESCE(m.n, (SELECT count(*) FROM (
           SELECT 1 FROM (SELECT s.tenant_id FROM contact_duplicate_strings s WHERE s.strings @> ARRAY[w.key] OFFSET 0) s
           WHERE s.tenant_id = $1 LIMIT ${FREQUENCY_CAP}) capped)) AS n
       FROM (SELECT DISTINCT unnest(strings) AS key FROM probe) w LEFT JOIN common m ON m.key = w.key),
     ranked AS (
       SELECT x.id, x.key, row_number() OVER (PARTITION BY x.id ORDER BY f.n, x.o) AS rank
       FROM (SELECT p.id, u.key, u.o FROM probe p CROSS JOIN LATERAL unnest(p.strings) WITH ORDINALITY AS u(key, o)) x
       JOIN frequency f ON f.key = x.key),
     seeded AS (
       SELECT p.id, p.no, p.type, p.strings, array_agg(r.key) AS seeds
       FROM probe p JOIN ranked r ON r.id = p.id AND r.rank <= p.seeds
       GROUP BY p.id, p.no, p.type, p.strings),
     candidate AS (
       SELECT seeded.id, seeded.type, h.contact_no,
              (SELECT count(*) FROM unnest(h.strings) AS o(key) WHERE o.key = ANY(seeded.strings))::int AS n
       FROM seeded CROSS JOIN LATERAL (
         SELECT s.contact_no, s.strings FROM (
           SELECT s.tenant_id, s.contact_no, s.strings FROM contact_duplicate_strings s WHERE s.strings && seeded.seeds OFFSET 0) s
         WHERE s.tenant_id = $1 AND s.contact_no <> seeded.no) h)
     SELECT c.id, c.contact_no, c.n FROM candidate c
     CROSS JOIN LATERAL (SELECT 1 FROM contact k WHERE k.tenant_id = $1 AND k.no = c.contact_no AND k.type = c.type ${bound} OFFSET 0) k
     WHERE c.n >= $3`,
    [
      tenantId,
      JSON.stringify(searching.map((probe) => ({ id: probe.id, no: probe.contactNo, type: probe.type, strings: probe.strings, seeds: probe.seedCount }))),
      threshold,
      ...(upTo === null ? [] : [upTo]),
    ],
  );
  return rows.map((row) => ({ id: Number(row.id), contactNo: row.contact_no, n: Number(row.n) }));
}

/** A contact looking for its duplicates by value: its own normalised e-mail and phone numbers (`probeOf`). */
export type ExactProbe = { id: number; contactNo: string; type: Contact['type']; email: string; phones: readonly string[] };

/**
 * Improvement over Business Central, for many contacts in one statement: the contacts of a probe's
 * type numbered up to `upTo` (all when null) with the same e-mail or phone number (phone or mobile,
 * either way round). Values a person inherits from its company count on neither side. Each value
 * is an index probe (a LATERAL lookup behind OFFSET 0), whatever the statistics say. E-mail
 * matches come before phone matches.
 */
export async function exactMatchPairs(
  db: Queryable,
  tenantId: string,
  probes: readonly ExactProbe[],
  upTo: string | null,
): Promise<{ id: number; duplicateNo: string; match: ExactMatch }[]> {
  const values = probes.flatMap((probe) => [
    ...(probe.email ? [{ probe, kind: 'email', value: probe.email }] : []),
    ...probe.phones.map((phone) => ({ probe, kind: 'phone', value: phone })),
  ]);
  if (values.length === 0) return [];
  const bound = upTo === null ? '' : 'AND k.no <= $3';
  const arm = (kind: ExactMatch, column: string, inheritedField: string) => `
     SELECT p.id, k.no AS duplicate_no, '${kind}' AS match FROM probe p
     CROSS JOIN LATERAL (
       SELECT k.no FROM contact k
       WHERE k.tenant_id = $1 AND k.${column} = p.value AND k.${column} <> '' AND k.no <> p.no AND k.type = p.type ${bound}
         AND NOT (k.type = 'person' AND '${inheritedField}' = ANY(k.inherited_fields)) OFFSET 0) k
     WHERE p.kind = '${kind}'`;
  const rows = await db.query<{ id: number; duplicate_no: string; match: ExactMatch }>(
    `WITH probe AS MATERIALIZED (SELECT * FROM json_to_recordset($2::json) AS p(id int, no text, type text, kind text, value text) LIMIT ${values.length})
     ${arm('email', 'search_email', 'email')}
     UNION ALL ${arm('phone', 'search_phone_no', 'phoneNo')}
     UNION ALL ${arm('phone', 'search_mobile_phone_no', 'mobilePhoneNo')}`,
    [
      tenantId,
      JSON.stringify(values.map((v) => ({ id: v.probe.id, no: v.probe.contactNo, type: v.probe.type, kind: v.kind, value: v.value }))),
      ...(upTo === null ? [] : [upTo]),
    ],
  );
  return rows.map((row) => ({ id: Number(row.id), duplicateNo: row.duplicate_no, match: row.match }));
}

/** Names and types of the named contacts. */
export async function namesAndTypes(db: Queryable, tenantId: string, nos: readonly string[]): Promise<Map<string, { name: string; type: Contact['type'] }>> {
  if (nos.length === 0) return new Map();
  const rows = await db.query<{ no: string; name: string; type: Contact['type'] }>(
    `SELECT k.no, k.name, k.type FROM unnest($2::text[]) AS c(no)
     CROSS JOIN LATERAL (SELECT k.no, k.name, k.type FROM contact k WHERE k.tenant_id = $1 AND k.no = c.no OFFSET 0) k`,
    [tenantId, [...new Set(nos)]],
  );
  return new Map(rows.map((row) => [row.no, { name: row.name, type: row.type }]));
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
