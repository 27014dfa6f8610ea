/**
 * A stand-in for the Microsoft Entra ID endpoints msal-browser calls during the console's redirect
 * sign-in, answered inside the browser by Playwright's routing, so that a production build of the
 * console signs in exactly as it ships (msal, its redirect, its cache, silent tokens) without a
 * real tenant:
 *
 * - the authorize endpoint sends the browser straight back to the redirect URI with a code and the
 *   request's state, as Entra ID does once the user has signed in;
 * - the token endpoint trades that code for an ID token carrying the request's nonce and an access
 *   token signed by `signAccessToken` (the bench's key, which the service trusts through
 *   `RAPPORT_AUTH_JWKS_FILE`, `RAPPORT_AUTH_ISSUER` and `RAPPORT_AUTH_AUDIENCE`, a production
 *   configuration; dev mode's tokens are never involved);
 * - metadata (OpenID configuration, instance discovery) as Entra ID publishes it.
 *
 * Every other address under the authority's host is answered 404 and recorded in `unexpected`, so
 * that a change in what msal asks for shows up as a failed sign-in rather than a silent wait.
 */
import { createHash, randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import type { BrowserContext, Route } from 'playwright-core';

export const ENTRA_HOST = 'login.microsoftonline.com';

export type StandInUser = { tenantId: string; userId: string; email: string; name: string; roles: readonly string[] };

export type EntraStandInOptions = {
  /** The console build's application (client) id: the ID token's audience. */
  clientId: string;
  user: StandInUser;
  /** Signs the API's access token for `user`, valid for `expiresInSeconds`. */
  signAccessToken: (user: StandInUser, expiresInSeconds: number) => Promise<string>;
  /** Lifetime of each access token; long enough for a whole run, so that msal renews none. */
  accessTokenSeconds?: number;
};

export type EntraStandIn = {
  /** Calls of the authorize and token endpoints, in order. */
  calls: { endpoint: 'authorize' | 'token' | 'metadata'; at: number }[];
  /** Addresses under the authority's host that the stand-in does not answer. */
  unexpected: string[];
  stop(): Promise<void>;
};

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Entra ID's answers are read cross-origin by the console page. */
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS' };

/** Serves the stand-in to every page of `context` until `stop()`. */
export async function routeEntraStandIn(context: BrowserContext, options: EntraStandInOptions): Promise<EntraStandIn> {
  const lifetime = options.accessTokenSeconds ?? 4 * 60 * 60;
  // msal reads the ID token's claims and checks its nonce; the signature is the identity platform's business, so a key of its own.
  const idTokenKey = (await generateKeyPair('RS256')).privateKey;
  const signIdToken = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'stand-in-id-token' }).sign(idTokenKey);
  const codes = new Map<string, { nonce: string | null; scope: string; challenge: string | null }>();
  const calls: EntraStandIn['calls'] = [];
  const unexpected: string[] = [];
  const { user } = options;
  const clientInfo = base64url(JSON.stringify({ uid: user.userId, utid: user.tenantId }));

  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, headers: { ...CORS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(body) });

  const openIdConfiguration = (tenant: string) => {
    const root = `https://${ENTRA_HOST}/${tenant}`;
    return {
      token_endpoint: `${root}/oauth2/v2.0/token`,
      authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${root}/oauth2/v2.0/logout`,
      jwks_uri: `${root}/discovery/v2.0/keys`,
      issuer: `https://${ENTRA_HOST}/{tenantid}/v2.0`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      http_logout_supported: true,
      frontchannel_logout_supported: true,
    };
  };

  async function tokens(form: URLSearchParams): Promise<Record<string, unknown>> {
    const grant = form.get('grant_type');
    let scope = form.get('scope') ?? '';
    let nonce: string | null = null;
    if (grant === 'authorization_code') {
      const issued = codes.get(form.get('code') ?? '');
      if (issued === undefined) return { error: 'invalid_grant', error_description: 'AADSTS70008: the code is unknown or used.' };
      codes.delete(form.get('code') ?? '');
      // PKCE, as Entra ID checks it: the verifier must hash to the challenge the authorize call sent.
      const verifier = form.get('code_verifier') ?? '';
      if (issued.challenge !== null && createHash('sha256').update(verifier).digest('base64url') !== issued.challenge) {
        return { error: 'invalid_grant', error_description: 'AADSTS501481: the code verifier does not match the code challenge.' };
      }
      nonce = issued.nonce;
      scope = scope || issued.scope;
    } else if (grant !== 'refresh_token') {
      return { error: 'unsupported_grant_type', error_description: `grant_type ${String(grant)} is not supported here.` };
    }
    const now = Math.floor(Date.now() / 1000);
    const idToken = await signIdToken({
      aud: options.clientId,
      iss: `https://${ENTRA_HOST}/${user.tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      ver: '2.0',
      sub: user.userId,
      oid: user.userId,
      tid: user.tenantId,
      name: user.name,
      preferred_username: user.email,
      ...(nonce === null ? {} : { nonce }),
    });
    const apiScopes = scope.split(/\s+/).filter((entry) => entry !== '' && !['openid', 'profile', 'offline_access', 'email'].includes(entry));
    return {
      token_type: 'Bearer',
      scope: apiScopes.join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: await options.signAccessToken(user, lifetime),
      refresh_token: `bench-refresh-${randomUUID()}`,
      id_token: idToken,
      client_info: clientInfo,
    };
  }

  const handler = async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname;
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    if (path.endsWith('/.well-known/openid-configuration')) {
      calls.push({ endpoint: 'metadata', at: Date.now() });
      return json(route, openIdConfiguration(path.split('/')[1] ?? 'common'));
    }
    if (path.endsWith('/discovery/instance')) {
      calls.push({ endpoint: 'metadata', at: Date.now() });
      const tenant = new URL(url.searchParams.get('authorization_endpoint') ?? `https://${ENTRA_HOST}/common/`).pathname.split('/')[1] ?? 'common';
      return json(route, {
        tenant_discovery_endpoint: `https://${ENTRA_HOST}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: ENTRA_HOST, preferred_cache: 'login.windows.net', aliases: [ENTRA_HOST, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] }],
      });
    }
    if (path.endsWith('/oauth2/v2.0/authorize')) {
      calls.push({ endpoint: 'authorize', at: Date.now() });
      const redirectUri = url.searchParams.get('redirect_uri');
      const state = url.searchParams.get('state');
      if (redirectUri === null || state === null) return route.fulfill({ status: 400, contentType: 'text/plain', body: 'AADSTS900144: redirect_uri and state are required.' });
      const code = randomUUID();
      codes.set(code, { nonce: url.searchParams.get('nonce'), scope: url.searchParams.get('scope') ?? '', challenge: url.searchParams.get('code_challenge') });
      const answer = new URLSearchParams({ code, state, client_info: clientInfo });
      const back = `${redirectUri}${url.searchParams.get('response_mode') === 'query' ? '?' : '#'}${answer.toString()}`;
      return route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><title>Signing in</title><script>location.replace(${JSON.stringify(back)});</script>` });
    }
    if (path.endsWith('/oauth2/v2.0/token') && request.method() === 'POST') {
      calls.push({ endpoint: 'token', at: Date.now() });
      const body = await tokens(new URLSearchParams(request.postData() ?? ''));
      return json(route, body, 'error' in body ? 400 : 200);
    }
    unexpected.push(`${request.method()} ${request.url()}`);
    return route.fulfill({ status: 404, headers: CORS, contentType: 'text/plain', body: 'not served by the stand-in' });
  };
  const pattern = `https://${ENTRA_HOST}/**`;
  await context.route(pattern, handler);
  return { calls, unexpected, stop: () => context.unroute(pattern, handler) };
}
