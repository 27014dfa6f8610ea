import { z } from 'zod';
import { ApiError, isTransient } from '../../../src/console/api/api-error';
import { createConsoleApi, type FetchLike } from '../../../src/console/api/console-api';

type Answer = { status: number; body?: string; type?: string } | Error;

/** A fetch that answers from a script and records the tokens it was sent. */
function scripted(answers: Answer[]) {
  const seen: { url: string; method: string; authorization: string | undefined; body: unknown }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = init.headers as Record<string, string>;
    seen.push({ url, method: init.method ?? 'GET', authorization: headers.authorization, body: init.body === undefined ? undefined : JSON.parse(init.body as string) });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('the script has no more answers');
    if (answer instanceof Error) throw answer;
    const text = answer.body ?? '';
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: { get: (name: string) => (name === 'content-type' ? (answer.type ?? 'application/json') : null) },
      text: async () => text,
    } as unknown as Response;
  };
  return { fetch, seen };
}

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  status,
  type: 'application/problem+json',
  body: JSON.stringify({ type: `https://rapport.example/problems/${code}`, status, title: 'Error', detail: `It failed: ${code}.`, code, ...extra }),
});

const thing = z.object({ name: z.string() });

function client(answers: Answer[], tokens: (string | null)[] = ['t1', 't2']) {
  const script = scripted(answers);
  const asked: boolean[] = [];
  const api = createConsoleApi({
    baseUrl: 'https://rapport.example.com/',
    fetch: script.fetch,
    getToken: async ({ forceRefresh }) => {
      asked.push(forceRefresh);
      return tokens.shift() ?? null;
    },
  });
  return { api, seen: script.seen, asked };
}

test('sends a bearer token to /api/v1 and checks the answer against the schema', async () => {
  const { api, seen } = client([{ status: 200, body: '{"name":"CONT"}' }]);
  await expect(api.get('/setup/number-series/CONT', thing)).resolves.toEqual({ name: 'CONT' });
  expect(seen).toEqual([{ url: 'https://rapport.example.com/api/v1/setup/number-series/CONT', method: 'GET', authorization: 'Bearer t1', body: undefined }]);
});

test('sends a write’s body as JSON', async () => {
  const { api, seen } = client([{ status: 200, body: '{"name":"X"}' }]);
  await api.send('PATCH', '/things/1', { name: 'X' }, thing);
  expect(seen[0]).toMatchObject({ method: 'PATCH', body: { name: 'X' } });
});

test('a 204 answer (a delete) has no body to read: its answer is undefined', async () => {
  const { api, seen } = client([{ status: 204, body: '', type: 'text/plain' }, { status: 200, body: '' }]);
  await expect(api.send('DELETE', '/setup/interaction-templates/BUS/languages/SVE', undefined, z.undefined())).resolves.toBeUndefined();
  expect(seen[0]).toMatchObject({ method: 'DELETE', body: undefined });
  // Any other success without a body is still not what the contract describes.
  await expect(api.send('DELETE', '/things/1', undefined, z.undefined())).rejects.toMatchObject({ kind: 'invalidResponse' });
});

test('a refused token is renewed once; a second refusal means signing in again', async () => {
  const renewed = client([problem(401, 'unauthenticated'), { status: 200, body: '{"name":"A"}' }]);
  await expect(renewed.api.get('/x', thing)).resolves.toEqual({ name: 'A' });
  expect(renewed.asked).toEqual([false, true]);
  expect(renewed.seen.map((request) => request.authorization)).toEqual(['Bearer t1', 'Bearer t2']);

  const refused = client([problem(401, 'unauthenticated'), problem(401, 'unauthenticated')]);
  await expect(refused.api.get('/x', thing)).rejects.toMatchObject({ kind: 'unauthenticated', status: 401 });
});

test('without a token nothing is sent', async () => {
  const { api, seen } = client([], [null]);
  await expect(api.get('/x', thing)).rejects.toMatchObject({ kind: 'unauthenticated', status: null });
  expect(seen).toEqual([]);
});

test.each<[string, Answer, Partial<ApiError>, boolean]>([
  ['no answer', new TypeError('Failed to fetch'), { kind: 'network', status: null }, true],
  ['a 503', problem(503, 'unavailable'), { kind: 'server', status: 503 }, true],
  ['a 429', problem(429, 'too_many_requests'), { kind: 'server', status: 429 }, true],
  ['a proxy’s HTML page', { status: 502, body: '<html>Bad gateway</html>', type: 'text/html' }, { kind: 'server', status: 502, code: null }, true],
  ['a 403 with the role needed', problem(403, 'forbidden', { details: { requiredRole: 'Rapport.Admin' } }), { kind: 'forbidden', requiredRole: 'Rapport.Admin' }, false],
  ['a 404', problem(404, 'not_found'), { kind: 'notFound', code: 'not_found' }, false],
  [
    'a 400 naming fields',
    problem(400, 'validation_failed', { fields: [{ path: 'contactNos', message: 'There is no number series NOPE.' }] }),
    { kind: 'rejected', code: 'validation_failed', fields: [{ path: 'contactNos', message: 'There is no number series NOPE.' }], message: 'It failed: validation_failed.' },
    false,
  ],
  ['a 200 the contract does not describe', { status: 200, body: '{"nom":"A"}' }, { kind: 'invalidResponse', status: 200 }, false],
  ['a 200 that is not JSON', { status: 200, body: 'OK' }, { kind: 'invalidResponse', status: 200 }, false],
])('%s is an ApiError the console can act on', async (_case, answer, expected, transient) => {
  const { api } = client([answer]);
  const error = await api.get('/x', thing).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject(expected);
  expect(isTransient(error)).toBe(transient);
});
