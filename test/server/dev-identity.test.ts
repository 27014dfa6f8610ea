import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { createDevIdentity, DEV_TENANT_ID, registerDevRoutes } from '../../src/server/dev/dev-identity';

describe('dev mode identity', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-dev-'));
  const users = async () => [{ email: 'anna@nordlys.example', name: 'Anna', roles: ['Rapport.Admin'] }];

  test('issues tokens for demo users that its own verifier accepts', async () => {
    const identity = await createDevIdentity({ dataDir, publicUrl: 'http://localhost:3000' });
    const app = Fastify();
    registerDevRoutes(app, identity, users);
    const response = await app.inject({ method: 'POST', url: '/dev/token', payload: { email: 'ANNA@nordlys.example' } });
    expect(response.statusCode).toBe(200);
    const verified = await identity.verifier(response.json().accessToken);
    expect(verified).toMatchObject({ tenantId: DEV_TENANT_ID, email: 'anna@nordlys.example', roles: ['Rapport.Admin'] });
    await app.close();
  });

  test('refuses tokens for people who are not demo users', async () => {
    const identity = await createDevIdentity({ dataDir, publicUrl: 'http://localhost:3000' });
    const app = Fastify();
    registerDevRoutes(app, identity, users);
    expect((await app.inject({ method: 'POST', url: '/dev/token', payload: { email: 'mallory@evil.example' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/dev/token', payload: { email: 'not an email' } })).statusCode).toBe(400);
    await app.close();
  });

  test('keeps its signing key across restarts, so tokens stay valid', async () => {
    const first = await createDevIdentity({ dataDir, publicUrl: 'http://localhost:3000' });
    const token = await first.issueToken({ email: 'anna@nordlys.example', name: 'Anna', roles: [] });
    const second = await createDevIdentity({ dataDir, publicUrl: 'http://localhost:3000' });
    expect((await second.verifier(token)).email).toBe('anna@nordlys.example');
    expect(second.jwks).toEqual(first.jwks);
  });

  test('the same e-mail is the same user id on every start', async () => {
    const identity = await createDevIdentity({ dataDir, publicUrl: 'http://localhost:3000' });
    const a = await identity.verifier(await identity.issueToken({ email: 'anna@nordlys.example', name: 'Anna', roles: [] }));
    const b = await identity.verifier(await identity.issueToken({ email: 'Anna@Nordlys.example', name: 'Anna', roles: [] }));
    expect(a.userId).toBe(b.userId);
    expect(a.userId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
