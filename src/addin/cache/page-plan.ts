import type { SyncCollection, SyncRejection } from '../../contract/sync';
import type { PullPageToApply, SyncState } from './local-store';
import { type StoredRow, toStoredRow } from './record-keys';

/** The sync state as stored: the public state plus the generation rows are stamped with. */
export type StoredSyncState = SyncState & { generation: number };

/** What one page does to one collection: the rows to write and the keys to delete (disjoint). */
export type TablePlan = { puts: Map<string, StoredRow<SyncCollection>>; dels: Set<string> };

/**
 * Everything applying a page changes, worked out before anything is written, so both stores apply
 * the same decisions and a bad page fails before it touches storage.
 */
export type PagePlan = {
  tables: Map<SyncCollection, TablePlan>;
  state: StoredSyncState;
  /** The last page of a full sync: rows of generations below `state.generation` go. */
  finishesResync: boolean;
  /** Rejection records naming this client's mutations: their outbox entries become rejected. */
  rejections: SyncRejection[];
  /** On the final page, the last mutation of this client the service processed; else undefined. */
  confirmedUpTo: number | undefined;
};

/** A fresh sync state for a new cache: generation 0, nothing pulled, the outbox starting at 1. */
export function initialSyncState(ids: { clientGroupId: string; clientId: string }): StoredSyncState {
  return { ...ids, cursor: null, lastPulledAt: null, resyncing: false, nextMutationId: 1, generation: 0 };
}

/** The public part of the stored state. */
export function publicSyncState(state: StoredSyncState): SyncState {
  const { generation: _generation, ...rest } = state;
  return rest;
}

/**
 * Plans a page over the current state. Within a page the later operation on a key wins, so a put
 * followed by a del leaves nothing and a del followed by a put leaves the put.
 */
export function planPage(current: StoredSyncState, page: PullPageToApply): PagePlan {
  const generation = page.reset ? current.generation + 1 : current.generation;
  const resyncing = page.reset || current.resyncing;
  const tables = new Map<SyncCollection, TablePlan>();
  const tableOf = (collection: SyncCollection): TablePlan => {
    let plan = tables.get(collection);
    if (plan === undefined) {
      plan = { puts: new Map(), dels: new Set() };
      tables.set(collection, plan);
    }
    return plan;
  };
  for (const op of page.ops) {
    const plan = tableOf(op.collection);
    if (op.op === 'put') {
      plan.dels.delete(op.key);
      plan.puts.set(op.key, toStoredRow(op.collection, op.value, generation));
    } else {
      plan.puts.delete(op.key);
      plan.dels.add(op.key);
    }
  }
  const rejectionRows = [...(tables.get('rejection')?.puts.values() ?? [])] as StoredRow<'rejection'>[];
  return {
    tables,
    state: { ...current, cursor: page.cursor, lastPulledAt: page.pulledAt, generation, resyncing: resyncing && page.hasMore },
    finishesResync: resyncing && !page.hasMore,
    rejections: rejectionRows.filter((rejection) => rejection.clientId === current.clientId),
    confirmedUpTo: page.hasMore ? undefined : page.lastMutationIds[current.clientId],
  };
}
