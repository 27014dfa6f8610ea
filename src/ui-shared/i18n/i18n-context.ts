import { createContext, use } from 'react';
import { createFormatters, DEFAULT_CURRENCY, type Formatters } from './format';
import type { Locale } from './locales';
import type { CatalogueOf, MessageSource, Translate } from './messages';
import { createTranslator } from './translate';

/** Everything a client words and formats with: the catalogue's locale, `t`, and Intl formatters. */
export type I18n<Source extends MessageSource> = { locale: Locale; formattingLocale: string; t: Translate<Source>; format: Formatters };

export type CreateI18nOptions = { formattingLocale?: string; currency?: string; timeZone?: string };

/** The words of `catalogue` (falling back to `source`) and the formatters of its locale, or of `options.formattingLocale`. */
export function createI18n<Source extends MessageSource>(source: Source, locale: Locale, catalogue: CatalogueOf<Source>, options: CreateI18nOptions = {}): I18n<Source> {
  const formattingLocale = options.formattingLocale ?? locale;
  return {
    locale,
    formattingLocale,
    t: createTranslator(source, catalogue),
    format: createFormatters(formattingLocale, { currency: options.currency ?? DEFAULT_CURRENCY, ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) }),
  };
}

/**
 * A React context for one client's catalogue: its provider (`<I18nProvider value={i18n}>`), and
 * the hook its components read `t` and `format` with (`fallback`, usually English, outside a
 * provider).
 */
export function createI18nContext<Source extends MessageSource>(fallback: I18n<Source>) {
  // React 19 renders a context itself as its provider.
  const I18nProvider = createContext<I18n<Source>>(fallback);
  const useI18n = (): I18n<Source> => use(I18nProvider);
  return { I18nProvider, useI18n };
}
