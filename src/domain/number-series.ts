import { RapportError } from './errors';

/** No. Series (§3). */
export type NoSeries = { code: string; description: string; defaultNos: boolean; manualNos: boolean; dateOrder: boolean };
export type NoSeriesImplementation = 'normal' | 'sequence';

/** No. Series Line (§3). Dates are `YYYY-MM-DD`; a null Starting Date is "from the beginning". */
export type NoSeriesLine = {
  lineNo: number;
  startingDate: string | null;
  startingNo: string;
  endingNo: string;
  warningNo: string;
  incrementByNo: number;
  lastNoUsed: string;
  lastDateUsed: string | null;
  open: boolean;
  implementation: NoSeriesImplementation;
};

export type NextNo = {
  no: string;
  /** The line with Last No. Used, Last Date Used and Open updated: to be stored. */
  line: NoSeriesLine;
  /** "The No. Series X is soon running out" once the Warning No. is reached; null otherwise. */
  warning: string | null;
};

const MAX_NO_LENGTH = 20;

/** A number cut around its last run of digits: `CT000123-A` → prefix `CT`, digits `000123`, suffix `-A`. */
type NumberParts = { prefix: string; digits: string; suffix: string };

function splitNumber(no: string): NumberParts | undefined {
  const match = /^(.*?)(\d+)(\D*)$/.exec(no);
  return match ? { prefix: match[1] ?? '', digits: match[2] ?? '', suffix: match[3] ?? '' } : undefined;
}

/**
 * Orders two numbers of one series. Business Central compares strings whose digit runs it has
 * normalised to one width; comparing by length first gives the same order and stays right when a
 * digit run grows (X99 < X100).
 */
export const compareNos = (a: string, b: string): number => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);

/**
 * Business Central's IncStr by `by`: adds to the last run of digits, keeping its zero padding, and
 * lets the run grow when it overflows (X99 → X100). Throws `number_series_format` when the number
 * has no digits.
 */
export function incrementNo(no: string, by: number): string {
  const parts = splitNumber(no);
  if (!parts) throw new RapportError('number_series_format', `${no || 'The number'} must contain a number to be incremented.`);
  const next = (BigInt(parts.digits) + BigInt(by)).toString().padStart(parts.digits.length, '0');
  return `${parts.prefix}${next}${parts.suffix}`;
}

const samePattern = (a: string, b: string): boolean => {
  const [pa, pb] = [splitNumber(a), splitNumber(b)];
  return pa !== undefined && pb !== undefined && pa.prefix === pb.prefix && pa.suffix === pb.suffix;
};

/** Whether the line can give another number after `lastNoUsed`. */
function lineStaysOpen(line: Pick<NoSeriesLine, 'endingNo' | 'incrementByNo'>, lastNoUsed: string): boolean {
  if (line.endingNo === '' || lastNoUsed === '') return true;
  if (compareNos(lastNoUsed, line.endingNo) >= 0) return false;
  return compareNos(incrementNo(lastNoUsed, line.incrementByNo), line.endingNo) <= 0;
}

const exhausted = (series: NoSeries, line: NoSeriesLine) =>
  new RapportError(
    'number_series_exhausted',
    `You cannot assign numbers greater than ${line.endingNo} from the number series ${series.code}.`,
    { details: { series: series.code, lineNo: line.lineNo } },
  );

/**
 * Business Central's "next number" (§3): the latest line starting on or before the usage date,
 * the first open one of that date; Date Order; Starting No. or Last No. Used + Increment-by; the
 * range and pattern check; the warning; then the line with its Last No./Date Used and Open.
 */
export function getNextNo(series: NoSeries, lines: readonly NoSeriesLine[], usageDate: string): NextNo {
  if (lines.length === 0) {
    throw new RapportError('number_series_no_open_line', `You cannot assign new numbers from the number series ${series.code}.`);
  }
  const startOf = (line: NoSeriesLine) => line.startingDate ?? '';
  const started = lines.filter((line) => startOf(line) <= usageDate);
  const latestStart = started.reduce<string | undefined>((latest, line) => (latest === undefined || startOf(line) > latest ? startOf(line) : latest), undefined);
  const line = [...started].sort((a, b) => a.lineNo - b.lineNo).find((candidate) => startOf(candidate) === latestStart && candidate.open);
  if (!line) {
    throw new RapportError('number_series_no_open_line', `You cannot assign new numbers from the number series ${series.code} on ${usageDate}.`, {
      details: { series: series.code, date: usageDate },
    });
  }
  if (series.dateOrder && line.lastDateUsed !== null && usageDate < line.lastDateUsed) {
    throw new RapportError(
      'number_series_date_order',
      `You cannot assign new numbers from the number series ${series.code} on a date before ${line.lastDateUsed}.`,
      { details: { series: series.code, lastDateUsed: line.lastDateUsed } },
    );
  }

  const no = line.lastNoUsed === '' ? line.startingNo : incrementNo(line.lastNoUsed, line.incrementByNo);
  const outOfRange =
    no.length > MAX_NO_LENGTH ||
    (line.startingNo !== '' && (compareNos(no, line.startingNo) < 0 || no.length < line.startingNo.length || !samePattern(no, line.startingNo))) ||
    (line.endingNo !== '' && (compareNos(no, line.endingNo) > 0 || no.length > line.endingNo.length));
  if (outOfRange) throw exhausted(series, line);

  const warning =
    line.warningNo !== '' && compareNos(no, line.warningNo) >= 0
      ? `The No. Series ${series.code} with Line No. ${line.lineNo} is soon running out: ${no} has reached the warning number ${line.warningNo}.`
      : null;
  return {
    no,
    warning,
    line: { ...line, lastNoUsed: no, lastDateUsed: usageDate, open: lineStaysOpen(line, no) },
  };
}

/**
 * Validates a line as Business Central does when its numbers are edited: every non-blank number of
 * the four must contain digits ("must have a number"), all must share one pattern around the digits,
 * their digit runs are padded to one width, Starting No. may not exceed Ending No., Increment-by
 * is at least 1. Returns the normalised line with Open recomputed.
 */
export function normalizeNoSeriesLine(line: NoSeriesLine): NoSeriesLine {
  const fields = ['startingNo', 'endingNo', 'warningNo', 'lastNoUsed'] as const;
  const invalid = (message: string, field: string) =>
    new RapportError('number_series_format', message, { fields: [{ path: field, message }] });

  if (!Number.isInteger(line.incrementByNo) || line.incrementByNo < 1) throw invalid('Increment-by No. must be at least 1.', 'incrementByNo');
  if (line.startingNo === '') throw invalid('Starting No. must have a value.', 'startingNo');
  const parts: Partial<Record<(typeof fields)[number], NumberParts>> = {};
  for (const field of fields) {
    const value = line[field];
    if (value === '') continue;
    if (value.length > MAX_NO_LENGTH) throw invalid(`${value} is longer than ${MAX_NO_LENGTH} characters.`, field);
    const split = splitNumber(value);
    if (!split) throw invalid(`${value} must have a number.`, field);
    parts[field] = split;
  }
  const reference = parts.startingNo as NumberParts;
  for (const field of fields) {
    const split = parts[field];
    if (split && (split.prefix !== reference.prefix || split.suffix !== reference.suffix)) {
      throw invalid(`${line[field]} does not have the same format as ${line.startingNo}.`, field);
    }
  }
  const width = Math.max(...Object.values(parts).map((split) => split.digits.length));
  const normalized = { ...line };
  for (const field of fields) {
    const split = parts[field];
    if (split) normalized[field] = `${split.prefix}${split.digits.padStart(width, '0')}${split.suffix}`;
    if (normalized[field].length > MAX_NO_LENGTH) throw invalid(`${normalized[field]} is longer than ${MAX_NO_LENGTH} characters.`, field);
  }
  if (normalized.endingNo !== '' && compareNos(normalized.startingNo, normalized.endingNo) > 0) {
    throw invalid(`Starting No. ${normalized.startingNo} must not be greater than Ending No. ${normalized.endingNo}.`, 'endingNo');
  }
  return { ...normalized, open: lineStaysOpen(normalized, normalized.lastNoUsed) };
}

/** TestManual (§3): a typed number needs Manual Nos. on the series. */
export function checkManualNo(series: NoSeries): void {
  if (!series.manualNos) {
    throw new RapportError(
      'manual_numbers_not_allowed',
      `You may not enter numbers manually. If you want to enter numbers manually, please activate Manual Nos. in No. Series ${series.code}.`,
      { fields: [{ path: 'no', message: 'Manual Nos. is off for this number series.' }] },
    );
  }
}

/**
 * The series a Marketing Setup field names must exist and allow automatic numbers (Default Nos.).
 * `setupFieldCaption` is the field's caption, e.g. "Contact Nos.".
 */
export function checkDefaultNos(series: NoSeries | undefined, setupFieldCaption: string): NoSeries {
  if (!series) throw new RapportError('number_series_missing', `The number series in ${setupFieldCaption} does not exist; ${setupFieldCaption} must name a number series.`);
  if (!series.defaultNos) {
    throw new RapportError('number_series_missing', `It is not possible to assign numbers automatically from No. Series ${series.code}: Default Nos. is off.`);
  }
  return series;
}
