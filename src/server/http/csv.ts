import { z } from 'zod';

/**
 * CSV as spreadsheets read it (RFC 4180): fields joined by commas, quoted when they hold a comma,
 * a quote, a line break or surrounding spaces, quotes doubled; lines end with CRLF. A file starts
 * with a UTF-8 byte order mark so Excel opens it as UTF-8 (å, ø, ä stay themselves).
 */
export const UTF8_BOM = '\uFEFF';

/**
 * A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * first) gets a leading apostrophe, which spreadsheets show as text: an exported contact named
 * `=HYPERLINK(…)` must not become a link in the manager's Excel (OWASP "CSV injection").
 * Numbers keep their sign: `-5` and `+47 22 33 44 55` are data, not formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s().]+$/;

export function csvField(value: string | number | boolean | null | undefined, delimiter: ',' | ';' = ','): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /["\r\n]|^\s|\s$/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: its fields joined by the delimiter (a comma, or a semicolon as European Excel writes), ending with CRLF. */
export const csvLine = (values: readonly (string | number | boolean | null | undefined)[], delimiter: ',' | ';' = ','): string =>
  `${values.map((value) => csvField(value, delimiter)).join(delimiter)}\r\n`;

/** The reply of a route that answers a CSV file: its chunks, streamed as they come (see `RouteSpec.produces`). */
export const csvStream = z.custom<AsyncIterable<string>>((value) => typeof value === 'object' && value !== null && Symbol.asyncIterator in value);
