import type { CampaignsCatalogue } from './campaigns-messages';

/**
 * Loads one locale's catalogue of the campaign pages as its own chunk (English travels with the
 * pages). The specifier is a template so that the type checker leaves it to the bundler; Jest's
 * CommonJS runtime has no dynamic import, so the tests replace this module.
 */
export const loadCampaignsCatalogueModule = (file: string): Promise<Record<string, CampaignsCatalogue | undefined>> =>
  import(
    /* webpackInclude: /\/i18n\/campaigns\/[a-z]{2}-[A-Z]{2}\.ts$/, webpackExclude: /en-US\.ts$/, webpackChunkName: "console-i18n-campaigns-[request]" */ `./${file}`
  ) as Promise<Record<string, CampaignsCatalogue | undefined>>;
