/**
 * The console's production build for the browser benchmarks: `webpack --mode production
 * --config-name console` with the sign-in settings of a real deployment (Entra ID redirect, an
 * application id and an API scope), so the bundle is the one that ships. The build is reused while
 * it is newer than every source it is made from and carries these settings.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(__dirname, '../..');
export const CONSOLE_DIST = path.join(ROOT, 'dist/console');

/** The sign-in settings the benchmark's build carries; the Entra ID stand-in answers for this application. */
export const BENCH_CONSOLE_AUTH = {
  clientId: '6c1f2f0e-1b7a-4c55-9a8e-b3a1c0de0001',
  scope: 'api://rapport-bench/access_as_user',
} as const;

export type ConsoleBuild = {
  /** Whether this run built it (false: an up-to-date build was reused). */
  built: boolean;
  buildSeconds: number | null;
  /** The scripts index.html loads, i.e. the entry's initial JavaScript. */
  initialScripts: string[];
  initialGzipBytes: number;
  /** GzipSizePlugin's own line, when this run built it (the same figure, as the build reports it). */
  webpackInitialLine: string | null;
};

export const gzipBytes = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** The scripts index.html names, as files under dist/console. */
function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(CONSOLE_DIST, 'index.html'), 'utf8');
  // The page is minified: attribute values may go unquoted.
  return [...html.matchAll(/<script[^>]*\ssrc=["']?\/console\/([^"'\s>]+)/g)].map((match) => match[1] ?? '').filter((name) => name !== '');
}

/** Whether dist/console is a production build with the benchmark's settings, newer than its sources. */
function isCurrent(): boolean {
  const index = path.join(CONSOLE_DIST, 'index.html');
  if (!fs.existsSync(index)) return false;
  const scripts = initialScripts();
  // Production bundles carry a content hash; development ones do not.
  if (scripts.length === 0 || !scripts.every((name) => /\.[0-9a-f]{8}\.js$/.test(name) && fs.existsSync(path.join(CONSOLE_DIST, name)))) return false;
  if (!scripts.some((name) => fs.readFileSync(path.join(CONSOLE_DIST, name), 'utf8').includes(BENCH_CONSOLE_AUTH.clientId))) return false;
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), ...['webpack.config.js', 'package-lock.json', 'tsconfig.json'].map((file) => newestMtime(path.join(ROOT, file))));
  return fs.statSync(index).mtimeMs > sources;
}

/** Builds the console for production unless an up-to-date benchmark build is there; BENCH_REBUILD=1 always builds. */
export function productionConsole(): ConsoleBuild {
  let built = false;
  let buildSeconds: number | null = null;
  let webpackInitialLine: string | null = null;
  if (process.env.BENCH_REBUILD === '1' || !isCurrent()) {
    const started = Date.now();
    const result = spawnSync('npx', ['webpack', '--mode', 'production', '--config-name', 'console'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, RAPPORT_AUTH_CLIENT_ID: BENCH_CONSOLE_AUTH.clientId, RAPPORT_API_SCOPE: BENCH_CONSOLE_AUTH.scope, RAPPORT_AUTH_AUTHORITY: '' },
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (result.error !== undefined || result.status !== 0) throw new Error(`the console's production build failed:\n${output.slice(-4000)}`);
    built = true;
    buildSeconds = (Date.now() - started) / 1000;
    webpackInitialLine = /console: initial JS [^\n]*/.exec(output)?.[0] ?? null;
  }
  const scripts = initialScripts();
  return {
    built,
    buildSeconds,
    initialScripts: scripts,
    initialGzipBytes: scripts.reduce((sum, name) => sum + gzipBytes(path.join(CONSOLE_DIST, name)), 0),
    webpackInitialLine,
  };
}
