import { RapportError } from '../../../domain/errors';
import { CsvReader, type CsvDelimiter } from '../../http/csv-reader';
import { JsonLinesReader } from '../../http/json-lines-reader';

/**
 * An uploaded file as rows, read as the bytes arrive: UTF-8 decoded (a byte order mark dropped,
 * anything that is not UTF-8 refused), then CSV or JSON lines. Nothing here keeps more than the
 * chunk at hand and the record being read.
 */
export type ImportFormat = 'csv' | 'jsonLines';

/** A JSON value that is not a text, a number, a boolean or null: no contact field holds it. */
export const NOT_A_PLAIN_VALUE = null;

export type SourceRow = {
  row: number;
  /** The row as read, kept to write it back: CSV cells, a JSON line's object, or an unreadable line's text. */
  source: string[] | Record<string, unknown> | string;
  /** The text of a column ('' when blank or absent); `NOT_A_PLAIN_VALUE` for a JSON object or array. */
  valueOf(column: string): string | typeof NOT_A_PLAIN_VALUE;
  /** Why the row as a whole cannot be read, or null. */
  problem: string | null;
};

export type SourceEvent = { header: { columns: string[]; delimiter: CsvDelimiter | null } } | { rows: SourceRow[] };

/** Decodes UTF-8 chunk by chunk; a character split between chunks is read whole and a leading BOM dropped. */
export async function* decodeUtf8Chunks(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const notUtf8 = () => new RapportError('import_file_invalid', 'The file is not UTF-8 text: save it as "CSV UTF-8" (or UTF-8 JSON lines) and upload it again.');
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8();
    }
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw notUtf8();
  }
  if (rest !== '') yield rest;
}

export const formatOfContentType = (contentType: string): ImportFormat => (contentType === 'text/csv' ? 'csv' : 'jsonLines');

const jsonValueText = (value: unknown): string | typeof NOT_A_PLAIN_VALUE => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return NOT_A_PLAIN_VALUE;
};

/**
 * The file's events: first its header (CSV: the header row; JSON lines: no columns, each line names
 * its own), then rows a chunk's worth at a time. A CSV header must name its columns once each.
 */
export async function* readImportSource(chunks: AsyncIterable<Buffer>, format: ImportFormat): AsyncGenerator<SourceEvent> {
  if (format === 'jsonLines') {
    yield { header: { columns: [], delimiter: null } };
    const reader = new JsonLinesReader();
    const rowsOf = (lines: ReturnType<JsonLinesReader['push']>): SourceRow[] =>
      lines.map((line) =>
        'value' in line
          ? { row: line.row, source: line.value, valueOf: (column) => jsonValueText(line.value[column]), problem: null }
          : { row: line.row, source: line.text, valueOf: () => '', problem: line.error },
      );
    for await (const text of decodeUtf8Chunks(chunks)) {
      const rows = rowsOf(reader.push(text));
      if (rows.length > 0) yield { rows };
    }
    const rows = rowsOf(reader.end());
    if (rows.length > 0) yield { rows };
    return;
  }

  const reader = new CsvReader();
  let columns: string[] | null = null;
  let indexOf = new Map<string, number>();
  const rowsOf = function* (records: ReturnType<CsvReader['push']>): Generator<SourceEvent> {
    const rows: SourceRow[] = [];
    for (const record of records) {
      if (columns === null) {
        columns = record.fields.map((column) => column.trim());
        indexOf = headerIndex(columns);
        yield { header: { columns, delimiter: reader.delimiter ?? ',' } };
        continue;
      }
      const width = columns.length;
      const fields = record.fields;
      rows.push({
        row: record.row,
        source: fields,
        valueOf: (column) => fields[indexOf.get(column) ?? -1] ?? '',
        problem: fields.length === width ? null : `The row has ${fields.length} fields; the header has ${width}.`,
      });
    }
    if (rows.length > 0) yield { rows };
  };
  for await (const text of decodeUtf8Chunks(chunks)) yield* rowsOf(reader.push(text));
  yield* rowsOf(reader.end());
  if (columns === null) throw new RapportError('import_file_invalid', 'The file is empty: it needs a header row and at least one row.');
}

/** Each column's position; a header naming a column twice is refused, as no mapping could tell them apart. */
function headerIndex(columns: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach((column, position) => {
    if (column === '') return;
    if (index.has(column)) {
      throw new RapportError('import_file_invalid', `The header names the column "${column}" twice.`, { details: { row: 1, column } });
    }
    index.set(column, position);
  });
  if (index.size === 0) throw new RapportError('import_file_invalid', 'The header row names no column.', { details: { row: 1 } });
  return index;
}
