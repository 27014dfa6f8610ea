import type { AuthStart } from './auth/console-auth';
import { enUS } from './i18n/en-US';
import { createI18n, type I18n } from './i18n/I18nProvider';
import { loadCatalogueModule } from './i18n/load-catalogue';
import { formattingLocale, loadCatalogue, resolveLocale } from '../ui-shared/i18n/locales';

/** The console's language from the browser's, its catalogue loaded (English when the chunk fails to load). */
export async function consoleI18n(languageTag: string | undefined): Promise<I18n> {
  const locale = resolveLocale(languageTag);
  const catalogue = await loadCatalogue(locale, enUS, loadCatalogueModule).catch((error: unknown) => {
    console.error(`Rapport: the ${locale} texts did not load; showing English`, error);
    return enUS;
  });
  return createI18n(locale, catalogue, { formattingLocale: formattingLocale(languageTag, locale) });
}

export type StartConsoleDeps = {
  startAuth: () => Promise<AuthStart>;
  languageTag: string | undefined;
  /** Puts the address a finished sign-in came back for in place, before the router reads it (`history.replaceState`). */
  replacePath: (path: string) => void;
  /** Sets the document's language, for screen readers and hyphenation. */
  setDocumentLanguage: (locale: string) => void;
};

/** Starts sign-in and loads the language side by side; never rejects (sign-in reports its failure in `auth.failure`). */
export async function startConsole(deps: StartConsoleDeps): Promise<{ auth: AuthStart; i18n: I18n }> {
  const [auth, i18n] = await Promise.all([deps.startAuth(), consoleI18n(deps.languageTag)]);
  if (auth.returnTo !== null) deps.replacePath(auth.returnTo);
  deps.setDocumentLanguage(i18n.locale);
  return { auth, i18n };
}
