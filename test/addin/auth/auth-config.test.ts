import { authConfigFromBuild, readBuildAuthEnv, type AuthConfig, type BuildAuthEnv } from '../../../src/addin/auth/auth-config';
import { SignInError } from '../../../src/addin/auth/sign-in-error';

const CLIENT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SCOPE = `api://rapport.example.com/${CLIENT_ID}/access_as_user`;
const runtime = { baseUrl: 'https://rapport.example.com', userEmail: 'anna@cronus.example' };

describe('authConfigFromBuild', () => {
  test.each<[string, BuildAuthEnv, { baseUrl: string; userEmail: string }, AuthConfig]>([
    ['dev mode signs in the mailbox user at the service', { RAPPORT_AUTH_MODE: 'dev' }, runtime, { mode: 'dev', baseUrl: 'https://rapport.example.com', email: 'anna@cronus.example' }],
    ['dev mode ignores NAA settings it does not use', { RAPPORT_AUTH_MODE: ' dev ', RAPPORT_AUTH_CLIENT_ID: 'whatever' }, runtime, { mode: 'dev', baseUrl: 'https://rapport.example.com', email: 'anna@cronus.example' }],
    [
      'naa mode with every setting',
      { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_AUTH_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/', RAPPORT_API_SCOPE: SCOPE },
      runtime,
      { mode: 'naa', clientId: CLIENT_ID, authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com', scopes: [SCOPE], loginHint: 'anna@cronus.example' },
    ],
    [
      'naa mode without an authority leaves msal\'s default',
      { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_AUTH_AUTHORITY: '', RAPPORT_API_SCOPE: SCOPE },
      runtime,
      { mode: 'naa', clientId: CLIENT_ID, scopes: [SCOPE], loginHint: 'anna@cronus.example' },
    ],
    [
      'naa mode splits several scopes on spaces',
      { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_API_SCOPE: `  ${SCOPE}   User.Read ` },
      runtime,
      { mode: 'naa', clientId: CLIENT_ID, scopes: [SCOPE, 'User.Read'], loginHint: 'anna@cronus.example' },
    ],
    [
      'naa mode without a mailbox address has no login hint',
      { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_API_SCOPE: SCOPE },
      { baseUrl: 'https://rapport.example.com', userEmail: ' ' },
      { mode: 'naa', clientId: CLIENT_ID, scopes: [SCOPE] },
    ],
  ])('%s', (_title, env, run, expected) => {
    expect(authConfigFromBuild(env, run)).toEqual(expected);
  });

  test.each<[string, BuildAuthEnv, string, RegExp[]]>([
    ['no mode at all', {}, runtime.userEmail, [/RAPPORT_AUTH_MODE is not set/]],
    ['an unknown mode', { RAPPORT_AUTH_MODE: 'oauth' }, runtime.userEmail, [/RAPPORT_AUTH_MODE is "oauth"/]],
    ['dev mode without the mailbox user', { RAPPORT_AUTH_MODE: 'dev' }, '', [/mailbox user's e-mail/]],
    ['naa mode with nothing else, naming both missing settings', { RAPPORT_AUTH_MODE: 'naa' }, runtime.userEmail, [/RAPPORT_AUTH_CLIENT_ID is not set/, /RAPPORT_API_SCOPE is not set/]],
    ['a client id that is not a GUID', { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: 'Rapport', RAPPORT_API_SCOPE: SCOPE }, runtime.userEmail, [/RAPPORT_AUTH_CLIENT_ID is "Rapport"/]],
    ['a blank scope', { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_API_SCOPE: '   ' }, runtime.userEmail, [/RAPPORT_API_SCOPE is not set/]],
    [
      'an authority over http',
      { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_API_SCOPE: SCOPE, RAPPORT_AUTH_AUTHORITY: 'http://login.microsoftonline.com/common' },
      runtime.userEmail,
      [/RAPPORT_AUTH_AUTHORITY is "http:\/\/login/],
    ],
    ['an authority that is no URL', { RAPPORT_AUTH_MODE: 'naa', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_API_SCOPE: SCOPE, RAPPORT_AUTH_AUTHORITY: 'contoso' }, runtime.userEmail, [/RAPPORT_AUTH_AUTHORITY is "contoso"/]],
  ])('refuses %s with a message naming the setting', (_title, env, userEmail, messages) => {
    let thrown: unknown;
    try {
      authConfigFromBuild(env, { baseUrl: runtime.baseUrl, userEmail });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SignInError);
    const error = thrown as SignInError;
    expect(error.code).toBe('misconfigured');
    for (const message of messages) expect(error.message).toMatch(message);
  });
});

describe('readBuildAuthEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('reads each key by its process.env name, the form the build replaces', () => {
    process.env.RAPPORT_AUTH_MODE = 'naa';
    process.env.RAPPORT_AUTH_CLIENT_ID = CLIENT_ID;
    process.env.RAPPORT_AUTH_AUTHORITY = 'https://login.microsoftonline.com/common';
    process.env.RAPPORT_API_SCOPE = SCOPE;
    expect(readBuildAuthEnv()).toEqual({
      RAPPORT_AUTH_MODE: 'naa',
      RAPPORT_AUTH_CLIENT_ID: CLIENT_ID,
      RAPPORT_AUTH_AUTHORITY: 'https://login.microsoftonline.com/common',
      RAPPORT_API_SCOPE: SCOPE,
    });
  });
});
