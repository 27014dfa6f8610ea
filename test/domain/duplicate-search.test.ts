import {
  buildDuplicateSearchStrings,
  candidateStringCount,
  countMatchingStrings,
  DEFAULT_DUPLICATE_SEARCH_SETUP,
  duplicateThreshold,
  normalizePhoneForMatch,
  validateDuplicateSearchSetup,
} from '../../src/domain/duplicate-search';
import { rapportErrorOf } from './rapport-error';

const fabrikamA = { name: 'Fabrikam, Inc.', address: '12 Main Street', city: 'Seattle', postCode: '98052', phoneNo: '+1 425 555 0100', email: 'sales@fabrikam.com' };

describe("Business Central's duplicate search strings", () => {
  test('the default setup is the first and last 5 characters of eight fields', () => {
    expect(DEFAULT_DUPLICATE_SEARCH_SETUP).toHaveLength(16);
    expect(DEFAULT_DUPLICATE_SEARCH_SETUP.every((row) => row.length === 5)).toBe(true);
  });

  test('the worked example: company A gives exactly these 12 strings', () => {
    const strings = buildDuplicateSearchStrings(fabrikamA, DEFAULT_DUPLICATE_SEARCH_SETUP).map((s) => `${s.field}/${s.part}=${s.searchString}`);
    expect(strings.sort()).toEqual(
      [
        'name/first=FABRI', 'name/last=AMINC', 'address/first=12MAI', 'address/last=TREET', 'city/first=SEATT', 'city/last=ATTLE',
        'postCode/first=98052', 'postCode/last=98052', 'phoneNo/first=14255', 'phoneNo/last=50100', 'email/first=SALES', 'email/last=AMCOM',
      ].sort(),
    );
  });

  test('the worked example: B, the same company typed again, shares all 12 strings and reaches the threshold of 10', () => {
    const a = buildDuplicateSearchStrings(fabrikamA, DEFAULT_DUPLICATE_SEARCH_SETUP);
    const b = buildDuplicateSearchStrings({ ...fabrikamA, name: 'Fabrikam Inc' }, DEFAULT_DUPLICATE_SEARCH_SETUP);
    expect(countMatchingStrings(a, b)).toBe(12);
    expect(countMatchingStrings(a, b)).toBeGreaterThanOrEqual(duplicateThreshold(16, 60));
  });

  test('the worked example: C with only name, city and phone can never reach the threshold', () => {
    const c = buildDuplicateSearchStrings({ name: fabrikamA.name, city: fabrikamA.city, phoneNo: fabrikamA.phoneNo }, DEFAULT_DUPLICATE_SEARCH_SETUP);
    expect(c).toHaveLength(6);
    expect(c.length).toBeLessThan(duplicateThreshold(16, 60));
  });

  test.each([
    ['spaces and punctuation are deleted', 'A & B (Nord) #1!', 'first', 5, 'ABNOR'],
    ['a value shorter than the length is taken whole', 'Oy', 'first', 5, 'OY'],
    ['the last part counts from the end', 'Göteborg', 'last', 4, 'BORG'],
    ['letters are upper-cased, accents kept', 'Ärlig Åkeri', 'first', 5, 'ÄRLIG'],
  ])('%s', (_case, value, part, length, expected) => {
    expect(buildDuplicateSearchStrings({ name: value }, [{ field: 'name', part: part as 'first' | 'last', length }])[0]?.searchString).toBe(expected);
  });

  test('a value of only ignored characters gives no string', () => {
    expect(buildDuplicateSearchStrings({ name: ' - / . ' }, [{ field: 'name', part: 'first', length: 5 }])).toEqual([]);
  });

  test.each([
    [16, 60, 10],
    [16, 100, 16],
    [16, 1, 1],
    [2, 60, 2],
    [5, 50, 3],
  ])('with %d setup rows and %d %% the threshold is %d', (rows, percent, threshold) => {
    expect(duplicateThreshold(rows, percent)).toBe(threshold);
  });

  test.each([
    [12, 10, 3],
    [10, 10, 1],
    [6, 10, -3],
  ])('%d strings against a threshold of %d need %d seed strings', (strings, threshold, seeds) => {
    expect(candidateStringCount(strings, threshold)).toBe(seeds);
  });
});

describe('the search setup', () => {
  test.each([
    ['a length below 2', [{ field: 'name' as const, part: 'first' as const, length: 1 }]],
    ['a length above 10', [{ field: 'name' as const, part: 'first' as const, length: 11 }]],
    ['the same field and part twice', [{ field: 'city' as const, part: 'last' as const, length: 5 }, { field: 'city' as const, part: 'last' as const, length: 4 }]],
  ])('%s is refused', (_case, setup) => {
    expect(rapportErrorOf(() => validateDuplicateSearchSetup(setup)).code).toBe('duplicate_search_setup_invalid');
  });

  test('the default setup is valid', () => {
    expect(() => validateDuplicateSearchSetup(DEFAULT_DUPLICATE_SEARCH_SETUP)).not.toThrow();
  });
});

describe('improved: phone numbers compared on their digits', () => {
  test.each([
    ['+46 8 123 45 67', '+46-8-1234567'],
    ['+46 8 123 45 67', '(+46) 8 1234567'],
    ['0046 8 123 45 67', '+46 8 123 45 67'],
  ])('%s and %s are one number', (a, b) => {
    expect(normalizePhoneForMatch(a)).toBe(normalizePhoneForMatch(b));
  });

  test('a number written without its country code is another number', () => {
    expect(normalizePhoneForMatch('08 123 45 67')).not.toBe(normalizePhoneForMatch('+46 8 123 45 67'));
  });
});
