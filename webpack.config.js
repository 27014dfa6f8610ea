// Builds the Outlook add-in into dist/addin/, which the service serves as /addin/, and the web
// console into dist/console/, which it serves as /console/ (see the end of this comment).
//
// The add-in:
//
//   taskpane.html + taskpane[.hash].js   the task pane (React + Fluent UI)
//   commands.html + commands.js          ribbon function commands and the OnMessageSend handler; classic
//                                        Outlook on Windows loads commands.js by itself, so it keeps a
//                                        fixed name and is one standalone file with no DOM use
//   manifest.xml                         manifest.xml with the placeholder base URL replaced
//   assets/icon-<size>.png               the icons the manifest names
//
//   npx webpack --mode production     minified; the pages load Office.js from Microsoft's CDN
//   npx webpack --mode development    source maps; no Office.js (see officeJsTag for why); and the
//                                     mailbox preview in dist/preview/ (below)
//   npx webpack --mode development --env optimized
//                                     the same, with the add-in minified and React's production build
//                                     as in a production build: the pane as it ships, in the preview
//                                     (the pane benchmark measures it); still dev tokens, no Office.js
//
// The mailbox preview (development builds only; the service serves it in dev mode only):
//
//   dist/preview/index.html + preview.js   the sample mailbox page, /preview/
//   dist/preview/pane.html                 taskpane.html with the Office stand-in put first, /preview/pane.html
//   dist/preview/commands.html             commands.html likewise, served as /addin/preview/commands.html
//   dist/preview/stand-in.js               the stand-in for Office (src/preview/office-stand-in.ts)
//
// The web console (its own configuration, so that neither's budgets count the other's code):
//
//   dist/console/index.html + console[.hash].js   the console's page and first bundle; pages,
//                                                 languages and msal are chunks loaded on demand
//
// It is built by both modes: production signs in with Microsoft Entra ID (redirect), development
// with the service's demo users.
//
// RAPPORT_PUBLIC_URL is the https address users reach the service at (default https://localhost:3000,
// for sideloading). A production build refuses an http: address, because Outlook loads add-ins only
// over https.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { URL } = require('node:url');
const zlib = require('node:zlib');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/** The base every URL in manifest.xml starts with; the build puts RAPPORT_PUBLIC_URL in its place. */
const PLACEHOLDER_BASE_URL = 'https://localhost:3000';

/** Gzip budget of the task pane's initial JavaScript, Office.js excluded (docs: performance targets). */
const TASKPANE_INITIAL_JS_BUDGET = 200 * 1024;

/** Gzip budget of all the add-in's JavaScript together (every emitted .js, lazy chunks included). */
const ALL_JS_BUDGET = 400 * 1024;

/** Gzip budget of the console's initial JavaScript: what loads before its first page can show. */
const CONSOLE_INITIAL_JS_BUDGET = 250 * 1024;

const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The public base URL from RAPPORT_PUBLIC_URL (or the placeholder when unset), without a trailing
 * slash. Throws with a message naming the variable when the value is not an http(s) URL, carries a
 * query, fragment or credentials, or is http: in a production build.
 */
function resolvePublicUrl(raw, mode) {
  const value = raw === undefined || raw.trim() === '' ? PLACEHOLDER_BASE_URL : raw.trim();
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`RAPPORT_PUBLIC_URL is not a URL: "${value}". Give the address users reach Rapport at, e.g. https://rapport.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`RAPPORT_PUBLIC_URL must be an https URL, not ${url.protocol} ("${value}").`);
  }
  if (url.protocol === 'http:' && mode === 'production') {
    throw new Error(`RAPPORT_PUBLIC_URL is ${value}, but a production build needs https: Outlook loads add-ins only over https. Use http only with --mode development.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`RAPPORT_PUBLIC_URL must be a plain base URL without query, fragment or credentials ("${value}").`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * manifest.xml with the placeholder base replaced in every attribute value that starts with it
 * (comments that mention it stay as they are). Throws when the manifest has no such URL at all.
 */
function renderManifest(xml, publicUrl) {
  const placeholder = new RegExp(`"${PLACEHOLDER_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/)`, 'g');
  if (xml.match(placeholder) === null) {
    throw new Error(`manifest.xml has no URL starting with ${PLACEHOLDER_BASE_URL}/ for the build to replace.`);
  }
  return xml.replace(placeholder, `"${publicUrl}`);
}

/**
 * Emits dist/addin/manifest.xml (base URL replaced) and the icons in assets/. Written inline rather
 * than with copy-webpack-plugin: two files do not justify a dependency.
 */
class AddinFilesPlugin {
  constructor({ manifestPath, assetsDir, publicUrl, warnOnPlaceholder }) {
    this.manifestPath = manifestPath;
    this.assetsDir = assetsDir;
    this.publicUrl = publicUrl;
    this.warnOnPlaceholder = warnOnPlaceholder;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AddinFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AddinFilesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(this.manifestPath);
        compilation.contextDependencies.add(this.assetsDir);
        try {
          const xml = renderManifest(fs.readFileSync(this.manifestPath, 'utf8'), this.publicUrl);
          compilation.emitAsset('manifest.xml', new webpack.sources.RawSource(xml));
          if (this.warnOnPlaceholder && this.publicUrl === PLACEHOLDER_BASE_URL) {
            compilation.warnings.push(new webpack.WebpackError(`RAPPORT_PUBLIC_URL is not set: manifest.xml points at ${PLACEHOLDER_BASE_URL}, which suits sideloading only.`));
          }
        } catch (error) {
          compilation.errors.push(new webpack.WebpackError(error instanceof Error ? error.message : String(error)));
        }
        for (const name of fs.readdirSync(this.assetsDir).filter((file) => file.endsWith('.png'))) {
          compilation.emitAsset(`assets/${name}`, new webpack.sources.RawSource(fs.readFileSync(path.join(this.assetsDir, name))));
        }
      });
    });
  }
}

/**
 * Reports the gzip size of each entry's initial JavaScript and of all emitted JavaScript together,
 * and warns when an entry (`budgets`, by entry name) or the whole (`totalBudget`) is over budget.
 */
class GzipSizePlugin {
  constructor({ budgets, totalBudget }) {
    this.budgets = budgets;
    this.totalBudget = totalBudget;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('GzipSizePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'GzipSizePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const logger = compilation.getLogger('GzipSizePlugin');
        for (const [name, entrypoint] of compilation.entrypoints) {
          const files = entrypoint.getFiles().filter((file) => file.endsWith('.js'));
          const bytes = files.reduce((sum, file) => sum + zlib.gzipSync(compilation.getAsset(file).source.buffer(), { level: 9 }).length, 0);
          logger.info(`${name}: initial JS ${(bytes / 1024).toFixed(1)} KiB gzip (${files.join(', ')})`);
          const budget = this.budgets[name];
          if (budget !== undefined && bytes > budget) {
            compilation.warnings.push(new webpack.WebpackError(`${name}: initial JS is ${(bytes / 1024).toFixed(1)} KiB gzip, over its budget of ${(budget / 1024).toFixed(0)} KiB.`));
          }
        }
        const scripts = compilation.getAssets().filter((asset) => asset.name.endsWith('.js'));
        const total = scripts.reduce((sum, asset) => sum + zlib.gzipSync(asset.source.buffer(), { level: 9 }).length, 0);
        logger.info(`all JS: ${(total / 1024).toFixed(1)} KiB gzip (${scripts.length} files)`);
        if (this.totalBudget !== undefined && total > this.totalBudget) {
          compilation.warnings.push(new webpack.WebpackError(`all JS is ${(total / 1024).toFixed(1)} KiB gzip, over its budget of ${(this.totalBudget / 1024).toFixed(0)} KiB.`));
        }
      });
    });
  }
}

/**
 * Office.js is not bundled: Microsoft supports it only from its CDN, where its fixes reach every add-in
 * at once (the npm package is unsupported). Microsoft documents a <script> in <head>; it runs before our
 * deferred bundle, and the task pane still paints its shell before Office.onReady resolves.
 *
 * Development builds leave it out: they are served by `npm start` on http://localhost:3000, whose mailbox
 * preview installs its own stand-in Office global. The real library would replace it, wait for an Office
 * host that is not there, and make the preview and the browser tests depend on Microsoft's CDN.
 * Sideloading into real Outlook uses a production build.
 */
const officeJsTag = `<script src="${OFFICE_JS_URL}"></script>`;

function page({ title, body, isProduction }) {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    ...(isProduction ? [officeJsTag] : []),
    '<style>html, body { margin: 0; }</style>',
  ];
  return `<!doctype html>\n<html lang="en">\n  <head>\n    ${head.join('\n    ')}\n  </head>\n  <body>${body}</body>\n</html>\n`;
}

/**
 * The build-time settings of the add-in's bundles (src/addin/auth reads them): sign-in by Nested App
 * Authentication in production and by the dev service's tokens in development, whatever the
 * environment says, so that no production build can accept dev tokens; the Entra ID values from the
 * environment variables of the same names ('' when unset).
 */
function buildSettings(mode, env, { optimized = false } = {}) {
  const fromEnv = (name) => JSON.stringify(env[name] ?? '');
  return {
    // An optimized development build runs libraries' production code; sign-in stays the mode's.
    'process.env.NODE_ENV': JSON.stringify(optimized ? 'production' : mode),
    'process.env.RAPPORT_AUTH_MODE': JSON.stringify(mode === 'production' ? 'naa' : 'dev'),
    'process.env.RAPPORT_AUTH_CLIENT_ID': fromEnv('RAPPORT_AUTH_CLIENT_ID'),
    'process.env.RAPPORT_AUTH_AUTHORITY': fromEnv('RAPPORT_AUTH_AUTHORITY'),
    'process.env.RAPPORT_API_SCOPE': fromEnv('RAPPORT_API_SCOPE'),
  };
}

/**
 * The console's build-time settings: the add-in's, except the sign-in mode, which is the redirect
 * flow of an ordinary web page in production (`redirect`) and the demo users in development.
 */
function consoleBuildSettings(mode, env, options = {}) {
  return { ...buildSettings(mode, env, options), 'process.env.RAPPORT_AUTH_MODE': JSON.stringify(mode === 'production' ? 'redirect' : 'dev') };
}

const ADDIN_DIST = path.resolve(__dirname, 'dist/addin');
const CONSOLE_DIST = path.resolve(__dirname, 'dist/console');
const PREVIEW_DIST = path.resolve(__dirname, 'dist/preview');

/**
 * Emits the preview's pane.html and commands.html: the add-in's own pages as just built (so the
 * preview runs exactly the pane and commands that Outlook would load, whatever their script tags),
 * with two things put first in <head>:
 * - <base href="/addin/">, so that the pages' relative URLs (their bundles, lazily loaded chunks)
 *   resolve where they do in Outlook;
 * - the stand-in as a plain synchronous script, so `Office` exists before any add-in script runs.
 * Runs after the add-in build (the preview configuration depends on it) and reads its output.
 */
class PreviewPagesPlugin {
  constructor({ addinDir, pages, standInSrc }) {
    this.addinDir = addinDir;
    this.pages = pages;
    this.standInSrc = standInSrc;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PreviewPagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PreviewPagesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [source, target] of Object.entries(this.pages)) {
          const file = path.join(this.addinDir, source);
          compilation.fileDependencies.add(file);
          let html;
          try {
            html = fs.readFileSync(file, 'utf8');
          } catch {
            compilation.errors.push(new webpack.WebpackError(`The preview needs ${path.relative(__dirname, file)} from the add-in build, which is not there.`));
            continue;
          }
          if (!/<head>/i.test(html) || html.includes(OFFICE_JS_URL)) {
            compilation.errors.push(new webpack.WebpackError(`${source} is not a development page of the add-in (no <head>, or it loads Office.js).`));
            continue;
          }
          const first = `<head>\n    <base href="/addin/">\n    <script src="${this.standInSrc}"></script>`;
          compilation.emitAsset(target, new webpack.sources.RawSource(html.replace(/<head>/i, first)));
        }
      });
    });
  }
}

/**
 * Removes a stale preview from an earlier development build: its pages are made from development
 * pages of the add-in and would load bundles that a production build no longer has.
 */
class RemoveStalePreviewPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('RemoveStalePreviewPlugin', () => fs.rmSync(PREVIEW_DIST, { recursive: true, force: true }));
  }
}

/** The mailbox preview (development builds only): its page, the stand-in, and the pane and commands pages. */
function previewConfig() {
  const css = fs.readFileSync(path.resolve(__dirname, 'src/preview/preview.css'), 'utf8');
  return {
    name: 'preview',
    // The pane and commands pages are made from the add-in's, so the add-in is built first.
    dependencies: ['addin'],
    mode: 'development',
    context: __dirname,
    target: 'web',
    entry: {
      preview: './src/preview/preview-page.ts',
      'stand-in': './src/preview/stand-in-page.ts',
    },
    output: {
      path: PREVIEW_DIST,
      filename: '[name].js',
      // Absolute: pane.html's <base> points elsewhere, and commands.html is served under /addin/.
      publicPath: '/preview/',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'esbuild-loader', options: { loader: 'ts', target: 'es2020' } } }],
    },
    devtool: 'source-map',
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: ['preview'],
        templateContent: [
          '<!doctype html>',
          '<html lang="en">',
          '  <head>',
          '    <meta charset="utf-8">',
          '    <meta name="viewport" content="width=device-width, initial-scale=1">',
          '    <title>Rapport – mailbox preview</title>',
          `    <style>\n${css}    </style>`,
          '  </head>',
          '  <body><div id="preview"></div></body>',
          '</html>',
          '',
        ].join('\n'),
      }),
      new PreviewPagesPlugin({ addinDir: ADDIN_DIST, pages: { 'taskpane.html': 'pane.html', 'commands.html': 'commands.html' }, standInSrc: '/preview/stand-in.js' }),
    ],
  };
}

/**
 * The web console: dist/console/index.html and its bundles. Script URLs are absolute under
 * /console/: the service answers index.html for every console address (deep links such as
 * /console/setup/marketing), where relative URLs would point elsewhere.
 */
function consoleConfig({ mode, optimized }) {
  const isProduction = mode === 'production';
  return {
    name: 'console',
    mode: optimized ? 'production' : mode,
    context: __dirname,
    target: 'web',
    entry: { console: './src/console/index.tsx' },
    output: {
      path: CONSOLE_DIST,
      filename: isProduction ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: isProduction ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '/console/',
      // Its own chunk registry, apart from the add-in's.
      uniqueName: 'rapport-console',
      // Development files keep their names from build to build, so a development build overwrites
      // them in place and a service (a browser test) serving the folder meanwhile never finds it
      // empty; production names carry hashes, and the old ones go.
      clean: isProduction,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: ['ts', 'tsx'].map((loader) => ({
        test: new RegExp(`\\.${loader}$`),
        exclude: /node_modules/,
        use: { loader: 'esbuild-loader', options: { loader, jsx: 'automatic', target: 'es2020' } },
      })),
    },
    devtool: isProduction || optimized ? false : 'source-map',
    performance: { hints: false },
    optimization: { nodeEnv: false },
    plugins: [
      new webpack.DefinePlugin(consoleBuildSettings(mode, process.env, { optimized })),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        chunks: ['console'],
        templateContent: [
          '<!doctype html>',
          '<html lang="en">',
          '  <head>',
          '    <meta charset="utf-8">',
          '    <meta name="viewport" content="width=device-width, initial-scale=1">',
          '    <title>Rapport</title>',
          '    <style>html, body { margin: 0; }</style>',
          '  </head>',
          '  <body><div id="root"></div></body>',
          '</html>',
          '',
        ].join('\n'),
      }),
      new GzipSizePlugin({ budgets: isProduction ? { console: CONSOLE_INITIAL_JS_BUDGET } : {} }),
    ],
  };
}

module.exports = function rapportAddinConfig(env = {}, argv = {}) {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const isProduction = mode === 'production';
  // Bundled like production (minified, tree-shaken, no source maps), served like development.
  const optimized = !isProduction && Boolean(env.optimized);
  const publicUrl = resolvePublicUrl(process.env.RAPPORT_PUBLIC_URL, mode);

  const addin = {
    name: 'addin',
    mode: optimized ? 'production' : mode,
    context: __dirname,
    target: 'web',
    entry: {
      taskpane: './src/addin/taskpane/index.tsx',
      commands: './src/addin/commands/commands.ts',
    },
    output: {
      path: ADDIN_DIST,
      // commands.js is named in the manifest, so it never carries a hash. The pane's bundle does in
      // production, so that a new release is not hidden behind a cached file.
      filename: (pathData) => (pathData.chunk.name === 'commands' || !isProduction ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: isProduction ? '[name].[contenthash:8].js' : '[name].js',
      // Relative URLs: the pages and their scripts sit side by side under /addin/.
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        // Chromium (WebView2, new Outlook, the web) and Safari/WebKit on Mac. Classic Outlook's
        // JavaScript-only runtime accepts ES2020 from Version 2403; older builds ran ES2016 only.
        ...['ts', 'tsx'].map((loader) => ({
          test: new RegExp(`\\.${loader}$`),
          exclude: /node_modules/,
          use: { loader: 'esbuild-loader', options: { loader, jsx: 'automatic', target: 'es2020' } },
        })),
      ],
    },
    // Plain source-map files, not eval-based ones: the handler bundle must stay a plain script for
    // classic Outlook's JavaScript-only runtime.
    devtool: isProduction || optimized ? false : 'source-map',
    // The budget that matters is gzip size (GzipSizePlugin); webpack's own hints measure raw size.
    performance: { hints: false },
    // NODE_ENV comes from buildSettings with the others, not from webpack's own definition of it.
    optimization: { nodeEnv: false },
    plugins: [
      new webpack.DefinePlugin(buildSettings(mode, process.env, { optimized })),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        templateContent: page({ title: 'Rapport', body: '<div id="root"></div>', isProduction }),
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        chunks: ['commands'],
        templateContent: page({ title: 'Rapport commands', body: '', isProduction }),
      }),
      new AddinFilesPlugin({
        manifestPath: path.resolve(__dirname, 'manifest.xml'),
        assetsDir: path.resolve(__dirname, 'assets'),
        publicUrl,
        warnOnPlaceholder: isProduction,
      }),
      new GzipSizePlugin({ budgets: isProduction ? { taskpane: TASKPANE_INITIAL_JS_BUDGET } : {}, totalBudget: isProduction ? ALL_JS_BUDGET : undefined }),
      ...(isProduction ? [new RemoveStalePreviewPlugin()] : []),
    ],
  };

  // The preview stands in for Outlook, which only development builds (no Office.js) can run under.
  return isProduction ? [addin, consoleConfig({ mode, optimized })] : [addin, previewConfig(), consoleConfig({ mode, optimized })];
};

// For test/manifest: the same URL rules and substitution the build applies.
module.exports.PLACEHOLDER_BASE_URL = PLACEHOLDER_BASE_URL;
module.exports.resolvePublicUrl = resolvePublicUrl;
module.exports.renderManifest = renderManifest;
// For tests of the build-time settings.
module.exports.buildSettings = buildSettings;
module.exports.consoleBuildSettings = consoleBuildSettings;
