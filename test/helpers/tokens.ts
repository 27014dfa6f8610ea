import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createTokenVerifier, loadKeySet, type TokenVerifier } from '../../src/server/http/identity';

export const TEST_ISSUER = 'https://login.rapport.test/issuer';
export const TEST_AUDIENCE = 'api://rapport-test';

export type TestUser = { tenantId: string; userId?: string; email?: string; name?: string; roles?: string[] };

export type TokenOptions = {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  notBefore?: number;
  signWith?: 'trusted' | 'untrusted';
};

export type TestSigner = {
  verifier: TokenVerifier;
  jwksFile: string;
  sign(user: TestUser, options?: TokenOptions): Promise<string>;
};

/**
 * A signer for tests: an RSA key whose public half is written as a JWKS file and read back through
 * the same `RAPPORT_AUTH_JWKS_FILE` path the service uses; plus an untrusted key for forged tokens.
 */
export async function createTestSigner(): Promise<TestSigner> {
  const trusted = await generateKeyPair('RS256');
  const untrusted = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const jwksFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-jwks-')), 'jwks.json');
  fs.writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
  const verifier = createTokenVerifier({ keys: await loadKeySet({ jwksFile }), issuer: TEST_ISSUER, audience: TEST_AUDIENCE });

  const sign = async (user: TestUser, options: TokenOptions = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const key: KeyLike = options.signWith === 'untrusted' ? untrusted.privateKey : trusted.privateKey;
    const jwt = new SignJWT({
      tid: user.tenantId,
      oid: user.userId ?? randomUUID(),
      preferred_username: user.email ?? 'someone@rapport.test',
      name: user.name ?? 'Test User',
      roles: user.roles ?? [],
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(options.issuer ?? TEST_ISSUER)
      .setAudience(options.audience ?? TEST_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 600));
    if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
    return jwt.sign(key);
  };
  return { verifier, jwksFile, sign };
}
