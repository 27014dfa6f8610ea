import type { Catalogue } from './catalogue';
import { enUS } from './en-US';
import { loadCatalogueModule } from './load-catalogue';

/** The languages the pane speaks; en-US is the source and the fallback. */
export const LOCALES = ['en-US', 'sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'nl-NL', 'de-DE'] as const;
export type Locale = (typeof LOCALES)[number];

// Outlook reports regional variants and older tags: Norwegian may come as no-NO or nn-NO (the pane
// offers Bokmål for both), Dutch as nl-BE.
const BY_LANGUAGE: Readonly<Record<string, Locale>> = { en: 'en-US', sv: 'sv-SE', nb: 'nb-NO', no: 'nb-NO', nn: 'nb-NO', da: 'da-DK', fi: 'fi-FI', nl: 'nl-NL', de: 'de-DE' };

/** The catalogue for Outlook's display language: the exact locale, else its language, else English. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const cleaned = (tag ?? '').trim().replace('_', '-');
  const exact = LOCALES.find((locale) => locale.toLowerCase() === cleaned.toLowerCase());
  if (exact !== undefined) return exact;
  return BY_LANGUAGE[cleaned.split('-')[0]?.toLowerCase() ?? ''] ?? 'en-US';
}

/**
 * The tag to format dates, numbers and money with: Outlook's own when Intl knows it (so nl-BE
 * users get Belgian formats with Dutch words), else the catalogue's locale.
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
 * The catalogue of a locale. English is part of the pane's first bundle; the others are loaded on
 * demand, so a user downloads one language, not seven.
 */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  if (locale === 'en-US') return enUS;
  const catalogue = (await loadCatalogueModule(locale))[EXPORT_NAMES[locale]];
  if (catalogue === undefined) throw new Error(`The ${locale} catalogue module has no ${EXPORT_NAMES[locale]} export.`);
  return catalogue;
}
