import { z } from 'zod';

/**
 * Background jobs on the wire. A route that starts one answers `202` with the job; clients follow
 * it with `GET /jobs/{id}` until its status is final (`succeeded`, `failed` or `canceled`).
 */
export const JOB_KINDS = ['duplicate-search-rebuild', 'contact-import', 'create-contacts-from-accounts'] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobSchema = z
  .object({
    id: z.uuid(),
    kind: jobKindSchema,
    status: z.enum(JOB_STATUSES),
    progress: z.object({
      done: z.number().int().describe('Units of work finished: contacts indexed, rows imported, …'),
      total: z.number().int().nullable().describe('All units of work, when known.'),
    }),
    outcome: z.record(z.string(), z.unknown()).nullable().describe('What the job did, once it succeeded; its shape depends on the kind.'),
    error: z
      .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() })
      .nullable()
      .describe('Why the job failed.'),
    createdBy: z.string().describe('E-mail of the user who started the job.'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof jobSchema>;

export const jobIdParams = z.strictObject({ id: z.uuid('A job id is a UUID.') });

export const jobListQuerySchema = z.strictObject({
  kind: jobKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
