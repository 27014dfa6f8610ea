import type { CatalogueOf, MessageSource } from '../../../src/ui-shared/i18n/messages';
import { placeholdersOf } from '../../../src/ui-shared/i18n/translate';

/**
 * The checks every client's catalogues are held to (the task pane's, the console's): what the type
 * checker cannot see. Call from a test file; it declares the tests.
 */
export function describeCatalogues<Source extends MessageSource>(english: Source, translations: readonly [string, CatalogueOf<Source>][]): void {
  const englishKeys = Object.keys(english).sort();
  const text = (catalogue: CatalogueOf<Source>, key: string): string => catalogue[key as keyof Source] as string;

  describe.each(translations)('the %s catalogue', (_locale, catalogue) => {
    test('has exactly the English keys', () => {
      expect(Object.keys(catalogue).sort()).toEqual(englishKeys);
    });

    test('keeps every message’s placeholders, none lost, none misspelt', () => {
      const mismatches = englishKeys.filter((key) => placeholdersOf(english[key] ?? '').sort().join(',') !== placeholdersOf(text(catalogue, key)).sort().join(','));
      expect(mismatches).toEqual([]);
    });

    test('leaves no message blank', () => {
      expect(englishKeys.filter((key) => text(catalogue, key).trim() === '')).toEqual([]);
    });

    test('is a translation: most messages differ from the English', () => {
      // Some are the same word in both languages ("Offline", "Person", placeholder-only patterns).
      const same = englishKeys.filter((key) => text(catalogue, key) === english[key] && placeholdersOf(english[key] ?? '').length === 0);
      expect(same.length).toBeLessThan(englishKeys.length / 20);
    });
  });

  test('the English catalogue names each placeholder once per message', () => {
    const repeated = englishKeys.filter((key) => {
      const names = placeholdersOf(english[key] ?? '');
      return new Set(names).size !== names.length;
    });
    expect(repeated).toEqual([]);
  });
}
