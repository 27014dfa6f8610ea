import { Writable } from 'node:stream';
import { buildApp } from '../../src/server/http/app';
import { API_ROUTES } from '../../src/server/routes';
import { openTestDb, testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import { createTestSigner } from '../helpers/tokens';

describe.each(testEngines())('the platform on %s', (engine) => {
  let service: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    service = await startTestApp(engine);
    tenant = await service.newTenant();
  });
  afterAll(() => service.close());

  test('health reports the engine and that the database answers, without a token', async () => {
    const response = await tenant.request('GET', '/health', { as: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', db: { engine, reachable: true } });
  });

  test('the OpenAPI document is 3.1 and describes every route', async () => {
    const response = await tenant.request('GET', '/openapi.json', { as: null });
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = [...API_ROUTES.map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`), 'GET /health', 'GET /openapi.json'];
    expect(documented.sort()).toEqual(routes.sort());
    expect(response.body.paths['/contacts'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ContactCreate' });
    expect(response.body.components.schemas.ContactCreate.additionalProperties).toBe(false);
    expect(response.body.components.schemas.Problem.required).toEqual(expect.arrayContaining(['status', 'code']));
    // Every reference resolves.
    const references = JSON.stringify(response.body).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    for (const reference of new Set(references)) expect(response.body.components.schemas).toHaveProperty([reference.split('/').pop() as string]);
  });

  describe('authentication', () => {
    test.each([
      ['no token', {}],
      ['a token signed by an unknown key', { signWith: 'untrusted' as const }],
      ['a token for another audience', { audience: 'api://someone-else' }],
      ['a token from another issuer', { issuer: 'https://evil.example/' }],
      ['an expired token', { expiresIn: -120 }],
      ['a token not valid before the future', { notBefore: 600 }],
    ])('%s is refused with 401 and a problem', async (_case, options) => {
      const token = _case === 'no token' ? undefined : await tenant.token(tenant.admin, options);
      const response = await tenant.request('GET', '/contacts', token ? { token } : { as: null });
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    });

    test('a malformed Authorization header is refused with 401', async () => {
      const response = await tenant.request('GET', '/contacts', { as: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      expect(response.status).toBe(401);
    });

    test('setup writes need the Rapport.Admin role', async () => {
      const current = await tenant.request('GET', '/setup/marketing', { as: tenant.user() });
      expect(current.status).toBe(200);
      const response = await tenant.request('PUT', '/setup/marketing', { as: tenant.user(), body: current.body });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    });
  });

  describe('problems', () => {
    test('an unknown route is a 404 problem', async () => {
      const response = await tenant.request('GET', '/no-such-thing');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('route_not_found');
    });

    test('malformed JSON is a 400 problem', async () => {
      const response = await service.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: { authorization: `Bearer ${await tenant.token()}`, 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(response.body).code).toBe('malformed_json');
    });

    test('unknown fields are rejected and named', async () => {
      const response = await tenant.request('POST', '/contacts', { body: { name: 'Fabrikam', colour: 'blue' } });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual([{ path: 'colour', message: 'Unknown field.' }]);
    });

    test('a body over the size limit is a 413 problem', async () => {
      const response = await tenant.request('POST', '/contacts', { body: { name: 'x'.repeat(2 * 1024 * 1024) } });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('payload_too_large');
    });

    test('every response carries its request id', async () => {
      const response = await tenant.request('GET', '/health', { as: null, headers: { 'x-request-id': 'trace-me-123' } });
      expect(response.headers['x-request-id']).toBe('trace-me-123');
    });
  });
});

test('logs carry request ids and never the bearer token', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const { db, dispose } = await openTestDb('pglite');
  const signer = await createTestSigner();
  const app = await buildApp({ db, verifyToken: signer.verifier, routes: API_ROUTES, version: 'test', publicUrl: 'http://localhost', logLevel: 'info', logStream: stream });
  const token = await signer.sign({ tenantId: 'log-tenant', roles: [] });
  await app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-42' } });
  await app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: `Bearer ${token}x` } });
  await app.close();
  await dispose();
  const log = lines.join('');
  expect(log).toContain('req-42');
  expect(log).not.toContain(token.slice(20, 60));
});
