import {
  buildDuplicateSearchStrings,
  candidateStringCount,
  countMatchingStrings,
  DEFAULT_DUPLICATE_SEARCH_SETUP,
  duplicateThreshold,
  normalizePhoneForMatch,
  validateDuplicateSearchSetup,
  type DuplicateSearchField,
  type DuplicateSearchStringSetup,
} from '../../src/domain/duplicate-search';
import { rapportErrorOf } from './rapport-error';

// §4's worked example: A, then B (the same company typed again), then C (name, city and phone only).
const fabrikamA = {
  name: 'Fabrikam, Inc.',
  address: '12 Main Street',
  city: 'Seattle',
  postCode: '98052',
  phoneNo: '+1 425 555 0100',
  email: 'sales@fabrikam.com',
  vatRegistrationNo: '',
  mobilePhoneNo: '',
};
const fabrikamB = { ...fabrikamA, name: 'Fabrikam Inc' };
const fabrikamC = { name: fabrikamA.name, city: fabrikamA.city, phoneNo: fabrikamA.phoneNo };
const defaultThreshold = duplicateThreshold(DEFAULT_DUPLICATE_SEARCH_SETUP.length, 60);
const stringsOf = (contact: Partial<Record<DuplicateSearchField, string>>) => buildDuplicateSearchStrings(contact, DEFAULT_DUPLICATE_SEARCH_SETUP);
const one = (value: string, part: 'first' | 'last', length: number) =>
  buildDuplicateSearchStrings({ name: value }, [{ field: 'name', part, length }]).map((s) => s.searchString);

describe("Business Central's default setup", () => {
  test('is First 5 and Last 5 of Name, Address, City, Phone No., VAT Registration No., Post Code, E-Mail and Mobile Phone No.', () => {
    expect(DEFAULT_DUPLICATE_SEARCH_SETUP.map((row) => `${row.part} ${row.length} of ${row.field}`)).toEqual(
      ['name', 'address', 'city', 'phoneNo', 'vatRegistrationNo', 'postCode', 'email', 'mobilePhoneNo'].flatMap((field) => [`first 5 of ${field}`, `last 5 of ${field}`]),
    );
  });

  test('is a valid setup', () => {
    expect(() => validateDuplicateSearchSetup(DEFAULT_DUPLICATE_SEARCH_SETUP)).not.toThrow();
  });
});

describe('the worked example (default setup, 60 %)', () => {
  test('the threshold is ceil(16 × 60 / 100) = 10', () => {
    expect(defaultThreshold).toBe(10);
  });

  test('company A gives exactly these 12 strings', () => {
    expect(stringsOf(fabrikamA).map((s) => `${s.field}/${s.part}=${s.searchString}`)).toEqual([
      'name/first=FABRI',
      'name/last=AMINC',
      'address/first=12MAI',
      'address/last=TREET',
      'city/first=SEATT',
      'city/last=ATTLE',
      'phoneNo/first=14255',
      'phoneNo/last=50100',
      'postCode/first=98052',
      'postCode/last=98052',
      'email/first=SALES',
      'email/last=AMCOM',
    ]);
  });

  test('B, the same company typed without punctuation, shares all 12 strings: 12 ≥ 10, a duplicate', () => {
    const matches = countMatchingStrings(stringsOf(fabrikamA), stringsOf(fabrikamB));
    expect(matches).toBe(12);
    expect(matches).toBeGreaterThanOrEqual(defaultThreshold);
    expect(candidateStringCount(12, defaultThreshold)).toBe(3);
  });

  test('C, with only name, city and phone, has 6 strings and can never reach 10, even against itself', () => {
    const c = stringsOf(fabrikamC);
    expect(c).toHaveLength(6);
    expect(countMatchingStrings(c, c)).toBe(6);
    expect(countMatchingStrings(stringsOf(fabrikamA), c)).toBeLessThan(defaultThreshold);
    expect(candidateStringCount(c.length, defaultThreshold)).toBeLessThanOrEqual(0);
  });
});

describe('building a search string', () => {
  test.each([
    ['spaces and the ignored characters are deleted before cutting', 'A & B (Nord) #1!', 'first', 5, ['ABNOR']],
    ['every ignored character is deleted', 'x+"&/,.;:-_(){}#!£$\\y', 'first', 10, ['XY']],
    ['other punctuation is kept', "O'Neil*Co", 'first', 10, ["O'NEIL*CO"]],
    ['a no-break space is whitespace too', 'Nord\u00a0lys', 'first', 5, ['NORDL']],
    ['the last part counts from the end', 'Göteborg', 'last', 4, ['BORG']],
    ['a value shorter than the length is taken whole', 'Oy', 'first', 5, ['OY']],
    ['a value shorter than the length is taken whole from the end too', 'AB', 'last', 5, ['AB']],
    ['letters are upper-cased, accents kept', 'Ärlig Åkeri', 'first', 5, ['ÄRLIG']],
    ['ß stays one character, as in Business Central', 'Großhandel', 'first', 5, ['GROßH']],
    ['a character outside the basic plane is never split', 'ab😀cd', 'first', 3, ['AB😀']],
    ['an empty value gives no string', '', 'first', 5, []],
    ['a value of only ignored characters gives no string', ' - / . ', 'last', 5, []],
  ] as const)('%s', (_case, value, part, length, expected) => {
    expect(one(value, part, length)).toEqual(expected);
  });

  test('a field missing from the contact gives no string', () => {
    expect(buildDuplicateSearchStrings({ name: 'Fabrikam' }, [{ field: 'city', part: 'first', length: 5 }])).toEqual([]);
  });
});

describe('the threshold and the candidate search', () => {
  test.each([
    [16, 60, 10],
    [16, 100, 16],
    [16, 1, 1],
    [2, 60, 2],
    [5, 50, 3],
    [10, 70, 7],
    [0, 60, 0],
  ])('with %d setup rows and %d %% the threshold is %d', (rows, percent, threshold) => {
    expect(duplicateThreshold(rows, percent)).toBe(threshold);
  });

  test.each([
    ['a negative number of rows', -1, 60],
    ['a hit % above 100', 16, 101],
    ['a hit % below 0', 16, -5],
  ])('%s is refused with validation_failed', (_case, rows, percent) => {
    expect(rapportErrorOf(() => duplicateThreshold(rows, percent)).code).toBe('validation_failed');
  });

  test.each([
    [12, 10, 3],
    [10, 10, 1],
    [16, 16, 1],
    [6, 10, -3],
    [5, 0, 5],
  ])('with %d strings and a threshold of %d, the search looks up %d of them (≤ 0: none)', (strings, threshold, seeds) => {
    expect(candidateStringCount(strings, threshold)).toBe(seeds);
  });

  test('whichever seed strings are looked up, a contact sharing exactly the threshold is found, and one fewer would miss it', () => {
    // A has 12 strings, the threshold is 10: D shares 10 of them (all but two). Every 3 of A's strings include one D shares.
    const a = stringsOf(fabrikamA);
    const seeds = candidateStringCount(a.length, defaultThreshold);
    const indexSets = (size: number, from = 0): number[][] =>
      size === 0 ? [[]] : Array.from({ length: a.length - from }, (_, i) => from + i).flatMap((i) => indexSets(size - 1, i + 1).map((rest) => [i, ...rest]));
    for (const [missedOne, missedTwo] of indexSets(2)) {
      const shared = (i: number) => i !== missedOne && i !== missedTwo;
      expect(indexSets(seeds).every((seedSet) => seedSet.some(shared))).toBe(true);
      expect(indexSets(seeds - 1).every((seedSet) => seedSet.some(shared))).toBe(false);
    }
  });

  test('matches count field and part too, not the text alone', () => {
    const city = [{ field: 'city' as const, part: 'first' as const, searchString: 'SEATT' }];
    expect(countMatchingStrings(city, [{ field: 'name', part: 'first', searchString: 'SEATT' }])).toBe(0);
    expect(countMatchingStrings(city, [{ field: 'city', part: 'last', searchString: 'SEATT' }])).toBe(0);
    expect(countMatchingStrings(city, city)).toBe(1);
  });
});

describe('validating the search setup', () => {
  const row = (values: Partial<DuplicateSearchStringSetup>): DuplicateSearchStringSetup => ({ field: 'name', part: 'first', length: 5, ...values });

  test.each([
    ['a length below 2', [row({ length: 1 })], 'rows.0.length', 'Length must be a whole number from 2 to 10 for the First part of Name, not 1.'],
    ['a length above 10', [row({ length: 11 })], 'rows.0.length', 'Length must be a whole number from 2 to 10 for the First part of Name, not 11.'],
    ['a fractional length', [row({ length: 4.5 })], 'rows.0.length', 'Length must be a whole number from 2 to 10 for the First part of Name, not 4.5.'],
    ['the same field and part twice', [row({ field: 'city', part: 'last' }), row({ field: 'city', part: 'last', length: 4 })], 'rows.1', 'The Last part of City is set up more than once.'],
    ['an unknown field', [row({ field: 'fax' as DuplicateSearchField })], 'rows.0.field', 'fax is not a contact field that duplicate search can use.'],
    ['an unknown part', [row({ part: 'middle' as 'first' })], 'rows.0.part', 'Part of Field must be First or Last, not middle.'],
  ])('%s is refused with duplicate_search_setup_invalid', (_case, setup, path, message) => {
    const error = rapportErrorOf(() => validateDuplicateSearchSetup(setup));
    expect(error.code).toBe('duplicate_search_setup_invalid');
    expect(error.fields).toEqual([{ path, message }]);
    expect(error.message).toBe(message);
  });

  test.each([
    ['lengths of 2 and 10', [row({ length: 2 }), row({ part: 'last', length: 10 })]],
    ['a field with both its parts', [row({ field: 'email' }), row({ field: 'email', part: 'last' })]],
    ['no rows at all', []],
  ])('a setup with %s is valid', (_case, setup) => {
    expect(() => validateDuplicateSearchSetup(setup)).not.toThrow();
  });
});

describe('improved: phone numbers compared exactly on their digits', () => {
  test.each([
    ['+46 8 123 45 67', '+46-8-1234567'],
    ['+46 8 123 45 67', '(+46) 8 1234567'],
    ['+46 8 123 45 67', '0046 8 123 45 67'],
    ['+46 8 123 45 67', '+46 (0)8 123 45 67'],
    ['0046 (0)8 123 45 67', '+46 8 123 45 67'],
    ['08-123 45 67', '08 123 45 67'],
  ])('"%s" and "%s" are one number', (a, b) => {
    expect(normalizePhoneForMatch(a)).toBe(normalizePhoneForMatch(b));
  });

  test.each([
    ['+46 8 123 45 67', '004681234567'],
    ['08 123 45 67', '081234567'],
    [' +1 (425) 555-0100 ', '0014255550100'],
    ['n/a', ''],
    ['', ''],
  ])('"%s" is compared as "%s"', (phone, expected) => {
    expect(normalizePhoneForMatch(phone)).toBe(expected);
  });

  test.each([
    ['a number written without its country code', '08 123 45 67', '+46 8 123 45 67'],
    ['a national number that starts with the country code digits', '46 8 123 45 67', '+46 8 123 45 67'],
  ])('%s is another number', (_case, a, b) => {
    expect(normalizePhoneForMatch(a)).not.toBe(normalizePhoneForMatch(b));
  });
});
