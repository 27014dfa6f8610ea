import { useSyncExternalStore } from 'react';
import { useServices } from './useServices';

/**
 * The time, renewed every `everyMs` while a component shows it (for "synced 2 minutes ago").
 * The snapshot is the tick number, so React re-renders once per tick and no more.
 */
export function useNow(everyMs: number): Date {
  const { now } = useServices();
  useSyncExternalStore(
    (changed) => {
      const handle = setInterval(changed, everyMs);
      return () => clearInterval(handle);
    },
    () => Math.floor(now().getTime() / everyMs),
  );
  return now();
}
