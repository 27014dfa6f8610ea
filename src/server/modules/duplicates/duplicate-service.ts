import type { ContactCreateBody } from '../../../contract/contacts';
import { blankContact } from '../../../domain/contact/blank-contact';
import type { Contact } from '../../../domain/contact/contact';
import { candidateStringCount, duplicateThreshold, type DuplicateSearchStringSetup } from '../../../domain/duplicate-search';
import type { MarketingSetup } from '../../../domain/marketing-setup';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import { activeJobOf } from '../../jobs/job-repository';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { indexedValues, probeOf, type DuplicateProbe, type IndexedContact } from './duplicate-probe';
import {
  contactsReachingThreshold,
  deletePairsInRange,
  deletePairsOf,
  exactMatchPairs,
  insertPairs,
  listIndexedContacts,
  namesAndTypes,
  replaceSearchStrings,
  replaceSearchStringsInRange,
  searchKeysOf,
  type DuplicatePair,
  type ExactMatch,
  refreshSearchStringStatistics,
  withoutJit,
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

export { indexedValues, ownValue } from './duplicate-probe';

/** Whether a change touches what the index holds (Rapport re-indexes on e-mail and mobile changes too). */
const indexedValuesChanged = (before: Contact, after: Contact): boolean =>
  before.type !== after.type || JSON.stringify(indexedValues(before)) !== JSON.stringify(indexedValues(after));

/** A stored contact found by the duplicate search: its No. of Matching Strings and exact matches (e-mail before phone). */
export type FoundDuplicate = { contactNo: string; name: string; type: Contact['type']; noOfMatchingStrings: number; exactMatches: ExactMatch[] };

/**
 * The duplicate search (§4 with Rapport's exact matches) of many contacts at once against the
 * stored contacts, writing nothing: for each probe, the contacts of its type (numbered up to
 * `upTo`, when given) that share at least `threshold` of its search strings or have the same own
 * e-mail or phone number, each with the number of strings it shares (Business Central's No. of
 * Matching Strings is a count for every candidate, also one found by e-mail or phone only). A
 * probe's `no` is its own number, never a candidate of itself ('' for a contact not created).
 * A fixed number of statements whatever the number of probes.
 */
export async function findStoredDuplicates(
  db: Queryable,
  tenantId: string,
  probes: readonly { no: string; probe: DuplicateProbe }[],
  threshold: number,
  upTo: string | null = null,
): Promise<FoundDuplicate[][]> {
  const found = probes.map(() => new Map<string, { n: number; exact: ExactMatch[] }>());
  const entry = (id: number, contactNo: string) => {
    const map = found[id]!;
    let each = map.get(contactNo);
    if (!each) map.set(contactNo, (each = { n: -1, exact: [] }));
    return each;
  };
  const byStrings = await contactsReachingThreshold(
    db,
    tenantId,
    probes.map(({ no, probe }, id) => ({ id, contactNo: no, type: probe.type, strings: probe.strings, seedCount: candidateStringCount(probe.strings.length, threshold) })),
    threshold,
    upTo,
  );
  for (const row of byStrings) entry(row.id, row.contactNo).n = row.n;
  const byValue = await exactMatchPairs(
    db,
    tenantId,
    probes.map(({ no, probe }, id) => ({ id, contactNo: no, type: probe.type, email: probe.email, phones: probe.phones })),
    upTo,
  );
  for (const row of byValue) {
    const each = entry(row.id, row.duplicateNo);
    if (!each.exact.includes(row.match)) each.exact.push(row.match);
  }
  const exactOnly = found.flatMap((map) => [...map].filter(([, each]) => each.n < 0).map(([contactNo]) => contactNo));
  const stored = await searchKeysOf(db, tenantId, exactOnly);
  const names = await namesAndTypes(db, tenantId, found.flatMap((map) => [...map.keys()]));
  return found.map((map, id) => {
    const own = new Set(probes[id]!.probe.strings);
    return [...map].flatMap(([contactNo, each]) => {
      const named = names.get(contactNo);
      if (!named) return [];
      const n = each.n >= 0 ? each.n : (stored.get(contactNo) ?? []).filter((key) => own.has(key)).length;
      return [{ contactNo, name: named.name, type: named.type, noOfMatchingStrings: n, exactMatches: EXACT_ORDER.filter((match) => each.exact.includes(match)) }];
    });
  });
}

/** The order exact matches are listed in: e-mail first. */
const EXACT_ORDER: readonly ExactMatch[] = ['email', 'phone'];

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
  const probe = probeOf(contact, searchSetup);
  await replaceSearchStrings(tx, tenantId, contact.no, probe.strings);
  if (!setup.autosearchForDuplicates && !rebuilding) return [];

  const [found = []] = await findStoredDuplicates(tx, tenantId, [{ no: contact.no, probe }], duplicateThreshold(searchSetup.length, setup.searchHitPercent));
  await deletePairsOf(tx, tenantId, contact.no);
  await insertPairs(
    tx,
    tenantId,
    found.map((other) => ({ contactNo: contact.no, duplicateNo: other.contactNo, noOfMatchingStrings: other.noOfMatchingStrings, exactMatches: other.exactMatches })),
  );
  if (!setup.autosearchForDuplicates) return [];
  return (await listDuplicates(tx, tenantId, contact.no)).filter((candidate) => !candidate.separateContacts);
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

/** Most matching strings first, then most exact matches, then by number. */
export const checkOrder = (a: FoundDuplicate, b: FoundDuplicate): number =>
  b.noOfMatchingStrings - a.noOfMatchingStrings || b.exactMatches.length - a.exactMatches.length || (a.contactNo < b.contactNo ? -1 : a.contactNo > b.contactNo ? 1 : 0);

export async function checkDuplicates(db: Queryable, tenantId: string, contact: Contact, setup: MarketingSetup): Promise<DuplicateCandidate[]> {
  const searchSetup = await getDuplicateSearchSetup(db, tenantId);
  const [found = []] = await findStoredDuplicates(db, tenantId, [{ no: contact.no, probe: probeOf(contact, searchSetup) }], duplicateThreshold(searchSetup.length, setup.searchHitPercent));
  return found.sort(checkOrder).map((each) => ({ ...each, separateContacts: false }));
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
  await withoutJit(tx);
  const contacts = await listIndexedContacts(tx, tenantId, after, options.limit);
  const upTo = contacts.at(-1)?.no;
  if (upTo === undefined) return { contacts: 0, upTo: after };

  const probes = contacts.map((contact: IndexedContact) => ({ no: contact.no, probe: probeOf(contact, searchSetup) }));
  await replaceSearchStringsInRange(
    tx,
    tenantId,
    after,
    upTo,
    probes.map(({ no, probe }) => ({ contactNo: no, strings: probe.strings })),
  );
  await refreshSearchStringStatistics(tx);
  await deletePairsInRange(tx, tenantId, after, upTo);
  const found = await findStoredDuplicates(tx, tenantId, probes, threshold, upTo);
  // A pair of two contacts of this step is found from both sides: it is stored once.
  const pairs = new Map<string, DuplicatePair>();
  found.forEach((list, index) => {
    const contactNo = probes[index]!.no;
    for (const other of list) {
      const key = pairKey(contactNo, other.contactNo);
      if (!pairs.has(key)) pairs.set(key, { contactNo, duplicateNo: other.contactNo, noOfMatchingStrings: other.noOfMatchingStrings, exactMatches: other.exactMatches });
    }
  });
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
