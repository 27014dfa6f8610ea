import { z } from 'zod';
import { ApiError, isTransient } from '../../../src/console/api/api-error';
import { createConsoleApi, type FetchLike, fileNameOf } from '../../../src/console/api/console-api';

type Answer = { status: number; body?: string; type?: string; disposition?: string } | Error;

/** A fetch that answers from a script and records the tokens it was sent. */
function scripted(answers: Answer[]) {
  const seen: { url: string; method: string; authorization: string | undefined; contentType: string | undefined; body: unknown }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = init.headers as Record<string, string>;
    const body = init.body === undefined ? undefined : typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body;
    seen.push({ url, method: init.method ?? 'GET', authorization: headers.authorization, contentType: headers['content-type'], body });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('the script has no more answers');
    if (answer instanceof Error) throw answer;
    const text = answer.body ?? '';
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      headers: { get: (name: string) => (name === 'content-type' ? (answer.type ?? 'application/json') : name === 'content-disposition' ? (answer.disposition ?? null) : null) },
      text: async () => text,
      blob: async () => new Blob([text], { type: answer.type ?? 'application/json' }),
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
  expect(seen).toEqual([{ url: 'https://rapport.example.com/api/v1/setup/number-series/CONT', method: 'GET', authorization: 'Bearer t1', contentType: undefined, body: undefined }]);
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

test('an upload sends the file as it is, with its own content type, and a renewed token sends it again', async () => {
  const { api, seen } = client([problem(401, 'unauthenticated'), { status: 201, body: '{"name":"import"}' }]);
  const file = new Blob(['name;city\nFabrikam;Seattle\n'], { type: 'text/csv' });
  await expect(api.upload('/contacts/import?mapping=%7B%7D', file, 'text/csv', thing)).resolves.toEqual({ name: 'import' });
  expect(seen.map((request) => [request.method, request.url, request.authorization, request.contentType, request.body])).toEqual([
    ['POST', 'https://rapport.example.com/api/v1/contacts/import?mapping=%7B%7D', 'Bearer t1', 'text/csv', file],
    ['POST', 'https://rapport.example.com/api/v1/contacts/import?mapping=%7B%7D', 'Bearer t2', 'text/csv', file],
  ]);
});

test('a download gives the bytes as they came and the name the service gave the file', async () => {
  const csv = '\uFEFFno,name\r\nCT000001,Fabrikam\r\n';
  const { api, seen } = client([{ status: 200, body: csv, type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="contacts.csv"' }]);
  const file = await api.download('/contacts/export?city=Seattle');
  expect(file.fileName).toBe('contacts.csv');
  // The byte order mark stays (spreadsheets read the file as UTF-8 by it); decoding as text would drop it.
  expect(Buffer.from(await file.blob.arrayBuffer()).toString('utf8')).toBe(csv);
  expect(seen[0]).toMatchObject({ method: 'GET', url: 'https://rapport.example.com/api/v1/contacts/export?city=Seattle', authorization: 'Bearer t1' });
});

test('a download the service refuses is an ApiError like any other', async () => {
  const { api } = client([problem(403, 'forbidden', { details: { requiredRole: 'Rapport.Manager' } })]);
  await expect(api.download('/contacts/export')).rejects.toMatchObject({ kind: 'forbidden', requiredRole: 'Rapport.Manager' });
});

test.each([
  ['attachment; filename="refused-rows.csv"', 'refused-rows.csv'],
  ['attachment; filename=contacts.csv', 'contacts.csv'],
  ['attachment', null],
  [null, null],
])('the file name of %s is %s', (disposition, name) => {
  expect(fileNameOf(disposition)).toBe(name);
});

test('a 204 answers nothing, and the schema says so', async () => {
  const { api, seen } = client([{ status: 204 }]);
  await expect(api.send('DELETE', '/contacts/imports/1', undefined, z.undefined())).resolves.toBeUndefined();
  expect(seen[0]).toMatchObject({ method: 'DELETE', contentType: undefined, body: undefined });
});
