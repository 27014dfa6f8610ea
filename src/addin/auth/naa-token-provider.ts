import type { NaaAuthConfig } from './auth-config';
import { cacheToken, isFresh, type CachedToken } from './cached-token';
import { DIALOG_LOGIN_HINT_PARAM, dialogMessageOf, type DialogMessage } from './dialog-message';
import { classifyMsalFailure, type MsalFailure, type MsalLike, type PublicClientLike, type TokenResultLike } from './msal-like';
import { createSignInState } from './sign-in-state';
import { SignInError } from './sign-in-error';
import type { TokenProvider } from './token-provider';

export type NaaTokenProviderDeps = {
  now: () => number;
  loadMsal: () => Promise<MsalLike>;
  openDialog: ((url: string) => Promise<string | null>) | null;
  dialogUrl: string | null;
};

type Client = { msal: MsalLike; pca: PublicClientLike };

/**
 * Nested App Authentication: Outlook signs the add-in in with the account it runs under.
 *
 *   getToken ── silent (cached account, else the mailbox user as login hint) ── token
 *                  └─ interaction required ──────────────────────────────────── null, state signedOut
 *   signIn ──── silent ── popup ─────────────────────────────────────────────── token
 *                           ├─ blocked, or no nested authentication ── Office dialog ── token
 *                           └─ closed by the user ──────────────────────────────────── SignInError cancelled
 *
 * msal is loaded on the first call, not at start, so it stays out of the pane's first paint. msal
 * caches and renews its own tokens; the provider caches only the dialog's, which msal never saw.
 */
export function createNaaTokenProvider(config: NaaAuthConfig, deps: NaaTokenProviderDeps): TokenProvider {
  const signInState = createSignInState();
  const loginHint = config.loginHint;
  let client: Promise<Client> | null = null;
  let dialogToken: CachedToken | null = null;
  let silentInFlight: { forceRefresh: boolean; token: Promise<string | null> } | null = null;
  let interactiveInFlight: Promise<string> | null = null;
  let signedOut = false;
  // Bumped by signOut, so an acquisition already on its way cannot sign the user back in.
  let epoch = 0;

  function loadClient(): Promise<Client> {
    if (client !== null) return client;
    const loading = (async (): Promise<Client> => {
      let msal: MsalLike;
      try {
        msal = await deps.loadMsal();
      } catch (cause) {
        throw new SignInError('network', 'The sign-in library could not be loaded.', { cause });
      }
      try {
        const pca = await msal.createNestablePublicClientApplication({
          auth: { clientId: config.clientId, ...(config.authority === undefined ? {} : { authority: config.authority }) },
        });
        return { msal, pca };
      } catch (cause) {
        throw failureError(msal, cause, 'Sign-in could not start');
      }
    })();
    client = loading;
    // A failed load is tried again on the next call rather than remembered.
    loading.catch(() => {
      if (client === loading) client = null;
    });
    return loading;
  }

  function accountToUse(pca: PublicClientLike) {
    const active = pca.getActiveAccount();
    if (active !== null) return active;
    const accounts = pca.getAllAccounts();
    const hint = loginHint?.toLowerCase();
    return accounts.find((account) => account.username.toLowerCase() === hint) ?? accounts[0] ?? null;
  }

  /** A token without any window, or null when only the user can get one. */
  async function silent({ msal, pca }: Client, forceRefresh: boolean): Promise<TokenResultLike | null> {
    const account = accountToUse(pca);
    try {
      if (account !== null) return await pca.acquireTokenSilent({ scopes: config.scopes, account, forceRefresh });
      if (loginHint !== undefined) return await pca.ssoSilent({ scopes: config.scopes, loginHint });
      return null;
    } catch (error) {
      const failure = classifyMsalFailure(msal, error);
      if (failure === 'interactionRequired' || failure === 'popupUnavailable') return null;
      throw failureError(msal, error, 'Silent sign-in failed', failure);
    }
  }

  function adopt(pca: PublicClientLike, result: TokenResultLike): string {
    if (result.account !== null) pca.setActiveAccount(result.account);
    signInState.set('signedIn');
    return result.accessToken;
  }

  async function acquireSilently(forceRefresh: boolean, started: number): Promise<string | null> {
    const loaded = await loadClient();
    const result = await silent(loaded, forceRefresh);
    if (started !== epoch) return null;
    if (result === null) {
      signInState.set('signedOut');
      return null;
    }
    return adopt(loaded.pca, result);
  }

  async function acquireInteractively(started: number): Promise<string> {
    const loaded = await loadClient();
    const { msal, pca } = loaded;
    const quiet = await silent(loaded, false);
    let result: TokenResultLike | string;
    if (quiet !== null) {
      result = quiet;
    } else {
      try {
        result = await pca.acquireTokenPopup({ scopes: config.scopes, ...(loginHint === undefined ? {} : { loginHint }) });
      } catch (error) {
        const failure = classifyMsalFailure(msal, error);
        if (failure !== 'popupUnavailable') throw failureError(msal, error, 'Sign-in failed', failure);
        result = await viaDialog(msal, error);
      }
    }
    if (started !== epoch) throw new SignInError('cancelled', 'Signed out while signing in.');
    if (typeof result !== 'string') return adopt(pca, result);
    signInState.set('signedIn');
    return result;
  }

  /** The Office dialog: a page of our own runs msal's redirect flow and posts the token back. */
  async function viaDialog(msal: MsalLike, popupError: unknown): Promise<string> {
    const detail = popupError instanceof msal.AuthError ? popupError.errorCode : null;
    if (deps.openDialog === null || deps.dialogUrl === null) {
      throw new SignInError('popupBlocked', 'The sign-in popup is unavailable and no dialog fallback is configured.', { detail, cause: popupError });
    }
    const url = new URL(deps.dialogUrl);
    if (loginHint !== undefined) url.searchParams.set(DIALOG_LOGIN_HINT_PARAM, loginHint);
    let raw: string | null;
    try {
      raw = await deps.openDialog(url.toString());
    } catch (cause) {
      throw new SignInError('popupBlocked', 'The sign-in dialog could not be opened.', { detail, cause });
    }
    if (raw === null) throw new SignInError('cancelled', 'The sign-in dialog was closed.');
    const message = parseDialogMessage(raw);
    if (message.status === 'failure') {
      const cancelled = message.code === msal.BrowserAuthErrorCodes.userCancelled || message.code === msal.ClientAuthErrorCodes.userCanceled;
      throw new SignInError(cancelled ? 'cancelled' : 'failed', `Sign-in in the dialog failed (${message.code}).`, { detail: message.code });
    }
    dialogToken = cacheToken(message.accessToken, message.expiresOn, deps.now());
    return message.accessToken;
  }

  function share(promise: Promise<string | null>, forceRefresh: boolean): Promise<string | null> {
    const entry = {
      forceRefresh,
      token: promise.finally(() => {
        if (silentInFlight === entry) silentInFlight = null;
      }),
    };
    silentInFlight = entry;
    return entry.token;
  }

  return {
    async getToken({ forceRefresh }) {
      if (signedOut) return null;
      if (forceRefresh) dialogToken = null;
      else if (isFresh(dialogToken, deps.now())) return dialogToken.accessToken;
      const started = epoch;
      // A plain request may join a refresh on its way; a refresh never joins a plain request,
      // which may answer with the cached token the service just refused.
      const joinable = silentInFlight !== null && (silentInFlight.forceRefresh || !forceRefresh) ? silentInFlight.token : null;
      const token = await (joinable ?? share(acquireSilently(forceRefresh, started), forceRefresh));
      return started === epoch ? token : null;
    },
    signIn() {
      signedOut = false;
      if (interactiveInFlight !== null) return interactiveInFlight;
      const started = epoch;
      const pending: Promise<string> = acquireInteractively(started)
        .catch((error: unknown) => {
          // Whatever stopped it, the user is not signed in: the pane keeps offering "Sign in".
          if (started === epoch) signInState.set('signedOut');
          throw error;
        })
        .finally(() => {
          if (interactiveInFlight === pending) interactiveInFlight = null;
        });
      interactiveInFlight = pending;
      return pending;
    },
    async signOut() {
      epoch += 1;
      signedOut = true;
      dialogToken = null;
      silentInFlight = null;
      interactiveInFlight = null;
      signInState.set('signedOut');
      const loaded = client === null ? null : await client.catch(() => null);
      if (loaded === null) return;
      loaded.pca.setActiveAccount(null);
      try {
        await loaded.pca.clearCache();
      } catch (error) {
        // Under nested authentication Outlook owns the session and refuses to clear it; forgetting
        // the account here is what signing out of the add-in can do.
        if (!(error instanceof loaded.msal.AuthError)) throw error;
      }
    },
    state: signInState.get,
    subscribe: signInState.subscribe,
  };
}

function parseDialogMessage(raw: string): DialogMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new SignInError('invalidResponse', 'The sign-in dialog sent something other than JSON.', { cause });
  }
  const message = dialogMessageOf(json);
  if (message === null) throw new SignInError('invalidResponse', 'The sign-in dialog sent an unexpected message.', { cause: json });
  return message;
}

function failureError(msal: MsalLike, error: unknown, what: string, failure: MsalFailure = classifyMsalFailure(msal, error)): SignInError {
  const detail = error instanceof msal.AuthError ? error.errorCode : null;
  const code = failure === 'network' ? 'network' : failure === 'cancelled' ? 'cancelled' : 'failed';
  return new SignInError(code, `${what}${detail === null ? '' : ` (${detail})`}.`, { detail, cause: error });
}
