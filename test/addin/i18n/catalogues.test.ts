import type { Catalogue } from '../../../src/addin/i18n/catalogue';
import { daDK } from '../../../src/addin/i18n/da-DK';
import { deDE } from '../../../src/addin/i18n/de-DE';
import { enUS } from '../../../src/addin/i18n/en-US';
import { fiFI } from '../../../src/addin/i18n/fi-FI';
import { nbNO } from '../../../src/addin/i18n/nb-NO';
import { nlNL } from '../../../src/addin/i18n/nl-NL';
import { svSE } from '../../../src/addin/i18n/sv-SE';
import { placeholdersOf } from '../../../src/addin/i18n/translate';

const TRANSLATIONS: [string, Catalogue][] = [
  ['sv-SE', svSE],
  ['nb-NO', nbNO],
  ['da-DK', daDK],
  ['fi-FI', fiFI],
  ['nl-NL', nlNL],
  ['de-DE', deDE],
];
const englishKeys = Object.keys(enUS).sort();

describe.each(TRANSLATIONS)('the %s catalogue', (_locale, catalogue) => {
  test('has exactly the English keys', () => {
    expect(Object.keys(catalogue).sort()).toEqual(englishKeys);
  });

  test('keeps every message’s placeholders, none lost, none misspelt', () => {
    const mismatches = englishKeys.filter((key) => {
      const english = placeholdersOf(enUS[key as keyof typeof enUS]).sort();
      const translated = placeholdersOf(catalogue[key as keyof Catalogue]).sort();
      return english.join(',') !== translated.join(',');
    });
    expect(mismatches).toEqual([]);
  });

  test('leaves no message blank', () => {
    expect(englishKeys.filter((key) => catalogue[key as keyof Catalogue].trim() === '')).toEqual([]);
  });

  test('is a translation: most messages differ from the English', () => {
    // Some are the same word in both languages ("Offline", "Person", placeholder-only patterns).
    const same = englishKeys.filter((key) => catalogue[key as keyof Catalogue] === enUS[key as keyof typeof enUS] && placeholdersOf(enUS[key as keyof typeof enUS]).length === 0);
    expect(same.length).toBeLessThan(englishKeys.length / 20);
  });
});

test('the English catalogue names each placeholder once per message', () => {
  const repeated = englishKeys.filter((key) => {
    const names = placeholdersOf(enUS[key as keyof typeof enUS]);
    return new Set(names).size !== names.length;
  });
  expect(repeated).toEqual([]);
});
