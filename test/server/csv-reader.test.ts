import { CsvReader, detectDelimiter, type CsvRecord } from '../../src/server/http/csv-reader';
import { JsonLinesReader } from '../../src/server/http/json-lines-reader';
import { decodeUtf8Chunks } from '../../src/server/modules/contact-import/import-source';

/** Reads `text` in chunks of `size` characters, as an upload arrives, and returns every record. */
function readCsv(text: string, size = text.length || 1): CsvRecord[] {
  const reader = new CsvReader();
  const records: CsvRecord[] = [];
  for (let start = 0; start < text.length; start += size) records.push(...reader.push(text.slice(start, start + size)));
  records.push(...reader.end());
  return records;
}

const rows = (records: CsvRecord[]) => records.map((record) => [record.row, ...record.fields]);

describe('CSV reader: golden cases', () => {
  test.each<[string, string, (string | number)[][]]>([
    ['a header and two rows with commas', 'name,city\r\nFabrikam,Oslo\r\nContoso,Bergen\r\n', [[1, 'name', 'city'], [2, 'Fabrikam', 'Oslo'], [3, 'Contoso', 'Bergen']]],
    ['semicolons, detected from the header line', 'name;city\nFabrikam, Inc.;Oslo\n', [[1, 'name', 'city'], [2, 'Fabrikam, Inc.', 'Oslo']]],
    ['a header with more commas than semicolons keeps commas', 'name,note;x,city\na,b;c,d\n', [[1, 'name', 'note;x', 'city'], [2, 'a', 'b;c', 'd']]],
    ['delimiters inside a quoted header do not count', '"a;b;c",d,e\n1,2,3\n', [[1, 'a;b;c', 'd', 'e'], [2, '1', '2', '3']]],
    ['a quoted field holding the delimiter', 'name,city\n"Fabrikam, Inc.",Oslo\n', [[1, 'name', 'city'], [2, 'Fabrikam, Inc.', 'Oslo']]],
    ['doubled quotes inside quotes', 'name\n"The ""Best"" AB"\n', [[1, 'name'], [2, 'The "Best" AB']]],
    ['a quoted empty field and an unquoted one', 'a,b,c\n"",,x\n', [[1, 'a', 'b', 'c'], [2, '', '', 'x']]],
    ['a line break inside quotes is kept, and counts as one row', 'name,address\nFabrikam,"Storgatan 1\r\nBox 12"\nContoso,Main St\n', [[1, 'name', 'address'], [2, 'Fabrikam', 'Storgatan 1\r\nBox 12'], [3, 'Contoso', 'Main St']]],
    ['CRLF, LF and a lone CR all end a record', 'a\r\n1\n2\r3\r\n', [[1, 'a'], [2, '1'], [3, '2'], [4, '3']]],
    ['no line break after the last record', 'a,b\n1,2', [[1, 'a', 'b'], [2, '1', '2']]],
    ['an empty trailing line adds no record', 'a\n1\n\n', [[1, 'a'], [2, '1']]],
    ['blank lines in between are skipped but keep their row number', 'a\n\n1\r\n\r\n2\n', [[1, 'a'], [3, '1'], [5, '2']]],
    ['a trailing delimiter is an empty last field', 'a,b\n1,\n', [[1, 'a', 'b'], [2, '1', '']]],
    ['a row with too many fields and one with too few come as they are', 'a,b\n1,2,3\n4\n', [[1, 'a', 'b'], [2, '1', '2', '3'], [3, '4']]],
    ['a quote inside an unquoted field is a character', 'a\n5" disk\n', [[1, 'a'], [2, '5" disk']]],
    ['text after a closing quote is kept', 'a,b\n"x"y,z\n', [[1, 'a', 'b'], [2, 'xy', 'z']]],
    ['Nordic letters and spaces stay themselves', 'name\n Ærø Øst \n', [[1, 'name'], [2, ' Ærø Øst ']]],
    ['a header only', 'name,city\r\n', [[1, 'name', 'city']]],
    ['nothing', '', []],
  ])('%s', (_case, text, expected) => {
    expect(rows(readCsv(text))).toEqual(expected);
  });

  test.each([1, 2, 3, 7])('the same records whatever the chunk size (%i characters)', (size) => {
    const text = 'name;"note"\r\n"Fabrikam; Inc.";"say ""hi""\r\nthere"\r\nContoso;x\r\n\r\n';
    expect(rows(readCsv(text, size))).toEqual([[1, 'name', 'note'], [2, 'Fabrikam; Inc.', 'say "hi"\r\nthere'], [3, 'Contoso', 'x']]);
  });

  test('a quote left open to the end of the file is refused with its row', () => {
    expect(() => readCsv('a,b\n1,2\n"open,3\n4,5\n')).toThrow(expect.objectContaining({ code: 'import_file_invalid', details: { row: 3 } }));
  });

  test('a record longer than 1 MiB is refused instead of being held', () => {
    const reader = new CsvReader(',');
    reader.push('a\n"');
    expect(() => reader.push('x'.repeat(1024 * 1024 + 10))).toThrow(expect.objectContaining({ code: 'import_file_invalid' }));
  });

  test.each<[string, string, ',' | ';']>([
    ['commas', 'a,b,c', ','],
    ['semicolons', 'a;b;c', ';'],
    ['one column', 'name', ','],
    ['a tie', 'a,b;c', ','],
  ])('the delimiter of a header with %s', (_case, header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe('UTF-8 decoding of an upload', () => {
  async function decode(chunks: number[][]): Promise<string> {
    let text = '';
    for await (const piece of decodeUtf8Chunks(chunks.map((chunk) => Buffer.from(chunk)))) text += piece;
    return text;
  }

  test('a byte order mark is dropped', async () => {
    expect(await decode([[0xef, 0xbb, 0xbf, 0x61]])).toBe('a');
  });

  test('a byte order mark split across chunks is dropped too', async () => {
    expect(await decode([[0xef], [0xbb, 0xbf, 0x61]])).toBe('a');
  });

  test('a character split across chunks is read whole', async () => {
    const bytes = [...Buffer.from('Ærø')];
    expect(await decode([bytes.slice(0, 1), bytes.slice(1, 4), bytes.slice(4)])).toBe('Ærø');
  });

  test.each([
    ['a Latin-1 byte', [0x61, 0xe6, 0x62]],
    ['a truncated sequence at the end', [0x61, 0xc3]],
  ])('invalid UTF-8 (%s) is refused', async (_case, bytes) => {
    await expect(decode([bytes])).rejects.toMatchObject({ code: 'import_file_invalid' });
  });
});

describe('JSON lines reader', () => {
  function readLines(text: string, size = text.length || 1) {
    const reader = new JsonLinesReader();
    const lines = [];
    for (let start = 0; start < text.length; start += size) lines.push(...reader.push(text.slice(start, start + size)));
    lines.push(...reader.end());
    return lines;
  }

  test.each([1, 5, 1000])('objects one per line, CRLF or LF, blank lines skipped (chunks of %i)', (size) => {
    expect(readLines('{"name":"Fabrikam"}\r\n\n{"name":"Contoso","no":7}\n', size)).toEqual([
      { row: 1, value: { name: 'Fabrikam' } },
      { row: 3, value: { name: 'Contoso', no: 7 } },
    ]);
  });

  test('a line that is not an object is reported with its text and the rest is read', () => {
    expect(readLines('{"name":"A"}\n{"name":\n[1]\n{"name":"B"}')).toEqual([
      { row: 1, value: { name: 'A' } },
      { row: 2, error: 'The line is not valid JSON.', text: '{"name":' },
      { row: 3, error: 'The line is not a JSON object.', text: '[1]' },
      { row: 4, value: { name: 'B' } },
    ]);
  });
});
