// The build-time settings webpack.config.js defines for the add-in's bundles (DefinePlugin).
type BuildModule = {
  buildSettings(mode: 'production' | 'development', env: Record<string, string | undefined>, options?: { optimized?: boolean }): Record<string, string>;
};
// webpack.config.js is CommonJS without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildSettings } = require('../../webpack.config.js') as BuildModule;

const KEYS = ['process.env.NODE_ENV', 'process.env.RAPPORT_AUTH_MODE', 'process.env.RAPPORT_AUTH_CLIENT_ID', 'process.env.RAPPORT_AUTH_AUTHORITY', 'process.env.RAPPORT_API_SCOPE'];
const values = (settings: Record<string, string>) => Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, JSON.parse(value) as unknown]));

describe('buildSettings', () => {
  test('production signs in with NAA and takes the Entra ID values from the environment', () => {
    const env = { RAPPORT_AUTH_CLIENT_ID: 'c1d2', RAPPORT_AUTH_AUTHORITY: 'https://login.microsoftonline.com/common', RAPPORT_API_SCOPE: 'api://rapport/access' };
    expect(values(buildSettings('production', env))).toEqual({
      'process.env.NODE_ENV': 'production',
      'process.env.RAPPORT_AUTH_MODE': 'naa',
      'process.env.RAPPORT_AUTH_CLIENT_ID': 'c1d2',
      'process.env.RAPPORT_AUTH_AUTHORITY': 'https://login.microsoftonline.com/common',
      'process.env.RAPPORT_API_SCOPE': 'api://rapport/access',
    });
  });

  test('development uses dev tokens, with empty strings for what is unset', () => {
    expect(values(buildSettings('development', {}))).toEqual({
      'process.env.NODE_ENV': 'development',
      'process.env.RAPPORT_AUTH_MODE': 'dev',
      'process.env.RAPPORT_AUTH_CLIENT_ID': '',
      'process.env.RAPPORT_AUTH_AUTHORITY': '',
      'process.env.RAPPORT_API_SCOPE': '',
    });
  });

  test('an optimized development build runs production library code but still signs in with dev tokens', () => {
    expect(values(buildSettings('development', {}, { optimized: true }))).toMatchObject({ 'process.env.NODE_ENV': 'production', 'process.env.RAPPORT_AUTH_MODE': 'dev' });
  });

  test('the environment cannot switch a production build to dev tokens', () => {
    expect(values(buildSettings('production', { RAPPORT_AUTH_MODE: 'dev' }))['process.env.RAPPORT_AUTH_MODE']).toBe('naa');
    expect(Object.keys(buildSettings('production', {})).sort()).toEqual([...KEYS].sort());
  });
});
