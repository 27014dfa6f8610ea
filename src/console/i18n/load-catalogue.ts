import type { Catalogue } from './catalogue';

/**
 * Loads one locale's catalogue module of the console as its own chunk (English is in the first
 * bundle and never loaded this way); the section catalogues in the folders below have loaders of
 * their own. The specifier is a template so that the type checker leaves it to the bundler; Jest's
 * CommonJS runtime has no dynamic import, so the tests replace this module.
 */
export const loadCatalogueModule = (file: string): Promise<Record<string, Catalogue | undefined>> =>
  import(/* webpackInclude: /\/i18n\/[a-z]{2}-[A-Z]{2}\.ts$/, webpackExclude: /en-US\.ts$/, webpackChunkName: "console-i18n-[request]" */ `./${file}`) as Promise<Record<string, Catalogue | undefined>>;
