import type { z } from 'zod';
import { SYNC_MUTATIONS, type SyncMutationName } from '../../../contract/sync';
import { RapportError } from '../../../domain/errors';
import type { RequestContext } from '../../http/route';
import { fieldProblems } from '../../http/problem';
import { createContact, updateContact } from '../contacts/contact-service';
import { checkProspectDuplicates } from '../duplicates/duplicate-service';
import { cancelInteraction, logEmail, logInteraction } from '../interactions/interaction-service';
import { closeOpportunityNo, createOpportunity, updateOpportunity } from '../opportunities/opportunity-service';
import { closeTaskNo, createTask } from '../tasks/task-service';

/**
 * What each mutation of the sync protocol does: the same service call as its REST route, so the
 * rules exist once. A mutation throws a RapportError to be rejected; the push records the reason.
 */
type Handlers = { [N in SyncMutationName]: (ctx: RequestContext, args: z.output<(typeof SYNC_MUTATIONS)[N]>) => Promise<unknown> };

const HANDLERS: Handlers = {
  async logEmail(ctx, args) {
    const result = await logEmail(ctx, args);
    if (result.interactions.length === 0) {
      // Nothing to log to: say so, so the pane can offer to add the sender, instead of dropping it.
      throw new RapportError('email_not_logged', 'No address of this e-mail belongs to exactly one contact.', {
        details: { unmatchedAddresses: result.unmatchedAddresses, ambiguousAddresses: result.ambiguousAddresses },
      });
    }
    return result;
  },
  logInteraction: (ctx, args) => logInteraction(ctx, args),
  async cancelInteraction(ctx, args) {
    const rows = await ctx.db.query<{ entry_no: number }>('SELECT entry_no FROM interaction_log_entry WHERE tenant_id = $1 AND id = $2', [ctx.identity.tenantId, args.id]);
    const entryNo = rows[0]?.entry_no;
    if (entryNo === undefined) throw new RapportError('not_found', `No interaction was logged with id ${args.id}.`);
    return cancelInteraction(ctx, Number(entryNo), args.canceled);
  },
  async createContact(ctx, args) {
    if (!args.allowDuplicates) {
      const candidates = await checkProspectDuplicates(ctx.db, ctx.identity.tenantId, args.contact);
      const likely = candidates.filter((candidate) => !candidate.separateContacts);
      if (likely.length > 0) {
        throw new RapportError('likely_duplicate', 'This contact looks like one that exists. Create it anyway with allowDuplicates.', { details: { candidates: likely } });
      }
    }
    return createContact(ctx, args.contact);
  },
  updateContact: (ctx, args) => updateContact(ctx, args.no, args.patch),
  createOpportunity: (ctx, args) => createOpportunity(ctx, args.opportunity),
  updateOpportunity: (ctx, args) => updateOpportunity(ctx, args.no, args.update),
  closeOpportunity: (ctx, args) => closeOpportunityNo(ctx, args.no, args.close),
  createTask: (ctx, args) => createTask(ctx, args.task),
  closeTask: (ctx, args) => closeTaskNo(ctx, args.no, args.completedBy),
};

/** Checks a mutation's arguments against its schema and runs it. Invalid arguments are a rejection like any other. */
export async function applyMutation(ctx: RequestContext, name: SyncMutationName, args: unknown): Promise<void> {
  const parsed = SYNC_MUTATIONS[name].safeParse(args);
  if (!parsed.success) {
    throw new RapportError('validation_failed', `The arguments of ${name} are not valid.`, { fields: fieldProblems(parsed.error, 'args') });
  }
  await (HANDLERS[name] as (ctx: RequestContext, args: unknown) => Promise<unknown>)(ctx, parsed.data);
}
