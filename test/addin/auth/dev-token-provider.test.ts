import type { FetchLike } from '../../../src/addin/api/sync-api';
import { SignInError, type SignInErrorCode } from '../../../src/addin/auth/sign-in-error';
import type { SignInState } from '../../../src/addin/auth/sign-in-state';
import { createTokenProvider, type TokenProvider } from '../../../src/addin/auth/token-provider';
import { fakeJwt } from './fake-jwt';

const START = 1_700_000_000_000;
const HOUR = 3_600_000;

type Sent = { url: string; init: RequestInit };
type Answer = Response | Error | Promise<Response>;

/** A fetch answering each request with the next prepared answer, recording what was sent. */
function fakeFetch(...answers: Answer[]): FetchLike & { sent: Sent[] } {
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

const tokenAnswer = (accessToken: string, expiresIn?: number): Response =>
  new Response(JSON.stringify({ accessToken, tokenType: 'Bearer', ...(expiresIn === undefined ? {} : { expiresIn }) }), { status: 200, headers: { 'content-type': 'application/json' } });

const problemAnswer = (status: number, code: string): Response =>
  new Response(JSON.stringify({ type: 'about:blank', status, title: 'Error', detail: `Because ${code}.`, code }), { status, headers: { 'content-type': 'application/problem+json' } });

/** A token valid for `hours` from the fake clock's start. */
const tokenFor = (hours: number, sub = 'user'): string => fakeJwt({ exp: (START + hours * HOUR) / 1000, sub });

function setUp(...answers: Answer[]): { provider: TokenProvider; fetch: ReturnType<typeof fakeFetch>; clock: { now: number }; states: SignInState[] } {
  const fetch = fakeFetch(...answers);
  const clock = { now: START };
  const provider = createTokenProvider({ mode: 'dev', baseUrl: 'http://localhost:3000/', email: 'anna@cronus.example' }, { fetch, now: () => clock.now });
  const states: SignInState[] = [];
  provider.subscribe((state) => states.push(state));
  return { provider, fetch, clock, states };
}

async function rejection(promise: Promise<unknown>): Promise<SignInError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejected: unknown) => rejected,
  );
  if (!(error instanceof SignInError)) throw new Error(`Expected a SignInError, got ${String(error)}`);
  return error;
}

function deferred(): { promise: Promise<Response>; resolve: (response: Response) => void } {
  let resolve: (response: Response) => void = () => undefined;
  const promise = new Promise<Response>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('dev mode token provider', () => {
  test('asks /dev/token for the mailbox user with a JSON POST and returns the access token', async () => {
    const token = tokenFor(8);
    const { provider, fetch, states } = setUp(tokenAnswer(token, 8 * 3600));

    expect(provider.state()).toBe('unknown');
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe(token);

    expect(fetch.sent).toHaveLength(1);
    expect(fetch.sent[0]?.url).toBe('http://localhost:3000/dev/token');
    expect(fetch.sent[0]?.init.method).toBe('POST');
    expect(new Headers(fetch.sent[0]?.init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(fetch.sent[0]?.init.body))).toEqual({ email: 'anna@cronus.example' });
    expect(provider.state()).toBe('signedIn');
    expect(states).toEqual(['signedIn']);
  });

  test('hands out the cached token until shortly before its exp, then fetches a new one', async () => {
    const first = tokenFor(1, 'first');
    const second = tokenFor(2, 'second');
    const { provider, fetch, clock } = setUp(tokenAnswer(first), tokenAnswer(second));

    await provider.getToken({ forceRefresh: false });
    clock.now = START + HOUR - 61_000;
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe(first);
    expect(fetch.sent).toHaveLength(1);

    clock.now = START + HOUR - 59_000;
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe(second);
    expect(fetch.sent).toHaveLength(2);
  });

  test('a stated expiresIn shorter than the exp claim ends the caching earlier', async () => {
    const first = tokenFor(8, 'first');
    const second = tokenFor(8, 'second');
    const { provider, fetch, clock } = setUp(tokenAnswer(first, 600), tokenAnswer(second, 600));

    await provider.getToken({ forceRefresh: false });
    clock.now = START + 600_000 - 59_000;
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe(second);
    expect(fetch.sent).toHaveLength(2);
  });

  test('a token with no known expiry is never reused', async () => {
    const { provider, fetch } = setUp(tokenAnswer('opaque-1'), tokenAnswer('opaque-2'));

    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe('opaque-1');
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe('opaque-2');
    expect(fetch.sent).toHaveLength(2);
  });

  test('forceRefresh fetches a new token even though the cached one is still valid', async () => {
    const first = tokenFor(8, 'first');
    const second = tokenFor(8, 'second');
    const { provider, fetch } = setUp(tokenAnswer(first), tokenAnswer(second));

    await provider.getToken({ forceRefresh: false });
    await expect(provider.getToken({ forceRefresh: true })).resolves.toBe(second);
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe(second);
    expect(fetch.sent).toHaveLength(2);
  });

  test('concurrent calls, refreshes included, share one request', async () => {
    const answer = deferred();
    const token = tokenFor(8);
    const { provider, fetch } = setUp(answer.promise);

    const calls = [provider.getToken({ forceRefresh: false }), provider.getToken({ forceRefresh: false }), provider.getToken({ forceRefresh: true })];
    answer.resolve(tokenAnswer(token));

    await expect(Promise.all(calls)).resolves.toEqual([token, token, token]);
    expect(fetch.sent).toHaveLength(1);
  });

  test.each<[string, number, string, SignInErrorCode]>([
    ['401 is a refusal of the user', 401, 'unauthenticated', 'rejected'],
    ['404 (not a demo user) is a refusal of the user', 404, 'not_found', 'rejected'],
    ['503 is a transient server failure', 503, 'unavailable', 'server'],
  ])('%s', async (_title, status, problemCode, code) => {
    const token = tokenFor(8);
    const { provider } = setUp(problemAnswer(status, problemCode), tokenAnswer(token));

    const error = await rejection(provider.getToken({ forceRefresh: false }));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.detail).toBe(problemCode);
    expect(provider.state()).toBe(code === 'rejected' ? 'signedOut' : 'unknown');

    // A failure is not remembered: the next call asks again.
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe(token);
  });

  test('no answer at all is a network failure and leaves the state as it was', async () => {
    const { provider } = setUp(new TypeError('Failed to fetch'));

    const error = await rejection(provider.getToken({ forceRefresh: false }));
    expect(error.code).toBe('network');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(provider.state()).toBe('unknown');
  });

  test.each([
    ['a body that is not JSON', new Response('<html>proxy</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['JSON without an access token', new Response(JSON.stringify({ tokenType: 'Bearer' }), { status: 200 })],
  ])('%s is an invalid response', async (_title, answer) => {
    const { provider } = setUp(answer);
    expect((await rejection(provider.getToken({ forceRefresh: false }))).code).toBe('invalidResponse');
  });

  test('after signOut getToken answers null without asking, until signIn', async () => {
    const first = tokenFor(8, 'first');
    const second = tokenFor(8, 'second');
    const { provider, fetch, states } = setUp(tokenAnswer(first), tokenAnswer(second));

    await provider.getToken({ forceRefresh: false });
    await provider.signOut();
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBeNull();
    await expect(provider.getToken({ forceRefresh: true })).resolves.toBeNull();
    expect(fetch.sent).toHaveLength(1);
    expect(provider.state()).toBe('signedOut');

    await expect(provider.signIn()).resolves.toBe(second);
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe(second);
    expect(fetch.sent).toHaveLength(2);
    expect(states).toEqual(['signedIn', 'signedOut', 'signedIn']);
  });

  test('a request on its way when the user signs out does not sign them back in', async () => {
    const answer = deferred();
    const { provider } = setUp(answer.promise);

    const pending = provider.getToken({ forceRefresh: false });
    await provider.signOut();
    answer.resolve(tokenAnswer(tokenFor(8)));

    await expect(pending).resolves.toBeNull();
    expect(provider.state()).toBe('signedOut');
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBeNull();
  });

  test('an unsubscribed listener hears nothing more', async () => {
    const { provider } = setUp(tokenAnswer(tokenFor(8)));
    const heard: SignInState[] = [];
    const stop = provider.subscribe((state) => heard.push(state));

    stop();
    await provider.getToken({ forceRefresh: false });
    expect(heard).toEqual([]);
    expect(provider.state()).toBe('signedIn');
  });
});

describe('a build made for Nested App Authentication', () => {
  const saved = process.env.RAPPORT_AUTH_MODE;
  afterEach(() => {
    if (saved === undefined) delete process.env.RAPPORT_AUTH_MODE;
    else process.env.RAPPORT_AUTH_MODE = saved;
  });

  // The bundler puts the build's mode in place of the variable; here the environment stands in.
  test('refuses to make a dev sign-in, so its bundles carry none', () => {
    process.env.RAPPORT_AUTH_MODE = 'naa';
    expect(() => createTokenProvider({ mode: 'dev', baseUrl: 'http://localhost:3000/', email: 'anna@cronus.example' })).toThrow('This build signs in with Nested App Authentication only.');
  });
});
