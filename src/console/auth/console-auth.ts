import type { GetToken } from '../api/console-api';
import type { SignInError } from './sign-in-error';

/**
 * Whether someone is signed in, as far as the console knows: `expired` when a session ended
 * without the user signing out (the service refused it, or the identity platform wants them back).
 */
export type SessionState = 'signedIn' | 'signedOut' | 'expired';

/**
 * What the console knows once sign-in has started: who is signed in, where a finished redirect
 * sign-in asked to go back to, and why it failed when it did.
 */
export type AuthStart = { state: SessionState; returnTo: string | null; failure?: SignInError };

/** A demo user of the service's dev mode (`GET /dev/users`). */
export type DevUser = { email: string; name: string; roles: string[] };

type SessionAccess = {
  /**
   * Reads what an earlier visit left: a finished redirect sign-in, a remembered account. Call once,
   * before anything else; never rejects (a failure leaves the user signed out).
   */
  start(): Promise<AuthStart>;
  /** A token for the API; null when nobody is signed in or the identity platform wants the user back. Never navigates. */
  getToken: GetToken;
  /** Forgets the session (and, with Entra ID, signs out there too). */
  signOut(): Promise<void>;
  /** The service refused the session although a fresh token was sent: show the sign-in page again, saying why. */
  expire(): void;
  state(): SessionState;
  /** Calls `listener` on every change of `state()`; returns the function that stops it. */
  subscribe(listener: (state: SessionState) => void): () => void;
};

/**
 * The console's sign-in, one of two kinds the build chooses:
 * - `devPicker` (`npm start`): the user picks one of the service's demo users; the service signs
 *   their tokens. Only development builds contain it.
 * - `redirect` (production): Microsoft Entra ID through msal-browser's redirect flow, on the same
 *   app registration as the add-in; tokens are renewed silently.
 */
export type ConsoleAuth =
  | (SessionAccess & { method: 'devPicker'; listUsers(): Promise<DevUser[]>; signInAs(email: string): Promise<void> })
  | (SessionAccess & { method: 'redirect'; signIn(returnTo: string): Promise<void> });

/** The observable session state every kind of sign-in keeps; listeners hear changes only. */
export function createSessionCell(initial: SessionState) {
  let current = initial;
  const listeners = new Set<(state: SessionState) => void>();
  return {
    get: (): SessionState => current,
    set(state: SessionState) {
      if (state === current) return;
      current = state;
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener: (state: SessionState) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
