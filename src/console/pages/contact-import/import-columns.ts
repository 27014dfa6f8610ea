import { IDENTIFYING_IMPORT_FIELDS, IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../contract/contact-import';

/** What the page knows of a file before it is uploaded: its delimiter, its columns and its first row. */
export type CsvStart = { delimiter: ',' | ';'; columns: string[]; firstRow: string[] };

/** How much of a file is read to find its header and first row. */
export const CSV_START_BYTES = 64 * 1024;

/**
 * The header and the first row of a CSV file's beginning, read as the service reads them
 * (docs/contact-import.md): a byte order mark dropped; the delimiter a semicolon when the header
 * line holds more semicolons than commas outside quotes, else a comma; quoted fields with doubled
 * quotes and line breaks. `whole` says whether the text is the whole file: when it is only its
 * beginning, a record it cuts off is left out. Null when the text has no header row.
 */
export function readCsvStart(text: string, whole: boolean): CsvStart | null {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(source);
  const records = firstRecords(source, delimiter, 2, whole);
  const columns = records[0];
  if (columns === undefined || columns.every((column) => column.trim() === '')) return null;
  return { delimiter, columns: columns.map((column) => column.trim()), firstRow: records[1] ?? [] };
}

function delimiterOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && character === ',') commas += 1;
    else if (!quoted && character === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Up to `count` records from the start of the text; the last, unended one only when the text is the whole file. */
function firstRecords(text: string, delimiter: string, count: number, whole: boolean): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length && records.length < count; index += 1) {
    const character = text[index] as string;
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === delimiter) {
      fields.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      fields.push(field);
      // A blank line is no record (the service skips rows whose cells are all blank).
      if (fields.some((value) => value.trim() !== '')) records.push(fields);
      fields = [];
      field = '';
    } else field += character;
  }
  // The last record ends with the text when the whole file was read (no line break after it).
  if (whole && records.length < count && !quoted && (field !== '' || fields.length > 0)) records.push([...fields, field]);
  return records;
}

/** Which contact field each column fills; '' for a column not imported. */
export type ColumnChoices = Record<string, ImportField | ''>;

/** A column name as the service compares it with a field's: case, spaces, dots, dashes and underscores ignored. */
const comparable = (name: string) => name.toLowerCase().replace(/[\s._-]+/g, '');

/**
 * The fields proposed for a file's columns: the tenant's saved mapping where this file has its
 * columns (compared without regard to case), else each column named as a field (`Phone No.` is
 * `phoneNo`). `source` says which, for the page to tell.
 */
export function proposeColumns(columns: readonly string[], saved: ImportMapping | null): { choices: ColumnChoices; source: 'saved' | 'names' } {
  const choices: ColumnChoices = Object.fromEntries(columns.map((column) => [column, '']));
  const byLowerCase = new Map(columns.map((column) => [column.toLowerCase(), column]));
  let fromSaved = 0;
  for (const field of IMPORT_FIELDS) {
    const column = saved?.[field] === undefined ? undefined : byLowerCase.get(saved[field].toLowerCase());
    if (column !== undefined && choices[column] === '') {
      choices[column] = field;
      fromSaved += 1;
    }
  }
  if (fromSaved > 0) return { choices, source: 'saved' };
  const byComparable = new Map(columns.map((column) => [comparable(column), column]));
  for (const field of IMPORT_FIELDS) {
    const column = byComparable.get(comparable(field));
    if (column !== undefined && choices[column] === '') choices[column] = field;
  }
  return { choices, source: 'names' };
}

/** What keeps the choices from being sent: a field chosen for two columns, or no column that identifies a row. */
export type ChoiceProblem = { kind: 'twice'; field: ImportField; columns: string[] } | { kind: 'noIdentifying' };

export function choiceProblems(choices: ColumnChoices): ChoiceProblem[] {
  const columnsOf = new Map<ImportField, string[]>();
  for (const [column, field] of Object.entries(choices)) {
    if (field !== '') columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
  }
  const problems: ChoiceProblem[] = [...columnsOf].filter(([, columns]) => columns.length > 1).map(([field, columns]) => ({ kind: 'twice', field, columns }));
  if (!IDENTIFYING_IMPORT_FIELDS.some((field) => columnsOf.has(field))) problems.push({ kind: 'noIdentifying' });
  return problems;
}

/** The choices as the mapping the service takes: each field with the column that fills it. */
export function mappingOf(choices: ColumnChoices): ImportMapping {
  const mapping: Partial<Record<ImportField, string>> = {};
  for (const [column, field] of Object.entries(choices)) if (field !== '') mapping[field] = column;
  return mapping as ImportMapping;
}
