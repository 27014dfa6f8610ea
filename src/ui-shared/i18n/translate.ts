import type { CatalogueOf, MessageSource, Translate } from './messages';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** A translator over `catalogue`; a key the catalogue lacks at run time falls back to `source` (English). */
export function createTranslator<Source extends MessageSource>(source: Source, catalogue: CatalogueOf<Source>): Translate<Source> {
  return ((key: keyof Source, params?: Readonly<Record<string, string | number>>) => {
    const text = catalogue[key] ?? source[key];
    if (params === undefined) return text;
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  }) as Translate<Source>;
}

/** The placeholders a message text names, in order of appearance; the catalogue tests compare them across locales. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}
