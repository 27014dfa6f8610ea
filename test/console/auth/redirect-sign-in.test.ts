import { createRedirectSignIn, returnPath } from '../../../src/console/auth/redirect-sign-in';
import { account, createFakeMsal, FakeAuthError, FakeInteractionRequiredAuthError, type FakeMsal } from './fake-msal';

const ORIGIN = 'https://rapport.example.com';
const CONFIG = { mode: 'redirect' as const, clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', authority: 'https://login.microsoftonline.com/tenant', scopes: ['api://rapport.example.com/3f2504e0-4f89-41d3-9a0c-0305e82c3301/access_as_user'] };

function redirectSignIn(msal: FakeMsal = createFakeMsal()) {
  let loads = 0;
  const auth = createRedirectSignIn(CONFIG, {
    origin: ORIGIN,
    loadMsal: async () => {
      loads += 1;
      return msal;
    },
  });
  return { auth, msal, loads: () => loads };
}

test('msal is loaded once, with the add-in’s registration and the console’s own redirect URI', async () => {
  const { auth, msal, loads } = redirectSignIn();
  await auth.start();
  await auth.getToken({ forceRefresh: false });
  expect(loads()).toBe(1);
  expect(msal.constructed).toEqual([
    {
      auth: { clientId: CONFIG.clientId, authority: CONFIG.authority, redirectUri: `${ORIGIN}/console/`, postLogoutRedirectUri: `${ORIGIN}/console/` },
      cache: { cacheLocation: 'localStorage' },
    },
  ]);
  expect(msal.calls[0]).toEqual(['initialize', undefined]);
});

test('a first visit without an account is signed out; signing in redirects with the page to come back to', async () => {
  const { auth, msal } = redirectSignIn();
  expect(await auth.start()).toEqual({ state: 'signedOut', returnTo: null });
  await auth.signIn('/console/setup/marketing');
  expect(msal.calls.at(-1)).toEqual(['loginRedirect', { scopes: CONFIG.scopes, redirectUri: `${ORIGIN}/console/`, state: '/console/setup/marketing' }]);
});

test('a sign-in coming back from Entra ID signs the user in and goes back to the page it began on', async () => {
  const msal = createFakeMsal();
  const astrid = account('astrid@nordlys.example');
  msal.accounts = [astrid];
  msal.redirectResult = { accessToken: 'first', account: astrid, state: '/console/setup/marketing' };
  const { auth } = redirectSignIn(msal);
  expect(await auth.start()).toEqual({ state: 'signedIn', returnTo: '/console/setup/marketing' });
  expect(msal.calls).toContainEqual(['handleRedirectPromise', { navigateToLoginRequestUrl: false }]);
});

test('an account remembered from an earlier visit is signed in without a redirect, and tokens renew silently', async () => {
  const msal = createFakeMsal();
  msal.accounts = [account('astrid@nordlys.example')];
  const { auth } = redirectSignIn(msal);
  expect(await auth.start()).toEqual({ state: 'signedIn', returnTo: null });
  await expect(auth.getToken({ forceRefresh: true })).resolves.toBe('silent-token');
  expect(msal.calls.at(-1)).toEqual(['acquireTokenSilent', { scopes: CONFIG.scopes, account: msal.accounts[0], forceRefresh: true }]);
});

test('when Entra ID wants the user back, no token is given and the session has ended; a network failure is an error to retry', async () => {
  const msal = createFakeMsal();
  msal.accounts = [account('astrid@nordlys.example')];
  const { auth } = redirectSignIn(msal);
  await auth.start();
  msal.silent = async () => {
    throw new FakeAuthError('no_network_connectivity');
  };
  await expect(auth.getToken({ forceRefresh: false })).rejects.toMatchObject({ code: 'network' });
  expect(auth.state()).toBe('signedIn');
  msal.silent = async () => {
    throw new FakeInteractionRequiredAuthError('interaction_required');
  };
  await expect(auth.getToken({ forceRefresh: false })).resolves.toBeNull();
  expect(auth.state()).toBe('expired');
});

test('a sign-in that fails on its way back leaves the user signed out, with the failure to show', async () => {
  const msal = createFakeMsal();
  const { auth } = redirectSignIn(msal);
  msal.redirectResult = null;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  (msal.PublicClientApplication.prototype as { handleRedirectPromise(): Promise<never> }).handleRedirectPromise = async () => {
    throw new FakeAuthError('access_denied');
  };
  const start = await auth.start();
  expect(start).toMatchObject({ state: 'signedOut', returnTo: null, failure: { code: 'failed' } });
});

test('signing out signs out of Entra ID and comes back to the console', async () => {
  const msal = createFakeMsal();
  msal.accounts = [account('astrid@nordlys.example')];
  const { auth } = redirectSignIn(msal);
  await auth.start();
  await auth.signOut();
  expect(auth.state()).toBe('signedOut');
  expect(msal.calls.at(-1)).toEqual(['logoutRedirect', { postLogoutRedirectUri: `${ORIGIN}/console/`, account: msal.accounts[0] }]);
});

describe('returnPath: only a console page of this origin is gone back to', () => {
  test.each([
    ['/console/setup/marketing', '/console/setup/marketing'],
    ['/console/setup/marketing?x=1#top', '/console/setup/marketing?x=1#top'],
    ['/console', '/console'],
    [`${ORIGIN}/console/`, '/console/'],
    ['https://evil.example/console/', null],
    ['//evil.example/console/', null],
    ['/addin/taskpane.html', null],
    ['/consolex/', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (state, expected) => {
    expect(returnPath(state, ORIGIN)).toBe(expected);
  });
});
