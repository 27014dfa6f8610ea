/**
 * Whether the user is signed in, as far as the provider knows: `unknown` until the first token
 * request has settled, `signedIn` after a token was obtained, `signedOut` after the identity
 * platform asked for interaction, refused the user, or the user signed out.
 */
export type SignInState = 'signedIn' | 'signedOut' | 'unknown';

export type SignInStateListener = (state: SignInState) => void;

/** The observable state cell every provider keeps; listeners hear changes only, never repeats. */
export type SignInStateCell = {
  get(): SignInState;
  set(state: SignInState): void;
  subscribe(listener: SignInStateListener): () => void;
};

export function createSignInState(): SignInStateCell {
  let current: SignInState = 'unknown';
  const listeners = new Set<SignInStateListener>();
  return {
    get: () => current,
    set(state) {
      if (state === current) return;
      current = state;
      // A copy, so a listener that unsubscribes while being told does not skip the next one.
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
