import { ConfigError, loadConfig } from '../../src/server/config';

const production = {
  RAPPORT_AUTH_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
  RAPPORT_AUTH_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
  RAPPORT_AUTH_AUDIENCE: 'api://rapport',
};

describe('configuration from the environment', () => {
  test('defaults: port 3000 on loopback, PGlite in ./data', () => {
    const config = loadConfig({ ...production });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, dev: false, publicUrl: 'http://localhost:3000' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  test('dev mode needs no identity settings', () => {
    expect(loadConfig({ RAPPORT_DEV: '1' }).dev).toBe(true);
  });

  test.each([
    ['dev mode on a public address', { RAPPORT_DEV: '1', HOST: '0.0.0.0' }, /loopback/],
    ['no key set outside dev mode', { RAPPORT_AUTH_ISSUER: 'x', RAPPORT_AUTH_AUDIENCE: 'y' }, /JWKS/],
    ['two key sets', { ...production, RAPPORT_AUTH_JWKS_FILE: '/tmp/jwks.json' }, /only one/],
    ['no issuer', { RAPPORT_AUTH_JWKS_FILE: '/tmp/jwks.json', RAPPORT_AUTH_AUDIENCE: 'y' }, /RAPPORT_AUTH_ISSUER/],
    ['no audience', { RAPPORT_AUTH_JWKS_FILE: '/tmp/jwks.json', RAPPORT_AUTH_ISSUER: 'x' }, /RAPPORT_AUTH_AUDIENCE/],
    ['a port that is not a number', { ...production, PORT: 'eighty' }, /PORT/],
    ['an unknown log level', { ...production, LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('%s stops the start with a message naming the problem', (_case, environment, message) => {
    expect(() => loadConfig(environment)).toThrow(ConfigError);
    expect(() => loadConfig(environment)).toThrow(message);
  });
});
