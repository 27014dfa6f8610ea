import {
  IDENTIFYING_IMPORT_FIELDS,
  type ContactImportView,
  type ImportMapping,
  type ImportRowProblem,
  type ImportRowView,
} from '../../../contract/contact-import';
import type { Job } from '../../../contract/jobs';
import { RapportError } from '../../../domain/errors';
import { csvLine, UTF8_BOM } from '../../http/csv';
import type { RequestContext, UploadedBody } from '../../http/route';
import { enqueueJob } from '../../jobs/job';
import { withoutJit } from '../duplicates/duplicate-repository';
import { getJob, jobView } from '../../jobs/job-repository';
import { linkCompanies } from './company-links';
import { parseMappingQuery, resolveMapping, unusedJsonColumns, type MappingSource } from './import-mapping';
import { loadLookups, planRows, type ImportLookups, type PlanPhase, type RowPlan } from './import-plan';
import {
  countOutcomes,
  deleteAbandonedImports,
  deleteImport,
  earlierKeysOf,
  getImport,
  getSavedMapping,
  insertImport,
  insertRows,
  listRows,
  markStaged,
  saveMapping,
  setImportRun,
  type ImportRecord,
  type NewStagedRow,
  type StagedRow,
} from './import-repository';
import { draftRow } from './import-row';
import { formatOfContentType, readImportSource, type SourceRow } from './import-source';
import { timed, type Timings } from './timings';

export const IMPORT_STAGE_PHASES = ['draft', 'plan', 'stage', 'link'] as const;
export type ImportStagePhase = (typeof IMPORT_STAGE_PHASES)[number];
/** Milliseconds spent in each phase of an upload (reading the file is the rest), and within `plan`. */
export type ImportStageTimings = { phases: Timings<ImportStagePhase>; plan: Timings<PlanPhase> };

/** Rows classified and staged together: one round of lookups and two inserts per batch. */
const STAGE_BATCH = 500;
/** JSON lines may name their own keys; this many different ones are plenty for a contact. */
const MAX_JSON_COLUMNS = 500;

const notFound = (id: string) => new RapportError('not_found', `There is no contact import ${id}.`);

/** A row with nothing in it (`;;;;` as spreadsheets write empty rows) is not a row to import. */
const isBlankRow = (row: SourceRow): boolean =>
  row.problem === null &&
  (Array.isArray(row.source)
    ? row.source.every((cell) => cell.trim() === '')
    : typeof row.source === 'object' && Object.values(row.source).every((value) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '')));

const stagedRowOf = (row: SourceRow, plan: RowPlan, companyRef: string, values: NewStagedRow['values']): NewStagedRow => ({
  rowNo: row.row,
  source: row.source,
  values,
  type: plan.type,
  companyRef,
  outcome: plan.outcome,
  contactNo: plan.contactNo,
  problems: plan.outcome === 'refused' ? plan.problems : [],
  candidates: plan.outcome === 'created' || plan.outcome === 'duplicate' ? plan.candidates : [],
  keys: plan.keys,
});

/**
 * `POST /contacts/import`: streams the file into a new import and classifies every row as it comes
 * (the dry run), STAGE_BATCH rows at a time, so only a batch is ever in memory. Once the file has
 * ended, persons are linked to their companies (a company's row may come after its persons). A
 * file or mapping that cannot be read stages nothing: the import is removed and the problem told.
 */
export async function uploadImport(
  ctx: RequestContext,
  upload: UploadedBody,
  query: { mapping?: string | undefined },
  options: { timings?: ImportStageTimings } = {},
): Promise<ContactImportView> {
  const { timings } = options;
  const tenantId = ctx.identity.tenantId;
  const format = formatOfContentType(upload.contentType);
  const given = query.mapping !== undefined ? parseMappingQuery(query.mapping) : undefined;
  await deleteAbandonedImports(ctx.db, tenantId);
  const saved = format === 'csv' && !given ? ((await getSavedMapping(ctx.db, tenantId))?.mapping ?? null) : null;

  let importId: string | null = null;
  try {
    let mapping: ImportMapping | null = null;
    let mappingSource: MappingSource = 'columnNames';
    let columns: string[] = [];
    const jsonColumns = new Set<string>();
    let lookups: ImportLookups | null = null;
    let batch: SourceRow[] = [];
    let rowCount = 0;

    const stage = async () => {
      if (!importId || !mapping || !lookups || batch.length === 0) return;
      const [id, batchMapping, batchLookups] = [importId, mapping, lookups];
      const drafting = performance.now();
      const drafts = batch.map((row) => draftRow(row, batchMapping));
      if (timings) timings.phases.draft = (timings.phases.draft ?? 0) + (performance.now() - drafting);
      // One transaction per batch: its rows and keys are staged together, and the duplicate
      // search runs without JIT compilation (withoutJit).
      const staging = batch;
      await ctx.db.transaction(async (tx) => {
        await withoutJit(tx);
        const plans = await timed(timings?.phases, 'plan', () =>
          planRows(
            {
              db: tx,
              tenantId,
              mapping: batchMapping,
              lookups: batchLookups,
              companyOf: () => null,
              earlierKeys: (keys) => earlierKeysOf(tx, tenantId, id, keys),
              createdByThisImport: async () => new Set(),
              timings: timings?.plan,
            },
            drafts,
          ),
        );
        await timed(timings?.phases, 'stage', () =>
          insertRows(
            tx,
            tenantId,
            id,
            plans.map((plan, index) => stagedRowOf(staging[index]!, plan, drafts[index]!.companyRef, drafts[index]!.values)),
          ),
        );
      });
      rowCount += batch.length;
      batch = [];
    };

    for await (const event of readImportSource(upload.chunks, format)) {
      if ('header' in event) {
        columns = event.header.columns;
        ({ mapping, source: mappingSource } = resolveMapping(format, columns, given, saved));
        importId = await insertImport(ctx.db, tenantId, { format, delimiter: event.header.delimiter, columns, mapping, mappingSource, createdBy: ctx.identity.email });
        lookups = await loadLookups(ctx.db, tenantId);
        continue;
      }
      for (const row of event.rows) {
        if (isBlankRow(row)) continue;
        if (format === 'jsonLines' && typeof row.source === 'object' && !Array.isArray(row.source)) {
          for (const key of Object.keys(row.source)) jsonColumns.add(key);
          if (jsonColumns.size > MAX_JSON_COLUMNS) throw new RapportError('import_file_invalid', `The lines use more than ${MAX_JSON_COLUMNS} different keys.`, { details: { row: row.row } });
        }
        batch.push(row);
        if (batch.length >= STAGE_BATCH) await stage();
      }
    }
    await stage();
    if (!importId || !mapping) throw new RapportError('import_file_invalid', 'The file is empty.');
    if (rowCount === 0) {
      throw new RapportError('import_file_invalid', format === 'csv' ? 'The file has a header row but no rows to import.' : 'The file has no lines to import.');
    }
    if (format === 'jsonLines') {
      columns = [...jsonColumns];
      checkJsonMapping(mapping, mappingSource, jsonColumns);
    }
    await timed(timings?.phases, 'link', () => linkCompanies(ctx.db, tenantId, importId!, mapping!));
    await markStaged(ctx.db, tenantId, importId, { columns, rowCount });
  } catch (error) {
    if (importId) await deleteImport(ctx.db, tenantId, importId);
    throw error;
  }
  return getImportView(ctx, importId);
}

/** JSON lines are read before their keys are known: a mapping that found nothing to read is refused afterwards. */
function checkJsonMapping(mapping: ImportMapping, source: MappingSource, seen: ReadonlySet<string>): void {
  const unused = unusedJsonColumns(mapping, source, seen);
  if (unused.length > 0) throw new RapportError('import_mapping_invalid', 'The mapping names keys no line has.', { fields: unused, details: { columns: [...seen] } });
  if (source === 'columnNames' && !IDENTIFYING_IMPORT_FIELDS.some((field) => seen.has(field))) {
    throw new RapportError('import_mapping_invalid', `No line has a key named ${IDENTIFYING_IMPORT_FIELDS.join(', ')}: name the keys as the contact fields or send a mapping.`, {
      details: { columns: [...seen] },
    });
  }
}

export async function requireImport(ctx: RequestContext, id: string): Promise<ImportRecord> {
  const record = await getImport(ctx.db, ctx.identity.tenantId, id);
  if (!record) throw notFound(id);
  return record;
}

export async function importViewOf(ctx: RequestContext, record: ImportRecord): Promise<ContactImportView> {
  const tenantId = ctx.identity.tenantId;
  const job = record.jobId ? await getJob(ctx.db, tenantId, record.jobId) : null;
  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  return {
    id: record.id,
    status: record.importedAt ? 'imported' : running ? 'running' : 'staged',
    format: record.format,
    delimiter: record.delimiter,
    columns: record.columns,
    mapping: record.mapping,
    mappingSource: record.mappingSource,
    rowCount: record.rowCount,
    counts: await countOutcomes(ctx.db, tenantId, record.id),
    duplicates: record.duplicates,
    job: job ? jobView(job) : null,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    importedAt: record.importedAt,
  };
}

export const getImportView = async (ctx: RequestContext, id: string) => importViewOf(ctx, await requireImport(ctx, id));

/** A staged row's cells by column, as the file had them. */
function valuesByColumn(record: ImportRecord, row: StagedRow): Record<string, string> {
  const { source } = row;
  if (typeof source === 'string') return { '(line)': source };
  if (Array.isArray(source)) {
    const values: Record<string, string> = {};
    record.columns.forEach((column, index) => {
      if (column !== '') values[column] = source[index] ?? '';
    });
    return values;
  }
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value)]));
}

export const rowViewOf = (record: ImportRecord, row: StagedRow): ImportRowView => ({
  rowNo: row.rowNo,
  outcome: row.outcome,
  applied: row.applied,
  type: row.type,
  contactNo: row.contactNo,
  values: valuesByColumn(record, row),
  problems: row.problems,
  candidates: row.candidates,
});

export async function listImportRows(ctx: RequestContext, id: string, filter: Parameters<typeof listRows>[3]): Promise<{ record: ImportRecord; rows: StagedRow[] }> {
  const record = await requireImport(ctx, id);
  return { record, rows: await listRows(ctx.db, ctx.identity.tenantId, id, filter) };
}

/** The reason column's text: each problem with its column, as a reader fixing the row needs it. */
const reasonOf = (problems: readonly ImportRowProblem[]) => problems.map((problem) => (problem.column ? `${problem.column}: ${problem.reason}` : problem.reason)).join(' ');

/** Rows read per query for the refused-rows file. */
const REFUSED_PAGE = 1000;

/**
 * The refused rows as a CSV to fix and upload again: the file's own columns in its own order and
 * delimiter, each row as it was read, with `reason` first (a column the mapping ignores). A file
 * that already had a `reason` column — a refused-rows file uploaded again — gets its reasons
 * replaced rather than a second column.
 */
export async function* refusedRowsCsv(ctx: RequestContext, record: ImportRecord): AsyncGenerator<string> {
  const delimiter = record.delimiter ?? ',';
  const reasonIndex = record.columns.indexOf('reason');
  const header = reasonIndex >= 0 ? record.columns : ['reason', ...record.columns];
  yield UTF8_BOM + csvLine(header, delimiter);
  let after = 0;
  for (;;) {
    const rows = await listRows(ctx.db, ctx.identity.tenantId, record.id, { outcome: 'refused', after, limit: REFUSED_PAGE });
    if (rows.length === 0) return;
    yield rows
      .map((row) => {
        const cells = cellsOf(record, row);
        const reason = reasonOf(row.problems);
        if (reasonIndex < 0) return csvLine([reason, ...cells], delimiter);
        const replaced = [...cells];
        replaced[reasonIndex] = reason;
        return csvLine(replaced, delimiter);
      })
      .join('');
    if (rows.length < REFUSED_PAGE) return;
    after = rows.at(-1)?.rowNo ?? after;
  }
}

/** A staged row as cells in the import's columns: the CSV row itself, or a JSON line laid out by its keys. */
function cellsOf(record: ImportRecord, row: StagedRow): string[] {
  const { source } = row;
  if (Array.isArray(source)) return source;
  if (typeof source === 'string') return record.columns.map(() => '');
  return record.columns.map((column) => {
    const value = source[column];
    return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/**
 * `POST /contacts/imports/{id}/run`: queues the job that applies the staged rows. An import runs
 * once to its end; a run that failed or was canceled may be started again and continues with the
 * rows not yet applied.
 */
export async function runImport(ctx: RequestContext, id: string, options: { duplicates: 'skip' | 'create' }): Promise<Job> {
  const view = await getImportView(ctx, id);
  if (view.status === 'imported') throw new RapportError('conflict', `Contact import ${id} has been run already.`);
  if (view.status === 'running') throw new RapportError('conflict', `Contact import ${id} is running; follow job ${view.job?.id}.`, { details: { jobId: view.job?.id ?? null } });
  const job = await enqueueJob(ctx, 'contact-import', { importId: id, duplicates: options.duplicates });
  await setImportRun(ctx.db, ctx.identity.tenantId, id, job.id, options.duplicates);
  return job;
}

/** Removes a staged import (the contacts an imported one made stay); refused while its run is under way. */
export async function discardImport(ctx: RequestContext, id: string): Promise<void> {
  const view = await getImportView(ctx, id);
  if (view.status === 'running') throw new RapportError('conflict', `Contact import ${id} is running; cancel job ${view.job?.id} first.`, { details: { jobId: view.job?.id ?? null } });
  await deleteImport(ctx.db, ctx.identity.tenantId, id);
}

export async function getMappingView(ctx: RequestContext) {
  const saved = await getSavedMapping(ctx.db, ctx.identity.tenantId);
  return { mapping: saved?.mapping ?? null, updatedBy: saved?.updatedBy ?? null, updatedAt: saved?.updatedAt ?? null };
}

export async function putMapping(ctx: RequestContext, mapping: ImportMapping) {
  await saveMapping(ctx.db, ctx.identity.tenantId, mapping, ctx.identity.email);
  return getMappingView(ctx);
}
