import { createContext, type ReactNode, use, useMemo } from 'react';
import { loadCatalogue, type Locale } from '../../ui-shared/i18n/locales';
import type { CatalogueOf, MessageSource, Translate } from '../../ui-shared/i18n/messages';
import { createTranslator } from '../../ui-shared/i18n/translate';
import { useI18n } from './I18nProvider';

/**
 * The messages of one section of the console (the contact pages), kept apart from the frame's
 * catalogue so that they load with the section's pages rather than before the first page: the
 * English source travels in the pages' chunks, each other language is a chunk of its own, fetched
 * the first time one of the section's pages opens in it. Each section has the seven catalogues of
 * the frame, typed by its own English one.
 *
 * `Messages` suspends its page (the frame's Suspense shows the spinner) until the user's language
 * has loaded, then gives `useMessages` its `t`; a language that fails to load shows English, as the
 * frame's own catalogue does.
 */
export function createSectionMessages<Source extends MessageSource>(
  section: string,
  english: Source,
  loadModule: (file: string) => Promise<Record<string, CatalogueOf<Source> | undefined>>,
) {
  // One load per language for the whole session: React needs the same promise on every render.
  const loads = new Map<Locale, Promise<CatalogueOf<Source>>>();
  const load = (locale: Locale): Promise<CatalogueOf<Source>> => {
    let pending = loads.get(locale);
    if (pending === undefined) {
      pending = loadCatalogue(locale, english, loadModule).catch((error: unknown) => {
        console.error(`Rapport: the ${locale} texts of ${section} did not load; showing English`, error);
        return english;
      });
      loads.set(locale, pending);
    }
    return pending;
  };

  const Context = createContext<Translate<Source> | null>(null);

  function Messages({ children }: { children: ReactNode }) {
    const { locale } = useI18n();
    const catalogue = use(load(locale));
    const t = useMemo(() => createTranslator(english, catalogue), [catalogue]);
    return <Context value={t}>{children}</Context>;
  }

  function useMessages(): Translate<Source> {
    const t = use(Context);
    if (t === null) throw new Error(`The messages of ${section} are used outside its Messages.`);
    return t;
  }

  return { Messages, useMessages };
}
