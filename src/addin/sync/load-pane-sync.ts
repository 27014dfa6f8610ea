import type * as PaneSyncModule from './pane-sync';

/**
 * Loads the pane's sync loop and HTTP client, a chunk of their own. The specifier is a template for
 * the reason `taskpane/forms/load-form.ts` gives.
 */
export const loadPaneSync = (file = 'pane-sync'): Promise<typeof PaneSyncModule> =>
  import(/* webpackInclude: /pane-sync\.ts$/, webpackChunkName: "pane-sync" */ `./${file}`) as Promise<typeof PaneSyncModule>;
