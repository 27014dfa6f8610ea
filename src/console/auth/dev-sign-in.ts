import { z } from 'zod';
import type { FetchLike } from '../api/console-api';
import { createSessionCell, type ConsoleAuth, type DevUser } from './console-auth';
import { SignInError } from './sign-in-error';

/** The answers of the service's dev-mode routes (src/server/dev/dev-identity.ts; not part of the API contract). */
const devUsersSchema = z.looseObject({ items: z.array(z.looseObject({ email: z.string().min(1), name: z.string(), roles: z.array(z.string()) })) });
const devTokenSchema = z.looseObject({ accessToken: z.string().min(1), expiresIn: z.number().positive().optional() });

/** The sessionStorage key of the picked demo user: a reload keeps them signed in, a new tab asks again. */
export const DEV_USER_KEY = 'rapport.console.devUser';

/** How long before its stated expiry a token is renewed: clock skew, and a request leaving just before the deadline. */
const REFRESH_MARGIN_MS = 60_000;

export type DevSignInDeps = {
  /** The service's origin; `/dev/users` and `/dev/token` are appended. */
  baseUrl: string;
  fetch: FetchLike;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  now: () => number;
};

/**
 * Dev mode's sign-in (`npm start`): the user picks a demo user, the service's `/dev/token` signs
 * their tokens. Only the e-mail is remembered (in sessionStorage), never a token; a token is asked
 * for when needed and kept until shortly before it expires.
 */
export function createDevSignIn(deps: DevSignInDeps): Extract<ConsoleAuth, { method: 'devPicker' }> {
  const root = deps.baseUrl.replace(/\/+$/, '');
  const remembered = (): string | null => deps.storage.getItem(DEV_USER_KEY);
  const session = createSessionCell(remembered() === null ? 'signedOut' : 'signedIn');
  let cached: { email: string; accessToken: string; refreshAt: number } | null = null;

  async function call(path: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await deps.fetch(`${root}${path}`, init);
    } catch (cause) {
      throw new SignInError('network', `No answer from ${path}.`, { cause });
    }
    if (!response.ok) throw new SignInError(response.status === 404 || response.status === 400 ? 'rejected' : 'failed', `${path} answered ${response.status}.`);
    try {
      return await response.json();
    } catch (cause) {
      throw new SignInError('invalidResponse', `${path} answered with something other than JSON.`, { cause });
    }
  }

  async function tokenFor(email: string): Promise<string> {
    const requestedAt = deps.now();
    const parsed = devTokenSchema.safeParse(await call('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) }));
    if (!parsed.success) throw new SignInError('invalidResponse', '/dev/token answered without an access token.', { cause: parsed.error });
    const { accessToken, expiresIn } = parsed.data;
    cached = expiresIn === undefined ? null : { email, accessToken, refreshAt: requestedAt + expiresIn * 1000 - REFRESH_MARGIN_MS };
    return accessToken;
  }

  return {
    method: 'devPicker',
    async start() {
      return { state: session.get(), returnTo: null };
    },
    async listUsers(): Promise<DevUser[]> {
      const parsed = devUsersSchema.safeParse(await call('/dev/users', { method: 'GET', headers: { accept: 'application/json' } }));
      if (!parsed.success) throw new SignInError('invalidResponse', '/dev/users did not answer with a list of users.', { cause: parsed.error });
      return parsed.data.items.map(({ email, name, roles }) => ({ email, name, roles }));
    },
    async signInAs(email) {
      // The token is fetched at once: a user the service does not know is refused here, on the picker.
      await tokenFor(email);
      deps.storage.setItem(DEV_USER_KEY, email);
      session.set('signedIn');
    },
    async getToken({ forceRefresh }) {
      const email = remembered();
      if (email === null) {
        session.set('signedOut');
        return null;
      }
      if (!forceRefresh && cached !== null && cached.email === email && deps.now() < cached.refreshAt) return cached.accessToken;
      try {
        return await tokenFor(email);
      } catch (error) {
        // The demo user is gone (another data folder, a changed e-mail): pick again.
        if (error instanceof SignInError && error.code === 'rejected') {
          deps.storage.removeItem(DEV_USER_KEY);
          session.set('expired');
          return null;
        }
        throw error;
      }
    },
    async signOut() {
      deps.storage.removeItem(DEV_USER_KEY);
      cached = null;
      session.set('signedOut');
    },
    expire() {
      deps.storage.removeItem(DEV_USER_KEY);
      cached = null;
      session.set('expired');
    },
    state: session.get,
    subscribe: session.subscribe,
  };
}
