import { z } from 'zod';
import type { ImportCandidate, ImportMapping, ImportOutcome, ImportRowProblem } from '../../../contract/contact-import';
import type { ContactCreateBody, ContactPatchBody } from '../../../contract/contacts';
import type { ContactType } from '../../../domain/contact/contact';
import { isRapportError, RapportError } from '../../../domain/errors';
import type { Engine } from '../../db/db';
import type { RequestContext } from '../../http/route';
import { defineJob, type JobStepResult } from '../../jobs/job';
import { addRelations } from '../business-relations/business-relation-repository';
import { createContactsInBulk, type BulkCreatePhase, type ProspectSearch } from '../contacts/contact-bulk-create';
import { updateContact } from '../contacts/contact-service';
import { withoutJit } from '../duplicates/duplicate-repository';
import { loadLookups, planRows, type CompanyLink, type PlanPhase } from './import-plan';
import {
  appliedKeysOf,
  contactsCreatedBy,
  countOutcomes,
  countRowsToApply,
  getImport,
  getRows,
  markImported,
  rowsToApply,
  saveRunResults,
  type StagedRow,
} from './import-repository';
import type { RowDraft } from './import-row';
import { timed, type Timings } from './timings';

/** How long a step of the run should take on each engine, and the most rows it takes. */
export const RUN_STEP: Readonly<Record<Engine, { targetMs: number; maxRows: number }>> = {
  // Requests of the importing tenant wait for a step; a batch of 1,000 is what bulk creation is made for.
  postgres: { targetMs: 500, maxRows: 1000 },
  // PGlite has one connection: every request of every tenant waits for the step.
  pglite: { targetMs: 150, maxRows: 250 },
};
/** Rows of a run's first step, before any step has been timed. */
export const FIRST_STEP_ROWS = 50;
const MIN_STEP_ROWS = 10;

/**
 * The rows of the next step, from how long a full step of `rows` took: as many as fit the engine's
 * target at that pace, at most twice as many as before (a fast step may have been a lucky one) and
 * never more than the engine's maximum.
 */
export function nextStepRows(engine: Engine, rows: number, elapsedMs: number): number {
  const { targetMs, maxRows } = RUN_STEP[engine];
  const fitting = Math.floor((rows * targetMs) / Math.max(elapsedMs, 1));
  return Math.max(MIN_STEP_ROWS, Math.min(maxRows, 2 * rows, fitting));
}

/** One contact write of an import: a new contact, or the changes to one a row matched. */
export type ImportWrite =
  | { rowNo: number; kind: 'create'; body: ContactCreateBody; relationCode: string; searched?: ProspectSearch | undefined }
  | { rowNo: number; kind: 'update'; contactNo: string; patch: ContactPatchBody; relationCode: string };

/** What became of a write: the contact it made or changed, or why it was refused. */
export type ImportWriteResult = { rowNo: number; contactNo: string; problems: ImportRowProblem[] };

export const IMPORT_RUN_PHASES = ['read', 'plan', 'create', 'update', 'relations', 'save'] as const;
export type ImportRunPhase = (typeof IMPORT_RUN_PHASES)[number];
/** Milliseconds spent in each phase of the run's steps, within `plan` and within `create` (bulk creation's own phases). */
export type ImportRunTimings = { phases: Timings<ImportRunPhase>; plan: Timings<PlanPhase>; bulk: Timings<BulkCreatePhase> };

/** A refusal of the contact services as row problems, each under the column it came from (a company link may come from either company column). */
const problemsOf = (error: RapportError, mapping: ImportMapping): ImportRowProblem[] => {
  const fields = error.fields ?? [];
  const fieldOf = (path: string) => (path === 'companyNo' && mapping.companyNo === undefined && mapping.companyName !== undefined ? 'companyName' : path);
  const problem = (path: string, reason: string) => ({ field: fieldOf(path), column: mapping[fieldOf(path) as keyof ImportMapping] ?? '', reason });
  if (fields.length === 1) return [problem(fields[0]!.path, error.message)];
  if (fields.length > 1) return fields.map((field) => problem(field.path, field.message));
  return [{ field: '', column: '', reason: error.message }];
};

/**
 * The one place an import writes contacts, inside the step's transaction, with the rules of
 * `POST /contacts` and `PATCH /contacts/{no}`. The new contacts are created together by
 * `createContactsInBulk` (number series, Marketing Setup defaults, inheritance, duplicate search,
 * row by row as if posted one after the other); a row it refuses writes nothing and takes no
 * number, so it needs no savepoint. Then each matched contact is updated through `updateContact`
 * under a savepoint, as an update may have written part of its work before it is refused. Last,
 * the business relations of every row written are added in one statement: the plan has checked
 * each code against the same transaction's code list and setup, and that the contact may hold it.
 */
export async function applyImportBatch(
  ctx: RequestContext,
  writes: readonly ImportWrite[],
  mapping: ImportMapping,
  timings?: ImportRunTimings,
): Promise<ImportWriteResult[]> {
  const results = new Map<number, ImportWriteResult>();
  const creates = writes.filter((write) => write.kind === 'create');
  if (creates.length > 0) {
    const outcomes = await timed(timings?.phases, 'create', () =>
      createContactsInBulk(
        ctx,
        creates.map((write) => write.body),
        { searched: creates.map((write) => write.searched), ...(timings ? { timings: timings.bulk } : {}) },
      ),
    );
    creates.forEach((write, index) => {
      const outcome = outcomes[index]!;
      results.set(write.rowNo, outcome.ok ? { rowNo: write.rowNo, contactNo: outcome.no, problems: [] } : { rowNo: write.rowNo, contactNo: '', problems: problemsOf(outcome.error, mapping) });
    });
  }
  await timed(timings?.phases, 'update', async () => {
    for (const write of writes) {
      if (write.kind !== 'update') continue;
      if (Object.keys(write.patch).length === 0) {
        results.set(write.rowNo, { rowNo: write.rowNo, contactNo: write.contactNo, problems: [] });
        continue;
      }
      await ctx.db.query('SAVEPOINT contact_import_row');
      try {
        await updateContact(ctx, write.contactNo, write.patch);
        await ctx.db.query('RELEASE SAVEPOINT contact_import_row');
        results.set(write.rowNo, { rowNo: write.rowNo, contactNo: write.contactNo, problems: [] });
      } catch (error) {
        await ctx.db.query('ROLLBACK TO SAVEPOINT contact_import_row');
        if (!isRapportError(error)) throw error;
        results.set(write.rowNo, { rowNo: write.rowNo, contactNo: '', problems: problemsOf(error, mapping) });
      }
    }
  });
  const relations = writes.flatMap((write) => {
    const result = results.get(write.rowNo);
    return write.relationCode !== '' && result && result.problems.length === 0 ? [{ contactNo: result.contactNo, code: write.relationCode }] : [];
  });
  if (relations.length > 0) await timed(timings?.phases, 'relations', () => addRelations(ctx.db, ctx.identity.tenantId, relations));
  return writes.map((write) => results.get(write.rowNo)!);
}

type RowResult = { rowNo: number; outcome: ImportOutcome; contactNo: string; problems: ImportRowProblem[]; candidates: ImportCandidate[] };

/** The person's company as the run knows it: a company row of the file once applied, or a contact linked by the dry run. */
function companyLinkOf(row: StagedRow, companyRows: ReadonlyMap<number, StagedRow>, mapping: ImportMapping): CompanyLink {
  if (row.companyRowNo !== null) {
    const company = companyRows.get(row.companyRowNo);
    if (company && company.applied && company.contactNo !== '' && ['created', 'updated', 'unchanged'].includes(company.outcome)) return { companyNo: company.contactNo };
    const field = row.values.companyNo !== undefined ? 'companyNo' : 'companyName';
    const what = company?.outcome === 'duplicate' ? 'was skipped as a likely duplicate' : 'was not imported';
    return { problem: { field, column: mapping[field] ?? '', reason: `The company on row ${row.companyRowNo} ${what}.` } };
  }
  return row.companyNo !== '' ? { companyNo: row.companyNo } : null;
}

/** Plans a batch of staged rows again, as the contacts stand now, and applies it. */
async function applyRows(
  ctx: RequestContext,
  mapping: ImportMapping,
  importId: string,
  rows: readonly StagedRow[],
  duplicates: 'skip' | 'create',
  timings: ImportRunTimings | undefined,
): Promise<{ results: RowResult[]; deferred: number[] }> {
  const tenantId = ctx.identity.tenantId;
  const companyRowNos = rows.flatMap((row) => (row.companyRowNo !== null ? [row.companyRowNo] : []));
  const companyRows = await timed(timings?.phases, 'read', async () => new Map((await getRows(ctx.db, tenantId, importId, companyRowNos)).map((row) => [row.rowNo, row])));
  const byRowNo = new Map(rows.map((row) => [row.rowNo, row]));
  const drafts: RowDraft[] = rows.map((row) => ({ rowNo: row.rowNo, values: row.values, type: (row.values.type as ContactType | undefined) ?? null, companyRef: row.companyRef, problems: [] }));
  const plans = await timed(timings?.phases, 'plan', async () =>
    planRows(
      {
        db: ctx.db,
        tenantId,
        mapping,
        lookups: await loadLookups(ctx.db, tenantId),
        companyOf: (draft) => companyLinkOf(byRowNo.get(draft.rowNo)!, companyRows, mapping),
        earlierKeys: (keys) => appliedKeysOf(ctx.db, tenantId, importId, keys),
        createdByThisImport: (nos) => contactsCreatedBy(ctx.db, tenantId, importId, nos),
        timings: timings?.plan,
      },
      drafts,
    ),
  );

  const results = new Map<number, RowResult>();
  const writes: ImportWrite[] = [];
  for (const plan of plans) {
    const result = { rowNo: plan.rowNo, contactNo: plan.contactNo, problems: [], candidates: [] };
    if (plan.outcome === 'refused') results.set(plan.rowNo, { ...result, outcome: 'refused', problems: plan.problems });
    else if (plan.outcome === 'unchanged') results.set(plan.rowNo, { ...result, outcome: 'unchanged' });
    else if (plan.outcome === 'updated') writes.push({ rowNo: plan.rowNo, kind: 'update', contactNo: plan.contactNo, patch: plan.patch, relationCode: plan.relationCode });
    else if (plan.outcome === 'duplicate' && duplicates === 'skip') results.set(plan.rowNo, { ...result, outcome: 'duplicate', candidates: plan.candidates });
    else if (plan.outcome === 'created' || plan.outcome === 'duplicate') {
      results.set(plan.rowNo, { ...result, outcome: 'created', candidates: plan.candidates });
      writes.push({ rowNo: plan.rowNo, kind: 'create', body: plan.body, relationCode: plan.relationCode, searched: plan.searched });
    }
  }
  const refusedNow = new Set<number>();
  for (const written of await applyImportBatch(ctx, writes, mapping, timings)) {
    const planned = results.get(written.rowNo);
    const outcome: ImportOutcome = written.problems.length > 0 ? 'refused' : (planned?.outcome ?? 'updated');
    if (outcome === 'refused') refusedNow.add(written.rowNo);
    results.set(written.rowNo, { rowNo: written.rowNo, outcome, contactNo: written.contactNo, problems: written.problems, candidates: planned?.candidates ?? [] });
  }

  // A row of this step refused when written is no earlier row to be a copy of, as it would not be
  // had it been in an earlier step: it leaves the candidates, and a row skipped for it alone is
  // planned again in the next step.
  const deferred: number[] = [];
  for (const result of results.values()) {
    if (refusedNow.size === 0 || !result.candidates.some((candidate) => candidate.rowNo !== null && refusedNow.has(candidate.rowNo))) continue;
    result.candidates = result.candidates.filter((candidate) => candidate.rowNo === null || !refusedNow.has(candidate.rowNo));
    if (result.outcome === 'duplicate' && result.candidates.length === 0) deferred.push(result.rowNo);
  }
  return { results: rows.flatMap((row) => (deferred.includes(row.rowNo) ? [] : [results.get(row.rowNo)!])), deferred };
}

/** Where the run stands: the phase, the last row applied in it, and the rows the next step takes (absent in a run begun before steps were timed). */
type Checkpoint = { phase: ContactType; after: number; done: number; total: number; stepRows?: number };

const importJobParams = z.object({ importId: z.uuid(), duplicates: z.enum(['skip', 'create']) });
type ImportJobParams = z.infer<typeof importJobParams>;
type ImportJobOutcome = { importId: string } & Record<ImportOutcome, number>;

/**
 * One step of an import's run: the next rows of the phase, as many as the last step's pace fits
 * into the engine's target time (nextStepRows), planned again and applied. `timings`, when given,
 * collects the time of each phase.
 */
export async function importRunStep(
  { ctx, params, checkpoint }: { ctx: RequestContext; params: ImportJobParams; checkpoint: unknown },
  timings?: ImportRunTimings,
): Promise<JobStepResult<Checkpoint, ImportJobOutcome>> {
  const started = performance.now();
  const tenantId = ctx.identity.tenantId;
  await withoutJit(ctx.db);
  const record = await getImport(ctx.db, tenantId, params.importId);
  if (!record) throw new RapportError('not_found', `There is no contact import ${params.importId}.`);
  const state: Checkpoint = (checkpoint as Checkpoint | null) ?? { phase: 'company', after: 0, done: 0, total: await countRowsToApply(ctx.db, tenantId, record.id) };
  const stepRows = state.stepRows ?? FIRST_STEP_ROWS;
  const rows = await timed(timings?.phases, 'read', () => rowsToApply(ctx.db, tenantId, record.id, state.phase, state.after, stepRows));
  if (rows.length === 0) {
    if (state.phase === 'company') return { state: 'continue', checkpoint: { ...state, phase: 'person', after: 0 }, progress: { done: state.done, total: state.total } };
    await markImported(ctx.db, tenantId, record.id);
    return { state: 'done', outcome: { importId: record.id, ...(await countOutcomes(ctx.db, tenantId, record.id)) }, progress: { done: state.done, total: state.total } };
  }
  const { results, deferred } = await applyRows(ctx, record.mapping, record.id, rows, params.duplicates, timings);
  await timed(timings?.phases, 'save', () => saveRunResults(ctx.db, tenantId, record.id, results));
  // Only a full step tells the pace: the last rows of a phase are few and mostly fixed cost.
  const nextRows = rows.length === stepRows ? nextStepRows(ctx.db.engine, stepRows, performance.now() - started) : stepRows;
  // The next step starts at the first deferred row; the rows after it that this step applied are passed over as applied.
  const after = deferred.length > 0 ? Math.min(...deferred) - 1 : rows.at(-1)!.rowNo;
  const next: Checkpoint = { ...state, after, done: state.done + results.length, stepRows: nextRows };
  return { state: 'continue', checkpoint: next, progress: { done: next.done, total: next.total } };
}

/**
 * The run of a staged import, one step after the other: companies first, then persons (whose
 * company may be a row of the same file), each row planned again against the contacts as they are
 * then. A row applied is marked so; a run started again after a failure or a cancel continues with
 * the rows not yet applied. The outcome counts every row of the import by what became of it.
 */
export const contactImportJob = defineJob({
  kind: 'contact-import',
  params: importJobParams,
  step: (input) => importRunStep(input),
});
