import { consoleAuthConfig } from '../../../src/console/auth/auth-config';
import { createConsoleAuth } from '../../../src/console/auth/create-auth';
import { SignInError } from '../../../src/console/auth/sign-in-error';
import { memoryStorage } from '../console-harness';

const CLIENT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SCOPE = `api://rapport.example.com/${CLIENT_ID}/access_as_user`;

test.each([
  ['dev mode', { RAPPORT_AUTH_MODE: 'dev' }, { mode: 'dev' }],
  ['Entra ID', { RAPPORT_AUTH_MODE: 'redirect', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_API_SCOPE: SCOPE }, { mode: 'redirect', clientId: CLIENT_ID, scopes: [SCOPE] }],
  [
    'Entra ID with a tenant and two scopes',
    { RAPPORT_AUTH_MODE: ' redirect ', RAPPORT_AUTH_CLIENT_ID: CLIENT_ID, RAPPORT_API_SCOPE: `${SCOPE} openid`, RAPPORT_AUTH_AUTHORITY: 'https://login.microsoftonline.com/tenant/' },
    { mode: 'redirect', clientId: CLIENT_ID, scopes: [SCOPE, 'openid'], authority: 'https://login.microsoftonline.com/tenant' },
  ],
])('%s', (_case, env, config) => {
  expect(consoleAuthConfig(env)).toEqual(config);
});

test.each([
  ['no mode', {}, ['RAPPORT_AUTH_MODE is not set']],
  ['the add-in’s mode', { RAPPORT_AUTH_MODE: 'naa' }, ['RAPPORT_AUTH_MODE is "naa"']],
  ['nothing for Entra ID', { RAPPORT_AUTH_MODE: 'redirect' }, ['RAPPORT_AUTH_CLIENT_ID is not set', 'RAPPORT_API_SCOPE is not set']],
  [
    'a name for a client id and an http authority',
    { RAPPORT_AUTH_MODE: 'redirect', RAPPORT_AUTH_CLIENT_ID: 'Rapport', RAPPORT_API_SCOPE: SCOPE, RAPPORT_AUTH_AUTHORITY: 'http://login.example' },
    ['RAPPORT_AUTH_CLIENT_ID is "Rapport"', 'RAPPORT_AUTH_AUTHORITY is "http://login.example"'],
  ],
])('%s is refused, naming every setting at once', (_case, env, problems) => {
  const error = (() => {
    try {
      consoleAuthConfig(env);
      return null;
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(SignInError);
  expect(error).toMatchObject({ code: 'misconfigured' });
  for (const problem of problems) expect((error as Error).message).toContain(problem);
});

describe('the build decides the sign-in', () => {
  const deps = { origin: 'http://localhost:3000', fetch: async () => ({}) as Response, storage: memoryStorage(), now: () => 0 };
  const built = process.env.RAPPORT_AUTH_MODE;
  afterEach(() => {
    if (built === undefined) delete process.env.RAPPORT_AUTH_MODE;
    else process.env.RAPPORT_AUTH_MODE = built;
  });

  test('a production build has no demo-user picker, a development build no Entra ID', () => {
    process.env.RAPPORT_AUTH_MODE = 'redirect';
    expect(() => createConsoleAuth({ mode: 'dev' }, deps)).toThrow('Microsoft Entra ID only');
    expect(createConsoleAuth({ mode: 'redirect', clientId: CLIENT_ID, scopes: [SCOPE] }, deps).method).toBe('redirect');
    process.env.RAPPORT_AUTH_MODE = 'dev';
    expect(() => createConsoleAuth({ mode: 'redirect', clientId: CLIENT_ID, scopes: [SCOPE] }, deps)).toThrow('demo users of dev mode only');
    expect(createConsoleAuth({ mode: 'dev' }, deps).method).toBe('devPicker');
  });
});
