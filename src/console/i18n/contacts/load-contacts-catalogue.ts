import type { ContactsCatalogue } from './contacts-messages';

/**
 * Loads one locale's catalogue of the contact pages as its own chunk (English travels with the
 * pages). The specifier is a template so that the type checker leaves it to the bundler; Jest's
 * CommonJS runtime has no dynamic import, so the tests replace this module.
 */
export const loadContactsCatalogueModule = (file: string): Promise<Record<string, ContactsCatalogue | undefined>> =>
  import(
    /* webpackInclude: /\/i18n\/contacts\/[a-z]{2}-[A-Z]{2}\.ts$/, webpackExclude: /en-US\.ts$/, webpackChunkName: "console-i18n-contacts-[request]" */ `./${file}`
  ) as Promise<Record<string, ContactsCatalogue | undefined>>;
