import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serveAddinFiles, type ServedFiles } from '../../src/server/http/addin-files';

// A tiny stand-in for dist/: the tests never depend on a prior build.
let dist: string;
const file = (relative: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(dist, relative)), { recursive: true });
  fs.writeFileSync(path.join(dist, relative), content);
};

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-dist-'));
  file('addin/taskpane.html', '<!doctype html><title>pane</title>');
  file('addin/taskpane.js', 'console.log("pane");');
  file('addin/commands.html', '<!doctype html><title>commands</title>');
  file('preview/index.html', '<!doctype html><title>preview page</title>');
  file('preview/pane.html', '<!doctype html><title>preview pane</title>');
  file('preview/commands.html', '<!doctype html><title>preview commands</title>');
  file('preview/stand-in.js', 'window.Office = {};');
});

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

async function serve(dev: boolean, roots: { addin?: string; preview?: string } = {}): Promise<{ app: FastifyInstance; served: ServedFiles }> {
  const app = Fastify({ logger: false });
  const served = await serveAddinFiles(app, { dev, root: roots.addin ?? path.join(dist, 'addin'), previewRoot: roots.preview ?? path.join(dist, 'preview') });
  await app.ready();
  return { app, served };
}

describe('dev mode', () => {
  let app: FastifyInstance;
  let served: ServedFiles;
  beforeAll(async () => ({ app, served } = await serve(true)));
  afterAll(() => app.close());

  test('serves both the add-in and the preview', () => {
    expect(served).toEqual({ addin: true, preview: true });
  });

  test('/ opens the preview page', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/preview/');
    const page = await app.inject({ method: 'GET', url: '/preview/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('preview page');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await app.inject({ method: 'GET', url: '/preview' })).headers.location).toBe('/preview/');
    // The preview reads its starting state from the query, so it survives the redirect.
    expect((await app.inject({ method: 'GET', url: '/?lang=sv-SE&devices=2' })).headers.location).toBe('/preview/?lang=sv-SE&devices=2');
    expect((await app.inject({ method: 'GET', url: '/preview?item=nb-fraktavtale' })).headers.location).toBe('/preview/?item=nb-fraktavtale');
  });

  test.each([
    ['/preview/pane.html?device=1', 'preview pane'],
    ['/preview/pane.html?device=2', 'preview pane'],
    ['/preview/stand-in.js', 'window.Office'],
    ['/addin/preview/commands.html?device=1', 'preview commands'],
    ['/addin/taskpane.html', '<title>pane</title>'],
    ['/addin/taskpane.js', 'console.log("pane")'],
    ['/addin/commands.html', '<title>commands</title>'],
  ])('serves %s', async (url, content) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(content);
  });

  test('without a preview build it serves the add-in and / opens the task pane', async () => {
    const { app: bare, served: bareServed } = await serve(true, { preview: path.join(dist, 'no-such-folder') });
    try {
      expect(bareServed).toEqual({ addin: true, preview: false });
      expect((await bare.inject({ method: 'GET', url: '/' })).headers.location).toBe('/addin/taskpane.html');
      expect((await bare.inject({ method: 'GET', url: '/preview/' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('production mode', () => {
  let app: FastifyInstance;
  let served: ServedFiles;
  beforeAll(async () => ({ app, served } = await serve(false)));
  afterAll(() => app.close());

  test('serves the add-in but not the preview, even with a preview build on disk', async () => {
    expect(served).toEqual({ addin: true, preview: false });
    for (const url of ['/preview/', '/preview/pane.html?device=1', '/preview/stand-in.js', '/addin/preview/commands.html']) {
      expect([url, (await app.inject({ method: 'GET', url })).statusCode]).toEqual([url, 404]);
    }
    expect((await app.inject({ method: 'GET', url: '/addin/taskpane.html' })).statusCode).toBe(200);
  });

  test('/ opens the task pane', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/addin/taskpane.html');
  });
});

test('with no add-in build nothing is served, the preview neither', async () => {
  const { app, served } = await serve(true, { addin: path.join(dist, 'none') });
  try {
    expect(served).toEqual({ addin: false, preview: false });
    expect((await app.inject({ method: 'GET', url: '/preview/' })).statusCode).toBe(404);
  } finally {
    await app.close();
  }
});
