import { use, useSyncExternalStore } from 'react';
import type { SignInState } from '../../auth/sign-in-state';
import type { LocalStore } from '../../cache/local-store';
import type { SyncStatus } from '../../sync/sync-engine';
import type { PaneServices } from '../pane-services';
import { PaneContext } from './PaneContext';

/** The pane's services; only views inside `PaneProvider` call it. */
export function useServices(): PaneServices {
  const services = use(PaneContext);
  if (services === null) throw new Error('useServices outside PaneProvider');
  return services;
}

/** The store the sync loop works on: it changes when the loop reopens a deleted database. */
export function useStore(): LocalStore {
  const { engine } = useServices();
  return useSyncExternalStore(engine.subscribe, engine.store);
}

export function useSyncStatus(): SyncStatus {
  const { engine } = useServices();
  return useSyncExternalStore(engine.subscribe, engine.status);
}

export function useSignInState(): SignInState {
  const { auth } = useServices();
  return useSyncExternalStore(auth.subscribe, auth.state);
}
