/** The languages Rapport's clients speak; en-US is the source and the fallback. */
export const LOCALES = ['en-US', 'sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'nl-NL', 'de-DE'] as const;
export type Locale = (typeof LOCALES)[number];

// Outlook and browsers report regional variants and older tags: Norwegian may come as no-NO or
// nn-NO (Bokmål is offered for both), Dutch as nl-BE.
const BY_LANGUAGE: Readonly<Record<string, Locale>> = { en: 'en-US', sv: 'sv-SE', nb: 'nb-NO', no: 'nb-NO', nn: 'nb-NO', da: 'da-DK', fi: 'fi-FI', nl: 'nl-NL', de: 'de-DE' };

/** The catalogue for a display language (Outlook's, the browser's): the exact locale, else its language, else English. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const cleaned = (tag ?? '').trim().replace('_', '-');
  const exact = LOCALES.find((locale) => locale.toLowerCase() === cleaned.toLowerCase());
  if (exact !== undefined) return exact;
  return BY_LANGUAGE[cleaned.split('-')[0]?.toLowerCase() ?? ''] ?? 'en-US';
}

/**
 * The tag to format dates, numbers and money with: the display language's own when Intl knows it
 * (so nl-BE users get Belgian formats with Dutch words), else the catalogue's locale.
 */
export function formattingLocale(tag: string | null | undefined, locale: Locale): string {
  const cleaned = (tag ?? '').trim().replace('_', '-');
  if (cleaned === '') return locale;
  try {
    return Intl.NumberFormat.supportedLocalesOf([cleaned])[0] ?? locale;
  } catch {
    // A malformed tag: RangeError from Intl.
    return locale;
  }
}

const EXPORT_NAMES: Record<Exclude<Locale, 'en-US'>, string> = { 'sv-SE': 'svSE', 'nb-NO': 'nbNO', 'da-DK': 'daDK', 'fi-FI': 'fiFI', 'nl-NL': 'nlNL', 'de-DE': 'deDE' };

/**
 * The catalogue of a locale: `english` for en-US, else the export named after the locale (`svSE`)
 * of the module `loadModule(locale)` fetches. Each client keeps its translations one module per
 * locale (`sv-SE.ts`) and loads them on demand, so a user downloads one language, not seven.
 */
export async function loadCatalogue<Catalogue>(locale: Locale, english: Catalogue, loadModule: (file: string) => Promise<Record<string, Catalogue | undefined>>): Promise<Catalogue> {
  if (locale === 'en-US') return english;
  const catalogue = (await loadModule(locale))[EXPORT_NAMES[locale]];
  if (catalogue === undefined) throw new Error(`The ${locale} catalogue module has no ${EXPORT_NAMES[locale]} export.`);
  return catalogue;
}
