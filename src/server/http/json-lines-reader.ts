import { RapportError } from '../../domain/errors';
import { MAX_CSV_RECORD_CHARS } from './csv-reader';

/**
 * JSON lines (one JSON object per line, `application/x-ndjson`), read chunk by chunk. A line that is
 * not a JSON object is reported with its text rather than failing the file, so one bad line costs
 * one row. Blank lines are skipped but keep their number.
 */
export type JsonLine = { row: number; value: Record<string, unknown> } | { row: number; error: string; text: string };

export class JsonLinesReader {
  private pending = '';
  private row = 0;

  push(text: string): JsonLine[] {
    this.pending += text;
    const lines: JsonLine[] = [];
    let start = 0;
    for (let end = this.pending.indexOf('\n'); end >= 0; end = this.pending.indexOf('\n', start)) {
      this.read(this.pending.slice(start, end), lines);
      start = end + 1;
    }
    this.pending = this.pending.slice(start);
    if (this.pending.length > MAX_CSV_RECORD_CHARS) throw new RapportError('import_file_invalid', `Line ${this.row + 1} is longer than 1 MiB.`, { details: { row: this.row + 1 } });
    return lines;
  }

  end(): JsonLine[] {
    const lines: JsonLine[] = [];
    if (this.pending !== '') this.read(this.pending, lines);
    this.pending = '';
    return lines;
  }

  private read(line: string, lines: JsonLine[]): void {
    this.row++;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      lines.push({ row: this.row, error: 'The line is not valid JSON.', text });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      lines.push({ row: this.row, error: 'The line is not a JSON object.', text });
      return;
    }
    lines.push({ row: this.row, value: value as Record<string, unknown> });
  }
}
