import { z } from 'zod';
import { jobIdParams, jobListQuerySchema, jobSchema } from '../../contract/jobs';
import { RapportError } from '../../domain/errors';
import { defineRoute } from '../http/route';
import { cancelJob, getJob, jobView, listJobs } from './job-repository';

const tags = ['Jobs'];

async function requireJob(...args: Parameters<typeof getJob>) {
  const job = await getJob(...args);
  if (!job) throw new RapportError('not_found', `There is no job ${args[2]}.`);
  return job;
}

/** Following background jobs: every job is started by a manager's or admin's action, so managers follow them. */
export const jobRoutes = [
  defineRoute({
    method: 'GET',
    url: '/jobs/:id',
    operationId: 'getJob',
    summary: 'A background job: status, progress and, once ended, its outcome or error.',
    tags,
    access: 'manager',
    params: jobIdParams,
    reply: jobSchema,
    errors: [404],
    handle: async ({ params, ctx }) => jobView(await requireJob(ctx.db, ctx.identity.tenantId, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/jobs',
    operationId: 'listJobs',
    summary: 'The latest background jobs, newest first, optionally of one kind.',
    tags,
    access: 'manager',
    query: jobListQuerySchema,
    reply: z.object({ items: z.array(jobSchema) }),
    handle: async ({ query, ctx }) => ({ items: (await listJobs(ctx.db, ctx.identity.tenantId, query)).map(jobView) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/jobs/:id',
    operationId: 'cancelJob',
    summary: 'Cancel a queued or running job: it stops before its next step; what its finished steps did stays.',
    tags,
    access: 'manager',
    params: jobIdParams,
    reply: jobSchema,
    errors: [404, 409],
    async handle({ params, ctx }) {
      const tenantId = ctx.identity.tenantId;
      const job = await requireJob(ctx.db, tenantId, params.id);
      if (!(await cancelJob(ctx.db, tenantId, params.id))) {
        throw new RapportError('conflict', `Job ${params.id} has already ended (${job.status}).`);
      }
      return jobView(await requireJob(ctx.db, tenantId, params.id));
    },
  }),
];
