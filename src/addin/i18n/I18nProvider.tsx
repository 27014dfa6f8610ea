import { createContext, type ReactNode, use } from 'react';
import type { Catalogue } from './catalogue';
import { enUS } from './en-US';
import { createFormatters, DEFAULT_CURRENCY, type Formatters } from './format';
import type { Locale } from './locales';
import { createTranslator, type Translate } from './translate';

/** Everything the pane words and formats with: the catalogue's locale, `t`, and Intl formatters. */
export type I18n = { locale: Locale; formattingLocale: string; t: Translate; format: Formatters };

export type CreateI18nOptions = { formattingLocale?: string; currency?: string; timeZone?: string };

export function createI18n(locale: Locale, catalogue: Catalogue, options: CreateI18nOptions = {}): I18n {
  const formattingLocale = options.formattingLocale ?? locale;
  return {
    locale,
    formattingLocale,
    t: createTranslator(catalogue),
    format: createFormatters(formattingLocale, { currency: options.currency ?? DEFAULT_CURRENCY, ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) }),
  };
}

/** English, for the shell before Outlook has said which language it speaks. */
export const ENGLISH: I18n = createI18n('en-US', enUS);

const I18nContext = createContext<I18n>(ENGLISH);

export type I18nProviderProps = { value: I18n; children: ReactNode };

export function I18nProvider({ value, children }: I18nProviderProps) {
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The pane's language; English outside a provider. */
export function useI18n(): I18n {
  return use(I18nContext);
}
