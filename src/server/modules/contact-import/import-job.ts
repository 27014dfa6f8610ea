import { z } from 'zod';
import type { ImportCandidate, ImportMapping, ImportOutcome, ImportRowProblem } from '../../../contract/contact-import';
import type { ContactCreateBody, ContactPatchBody } from '../../../contract/contacts';
import type { ContactType } from '../../../domain/contact/contact';
import { isRapportError, RapportError } from '../../../domain/errors';
import type { RequestContext } from '../../http/route';
import { defineJob } from '../../jobs/job';
import { addRelation } from '../business-relations/business-relation-service';
import { createContact, updateContact } from '../contacts/contact-service';
import { loadLookups, planRows, type CompanyLink } from './import-plan';
import { countOutcomes, countRowsToApply, getImport, getRows, markImported, rowsToApply, saveRunResults, type StagedRow } from './import-repository';
import type { RowDraft } from './import-row';

/**
 * Rows applied per step. Each is a contact written through the one-by-one service functions, about
 * 20–40 ms apiece (measured on PostgreSQL and PGlite), so a step stays under a second.
 */
export const RUN_BATCH = 25;

/** One contact write of an import: a new contact, or the changes to one a row matched. */
export type ImportWrite =
  | { rowNo: number; kind: 'create'; body: ContactCreateBody; relationCode: string }
  | { rowNo: number; kind: 'update'; contactNo: string; patch: ContactPatchBody; relationCode: string };

/** What became of a write: the contact it made or changed, or why it was refused. */
export type ImportWriteResult = { rowNo: number; contactNo: string; problems: ImportRowProblem[] };

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
 * The one place an import writes contacts. Each write goes through the same service functions as
 * `POST /contacts` and `PATCH /contacts/{no}` (number series, Marketing Setup defaults,
 * inheritance, duplicate search, business relation), inside the step's transaction, each under a
 * savepoint so a refused row leaves nothing behind and the others go on. A bulk path replaces the
 * loop here and nowhere else.
 */
export async function applyImportBatch(ctx: RequestContext, writes: readonly ImportWrite[], mapping: ImportMapping): Promise<ImportWriteResult[]> {
  const results: ImportWriteResult[] = [];
  for (const write of writes) {
    await ctx.db.query('SAVEPOINT contact_import_row');
    try {
      let contactNo: string;
      if (write.kind === 'create') contactNo = (await createContact(ctx, write.body)).contact.no;
      else {
        contactNo = write.contactNo;
        if (Object.keys(write.patch).length > 0) await updateContact(ctx, contactNo, write.patch);
      }
      if (write.relationCode !== '') await addRelation(ctx, contactNo, write.relationCode);
      await ctx.db.query('RELEASE SAVEPOINT contact_import_row');
      results.push({ rowNo: write.rowNo, contactNo, problems: [] });
    } catch (error) {
      await ctx.db.query('ROLLBACK TO SAVEPOINT contact_import_row');
      if (!isRapportError(error)) throw error;
      results.push({ rowNo: write.rowNo, contactNo: '', problems: problemsOf(error, mapping) });
    }
  }
  return results;
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
async function applyRows(ctx: RequestContext, mapping: ImportMapping, importId: string, rows: readonly StagedRow[], duplicates: 'skip' | 'create'): Promise<RowResult[]> {
  const tenantId = ctx.identity.tenantId;
  const companyRowNos = rows.flatMap((row) => (row.companyRowNo !== null ? [row.companyRowNo] : []));
  const companyRows = new Map((await getRows(ctx.db, tenantId, importId, companyRowNos)).map((row) => [row.rowNo, row]));
  const byRowNo = new Map(rows.map((row) => [row.rowNo, row]));
  const drafts: RowDraft[] = rows.map((row) => ({ rowNo: row.rowNo, values: row.values, type: (row.values.type as ContactType | undefined) ?? null, companyRef: row.companyRef, problems: [] }));
  const plans = await planRows(
    {
      db: ctx.db,
      tenantId,
      mapping,
      lookups: await loadLookups(ctx.db, tenantId),
      companyOf: (draft) => companyLinkOf(byRowNo.get(draft.rowNo)!, companyRows, mapping),
      earlierKeys: async () => new Map(),
    },
    drafts,
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
      writes.push({ rowNo: plan.rowNo, kind: 'create', body: plan.body, relationCode: plan.relationCode });
    }
  }
  for (const written of await applyImportBatch(ctx, writes, mapping)) {
    const planned = results.get(written.rowNo);
    const outcome: ImportOutcome = written.problems.length > 0 ? 'refused' : (planned?.outcome ?? 'updated');
    results.set(written.rowNo, { rowNo: written.rowNo, outcome, contactNo: written.contactNo, problems: written.problems, candidates: planned?.candidates ?? [] });
  }
  return rows.map((row) => results.get(row.rowNo)!);
}

type Checkpoint = { phase: ContactType; after: number; done: number; total: number };

/**
 * The run of a staged import, RUN_BATCH rows a step: companies first, then persons (whose company
 * may be a row of the same file), each row planned again against the contacts as they are then.
 * A row applied is marked so; a run started again after a failure or a cancel continues with the
 * rows not yet applied. The outcome counts every row of the import by what became of it.
 */
export const contactImportJob = defineJob({
  kind: 'contact-import',
  params: z.object({ importId: z.uuid(), duplicates: z.enum(['skip', 'create']) }),
  async step({ ctx, params, checkpoint }) {
    const tenantId = ctx.identity.tenantId;
    const record = await getImport(ctx.db, tenantId, params.importId);
    if (!record) throw new RapportError('not_found', `There is no contact import ${params.importId}.`);
    const state: Checkpoint = (checkpoint as Checkpoint | null) ?? { phase: 'company', after: 0, done: 0, total: await countRowsToApply(ctx.db, tenantId, record.id) };
    const rows = await rowsToApply(ctx.db, tenantId, record.id, state.phase, state.after, RUN_BATCH);
    if (rows.length === 0) {
      if (state.phase === 'company') return { state: 'continue', checkpoint: { ...state, phase: 'person', after: 0 }, progress: { done: state.done, total: state.total } };
      await markImported(ctx.db, tenantId, record.id);
      return { state: 'done', outcome: { importId: record.id, ...(await countOutcomes(ctx.db, tenantId, record.id)) }, progress: { done: state.done, total: state.total } };
    }
    await saveRunResults(ctx.db, tenantId, record.id, await applyRows(ctx, record.mapping, record.id, rows, params.duplicates));
    const next: Checkpoint = { ...state, after: rows.at(-1)!.rowNo, done: state.done + rows.length };
    return { state: 'continue', checkpoint: next, progress: { done: next.done, total: next.total } };
  },
});
