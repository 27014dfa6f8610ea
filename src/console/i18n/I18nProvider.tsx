import { createI18nContext, createI18n as createSharedI18n, type CreateI18nOptions, type I18n as SharedI18n } from '../../ui-shared/i18n/i18n-context';
import type { Locale } from '../../ui-shared/i18n/locales';
import type { Catalogue } from './catalogue';
import { enUS } from './en-US';

/** Everything the console words and formats with: the catalogue's locale, `t`, and Intl formatters. */
export type I18n = SharedI18n<typeof enUS>;

export const createI18n = (locale: Locale, catalogue: Catalogue, options?: CreateI18nOptions): I18n => createSharedI18n(enUS, locale, catalogue, options);

/** English, until the browser's language has loaded. */
export const ENGLISH: I18n = createI18n('en-US', enUS);

/** The console's language (`useI18n`, English outside a provider). */
export const { I18nProvider, useI18n } = createI18nContext(ENGLISH);
