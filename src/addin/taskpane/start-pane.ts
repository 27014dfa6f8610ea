import type { Theme } from '@fluentui/react-components';
import { formattingLocale, loadCatalogue, resolveLocale } from '../../ui-shared/i18n/locales';
import { fluentTheme } from '../../ui-shared/theme';
import { createI18n, type I18n } from '../i18n/I18nProvider';
import { enUS } from '../i18n/en-US';
import { loadCatalogueModule } from '../i18n/load-catalogue';
import type { MailHost } from '../office/mail-host';
import type { PaneServices } from './pane-services';

/** Where the pane stands once it has started: ready to show the item, outside Outlook, or failed. */
export type PaneStart =
  | { state: 'ready'; services: PaneServices; i18n: I18n; theme: Theme }
  | { state: 'noOutlook' }
  | { state: 'failed'; reason: 'office' | 'store' };

export type StartPaneDeps = {
  whenOfficeReady: () => Promise<unknown>;
  createMailHost: () => MailHost | null;
  createServices: (host: MailHost) => Promise<PaneServices>;
};

/** The pane's language from Outlook's, its catalogue loaded (English when the chunk fails to load). */
export async function paneI18n(host: MailHost): Promise<I18n> {
  const tag = host.displayLanguage();
  const locale = resolveLocale(tag);
  const catalogue = await loadCatalogue(locale, enUS, loadCatalogueModule).catch((error: unknown) => {
    console.error(`Rapport: the ${locale} texts did not load; showing English`, error);
    return enUS;
  });
  return createI18n(locale, catalogue, { formattingLocale: formattingLocale(tag, locale) });
}

/**
 * Starts the pane after the shell has painted: waits for Office, makes the MailHost, picks the
 * language and theme, and wires the services. Never rejects: a failure is a state the shell words.
 */
export async function startPane(deps: StartPaneDeps): Promise<PaneStart> {
  try {
    await deps.whenOfficeReady();
  } catch (error) {
    console.error('Rapport: Office.js did not become ready', error);
    return { state: 'failed', reason: 'office' };
  }
  const host = deps.createMailHost();
  if (host === null) return { state: 'noOutlook' };
  try {
    const [i18n, services] = await Promise.all([paneI18n(host), deps.createServices(host)]);
    return { state: 'ready', services, i18n, theme: fluentTheme(host.theme()) };
  } catch (error) {
    console.error('Rapport: the pane could not start', error);
    return { state: 'failed', reason: 'store' };
  }
}
