import type { ContactCreateBody } from '../../../contract/contacts';
import { blankContact } from '../../../domain/contact/blank-contact';
import type { Contact, InheritableField } from '../../../domain/contact/contact';
import {
  buildDuplicateSearchStrings,
  candidateStringCount,
  duplicateThreshold,
  normalizePhoneForMatch,
  type DuplicateSearchField,
  type DuplicateSearchString,
  type DuplicateSearchStringSetup,
} from '../../../domain/duplicate-search';
import { normalizeEmail } from '../../../domain/email';
import type { MarketingSetup } from '../../../domain/marketing-setup';
import type { Db, Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import { listContacts, type StoredContact } from '../contacts/contact-repository';
import { getMarketingSetup } from '../setup/marketing-setup-repository';

export type ExactMatch = 'email' | 'phone';

export type DuplicateCandidate = {
  contactNo: string;
  name: string;
  type: Contact['type'];
  noOfMatchingStrings: number;
  exactMatches: ExactMatch[];
  separateContacts: boolean;
};

/** How many index rows a string may have before it is too common to seed the candidate search. */
const FREQUENCY_CAP = 1000;

export async function getDuplicateSearchSetup(db: Queryable, tenantId: string): Promise<DuplicateSearchStringSetup[]> {
  const rows = await db.query('SELECT field, part, length FROM duplicate_search_string_setup WHERE tenant_id = $1 ORDER BY field, part', [tenantId]);
  return rows.map((row) => fromRow<DuplicateSearchStringSetup>(row));
}

/**
 * The values a contact is indexed on. Improvement over Business Central, which indexes companies
 * only: persons are indexed too, but on their own values — a field a person still inherits from its
 * company would make every colleague look like a duplicate.
 */
export function indexedValues(contact: Contact): Partial<Record<DuplicateSearchField, string>> {
  const inherited = new Set<string>(contact.type === 'person' ? contact.inheritedFields : []);
  const value = (field: DuplicateSearchField & keyof Contact) => (inherited.has(field) ? '' : String(contact[field]));
  return {
    name: value('name'),
    name2: value('name2'),
    address: value('address'),
    address2: value('address2'),
    city: value('city'),
    postCode: value('postCode'),
    county: value('county'),
    phoneNo: value('phoneNo'),
    mobilePhoneNo: value('mobilePhoneNo'),
    vatRegistrationNo: value('vatRegistrationNo'),
    email: value('email'),
    email2: value('email2'),
    homePage: value('homePage'),
  };
}

export const ownValue = (contact: Contact, field: InheritableField): string =>
  contact.type === 'person' && contact.inheritedFields.includes(field) ? '' : String(contact[field]);

/** Whether a change touches what the index holds (Rapport re-indexes on e-mail and mobile changes too). */
const indexedValuesChanged = (before: Contact, after: Contact): boolean =>
  before.type !== after.type || JSON.stringify(indexedValues(before)) !== JSON.stringify(indexedValues(after));

async function replaceSearchStrings(tx: Queryable, tenantId: string, contactNo: string, strings: readonly DuplicateSearchString[]): Promise<void> {
  await tx.query('DELETE FROM contact_duplicate_search_string WHERE tenant_id = $1 AND contact_no = $2', [tenantId, contactNo]);
  if (strings.length === 0) return;
  await tx.query(
    `INSERT INTO contact_duplicate_search_string (tenant_id, contact_no, field, part, search_string)
     SELECT $1, $2, field, part, search_string FROM unnest($3::text[], $4::text[], $5::text[]) AS s(field, part, search_string)`,
    [tenantId, contactNo, strings.map((s) => s.field), strings.map((s) => s.part), strings.map((s) => s.searchString)],
  );
}

/**
 * Business Central's hit-% search (§4), exact, without comparing against every contact: a contact
 * reaching `threshold` of the k strings must share at least one of any k − threshold + 1 of them,
 * so the rarest such strings seed the candidates and only those are counted in full.
 */
async function contactsOverThreshold(
  db: Queryable,
  tenantId: string,
  contact: Contact,
  strings: readonly DuplicateSearchString[],
  threshold: number,
): Promise<Map<string, number>> {
  const seedCount = candidateStringCount(strings.length, threshold);
  if (seedCount <= 0 || strings.length === 0) return new Map();
  const columns = (list: readonly DuplicateSearchString[]) => [list.map((s) => s.field), list.map((s) => s.part), list.map((s) => s.searchString)];

  const frequencies = await db.query<{ i: number; n: number }>(
    `SELECT q.i::int AS i, (SELECT count(*) FROM (
         SELECT 1 FROM contact_duplicate_search_string s
         WHERE s.tenant_id = $1 AND s.field = q.field AND s.part = q.part AND s.search_string = q.str LIMIT ${FREQUENCY_CAP}) capped)::int AS n
     FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS q(field, part, str, i)`,
    [tenantId, ...columns(strings)],
  );
  const seeds = [...frequencies]
    .sort((a, b) => a.n - b.n)
    .slice(0, seedCount)
    .map((row) => strings[row.i - 1])
    .filter((s): s is DuplicateSearchString => s !== undefined);

  // Each candidate's strings are counted through the primary key (tenant, contact, field, part):
  // a handful of rows per candidate, however common a city or post code is.
  const rows = await db.query<{ contact_no: string; n: number }>(
    `WITH wanted AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]) AS w(field, part, str)),
          seed AS (SELECT * FROM unnest($5::text[], $6::text[], $7::text[]) AS r(field, part, str)),
          candidate AS (
            SELECT DISTINCT s.contact_no FROM seed
            JOIN contact_duplicate_search_string s
              ON s.tenant_id = $1 AND s.field = seed.field AND s.part = seed.part AND s.search_string = seed.str
            WHERE s.contact_no <> $8),
          counted AS (
            SELECT c.contact_no, (
              SELECT count(*) FROM contact_duplicate_search_string s
              JOIN wanted w ON s.field = w.field AND s.part = w.part AND s.search_string = w.str
              WHERE s.tenant_id = $1 AND s.contact_no = c.contact_no)::int AS n
            FROM candidate c)
     SELECT counted.contact_no, counted.n FROM counted
     JOIN contact k ON k.tenant_id = $1 AND k.no = counted.contact_no AND k.type = $9
     WHERE counted.n >= $10`,
    [tenantId, ...columns(strings), ...columns(seeds), contact.no, contact.type, threshold],
  );
  return new Map(rows.map((row) => [row.contact_no, row.n]));
}

/**
 * Improvement over Business Central: the same e-mail or phone number on two contacts of the same
 * type is reported whatever the hit %. Values a person inherits from its company do not count.
 */
async function exactMatches(db: Queryable, tenantId: string, contact: Contact): Promise<Map<string, ExactMatch[]>> {
  const email = normalizeEmail(ownValue(contact, 'email'));
  const phones = [ownValue(contact, 'phoneNo'), ownValue(contact, 'mobilePhoneNo')].map(normalizePhoneForMatch).filter((phone) => phone.length >= 6);
  const matches = new Map<string, ExactMatch[]>();
  const add = (no: string, kind: ExactMatch) => {
    const list = matches.get(no) ?? [];
    if (!list.includes(kind)) matches.set(no, [...list, kind]);
  };
  if (email) {
    const rows = await db.query<{ no: string }>(
      `SELECT no FROM contact WHERE tenant_id = $1 AND search_email = $2 AND no <> $3 AND type = $4
         AND NOT (type = 'person' AND 'email' = ANY(inherited_fields))`,
      [tenantId, email, contact.no, contact.type],
    );
    for (const row of rows) add(row.no, 'email');
  }
  if (phones.length > 0) {
    const rows = await db.query<{ no: string }>(
      `SELECT no FROM contact WHERE tenant_id = $1 AND no <> $3 AND type = $4 AND (
         (search_phone_no = ANY($2::text[]) AND NOT (type = 'person' AND 'phoneNo' = ANY(inherited_fields)))
         OR (search_mobile_phone_no = ANY($2::text[]) AND NOT (type = 'person' AND 'mobilePhoneNo' = ANY(inherited_fields))))`,
      [tenantId, phones, contact.no, contact.type],
    );
    for (const row of rows) add(row.no, 'phone');
  }
  return matches;
}

/**
 * Keeps the duplicate index of one contact current and, when Marketing Setup's Autosearch is on,
 * recomputes its duplicate pairs (§4 steps 1–5) and returns the candidates not marked as separate.
 * `before` is the contact before an update: unchanged indexed values skip the work. Runs in the
 * caller's transaction.
 */
export async function refreshDuplicates(
  tx: Queryable,
  tenantId: string,
  contact: Contact,
  setup: MarketingSetup,
  before?: Contact,
): Promise<DuplicateCandidate[]> {
  if (!setup.maintainDuplSearchStrings) return [];
  if (before && !indexedValuesChanged(before, contact)) return [];
  const searchSetup = await getDuplicateSearchSetup(tx, tenantId);
  const strings = buildDuplicateSearchStrings(indexedValues(contact), searchSetup);
  await replaceSearchStrings(tx, tenantId, contact.no, strings);
  if (!setup.autosearchForDuplicates) return [];

  const { byStrings, byExactValue } = await findDuplicates(tx, tenantId, contact, setup, searchSetup);
  await tx.query(
    `DELETE FROM contact_duplicate WHERE tenant_id = $1 AND (contact_no = $2 OR duplicate_contact_no = $2) AND NOT separate_contacts`,
    [tenantId, contact.no],
  );
  const found = new Set([...byStrings.keys(), ...byExactValue.keys()]);
  for (const other of found) {
    await tx.query(
      `INSERT INTO contact_duplicate (tenant_id, contact_no, duplicate_contact_no, no_of_matching_strings, exact_matches)
       SELECT $1, $2, $3, $4, $5
       WHERE NOT EXISTS (SELECT 1 FROM contact_duplicate WHERE tenant_id = $1
         AND ((contact_no = $2 AND duplicate_contact_no = $3) OR (contact_no = $3 AND duplicate_contact_no = $2)))`,
      [tenantId, contact.no, other, byStrings.get(other) ?? 0, byExactValue.get(other) ?? []],
    );
  }
  return (await listDuplicates(tx, tenantId, contact.no)).filter((candidate) => !candidate.separateContacts);
}

async function findDuplicates(
  db: Queryable,
  tenantId: string,
  contact: Contact,
  setup: MarketingSetup,
  searchSetup: readonly DuplicateSearchStringSetup[],
) {
  const strings = buildDuplicateSearchStrings(indexedValues(contact), searchSetup);
  const threshold = duplicateThreshold(searchSetup.length, setup.searchHitPercent);
  return {
    byStrings: await contactsOverThreshold(db, tenantId, contact, strings, threshold),
    byExactValue: await exactMatches(db, tenantId, contact),
  };
}

/**
 * The duplicates a contact would have, without storing anything: the check the add-in runs before
 * it creates a contact from an e-mail sender. Candidates marked separate do not apply (there is no
 * pair yet), so every hit is reported.
 */
/** The duplicates a contact would have if it were created from `body`; nothing is stored. */
export async function checkProspectDuplicates(db: Queryable, tenantId: string, body: ContactCreateBody): Promise<DuplicateCandidate[]> {
  const { no: _no, ...fields } = body;
  const prospect = { ...blankContact('', body.type ?? 'company'), ...fields, no: '' };
  return checkDuplicates(db, tenantId, prospect, await getMarketingSetup(db, tenantId));
}

export async function checkDuplicates(db: Queryable, tenantId: string, contact: Contact, setup: MarketingSetup): Promise<DuplicateCandidate[]> {
  const { byStrings, byExactValue } = await findDuplicates(db, tenantId, contact, setup, await getDuplicateSearchSetup(db, tenantId));
  const numbers = [...new Set([...byStrings.keys(), ...byExactValue.keys()])];
  if (numbers.length === 0) return [];
  const rows = await db.query<{ no: string; name: string; type: Contact['type'] }>(
    'SELECT no, name, type FROM contact WHERE tenant_id = $1 AND no = ANY($2::text[]) ORDER BY no',
    [tenantId, numbers],
  );
  return rows
    .map((row) => ({
      contactNo: row.no,
      name: row.name,
      type: row.type,
      noOfMatchingStrings: byStrings.get(row.no) ?? 0,
      exactMatches: byExactValue.get(row.no) ?? [],
      separateContacts: false,
    }))
    .sort((a, b) => b.noOfMatchingStrings - a.noOfMatchingStrings || b.exactMatches.length - a.exactMatches.length);
}

/**
 * Business Central's "Generate Duplicate Search String" batch for the whole tenant: every
 * contact's strings are rebuilt, then every contact's pairs recomputed (pairs marked separate are
 * kept). Works in batches of `batchSize` contacts, one transaction each, so the embedded engine's
 * single connection is never held for long.
 */
export async function rebuildDuplicateIndex(db: Db, tenantId: string, batchSize = 200): Promise<{ contacts: number }> {
  const forEachBatch = async (work: (tx: Queryable, contacts: StoredContact[], setup: MarketingSetup) => Promise<void>) => {
    let after = '';
    let total = 0;
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const contacts = await listContacts(tx, tenantId, { after, limit: batchSize });
        if (contacts.length > 0) await work(tx, contacts, await getMarketingSetup(tx, tenantId));
        after = contacts.at(-1)?.no ?? after;
        total += contacts.length;
        return contacts.length < batchSize;
      });
      if (done) return total;
    }
  };
  const contacts = await forEachBatch(async (tx, batch) => {
    const searchSetup = await getDuplicateSearchSetup(tx, tenantId);
    for (const contact of batch) await replaceSearchStrings(tx, tenantId, contact.no, buildDuplicateSearchStrings(indexedValues(contact), searchSetup));
  });
  await forEachBatch(async (tx, batch, setup) => {
    for (const contact of batch) await refreshDuplicates(tx, tenantId, contact, setup);
  });
  return { contacts };
}

/** The stored duplicate pairs that involve the contact, seen from its side. */
export async function listDuplicates(db: Queryable, tenantId: string, contactNo: string): Promise<DuplicateCandidate[]> {
  const rows = await db.query(
    `SELECT c.no AS contact_no, c.name, c.type, d.no_of_matching_strings, d.exact_matches, d.separate_contacts
     FROM contact_duplicate d
     JOIN contact c ON c.tenant_id = d.tenant_id
       AND c.no = CASE WHEN d.contact_no = $2 THEN d.duplicate_contact_no ELSE d.contact_no END
     WHERE d.tenant_id = $1 AND (d.contact_no = $2 OR d.duplicate_contact_no = $2)
     ORDER BY d.no_of_matching_strings DESC, c.no`,
    [tenantId, contactNo],
  );
  return rows.map((row) => fromRow<DuplicateCandidate>(row));
}

/** Marks a pair as "not a duplicate" (Separate Contacts): kept across re-indexing, never proposed again. */
export async function setSeparateContacts(tx: Queryable, tenantId: string, contactNo: string, otherNo: string, separate: boolean): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE contact_duplicate SET separate_contacts = $4 WHERE tenant_id = $1
       AND ((contact_no = $2 AND duplicate_contact_no = $3) OR (contact_no = $3 AND duplicate_contact_no = $2))
     RETURNING 1 AS updated`,
    [tenantId, contactNo, otherNo, separate],
  );
  return rows.length > 0;
}
