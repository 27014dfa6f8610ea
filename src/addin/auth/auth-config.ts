import { SignInError } from './sign-in-error';

/** Dev mode: the local service's `/dev/token` signs tokens for its demo users. */
export type DevAuthConfig = { mode: 'dev'; baseUrl: string; email: string };

/**
 * Nested App Authentication through Outlook: `clientId` is the add-in's Entra ID application,
 * `authority` the tenant's (`https://login.microsoftonline.com/<tenant>`; msal's default, the
 * multi-tenant `common`, when absent), `scopes` the Rapport API's, `loginHint` the mailbox user.
 */
export type NaaAuthConfig = { mode: 'naa'; clientId: string; authority?: string; scopes: string[]; loginHint?: string };

export type AuthConfig = DevAuthConfig | NaaAuthConfig;

/**
 * The sign-in settings the build bakes in (webpack's DefinePlugin replaces each
 * `process.env.RAPPORT_…` expression in readBuildAuthEnv with a string literal). Each is a string or
 * absent; blank counts as absent.
 */
export type BuildAuthEnv = {
  RAPPORT_AUTH_MODE?: string;
  RAPPORT_AUTH_CLIENT_ID?: string;
  RAPPORT_AUTH_AUTHORITY?: string;
  RAPPORT_API_SCOPE?: string;
};

/**
 * The build's sign-in settings. Each key is read by its full `process.env.NAME` expression, the
 * only form DefinePlugin replaces; in a bundle built without the key, `process` does not exist and
 * the read yields undefined instead of throwing.
 */
export function readBuildAuthEnv(): BuildAuthEnv {
  return {
    RAPPORT_AUTH_MODE: defined(() => process.env.RAPPORT_AUTH_MODE),
    RAPPORT_AUTH_CLIENT_ID: defined(() => process.env.RAPPORT_AUTH_CLIENT_ID),
    RAPPORT_AUTH_AUTHORITY: defined(() => process.env.RAPPORT_AUTH_AUTHORITY),
    RAPPORT_API_SCOPE: defined(() => process.env.RAPPORT_API_SCOPE),
  };
}

function defined(read: () => string | undefined): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

// Entra ID application (client) ids are GUIDs; anything else is a pasted name or secret.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The token provider's configuration from the build's settings and what is known only at run time
 * (the service's base URL, the mailbox user's e-mail). Pure. Throws `SignInError('misconfigured')`
 * naming every missing or invalid setting at once:
 * - `RAPPORT_AUTH_MODE`: `dev` or `naa`, required.
 * - naa: `RAPPORT_AUTH_CLIENT_ID` (a GUID) and `RAPPORT_API_SCOPE` (one or more scopes, separated by
 *   spaces) are required; `RAPPORT_AUTH_AUTHORITY` is optional and must be an https URL.
 * - dev: the mailbox user's e-mail is required, since it names the demo user.
 */
export function authConfigFromBuild(env: BuildAuthEnv, runtime: { baseUrl: string; userEmail: string }): AuthConfig {
  const mode = value(env.RAPPORT_AUTH_MODE);
  const email = runtime.userEmail.trim();
  if (mode === 'dev') {
    if (email === '') throw misconfigured(['dev mode needs the mailbox user\'s e-mail to pick the demo user, and it is empty']);
    return { mode: 'dev', baseUrl: runtime.baseUrl, email };
  }
  if (mode !== 'naa') {
    throw misconfigured([mode === undefined ? 'RAPPORT_AUTH_MODE is not set (dev or naa)' : `RAPPORT_AUTH_MODE is "${mode}", not dev or naa`]);
  }
  const problems: string[] = [];
  const clientId = value(env.RAPPORT_AUTH_CLIENT_ID);
  if (clientId === undefined) problems.push('RAPPORT_AUTH_CLIENT_ID is not set (the Entra ID application (client) id)');
  else if (!GUID.test(clientId)) problems.push(`RAPPORT_AUTH_CLIENT_ID is "${clientId}", not an application (client) id such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301`);
  const scopes = value(env.RAPPORT_API_SCOPE)?.split(/\s+/) ?? [];
  if (scopes.length === 0) problems.push('RAPPORT_API_SCOPE is not set (the Rapport API scope, e.g. api://rapport.example.com/<client id>/access_as_user)');
  const authority = value(env.RAPPORT_AUTH_AUTHORITY);
  if (authority !== undefined && !isHttpsUrl(authority)) problems.push(`RAPPORT_AUTH_AUTHORITY is "${authority}", not an https URL such as https://login.microsoftonline.com/<tenant id>`);
  if (problems.length > 0 || clientId === undefined) throw misconfigured(problems);
  return {
    mode: 'naa',
    clientId,
    scopes,
    ...(authority === undefined ? {} : { authority: authority.replace(/\/+$/, '') }),
    ...(email === '' ? {} : { loginHint: email }),
  };
}

function value(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function isHttpsUrl(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

function misconfigured(problems: string[]): SignInError {
  return new SignInError('misconfigured', `The add-in's sign-in settings are incomplete: ${problems.join('; ')}.`);
}
