import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db, Engine } from '../../src/server/db/db';
import { buildApp } from '../../src/server/http/app';
import { JOB_HANDLERS } from '../../src/server/job-handlers';
import type { AnyJobHandler } from '../../src/server/jobs/job';
import { JobRunner } from '../../src/server/jobs/job-runner';
import { API_ROUTES } from '../../src/server/routes';
import { openTestDb } from './engines';
import { createTestSigner, type TestSigner, type TestUser, type TokenOptions } from './tokens';

export type TestResponse<T = any> = { status: number; body: T; headers: Record<string, unknown> };

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  signer: TestSigner;
  /** The service's background job runner, started with the app. */
  jobs: JobRunner;
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
  /** Follows `GET /jobs/{id}` (as the tenant's admin) until the job has ended, and returns it. */
  waitForJob<T = any>(id: string, options?: { timeoutMs?: number }): Promise<T>;
};

const FINAL_JOB_STATUSES = ['succeeded', 'failed', 'canceled'];

/** The real service in-process (Fastify inject) on a fresh database of the engine. */
export async function startTestApp(engine: Engine, options: { today?: () => string; jobHandlers?: readonly AnyJobHandler[] } = {}): Promise<TestApp> {
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
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const jobs = new JobRunner({ db, handlers: options.jobHandlers ?? JOB_HANDLERS, log: app.log, today, idleMs: 200, retryDelayMs: 20 });
  jobs.start();

  const newTenant = async (): Promise<TestTenant> => {
    const tenantId = randomUUID();
    const admin: TestUser = { tenantId, email: `admin@${tenantId.slice(0, 8)}.test`, roles: ['Rapport.Admin'] };
    const token = (user: TestUser = admin, tokenOptions?: TokenOptions) => signer.sign(user, tokenOptions);
    const request: TestTenant['request'] = async (method, url, requestOptions = {}) => {
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
    };
    return {
      tenantId,
      admin,
      user: (overrides = {}) => ({ tenantId, email: `user-${randomUUID().slice(0, 6)}@${tenantId.slice(0, 8)}.test`, roles: [], ...overrides }),
      token,
      request,
      async waitForJob(id, waitOptions = {}) {
        const deadline = Date.now() + (waitOptions.timeoutMs ?? 20_000);
        for (;;) {
          const job = await request('GET', `/jobs/${id}`);
          if (job.status !== 200) throw new Error(`GET /jobs/${id} answered ${job.status}: ${JSON.stringify(job.body)}`);
          if (FINAL_JOB_STATUSES.includes(job.body.status)) return job.body;
          if (Date.now() > deadline) throw new Error(`Job ${id} did not end in time: ${JSON.stringify(job.body)}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
    };
  };

  return {
    app,
    db,
    signer,
    jobs,
    newTenant,
    close: async () => {
      await jobs.stop();
      await app.close();
      await dispose();
    },
  };
}
