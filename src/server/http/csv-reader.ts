import { RapportError } from '../../domain/errors';

/**
 * CSV as spreadsheets write it (RFC 4180), read chunk by chunk so a large upload never sits whole
 * in memory: fields separated by a comma or a semicolon (European Excel), quoted fields holding
 * delimiters, doubled quotes and line breaks, records ending in CRLF, LF or a lone CR. The text is
 * already decoded (the caller strips the byte order mark). Lenient where spreadsheets are: a quote
 * inside an unquoted field is a character, text after a closing quote is kept.
 *
 *   fieldStart ──"──▶ quoted ──"──▶ quoteInQuoted ──"──▶ quoted (a doubled quote)
 *       │  ▲                                        ├──delimiter / line end──▶ fieldStart
 *       │  └──delimiter / line end── unquoted ◀──other character──────────────┘
 *       └──other character──────────▶ unquoted      CR ──▶ afterCr (a following LF belongs to it)
 */
export type CsvDelimiter = ',' | ';';

/** A record and its row in the file as a spreadsheet numbers it: the header is row 1. */
export type CsvRecord = { row: number; fields: string[] };

/** The longest record accepted: no contact comes near it, and it bounds the memory an open quote can take. */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024;

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterCr';

const QUOTE = 34;
const CR = 13;
const LF = 10;

const fileInvalid = (message: string, row: number) => new RapportError('import_file_invalid', message, { details: { row } });

/**
 * The delimiter of a file, from its header line (up to the first line break outside quotes):
 * a semicolon when the line holds more semicolons than commas outside quotes, else a comma.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === ',') commas++;
    else if (!quoted && character === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The length of the header line in `text` (to the first line break outside quotes), or -1 when it has not ended yet. */
function headerLineLength(text: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) quoted = !quoted;
    else if (!quoted && (code === CR || code === LF)) return index;
  }
  return -1;
}

export class CsvReader {
  private delimiterCode = -1;
  private pending = '';
  private state: State = 'fieldStart';
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  private row = 0;

  /** `delimiter` undefined: detected from the header line. */
  constructor(delimiter?: CsvDelimiter) {
    if (delimiter) this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** The delimiter in use; undefined until the header line has been read. */
  get delimiter(): CsvDelimiter | undefined {
    return this.delimiterCode < 0 ? undefined : (String.fromCharCode(this.delimiterCode) as CsvDelimiter);
  }

  /** Reads a chunk of text and returns the records it completed. Blank lines are skipped but keep their row number. */
  push(text: string): CsvRecord[] {
    if (this.delimiterCode >= 0) return this.feed(text);
    this.pending += text;
    const length = headerLineLength(this.pending);
    if (length < 0) {
      if (this.pending.length > MAX_CSV_RECORD_CHARS) throw fileInvalid('The header row is longer than 1 MiB; is a quote left open?', 1);
      return [];
    }
    return this.startWithPending(length);
  }

  /** Ends the file: returns its last record and refuses a quoted field left open. */
  end(): CsvRecord[] {
    const records = this.delimiterCode >= 0 ? [] : this.startWithPending(this.pending.length);
    if (this.state === 'quoted') throw fileInvalid(`Row ${this.row + 1}: a quoted field is not closed.`, this.row + 1);
    if (this.state !== 'afterCr' && (this.recordChars > 0 || this.fields.length > 0)) this.endRecord(records);
    return records;
  }

  private startWithPending(headerLength: number): CsvRecord[] {
    this.delimiterCode = detectDelimiter(this.pending.slice(0, headerLength)).charCodeAt(0);
    const text = this.pending;
    this.pending = '';
    return this.feed(text);
  }

  private feed(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    const delimiter = this.delimiterCode;
    let index = 0;
    // Runs of ordinary characters are copied with one slice rather than character by character.
    let runStart = -1;
    const flushRun = (end: number) => {
      if (runStart >= 0) {
        this.field += text.slice(runStart, end);
        runStart = -1;
      }
    };
    while (index < text.length) {
      const code = text.charCodeAt(index);
      switch (this.state) {
        case 'afterCr':
          this.state = 'fieldStart';
          if (code === LF) {
            index++;
            continue;
          }
          continue; // the character starts the next record
        case 'fieldStart':
          if (code === QUOTE) this.state = 'quoted';
          else if (code === delimiter) this.endField();
          else if (code === CR) this.endLine(records, 'afterCr');
          else if (code === LF) this.endLine(records, 'fieldStart');
          else {
            this.state = 'unquoted';
            runStart = index;
          }
          break;
        case 'unquoted':
          if (code === delimiter || code === CR || code === LF) {
            flushRun(index);
            if (code === delimiter) {
              this.endField();
              this.state = 'fieldStart';
            } else this.endLine(records, code === CR ? 'afterCr' : 'fieldStart');
          } else if (runStart < 0) runStart = index;
          break;
        case 'quoted':
          if (code === QUOTE) {
            flushRun(index);
            this.state = 'quoteInQuoted';
          } else if (runStart < 0) runStart = index;
          break;
        case 'quoteInQuoted':
          if (code === QUOTE) {
            this.field += '"';
            this.state = 'quoted';
          } else if (code === delimiter) {
            this.endField();
            this.state = 'fieldStart';
          } else if (code === CR || code === LF) this.endLine(records, code === CR ? 'afterCr' : 'fieldStart');
          else {
            this.state = 'unquoted';
            runStart = index;
          }
          break;
      }
      index++;
      this.recordChars++;
      if (this.recordChars > MAX_CSV_RECORD_CHARS) throw fileInvalid(`Row ${this.row + 1} is longer than 1 MiB; is a quote left open?`, this.row + 1);
    }
    flushRun(text.length);
    return records;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endLine(records: CsvRecord[], next: State): void {
    this.endRecord(records);
    this.state = next;
  }

  private endRecord(records: CsvRecord[]): void {
    this.endField();
    this.row++;
    const blank = this.fields.length === 1 && this.fields[0] === '';
    if (!blank) records.push({ row: this.row, fields: this.fields });
    this.fields = [];
    // The line break that ended the record counts toward the next one; -1 evens it out.
    this.recordChars = -1;
  }
}
