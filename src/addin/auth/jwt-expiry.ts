import { jwtExpOf } from '../api/guards';

/**
 * The `exp` claim of a JWT as epoch milliseconds, or null when the token is not a JWT with a
 * numeric `exp`. The signature is not checked: the client only uses this to decide when to ask for
 * a new token, and the service verifies every token it receives.
 */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined || payload === '') return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
    const exp = jwtExpOf(JSON.parse(json));
    return exp === null ? null : exp * 1000;
  } catch {
    return null;
  }
}
