import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isTransient } from '../api/api-error';

/** Tries of a read that failed for a transient reason, after the first. */
const READ_RETRIES = 3;

export type ConsoleQueryClientOptions = {
  /** Called when the service refused the session (401 after a renewed token): the user has to sign in again. */
  onUnauthenticated: () => void;
};

/**
 * The console's server-state cache (TanStack Query):
 * - reads are retried only when the failure is transient (no answer, 5xx, 408, 429), with its
 *   capped exponential delay; a 4xx is an answer, and asking again gets the same one;
 * - writes are never retried by the cache: the user sees the failure and saves again, and a write
 *   that is not idempotent is never sent twice behind their back;
 * - data is fresh for 30 s, then refetched when a page or the window comes back into view;
 * - a write's page invalidates what it changed (see each page's mutation).
 */
export function createConsoleQueryClient(options: ConsoleQueryClientOptions): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.kind === 'unauthenticated') options.onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isTransient(error) && failureCount < READ_RETRIES,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
