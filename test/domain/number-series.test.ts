import fc from 'fast-check';
import { checkDefaultNos, checkManualNo, compareNos, getNextNo, incrementNo, normalizeNoSeriesLine, type NoSeries, type NoSeriesLine } from '../../src/domain/number-series';
import { rapportErrorOf } from './rapport-error';

const series: NoSeries = { code: 'CONT', description: 'Contacts', defaultNos: true, manualNos: false, dateOrder: false };
const line = (values: Partial<NoSeriesLine> = {}): NoSeriesLine => ({
  lineNo: 10000,
  startingDate: null,
  startingNo: 'CT000001',
  endingNo: 'CT999999',
  warningNo: '',
  incrementByNo: 1,
  lastNoUsed: '',
  lastDateUsed: null,
  open: true,
  implementation: 'normal',
  ...values,
});

describe('incrementing a number', () => {
  test.each([
    ['CT000009', 1, 'CT000010'],
    ['CT000001', 5, 'CT000006'],
    ['X99', 1, 'X100'],
    ['9', 1, '10'],
    ['INV-2025-0099-A', 1, 'INV-2025-0100-A'],
    ['0000', 1, '0001'],
  ])('%s + %d is %s', (no, by, expected) => {
    expect(incrementNo(no, by)).toBe(expected);
  });

  test('a number without digits cannot be incremented', () => {
    expect(rapportErrorOf(() => incrementNo('ABC', 1)).code).toBe('number_series_format');
  });
});

describe("Business Central's next number", () => {
  test('the worked example: increment 5 from CT000001, a warning from CT000095, then the line closes', () => {
    let current = line({ endingNo: 'CT000100', warningNo: 'CT000095', incrementByNo: 5 });
    const handedOut: string[] = [];
    const warned: string[] = [];
    for (let i = 0; i < 20; i++) {
      const next = getNextNo(series, [current], '2025-03-05');
      handedOut.push(next.no);
      if (next.warning) warned.push(next.no);
      current = next.line;
    }
    expect(handedOut.slice(0, 3)).toEqual(['CT000001', 'CT000006', 'CT000011']);
    expect(handedOut.at(-1)).toBe('CT000096');
    expect(warned).toEqual(['CT000096']);
    expect(current.open).toBe(false);
    expect(rapportErrorOf(() => getNextNo(series, [current], '2025-03-05')).code).toBe('number_series_no_open_line');
  });

  test('a newer line takes over once its starting date is reached', () => {
    const lines = [line({ lineNo: 1, startingDate: '2024-01-01', startingNo: 'A0001' }), line({ lineNo: 2, startingDate: '2025-01-01', startingNo: 'B0001' })];
    expect(getNextNo(series, lines, '2024-12-31').no).toBe('A0001');
    expect(getNextNo(series, lines, '2025-01-01').no).toBe('B0001');
  });

  test('among lines of the same starting date the first open one is used', () => {
    const lines = [line({ lineNo: 1, startingNo: 'A0001', open: false }), line({ lineNo: 2, startingNo: 'B0001' })];
    expect(getNextNo(series, lines, '2025-03-05').no).toBe('B0001');
  });

  test('an older open line is not used when the newest date has no open line', () => {
    const lines = [line({ lineNo: 1, startingDate: '2024-01-01', startingNo: 'A0001' }), line({ lineNo: 2, startingDate: '2025-01-01', startingNo: 'B0001', open: false })];
    expect(rapportErrorOf(() => getNextNo(series, lines, '2025-03-05')).message).toBe('You cannot assign new numbers from the number series CONT on 2025-03-05.');
  });

  test.each([
    ['a series without lines', [], 'number_series_no_open_line', 'You cannot assign new numbers from the number series CONT.'],
    ['lines that start later', [line({ startingDate: '2026-01-01' })], 'number_series_no_open_line', 'You cannot assign new numbers from the number series CONT on 2025-03-05.'],
    ['a last number at the end', [line({ endingNo: 'CT000010', lastNoUsed: 'CT000010', open: true })], 'number_series_exhausted', 'You cannot assign numbers greater than CT000010 from the number series CONT.'],
    ['an increment past the end', [line({ endingNo: 'CT000010', lastNoUsed: 'CT000008', incrementByNo: 5 })], 'number_series_exhausted', 'You cannot assign numbers greater than CT000010 from the number series CONT.'],
  ])('%s refuses with %s', (_case, lines, code, message) => {
    const error = rapportErrorOf(() => getNextNo(series, lines, '2025-03-05'));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test('Date Order refuses a usage date before the last date used', () => {
    const dated = { ...series, dateOrder: true };
    const used = line({ lastNoUsed: 'CT000004', lastDateUsed: '2025-03-05' });
    expect(rapportErrorOf(() => getNextNo(dated, [used], '2025-03-04')).code).toBe('number_series_date_order');
    expect(getNextNo(dated, [used], '2025-03-05').no).toBe('CT000005');
    expect(getNextNo(series, [used], '2025-03-04').no).toBe('CT000005');
  });

  test('the line records the number and date it gave', () => {
    expect(getNextNo(series, [line({ lastNoUsed: 'CT000041' })], '2025-03-05').line).toMatchObject({ lastNoUsed: 'CT000042', lastDateUsed: '2025-03-05', open: true });
  });

  test('numbers from one line only grow and never repeat', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 60 }), (increment, count) => {
        let current = line({ startingNo: 'N00001', endingNo: 'N99999', incrementByNo: increment });
        const numbers: string[] = [];
        for (let i = 0; i < count; i++) {
          const next = getNextNo(series, [current], '2025-03-05');
          numbers.push(next.no);
          current = next.line;
        }
        return numbers.every((no, i) => i === 0 || compareNos(numbers[i - 1] as string, no) < 0) && new Set(numbers).size === numbers.length;
      }),
    );
  });
});

describe('editing a line', () => {
  test('digit runs are padded to one width', () => {
    expect(normalizeNoSeriesLine(line({ startingNo: 'CT1', endingNo: 'CT99999', warningNo: 'CT950', lastNoUsed: '' }))).toMatchObject({
      startingNo: 'CT00001',
      endingNo: 'CT99999',
      warningNo: 'CT00950',
    });
  });

  test.each([
    ['a number without digits', { startingNo: 'ABC', endingNo: 'ABD' }, 'must have a number'],
    ['numbers of different formats', { startingNo: 'CT0001', endingNo: 'XX9999' }, 'does not have the same format'],
    ['a start after the end', { startingNo: 'CT0009', endingNo: 'CT0001' }, 'must not be greater than'],
    ['an increment of 0', { incrementByNo: 0 }, 'Increment-by No. must be at least 1'],
    ['a number over 20 characters', { startingNo: 'CT0000000000000000001', endingNo: '' }, 'longer than 20'],
  ])('%s is refused', (_case, values, message) => {
    const error = rapportErrorOf(() => normalizeNoSeriesLine(line(values)));
    expect(error.code).toBe('number_series_format');
    expect(error.message).toContain(message);
  });

  test('a line whose last number is the end is closed', () => {
    expect(normalizeNoSeriesLine(line({ endingNo: 'CT000010', lastNoUsed: 'CT000010' })).open).toBe(false);
  });
});

describe('manual and automatic numbers', () => {
  test('typing a number needs Manual Nos.', () => {
    expect(rapportErrorOf(() => checkManualNo(series)).code).toBe('manual_numbers_not_allowed');
    expect(() => checkManualNo({ ...series, manualNos: true })).not.toThrow();
  });

  test('automatic numbers need an existing series with Default Nos.', () => {
    expect(rapportErrorOf(() => checkDefaultNos(undefined, 'Contact Nos.')).code).toBe('number_series_missing');
    expect(rapportErrorOf(() => checkDefaultNos({ ...series, defaultNos: false }, 'Contact Nos.')).code).toBe('number_series_missing');
    expect(checkDefaultNos(series, 'Contact Nos.')).toBe(series);
  });
});
