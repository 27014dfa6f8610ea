// Jest's transform: esbuild strips the types and writes CommonJS (no type-check here; `npm run
// typecheck` does that). esbuild is already a dependency of tsx, and unlike swc it needs no
// per-platform package that a registry mirror might lack.
//
// PGlite loads Node's built-ins with dynamic `import("fs")`, which Jest's CommonJS sandbox cannot
// run without Node's experimental VM modules; in PGlite's files those become a require() through
// the module's own `require` (captured at the top: Emscripten code declares a local `require`).
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const { transformSync, version } = require('esbuild');

// Jest caches transformed files: the key includes this file, so editing it re-transforms everything.
const OWN_SOURCE = fs.readFileSync(__filename, 'utf8');

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };
const DYNAMIC_IMPORT_AS_REQUIRE =
  'const __importAsRequire = ((load) => (name) => Promise.resolve().then(() => { const m = load(name); return m && m.__esModule ? m : { ...m, default: m }; }))(require);\n';

module.exports = {
  getCacheKey(source, filename) {
    return crypto.createHash('sha256').update(OWN_SOURCE).update(version).update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename) {
    const extension = filename.slice(filename.lastIndexOf('.'));
    const input = filename.includes('/node_modules/@electric-sql/pglite/')
      ? DYNAMIC_IMPORT_AS_REQUIRE + source.replace(/\bimport\((?=["'])/g, '__importAsRequire(')
      : source;
    const { code, map } = transformSync(input, {
      loader: LOADERS[extension] ?? 'js',
      format: 'cjs',
      target: 'es2022',
      jsx: 'automatic',
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
};
