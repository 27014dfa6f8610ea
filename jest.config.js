/** Jest runs TypeScript through esbuild; every test file lives under test/, mirroring src/. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(c|m)?(t|j)sx?$': '<rootDir>/test/helpers/esbuild-transform.js',
  },
  // Compiled like our own code: ESM-only dependencies (light-my-request's cookie, @fastify/static's
  // content-disposition, office-addin-mock's strip-bom and uuid) and PGlite, whose dynamic imports
  // the transform turns into require().
  transformIgnorePatterns: ['^(?!.*/node_modules/(cookie|content-disposition|strip-bom|uuid|@electric-sql/pglite)/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
};
