import { createSyncApi, type SyncApiOptions } from '../api/sync-api';
import type { LocalStore } from '../cache/local-store';
import type { OnlineEvents } from './online-events';
import { createSyncEngine, type SyncEngine } from './sync-engine';

// The duplicate check before a new contact is saved checks its answer against the contract too, so
// it comes with the loop rather than in the pane's first bundle.
export { createDuplicateCheck } from '../taskpane/duplicate-check';

export type PaneSyncOptions = SyncApiOptions & { store: LocalStore; openStore: () => Promise<LocalStore>; onlineEvents: OnlineEvents };

/** The pane's sync loop over its HTTP client: the chunk `load-pane-sync.ts` fetches after the first paint. */
export function createPaneSync(options: PaneSyncOptions): SyncEngine {
  const { store, openStore, onlineEvents, ...api } = options;
  return createSyncEngine({ store, openStore, onlineEvents, api: createSyncApi(api) });
}
