/** Jest runs TypeScript through swc; every test file lives under test/, mirroring src/. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }],
  },
  // ESM-only dependencies (light-my-request's cookie; office-addin-mock's strip-bom and uuid) are
  // compiled to CommonJS like our own code.
  transformIgnorePatterns: ['^(?!.*/node_modules/(cookie|strip-bom|uuid)/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
};
