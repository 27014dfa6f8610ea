import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_PREVIEW_ROOT, queryOf, servePreviewFiles } from './preview-files';

export const DEFAULT_ADDIN_ROOT = path.resolve(__dirname, '../../../dist/addin');

export type AddinFilesOptions = {
  /** Dev mode: the mailbox preview is served too, and `/` opens it. */
  dev: boolean;
  /** The add-in build (default dist/addin). */
  root?: string;
  /** The preview build (default dist/preview); served in dev mode only. */
  previewRoot?: string;
};

export type ServedFiles = { addin: boolean; preview: boolean };

/**
 * Serves the built add-in (`npm run build:addin` → dist/addin/) under /addin/, where the manifest
 * points. In dev mode it also serves the mailbox preview (servePreviewFiles) and sends `/` to it;
 * otherwise `/` opens the task pane. The preview is never served outside dev mode, whatever is on
 * disk. Says which of the two it found to serve.
 */
export async function serveAddinFiles(app: FastifyInstance, options: AddinFilesOptions): Promise<ServedFiles> {
  const root = options.root ?? DEFAULT_ADDIN_ROOT;
  const addin = fs.existsSync(path.join(root, 'taskpane.html'));
  if (addin) await app.register(fastifyStatic, { root, prefix: '/addin/' });
  const preview = options.dev && addin && (await servePreviewFiles(app, options.previewRoot ?? DEFAULT_PREVIEW_ROOT));
  // The query goes along: the preview reads its starting state from it (?user=, ?lang=, ?item=).
  if (preview) app.get('/', (request, reply) => reply.redirect(`/preview/${queryOf(request.url)}`));
  else if (addin) app.get('/', (_request, reply) => reply.redirect('/addin/taskpane.html'));
  return { addin, preview };
}
