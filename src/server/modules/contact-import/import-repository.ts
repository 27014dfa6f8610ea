import { randomUUID } from 'node:crypto';
import type { ImportCandidate, ImportMapping, ImportOutcome, ImportRowProblem } from '../../../contract/contact-import';
import type { ContactType } from '../../../domain/contact/contact';
import type { Queryable } from '../../db/db';
import type { CsvDelimiter } from '../../http/csv-reader';
import type { ImportValues } from './import-row';
import type { ImportFormat } from './import-source';
import type { MappingSource } from './import-mapping';
import type { EarlierRow } from './import-plan';

/** The SQL of contact imports: the import, its staged rows and their keys, and the tenant's saved mapping. */

export type ImportRecord = {
  id: string;
  format: ImportFormat;
  delimiter: CsvDelimiter | null;
  columns: string[];
  mapping: ImportMapping;
  mappingSource: MappingSource;
  rowCount: number;
  duplicates: 'skip' | 'create' | null;
  jobId: string | null;
  createdBy: string;
  createdAt: string;
  importedAt: string | null;
};

export type StagedRow = {
  rowNo: number;
  source: string[] | Record<string, unknown> | string;
  values: ImportValues;
  type: ContactType | null;
  companyRef: string;
  companyRowNo: number | null;
  companyNo: string;
  outcome: ImportOutcome;
  contactNo: string;
  problems: ImportRowProblem[];
  candidates: ImportCandidate[];
  applied: boolean;
};

/** A row as the dry run leaves it, to be inserted. */
export type NewStagedRow = Omit<StagedRow, 'companyRowNo' | 'companyNo' | 'applied'> & { keys: string[] };

const timestamp = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

const IMPORT_COLUMNS = 'id, format, delimiter, columns, mapping, mapping_source, row_count, duplicates, job_id, created_by, created_at, imported_at';

function importOf(row: Record<string, unknown>): ImportRecord {
  return {
    id: row.id as string,
    format: row.format as ImportFormat,
    delimiter: (row.delimiter as CsvDelimiter | null) ?? null,
    columns: row.columns as string[],
    mapping: row.mapping as ImportMapping,
    mappingSource: row.mapping_source as MappingSource,
    rowCount: Number(row.row_count),
    duplicates: (row.duplicates as ImportRecord['duplicates']) ?? null,
    jobId: (row.job_id as string | null) ?? null,
    createdBy: row.created_by as string,
    createdAt: timestamp(row.created_at) ?? '',
    importedAt: timestamp(row.imported_at),
  };
}

const ROW_COLUMNS = 'row_no, source, fields, contact_type, company_ref, company_row_no, company_no, outcome, contact_no, problems, candidates, applied';

function stagedRowOf(row: Record<string, unknown>): StagedRow {
  return {
    rowNo: Number(row.row_no),
    source: row.source as StagedRow['source'],
    values: row.fields as ImportValues,
    type: row.contact_type === '' ? null : (row.contact_type as ContactType),
    companyRef: row.company_ref as string,
    companyRowNo: row.company_row_no === null ? null : Number(row.company_row_no),
    companyNo: row.company_no as string,
    outcome: row.outcome as ImportOutcome,
    contactNo: row.contact_no as string,
    problems: row.problems as ImportRowProblem[],
    candidates: row.candidates as ImportCandidate[],
    applied: row.applied as boolean,
  };
}

/** A new import, not staged until its whole file has been read (`markStaged`). */
export async function insertImport(
  db: Queryable,
  tenantId: string,
  fields: { format: ImportFormat; delimiter: CsvDelimiter | null; columns: string[]; mapping: ImportMapping; mappingSource: MappingSource; createdBy: string },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO contact_import (tenant_id, id, format, delimiter, columns, mapping, mapping_source, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenantId, id, fields.format, fields.delimiter, JSON.stringify(fields.columns), JSON.stringify(fields.mapping), fields.mappingSource, fields.createdBy],
  );
  return id;
}

export async function markStaged(db: Queryable, tenantId: string, id: string, fields: { columns: string[]; rowCount: number }): Promise<void> {
  await db.query('UPDATE contact_import SET staged = true, columns = $3, row_count = $4 WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
    JSON.stringify(fields.columns),
    fields.rowCount,
  ]);
}

export async function deleteImport(db: Queryable, tenantId: string, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM contact_import WHERE tenant_id = $1 AND id = $2 RETURNING 1 AS deleted', [tenantId, id])).length > 0;
}

/** How long a staged import, run or not, is kept for its rows' outcomes and its refused rows. */
export const STAGED_IMPORT_RETENTION_DAYS = 30;

/**
 * Uploads that stopped (the service went down while reading them) are cleared once nothing has
 * been staged for an hour; staged imports, with their rows, after `STAGED_IMPORT_RETENTION_DAYS`,
 * unless their run is still queued or running.
 */
export async function deleteAbandonedImports(db: Queryable, tenantId: string): Promise<void> {
  await db.query(
    `DELETE FROM contact_import i WHERE i.tenant_id = $1
       AND ((NOT i.staged AND i.touched_at < now() - interval '1 hour')
         OR (i.staged AND i.created_at < now() - make_interval(days => $2)
             AND NOT EXISTS (SELECT 1 FROM job j WHERE j.tenant_id = i.tenant_id AND j.id = i.job_id AND j.status IN ('queued', 'running'))))`,
    [tenantId, STAGED_IMPORT_RETENTION_DAYS],
  );
}

export async function getImport(db: Queryable, tenantId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ImportRecord | undefined> {
  const rows = await db.query(`SELECT ${IMPORT_COLUMNS} FROM contact_import WHERE tenant_id = $1 AND id = $2 AND staged${options.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
  return rows[0] ? importOf(rows[0]) : undefined;
}

/** Staged imports, newest first. */
export async function listImports(db: Queryable, tenantId: string, limit: number): Promise<ImportRecord[]> {
  const rows = await db.query(`SELECT ${IMPORT_COLUMNS} FROM contact_import WHERE tenant_id = $1 AND staged ORDER BY created_at DESC, id LIMIT $2`, [tenantId, limit]);
  return rows.map(importOf);
}

export async function setImportRun(db: Queryable, tenantId: string, id: string, jobId: string, duplicates: 'skip' | 'create'): Promise<void> {
  await db.query('UPDATE contact_import SET job_id = $3, duplicates = $4 WHERE tenant_id = $1 AND id = $2', [tenantId, id, jobId, duplicates]);
}

export async function markImported(db: Queryable, tenantId: string, id: string): Promise<void> {
  await db.query('UPDATE contact_import SET imported_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
}

export async function countOutcomes(db: Queryable, tenantId: string, id: string): Promise<Record<ImportOutcome, number>> {
  const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, duplicate: 0, refused: 0 };
  const rows = await db.query<{ outcome: ImportOutcome; n: number }>(
    'SELECT outcome, count(*)::int AS n FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2 GROUP BY outcome',
    [tenantId, id],
  );
  for (const row of rows) counts[row.outcome] = Number(row.n);
  return counts;
}

/** Stages a batch of rows with their keys, whatever the batch's size in three statements, and marks the upload alive. */
export async function insertRows(db: Queryable, tenantId: string, importId: string, rows: readonly NewStagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  // One JSON document per statement: serialised natively, where arrays of every column would be escaped value by value.
  const records = rows.map((row) => ({
    r: row.rowNo,
    s: row.source,
    f: row.values,
    t: row.type ?? '',
    c: row.companyRef,
    o: row.outcome,
    n: row.contactNo,
    p: row.problems,
    d: row.candidates,
  }));
  await db.query(
    `INSERT INTO contact_import_row (tenant_id, import_id, row_no, source, fields, contact_type, company_ref, outcome, contact_no, problems, candidates)
     SELECT $1, $2, r.r, r.s, r.f, r.t, r.c, r.o, r.n, r.p, r.d
     FROM json_to_recordset($3::json) AS r(r int, s jsonb, f jsonb, t text, c text, o text, n text, p jsonb, d jsonb)`,
    [tenantId, importId, JSON.stringify(records)],
  );
  await db.query('UPDATE contact_import SET touched_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, importId]);
  const keys = rows.flatMap((row) => [...new Set(row.keys)].map((key) => ({ k: key, r: row.rowNo })));
  if (keys.length > 0) {
    await db.query(`INSERT INTO contact_import_key (tenant_id, import_id, key, row_no) SELECT $1, $2, k.k, k.r FROM json_to_recordset($3::json) AS k(k text, r int)`, [
      tenantId,
      importId,
      JSON.stringify(keys),
    ]);
  }
  await refreshStatistics(db);
}

/**
 * ANALYZE the staged rows and keys when they have no statistics yet or have grown more than
 * fourfold since (by 1,000 rows or more; PGlite counts rows only when it analyzes, so there once).
 * Without statistics the planner takes an import's rows for one and reads every row of the
 * import to update a batch of them by number: a 100,000-row file took minutes per batch. Once
 * analyzed, its estimates grow with the table's size on disk.
 */
async function refreshStatistics(db: Queryable): Promise<void> {
  const rows = await db.query<{ name: string; stale: boolean }>(
    `SELECT c.relname AS name, c.reltuples < 0 OR s.n_live_tup > 4 * c.reltuples + 1000 AS stale
     FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid IN ('contact_import_row'::regclass, 'contact_import_key'::regclass)`,
  );
  for (const row of rows) if (row.stale) await db.query(`ANALYZE ${row.name === 'contact_import_key' ? 'contact_import_key' : 'contact_import_row'}`);
}

/**
 * The first row of the import holding each key among the rows of `outcomes` (and applied, when
 * `appliedOnly`), with its name and contact. Each key is a few index probes, however many rows the
 * import has and whatever the statistics say: the row is looked up in a LATERAL subquery behind
 * OFFSET 0 so that its number is an index condition, and by its outcome too, so that either index
 * of the rows probes it (planned without statistics, a scan of every row per key was chosen).
 */
async function firstRowsHolding(
  db: Queryable,
  tenantId: string,
  importId: string,
  keys: readonly string[],
  outcomes: readonly ImportOutcome[],
  appliedOnly: boolean,
): Promise<Map<string, EarlierRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<{ key: string; row_no: number; name: string; contact_no: string }>(
    `SELECT q.key, f.row_no, f.contact_no, f.name FROM unnest($3::text[]) AS q(key)
     CROSS JOIN LATERAL (
       SELECT k.row_no, r.contact_no, COALESCE(r.fields->>'name', concat_ws(' ', r.fields->>'firstName', r.fields->>'surname')) AS name
       FROM contact_import_key k
       CROSS JOIN LATERAL (
         SELECT r.contact_no, r.fields FROM contact_import_row r
         WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.row_no = k.row_no AND r.outcome = ANY($4::text[])${appliedOnly ? ' AND r.applied' : ''} OFFSET 0) r
       WHERE k.tenant_id = $1 AND k.import_id = $2 AND k.key = q.key
       ORDER BY k.row_no LIMIT 1) f`,
    [tenantId, importId, [...new Set(keys)], outcomes],
  );
  return new Map(rows.map((row) => [row.key, { rowNo: Number(row.row_no), name: row.name, contactNo: row.contact_no }]));
}

const ALL_OUTCOMES: readonly ImportOutcome[] = ['created', 'updated', 'unchanged', 'duplicate', 'refused'];

/** For the dry run: the first staged row holding each of `keys`, with its name. */
export const earlierKeysOf = (db: Queryable, tenantId: string, importId: string, keys: readonly string[]): Promise<Map<string, EarlierRow>> =>
  firstRowsHolding(db, tenantId, importId, keys, ALL_OUTCOMES, false);

/**
 * For the run: the first row holding each of the new-contact keys among `keys` (e-mail and
 * phones) among the rows it has already created or skipped as likely duplicates, with the contact
 * it created.
 */
export const appliedKeysOf = (db: Queryable, tenantId: string, importId: string, keys: readonly string[]): Promise<Map<string, EarlierRow>> =>
  firstRowsHolding(
    db,
    tenantId,
    importId,
    keys.filter((key) => key.startsWith('email:') || key.startsWith('phone:')),
    ['created', 'duplicate'],
    true,
  );

/** Which of the contacts `nos` the run of the import has created. */
export async function contactsCreatedBy(db: Queryable, tenantId: string, importId: string, nos: readonly string[]): Promise<Set<string>> {
  if (nos.length === 0) return new Set();
  const rows = await db.query<{ contact_no: string }>(
    `SELECT contact_no FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2 AND outcome = 'created' AND applied AND contact_no = ANY($3::text[])`,
    [tenantId, importId, [...nos]],
  );
  return new Set(rows.map((row) => row.contact_no));
}

/** Company rows of the import holding any of `keys` (number, external id or name keys), in row order. */
export async function companyRowsByKeys(
  db: Queryable,
  tenantId: string,
  importId: string,
  keys: readonly string[],
): Promise<{ key: string; rowNo: number; outcome: ImportOutcome; contactNo: string }[]> {
  if (keys.length === 0) return [];
  const rows = await db.query<{ key: string; row_no: number; outcome: ImportOutcome; contact_no: string }>(
    // Each key and each of its rows an index probe, as in firstRowsHolding.
    `SELECT f.key, f.row_no, f.outcome, f.contact_no FROM unnest($3::text[]) AS q(key)
     CROSS JOIN LATERAL (
       SELECT k.key, k.row_no, r.outcome, r.contact_no FROM contact_import_key k
       CROSS JOIN LATERAL (
         SELECT r.outcome, r.contact_no FROM contact_import_row r
         WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.row_no = k.row_no AND r.outcome = ANY($4::text[]) AND r.contact_type = 'company' OFFSET 0) r
       WHERE k.tenant_id = $1 AND k.import_id = $2 AND k.key = q.key OFFSET 0) f
     ORDER BY f.row_no`,
    [tenantId, importId, [...new Set(keys)], ALL_OUTCOMES],
  );
  return rows.map((row) => ({ key: row.key, rowNo: Number(row.row_no), outcome: row.outcome, contactNo: row.contact_no }));
}

/** Staged rows by number. */
export async function getRows(db: Queryable, tenantId: string, importId: string, rowNos: readonly number[]): Promise<StagedRow[]> {
  if (rowNos.length === 0) return [];
  const rows = await db.query(`SELECT ${ROW_COLUMNS} FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2 AND row_no = ANY($3::int[]) ORDER BY row_no`, [
    tenantId,
    importId,
    [...new Set(rowNos)],
  ]);
  return rows.map(stagedRowOf);
}

/** A page of rows after `after`, in row order, optionally of one outcome. */
export async function listRows(
  db: Queryable,
  tenantId: string,
  importId: string,
  filter: { outcome?: ImportOutcome | undefined; after: number; limit: number },
): Promise<StagedRow[]> {
  const params: unknown[] = [tenantId, importId, filter.after, filter.limit];
  const outcome = filter.outcome ? ` AND outcome = $${params.push(filter.outcome)}` : '';
  const rows = await db.query(
    `SELECT ${ROW_COLUMNS} FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2 AND row_no > $3${outcome} ORDER BY row_no LIMIT $4`,
    params,
  );
  return rows.map(stagedRowOf);
}

/** Persons of the import naming a company, after `after`, for linking once the whole file is staged. */
export async function personsWithCompany(db: Queryable, tenantId: string, importId: string, after: number, limit: number): Promise<StagedRow[]> {
  const rows = await db.query(
    `SELECT ${ROW_COLUMNS} FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2 AND row_no > $3
       AND contact_type = 'person' AND company_ref <> '' AND outcome <> 'refused' ORDER BY row_no LIMIT $4`,
    [tenantId, importId, after, limit],
  );
  return rows.map(stagedRowOf);
}

export async function saveCompanyLinks(
  db: Queryable,
  tenantId: string,
  importId: string,
  links: readonly { rowNo: number; companyRowNo: number | null; companyNo: string; outcome: ImportOutcome; problems: ImportRowProblem[] }[],
): Promise<void> {
  if (links.length === 0) return;
  await db.query(
    `UPDATE contact_import_row r SET company_row_no = l.company_row_no, company_no = l.company_no, outcome = l.outcome, problems = l.problems::jsonb
     FROM unnest($3::int[], $4::int[], $5::text[], $6::text[], $7::text[]) AS l(row_no, company_row_no, company_no, outcome, problems)
     WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.row_no = l.row_no`,
    [
      tenantId,
      importId,
      links.map((link) => link.rowNo),
      links.map((link) => link.companyRowNo),
      links.map((link) => link.companyNo),
      links.map((link) => link.outcome),
      links.map((link) => JSON.stringify(link.problems)),
    ],
  );
}

/** The rows the run still has to apply: not refused by the dry run, not applied yet. */
export async function countRowsToApply(db: Queryable, tenantId: string, importId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2 AND outcome <> 'refused' AND NOT applied`,
    [tenantId, importId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The next rows of one type to apply, in row order after `after`. */
export async function rowsToApply(db: Queryable, tenantId: string, importId: string, type: ContactType, after: number, limit: number): Promise<StagedRow[]> {
  const rows = await db.query(
    `SELECT ${ROW_COLUMNS} FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2 AND contact_type = $3 AND row_no > $4
       AND outcome <> 'refused' AND NOT applied ORDER BY row_no LIMIT $5`,
    [tenantId, importId, type, after, limit],
  );
  return rows.map(stagedRowOf);
}

/** What the run did with each row. */
export async function saveRunResults(
  db: Queryable,
  tenantId: string,
  importId: string,
  results: readonly { rowNo: number; outcome: ImportOutcome; contactNo: string; problems: ImportRowProblem[]; candidates: ImportCandidate[] }[],
): Promise<void> {
  if (results.length === 0) return;
  await db.query(
    `UPDATE contact_import_row r SET outcome = x.outcome, contact_no = x.contact_no, problems = x.problems::jsonb, candidates = x.candidates::jsonb, applied = true
     FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(row_no, outcome, contact_no, problems, candidates)
     WHERE r.tenant_id = $1 AND r.import_id = $2 AND r.row_no = x.row_no`,
    [
      tenantId,
      importId,
      results.map((result) => result.rowNo),
      results.map((result) => result.outcome),
      results.map((result) => result.contactNo),
      results.map((result) => JSON.stringify(result.problems)),
      results.map((result) => JSON.stringify(result.candidates)),
    ],
  );
}

export async function getSavedMapping(db: Queryable, tenantId: string): Promise<{ mapping: ImportMapping; updatedBy: string; updatedAt: string } | null> {
  const rows = await db.query<{ mapping: ImportMapping; updated_by: string; updated_at: unknown }>(
    'SELECT mapping, updated_by, updated_at FROM contact_import_mapping WHERE tenant_id = $1',
    [tenantId],
  );
  const row = rows[0];
  return row ? { mapping: row.mapping, updatedBy: row.updated_by, updatedAt: timestamp(row.updated_at) ?? '' } : null;
}

export async function saveMapping(db: Queryable, tenantId: string, mapping: ImportMapping, updatedBy: string): Promise<void> {
  await db.query(
    `INSERT INTO contact_import_mapping (tenant_id, mapping, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [tenantId, JSON.stringify(mapping), updatedBy],
  );
}
