import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveAddinFiles } from '../../src/server/http/addin-files';
import { serveConsoleFiles } from '../../src/server/http/console-files';

// A tiny stand-in for dist/: the tests never depend on a prior build.
let dist: string;
const file = (relative: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(dist, relative)), { recursive: true });
  fs.writeFileSync(path.join(dist, relative), content);
};
const INDEX = '<!doctype html><title>console page</title><script defer src="/console/console.1a2b3c4d.js"></script>';

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-console-dist-'));
  file('console/index.html', INDEX);
  file('console/console.1a2b3c4d.js', 'console.log("console");');
  file('console/console-page-marketing-setup-MarketingSetupPage.9f8e7d6c.js', 'console.log("page");');
  file('addin/taskpane.html', '<!doctype html><title>pane</title>');
  file('secret.txt', 'not for the web');
});

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

/** The console beside the add-in, as the service registers them (the add-in first, decorating the reply). */
async function serve(consoleRoot = path.join(dist, 'console')): Promise<{ app: FastifyInstance; served: boolean }> {
  const app = Fastify({ logger: false });
  await serveAddinFiles(app, { dev: false, root: path.join(dist, 'addin') });
  const served = await serveConsoleFiles(app, consoleRoot);
  await app.ready();
  return { app, served };
}

describe('with a console build', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const started = await serve();
    expect(started.served).toBe(true);
    app = started.app;
  });
  afterAll(() => app.close());

  test.each(['/console/', '/console/setup/marketing', '/console/setup/marketing?tab=1', '/console/campaigns/', '/console/no/such/page'])('%s answers the console page, uncached', async (url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.body).toBe(INDEX);
  });

  test('/console goes to /console/, with its query', async () => {
    expect((await app.inject({ method: 'GET', url: '/console' })).headers.location).toBe('/console/');
    expect((await app.inject({ method: 'GET', url: '/console?lang=sv' })).headers.location).toBe('/console/?lang=sv');
  });

  test('serves the bundles as they are, kept a year since their names change with their content', async () => {
    for (const url of ['/console/console.1a2b3c4d.js', '/console/console-page-marketing-setup-MarketingSetupPage.9f8e7d6c.js']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await app.inject({ method: 'GET', url: '/console/console.1a2b3c4d.js' })).body).toBe('console.log("console");');
  });

  test('a missing file is a 404 problem, never the page in its place', async () => {
    for (const url of ['/console/console.00000000.js', '/console/setup/marketing/logo.png']) {
      const response = await app.inject({ method: 'GET', url });
      expect([url, response.statusCode, response.headers['content-type']]).toEqual([url, 404, 'application/problem+json; charset=utf-8']);
    }
  });

  test('only reads answer the page; a write to a console address is a 404 problem', async () => {
    const response = await app.inject({ method: 'POST', url: '/console/setup/marketing', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route_not_found' });
  });

  test('no file outside the build is reachable', async () => {
    for (const url of ['/console/%2e%2e/secret.txt', '/console/..%2fsecret.txt', '/console/%2e%2e%2fsecret.txt']) {
      const response = await app.inject({ method: 'GET', url });
      expect([url, response.body.includes('not for the web')]).toEqual([url, false]);
    }
  });

  test('the add-in is still served beside it', async () => {
    expect((await app.inject({ method: 'GET', url: '/addin/taskpane.html' })).body).toContain('<title>pane</title>');
  });
});

test('without a console build nothing is served under /console/', async () => {
  const { app, served } = await serve(path.join(dist, 'none'));
  try {
    expect(served).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/console/' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/console/setup/marketing' })).statusCode).toBe(404);
  } finally {
    await app.close();
  }
});
