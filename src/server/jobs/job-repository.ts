import { randomUUID } from 'node:crypto';
import type { Job, JobKind, JobStatus } from '../../contract/jobs';
import type { Queryable } from '../db/db';
import type { Identity } from '../http/identity';

/** A job as stored: its view plus what the runner needs to continue it. */
export type JobRecord = {
  tenantId: string;
  id: string;
  kind: JobKind;
  status: JobStatus;
  params: unknown;
  createdBy: Identity;
  checkpoint: unknown;
  progressDone: number;
  progressTotal: number | null;
  outcome: Record<string, unknown> | null;
  error: Job['error'];
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

type JobRow = {
  tenant_id: string;
  id: string;
  kind: JobKind;
  status: JobStatus;
  params: unknown;
  created_by: Identity;
  checkpoint: unknown;
  progress_done: number | string;
  progress_total: number | string | null;
  outcome: Record<string, unknown> | null;
  error: Job['error'];
  attempts: number;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
};

const COLUMNS = 'tenant_id, id, kind, status, params, created_by, checkpoint, progress_done, progress_total, outcome, error, attempts, created_at, started_at, finished_at';
const timestamp = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function recordOf(row: JobRow): JobRecord {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    kind: row.kind,
    status: row.status,
    params: row.params,
    createdBy: row.created_by,
    checkpoint: row.checkpoint,
    progressDone: Number(row.progress_done),
    progressTotal: row.progress_total === null ? null : Number(row.progress_total),
    outcome: row.outcome,
    error: row.error,
    attempts: row.attempts,
    createdAt: timestamp(row.created_at) ?? '',
    startedAt: timestamp(row.started_at),
    finishedAt: timestamp(row.finished_at),
  };
}

export const jobView = (job: JobRecord): Job => ({
  id: job.id,
  kind: job.kind,
  status: job.status,
  progress: { done: job.progressDone, total: job.progressTotal },
  outcome: job.outcome,
  error: job.error,
  createdBy: job.createdBy.email,
  createdAt: job.createdAt,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
});

/**
 * Queues a job, unless one of its kind is already queued or running for the tenant: then null.
 * The partial unique index decides, so two requests racing cannot both queue one.
 */
export async function insertJob(tx: Queryable, tenantId: string, kind: JobKind, params: unknown, createdBy: Identity): Promise<JobRecord | null> {
  const rows = await tx.query<JobRow>(
    `INSERT INTO job (tenant_id, id, kind, status, params, created_by) VALUES ($1, $2, $3, 'queued', $4, $5)
     ON CONFLICT (tenant_id, kind) WHERE status IN ('queued', 'running') DO NOTHING RETURNING ${COLUMNS}`,
    [tenantId, randomUUID(), kind, JSON.stringify(params), JSON.stringify(createdBy)],
  );
  return rows[0] ? recordOf(rows[0]) : null;
}

export async function getJob(db: Queryable, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<JobRecord | null> {
  const rows = await db.query<JobRow>(`SELECT ${COLUMNS} FROM job WHERE tenant_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  return rows[0] ? recordOf(rows[0]) : null;
}

/** The queued or running job of a kind, if any. */
export async function activeJobOf(db: Queryable, tenantId: string, kind: JobKind): Promise<JobRecord | null> {
  const rows = await db.query<JobRow>(`SELECT ${COLUMNS} FROM job WHERE tenant_id = $1 AND kind = $2 AND status IN ('queued', 'running')`, [tenantId, kind]);
  return rows[0] ? recordOf(rows[0]) : null;
}

export async function listJobs(db: Queryable, tenantId: string, filter: { kind?: JobKind | undefined; limit: number }): Promise<JobRecord[]> {
  const rows = await db.query<JobRow>(
    `SELECT ${COLUMNS} FROM job WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY created_at DESC, id LIMIT $3`,
    [tenantId, filter.kind ?? null, filter.limit],
  );
  return rows.map(recordOf);
}

/**
 * Takes the job that has waited longest since its last slice and whose lease is free or ran out,
 * for `leaseMs`. Jobs of every tenant take turns, slice by slice.
 */
export async function claimJob(tx: Queryable, owner: string, leaseMs: number): Promise<JobRecord | null> {
  const rows = await tx.query<JobRow>(
    `UPDATE job SET status = 'running', lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond', started_at = COALESCE(started_at, now())
     WHERE (tenant_id, id) = (
       SELECT tenant_id, id FROM job
       WHERE status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < now())
       ORDER BY stepped_at NULLS FIRST, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [owner, leaseMs],
  );
  return rows[0] ? recordOf(rows[0]) : null;
}

/** The job, locked, if `owner` still holds its lease and it is still to be worked on; else null. */
export async function lockLeasedJob(tx: Queryable, tenantId: string, id: string, owner: string): Promise<JobRecord | null> {
  const rows = await tx.query<JobRow>(
    `SELECT ${COLUMNS} FROM job WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3 AND status = 'running' FOR UPDATE`,
    [tenantId, id, owner],
  );
  return rows[0] ? recordOf(rows[0]) : null;
}

export type JobUpdate =
  | { state: 'continue'; checkpoint: unknown; done: number; total: number | null; leaseMs: number }
  | { state: 'succeeded'; outcome: Record<string, unknown>; done: number; total: number | null }
  | { state: 'failed'; error: NonNullable<Job['error']> };

export async function updateJob(tx: Queryable, tenantId: string, id: string, update: JobUpdate): Promise<void> {
  if (update.state === 'continue') {
    await tx.query(
      `UPDATE job SET checkpoint = $3, progress_done = $4, progress_total = $5, attempts = 0, stepped_at = now(),
         lease_until = now() + $6 * interval '1 millisecond' WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, JSON.stringify(update.checkpoint ?? null), update.done, update.total, update.leaseMs],
    );
  } else if (update.state === 'succeeded') {
    await tx.query(
      `UPDATE job SET status = 'succeeded', outcome = $3, progress_done = $4, progress_total = $5, stepped_at = now(), finished_at = now(),
         lease_owner = '', lease_until = NULL WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, JSON.stringify(update.outcome), update.done, update.total],
    );
  } else {
    await tx.query(
      `UPDATE job SET status = 'failed', error = $3, stepped_at = now(), finished_at = now(), lease_owner = '', lease_until = NULL
       WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
      [tenantId, id, JSON.stringify(update.error)],
    );
  }
}

/** Gives the job's lease back so any runner may take it at once: a runner stopping, or taking turns. */
export async function releaseJob(db: Queryable, tenantId: string, id: string, owner: string): Promise<void> {
  await db.query(`UPDATE job SET lease_owner = '', lease_until = NULL WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3`, [tenantId, id, owner]);
}

/** A step failed unexpectedly: counted, and the job waits `delayMs`, doubled with each attempt, before a runner tries it again. */
export async function recordAttemptFailed(db: Queryable, tenantId: string, id: string, owner: string, delayMs: number): Promise<number> {
  const rows = await db.query<{ attempts: number }>(
    `UPDATE job SET attempts = attempts + 1, lease_owner = '', lease_until = now() + $4 * power(2, attempts) * interval '1 millisecond'
     WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3 RETURNING attempts`,
    [tenantId, id, owner, delayMs],
  );
  return rows[0]?.attempts ?? 0;
}

/** Cancels a queued or running job; the runner sees it before its next slice. False when it had already ended. */
export async function cancelJob(db: Queryable, tenantId: string, id: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE job SET status = 'canceled', finished_at = now(), lease_owner = '', lease_until = NULL
     WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING id`,
    [tenantId, id],
  );
  return rows.length > 0;
}
