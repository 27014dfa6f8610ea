import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { openPgliteDb } from './db/pglite-db';
import { openPostgresDb } from './db/postgres-db';
import { seedDemoTenant, demoUsers } from './demo/seed-demo';
import { createDevIdentity, registerDevRoutes } from './dev/dev-identity';
import { serveAddinFiles } from './http/addin-files';
import { serveConsoleFiles } from './http/console-files';
import { buildApp } from './http/app';
import { createTokenVerifier, loadKeySet, type TokenVerifier } from './http/identity';
import { JOB_HANDLERS } from './job-handlers';
import { JobRunner } from './jobs/job-runner';
import { API_ROUTES } from './routes';

const packageVersion = (): string => {
  const file = path.resolve(__dirname, '../../package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
};

async function openDatabase(config: Config): Promise<Db> {
  if (config.databaseUrl) return openPostgresDb({ connectionString: config.databaseUrl });
  fs.mkdirSync(config.dataDir, { recursive: true });
  return openPgliteDb(path.join(config.dataDir, 'pglite'));
}

/** Starts the service: configuration, database and migrations, identity, HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  await migrate(db);

  let verifyToken: TokenVerifier;
  const devIdentity = config.dev ? await createDevIdentity({ dataDir: config.dataDir, publicUrl: config.publicUrl }) : undefined;
  if (devIdentity) {
    verifyToken = devIdentity.verifier;
    await seedDemoTenant(db);
  } else {
    const keys = await loadKeySet(config.auth);
    verifyToken = createTokenVerifier({ keys, issuer: config.auth.issuer ?? '', audience: config.auth.audience ?? '' });
  }

  const app = await buildApp({
    db,
    verifyToken,
    routes: API_ROUTES,
    version: packageVersion(),
    publicUrl: config.publicUrl,
    bodyLimitBytes: config.bodyLimitBytes,
    logLevel: config.logLevel,
    ...(config.tls ? { https: { cert: fs.readFileSync(config.tls.certFile), key: fs.readFileSync(config.tls.keyFile) } } : {}),
    extend: async (server) => {
      if (devIdentity) registerDevRoutes(server, devIdentity, () => demoUsers(db));
      const served = await serveAddinFiles(server, { dev: config.dev });
      if (!served.addin) server.log.warn('no add-in build in dist/addin: run npm run build:addin to serve it');
      else if (config.dev && !served.preview) server.log.warn('no mailbox preview in dist/preview: run npm run build:addin:dev to serve it');
      if (!(await serveConsoleFiles(server))) server.log.warn('no web console in dist/console: run npm run build:addin to serve it');
    },
  });

  const jobs = new JobRunner({ db, handlers: JOB_HANDLERS, log: app.log.child({ module: 'jobs' }), today: () => new Date().toISOString().slice(0, 10) });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests');
    // Fastify's close stops the listener and waits for in-flight requests before resolving.
    void app
      .close()
      .then(() => jobs.stop())
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  jobs.start();
  const engine = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  app.log.info(`Rapport ${config.dev ? '(dev mode) ' : ''}listening on ${config.publicUrl} with ${engine}`);
  const devHint = config.dev ? `\n  Mailbox preview: ${config.publicUrl}/preview/\n  Demo users: ${config.publicUrl}/dev/users — a token: POST ${config.publicUrl}/dev/token {"email": "..."}` : '';
  process.stdout.write(`\nRapport is running at ${config.publicUrl}\n  API: ${config.publicUrl}/api/v1/openapi.json\n  Console: ${config.publicUrl}/console/${devHint}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
