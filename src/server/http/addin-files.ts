import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built add-in (`npm run build:addin` → dist/addin/) under /addin/, where the manifest
 * points, and sends `/` to the task pane. Returns false when there is no build to serve.
 */
export async function serveAddinFiles(app: FastifyInstance, root = path.resolve(__dirname, '../../../dist/addin')): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'taskpane.html'))) return false;
  await app.register(fastifyStatic, { root, prefix: '/addin/' });
  app.get('/', (_request, reply) => reply.redirect('/addin/taskpane.html'));
  return true;
}
