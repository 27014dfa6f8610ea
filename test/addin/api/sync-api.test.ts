import { errorKindForStatus } from '../../../src/addin/api/error-kind-for-status';
import { createSyncApi, type FetchLike, type GetToken } from '../../../src/addin/api/sync-api';
import { SyncApiError, type SyncApiErrorKind } from '../../../src/addin/api/sync-api-error';
import { SYNC_SCHEMA_VERSION, type PullRequest, type PullResponse, type PushRequest, type PushResponse } from '../../../src/contract/sync';

type Sent = { url: string; init: RequestInit };

const pullRequest: PullRequest = { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: 'group-0001', cursor: 'v7', limit: 2000 };
const pushRequest: PushRequest = {
  schemaVersion: SYNC_SCHEMA_VERSION,
  clientGroupId: 'group-0001',
  clientId: 'client-0001',
  mutations: [{ id: 1, name: 'updateContact', args: { no: 'CT000001', patch: { jobTitle: 'Buyer' } } }],
};
const pullResponse: PullResponse = {
  schemaVersion: SYNC_SCHEMA_VERSION,
  reset: false,
  ops: [{ op: 'put', collection: 'campaignStatus', key: 'PLANNED', value: { code: 'PLANNED', description: 'Planned' } }, { op: 'del', collection: 'contact', key: 'CT000009' }],
  cursor: 'v9',
  hasMore: false,
  lastMutationIds: { 'client-0001': 3 },
};
const pushResponse: PushResponse = { schemaVersion: SYNC_SCHEMA_VERSION, lastMutationId: 1, results: [{ id: 1, status: 'applied', duplicate: false }] };

const jsonResponse = (body: unknown, status = 200, contentType = 'application/json'): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } });

const problemResponse = (status: number, code: string): Response =>
  jsonResponse({ type: `https://rapport.example/problems/${code}`, status, title: 'Error', detail: `Because ${code}.`, code }, status, 'application/problem+json');

/** A fetch that answers each request with the next of `answers` and records what was sent. */
function fakeFetch(...answers: (Response | Error)[]): FetchLike & { sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    sent.push({ url, init });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('No answer prepared.');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return Object.assign(fetch, { sent });
}

const tokens = (...values: (string | null)[]): GetToken & { calls: { forceRefresh: boolean }[] } => {
  const calls: { forceRefresh: boolean }[] = [];
  const getToken: GetToken = async (options) => {
    calls.push(options);
    return values.length > 1 ? (values.shift() ?? null) : (values[0] ?? null);
  };
  return Object.assign(getToken, { calls });
};

async function failure(promise: Promise<unknown>): Promise<SyncApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejected: unknown) => rejected,
  );
  if (!(error instanceof SyncApiError)) throw new Error(`Expected a SyncApiError, got ${String(error)}`);
  return error;
}

describe('createSyncApi', () => {
  test('posts the pull request as JSON with the bearer token and returns the checked answer', async () => {
    const fetch = fakeFetch(jsonResponse(pullResponse));
    const api = createSyncApi({ baseUrl: 'https://rapport.test/', fetch, getToken: tokens('token-1') });

    await expect(api.pull(pullRequest)).resolves.toEqual(pullResponse);

    expect(fetch.sent).toHaveLength(1);
    const [{ url, init }] = fetch.sent as [Sent];
    expect(url).toBe('https://rapport.test/api/v1/sync/pull');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer token-1');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual(pullRequest);
  });

  test('posts the push request to the push endpoint and passes the abort signal on', async () => {
    const fetch = fakeFetch(jsonResponse(pushResponse));
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch, getToken: tokens('token-1') });
    const controller = new AbortController();

    await expect(api.push(pushRequest, controller.signal)).resolves.toEqual(pushResponse);

    expect(fetch.sent[0]?.url).toBe('https://rapport.test/api/v1/sync/push');
    expect(fetch.sent[0]?.init.signal).toBe(controller.signal);
    expect(JSON.parse(String(fetch.sent[0]?.init.body))).toEqual(pushRequest);
  });

  test.each<[string, number, string, SyncApiErrorKind]>([
    ['a refused token, after one renewal, is unauthenticated', 401, 'unauthenticated', 'unauthenticated'],
    ['a schema mismatch is schema', 409, 'sync_schema_mismatch', 'schema'],
    ['another conflict is rejected', 409, 'sync_client_conflict', 'rejected'],
    ['a validation failure is rejected', 400, 'validation_failed', 'rejected'],
    ['a forbidden outbox is rejected', 403, 'forbidden', 'rejected'],
    ['a body too large is rejected', 413, 'payload_too_large', 'rejected'],
    ['a request timeout is a server failure', 408, 'request_timeout', 'server'],
    ['too many requests is a server failure', 429, 'rate_limited', 'server'],
    ['an internal error is a server failure', 500, 'internal_error', 'server'],
    ['an unavailable service is a server failure', 503, 'service_unavailable', 'server'],
  ])('%s', async (_case, status, code, kind) => {
    const answer = (): Response => problemResponse(status, code);
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(answer(), answer()), getToken: tokens('token-1') });

    const error = await failure(api.push(pushRequest));

    expect(error).toMatchObject({ kind, status, code });
  });

  test('classifies a gateway’s HTML error page by its status alone', async () => {
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(jsonResponse('<h1>Bad gateway</h1>', 502, 'text/html')), getToken: tokens('token-1') });

    await expect(failure(api.pull(pullRequest))).resolves.toMatchObject({ kind: 'server', status: 502, code: null });
  });

  test('renews the token once after a 401 and succeeds with the new one', async () => {
    const fetch = fakeFetch(problemResponse(401, 'unauthenticated'), jsonResponse(pullResponse));
    const getToken = tokens('stale', 'fresh');
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch, getToken });

    await expect(api.pull(pullRequest)).resolves.toEqual(pullResponse);

    expect(getToken.calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(fetch.sent.map((sent) => new Headers(sent.init.headers).get('authorization'))).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  test.each<[string, GetToken]>([
    ['no user is signed in', async () => null],
    ['the sign-in module fails', () => Promise.reject(new Error('interaction_required'))],
  ])('is unauthenticated without calling the service when %s', async (_case, getToken) => {
    const fetch = fakeFetch();
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch, getToken });

    await expect(failure(api.pull(pullRequest))).resolves.toMatchObject({ kind: 'unauthenticated', status: null });
    expect(fetch.sent).toEqual([]);
  });

  test('reports a failed connection as a network failure with its cause', async () => {
    const cause = new TypeError('fetch failed');
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(cause), getToken: tokens('token-1') });

    const error = await failure(api.pull(pullRequest));

    expect(error).toMatchObject({ kind: 'network', status: null, code: null });
    expect(error.cause).toBe(cause);
  });

  test.each<[string, Response]>([
    ['a body that is not JSON', jsonResponse('<html>Sign in to the Wi-Fi</html>', 200, 'text/html')],
    ['a page without its cursor', jsonResponse({ ...pullResponse, cursor: undefined })],
    ['an operation on an unknown collection', jsonResponse({ ...pullResponse, ops: [{ op: 'del', collection: 'invoice', key: '1' }] })],
    ['a put whose record lacks fields', jsonResponse({ ...pullResponse, ops: [{ op: 'put', collection: 'campaignStatus', key: 'X', value: { code: 'X' } }] })],
    ['hasMore as a string', jsonResponse({ ...pullResponse, hasMore: 'no' })],
  ])('rejects %s as an invalid response', async (_case, answer) => {
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(answer), getToken: tokens('token-1') });

    await expect(failure(api.pull(pullRequest))).resolves.toMatchObject({ kind: 'invalidResponse', status: 200 });
  });

  test('rejects a push answer without results as an invalid response', async () => {
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(jsonResponse({ schemaVersion: SYNC_SCHEMA_VERSION, lastMutationId: 1 })), getToken: tokens('token-1') });

    await expect(failure(api.push(pushRequest))).resolves.toMatchObject({ kind: 'invalidResponse' });
  });

  describe('a large page', () => {
    const statusOp = (index: number) => ({ op: 'put', collection: 'campaignStatus', key: `S${index}`, value: { code: `S${index}`, description: `Status ${index}` } });
    const largePage = (ops: unknown[]) => jsonResponse({ ...pullResponse, ops });

    test('is checked a slice of 250 ops at a time, the pane getting a turn between slices', async () => {
      const turns: number[] = [];
      const ops = Array.from({ length: 600 }, (_, index) => statusOp(index));
      const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(largePage(ops)), getToken: tokens('token-1'), yieldToPane: async () => void turns.push(turns.length) });

      const page = await api.pull(pullRequest);
      expect(page.ops).toEqual(ops);
      expect(turns).toHaveLength(2);
    });

    test('with a bad op in a later slice is refused as an invalid response', async () => {
      const ops = [...Array.from({ length: 300 }, (_, index) => statusOp(index)), { op: 'put', collection: 'campaignStatus', key: 'BAD', value: { code: 7 } }];
      const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(largePage(ops)), getToken: tokens('token-1'), yieldToPane: async () => undefined });

      await expect(failure(api.pull(pullRequest))).resolves.toMatchObject({ kind: 'invalidResponse' });
    });

    test('stops being checked when the pull is called off between slices', async () => {
      const controller = new AbortController();
      const ops = Array.from({ length: 600 }, (_, index) => statusOp(index));
      const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(largePage(ops)), getToken: tokens('token-1'), yieldToPane: async () => controller.abort() });

      await expect(failure(api.pull(pullRequest, controller.signal))).resolves.toMatchObject({ kind: 'network' });
    });
  });

  test('treats an answer in another schema version as a schema mismatch', async () => {
    const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: fakeFetch(jsonResponse({ ...pullResponse, schemaVersion: SYNC_SCHEMA_VERSION + 1 })), getToken: tokens('token-1') });

    await expect(failure(api.pull(pullRequest))).resolves.toMatchObject({ kind: 'schema' });
  });
});

describe('errorKindForStatus', () => {
  test.each<[string, number, string | null, SyncApiErrorKind]>([
    ['401 is unauthenticated', 401, 'unauthenticated', 'unauthenticated'],
    ['401 without a problem body is unauthenticated', 401, null, 'unauthenticated'],
    ['the schema mismatch code is schema on 409', 409, 'sync_schema_mismatch', 'schema'],
    ['the schema mismatch code is schema whatever the status', 400, 'sync_schema_mismatch', 'schema'],
    ['409 with another code is rejected', 409, 'conflict', 'rejected'],
    ['404 is rejected', 404, 'not_found', 'rejected'],
    ['422 is rejected', 422, 'validation_failed', 'rejected'],
    ['408 is a server failure', 408, null, 'server'],
    ['429 is a server failure', 429, null, 'server'],
    ['500 is a server failure', 500, 'internal_error', 'server'],
    ['504 without a problem body is a server failure', 504, null, 'server'],
  ])('%s', (_case, status, code, kind) => {
    expect(errorKindForStatus(status, code)).toBe(kind);
  });
});
