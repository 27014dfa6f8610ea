import { type DependencyList, useMemo, useRef, useSyncExternalStore } from 'react';
import { type AsyncState, createAsyncSource } from './async-source';

/**
 * The value of `load`, re-read whenever `watch` reports a change and whenever `deps` change. While
 * a new read runs, the previous value stays on screen (`data`), so switching items does not flash
 * an empty pane.
 */
export function useAsyncSource<T>(load: () => Promise<T>, watch: (changed: () => void) => () => void, deps: DependencyList): AsyncState<T> {
  const last = useRef<T | undefined>(undefined);
  // `load` and `watch` are fresh closures every render; `deps` says when they mean something new.
  const source = useMemo(() => createAsyncSource(load, watch, last.current), deps);
  const state = useSyncExternalStore(source.subscribe, source.getSnapshot);
  if (state.data !== undefined) last.current = state.data;
  return state;
}
