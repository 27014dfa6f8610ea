import type { Catalogue } from './catalogue';

/**
 * Loads one locale's catalogue module as its own chunk (webpack splits each `xx-YY.ts` this
 * context includes). The specifier is a template for the reason `taskpane/forms/load-form.ts`
 * gives; Jest's CommonJS runtime has no dynamic import, so the pane's tests replace this module.
 */
export const loadCatalogueModule = (file: string): Promise<Record<string, Catalogue | undefined>> =>
  import(/* webpackInclude: /[a-z]{2}-[A-Z]{2}\.ts$/, webpackChunkName: "i18n-[request]" */ `./${file}`) as Promise<Record<string, Catalogue | undefined>>;
