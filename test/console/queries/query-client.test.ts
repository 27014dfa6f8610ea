import { ApiError } from '../../../src/console/api/api-error';
import { createConsoleQueryClient } from '../../../src/console/queries/query-client';

/** Runs `fn` as a query with the console's defaults and no delay between tries; says how often it ran and how it ended. */
async function tries(fail: (attempt: number) => unknown) {
  const unauthenticated = jest.fn();
  const client = createConsoleQueryClient({ onUnauthenticated: unauthenticated });
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
  let attempts = 0;
  const outcome = await client
    .fetchQuery({
      queryKey: ['probe'],
      queryFn: async () => {
        attempts += 1;
        const error = fail(attempts);
        if (error !== undefined) throw error;
        return 'answer';
      },
    })
    .then(
      (value) => value,
      (error: unknown) => (error instanceof ApiError ? error.kind : String(error)),
    );
  return { attempts, outcome, unauthenticated };
}

test('a read that failed for a transient reason is tried again, up to three more times', async () => {
  expect(await tries((attempt) => (attempt < 3 ? new ApiError('network', 'offline') : undefined))).toMatchObject({ attempts: 3, outcome: 'answer' });
  expect(await tries(() => new ApiError('server', '503'))).toMatchObject({ attempts: 4, outcome: 'server' });
});

test.each(['rejected', 'forbidden', 'notFound', 'invalidResponse', 'unauthenticated'] as const)('a %s answer is not asked again', async (kind) => {
  expect(await tries(() => new ApiError(kind, kind))).toMatchObject({ attempts: 1, outcome: kind });
});

test('a session the service refused is reported once, to show the sign-in page', async () => {
  const { unauthenticated } = await tries(() => new ApiError('unauthenticated', 'expired'));
  expect(unauthenticated).toHaveBeenCalledTimes(1);
});

test('writes are never retried by the cache', () => {
  const client = createConsoleQueryClient({ onUnauthenticated: () => undefined });
  expect(client.getDefaultOptions().mutations?.retry).toBe(false);
});
