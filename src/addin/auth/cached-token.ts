import { jwtExpiry } from './jwt-expiry';

/** A token and the moment to stop handing it out, epoch milliseconds. */
export type CachedToken = { accessToken: string; refreshAt: number };

/**
 * How long before its expiry a token is renewed: covers clock skew between the pane and the
 * service, and a request that leaves just before the deadline and arrives just after it.
 */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * `accessToken` ready to be cached: usable until the earlier of its own `exp` claim and the
 * issuer's stated expiry (`expiresAt`, epoch ms), less the margin. Null when neither is known, or
 * when the token is already that close to expiring: such a token is used once, never cached.
 */
export function cacheToken(accessToken: string, expiresAt: number | null, now: number): CachedToken | null {
  const known = [jwtExpiry(accessToken), expiresAt].filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  const refreshAt = Math.min(...known) - REFRESH_MARGIN_MS;
  return refreshAt > now ? { accessToken, refreshAt } : null;
}

export function isFresh(cached: CachedToken | null, now: number): cached is CachedToken {
  return cached !== null && now < cached.refreshAt;
}
