import { RapportError } from './errors';

/** The contact fields a duplicate search string can be built from (BC: Contact Text/Code fields). */
export type DuplicateSearchField =
  | 'name'
  | 'name2'
  | 'address'
  | 'address2'
  | 'city'
  | 'postCode'
  | 'phoneNo'
  | 'mobilePhoneNo'
  | 'vatRegistrationNo'
  | 'email'
  | 'email2'
  | 'homePage'
  | 'county';

/** Duplicate Search String Setup (§4): which part of which field, how many characters. */
export type DuplicateSearchStringSetup = { field: DuplicateSearchField; part: 'first' | 'last'; length: number };
/** Cont. Duplicate Search String (§4): one string of a contact, Code[10]. */
export type DuplicateSearchString = { field: DuplicateSearchField; part: 'first' | 'last'; searchString: string };

/** Business Central's field captions, for messages. */
const FIELD_CAPTIONS: Record<DuplicateSearchField, string> = {
  name: 'Name',
  name2: 'Name 2',
  address: 'Address',
  address2: 'Address 2',
  city: 'City',
  postCode: 'Post Code',
  phoneNo: 'Phone No.',
  mobilePhoneNo: 'Mobile Phone No.',
  vatRegistrationNo: 'VAT Registration No.',
  email: 'E-Mail',
  email2: 'E-Mail 2',
  homePage: 'Home Page',
  county: 'County',
};
const PART_CAPTIONS = { first: 'First', last: 'Last' } as const;
const MIN_LENGTH = 2;
const MAX_LENGTH = 10;

const DEFAULT_FIELDS: readonly DuplicateSearchField[] = ['name', 'address', 'city', 'phoneNo', 'vatRegistrationNo', 'postCode', 'email', 'mobilePhoneNo'];

/** Business Central's default: First 5 and Last 5 of eight fields, 16 rows. */
export const DEFAULT_DUPLICATE_SEARCH_SETUP: readonly DuplicateSearchStringSetup[] = DEFAULT_FIELDS.flatMap((field) => [
  { field, part: 'first' as const, length: 5 },
  { field, part: 'last' as const, length: 5 },
]);

/**
 * Validates a Duplicate Search String Setup as its table does: a known field, part First or Last,
 * Length a whole number 2..10, and one row per field and part (the table's key). Throws
 * `duplicate_search_setup_invalid` with the offending row in `fields` (`rows.<index>…`).
 */
export function validateDuplicateSearchSetup(setup: readonly DuplicateSearchStringSetup[]): void {
  const seen = new Set<string>();
  setup.forEach((row, index) => {
    const invalid = (message: string, path: string) =>
      new RapportError('duplicate_search_setup_invalid', message, { fields: [{ path: `rows.${index}${path}`, message }] });
    if (!Object.hasOwn(FIELD_CAPTIONS, row.field)) throw invalid(`${String(row.field)} is not a contact field that duplicate search can use.`, '.field');
    if (row.part !== 'first' && row.part !== 'last') throw invalid(`Part of Field must be First or Last, not ${String(row.part)}.`, '.part');
    const caption = `${PART_CAPTIONS[row.part]} part of ${FIELD_CAPTIONS[row.field]}`;
    if (!Number.isInteger(row.length) || row.length < MIN_LENGTH || row.length > MAX_LENGTH) {
      throw invalid(`Length must be a whole number from ${MIN_LENGTH} to ${MAX_LENGTH} for the ${caption}, not ${row.length}.`, '.length');
    }
    const key = `${row.field}/${row.part}`;
    if (seen.has(key)) throw invalid(`The ${caption} is set up more than once.`, '');
    seen.add(key);
  });
}

/**
 * Business Central deletes spaces and `+ " & / , . ; : - _ ( ) { } # ! £ $ \` before cutting a
 * string. We delete every kind of whitespace, not only the space: a no-break space pasted from an
 * e-mail must not make two names differ.
 */
const IGNORED_CHARACTERS = /[\s+"&/,.;:\-_(){}#!£$\\]/gu;

/**
 * Upper-cases one character at a time, keeping characters whose capital is longer (ß → SS, ﬁ → FI)
 * as Business Central's UpperCase does, so a string never grows past its Length.
 */
const upperCase = (characters: readonly string[]): string =>
  characters.map((character) => {
    const upper = character.toUpperCase();
    return [...upper].length === 1 ? upper : character;
  }).join('');

/**
 * Business Central's ComposeIndexString (§4) for each setup row: the field's text without the
 * ignored characters, its first or last `length` characters (all of it when shorter), upper-cased.
 * An empty result gives no string. Characters are counted as code points, never split in half.
 */
export function buildDuplicateSearchStrings(
  contact: Partial<Record<DuplicateSearchField, string>>,
  setup: readonly DuplicateSearchStringSetup[],
): DuplicateSearchString[] {
  const strings: DuplicateSearchString[] = [];
  // A field is usually cut twice (first and last part): it is cleaned once.
  const cleaned = new Map<DuplicateSearchField, string[]>();
  for (const row of setup) {
    let characters = cleaned.get(row.field);
    if (!characters) cleaned.set(row.field, (characters = [...(contact[row.field] ?? '').replace(IGNORED_CHARACTERS, '')]));
    const cut = row.part === 'first' ? characters.slice(0, row.length) : characters.slice(Math.max(0, characters.length - row.length));
    if (cut.length > 0) strings.push({ field: row.field, part: row.part, searchString: upperCase(cut) });
  }
  return strings;
}

/**
 * The number of matching strings that makes a duplicate: ceil(N × Search Hit % / 100), N the
 * number of setup rows — not the number of strings the contact has, so a sparse record can never
 * reach it (Business Central's rule, kept as is). Default: ceil(16 × 60 / 100) = 10.
 * Throws `validation_failed` for a negative row count or a hit % outside 0..100.
 */
export function duplicateThreshold(setupRowCount: number, searchHitPercent: number): number {
  if (!Number.isInteger(setupRowCount) || setupRowCount < 0) {
    throw new RapportError('validation_failed', `The number of duplicate search string setup rows must be a whole number of at least 0, not ${setupRowCount}.`);
  }
  if (!Number.isFinite(searchHitPercent) || searchHitPercent < 0 || searchHitPercent > 100) {
    throw new RapportError('validation_failed', `Search Hit % must be from 0 to 100, not ${searchHitPercent}.`, {
      fields: [{ path: 'searchHitPercent', message: 'From 0 to 100.' }],
    });
  }
  return Math.ceil((setupRowCount * searchHitPercent) / 100);
}

/**
 * Prefix filtering for an exact search. A contact sharing at least `threshold` of a new contact's
 * `stringCount` strings misses at most `stringCount − threshold` of them, so it shares at least one
 * of ANY `stringCount − threshold + 1` of them: looking up only that many (the rarest) finds every
 * candidate. ≤ 0 means no contact can reach the threshold, so there is nothing to search. A
 * threshold of 0 or less asks for every string: Business Central only ever compares contacts that
 * share at least one.
 */
export const candidateStringCount = (stringCount: number, threshold: number): number => (threshold <= 0 ? stringCount : stringCount - threshold + 1);

const keyOf = (s: DuplicateSearchString) => `${s.field}\u0000${s.part}\u0000${s.searchString}`;

/** How many (field, part, search string) triples of `b` also occur in `a` — BC's No. of Matching Strings. */
export function countMatchingStrings(a: readonly DuplicateSearchString[], b: readonly DuplicateSearchString[]): number {
  const keys = new Set(a.map(keyOf));
  return b.filter((s) => keys.has(keyOf(s))).length;
}

/**
 * Improvement over Business Central: a phone number reduced to what identifies it, for exact
 * comparison. Digits only, with the international form written one way: a leading "+" becomes
 * "00" (so "+46 8 123 45 67", "+46-8-1234567" and "0046 8 123 45 67" are all "004681234567") and
 * a trunk "(0)" in an international number is dropped ("+46 (0)8 123 45 67" is the same number).
 * A number written without its country code ("08 123 45 67") stays another number: telling that
 * they match needs the contact's country, which is not a rule here. No digits → ''.
 */
export function normalizePhoneForMatch(phone: string): string {
  const trimmed = phone.trim();
  // A "+" before the first digit, as in "+46 8…" or "(+46) 8…".
  const plus = /^\D*\+/.test(trimmed);
  const international = plus || /^\D*00/.test(trimmed);
  const digits = (international ? trimmed.replace(/\(\s*0\s*\)/g, '') : trimmed).replace(/\D/g, '');
  return plus && digits !== '' ? `00${digits}` : digits;
}
