import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import type { Job, JobKind } from '../../contract/jobs';
import { RapportError } from '../../domain/errors';
import type { RequestContext } from '../http/route';
import { activeJobOf, insertJob, jobView, type JobRecord } from './job-repository';

export type JobProgress = { done: number; total: number | null };

/** What one slice of a job ends with: more to do from a checkpoint, or finished with its outcome. */
export type JobStepResult<C, O extends Record<string, unknown>> =
  | { state: 'continue'; checkpoint: C; progress: JobProgress }
  | { state: 'done'; outcome: O; progress: JobProgress };

/**
 * A kind of background job. The runner calls `step` again and again until it says done. Each step
 * runs inside one transaction (the tenant's sync version taken first, as for a request) that also
 * stores the returned checkpoint and progress: a step is committed whole with its checkpoint or
 * not at all, so a job resumed after a restart repeats nothing and skips nothing. A step should
 * do a bounded slice of work (a few hundred rows, well under a second): requests of the same tenant
 * wait for it, and on PGlite every request does.
 *
 * A `RapportError` thrown by a step fails the job with its code and message; any other error is
 * retried a few times with a pause, then fails the job.
 */
export type JobHandler<P = unknown, C = unknown, O extends Record<string, unknown> = Record<string, unknown>> = {
  kind: JobKind;
  /** The job's parameters as stored when it was queued; checked again when a runner takes it. */
  params: z.ZodType<P>;
  step(input: { ctx: RequestContext; params: P; checkpoint: C | null; job: JobRecord }): Promise<JobStepResult<C, O>>;
};

/** Erases a handler's types so handlers of every kind fit one list. */
export type AnyJobHandler = JobHandler<any, any, Record<string, unknown>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const defineJob = <P, C, O extends Record<string, unknown>>(handler: JobHandler<P, C, O>): AnyJobHandler => handler as AnyJobHandler;

/** Told whenever a job is queued, so idle runners of this process start at once instead of at their next poll. */
export const jobQueued = new EventEmitter();

/**
 * Queues a job of `kind` for the caller's tenant and returns it (route answers `202`). A job of
 * that kind already queued or running refuses the new one with `conflict`, naming it in
 * `details.jobId`: at most one at a time per tenant.
 */
export async function enqueueJob(ctx: RequestContext, kind: JobKind, params: Record<string, unknown>): Promise<Job> {
  const tenantId = ctx.identity.tenantId;
  const job = await ctx.db.transaction((tx) => insertJob(tx, tenantId, kind, params, ctx.identity));
  if (!job) {
    const running = await activeJobOf(ctx.db, tenantId, kind);
    throw new RapportError('conflict', `A ${kind} job is already ${running?.status ?? 'running'} for this tenant; follow it or wait until it ends.`, {
      details: { jobId: running?.id ?? null },
    });
  }
  jobQueued.emit('queued');
  return jobView(job);
}
