import { RapportError } from './errors';

/** The contact fields a duplicate search string can be built from. */
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

/** Duplicate Search String Setup (§4): which part of which field, how long. */
export type DuplicateSearchStringSetup = { field: DuplicateSearchField; part: 'first' | 'last'; length: number };
export type DuplicateSearchString = { field: DuplicateSearchField; part: 'first' | 'last'; searchString: string };

const DEFAULT_FIELDS: readonly DuplicateSearchField[] = ['name', 'address', 'city', 'phoneNo', 'vatRegistrationNo', 'postCode', 'email', 'mobilePhoneNo'];

/** Business Central's default: the first and the last 5 characters of eight fields, 16 strings. */
export const DEFAULT_DUPLICATE_SEARCH_SETUP: readonly DuplicateSearchStringSetup[] = DEFAULT_FIELDS.flatMap((field) => [
  { field, part: 'first' as const, length: 5 },
  { field, part: 'last' as const, length: 5 },
]);

/** Lengths 2..10 and one row per field and part, as the setup table's key and validation demand. */
export function validateDuplicateSearchSetup(setup: readonly DuplicateSearchStringSetup[]): void {
  const seen = new Set<string>();
  for (const [index, row] of setup.entries()) {
    if (!Number.isInteger(row.length) || row.length < 2 || row.length > 10) {
      throw new RapportError('duplicate_search_setup_invalid', `Length must be between 2 and 10 (${row.field}, ${row.part}).`, {
        fields: [{ path: `rows.${index}.length`, message: 'Between 2 and 10.' }],
      });
    }
    const key = `${row.field}/${row.part}`;
    if (seen.has(key)) {
      throw new RapportError('duplicate_search_setup_invalid', `The ${row.part} part of ${row.field} is set up twice.`, {
        fields: [{ path: `rows.${index}`, message: 'Set up twice.' }],
      });
    }
    seen.add(key);
  }
}

// Business Central deletes spaces and these characters before cutting a string.
const IGNORED_CHARACTERS = /[\s+"&/,.;:\-_(){}#!£$\\]/g;

/**
 * Business Central's search strings (§4): per setup row, the field's text without spaces and the
 * ignored characters, its first or last `length` characters (all of it when shorter), upper-cased.
 * An empty result gives no string.
 */
export function buildDuplicateSearchStrings(
  contact: Partial<Record<DuplicateSearchField, string>>,
  setup: readonly DuplicateSearchStringSetup[],
): DuplicateSearchString[] {
  const strings: DuplicateSearchString[] = [];
  for (const row of setup) {
    const cleaned = (contact[row.field] ?? '').replace(IGNORED_CHARACTERS, '');
    const cut = row.part === 'first' ? cleaned.slice(0, row.length) : cleaned.slice(Math.max(0, cleaned.length - row.length));
    if (cut !== '') strings.push({ field: row.field, part: row.part, searchString: cut.toUpperCase() });
  }
  return strings;
}

/**
 * The number of matching strings that makes a duplicate: ceil(N × hit % / 100) where N is the
 * number of setup rows — not the number of strings the contact has, so a sparse record can never
 * reach it (Business Central's rule, kept as its default).
 */
export const duplicateThreshold = (setupRowCount: number, searchHitPercent: number): number => Math.ceil((setupRowCount * searchHitPercent) / 100);

/**
 * Prefix filtering for an exact search: a contact sharing at least `threshold` of a new contact's
 * `stringCount` strings shares at least one of ANY `stringCount − threshold + 1` of them. So the
 * rarest that many strings find every candidate. ≤ 0 means nobody can reach the threshold.
 */
export const candidateStringCount = (stringCount: number, threshold: number): number => (threshold <= 0 ? stringCount : stringCount - threshold + 1);

const key = (s: DuplicateSearchString) => `${s.field}\u0000${s.part}\u0000${s.searchString}`;

/** How many (field, part, string) triples two contacts share. */
export function countMatchingStrings(a: readonly DuplicateSearchString[], b: readonly DuplicateSearchString[]): number {
  const keys = new Set(a.map(key));
  return b.filter((s) => keys.has(key(s))).length;
}

/**
 * Improvement over Business Central: phone numbers compared exactly on their digits, so
 * "+46 8 123 45 67", "+46-8-1234567" and "(+46) 8 1234567" are one number. A leading "00" is read as
 * "+" (international prefix); the "+" itself is dropped, so numbers written with and without the
 * country code differ — matching them would need the contact's country, which is not a rule here.
 */
export function normalizePhoneForMatch(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('00') ? digits.slice(2) : digits;
}
