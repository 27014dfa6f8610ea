// The build-time settings webpack.config.js defines for the console's bundles (DefinePlugin).
type BuildModule = {
  consoleBuildSettings(mode: 'production' | 'development', env: Record<string, string | undefined>, options?: { optimized?: boolean }): Record<string, string>;
};
// webpack.config.js is CommonJS without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { consoleBuildSettings } = require('../../webpack.config.js') as BuildModule;

const values = (settings: Record<string, string>) => Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, JSON.parse(value) as unknown]));

test('production signs in with Entra ID by redirect, on the add-in’s registration', () => {
  const env = { RAPPORT_AUTH_CLIENT_ID: 'c1d2', RAPPORT_AUTH_AUTHORITY: 'https://login.microsoftonline.com/tenant', RAPPORT_API_SCOPE: 'api://rapport/access' };
  expect(values(consoleBuildSettings('production', env))).toEqual({
    'process.env.NODE_ENV': 'production',
    'process.env.RAPPORT_AUTH_MODE': 'redirect',
    'process.env.RAPPORT_AUTH_CLIENT_ID': 'c1d2',
    'process.env.RAPPORT_AUTH_AUTHORITY': 'https://login.microsoftonline.com/tenant',
    'process.env.RAPPORT_API_SCOPE': 'api://rapport/access',
  });
});

test('development signs in with the demo users, and the environment cannot switch production to them', () => {
  expect(values(consoleBuildSettings('development', {}))['process.env.RAPPORT_AUTH_MODE']).toBe('dev');
  expect(values(consoleBuildSettings('development', {}, { optimized: true }))).toMatchObject({ 'process.env.NODE_ENV': 'production', 'process.env.RAPPORT_AUTH_MODE': 'dev' });
  expect(values(consoleBuildSettings('production', { RAPPORT_AUTH_MODE: 'dev' }))['process.env.RAPPORT_AUTH_MODE']).toBe('redirect');
});
