import type { FetchLike } from '../api/sync-api';
import { devTokenOf } from '../api/guards';
import { readProblem } from '../api/read-problem';
import type { DevAuthConfig } from './auth-config';
import { cacheToken, isFresh, type CachedToken } from './cached-token';
import { createSignInState } from './sign-in-state';
import { SignInError } from './sign-in-error';
import type { TokenProvider } from './token-provider';

/**
 * Dev mode (`npm start`, the mailbox preview): the local service signs tokens for its demo users,
 * so "signing in" is one unprompted request for the mailbox user's e-mail. The token is cached
 * until shortly before it expires; concurrent requests share one round trip.
 */
export function createDevTokenProvider(config: DevAuthConfig, deps: { fetch: FetchLike; now: () => number }): TokenProvider {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/dev/token`;
  const signInState = createSignInState();
  let cached: CachedToken | null = null;
  let inFlight: Promise<string> | null = null;
  let signedOut = false;
  // Bumped by signOut, so a request already on its way cannot sign the user back in.
  let epoch = 0;

  function request(): Promise<string> {
    if (inFlight !== null) return inFlight;
    const started = epoch;
    const pending = fetchToken().then(
      (token) => {
        if (started === epoch) {
          cached = cacheToken(token.accessToken, token.expiresIn === undefined ? null : token.requestedAt + token.expiresIn * 1000, deps.now());
          signInState.set('signedIn');
        }
        return token.accessToken;
      },
      (error: unknown) => {
        if (started === epoch && error instanceof SignInError && error.code === 'rejected') signInState.set('signedOut');
        throw error;
      },
    );
    const shared: Promise<string> = pending.finally(() => {
      if (inFlight === shared) inFlight = null;
    });
    inFlight = shared;
    return shared;
  }

  async function fetchToken(): Promise<{ accessToken: string; expiresIn?: number; requestedAt: number }> {
    const requestedAt = deps.now();
    let response: Response;
    try {
      response = await deps.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: config.email }) });
    } catch (cause) {
      throw new SignInError('network', `No answer from ${url}.`, { cause });
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      const code = response.status >= 500 ? 'server' : 'rejected';
      throw new SignInError(code, `${url} answered ${response.status} for ${config.email}${problem.detail === null ? '' : `: ${problem.detail}`}`, { status: response.status, detail: problem.code });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new SignInError('invalidResponse', `${url} answered with something other than JSON.`, { status: response.status, cause });
    }
    // The answer of the service's dev-mode `POST /dev/token` (src/server/dev/dev-identity.ts).
    const token = devTokenOf(body);
    if (token === null) throw new SignInError('invalidResponse', `${url} answered without an access token.`, { status: response.status, cause: body });
    return { ...token, requestedAt };
  }

  return {
    async getToken({ forceRefresh }) {
      if (signedOut) return null;
      if (!forceRefresh && isFresh(cached, deps.now())) return cached.accessToken;
      // A refresh joins a request already on its way: that one fetches a new token too.
      const started = epoch;
      const token = await request();
      return started === epoch ? token : null;
    },
    async signIn() {
      signedOut = false;
      if (isFresh(cached, deps.now())) return cached.accessToken;
      return request();
    },
    async signOut() {
      epoch += 1;
      signedOut = true;
      cached = null;
      inFlight = null;
      signInState.set('signedOut');
    },
    state: signInState.get,
    subscribe: signInState.subscribe,
  };
}
