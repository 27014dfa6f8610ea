import { z } from 'zod';
import type { Job } from '../../../contract/jobs';
import { duplicateThreshold } from '../../../domain/duplicate-search';
import type { Queryable } from '../../db/db';
import type { Identity } from '../../http/identity';
import { defineJob, type AnyJobHandler } from '../../jobs/job';
import { activeJobOf, insertJob, jobView } from '../../jobs/job-repository';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { countContacts, countPairs } from './duplicate-repository';
import { getDuplicateSearchSetup, rebuildDuplicateIndexStep } from './duplicate-service';

/**
 * Step sizes: a step aims at `targetMs`, so requests of the tenant (and on PGlite every request)
 * wait no longer than that for it, whatever the engine and the load; the next step's size follows
 * the last one's time, at most doubling, within `min`..`max` contacts.
 */
export const REBUILD_STEP_SIZE = { first: 500, min: 50, max: 5000, targetMs: 250 };

type RebuildCheckpoint = {
  /** The last contact number the job has indexed; '' before the first. */
  after: string;
  done: number;
  total: number;
  /** Contacts the next step takes. */
  limit: number;
  /** The search setup and threshold the finished steps used; a change starts the job over. */
  setupKey: string;
};

/** The size of the next step after a step of `limit` contacts took `elapsedMs`. */
export function nextRebuildStepSize(limit: number, elapsedMs: number): number {
  const { min, max, targetMs } = REBUILD_STEP_SIZE;
  const scaled = Math.round((limit * targetMs) / Math.max(elapsedMs, 1));
  return Math.min(max, Math.max(min, Math.min(scaled, limit * 2)));
}

export type RebuildOutcome = { contactsIndexed: number; duplicatePairs: number; separatePairs: number };

/**
 * Business Central's Generate Duplicate Search Strings (§4) as a background job: the search strings
 * and the duplicate pairs of every contact, companies and persons alike, rebuilt in steps of
 * contacts in number order (sized by time, or `contactsPerStep` each), each step committed with
 * its checkpoint. Pairs marked separate are kept. Pairs are found whatever Autosearch says: with
 * Autosearch off this is how they are searched for ("search manually").
 *
 * Contacts created or changed while it runs: those numbered after the checkpoint are indexed when
 * the job reaches them, and `refreshDuplicates` indexes and pairs the rest as they change while
 * the job is under way. A change of the search setup or of Search Hit % while it runs starts it
 * over, so no pair is left counted against an old setup.
 */
export function duplicateSearchRebuildJob(options: { contactsPerStep?: number } = {}): AnyJobHandler {
  const fixedSize = options.contactsPerStep;
  return defineJob<Record<string, never>, RebuildCheckpoint, RebuildOutcome>({
    kind: 'duplicate-search-rebuild',
    params: z.strictObject({}),
    async step({ ctx, checkpoint }) {
      const started = performance.now();
      const tenantId = ctx.identity.tenantId;
      const searchSetup = await getDuplicateSearchSetup(ctx.db, tenantId);
      const threshold = duplicateThreshold(searchSetup.length, (await getMarketingSetup(ctx.db, tenantId)).searchHitPercent);
      const setupKey = JSON.stringify({ searchSetup, threshold });
      let from = checkpoint;
      if (from && from.setupKey !== setupKey) {
        ctx.log.info({ after: from.after }, 'duplicate search setup changed during the rebuild: starting over');
        from = null;
      }
      const { after, done, total, limit } = from ?? {
        after: '',
        done: 0,
        total: await countContacts(ctx.db, tenantId),
        limit: fixedSize ?? REBUILD_STEP_SIZE.first,
      };

      const step = await rebuildDuplicateIndexStep(ctx.db, tenantId, { after, limit, searchSetup, threshold });
      const indexed = done + step.contacts;
      // Contacts created while the job runs can take it past the count taken at its start.
      const progress = { done: indexed, total: Math.max(total, indexed) };
      if (step.contacts === limit) {
        const next = fixedSize ?? nextRebuildStepSize(limit, performance.now() - started);
        return { state: 'continue', checkpoint: { after: step.upTo, done: indexed, total, limit: next, setupKey }, progress };
      }
      const pairs = await countPairs(ctx.db, tenantId);
      return {
        state: 'done',
        outcome: { contactsIndexed: indexed, duplicatePairs: pairs.proposed, separatePairs: pairs.separate },
        progress: { done: indexed, total: indexed },
      };
    },
  });
}

/**
 * Queues a rebuild in the caller's transaction, or returns the one already queued or running (it
 * covers what the caller wants: changes made while it runs are included, a changed setup starts
 * it over). Tell the runners with `jobQueued` once the transaction has committed.
 */
export async function queueDuplicateSearchRebuild(tx: Queryable, identity: Identity): Promise<Job> {
  const queued = await insertJob(tx, identity.tenantId, 'duplicate-search-rebuild', {}, identity);
  const job = queued ?? (await activeJobOf(tx, identity.tenantId, 'duplicate-search-rebuild'));
  if (!job) throw new Error('A rebuild job was neither queued nor found under way.');
  return jobView(job);
}
