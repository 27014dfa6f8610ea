import type { FetchLike, GetToken } from '../api/sync-api';
import type { AuthConfig } from './auth-config';
import { createDevTokenProvider } from './dev-token-provider';
import type { MsalLike } from './msal-like';
import { createNaaTokenProvider } from './naa-token-provider';
import type { SignInState, SignInStateListener } from './sign-in-state';

/**
 * The add-in's access to the user's identity. Which method to call where:
 *
 * - `getToken` — everything that runs without the user asking: the sync loop, the ribbon's
 *   "Log email" command, the OnMessageSend handler. It never opens a window. It resolves to null
 *   when the user has to interact first (never signed in, consent missing, signed out), and rejects
 *   with `SignInError` when the identity platform could not be reached. It is a `GetToken` and may
 *   be passed on detached (`createSyncApi({ getToken: provider.getToken, … })`).
 * - `signIn` — only from a click on the pane's "Sign in" button: it may open a popup or an Office
 *   dialog, which browsers allow only in answer to a user gesture. Resolves to a token.
 * - `signOut` — the pane's "Sign out": forgets the tokens; `getToken` answers null until `signIn`.
 * - `state` / `subscribe` — to show a "Sign in" button when the state becomes `signedOut`.
 */
export type TokenProvider = {
  getToken: GetToken;
  signIn(): Promise<string>;
  signOut(): Promise<void>;
  state(): SignInState;
  /** Calls `listener` on every change of `state()`; returns the function that stops it. */
  subscribe(listener: SignInStateListener): () => void;
};

export type TokenProviderDeps = {
  /** Dev mode's HTTP client; defaults to the global fetch. */
  fetch?: FetchLike;
  /** The clock, epoch milliseconds; defaults to `Date.now`. */
  now?: () => number;
  /** NAA mode: loads msal-browser; defaults to a dynamic import, so msal is its own chunk. */
  loadMsal?: () => Promise<MsalLike>;
  /**
   * NAA mode's last resort when the popup is blocked or nested authentication is unavailable: opens
   * `url` in an Office dialog and resolves to the message the dialog sent, or null when the user
   * closed it. Provided by `addin/office` (it owns `Office.context.ui.displayDialogAsync`).
   */
  openDialog?: (url: string) => Promise<string | null>;
  /** The page the dialog opens (see `auth-dialog.ts`), e.g. `https://rapport.example.com/addin/auth-dialog.html`. */
  dialogUrl?: string;
};

/**
 * A token provider for the build's sign-in mode: dev mode asks the local service's `/dev/token`
 * for the mailbox user; NAA mode signs in through Outlook with msal-browser (silent, then popup,
 * then the Office dialog).
 */
export function createTokenProvider(config: AuthConfig, deps: TokenProviderDeps = {}): TokenProvider {
  const now = deps.now ?? (() => Date.now());
  if (config.mode === 'dev') {
    // A production build has 'naa' in place of the variable, so its bundles leave the dev sign-in
    // out altogether (authConfigFromBuild never makes a dev configuration there).
    if (process.env.RAPPORT_AUTH_MODE === 'naa') throw new Error('This build signs in with Nested App Authentication only.');
    // Detached, because browsers refuse `window.fetch` called as a method of another object.
    const fetch: FetchLike = deps.fetch ?? ((url, init) => globalThis.fetch(url, init));
    return createDevTokenProvider(config, { fetch, now });
  }
  return createNaaTokenProvider(config, {
    now,
    loadMsal: deps.loadMsal ?? (() => import('@azure/msal-browser')),
    openDialog: deps.openDialog ?? null,
    dialogUrl: deps.dialogUrl ?? null,
  });
}
