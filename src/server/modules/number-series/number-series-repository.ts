import { RapportError } from '../../../domain/errors';
import { checkDefaultNos, checkManualNo, getNextNo, type NoSeries, type NoSeriesLine } from '../../../domain/number-series';
import type { Queryable } from '../../db/db';
import { fromRow, insertRecord } from '../../db/rows';

export type NoSeriesWithLines = NoSeries & { lines: NoSeriesLine[] };

const SERIES_COLUMNS = 'code, description, default_nos, manual_nos, date_order';
const LINE_COLUMNS =
  'line_no, starting_date, starting_no, ending_no, warning_no, increment_by_no, last_no_used, last_date_used, open, implementation';

export async function findNoSeries(db: Queryable, tenantId: string, code: string): Promise<NoSeries | undefined> {
  const rows = await db.query(`SELECT ${SERIES_COLUMNS} FROM no_series WHERE tenant_id = $1 AND code = $2`, [tenantId, code]);
  return rows[0] ? fromRow<NoSeries>(rows[0]) : undefined;
}

export async function findLines(db: Queryable, tenantId: string, code: string, lock: boolean): Promise<NoSeriesLine[]> {
  const rows = await db.query(
    `SELECT ${LINE_COLUMNS} FROM no_series_line WHERE tenant_id = $1 AND series_code = $2 ORDER BY line_no${lock ? ' FOR UPDATE' : ''}`,
    [tenantId, code],
  );
  return rows.map((row) => fromRow<NoSeriesLine>(row));
}

export async function getNoSeriesWithLines(db: Queryable, tenantId: string, code: string): Promise<NoSeriesWithLines | undefined> {
  const series = await findNoSeries(db, tenantId, code);
  return series && { ...series, lines: await findLines(db, tenantId, code, false) };
}

export async function listNoSeries(db: Queryable, tenantId: string): Promise<NoSeriesWithLines[]> {
  const seriesRows = await db.query(`SELECT ${SERIES_COLUMNS} FROM no_series WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
  const lineRows = await db.query(
    `SELECT series_code, ${LINE_COLUMNS} FROM no_series_line WHERE tenant_id = $1 ORDER BY series_code, line_no`,
    [tenantId],
  );
  const lines = lineRows.map((row) => fromRow<NoSeriesLine & { seriesCode: string }>(row));
  return seriesRows.map((row) => {
    const series = fromRow<NoSeries>(row);
    return { ...series, lines: lines.filter((line) => line.seriesCode === series.code).map(({ seriesCode: _code, ...line }) => line) };
  });
}

/** Replaces a series and all its lines (admin setup). */
export async function saveNoSeries(tx: Queryable, tenantId: string, series: NoSeriesWithLines): Promise<void> {
  const { lines, ...header } = series;
  await tx.query(
    `INSERT INTO no_series (tenant_id, code, description, default_nos, manual_nos, date_order) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, code) DO UPDATE SET description = EXCLUDED.description, default_nos = EXCLUDED.default_nos,
       manual_nos = EXCLUDED.manual_nos, date_order = EXCLUDED.date_order`,
    [tenantId, header.code, header.description, header.defaultNos, header.manualNos, header.dateOrder],
  );
  await tx.query('DELETE FROM no_series_line WHERE tenant_id = $1 AND series_code = $2', [tenantId, header.code]);
  for (const line of lines) await insertRecord(tx, 'no_series_line', tenantId, { seriesCode: header.code, ...line });
}

export type AllocatedNo = { no: string; warning: string | null };

/**
 * Takes the next number of a series inside the caller's transaction (§3). The series' lines are
 * locked until the transaction ends, so concurrent allocations queue and never see the same
 * Last No. Used; a rolled-back transaction gives its number back.
 * `setupFieldCaption` names the Marketing Setup field for "…must have a value" errors.
 */
export async function allocateNo(
  tx: Queryable,
  tenantId: string,
  seriesCode: string,
  usageDate: string,
  setupFieldCaption: string,
): Promise<AllocatedNo> {
  if (seriesCode === '') {
    throw new RapportError('number_series_missing', `${setupFieldCaption} must have a value in Marketing Setup.`);
  }
  const series = checkDefaultNos(await findNoSeries(tx, tenantId, seriesCode), setupFieldCaption);
  const lines = await findLines(tx, tenantId, seriesCode, true);
  const next = getNextNo(series, lines, usageDate);
  await tx.query(
    `UPDATE no_series_line SET last_no_used = $4, last_date_used = $5, open = $6
     WHERE tenant_id = $1 AND series_code = $2 AND line_no = $3`,
    [tenantId, seriesCode, next.line.lineNo, next.line.lastNoUsed, next.line.lastDateUsed, next.line.open],
  );
  return { no: next.no, warning: next.warning };
}

/** A number typed by the user: allowed only when the series has Manual Nos. (BC's TestManual). */
export async function checkManualNumber(db: Queryable, tenantId: string, seriesCode: string): Promise<void> {
  const series = await findNoSeries(db, tenantId, seriesCode);
  if (series) checkManualNo(series);
}

export type AssignedNo = { no: string; noSeries: string; warnings: string[] };

/**
 * The number of a new record (contact, campaign, segment, opportunity, task…): the typed one when
 * given — allowed only with Manual Nos. and when free — else the next of the series, skipping
 * numbers already taken by hand, as Business Central does. `what` names the record in messages.
 */
export async function assignNo(
  tx: Queryable,
  tenantId: string,
  options: { seriesCode: string; setupFieldCaption: string; typedNo: string | undefined; workDate: string; what: string; exists: (no: string) => Promise<boolean> },
): Promise<AssignedNo> {
  const typed = options.typedNo ?? '';
  if (typed !== '') {
    await checkManualNumber(tx, tenantId, options.seriesCode);
    if (await options.exists(typed)) {
      throw new RapportError('already_exists', `${options.what} ${typed} already exists.`, { fields: [{ path: 'no', message: 'Already exists.' }] });
    }
    return { no: typed, noSeries: '', warnings: [] };
  }
  const warnings: string[] = [];
  let no: string;
  do {
    const allocated = await allocateNo(tx, tenantId, options.seriesCode, options.workDate, options.setupFieldCaption);
    if (allocated.warning) warnings.push(allocated.warning);
    no = allocated.no;
  } while (await options.exists(no));
  return { no, noSeries: options.seriesCode, warnings };
}
