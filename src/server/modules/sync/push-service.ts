import { SYNC_SCHEMA_VERSION, type MutationResult, type PushResponse, type SyncMutationName } from '../../../contract/sync';
import { isRapportError, RapportError } from '../../../domain/errors';
import { problemFor } from '../../http/problem';
import type { RequestContext } from '../../http/route';
import { requireSchemaVersion } from './pull-service';
import { applyMutation } from './sync-mutations';
import { lockClient, recordRejection, rejectionOf, setLastMutationId, withinTransaction, type RecordedRejection } from './sync-repository';

type PushInput = {
  schemaVersion: number;
  clientGroupId: string;
  clientId: string;
  mutations: readonly { id: number; name: SyncMutationName; args: unknown }[];
};

type Outcome = { result: MutationResult } | { outOfOrder: { expectedId: number } };

/**
 * Applies a client's queued mutations in order, each exactly once, each in its own transaction:
 * the tenant's version is taken first, then the outbox's row is locked (so two pushes of one
 * outbox queue instead of racing), the mutation runs through the same services as the REST routes,
 * and the outbox's last id moves on in the same commit. A domain rejection (what a REST route
 * answers with a 4xx) rolls back the mutation's writes to a savepoint and is recorded instead, so
 * it never blocks the mutations behind it. Anything else fails the push; the client resends.
 */
export async function push(ctx: RequestContext, input: PushInput): Promise<PushResponse> {
  requireSchemaVersion(input.schemaVersion);
  const tenantId = ctx.identity.tenantId;
  // Resolved before any transaction: PGlite has one connection, and a read outside the open
  // transaction would wait for it.
  await ctx.currentSalespersonCode();

  const results: MutationResult[] = [];
  let lastMutationId = 0;
  for (const mutation of input.mutations) {
    const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
      const client = await lockClient(tx, tenantId, { clientId: input.clientId, clientGroupId: input.clientGroupId, userId: ctx.identity.userId });
      if (client.userId !== ctx.identity.userId) throw new RapportError('forbidden', 'This outbox belongs to another user.');
      if (client.clientGroupId !== input.clientGroupId) throw new RapportError('sync_client_conflict', `Client ${input.clientId} belongs to another client group.`);
      lastMutationId = client.lastMutationId;

      if (mutation.id <= client.lastMutationId) {
        const recorded = await rejectionOf(tx, tenantId, input.clientId, mutation.id);
        return { result: resultOf(mutation.id, recorded, true) };
      }
      if (mutation.id > client.lastMutationId + 1) return { outOfOrder: { expectedId: client.lastMutationId + 1 } };

      const scoped: RequestContext = { ...ctx, db: withinTransaction(ctx.db, tx) };
      await tx.query('SAVEPOINT mutation');
      let rejection: RecordedRejection | undefined;
      try {
        await applyMutation(scoped, mutation.name, mutation.args);
      } catch (error) {
        const problem = problemFor(error);
        if (problem.status >= 500) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT mutation');
        const details = { ...(isRapportError(error) ? error.details : {}), ...(problem.fields ? { fields: problem.fields } : {}) };
        rejection = { name: mutation.name, code: problem.code, message: problem.detail, ...(Object.keys(details).length > 0 ? { details } : {}) };
        await recordRejection(tx, tenantId, client, mutation.id, rejection);
      }
      await tx.query('RELEASE SAVEPOINT mutation');
      await setLastMutationId(tx, tenantId, input.clientId, mutation.id);
      lastMutationId = mutation.id;
      return { result: resultOf(mutation.id, rejection, false) };
    });
    if ('outOfOrder' in outcome) return { schemaVersion: SYNC_SCHEMA_VERSION, lastMutationId, results, outOfOrder: outcome.outOfOrder };
    results.push(outcome.result);
  }
  return { schemaVersion: SYNC_SCHEMA_VERSION, lastMutationId, results };
}

function resultOf(id: number, rejection: RecordedRejection | undefined, duplicate: boolean): MutationResult {
  if (!rejection) return { id, status: 'applied', duplicate };
  const { name: _name, ...reason } = rejection;
  return { id, status: 'rejected', duplicate, rejection: reason };
}
