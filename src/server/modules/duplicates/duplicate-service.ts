import type { ContactCreateBody } from '../../../contract/contacts';
import { blankContact } from '../../../domain/contact/blank-contact';
import type { Contact, InheritableField } from '../../../domain/contact/contact';
import {
  buildDuplicateSearchStrings,
  candidateStringCount,
  countMatchingStrings,
  duplicateThreshold,
  normalizePhoneForMatch,
  type DuplicateSearchField,
  type DuplicateSearchString,
  type DuplicateSearchStringSetup,
} from '../../../domain/duplicate-search';
import { normalizeEmail } from '../../../domain/email';
import type { MarketingSetup } from '../../../domain/marketing-setup';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import { activeJobOf } from '../../jobs/job-repository';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import {
  candidatePairs,
  deletePairsInRange,
  deletePairsOf,
  exactMatchPairs,
  FREQUENCY_CAP,
  insertPairs,
  listIndexedContacts,
  replaceSearchStringsInRange,
  searchStringsOf,
  type DuplicatePair,
  type ExactMatch,
  type ExactProbe,
  type IndexedContact,
} from './duplicate-repository';

export type { ExactMatch } from './duplicate-repository';

export type DuplicateCandidate = {
  contactNo: string;
  name: string;
  type: Contact['type'];
  noOfMatchingStrings: number;
  exactMatches: ExactMatch[];
  separateContacts: boolean;
};

export async function getDuplicateSearchSetup(db: Queryable, tenantId: string): Promise<DuplicateSearchStringSetup[]> {
  const rows = await db.query('SELECT field, part, length FROM duplicate_search_string_setup WHERE tenant_id = $1 ORDER BY field, part', [tenantId]);
  return rows.map((row) => fromRow<DuplicateSearchStringSetup>(row));
}

/**
 * The values a contact is indexed on. Improvement over Business Central, which indexes companies
 * only: persons are indexed too, but on their own values — a field a person still inherits from its
 * company would make every colleague look like a duplicate.
 */
export function indexedValues(contact: IndexedContact): Partial<Record<DuplicateSearchField, string>> {
  const inherited = new Set<string>(contact.type === 'person' ? contact.inheritedFields : []);
  const value = (field: DuplicateSearchField) => (inherited.has(field) ? '' : String(contact[field]));
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

export const ownValue = (contact: IndexedContact, field: InheritableField & DuplicateSearchField): string =>
  contact.type === 'person' && contact.inheritedFields.includes(field) ? '' : String(contact[field]);

/**
 * What a contact is matched on exactly (improvement over Business Central): its own e-mail and
 * phone numbers, normalised; a value a person inherits from its company is not its own, and a
 * phone number of fewer than six digits identifies nothing.
 */
function exactProbeOf(contact: IndexedContact): ExactProbe {
  return {
    contactNo: contact.no,
    type: contact.type,
    email: normalizeEmail(ownValue(contact, 'email')),
    phones: [...new Set([ownValue(contact, 'phoneNo'), ownValue(contact, 'mobilePhoneNo')].map(normalizePhoneForMatch).filter((phone) => phone.length >= 6))],
  };
}

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
  const matches = new Map<string, ExactMatch[]>();
  for (const { duplicateNo, match } of await exactMatchPairs(db, tenantId, [exactProbeOf(contact)], null)) {
    const list = matches.get(duplicateNo) ?? [];
    if (!list.includes(match)) matches.set(duplicateNo, [...list, match]);
  }
  return matches;
}

/** Whether Generate Duplicate Search Strings is queued or running: meanwhile every created or changed contact is indexed with its pairs. */
export const rebuildUnderWay = async (db: Queryable, tenantId: string): Promise<boolean> => (await activeJobOf(db, tenantId, 'duplicate-search-rebuild')) !== null;

/**
 * Keeps the duplicate index of one contact current and, when Marketing Setup's Autosearch is on,
 * recomputes its duplicate pairs (§4 steps 1–5) and returns the candidates not marked as separate.
 * `before` is the contact before an update: unchanged indexed values skip the work. Runs in the
 * caller's transaction.
 *
 * While a rebuild job is under way the contact is indexed and its pairs stored whatever the setup
 * says (nothing is proposed unless Autosearch is on): the job has already passed the contacts
 * numbered before its checkpoint, so a change to one of them would otherwise be missing from
 * what the job leaves behind.
 */
export async function refreshDuplicates(
  tx: Queryable,
  tenantId: string,
  contact: Contact,
  setup: MarketingSetup,
  before?: Contact,
): Promise<DuplicateCandidate[]> {
  if (before && !indexedValuesChanged(before, contact)) return [];
  const maintained = setup.maintainDuplSearchStrings && setup.autosearchForDuplicates;
  const rebuilding = !maintained && (await rebuildUnderWay(tx, tenantId));
  if (!setup.maintainDuplSearchStrings && !rebuilding) return [];
  const searchSetup = await getDuplicateSearchSetup(tx, tenantId);
  const strings = buildDuplicateSearchStrings(indexedValues(contact), searchSetup);
  await replaceSearchStrings(tx, tenantId, contact.no, strings);
  if (!setup.autosearchForDuplicates && !rebuilding) return [];

  const { byStrings, byExactValue } = await findDuplicates(tx, tenantId, contact, setup, searchSetup);
  await deletePairsOf(tx, tenantId, contact.no);
  await insertPairs(
    tx,
    tenantId,
    [...new Set([...byStrings.keys(), ...byExactValue.keys()])].map((other) => ({
      contactNo: contact.no,
      duplicateNo: other,
      noOfMatchingStrings: byStrings.get(other) ?? 0,
      exactMatches: byExactValue.get(other) ?? [],
    })),
  );
  if (!setup.autosearchForDuplicates) return [];
  return (await listDuplicates(tx, tenantId, contact.no)).filter((candidate) => !candidate.separateContacts);
}

/**
 * The number of strings each candidate found by exact value only shares with `strings`: Business
 * Central's No. of Matching Strings is a count, not a verdict, so it is reported for every
 * candidate, also below the hit %.
 */
async function completeMatchingCounts(
  db: Queryable,
  tenantId: string,
  strings: readonly DuplicateSearchString[],
  byStrings: Map<string, number>,
  byExactValue: Map<string, ExactMatch[]>,
): Promise<Map<string, number>> {
  const missing = [...byExactValue.keys()].filter((no) => !byStrings.has(no));
  const counts = new Map(byStrings);
  const stored = await searchStringsOf(db, tenantId, missing);
  for (const no of missing) counts.set(no, countMatchingStrings(strings, stored.get(no) ?? []));
  return counts;
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
  const overThreshold = await contactsOverThreshold(db, tenantId, contact, strings, threshold);
  const byExactValue = await exactMatches(db, tenantId, contact);
  return { byStrings: await completeMatchingCounts(db, tenantId, strings, overThreshold, byExactValue), byExactValue };
}

/**
 * The duplicates a contact would have if it were created from `body`, without storing anything:
 * the check the add-in runs before it creates a contact from an e-mail sender. Candidates marked
 * separate do not apply (there is no pair yet), so every hit is reported.
 */
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

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * One step of Business Central's Generate Duplicate Search Strings over the whole tenant: the
 * strings of the `limit` contacts numbered after `after` are built again, and every pair whose
 * later-numbered contact is one of them is found again; pairs marked separate stay as they are.
 * Run step after step in number order, each pair is recomputed once, at the step of its
 * later-numbered contact, when both contacts' strings are current, so the last step leaves every
 * pair as a search over the whole index would. Set-based: a handful of statements whatever
 * `limit` is. Returns how many contacts it indexed and the last one's number.
 */
export async function rebuildDuplicateIndexStep(
  tx: Queryable,
  tenantId: string,
  options: { after: string; limit: number; searchSetup: readonly DuplicateSearchStringSetup[]; threshold: number },
): Promise<{ contacts: number; upTo: string }> {
  const { after, searchSetup, threshold } = options;
  const contacts = await listIndexedContacts(tx, tenantId, after, options.limit);
  const upTo = contacts.at(-1)?.no;
  if (upTo === undefined) return { contacts: 0, upTo: after };

  const stringsOf = new Map(contacts.map((contact) => [contact.no, buildDuplicateSearchStrings(indexedValues(contact), searchSetup)]));
  await replaceSearchStringsInRange(
    tx,
    tenantId,
    after,
    upTo,
    [...stringsOf].flatMap(([contactNo, strings]) => strings.map((s) => ({ contactNo, ...s }))),
  );

  await deletePairsInRange(tx, tenantId, after, upTo);
  const candidates = await candidatePairs(
    tx,
    tenantId,
    contacts.map((contact) => {
      const strings = stringsOf.get(contact.no) ?? [];
      return { contactNo: contact.no, type: contact.type, strings, seedCount: candidateStringCount(strings.length, threshold) };
    }),
    upTo,
  );
  const byExactValue = await exactMatchPairs(tx, tenantId, contacts.map(exactProbeOf), upTo);

  // The strings each pair shares are counted here, from the other contacts' strings read by their
  // primary key: a count in SQL joined through the lookup index instead reads every contact
  // sharing a common string.
  const others = await searchStringsOf(tx, tenantId, [...new Set([...candidates, ...byExactValue].map((pair) => pair.duplicateNo))]);
  const matchingStrings = (contactNo: string, duplicateNo: string) => countMatchingStrings(stringsOf.get(contactNo) ?? [], others.get(duplicateNo) ?? []);
  // A pair of two contacts of this step is found from both sides: it is stored once.
  const pairs = new Map<string, DuplicatePair>();
  const pairOf = (contactNo: string, duplicateNo: string): DuplicatePair => {
    const key = pairKey(contactNo, duplicateNo);
    const pair = pairs.get(key) ?? { contactNo, duplicateNo, noOfMatchingStrings: matchingStrings(contactNo, duplicateNo), exactMatches: [] };
    pairs.set(key, pair);
    return pair;
  };
  for (const { contactNo, duplicateNo } of candidates) {
    const n = matchingStrings(contactNo, duplicateNo);
    if (n >= threshold) pairs.set(pairKey(contactNo, duplicateNo), { contactNo, duplicateNo, noOfMatchingStrings: n, exactMatches: [] });
  }
  for (const { contactNo, duplicateNo, match } of byExactValue) {
    const pair = pairOf(contactNo, duplicateNo);
    if (!pair.exactMatches.includes(match)) pair.exactMatches.push(match);
  }
  await insertPairs(tx, tenantId, [...pairs.values()]);
  return { contacts: contacts.length, upTo };
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
