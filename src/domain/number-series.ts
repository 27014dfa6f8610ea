import { RapportError } from './errors';

/** No. Series (§3): Default Nos. = numbers may be given automatically, Manual Nos. = may be typed. */
export type NoSeries = { code: string; description: string; defaultNos: boolean; manualNos: boolean; dateOrder: boolean };

/** Normal locks the line and never leaves gaps; Sequence may leave gaps (e.g. after a rollback). */
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
  /** Business Central's "The No. Series X is soon running out…" once Warning No. is reached; null otherwise. */
  warning: string | null;
};

/** Numbers are Code[20] in Business Central. */
const MAX_NO_LENGTH = 20;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A number cut around its last run of digits: `CT000123-A` → prefix `CT`, digits `000123`, suffix `-A`. */
type NumberParts = { prefix: string; digits: string; suffix: string };

function splitNumber(no: string): NumberParts | undefined {
  const match = /^(.*?)(\d+)(\D*)$/.exec(no);
  return match ? { prefix: match[1] ?? '', digits: match[2] ?? '', suffix: match[3] ?? '' } : undefined;
}

/**
 * Orders two numbers of one series. Business Central compares the strings; on a line whose digit
 * runs were normalised to one width (normalizeNoSeriesLine) that is the same as comparing by length
 * first, which also stays right when a digit run has grown past its width (X99 < X100).
 */
export const compareNos = (a: string, b: string): number => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);

const tooLong = (no: string) =>
  new RapportError('number_series_format', `The number ${no} cannot be extended to more than ${MAX_NO_LENGTH} characters.`, {
    details: { no },
  });

/**
 * Business Central's IncStr / IncrementNoText: adds `by` (a whole number ≥ 1) to the last run of
 * digits, keeping its zero padding, and lets the run grow when it overflows (X99 → X100,
 * CT000009 → CT000010). Throws `number_series_format` when the number has no digits or the
 * result would be longer than 20 characters. Unlike IncStr, a "-" before the digits is a separator,
 * never a minus sign: numbers of a series do not count down.
 */
export function incrementNo(no: string, by: number): string {
  if (!Number.isSafeInteger(by) || by < 1) {
    throw new RapportError('number_series_format', `Increment-by No. must be a whole number of at least 1, not ${by}.`);
  }
  const parts = splitNumber(no);
  if (!parts) throw new RapportError('number_series_format', `The number ${no || "''"} must contain a number so that it can be incremented.`);
  const next = (BigInt(parts.digits) + BigInt(by)).toString().padStart(parts.digits.length, '0');
  const result = `${parts.prefix}${next}${parts.suffix}`;
  if (result.length > MAX_NO_LENGTH) throw tooLong(no);
  return result;
}

/** Business Central's DelChr(No, '=', '0123456789'): what is left when every digit is removed. */
const withoutDigits = (no: string) => no.replace(/\d/g, '');

/**
 * Business Central's CalculateOpen: a line stays open while it can give a number after
 * `lastNoUsed` — always without an Ending No. or before its first number.
 */
function calculateOpen(line: Pick<NoSeriesLine, 'endingNo' | 'incrementByNo'>, lastNoUsed: string): boolean {
  if (line.endingNo === '' || lastNoUsed === '') return true;
  if (compareNos(lastNoUsed, line.endingNo) >= 0) return false;
  const parts = splitNumber(lastNoUsed);
  if (!parts) return false;
  const next = `${parts.prefix}${(BigInt(parts.digits) + BigInt(Math.max(1, line.incrementByNo))).toString().padStart(parts.digits.length, '0')}${parts.suffix}`;
  return next.length <= MAX_NO_LENGTH && compareNos(next, line.endingNo) <= 0;
}

/** Business Central's NoIsWithinValidRange (BCApps "No. Series - Stateless Impl."). */
function isWithinValidRange(no: string, startingNo: string, endingNo: string): boolean {
  if (startingNo !== '' && (compareNos(no, startingNo) < 0 || no.length < startingNo.length)) return false;
  if (endingNo !== '' && (compareNos(no, endingNo) > 0 || no.length > endingNo.length)) return false;
  return withoutDigits(no) === withoutDigits(startingNo);
}

/**
 * The line GetNoSeriesLine picks, or Business Central's error: lines starting on or before the
 * usage date, the latest such starting date, the first open line (by Line No.) of that date.
 * Without one the message names the date when the series still has an open line elsewhere (or
 * lines that start later), and only the series when it has no lines or none open at all.
 */
function selectLine(series: NoSeries, lines: readonly NoSeriesLine[], usageDate: string): NoSeriesLine {
  const startOf = (line: NoSeriesLine) => line.startingDate ?? '';
  const started = lines.filter((line) => startOf(line) <= usageDate);
  const latestStart = started.reduce<string | undefined>((latest, line) => (latest === undefined || startOf(line) > latest ? startOf(line) : latest), undefined);
  const line = started
    .filter((candidate) => startOf(candidate) === latestStart && candidate.open)
    .sort((a, b) => a.lineNo - b.lineNo)[0];
  if (line) return line;

  const others = started.length > 0 ? lines.filter((candidate) => candidate.open) : lines;
  const message =
    others.length > 0
      ? `You cannot assign new numbers from the number series ${series.code} on ${usageDate}.`
      : `You cannot assign new numbers from the number series ${series.code}.`;
  throw new RapportError('number_series_no_open_line', message, { details: { series: series.code, date: usageDate } });
}

/**
 * Business Central's next number (§3 steps 1–6) for `usageDate` (`YYYY-MM-DD`, the work date):
 * 1. the line: see selectLine — `number_series_no_open_line`;
 * 2. Date Order: a usage date before the line's Last Date Used — `number_series_date_order`;
 * 3. Starting No. for a line never used, else Last No. Used + Increment-by No. (incrementNo);
 * 4. the result must lie within Starting No..Ending No., keep Starting No.'s characters around its
 *    digits and neither be shorter than Starting No. nor longer than Ending No. — `number_series_exhausted`;
 * 5. from Warning No. on (with an Ending No.) every number comes with the warning;
 * 6. the returned line records the number and date and is closed once it cannot give another.
 * Pure: the caller stores `line` in the same transaction that locks the series' lines.
 */
export function getNextNo(series: NoSeries, lines: readonly NoSeriesLine[], usageDate: string): NextNo {
  if (!ISO_DATE.test(usageDate)) {
    throw new RapportError('validation_failed', `The usage date ${usageDate} is not a date (YYYY-MM-DD).`, {
      fields: [{ path: 'usageDate', message: 'Expected YYYY-MM-DD.' }],
    });
  }
  const line = selectLine(series, lines, usageDate);
  if (series.dateOrder && line.lastDateUsed !== null && usageDate < line.lastDateUsed) {
    throw new RapportError(
      'number_series_date_order',
      `You cannot assign new numbers from the number series ${series.code} on a date before ${line.lastDateUsed}.`,
      { details: { series: series.code, lineNo: line.lineNo, lastDateUsed: line.lastDateUsed } },
    );
  }

  let no: string;
  if (line.lastNoUsed === '') {
    if (line.startingNo === '') {
      throw new RapportError(
        'number_series_format',
        `Starting No. must have a value in No. Series Line: Series Code=${series.code}, Line No.=${line.lineNo}. It cannot be zero or empty.`,
        { details: { series: series.code, lineNo: line.lineNo } },
      );
    }
    no = line.startingNo;
  } else {
    no = incrementNo(line.lastNoUsed, line.incrementByNo);
  }

  if (!isWithinValidRange(no, line.startingNo, line.endingNo)) {
    const message =
      line.endingNo !== ''
        ? `You cannot assign numbers greater than ${line.endingNo} from the number series ${series.code}. No. assigned: ${no}`
        : `You cannot assign the number ${no} from the number series ${series.code}: it does not have the format of Starting No. ${line.startingNo}.`;
    throw new RapportError('number_series_exhausted', message, { details: { series: series.code, lineNo: line.lineNo, no } });
  }

  const warning =
    line.endingNo !== '' && line.warningNo !== '' && compareNos(no, line.warningNo) >= 0
      ? `The No. Series ${series.code} is soon running out. The current number is ${no} and the last allowed number of the sequence is ${line.endingNo}.`
      : null;
  return {
    no,
    warning,
    line: { ...line, lastNoUsed: no, lastDateUsed: usageDate, open: calculateOpen(line, no) },
  };
}

const NO_FIELDS = ['startingNo', 'endingNo', 'warningNo', 'lastNoUsed'] as const;
type NoField = (typeof NO_FIELDS)[number];
const CAPTIONS: Record<NoField, string> = { startingNo: 'Starting No.', endingNo: 'Ending No.', warningNo: 'Warning No.', lastNoUsed: 'Last No. Used' };

/**
 * Validates and normalises a line as Business Central does when Starting/Ending/Warning/Last No.
 * are edited, all four at once (BC validates the one field edited, taking its format and width):
 * - Increment-by No. is a whole number ≥ 1; Starting No. has a value; Warning No. needs an Ending No.;
 * - every non-blank number has at most 20 characters and digits ("must have a number");
 * - all share Starting No.'s characters around their last run of digits ("number format … the same");
 * - their digit runs are padded with zeros to the widest of them (CT1 … CT99999 → CT00001 … CT99999);
 * - improvement over BC: Starting No. may not come after Ending No. (such a line could never give a number).
 * Returns the normalised line with Open recomputed. Throws `number_series_format` (with `fields`).
 */
export function normalizeNoSeriesLine(line: NoSeriesLine): NoSeriesLine {
  const invalid = (message: string, field: NoField | 'incrementByNo') => new RapportError('number_series_format', message, { fields: [{ path: field, message }] });

  if (!Number.isSafeInteger(line.incrementByNo) || line.incrementByNo < 1) {
    throw invalid(`The value ${line.incrementByNo} in Increment-by No. must be a whole number of at least 1.`, 'incrementByNo');
  }
  if (line.startingNo === '') throw invalid('Starting No. must have a value in No. Series Line.', 'startingNo');
  if (line.warningNo !== '' && line.endingNo === '') throw invalid('Ending No. must have a value in No. Series Line when Warning No. is set.', 'endingNo');

  const parts: Partial<Record<NoField, NumberParts>> = {};
  for (const field of NO_FIELDS) {
    const value = line[field];
    if (value === '') continue;
    if (value.length > MAX_NO_LENGTH) {
      throw invalid(`The length of the string is ${value.length}, but it must be less than or equal to ${MAX_NO_LENGTH} characters. Value: ${value}`, field);
    }
    const split = splitNumber(value);
    if (!split) throw invalid(`The value in the ${CAPTIONS[field]} field must have a number so that we can assign the next number in the series.`, field);
    parts[field] = split;
  }
  const reference = splitNumber(line.startingNo) as NumberParts;
  for (const field of NO_FIELDS) {
    const split = parts[field];
    if (split && (split.prefix !== reference.prefix || split.suffix !== reference.suffix)) {
      throw invalid(`The number format in ${CAPTIONS[field]} must be the same as the number format in Starting No.`, field);
    }
  }

  const width = Math.max(...Object.values(parts).map((split) => split.digits.length));
  const normalized = { ...line };
  for (const field of NO_FIELDS) {
    const split = parts[field];
    // All share prefix and suffix, so the padded number is as long as the widest: at most 20.
    if (split) normalized[field] = `${split.prefix}${split.digits.padStart(width, '0')}${split.suffix}`;
  }
  if (normalized.endingNo !== '' && compareNos(normalized.startingNo, normalized.endingNo) > 0) {
    throw invalid(`Starting No. ${normalized.startingNo} must not be greater than Ending No. ${normalized.endingNo}.`, 'endingNo');
  }
  return { ...normalized, open: calculateOpen(normalized, normalized.lastNoUsed) };
}

/**
 * TestManual (§3): a typed number needs Manual Nos. on the series. Throws
 * `manual_numbers_not_allowed`; the caller then clears the record's No. Series.
 */
export function checkManualNo(series: NoSeries): void {
  if (!series.manualNos) {
    throw new RapportError(
      'manual_numbers_not_allowed',
      `You may not enter numbers manually. If you want to enter numbers manually, please activate Manual Nos. in No. Series ${series.code}.`,
      { fields: [{ path: 'no', message: 'Manual Nos. is off for this number series.' }], details: { series: series.code } },
    );
  }
}

/**
 * TestAutomatic for the series a setup field names (`setupFieldCaption`, e.g. "Contact Nos."):
 * it must exist and have Default Nos. Returns the series; throws `number_series_missing`.
 */
export function checkDefaultNos(series: NoSeries | undefined, setupFieldCaption: string): NoSeries {
  if (!series) {
    throw new RapportError('number_series_missing', `${setupFieldCaption} must have a value that names an existing No. Series in Marketing Setup.`, {
      details: { setupField: setupFieldCaption },
    });
  }
  if (!series.defaultNos) {
    throw new RapportError(
      'number_series_missing',
      `It is not possible to assign numbers automatically. If you want the program to assign numbers automatically, please activate Default Nos. in No. Series ${series.code}.`,
      { details: { setupField: setupFieldCaption, series: series.code } },
    );
  }
  return series;
}
