/**
 * Loads a form's module. The forms share one chunk (`lazy-once`), fetched the first time any form
 * opens, so the Fluent parts they share are not copied into several. The
 * specifier is a template so that the type checker (Node16 resolution wants a `.js` extension on
 * ECMAScript imports, which neither the bundler nor Jest maps to the `.tsx`) leaves it to the
 * bundler. Jest's CommonJS runtime has no dynamic import: the pane's tests replace this module.
 */
export const loadFormModule = (file: string): Promise<Record<string, unknown>> =>
  import(/* webpackInclude: /[A-Z][A-Za-z]+\.tsx$/, webpackChunkName: "pane-forms", webpackMode: "lazy-once" */ `./${file}`) as Promise<Record<string, unknown>>;
