import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db, Engine } from '../../src/server/db/db';
import { buildApp } from '../../src/server/http/app';
import { API_ROUTES } from '../../src/server/routes';
import { openTestDb } from './engines';
import { createTestSigner, type TestSigner, type TestUser, type TokenOptions } from './tokens';

export type TestResponse<T = any> = { status: number; body: T; headers: Record<string, unknown> };

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  signer: TestSigner;
  /** A fresh tenant with an admin user, so tests of one file never see each other's data. */
  newTenant(): Promise<TestTenant>;
  close(): Promise<void>;
};

export type TestTenant = {
  tenantId: string;
  admin: TestUser;
  user(overrides?: Partial<TestUser>): TestUser;
  /** Calls the API as `as` (default: the tenant's admin). */
  request<T = any>(method: string, url: string, options?: { body?: unknown; as?: TestUser | null; token?: string; headers?: Record<string, string> }): Promise<TestResponse<T>>;
  token(user?: TestUser, options?: TokenOptions): Promise<string>;
};

/** The real service in-process (Fastify inject) on a fresh database of the engine. */
export async function startTestApp(engine: Engine, options: { today?: () => string } = {}): Promise<TestApp> {
  const { db, dispose } = await openTestDb(engine);
  const signer = await createTestSigner();
  const app = await buildApp({
    db,
    verifyToken: signer.verifier,
    routes: API_ROUTES,
    version: 'test',
    publicUrl: 'http://localhost',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(options.today ? { today: options.today } : {}),
  });
  await app.ready();

  const newTenant = async (): Promise<TestTenant> => {
    const tenantId = randomUUID();
    const admin: TestUser = { tenantId, email: `admin@${tenantId.slice(0, 8)}.test`, roles: ['Rapport.Admin'] };
    const token = (user: TestUser = admin, tokenOptions?: TokenOptions) => signer.sign(user, tokenOptions);
    return {
      tenantId,
      admin,
      user: (overrides = {}) => ({ tenantId, email: `user-${randomUUID().slice(0, 6)}@${tenantId.slice(0, 8)}.test`, roles: [], ...overrides }),
      token,
      async request(method, url, requestOptions = {}) {
        const headers: Record<string, string> = { ...(requestOptions.headers ?? {}) };
        const bearer = requestOptions.token ?? (requestOptions.as === null ? undefined : await token(requestOptions.as ?? admin));
        if (bearer) headers.authorization = `Bearer ${bearer}`;
        const response = await app.inject({
          method: method as 'GET',
          url: `/api/v1${url}`,
          headers,
          ...(requestOptions.body !== undefined ? { payload: requestOptions.body as object } : {}),
        });
        const text = response.body;
        const json = String(response.headers['content-type'] ?? '').includes('json');
        return { status: response.statusCode, body: text ? (json ? JSON.parse(text) : text) : undefined, headers: response.headers };
      },
    };
  };

  return {
    app,
    db,
    signer,
    newTenant,
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}
