import { SignInError } from './sign-in-error';

/**
 * How the console signs in, from the build:
 * - `dev`: the service's demo users (development builds, `npm start`).
 * - `redirect`: Microsoft Entra ID by msal-browser's redirect flow. `clientId` is the app
 *   registration the add-in uses too, `authority` the tenant's (msal's multi-tenant default when
 *   absent), `scopes` the Rapport API's.
 */
export type ConsoleAuthConfig = { mode: 'dev' } | { mode: 'redirect'; clientId: string; authority?: string; scopes: string[] };

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
 * The console's sign-in configuration from the build's settings. Pure. Throws
 * `SignInError('misconfigured')` naming every missing or invalid setting at once: `RAPPORT_AUTH_MODE`
 * must be `dev` or `redirect`; `redirect` needs `RAPPORT_AUTH_CLIENT_ID` (a GUID) and
 * `RAPPORT_API_SCOPE` (scopes separated by spaces), and takes an optional https
 * `RAPPORT_AUTH_AUTHORITY`.
 */
export function consoleAuthConfig(env: BuildAuthEnv): ConsoleAuthConfig {
  const mode = value(env.RAPPORT_AUTH_MODE);
  if (mode === 'dev') return { mode: 'dev' };
  if (mode !== 'redirect') {
    throw misconfigured([mode === undefined ? 'RAPPORT_AUTH_MODE is not set (dev or redirect)' : `RAPPORT_AUTH_MODE is "${mode}", not dev or redirect`]);
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
  return { mode: 'redirect', clientId, scopes, ...(authority === undefined ? {} : { authority: authority.replace(/\/+$/, '') }) };
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
  return new SignInError('misconfigured', `The console's sign-in settings are incomplete: ${problems.join('; ')}.`);
}
