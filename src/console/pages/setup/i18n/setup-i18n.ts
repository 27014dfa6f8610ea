import { use, useMemo } from 'react';
import { type I18n, useI18n } from '../../../i18n/I18nProvider';
import { loadCatalogue, type Locale } from '../../../../ui-shared/i18n/locales';
import { createTranslator } from '../../../../ui-shared/i18n/translate';
import { enUS } from './en-US';
import { loadSetupCatalogueModule } from './load-setup-catalogue';
import type { SetupCatalogue, SetupTranslate } from './setup-catalogue';

/** The console's words and formats, with a `t` that also knows the Setup section's texts. */
export type SetupI18n = Omit<I18n, 't'> & { t: SetupTranslate };

// One load per language for the whole session: every setup component reads the same promise.
const loads = new Map<Locale, Promise<SetupCatalogue>>();

function setupCatalogue(locale: Locale): Promise<SetupCatalogue> {
  let load = loads.get(locale);
  if (load === undefined) {
    load = loadCatalogue(locale, enUS, loadSetupCatalogueModule).catch((error: unknown) => {
      console.error(`Rapport: the ${locale} setup texts did not load; showing English`, error);
      // Asked for again on the next page that needs them, in case the network is back.
      loads.delete(locale);
      return enUS;
    });
    loads.set(locale, load);
  }
  return load;
}

/**
 * The setup pages' i18n: the console's (`useI18n`), with the Setup section's texts in the user's
 * language. The first setup page opened in a language other than English waits (suspends) for
 * its catalogue, as a page waits for its chunk; the frame's spinner shows meanwhile.
 */
export function useSetupI18n(): SetupI18n {
  const i18n = useI18n();
  const catalogue = i18n.locale === 'en-US' ? enUS : use(setupCatalogue(i18n.locale));
  return useMemo(() => {
    const setupT = createTranslator(enUS, catalogue);
    const t = ((key: string, params?: Readonly<Record<string, string | number>>) =>
      Object.hasOwn(enUS, key) ? (setupT as (key: string, params?: object) => string)(key, params) : (i18n.t as (key: string, params?: object) => string)(key, params)) as SetupTranslate;
    return { ...i18n, t };
  }, [i18n, catalogue]);
}
