import type { Catalogue } from './catalogue';

/**
 * Loads one locale's catalogue module as its own chunk (webpack splits each `xx-YY.ts` this
 * context includes). English is left out: it is part of the first bundle and never loaded this
 * way, and as a plain import it can be inlined there. The specifier is a template for the reason `taskpane/forms/load-form.ts`
 * gives; Jest's CommonJS runtime has no dynamic import, so the pane's tests replace this module.
 */
export const loadCatalogueModule = (file: string): Promise<Record<string, Catalogue | undefined>> =>
  import(/* webpackInclude: /[a-z]{2}-[A-Z]{2}\.ts$/, webpackExclude: /en-US\.ts$/, webpackChunkName: "i18n-[request]" */ `./${file}`) as Promise<Record<string, Catalogue | undefined>>;
