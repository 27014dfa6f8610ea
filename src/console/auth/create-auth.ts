import type { FetchLike } from '../api/console-api';
import type { ConsoleAuthConfig } from './auth-config';
import type { ConsoleAuth } from './console-auth';
import { createDevSignIn } from './dev-sign-in';
import { createRedirectSignIn } from './redirect-sign-in';

export type ConsoleAuthDeps = {
  origin: string;
  fetch: FetchLike;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  now: () => number;
};

/**
 * The sign-in the build chose. The build puts `redirect` (production) or `dev` in place of the
 * variable, so a production bundle leaves the demo-user picker out and a development bundle leaves
 * msal out; a production build loads msal as a chunk of its own when the console starts.
 */
export function createConsoleAuth(config: ConsoleAuthConfig, deps: ConsoleAuthDeps): ConsoleAuth {
  if (config.mode === 'dev') {
    if (process.env.RAPPORT_AUTH_MODE === 'redirect') throw new Error('This build signs in with Microsoft Entra ID only.');
    return createDevSignIn({ baseUrl: deps.origin, fetch: deps.fetch, storage: deps.storage, now: deps.now });
  }
  if (process.env.RAPPORT_AUTH_MODE === 'dev') throw new Error('This build signs in with the demo users of dev mode only.');
  return createRedirectSignIn(config, { origin: deps.origin, loadMsal: () => import('@azure/msal-browser') });
}
