import type { Db, Queryable } from '../../db/db';

/**
 * The SQL of sync's own tables: the tenant's version counter, outboxes (sync_client), recorded
 * rejections and tombstones. The versioning itself lives in migration 0009's triggers.
 */

/** Takes the transaction's version for the tenant before anything else, so writers queue in one order (see 0009-sync). */
export async function beginTenantWrite(tx: Queryable, tenantId: string): Promise<number> {
  const rows = await tx.query<{ version: number }>('SELECT sync_version($1) AS version', [tenantId]);
  return Number(rows[0]?.version);
}

/**
 * The database as a request of `tenantId` uses it: every transaction starts by taking the
 * tenant's next version. Reads outside transactions are unchanged.
 */
export function tenantWriteDb(db: Db, tenantId: string): Db {
  return {
    ...db,
    query: (sql, params) => db.query(sql, params),
    transaction: (work) =>
      db.transaction(async (tx) => {
        await beginTenantWrite(tx, tenantId);
        return work(tx);
      }),
  };
}

/** A Db whose queries and transactions all run inside `tx`: services called by a push share the mutation's transaction. */
export function withinTransaction(db: Db, tx: Queryable): Db {
  return { ...db, query: (sql, params) => tx.query(sql, params), transaction: (work) => work(tx) };
}

export async function tenantVersion(db: Queryable, tenantId: string): Promise<{ version: number; horizonVersion: number }> {
  const rows = await db.query<{ version: number; horizon_version: number }>('SELECT version, horizon_version FROM tenant_sync WHERE tenant_id = $1', [tenantId]);
  return { version: Number(rows[0]?.version ?? 0), horizonVersion: Number(rows[0]?.horizon_version ?? 0) };
}

export async function lastMutationIdsOf(db: Queryable, tenantId: string, clientGroupId: string, userId: string): Promise<Record<string, number>> {
  const rows = await db.query<{ client_id: string; last_mutation_id: number }>(
    'SELECT client_id, last_mutation_id FROM sync_client WHERE tenant_id = $1 AND client_group_id = $2 AND user_id = $3 ORDER BY client_id',
    [tenantId, clientGroupId, userId],
  );
  return Object.fromEntries(rows.map((row) => [row.client_id, Number(row.last_mutation_id)]));
}

export type SyncClient = { clientId: string; clientGroupId: string; userId: string; lastMutationId: number };

/** The outbox's row, created on its first push and locked until the transaction ends. */
export async function lockClient(tx: Queryable, tenantId: string, client: Omit<SyncClient, 'lastMutationId'>): Promise<SyncClient> {
  await tx.query(
    `INSERT INTO sync_client (tenant_id, client_id, client_group_id, user_id) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, client_id) DO NOTHING`,
    [tenantId, client.clientId, client.clientGroupId, client.userId],
  );
  const rows = await tx.query<{ client_group_id: string; user_id: string; last_mutation_id: number }>(
    'SELECT client_group_id, user_id, last_mutation_id FROM sync_client WHERE tenant_id = $1 AND client_id = $2 FOR UPDATE',
    [tenantId, client.clientId],
  );
  const row = rows[0];
  if (!row) throw new Error(`sync_client ${client.clientId} vanished inside its transaction`);
  return { clientId: client.clientId, clientGroupId: row.client_group_id, userId: row.user_id, lastMutationId: Number(row.last_mutation_id) };
}

export async function setLastMutationId(tx: Queryable, tenantId: string, clientId: string, mutationId: number): Promise<void> {
  await tx.query('UPDATE sync_client SET last_mutation_id = $3, last_push_at = now() WHERE tenant_id = $1 AND client_id = $2', [tenantId, clientId, mutationId]);
}

export type RecordedRejection = { name: string; code: string; message: string; details?: Record<string, unknown> };

export async function recordRejection(
  tx: Queryable,
  tenantId: string,
  client: { clientId: string; clientGroupId: string },
  mutationId: number,
  rejection: RecordedRejection,
): Promise<void> {
  await tx.query(
    `INSERT INTO sync_mutation_rejection (tenant_id, client_id, mutation_id, client_group_id, name, code, message, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenantId, client.clientId, mutationId, client.clientGroupId, rejection.name, rejection.code, rejection.message, rejection.details ? JSON.stringify(rejection.details) : null],
  );
}

export async function rejectionOf(db: Queryable, tenantId: string, clientId: string, mutationId: number): Promise<RecordedRejection | undefined> {
  const rows = await db.query<{ name: string; code: string; message: string; details: unknown }>(
    'SELECT name, code, message, details FROM sync_mutation_rejection WHERE tenant_id = $1 AND client_id = $2 AND mutation_id = $3',
    [tenantId, clientId, mutationId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const details = typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : (row.details as Record<string, unknown> | null);
  return { name: row.name, code: row.code, message: row.message, ...(details ? { details } : {}) };
}

/** Tombstones are kept this long; a cursor older than the newest pruned one starts over. */
export const TOMBSTONE_HORIZON_DAYS = 90;

/**
 * Deletes the tenant's tombstones older than `olderThan` and raises the horizon past them. The
 * counter row is locked first, in the order writers lock it, so pruning never deadlocks with them.
 */
export async function pruneTombstones(db: Db, tenantId: string, olderThan: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT version FROM tenant_sync WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
    const pruned = await tx.query<{ sync_version: number }>('DELETE FROM sync_tombstone WHERE tenant_id = $1 AND deleted_at < $2 RETURNING sync_version', [
      tenantId,
      olderThan.toISOString(),
    ]);
    if (pruned.length === 0) return 0;
    const horizon = Math.max(...pruned.map((row) => Number(row.sync_version)));
    await tx.query('UPDATE tenant_sync SET horizon_version = GREATEST(horizon_version, $2) WHERE tenant_id = $1', [tenantId, horizon]);
    return pruned.length;
  });
}

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const lastPruned = new Map<string, number>();

/** Prunes at most once an hour per tenant and process: pulls are frequent, old tombstones rare. */
export async function pruneTombstonesWhenDue(db: Db, tenantId: string, now = Date.now()): Promise<void> {
  if (now - (lastPruned.get(tenantId) ?? 0) < PRUNE_INTERVAL_MS) return;
  lastPruned.set(tenantId, now);
  await pruneTombstones(db, tenantId, new Date(now - TOMBSTONE_HORIZON_DAYS * 24 * 60 * 60 * 1000));
}
