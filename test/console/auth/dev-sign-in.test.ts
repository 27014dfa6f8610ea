import { createDevSignIn, DEV_USER_KEY } from '../../../src/console/auth/dev-sign-in';
import { SignInError } from '../../../src/console/auth/sign-in-error';
import { memoryStorage } from '../console-harness';
import { ADMIN, createFakeService, problem, SALESPERSON } from '../fake-service';

function devSignIn(options: { remembered?: string; now?: () => number } = {}) {
  const service = createFakeService();
  const storage = memoryStorage(options.remembered === undefined ? {} : { [DEV_USER_KEY]: options.remembered });
  const auth = createDevSignIn({ baseUrl: 'http://rapport.test/', fetch: service.fetch, storage, now: options.now ?? (() => 0) });
  return { auth, service, storage };
}

test('lists the service’s demo users with their roles', async () => {
  const { auth } = devSignIn();
  expect((await auth.listUsers()).map((user) => [user.email, user.roles])).toEqual([
    [ADMIN.email, ['Rapport.Admin', 'Rapport.Manager']],
    [SALESPERSON.email, []],
    ['maria.holm@nordlys.example', ['Rapport.Manager']],
  ]);
});

test('signing in as a demo user asks the service for their token and remembers the user, not the token', async () => {
  const { auth, service, storage } = devSignIn();
  const states: string[] = [];
  auth.subscribe((state) => states.push(state));
  expect((await auth.start()).state).toBe('signedOut');
  await auth.signInAs(ADMIN.email);
  expect(service.requests.map((request) => [request.method, request.path, request.body])).toEqual([['POST', '/dev/token', { email: ADMIN.email }]]);
  expect(storage.getItem(DEV_USER_KEY)).toBe(ADMIN.email);
  expect(JSON.stringify([...Array(storage.length).keys()].map((index) => storage.getItem(storage.key(index) ?? '')))).not.toContain('token-for');
  expect(states).toEqual(['signedIn']);
  // The token fetched for the sign-in is used until shortly before it expires.
  await expect(auth.getToken({ forceRefresh: false })).resolves.toBe(`token-for:${ADMIN.email}`);
  expect(service.requests).toHaveLength(1);
});

test('a reload keeps the user signed in; the token is fetched again when first needed', async () => {
  const { auth, service } = devSignIn({ remembered: SALESPERSON.email });
  expect(await auth.start()).toEqual({ state: 'signedIn', returnTo: null });
  expect(service.requests).toEqual([]);
  await expect(auth.getToken({ forceRefresh: false })).resolves.toBe(`token-for:${SALESPERSON.email}`);
});

test('a token near its expiry, or one the service refused, is fetched anew', async () => {
  let now = 0;
  const { auth, service } = devSignIn({ remembered: ADMIN.email, now: () => now });
  await auth.getToken({ forceRefresh: false });
  await auth.getToken({ forceRefresh: true });
  expect(service.requests).toHaveLength(2);
  now = 8 * 60 * 60 * 1000 - 30_000;
  await auth.getToken({ forceRefresh: false });
  expect(service.requests).toHaveLength(3);
});

test('a user the service no longer knows ends the session; the picker shows again', async () => {
  const { auth, storage } = devSignIn({ remembered: 'gone@nordlys.example' });
  await expect(auth.getToken({ forceRefresh: false })).resolves.toBeNull();
  expect(auth.state()).toBe('expired');
  expect(storage.getItem(DEV_USER_KEY)).toBeNull();
});

test('signing in as an unknown user is refused and leaves nobody signed in', async () => {
  const { auth, storage } = devSignIn();
  await expect(auth.signInAs('nobody@example.com')).rejects.toMatchObject({ code: 'rejected' });
  expect(storage.getItem(DEV_USER_KEY)).toBeNull();
  expect(auth.state()).toBe('signedOut');
});

test('a service that cannot be reached is a network failure, and the session stays', async () => {
  const { auth, service } = devSignIn({ remembered: ADMIN.email });
  service.override(() => {
    throw new TypeError('Failed to fetch');
  });
  const error = await auth.getToken({ forceRefresh: false }).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(SignInError);
  expect(error).toMatchObject({ code: 'network' });
  expect(auth.state()).toBe('signedIn');
  service.override(() => problem(500, 'internal_error', 'Down.'));
  await expect(auth.getToken({ forceRefresh: false })).rejects.toMatchObject({ code: 'failed' });
});

test('signing out forgets the user and the token; expiring does too, saying so', async () => {
  const { auth, storage, service } = devSignIn({ remembered: ADMIN.email });
  await auth.getToken({ forceRefresh: false });
  await auth.signOut();
  expect(auth.state()).toBe('signedOut');
  expect(storage.getItem(DEV_USER_KEY)).toBeNull();
  await expect(auth.getToken({ forceRefresh: false })).resolves.toBeNull();
  await auth.signInAs(ADMIN.email);
  auth.expire();
  expect(auth.state()).toBe('expired');
  await expect(auth.getToken({ forceRefresh: false })).resolves.toBeNull();
  expect(service.requests.filter((request) => request.path === '/dev/token')).toHaveLength(2);
});
