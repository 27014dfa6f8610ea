import type { SetupCatalogue } from './setup-catalogue';

/**
 * Loads one locale's catalogue of the Setup section as a chunk of its own, the first time a setup
 * page opens in that language (English comes with the pages). The specifier is a template so that
 * the type checker leaves it to the bundler; Jest's CommonJS runtime has no dynamic import, so the
 * tests replace this module.
 */
export const loadSetupCatalogueModule = (file: string): Promise<Record<string, SetupCatalogue | undefined>> =>
  import(/* webpackInclude: /[a-z]{2}-[A-Z]{2}\.ts$/, webpackExclude: /en-US\.ts$/, webpackChunkName: "console-setup-i18n-[request]" */ `./${file}`) as Promise<
    Record<string, SetupCatalogue | undefined>
  >;
