/**
 * Loads a page's module as a chunk of its own, fetched the first time the page opens: a user who
 * never opens a page never downloads it. Each such page lives in a folder of its own under pages/
 * (`marketing-setup/MarketingSetupPage.tsx`; the small pages beside this file are in the first
 * bundle); `file` is its path without the extension. The specifier is a template so that the type
 * checker leaves it to the bundler; Jest's CommonJS runtime has no dynamic import, so the tests
 * replace this module.
 */
export const loadPageModule = (file: string): Promise<Record<string, unknown>> =>
  import(/* webpackInclude: /\/[a-z-]+\/[A-Z][A-Za-z]+Page\.tsx$/, webpackChunkName: "console-page-[request]" */ `./${file}`) as Promise<Record<string, unknown>>;
