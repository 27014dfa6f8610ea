import { isRapportError } from '../../../../domain/errors';
import { getNextNo, type NoSeries, type NoSeriesLine, normalizeNoSeriesLine } from '../../../../domain/number-series';

/**
 * What a number series would give next, computed with the service's own rules (src/domain), so
 * that the console shows the number a contact (or campaign, task…) created now would get.
 */

export type NoField = 'startingNo' | 'endingNo' | 'warningNo' | 'lastNoUsed';

/** Why a line as typed is not one the service takes (normalizeNoSeriesLine's checks, by what they found). */
export type LineProblem = {
  field: NoField | 'incrementByNo';
  kind: 'increment' | 'required' | 'endingForWarning' | 'tooLong' | 'noDigits' | 'startAfterEnd' | 'format';
};

export type CheckedLine = { ok: true; line: NoSeriesLine } | { ok: false; problem: LineProblem };

const NO_FIELDS: readonly NoField[] = ['startingNo', 'endingNo', 'warningNo', 'lastNoUsed'];
const MAX_NO_LENGTH = 20;

/** A line as the service would keep it (numbers padded to one width, Open computed), or what is wrong with it. */
export function checkLine(line: NoSeriesLine): CheckedLine {
  try {
    return { ok: true, line: normalizeNoSeriesLine(line) };
  } catch (error) {
    if (!isRapportError(error) || error.code !== 'number_series_format') throw error;
    const path = error.fields?.[0]?.path;
    const field: LineProblem['field'] = path === 'incrementByNo' || NO_FIELDS.includes(path as NoField) ? (path as LineProblem['field']) : 'startingNo';
    return { ok: false, problem: { field, kind: problemKind(line, field) } };
  }
}

function problemKind(line: NoSeriesLine, field: LineProblem['field']): LineProblem['kind'] {
  if (field === 'incrementByNo') return 'increment';
  const value = line[field];
  if (field === 'startingNo' && value === '') return 'required';
  if (field === 'endingNo' && value === '' && line.warningNo !== '') return 'endingForWarning';
  if (value.length > MAX_NO_LENGTH) return 'tooLong';
  if (!/\d/.test(value)) return 'noDigits';
  if (field === 'endingNo' && line.startingNo !== '' && /\d/.test(line.startingNo)) {
    // Same format, so the only other refusal of Ending No. is that it comes before Starting No.
    const format = (no: string) => no.replace(/\d+(?=\D*$)/, '#');
    if (format(value) === format(line.startingNo)) return 'startAfterEnd';
  }
  return 'format';
}

/** What the series gives next, or why it gives nothing. */
export type SeriesPreview =
  | { kind: 'next'; no: string; lineNo: number; warning: boolean }
  | { kind: 'noDefaultNos' }
  | { kind: 'noLines' }
  | { kind: 'invalidLine'; index: number }
  | { kind: 'noOpenLine'; date: string }
  | { kind: 'exhausted'; no: string | null }
  | { kind: 'dateOrder'; date: string }
  | { kind: 'cannotCount' };

type SeriesFlags = Pick<NoSeries, 'code' | 'defaultNos' | 'dateOrder'>;

/**
 * The number the service would give a new record of the series on `date` (today): the line it
 * picks by Starting Date, that line's next number, and whether it comes with the running-out
 * warning. A series without Default Nos. gives none automatically (the service refuses).
 * `lines` are checked first, as the service checks them when they are saved.
 */
export function previewSeries(series: SeriesFlags, lines: readonly NoSeriesLine[], date: string): SeriesPreview {
  if (!series.defaultNos) return { kind: 'noDefaultNos' };
  if (lines.length === 0) return { kind: 'noLines' };
  const checked: NoSeriesLine[] = [];
  for (const [index, line] of lines.entries()) {
    const result = checkLine(line);
    if (!result.ok) return { kind: 'invalidLine', index };
    checked.push(result.line);
  }
  return nextOf(series, checked, date);
}

/** What one line would give next, on its own: its next number, or why it gives none. */
export function previewLine(series: SeriesFlags, line: NoSeriesLine, date: string): SeriesPreview | { kind: 'closed' } {
  if (!line.open) return { kind: 'closed' };
  // Alone and without a Starting Date the line is the one picked, whatever the date.
  return nextOf({ ...series, dateOrder: false }, [{ ...line, startingDate: null }], date);
}

function nextOf(series: SeriesFlags, lines: readonly NoSeriesLine[], date: string): SeriesPreview {
  try {
    const next = getNextNo({ ...series, description: '', manualNos: false }, lines, date);
    return { kind: 'next', no: next.no, lineNo: next.line.lineNo, warning: next.warning !== null };
  } catch (error) {
    if (!isRapportError(error)) throw error;
    const details = error.details ?? {};
    switch (error.code) {
      case 'number_series_no_open_line':
        return { kind: 'noOpenLine', date };
      case 'number_series_exhausted':
        return { kind: 'exhausted', no: typeof details['no'] === 'string' ? details['no'] : null };
      case 'number_series_date_order':
        return { kind: 'dateOrder', date: typeof details['lastDateUsed'] === 'string' ? details['lastDateUsed'] : date };
      default:
        return { kind: 'cannotCount' };
    }
  }
}
