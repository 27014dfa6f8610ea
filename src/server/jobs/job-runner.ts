import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { ZodError } from 'zod';
import { RapportError } from '../../domain/errors';
import type { Db } from '../db/db';
import type { RequestContext } from '../http/route';
import { findSalespersonCodeByEmail } from '../modules/salespeople/salesperson-repository';
import { tenantWriteDb, withinTransaction } from '../modules/sync/sync-repository';
import { jobQueued, type AnyJobHandler } from './job';
import { claimJob, lockLeasedJob, recordAttemptFailed, releaseJob, updateJob, type JobRecord } from './job-repository';

export type JobRunnerOptions = {
  db: Db;
  handlers: readonly AnyJobHandler[];
  log: FastifyBaseLogger;
  /** Today as `YYYY-MM-DD`: the work date of the job's steps. */
  today: () => string;
  /** How long a claimed job is this runner's without a finished step; after that another runner may take it over. */
  leaseMs?: number;
  /** How often an idle runner looks for jobs queued by other instances. */
  idleMs?: number;
  /** How long one job runs before the runner takes the next waiting job, so one tenant's long job starves no other. */
  turnMs?: number;
  /** Pause before a step that failed unexpectedly is tried again; it doubles with each attempt. */
  retryDelayMs?: number;
  /** Unexpected failures in a row after which the job fails. */
  maxAttempts?: number;
};

type StepEnd = 'continue' | 'ended';

/**
 * Runs background jobs in this process, one step at a time, yielding to requests between steps.
 * Several instances over one PostgreSQL share the work through leases; a job whose runner died is
 * taken over once its lease runs out and continues from its last committed checkpoint.
 *
 *   queued ──claim──▶ running ──step…step──▶ succeeded
 *                        │  ▲                  failed   (RapportError, or too many unexpected errors)
 *                        │  └─ lease released: stop(), another job's turn, or lease run out
 *                        └────────────────────▶ canceled (DELETE /jobs/{id}; seen before the next step)
 */
export class JobRunner {
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly handlers: Map<string, AnyJobHandler>;
  private readonly leaseMs: number;
  private readonly idleMs: number;
  private readonly turnMs: number;
  private readonly retryDelayMs: number;
  private readonly maxAttempts: number;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly onQueued = () => this.wakeUp?.();

  constructor(private readonly options: JobRunnerOptions) {
    this.handlers = new Map(options.handlers.map((handler) => [handler.kind, handler]));
    this.leaseMs = options.leaseMs ?? 30_000;
    this.idleMs = options.idleMs ?? 2_000;
    this.turnMs = options.turnMs ?? 2_000;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    jobQueued.on('queued', this.onQueued);
    this.loop = this.run();
  }

  /** Finishes the step under way, gives the job's lease back so another runner continues at once, and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    jobQueued.off('queued', this.onQueued);
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (error) {
        this.options.log.error({ err: error }, 'job runner: could not take a job');
      }
      if (!worked && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.idleMs);
      timer.unref();
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wakeUp = null;
    });
  }

  /** Takes one job and works on it for one turn. False when no job was waiting. */
  private async runOne(): Promise<boolean> {
    const job = await this.options.db.transaction((tx) => claimJob(tx, this.owner, this.leaseMs));
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      // A job queued by a newer version of the service: leave it to a runner that knows its kind.
      this.options.log.warn({ jobId: job.id, kind: job.kind }, 'job runner: unknown job kind, left for another instance');
      await releaseJob(this.options.db, job.tenantId, job.id, this.owner);
      return false;
    }
    const turnEnds = Date.now() + this.turnMs;
    while (!this.stopping && Date.now() < turnEnds) {
      if ((await this.step(job, handler)) === 'ended') return true;
      // Lets requests that arrived during the step run before the next one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await releaseJob(this.options.db, job.tenantId, job.id, this.owner);
    return true;
  }

  private async step(claimed: JobRecord, handler: AnyJobHandler): Promise<StepEnd> {
    const { db, log } = this.options;
    const jobLog = log.child({ jobId: claimed.id, kind: claimed.kind, tenantId: claimed.tenantId });
    try {
      return await tenantWriteDb(db, claimed.tenantId).transaction(async (tx): Promise<StepEnd> => {
        const job = await lockLeasedJob(tx, claimed.tenantId, claimed.id, this.owner);
        if (!job) return 'ended'; // canceled, or the lease ran out and another runner has it
        let salespersonCode: Promise<string> | undefined;
        const ctx: RequestContext = {
          db: withinTransaction(db, tx),
          identity: job.createdBy,
          log: jobLog,
          workDate: this.options.today(),
          currentSalespersonCode: () => (salespersonCode ??= findSalespersonCodeByEmail(tx, job.tenantId, job.createdBy.email)),
        };
        const result = await handler.step({ ctx, params: handler.params.parse(job.params), checkpoint: job.checkpoint, job });
        if (result.state === 'continue') {
          await updateJob(tx, job.tenantId, job.id, { state: 'continue', checkpoint: result.checkpoint, ...result.progress, leaseMs: this.leaseMs });
          return 'continue';
        }
        await updateJob(tx, job.tenantId, job.id, { state: 'succeeded', outcome: result.outcome, ...result.progress });
        jobLog.info({ outcome: result.outcome }, 'job succeeded');
        return 'ended';
      });
    } catch (error) {
      if (error instanceof RapportError || error instanceof ZodError) {
        const failure =
          error instanceof RapportError
            ? { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
            : { code: 'validation_failed', message: `The job's parameters are not valid: ${error.message}` };
        await db.transaction((tx) => updateJob(tx, claimed.tenantId, claimed.id, { state: 'failed', error: failure }));
        jobLog.info({ code: failure.code }, 'job failed');
        return 'ended';
      }
      const attempts = await recordAttemptFailed(db, claimed.tenantId, claimed.id, this.owner, this.retryDelayMs);
      jobLog.error({ err: error, attempts }, 'job step failed');
      if (attempts >= this.maxAttempts) {
        const failure = { code: 'internal', message: 'The job failed after several attempts; the service log has the details.' };
        await db.transaction((tx) => updateJob(tx, claimed.tenantId, claimed.id, { state: 'failed', error: failure }));
      }
      return 'ended';
    }
  }
}
