import type { DependencyList } from 'react';
import type { LocalStore } from '../../cache/local-store';
import type { AsyncState } from './async-source';
import { useAsyncSource } from './useAsyncSource';

/**
 * A read over the local store that follows it: re-run after every committed write the store
 * reports (pulls, the outbox), and when `deps` or the store itself change.
 */
export function useStoreQuery<T>(store: LocalStore, query: (store: LocalStore) => Promise<T>, deps: DependencyList): AsyncState<T> {
  return useAsyncSource(
    () => query(store),
    (changed) => store.subscribe(() => changed()),
    [store, ...deps],
  );
}
