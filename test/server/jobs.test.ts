import { z } from 'zod';
import { RapportError } from '../../src/domain/errors';
import type { Identity } from '../../src/server/http/identity';
import { defineJob, jobQueued, type AnyJobHandler } from '../../src/server/jobs/job';
import { insertJob } from '../../src/server/jobs/job-repository';
import { JobRunner } from '../../src/server/jobs/job-runner';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

/**
 * The runner and the job routes, with a job of the import's kind standing in for any: it writes
 * one territory code per step, so what a step committed is visible in the database.
 */
type Plan = { steps: number; stepMs?: number; failAt?: number; flakyAt?: number; flakyTimes?: number };

const plans = new Map<string, Plan>();
const flakes = new Map<string, number>();
let stepsRun: string[] = [];

const countingJob = defineJob({
  kind: 'contact-import',
  params: z.object({ planId: z.string() }),
  async step({ ctx, params, checkpoint }) {
    const plan = plans.get(params.planId)!;
    const step = (checkpoint as number | null) ?? 0;
    if (plan.stepMs) await new Promise((resolve) => setTimeout(resolve, plan.stepMs));
    await ctx.db.query(`INSERT INTO code_list (tenant_id, kind, code, description) VALUES ($1, 'territory', $2, 'written by a job step')`, [
      ctx.identity.tenantId,
      `${params.planId}-${step}`,
    ]);
    stepsRun.push(`${params.planId}:${step}`);
    if (step === plan.failAt) throw new RapportError('validation_failed', `Step ${step} found bad data.`, { details: { step } });
    if (step === plan.flakyAt && (flakes.get(params.planId) ?? 0) < (plan.flakyTimes ?? 0)) {
      flakes.set(params.planId, (flakes.get(params.planId) ?? 0) + 1);
      throw new Error('connection reset');
    }
    const done = step + 1;
    if (done === plan.steps) return { state: 'done', outcome: { written: done }, progress: { done, total: plan.steps } };
    return { state: 'continue', checkpoint: done, progress: { done, total: plan.steps } };
  },
});

describe.each(testEngines())('background jobs on %s', (engine) => {
  let service: TestApp;
  const handlers: AnyJobHandler[] = [countingJob];
  beforeAll(async () => {
    service = await startTestApp(engine, { jobHandlers: handlers });
  });
  afterAll(() => service.close());
  beforeEach(() => {
    stepsRun = [];
  });

  const identityOf = (tenant: TestTenant): Identity => ({ tenantId: tenant.tenantId, userId: 'u1', email: tenant.admin.email ?? '', name: 'Admin', roles: tenant.admin.roles ?? [] });

  async function queue(tenant: TestTenant, planId: string, plan: Plan) {
    await tenant.request('GET', '/me'); // provisions the tenant
    plans.set(planId, plan);
    const job = await service.db.transaction((tx) => insertJob(tx, tenant.tenantId, 'contact-import', { planId }, identityOf(tenant)));
    jobQueued.emit('queued');
    return job;
  }

  const writtenCodes = async (tenant: TestTenant, planId: string) =>
    (
      await service.db.query<{ code: string }>(`SELECT code FROM code_list WHERE tenant_id = $1 AND kind = 'territory' AND code LIKE $2 ORDER BY code`, [
        tenant.tenantId,
        `${planId}-%`,
      ])
    ).map((row) => row.code);

  test('a job runs step by step to its outcome, and GET /jobs/{id} and GET /jobs show it', async () => {
    const tenant = await service.newTenant();
    const job = await queue(tenant, 'A', { steps: 4 });
    const ended = await tenant.waitForJob(job!.id);
    expect(ended).toMatchObject({ id: job!.id, kind: 'contact-import', status: 'succeeded', progress: { done: 4, total: 4 }, outcome: { written: 4 }, error: null, createdBy: tenant.admin.email });
    expect(ended.startedAt).not.toBeNull();
    expect(ended.finishedAt).not.toBeNull();
    expect(await writtenCodes(tenant, 'A')).toEqual(['A-0', 'A-1', 'A-2', 'A-3']);
    const list = await tenant.request('GET', '/jobs?kind=contact-import');
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([job!.id]);
  });

  const progressOf = async (tenant: TestTenant, id: string) => (await tenant.request('GET', `/jobs/${id}`)).body as { status: string; progress: { done: number } };
  async function waitForProgress(tenant: TestTenant, id: string, done: number) {
    while ((await progressOf(tenant, id)).progress.done < done) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  test('at most one job of a kind is queued or running per tenant, and a long job holds up no other tenant', async () => {
    const tenant = await service.newTenant();
    const long = await queue(tenant, 'B', { steps: 1000, stepMs: 10 });
    expect(await queue(tenant, 'B2', { steps: 1 })).toBeNull();
    const other = await service.newTenant();
    const theirs = await queue(other, 'C', { steps: 2 });
    expect((await other.waitForJob(theirs!.id)).status).toBe('succeeded');
    expect((await progressOf(tenant, long!.id)).status).toBe('running');
    expect((await tenant.request('DELETE', `/jobs/${long!.id}`)).status).toBe(200);
    const next = await queue(tenant, 'B3', { steps: 1 });
    expect((await tenant.waitForJob(next!.id)).status).toBe('succeeded');
  });

  test('a stopped runner gives the job back and another continues from the last committed step, repeating none', async () => {
    await service.jobs.stop();
    try {
      const tenant = await service.newTenant();
      const first = new JobRunner({ db: service.db, handlers, log: service.app.log, today: () => '2025-03-05', idleMs: 50 });
      const job = await queue(tenant, 'D', { steps: 8, stepMs: 50 });
      first.start();
      await waitForProgress(tenant, job!.id, 2);
      await first.stop();
      const halfway = await progressOf(tenant, job!.id);
      expect(halfway.status).toBe('running');
      expect(halfway.progress.done).toBeLessThan(8);
      const second = new JobRunner({ db: service.db, handlers, log: service.app.log, today: () => '2025-03-05', idleMs: 50 });
      second.start();
      const ended = await tenant.waitForJob(job!.id);
      await second.stop();
      expect(ended).toMatchObject({ status: 'succeeded', progress: { done: 8, total: 8 } });
      expect(stepsRun.filter((step) => step.startsWith('D:'))).toEqual(['D:0', 'D:1', 'D:2', 'D:3', 'D:4', 'D:5', 'D:6', 'D:7']);
      expect(await writtenCodes(tenant, 'D')).toEqual(['D-0', 'D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-6', 'D-7']);
    } finally {
      service.jobs.start();
    }
  });

  test('a job whose runner died is taken over once its lease has run out', async () => {
    const tenant = await service.newTenant();
    await service.jobs.stop();
    try {
      const job = await queue(tenant, 'E', { steps: 3 });
      await service.db.query(
        `UPDATE job SET status = 'running', lease_owner = 'a runner that died', lease_until = now() + interval '300 milliseconds', checkpoint = '1', progress_done = 1 WHERE id = $1`,
        [job!.id],
      );
      service.jobs.start();
      const ended = await tenant.waitForJob(job!.id);
      expect(ended).toMatchObject({ status: 'succeeded', progress: { done: 3 } });
      expect(stepsRun.filter((step) => step.startsWith('E:'))).toEqual(['E:1', 'E:2']);
    } finally {
      service.jobs.start();
    }
  });

  test('a refused step fails the job with its code and rolls that step back', async () => {
    const tenant = await service.newTenant();
    const job = await queue(tenant, 'F', { steps: 4, failAt: 2 });
    const ended = await tenant.waitForJob(job!.id);
    expect(ended).toMatchObject({ status: 'failed', progress: { done: 2 }, error: { code: 'validation_failed', message: 'Step 2 found bad data.', details: { step: 2 } } });
    expect(await writtenCodes(tenant, 'F')).toEqual(['F-0', 'F-1']);
  });

  test('an unexpected failure is tried again; too many in a row fail the job', async () => {
    const tenant = await service.newTenant();
    const recovering = await queue(tenant, 'G', { steps: 3, flakyAt: 1, flakyTimes: 2 });
    expect(await tenant.waitForJob(recovering!.id)).toMatchObject({ status: 'succeeded', progress: { done: 3 } });
    expect(await writtenCodes(tenant, 'G')).toEqual(['G-0', 'G-1', 'G-2']);
    const hopeless = await queue(tenant, 'H', { steps: 3, flakyAt: 0, flakyTimes: 99 });
    expect(await tenant.waitForJob(hopeless!.id)).toMatchObject({ status: 'failed', error: { code: 'internal' } });
    expect(await writtenCodes(tenant, 'H')).toEqual([]);
  });

  test('DELETE /jobs/{id} cancels a running job before its next step; ended, unknown, foreign and malformed ids are refused', async () => {
    const tenant = await service.newTenant();
    const job = await queue(tenant, 'I', { steps: 1000, stepMs: 10 });
    await waitForProgress(tenant, job!.id, 2);
    const canceled = await tenant.request('DELETE', `/jobs/${job!.id}`);
    expect([canceled.status, canceled.body.status]).toEqual([200, 'canceled']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await progressOf(tenant, job!.id);
    expect(after.status).toBe('canceled');
    expect(after.progress.done).toBeLessThan(1000);
    expect((await writtenCodes(tenant, 'I')).length).toBe(after.progress.done);
    expect((await tenant.request('DELETE', `/jobs/${job!.id}`)).body.code).toBe('conflict');
    expect((await tenant.request('GET', '/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await tenant.request('GET', '/jobs/not-a-uuid')).status).toBe(400);
    expect((await tenant.request('GET', `/jobs/${job!.id}`, { as: tenant.user() })).status).toBe(403);
    const other = await service.newTenant();
    expect((await other.request('GET', `/jobs/${job!.id}`)).status).toBe(404);
    expect((await tenant.request('GET', '/jobs?kind=painting')).status).toBe(400);
  });
});
