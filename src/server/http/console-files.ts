import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { makeProblem, sendProblem } from './problem';

/** Where `npx webpack` writes the web console. */
export const DEFAULT_CONSOLE_ROOT = path.resolve(__dirname, '../../../dist/console');

/** Hashed bundles (`console.1a2b3c4d.js`) never change under their name: browsers may keep them. */
const HASHED_ASSET = /\.[0-9a-f]{8}\.js$/;

/**
 * The page's policy: no plugins, no <base> from elsewhere, framed only by the console itself
 * (msal renews tokens silently in a hidden frame of the console's own address). Scripts and
 * connections are left to the browser's defaults: the sign-in authority is the build's to choose.
 */
const CONSOLE_PAGE_POLICY = ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"].join('; ');

/** A console address that names a page rather than a file: its last segment has no extension. */
const isPageAddress = (url: string): boolean => {
  const pathname = url.split('?')[0]?.split('#')[0] ?? '';
  return !(pathname.split('/').pop() ?? '').includes('.');
};

/**
 * Serves the web console (dist/console/) under /console/: its files as they are, and its page,
 * index.html, for every other console address that names a page, so that a deep link such as
 * /console/setup/marketing or a reload opens the console there and its router shows the page. An
 * address that names a missing file (an old bundle) is a 404, never the page in a script's place.
 * The page is never cached, so a new release reaches users on their next visit; the hashed
 * bundles are kept for a year. Returns false when there is no console build.
 */
export async function serveConsoleFiles(app: FastifyInstance, root = DEFAULT_CONSOLE_ROOT): Promise<boolean> {
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) return false;
  const sendPage = (reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONSOLE_PAGE_POLICY)
      .send(fs.createReadStream(indexFile));
  await app.register(
    async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        // The add-in's registration may decorate the reply already; the console needs no decoration.
        decorateReply: false,
        index: false,
        cacheControl: false,
        setHeaders: (response, file) => {
          response.header('cache-control', HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      // Only /console/ itself: /console redirects there, so that the page's address always ends in a slash.
      scope.route({ method: 'GET', url: '/', prefixTrailingSlash: 'slash', handler: (_request, reply) => sendPage(reply) });
      scope.setNotFoundHandler((request, reply) => {
        if ((request.method === 'GET' || request.method === 'HEAD') && isPageAddress(request.url)) return sendPage(reply);
        return sendProblem(reply, makeProblem(404, 'route_not_found', `There is no ${request.method} ${request.url.split('?')[0]}.`));
      });
    },
    { prefix: '/console' },
  );
  app.get('/console', (request, reply) => reply.redirect(`/console/${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`));
  return true;
}
