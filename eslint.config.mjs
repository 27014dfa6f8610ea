// Lint rules, and the dependency direction between the rooms of src/ (docs/architecture.md):
// domain ← contract ← server, addin and console; ui-shared (i18n, formatting, the Fluent theme)
// ← addin and console. server, addin and console never import each other, ui-shared imports none
// of them; only addin/office touches Office, only addin/auth and console/auth import msal.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbid = (groups) => ({ 'no-restricted-imports': ['error', { patterns: groups }] });
const room = (name, message) => ({ group: [`**/${name}`, `**/${name}/**`], message });
const msal = (message) => ({ group: ['@azure/msal-*'], message });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'bench/results/', 'assets/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: forbid([
      room('contract', 'domain is pure: it imports nothing outside itself.'),
      room('server', 'domain is pure: it imports nothing outside itself.'),
      room('addin', 'domain is pure: it imports nothing outside itself.'),
      room('console', 'domain is pure: it imports nothing outside itself.'),
      room('ui-shared', 'domain is pure: it imports nothing outside itself.'),
      { group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'fastify', 'react', 'dexie'], message: 'domain does no I/O and uses no framework.' },
    ]),
  },
  {
    files: ['src/contract/**'],
    rules: forbid([
      room('server', 'contract imports domain types only.'),
      room('addin', 'contract imports domain types only.'),
      room('console', 'contract imports domain types only.'),
      room('ui-shared', 'contract imports domain types only.'),
    ]),
  },
  {
    files: ['src/server/**'],
    rules: forbid([
      room('addin', 'server never imports the add-in.'),
      room('console', 'server never imports the console.'),
      room('ui-shared', 'server never imports the clients\' shared UI code.'),
    ]),
  },
  {
    files: ['src/addin/**'],
    ignores: ['src/addin/auth/**'],
    rules: forbid([
      room('server', 'the add-in never imports the server; talk to it over HTTP.'),
      room('console', 'the add-in never imports the console; share through src/ui-shared.'),
      msal('Only src/addin/auth imports msal.'),
    ]),
  },
  {
    files: ['src/addin/auth/**'],
    rules: forbid([
      room('server', 'the add-in never imports the server; talk to it over HTTP.'),
      room('console', 'the add-in never imports the console; share through src/ui-shared.'),
    ]),
  },
  {
    // commands.js is one standalone file, and the pane's first bundle is on a tight budget: what
    // they are made of reads answers with src/addin/api/guards.ts, not zod and the contract's schemas
    // (their types are free). The sync chunk and the lazy views and forms may use them.
    files: ['src/addin/commands/**', 'src/addin/auth/**', 'src/addin/office/**', 'src/addin/cache/**', 'src/addin/i18n/**', 'src/addin/api/guards.ts', 'src/addin/api/read-problem.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['zod', '**/contract', '**/contract/**'], allowTypeImports: true, message: 'Types only here: zod and the contract\'s schemas stay out of commands.js and the pane\'s first bundle (src/addin/api/guards.ts says why).' }] }],
    },
  },
  {
    files: ['src/console/**'],
    ignores: ['src/console/auth/**'],
    rules: forbid([
      room('server', 'the console never imports the server; talk to it over HTTP.'),
      room('addin', 'the console never imports the add-in; share through src/ui-shared.'),
      msal('Only src/console/auth imports msal.'),
    ]),
  },
  {
    files: ['src/console/auth/**'],
    rules: forbid([
      room('server', 'the console never imports the server; talk to it over HTTP.'),
      room('addin', 'the console never imports the add-in; share through src/ui-shared.'),
    ]),
  },
  {
    files: ['src/ui-shared/**'],
    rules: forbid([
      room('server', 'ui-shared is what the add-in and the console share; it imports neither them nor the server.'),
      room('addin', 'ui-shared is what the add-in and the console share; it imports neither them nor the server.'),
      room('console', 'ui-shared is what the add-in and the console share; it imports neither them nor the server.'),
      msal('ui-shared holds no sign-in code.'),
    ]),
  },
  {
    files: ['src/**'],
    ignores: ['src/addin/office/**'],
    rules: { 'no-restricted-globals': ['error', { name: 'Office', message: 'Only src/addin/office touches the Office global.' }] },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Jest's global setup is loaded as the module's default export.
    files: ['test/helpers/global-setup.ts', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
