import { csvField, csvLine } from '../../src/server/http/csv';

describe('CSV fields as spreadsheets read them', () => {
  test.each([
    ['a plain word', 'Fabrikam', 'Fabrikam'],
    ['a comma', 'Fabrikam, Inc.', '"Fabrikam, Inc."'],
    ['a quote, doubled', 'The "Best" AB', '"The ""Best"" AB"'],
    ['a line break', 'Storgatan 1\nBox 12', '"Storgatan 1\nBox 12"'],
    ['a leading space', ' Oslo', '" Oslo"'],
    ['Nordic letters', 'Ærø Øst Åbo', 'Ærø Øst Åbo'],
    ['a formula, neutralised', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['an @ start, neutralised', '@SUM(A1)', "'@SUM(A1)"],
    ['a phone number with its plus kept', '+47 22 33 44 55', '+47 22 33 44 55'],
    ['a negative number kept', '-5', '-5'],
    ['nothing', null, ''],
    ['a number', 42, '42'],
  ])('%s', (_case, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('a line joins its fields with commas and ends with CRLF', () => {
    expect(csvLine(['CT000001', 'company', 'Fabrikam, Inc.'])).toBe('CT000001,company,"Fabrikam, Inc."\r\n');
  });

  test('a line may join its fields with semicolons, as European Excel writes them; a field holding one is quoted, a comma is not', () => {
    expect(csvLine(['CT000001', 'Fabrikam; Inc.', 'Oslo, Norway'], ';')).toBe('CT000001;"Fabrikam; Inc.";Oslo, Norway\r\n');
  });
});
