import path from 'node:path';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';

export const BENCH_PAGE_PATH = '/bench/index.html';
const BENCH_SCRIPT_PATH = '/bench/bench.js';

export type BenchPageBundle = { script: string; bytes: number };

/**
 * Bundles the bench page with everything it imports (the add-in's sync code, Dexie, zod) into
 * one browser script, minified as a production build would be; `minify: false` keeps the names a
 * CPU profile needs.
 */
export async function bundleBenchPage(options: { minify: boolean; entry?: string } = { minify: true }): Promise<BenchPageBundle> {
  const result = await build({
    entryPoints: [path.resolve(__dirname, options.entry ?? 'browser/sync-bench-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: options.minify,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no output for the bench page');
  return { script, bytes: Buffer.byteLength(script) };
}

/**
 * Serves the page and its script from the service itself: the page's origin is the API's, so its
 * requests are same-origin and no CORS preflight is added to the timings.
 */
export function serveBenchPage(bundle: BenchPageBundle): (app: FastifyInstance) => void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport sync bench</title></head><body><script src="${BENCH_SCRIPT_PATH}"></script></body></html>`;
  return (app) => {
    app.get(BENCH_PAGE_PATH, (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
    app.get(BENCH_SCRIPT_PATH, (_request, reply) => reply.type('application/javascript; charset=utf-8').send(bundle.script));
  };
}
