import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npx webpack --mode development` writes the mailbox preview. */
export const DEFAULT_PREVIEW_ROOT = path.resolve(__dirname, '../../../dist/preview');

/** The query part of a request URL, with its `?`; '' when there is none. */
export const queryOf = (url: string): string => (url.includes('?') ? url.slice(url.indexOf('?')) : '');

/**
 * The preview page's policy. Sample messages are rendered in sandboxed frames without scripts; the
 * policy is the second line: a frame made from `srcdoc` inherits it, so even markup that escaped the
 * sandbox could run no script and load nothing from elsewhere. Styles are inline (the page's own
 * stylesheet and the sample messages').
 */
const PREVIEW_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Serves the mailbox preview (dist/preview/) under /preview/: the page at /preview/, its task pane
 * frame at /preview/pane.html. The commands runtime page is served as /addin/preview/commands.html
 * instead: commands.js finds the service from its page's address, everything before `/addin/`, as
 * it does in Outlook. Register only in dev mode: the preview signs in with dev tokens and stands
 * in for Outlook. Returns false when there is no preview build.
 */
export async function servePreviewFiles(app: FastifyInstance, root = DEFAULT_PREVIEW_ROOT): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/preview/',
    // The add-in's registration decorates the reply already.
    decorateReply: false,
    setHeaders: (response, file) => {
      if (path.basename(file) === 'index.html') response.header('content-security-policy', PREVIEW_PAGE_POLICY);
    },
  });
  app.get('/preview', (request, reply) => reply.redirect(`/preview/${queryOf(request.url)}`));
  app.get('/addin/preview/commands.html', (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return reply.send(fs.createReadStream(path.join(root, 'commands.html')));
  });
  return true;
}
