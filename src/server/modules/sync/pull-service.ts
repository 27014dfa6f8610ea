import { SYNC_SCHEMA_VERSION, type PullResponse, type SyncOp } from '../../../contract/sync';
import { RapportError } from '../../../domain/errors';
import type { Queryable, Row } from '../../db/db';
import type { RequestContext } from '../../http/route';
import { AFTER_ALL_SOURCES, decodeCursor, encodeCursor, type SyncPosition } from './sync-cursor';
import { INTERACTION_FROM, INTERACTION_SELECT, interactionRecord, interactionScope, SYNC_SOURCES, type ScopeParams, type SourceRow, type SyncSource } from './sync-sources';
import { lastMutationIdsOf, pruneTombstonesWhenDue, tenantVersion } from './sync-repository';

/** Interactions of the last this many days are "recent": the pane's timeline, kept offline. */
export const RECENT_INTERACTION_DAYS = 90;

export function requireSchemaVersion(schemaVersion: number): void {
  if (schemaVersion !== SYNC_SCHEMA_VERSION) {
    throw new RapportError('sync_schema_mismatch', `This service speaks sync schema ${SYNC_SCHEMA_VERSION}; the client sent ${schemaVersion}. Update the add-in.`, {
      details: { serverSchemaVersion: SYNC_SCHEMA_VERSION },
    });
  }
}

type PullInput = { schemaVersion: number; clientGroupId: string; cursor: string | null; limit: number };

/**
 * One page of the tenant's changes after `cursor`, as the signed-in user sees them.
 *
 * Consistency without a long transaction: the last mutation ids are read first, then the tenant's
 * version V; every row read is limited to versions ≤ V. Versions commit in order, so every row up
 * to V is committed and visible, and every mutation counted in `lastMutationIds` committed at a
 * version ≤ V: once the client has the last page, it has the data of every mutation confirmed.
 */
export async function pull(ctx: RequestContext, input: PullInput): Promise<PullResponse> {
  requireSchemaVersion(input.schemaVersion);
  const { db } = ctx;
  const tenantId = ctx.identity.tenantId;
  const salespersonCode = await ctx.currentSalespersonCode();
  await pruneTombstonesWhenDue(db, tenantId);

  const lastMutationIds = await lastMutationIdsOf(db, tenantId, input.clientGroupId, ctx.identity.userId);
  const { version: snapshot, horizonVersion } = await tenantVersion(db, tenantId);

  const given = input.cursor === null ? null : decodeCursor(input.cursor);
  const reset = given !== null && (given.scope !== salespersonCode || given.version < horizonVersion || given.version > snapshot);
  const start: SyncPosition = given && !reset ? given : { version: -1, source: -1, keys: [], fullUntil: snapshot, scope: salespersonCode };
  const scope: ScopeParams = {
    salespersonCode,
    interactionsSince: addDays(ctx.workDate, -RECENT_INTERACTION_DAYS),
    clientGroupId: input.clientGroupId,
    userId: ctx.identity.userId,
  };

  const { rows, hasMore } = await readPage(db, tenantId, start, snapshot, input.limit, scope);
  const ops: SyncOp[] = [];
  if (start.version === -1) {
    ops.push({ op: 'put', collection: 'setup', key: 'me', value: { key: 'me', value: { salespersonCode, email: ctx.identity.email, name: ctx.identity.name } } });
  }
  ops.push(...(await opsOf(db, tenantId, rows)));
  ops.push(...(await interactionsOfChangedContacts(db, tenantId, rows, start.fullUntil, scope)));

  const last = rows.at(-1);
  const next: SyncPosition =
    hasMore && last
      ? { version: last.version, source: last.source, keys: last.keys, fullUntil: start.fullUntil, scope: salespersonCode }
      : { version: snapshot, source: AFTER_ALL_SOURCES, keys: [], fullUntil: start.fullUntil, scope: salespersonCode };
  return { schemaVersion: SYNC_SCHEMA_VERSION, reset, ops, cursor: encodeCursor(next), hasMore, lastMutationIds };
}

type StreamRow = SourceRow & { source: number; order: number };

const streamOrder = (a: StreamRow, b: StreamRow): number => a.version - b.version || a.source - b.source || a.order - b.order;

/**
 * The first `limit` rows after `start` across every source, in stream order. Each source is read
 * with `limit + 1` rows at most; once that many are gathered, later sources need read no further
 * than the version of the last one kept.
 */
async function readPage(db: Queryable, tenantId: string, start: SyncPosition, snapshot: number, limit: number, scope: ScopeParams) {
  let gathered: StreamRow[] = [];
  let bound = snapshot;
  for (const [index, source] of SYNC_SOURCES.entries()) {
    const rows = await readSource(db, tenantId, index, source, start, bound, limit + 1, scope);
    gathered.push(...rows);
    if (gathered.length > limit) {
      gathered.sort(streamOrder);
      gathered = gathered.slice(0, limit + 1);
      bound = gathered[limit]?.version ?? bound;
    }
  }
  gathered.sort(streamOrder);
  return { rows: gathered.slice(0, limit), hasMore: gathered.length > limit };
}

async function readSource(
  db: Queryable,
  tenantId: string,
  index: number,
  source: SyncSource,
  start: SyncPosition,
  bound: number,
  limit: number,
  scope: ScopeParams,
): Promise<StreamRow[]> {
  const params: unknown[] = [tenantId, bound];
  const param = (value: unknown) => `$${params.push(value)}`;
  const keys = source.keyColumns.map((column) => column.sql);
  const conditions = ['t.tenant_id = $1', 't.sync_version <= $2'];

  if (index > start.source) conditions.push(`t.sync_version >= ${param(start.version)}`);
  else if (index < start.source || keys.length === 0) conditions.push(`t.sync_version > ${param(start.version)}`);
  else {
    const keyParams = source.keyColumns.map((column, i) => `${param(start.keys[i] ?? '')}::${column.type}`);
    conditions.push(`(t.sync_version, ${keys.join(', ')}) > (${param(start.version)}, ${keyParams.join(', ')})`);
  }

  if (source.filter) conditions.push(source.filter(param, scope));
  let inScope = 'true';
  if (source.scope) {
    inScope = source.scope(param, scope);
    // Up to fullUntil only what is in scope is sent; after it, what left the scope is deleted.
    conditions.push(`(t.sync_version > ${param(start.fullUntil)} OR ${inScope})`);
  }
  if (source.collection === 'tombstone') conditions.push(`t.sync_version > ${param(start.fullUntil)}`);

  const keySelect = keys.map((key, i) => `, ${key}::text AS sync_key_${i}`).join('');
  const sql = `SELECT ${source.select}, t.sync_version AS sync_row_version${keySelect}, ${inScope} AS sync_in_scope
    FROM ${source.from} WHERE ${conditions.join(' AND ')}
    ORDER BY t.sync_version${keys.map((key) => `, ${key}`).join('')} LIMIT ${param(limit)}`;
  const rows = await db.query(sql, params);
  return rows.map((raw, order) => {
    const row: Row = {};
    const rowKeys: string[] = [];
    for (const [column, value] of Object.entries(raw)) {
      if (column.startsWith('sync_key_')) rowKeys[Number(column.slice('sync_key_'.length))] = String(value);
      else if (column !== 'sync_row_version' && column !== 'sync_in_scope') row[column] = value;
    }
    return { row, version: Number(raw.sync_row_version), keys: rowKeys, inScope: raw.sync_in_scope === true, source: index, order };
  });
}

/** The page's operations in stream order (each source turns its rows into one operation per row). */
async function opsOf(db: Queryable, tenantId: string, rows: readonly StreamRow[]): Promise<SyncOp[]> {
  const ops: SyncOp[] = new Array(rows.length);
  for (const [index, source] of SYNC_SOURCES.entries()) {
    const positions = rows.flatMap((row, position) => (row.source === index ? [position] : []));
    if (positions.length === 0) continue;
    const sourceOps = await source.toOps(
      db,
      tenantId,
      positions.map((position) => rows[position] as StreamRow),
    );
    positions.forEach((position, i) => (ops[position] = sourceOps[i] as SyncOp));
  }
  return ops;
}

/**
 * A contact that changed may have entered or left the user's scope, and with it its recent
 * interactions, whose own rows did not change: send them again (or their removal).
 */
async function interactionsOfChangedContacts(db: Queryable, tenantId: string, rows: readonly StreamRow[], fullUntil: number, scope: ScopeParams): Promise<SyncOp[]> {
  const contactSource = SYNC_SOURCES.findIndex((source) => source.collection === 'contact');
  const contactNos = rows.filter((row) => row.source === contactSource && row.version > fullUntil).map((row) => String(row.row.no));
  if (contactNos.length === 0) return [];
  const params: unknown[] = [tenantId, contactNos];
  const param = (value: unknown) => `$${params.push(value)}`;
  const inScope = interactionScope(param, scope);
  const found = await db.query(
    `SELECT ${INTERACTION_SELECT}, ${inScope} AS sync_in_scope FROM ${INTERACTION_FROM}
     WHERE t.tenant_id = $1 AND t.contact_no = ANY($2::text[]) AND t.date >= ${param(scope.interactionsSince)}::date ORDER BY t.entry_no`,
    params,
  );
  return found.map((row): SyncOp => {
    const { sync_in_scope: included, ...columns } = row;
    const record = interactionRecord(columns);
    return included === true ? { op: 'put', collection: 'interaction', key: String(record.entryNo), value: record } : { op: 'del', collection: 'interaction', key: String(record.entryNo) };
  });
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
