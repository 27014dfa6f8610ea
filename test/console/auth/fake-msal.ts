import type { AccountInfo } from '@azure/msal-browser';
import type { RedirectClientLike, RedirectMsalLike, RedirectResultLike } from '../../../src/console/auth/redirect-sign-in';

/** msal-browser's error classes as the console tells them apart: by class and `errorCode`. */
export class FakeAuthError extends Error {
  constructor(readonly errorCode: string) {
    super(errorCode);
  }
}
export class FakeInteractionRequiredAuthError extends FakeAuthError {}

export const account = (username: string): AccountInfo => ({ homeAccountId: `${username}-home`, environment: 'login.microsoftonline.com', tenantId: 'tenant', username, localAccountId: username }) as AccountInfo;

export type FakeMsal = RedirectMsalLike & {
  /** Every call the console made of the client, with its argument. */
  calls: [string, unknown][];
  /** The accounts in msal's cache. */
  accounts: AccountInfo[];
  /** What handleRedirectPromise answers: a sign-in coming back, or null for an ordinary visit. */
  redirectResult: RedirectResultLike | null;
  /** What acquireTokenSilent does next. */
  silent: () => Promise<RedirectResultLike>;
  constructed: unknown[];
};

/** A stand-in for the slice of msal-browser the console uses. */
export function createFakeMsal(): FakeMsal {
  let active: AccountInfo | null = null;
  const fake: FakeMsal = {
    calls: [],
    accounts: [],
    redirectResult: null,
    constructed: [],
    silent: async () => ({ accessToken: 'silent-token', account: fake.accounts[0] ?? null }),
    AuthError: FakeAuthError,
    InteractionRequiredAuthError: FakeInteractionRequiredAuthError,
    BrowserAuthErrorCodes: { noNetworkConnectivity: 'no_network_connectivity' },
    PublicClientApplication: class implements RedirectClientLike {
      constructor(configuration: unknown) {
        fake.constructed.push(configuration);
      }
      async initialize() {
        fake.calls.push(['initialize', undefined]);
      }
      async handleRedirectPromise(options?: unknown) {
        fake.calls.push(['handleRedirectPromise', options]);
        return fake.redirectResult;
      }
      async loginRedirect(request: unknown) {
        fake.calls.push(['loginRedirect', request]);
      }
      async acquireTokenSilent(request: unknown) {
        fake.calls.push(['acquireTokenSilent', request]);
        return fake.silent();
      }
      getActiveAccount() {
        return active;
      }
      getAllAccounts() {
        return fake.accounts;
      }
      setActiveAccount(value: AccountInfo | null) {
        active = value;
      }
      async logoutRedirect(request: unknown) {
        fake.calls.push(['logoutRedirect', request]);
      }
    },
  };
  return fake;
}
