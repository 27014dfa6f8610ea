import type { Queryable } from '../../db/db';
import { csvLine, UTF8_BOM } from '../../http/csv';
import { INTERACTION_EXPORT_COLUMNS, listInteractionExportRows, type InteractionExportFilter } from './interaction-repository';

/** Rows read per query: large enough to keep round trips few, small enough to keep memory flat. */
const EXPORT_PAGE = 5000;

/**
 * The interaction log entries of a date range (both ends included) as CSV, header first, in date
 * and entry number order, canceled and postponed ones too (their columns say so), read page by page
 * by keyset so a long range streams in constant memory.
 */
export async function* interactionsAsCsv(db: Queryable, tenantId: string, filter: Omit<InteractionExportFilter, 'limit' | 'after'>): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(INTERACTION_EXPORT_COLUMNS.map(([name]) => name));
  let after: InteractionExportFilter['after'];
  for (;;) {
    const page = await listInteractionExportRows(db, tenantId, { ...filter, ...(after ? { after } : {}), limit: EXPORT_PAGE });
    if (page.length > 0) yield page.map((row) => csvLine(row)).join('');
    if (page.length < EXPORT_PAGE) return;
    const [entryNo, date] = page.at(-1) ?? []; // the entry number and the date are the first columns
    after = { date: String(date), entryNo: Number(entryNo) };
  }
}
