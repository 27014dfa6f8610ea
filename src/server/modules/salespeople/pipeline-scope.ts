import { RapportError } from '../../../domain/errors';
import { isManager } from '../../http/identity';
import type { RequestContext } from '../../http/route';

/**
 * Whose opportunities and tasks a user may read. A manager (or admin) reads every salesperson's;
 * a salesperson reads the ones assigned to their own salesperson code — what the pane shows them.
 * `undefined` means no restriction.
 */
export async function readablePipelineOwner(ctx: RequestContext): Promise<string | undefined> {
  return isManager(ctx.identity) ? undefined : ctx.currentSalespersonCode();
}

/** Refuses a salesperson's read of an opportunity or task assigned to another salesperson. */
export async function assertMayReadPipeline(ctx: RequestContext, record: { no: string; salespersonCode: string }, what: 'opportunity' | 'task'): Promise<void> {
  const owner = await readablePipelineOwner(ctx);
  if (owner === undefined || record.salespersonCode === owner) return;
  throw new RapportError('forbidden', `The ${what} ${record.no} is another salesperson's; reading it needs the Rapport.Manager role.`, {
    details: { requiredRole: 'Rapport.Manager' },
  });
}
