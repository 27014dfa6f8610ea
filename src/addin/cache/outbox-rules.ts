import type { MutationResult, SyncRejection } from '../../contract/sync';
import type { OutboxEntry } from './local-store';

/** The entry refused for the reason a rejection record gives. */
export function withRejection(entry: OutboxEntry, rejection: Pick<SyncRejection, 'code' | 'message' | 'details'>): OutboxEntry {
  const reason = rejection.details === undefined ? { code: rejection.code, message: rejection.message } : { code: rejection.code, message: rejection.message, details: rejection.details };
  return { ...entry, status: 'rejected', rejection: reason };
}

/**
 * Whether a final page confirms the entry: the service processed it (`id <= lastMutationId`) and
 * did not refuse it. Refused entries stay until the user has read why.
 */
export function isConfirmed(entry: OutboxEntry, lastMutationId: number | undefined): boolean {
  return lastMutationId !== undefined && entry.id <= lastMutationId && entry.status !== 'rejected';
}

/** The entry after the service's answer to its push. */
export function withPushResult(entry: OutboxEntry, result: MutationResult): OutboxEntry {
  if (result.status === 'rejected') return withRejection(entry, result.rejection ?? { code: 'rejected', message: '' });
  const { rejection: _rejection, ...rest } = entry;
  return { ...rest, status: 'applied' } as OutboxEntry;
}

export type RenumberPlan = {
  /** Ids whose entries move (deleted before `entries` are written). */
  removedIds: number[];
  /** Every moved entry under its new id. */
  entries: OutboxEntry[];
  /** The moved entries the service must receive again, in order. */
  resent: OutboxEntry[];
  nextMutationId: number;
};

/**
 * Renumbering after the service lost mutations (it waits for `expectedId`, which this store no
 * longer holds, or holds as already applied). Every entry from `expectedId` on moves: the ones not
 * refused are due again, so they become pending and take `expectedId`, `expectedId + 1`… in their
 * order; refused ones, which are never sent, follow them so no two entries share an id. Entries
 * below `expectedId` are what the service still has and keep their ids.
 */
export function planRenumber(entries: readonly OutboxEntry[], expectedId: number): RenumberPlan {
  const moving = entries.filter((entry) => entry.id >= expectedId).sort((a, b) => a.id - b.id);
  const due = moving.filter((entry) => entry.status !== 'rejected');
  const refused = moving.filter((entry) => entry.status === 'rejected');
  const resent = due.map((entry, index): OutboxEntry => {
    const { rejection: _rejection, ...rest } = entry;
    return { ...rest, id: expectedId + index, status: 'pending' } as OutboxEntry;
  });
  const kept = refused.map((entry, index): OutboxEntry => ({ ...entry, id: expectedId + due.length + index }));
  return {
    removedIds: moving.map((entry) => entry.id),
    entries: [...resent, ...kept],
    resent,
    nextMutationId: expectedId + moving.length,
  };
}
