import type { AccountInfo, Configuration, EndSessionRequest, HandleRedirectPromiseOptions, RedirectRequest, SilentRequest } from '@azure/msal-browser';
import type { ConsoleAuthConfig } from './auth-config';
import { createSessionCell, type AuthStart, type ConsoleAuth } from './console-auth';
import { SignInError } from './sign-in-error';

/** What the console reads of a token answer; msal's `AuthenticationResult` has this and more. */
export type RedirectResultLike = { accessToken: string; account: AccountInfo | null; state?: string };

/** The slice of msal's `PublicClientApplication` the console uses. */
export type RedirectClientLike = {
  initialize(): Promise<void>;
  handleRedirectPromise(options?: HandleRedirectPromiseOptions): Promise<RedirectResultLike | null>;
  loginRedirect(request: RedirectRequest): Promise<void>;
  acquireTokenSilent(request: SilentRequest): Promise<RedirectResultLike>;
  getActiveAccount(): AccountInfo | null;
  getAllAccounts(): AccountInfo[];
  setActiveAccount(account: AccountInfo | null): void;
  logoutRedirect(request?: EndSessionRequest): Promise<void>;
};

type ErrorClass = abstract new (...args: never[]) => Error & { errorCode: string };

/**
 * The slice of the `@azure/msal-browser` module the console uses, so tests can hand in a fake and
 * the real module is a chunk of its own, loaded only by a production build's sign-in. Errors are
 * told apart by class and `errorCode`, never by message text.
 */
export type RedirectMsalLike = {
  PublicClientApplication: new (configuration: Configuration) => RedirectClientLike;
  AuthError: ErrorClass;
  InteractionRequiredAuthError: ErrorClass;
  BrowserAuthErrorCodes: { readonly noNetworkConnectivity: string };
};

export type RedirectSignInDeps = {
  loadMsal: () => Promise<RedirectMsalLike>;
  /** The console page's origin, e.g. `https://rapport.example.com`. */
  origin: string;
};

/** The console's redirect URI: its own start page, registered as a single-page application in Entra ID (docs/deployment.md). */
export const consoleRedirectUri = (origin: string): string => `${origin}/console/`;

/** `state` of a finished sign-in as a console path to go back to, or null when it is not one (an open redirect otherwise). */
export function returnPath(state: string | undefined, origin: string): string | null {
  if (state === undefined || state === '') return null;
  try {
    const url = new URL(state, origin);
    const inConsole = url.pathname === '/console' || url.pathname.startsWith('/console/');
    return url.origin === origin && inConsole ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/**
 * Production sign-in: Microsoft Entra ID through msal-browser's `PublicClientApplication` with the
 * redirect flow, on the add-in's app registration. `start` finishes a sign-in that comes back from
 * Entra ID (and says which console page it began on) or finds the remembered account; `getToken`
 * renews silently (msal's refresh token, or its hidden frame) and answers null once Entra ID wants
 * the user back, which shows the sign-in page again. Tokens stay in msal's cache (localStorage, so
 * every tab of the console shares one sign-in).
 */
export function createRedirectSignIn(config: Extract<ConsoleAuthConfig, { mode: 'redirect' }>, deps: RedirectSignInDeps): Extract<ConsoleAuth, { method: 'redirect' }> {
  const redirectUri = consoleRedirectUri(deps.origin);
  const session = createSessionCell('signedOut');
  let client: Promise<{ msal: RedirectMsalLike; pca: RedirectClientLike }> | null = null;

  function load() {
    client ??= (async () => {
      let msal: RedirectMsalLike;
      try {
        msal = await deps.loadMsal();
      } catch (cause) {
        throw new SignInError('network', 'The sign-in library could not be loaded.', { cause });
      }
      const pca = new msal.PublicClientApplication({
        auth: { clientId: config.clientId, redirectUri, postLogoutRedirectUri: redirectUri, ...(config.authority === undefined ? {} : { authority: config.authority }) },
        cache: { cacheLocation: 'localStorage' },
      });
      await pca.initialize();
      return { msal, pca };
    })();
    const loading = client;
    loading.catch(() => {
      if (client === loading) client = null;
    });
    return loading;
  }

  const accountOf = (pca: RedirectClientLike): AccountInfo | null => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;

  return {
    method: 'redirect',
    async start(): Promise<AuthStart> {
      try {
        const { pca } = await load();
        // The console goes back to the page the sign-in began on itself (`returnTo`), without a second page load.
        const result = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
        if (result?.account) pca.setActiveAccount(result.account);
        const account = accountOf(pca);
        if (account !== null) pca.setActiveAccount(account);
        session.set(account === null ? 'signedOut' : 'signedIn');
        return { state: session.get(), returnTo: returnPath(result?.state, deps.origin) };
      } catch (error) {
        console.error('Rapport: sign-in could not finish', error);
        session.set('signedOut');
        return { state: 'signedOut', returnTo: null, failure: error instanceof SignInError ? error : new SignInError('failed', 'Sign-in could not finish.', { cause: error }) };
      }
    },
    async signIn(returnTo) {
      const { msal, pca } = await load();
      try {
        await pca.loginRedirect({ scopes: config.scopes, redirectUri, state: returnTo });
      } catch (cause) {
        const network = cause instanceof msal.AuthError && cause.errorCode === msal.BrowserAuthErrorCodes.noNetworkConnectivity;
        throw new SignInError(network ? 'network' : 'failed', 'Sign-in could not start.', { cause });
      }
    },
    async getToken({ forceRefresh }) {
      const { msal, pca } = await load();
      const account = accountOf(pca);
      if (account === null) {
        session.set('signedOut');
        return null;
      }
      try {
        const result = await pca.acquireTokenSilent({ scopes: config.scopes, account, forceRefresh });
        return result.accessToken;
      } catch (error) {
        if (error instanceof msal.InteractionRequiredAuthError) {
          session.set('expired');
          return null;
        }
        const network = error instanceof msal.AuthError && error.errorCode === msal.BrowserAuthErrorCodes.noNetworkConnectivity;
        throw new SignInError(network ? 'network' : 'failed', 'A token could not be renewed.', { cause: error });
      }
    },
    async signOut() {
      const { pca } = await load();
      const account = accountOf(pca);
      session.set('signedOut');
      await pca.logoutRedirect({ postLogoutRedirectUri: redirectUri, ...(account === null ? {} : { account }) });
    },
    expire() {
      // The account stays in msal's cache: signing in again goes through Entra ID's own session.
      session.set('expired');
    },
    state: session.get,
    subscribe: session.subscribe,
  };
}
