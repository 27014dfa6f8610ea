import fs from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { RapportError } from '../../domain/errors';

/** Who is calling, from a verified token. Never from the request body. */
export type Identity = {
  tenantId: string;
  userId: string;
  /** `preferred_username`: the user's e-mail, mapped to a salesperson. */
  email: string;
  name: string;
  roles: readonly string[];
};

export const ADMIN_ROLE = 'Rapport.Admin';
export const MANAGER_ROLE = 'Rapport.Manager';

/**
 * What a user may do, from the token's roles: a salesperson (no role) has what the pane needs; a
 * manager also runs campaigns, segments and imports and reads every salesperson's pipeline; an
 * admin also changes setup. An admin is a manager too.
 */
export type AccessLevel = 'salesperson' | 'manager' | 'admin';

export function accessLevelOf(identity: Pick<Identity, 'roles'>): AccessLevel {
  if (identity.roles.includes(ADMIN_ROLE)) return 'admin';
  if (identity.roles.includes(MANAGER_ROLE)) return 'manager';
  return 'salesperson';
}

export const isAdmin = (identity: Identity): boolean => accessLevelOf(identity) === 'admin';
export const isManager = (identity: Identity): boolean => accessLevelOf(identity) !== 'salesperson';

export type TokenVerifier = (token: string) => Promise<Identity>;

/** Algorithms Entra ID and the dev signer use; `none` and HMAC are never accepted. */
const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'];

/**
 * Verifies a bearer JWT: signature against the key set, `iss`, `aud`, `exp` and `nbf` (30 s clock
 * tolerance), then reads the claims Rapport needs. Every failure is `unauthenticated`; the reason
 * goes to the error's cause for the log, not to the caller.
 */
export function createTokenVerifier(options: { keys: JWTVerifyGetKey; issuer: string; audience: string }): TokenVerifier {
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        clockTolerance: 30,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      const reason = error instanceof joseErrors.JOSEError ? error.code : 'ERR_JWT_INVALID';
      throw new RapportError('unauthenticated', 'The access token is not valid.', { cause: error, details: { reason } });
    }
    const claim = (name: string): string => {
      const value = payload[name];
      return typeof value === 'string' ? value : '';
    };
    const tenantId = claim('tid');
    const userId = claim('oid') || claim('sub');
    if (!tenantId || !userId) {
      throw new RapportError('unauthenticated', 'The access token has no tenant (tid) or user (oid).');
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((role: unknown): role is string => typeof role === 'string') : [];
    return { tenantId, userId, email: claim('preferred_username'), name: claim('name'), roles };
  };
}

/** The key set named by the configuration: a JWKS URL (Entra ID) or a JWKS file (air-gapped sites, tests). */
export async function loadKeySet(source: { jwksUrl?: string | undefined; jwksFile?: string | undefined }): Promise<JWTVerifyGetKey> {
  if (source.jwksUrl) return createRemoteJWKSet(new URL(source.jwksUrl));
  if (source.jwksFile) {
    const jwks = JSON.parse(await fs.readFile(source.jwksFile, 'utf8')) as JSONWebKeySet;
    return createLocalJWKSet(jwks);
  }
  throw new Error('No key set configured.');
}
