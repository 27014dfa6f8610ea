import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { z } from 'zod';
import { createTokenVerifier, type TokenVerifier } from '../http/identity';
import { makeProblem, sendProblem } from '../http/problem';

/**
 * Dev mode's own identity provider, for `npm start` and the preview: a signing key kept in the
 * data folder (so tokens survive restarts), its JWKS, and a token endpoint for demo users. The
 * service refuses dev mode unless it listens on loopback (see config.ts).
 */
export const DEV_TENANT_ID = '00000000-0000-4000-8000-00000000dead';
export const DEV_AUDIENCE = 'api://rapport-dev';
const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export type DevUser = { email: string; name: string; roles: string[] };

export type DevIdentity = {
  issuer: string;
  verifier: TokenVerifier;
  issueToken(user: DevUser): Promise<string>;
  jwks: { keys: JWK[] };
};

type StoredKey = { privateJwk: JWK; publicJwk: JWK };

async function loadOrCreateKey(file: string): Promise<StoredKey> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as StoredKey;
  } catch {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomUUID();
    const stored = {
      privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
    };
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify(stored), { mode: 0o600 });
    return stored;
  }
}

export async function createDevIdentity(options: { dataDir: string; publicUrl: string }): Promise<DevIdentity> {
  const key = await loadOrCreateKey(path.join(options.dataDir, 'dev-signing-key.json'));
  const privateKey = (await importJWK(key.privateJwk, 'ES256')) as KeyLike;
  const issuer = `${options.publicUrl}/dev`;
  const jwks = { keys: [key.publicJwk] };
  return {
    issuer,
    jwks,
    verifier: createTokenVerifier({ keys: createLocalJWKSet(jwks), issuer, audience: DEV_AUDIENCE }),
    async issueToken(user) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        tid: DEV_TENANT_ID,
        oid: await stableUserId(user.email),
        preferred_username: user.email,
        name: user.name,
        roles: user.roles,
      })
        .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid ?? '' })
        .setIssuer(issuer)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt(now)
        .setNotBefore(now - 5)
        .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
    },
  };
}

/** The same user id for the same e-mail on every start: interactions keep their author. */
async function stableUserId(email: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.toLowerCase())));
  const hex = Buffer.from(digest.slice(0, 16)).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const tokenRequestSchema = z.strictObject({ email: z.email() });

/**
 * `GET /dev/jwks.json` and `POST /dev/token {email}`: a token for one of the demo users (see
 * `users`). Only registered in dev mode. Not part of the API contract, so not in OpenAPI.
 */
export function registerDevRoutes(app: FastifyInstance, identity: DevIdentity, users: () => Promise<DevUser[]>): void {
  app.get('/dev/jwks.json', async () => identity.jwks);
  app.get('/dev/users', async () => ({ items: await users() }));
  app.post('/dev/token', async (request, reply) => {
    const parsed = tokenRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, makeProblem(400, 'validation_failed', 'Send {"email": "<a demo user>"}.'));
    const user = (await users()).find((candidate) => candidate.email.toLowerCase() === parsed.data.email.toLowerCase());
    if (!user) return sendProblem(reply, makeProblem(404, 'not_found', `${parsed.data.email} is not a demo user; GET /dev/users lists them.`));
    return { accessToken: await identity.issueToken(user), tokenType: 'Bearer', expiresIn: TOKEN_LIFETIME_SECONDS };
  });
}
