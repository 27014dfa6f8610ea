import { MAX_PUSH_MUTATIONS, SYNC_SCHEMA_VERSION, type Mutation } from '../../contract/sync';
import { SyncApiError } from '../api/sync-api-error';
import type { SyncApi } from '../api/sync-api';
import type { LocalStore, OutboxEntry } from '../cache/local-store';
import { OutboxOutOfOrderError } from './outbox-out-of-order-error';

export type PushPendingOptions = {
  store: LocalStore;
  api: SyncApi;
  /** Aborting stops between batches and cancels the request in flight. */
  signal: AbortSignal;
  /** Called before each request, for the sync indicator. */
  onRequest?: () => void;
};

export type PushOutcome = {
  /** Mutations the service reported on, applied or rejected, first time or duplicate. */
  processed: number;
  /** Of those, the ones it applied: their data arrives with the next pull. */
  applied: number;
};

const PAYLOAD_TOO_LARGE = 413;

/**
 * Sends this store's pending outbox entries to the service in id order, in batches of at most
 * `MAX_PUSH_MUTATIONS`, until none is pending, recording every result in the store.
 *
 * - A rejection is a result like any other: the entry leaves the pending set and later ones follow.
 * - `outOfOrder` with an id the store no longer holds (or holds as already processed) means the
 *   service lost mutations it had confirmed (restored from a backup): the store renumbers its
 *   entries from that id and they are sent again, once. An `outOfOrder` naming an entry still
 *   pending, or the same id again after renumbering, rejects with `OutboxOutOfOrderError`.
 * - A batch too large for the service's body limit (413) is halved until it fits.
 * - An answer that processes nothing of the batch rejects with `invalidResponse` rather than
 *   sending the same batch forever.
 *
 * Only entries of the store's own client id are sent: entries of another client id are numbered
 * in that client's sequence, which the service tracks separately.
 */
export async function pushPending(options: PushPendingOptions): Promise<PushOutcome> {
  const { store, api, signal } = options;
  const outcome: PushOutcome = { processed: 0, applied: 0 };
  let batchSize = MAX_PUSH_MUTATIONS;
  let renumberedFrom: number | null = null;

  for (;;) {
    signal.throwIfAborted();
    const { clientGroupId, clientId } = await store.syncState();
    const entries = (await store.outbox()).filter((entry) => entry.clientId === clientId);
    const batch = entries
      .filter((entry) => entry.status === 'pending')
      .sort((a, b) => a.id - b.id)
      .slice(0, batchSize);
    if (batch.length === 0) return outcome;

    options.onRequest?.();
    let response;
    try {
      response = await api.push({ schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId, clientId, mutations: batch.map(toMutation) }, signal);
    } catch (error) {
      if (error instanceof SyncApiError && error.status === PAYLOAD_TOO_LARGE && batchSize > 1) {
        batchSize = Math.ceil(batch.length / 2);
        continue;
      }
      throw error;
    }

    // Recorded even when stopping: the service has processed these, and a resend would only come
    // back as duplicates.
    await store.recordPushResults(response.results);
    const sent = new Set(batch.map((entry) => entry.id));
    const ours = response.results.filter((result) => sent.has(result.id));
    outcome.processed += ours.length;
    outcome.applied += ours.filter((result) => result.status === 'applied').length;

    if (response.outOfOrder) {
      const { expectedId } = response.outOfOrder;
      // A pending entry with that id went out with this very batch or an earlier one: the service
      // contradicts itself, and renumbering would not change its answer.
      const stillPending = entries.some((entry) => entry.id === expectedId && entry.status === 'pending');
      if (stillPending || renumberedFrom === expectedId) throw new OutboxOutOfOrderError(expectedId);
      renumberedFrom = expectedId;
      await store.renumberPending(expectedId);
      continue;
    }
    if (ours.length === 0) {
      throw new SyncApiError('invalidResponse', 'The service processed none of the pushed mutations and named no expected id.');
    }
  }
}

/**
 * The wire form of an outbox entry. The cast restates what `OutboxEntry` already guarantees per
 * name (`args` match `name`); TypeScript cannot follow that correlation through property access.
 */
function toMutation(entry: OutboxEntry): Mutation {
  return { id: entry.id, name: entry.name, args: entry.args, createdAt: entry.createdAt } as Mutation;
}
