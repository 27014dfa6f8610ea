import fc from 'fast-check';
import {
  checkDefaultNos,
  checkManualNo,
  getNextNo,
  incrementNo,
  normalizeNoSeriesLine,
  type NoSeries,
  type NoSeriesLine,
} from '../../src/domain/number-series';
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
const today = '2025-03-05';

/** Takes numbers from one line until it refuses, as the server does: storing the returned line each time. */
function drain(start: NoSeriesLine, max = 1000): { numbers: string[]; warnings: (string | null)[]; last: NoSeriesLine } {
  let current = start;
  const numbers: string[] = [];
  const warnings: (string | null)[] = [];
  while (current.open && numbers.length < max) {
    const next = getNextNo(series, [current], today);
    numbers.push(next.no);
    warnings.push(next.warning);
    current = next.line;
  }
  return { numbers, warnings, last: current };
}

describe('incrementing a number (IncStr)', () => {
  test.each([
    ['CT000009', 1, 'CT000010'],
    ['CT000001', 5, 'CT000006'],
    ['X99', 1, 'X100'],
    ['9', 1, '10'],
    ['A10B20', 1, 'A10B21'],
    ['INV-2025-0099-A', 1, 'INV-2025-0100-A'],
    ['0000', 1, '0001'],
    ['CT000096', 5, 'CT000101'],
  ])('%s plus %d is %s', (no, by, expected) => {
    expect(incrementNo(no, by)).toBe(expected);
  });

  test.each([
    ['a number without digits', 'ABC', 1],
    ['a blank number', '', 1],
    ['a number that would grow past 20 characters', 'ABCDEFGHIJKLMNOPQR99', 1],
    ['an increment of 0', 'CT000001', 0],
    ['a fractional increment', 'CT000001', 1.5],
  ])('%s cannot be incremented', (_case, no, by) => {
    expect(rapportErrorOf(() => incrementNo(no, by)).code).toBe('number_series_format');
  });
});

describe("Business Central's next number", () => {
  test('the worked example: increment 5 from CT000001 to CT000096, the warning from CT000096 on, then the line is closed', () => {
    const { numbers, warnings, last } = drain(line({ endingNo: 'CT000100', warningNo: 'CT000095', incrementByNo: 5 }));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `CT${String(1 + 5 * i).padStart(6, '0')}`));
    expect(numbers.at(-1)).toBe('CT000096');
    expect(warnings.slice(0, -1).every((warning) => warning === null)).toBe(true);
    expect(warnings.at(-1)).toBe(
      'The No. Series CONT is soon running out. The current number is CT000096 and the last allowed number of the sequence is CT000100.',
    );
    expect(last).toMatchObject({ lastNoUsed: 'CT000096', lastDateUsed: today, open: false });

    const error = rapportErrorOf(() => getNextNo(series, [last], today));
    expect(error.code).toBe('number_series_no_open_line');
    expect(error.message).toBe('You cannot assign new numbers from the number series CONT.');
  });

  test('the worked example: a newer line takes over once the first is closed', () => {
    const closed = drain(line({ endingNo: 'CT000100', warningNo: 'CT000095', incrementByNo: 5 })).last;
    const newer = line({ lineNo: 20000, startingDate: '2025-03-01', startingNo: 'CT000101', endingNo: 'CT000200' });
    expect(getNextNo(series, [closed, newer], today).no).toBe('CT000101');
  });

  test('the warning is shown every time from Warning No. on, and only with an Ending No.', () => {
    const warned = line({ endingNo: 'CT000100', warningNo: 'CT000095', lastNoUsed: 'CT000097' });
    expect(getNextNo(series, [warned], today).warning).toContain('CT000098');
    expect(getNextNo(series, [getNextNo(series, [warned], today).line], today).warning).toContain('CT000099');
    expect(getNextNo(series, [line({ endingNo: '', warningNo: 'CT000005', lastNoUsed: 'CT000010' })], today).warning).toBeNull();
  });

  test.each([
    ['a new line gives its Starting No.', line(), 'CT000001'],
    ['a used line gives Last No. Used plus Increment-by No.', line({ lastNoUsed: 'CT000041' }), 'CT000042'],
    ['padding is kept', line({ lastNoUsed: 'CT000009' }), 'CT000010'],
    ['a line without Ending No. lets the digits grow', line({ startingNo: 'X01', endingNo: '', lastNoUsed: 'X99' }), 'X100'],
    ['the last number of the range is given', line({ endingNo: 'CT000010', lastNoUsed: 'CT000009' }), 'CT000010'],
  ])('%s', (_case, from, expected) => {
    expect(getNextNo(series, [from], today).no).toBe(expected);
  });

  test('the line records the number and date it gave, and closes on its last number', () => {
    expect(getNextNo(series, [line({ lastNoUsed: 'CT000041' })], today).line).toMatchObject({ lastNoUsed: 'CT000042', lastDateUsed: today, open: true });
    expect(getNextNo(series, [line({ endingNo: 'CT000010', lastNoUsed: 'CT000009' })], today).line.open).toBe(false);
  });

  describe('choosing the line by starting date', () => {
    const dated = (lineNo: number, startingDate: string | null, startingNo: string, open = true) => line({ lineNo, startingDate, startingNo, endingNo: '', open });

    test.each([
      ['the latest starting date on or before the usage date wins', [dated(1, '2024-01-01', 'A0001'), dated(2, '2025-01-01', 'B0001')], '2025-01-01', 'B0001'],
      ['a line starting after the usage date is not used yet', [dated(1, '2024-01-01', 'A0001'), dated(2, '2025-01-01', 'B0001')], '2024-12-31', 'A0001'],
      ['a line without starting date applies from the beginning', [dated(1, null, 'A0001'), dated(2, '2026-01-01', 'B0001')], today, 'A0001'],
      ['among lines of one date the first open one by Line No. is used', [dated(3, null, 'C0001'), dated(1, null, 'A0001', false), dated(2, null, 'B0001')], today, 'B0001'],
      ['lines are taken in Line No. order whatever order they come in', [dated(20, null, 'B0001'), dated(10, null, 'A0001')], today, 'A0001'],
    ])('%s', (_case, lines, usageDate, expected) => {
      expect(getNextNo(series, lines, usageDate).no).toBe(expected);
    });

    test.each([
      ['a series without lines', [], 'You cannot assign new numbers from the number series CONT.'],
      ['lines that all start later', [dated(1, '2026-01-01', 'A0001')], 'You cannot assign new numbers from the number series CONT on 2025-03-05.'],
      [
        'an older open line when the newest date has none open',
        [dated(1, '2024-01-01', 'A0001'), dated(2, '2025-01-01', 'B0001', false)],
        'You cannot assign new numbers from the number series CONT on 2025-03-05.',
      ],
      ['only closed lines', [dated(1, '2024-01-01', 'A0001', false), dated(2, null, 'B0001', false)], 'You cannot assign new numbers from the number series CONT.'],
    ])('%s refuses with number_series_no_open_line', (_case, lines, message) => {
      const error = rapportErrorOf(() => getNextNo(series, lines, today));
      expect(error.code).toBe('number_series_no_open_line');
      expect(error.message).toBe(message);
    });
  });

  test('Date Order refuses a usage date before the last date used; without it any date is fine', () => {
    const used = line({ lastNoUsed: 'CT000004', lastDateUsed: '2025-03-05' });
    const error = rapportErrorOf(() => getNextNo({ ...series, dateOrder: true }, [used], '2025-03-04'));
    expect(error.code).toBe('number_series_date_order');
    expect(error.message).toBe('You cannot assign new numbers from the number series CONT on a date before 2025-03-05.');
    expect(getNextNo({ ...series, dateOrder: true }, [used], '2025-03-05').no).toBe('CT000005');
    expect(getNextNo(series, [used], '2025-03-04').line.lastDateUsed).toBe('2025-03-04');
  });

  test.each([
    ['a Last No. Used at the Ending No. on a line still marked open', line({ endingNo: 'CT000010', lastNoUsed: 'CT000010' }), 'CT000011'],
    ['an increment past the Ending No.', line({ endingNo: 'CT000010', lastNoUsed: 'CT000008', incrementByNo: 5 }), 'CT000013'],
    ['a number that grew longer than the Ending No.', line({ startingNo: 'X01', endingNo: 'X99', lastNoUsed: 'X99' }), 'X100'],
    ['a Starting No. after the Ending No.', line({ startingNo: 'CT000200', endingNo: 'CT000100' }), 'CT000200'],
  ])('%s is refused with "cannot assign numbers greater than"', (_case, from, assigned) => {
    const error = rapportErrorOf(() => getNextNo(series, [from], today));
    expect(error.code).toBe('number_series_exhausted');
    expect(error.message).toBe(`You cannot assign numbers greater than ${from.endingNo} from the number series CONT. No. assigned: ${assigned}`);
  });

  test.each([
    ['a Last No. Used of another pattern', line({ endingNo: '', lastNoUsed: 'XX000005' })],
    ['a number shorter than the Starting No.', line({ startingNo: 'CT000001', endingNo: '', lastNoUsed: 'CT05' })],
    ['a Last No. Used below the Starting No.', line({ startingNo: 'CT000100', endingNo: '', lastNoUsed: 'CT000001' })],
  ])('%s does not fit the line', (_case, from) => {
    const error = rapportErrorOf(() => getNextNo(series, [from], today));
    expect(error.code).toBe('number_series_exhausted');
    expect(error.message).toContain('does not have the format of Starting No. ');
  });

  test.each([
    ['a line never used and without Starting No.', line({ startingNo: '' }), 'Starting No. must have a value in No. Series Line: Series Code=CONT, Line No.=10000. It cannot be zero or empty.'],
    ['a Last No. Used that cannot grow past 20 characters', line({ startingNo: '', endingNo: '', lastNoUsed: 'ABCDEFGHIJKLMNOPQR99' }), 'The number ABCDEFGHIJKLMNOPQR99 cannot be extended to more than 20 characters.'],
  ])('%s is refused with number_series_format', (_case, from, message) => {
    const error = rapportErrorOf(() => getNextNo(series, [from], today));
    expect(error.code).toBe('number_series_format');
    expect(error.message).toBe(message);
  });

  test('a usage date that is not YYYY-MM-DD is refused', () => {
    expect(rapportErrorOf(() => getNextNo(series, [line()], '05/03/2025')).code).toBe('validation_failed');
  });

  test('numbers handed out from one line only grow, within one width, and never repeat', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{0,4}$/),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 40 }),
        (prefix, width, startValue, increment) => {
          const start = line({
            startingNo: `${prefix}${String(startValue).padStart(width, '0')}`,
            endingNo: `${prefix}${'9'.repeat(width)}`,
            incrementByNo: increment,
          });
          const { numbers, last } = drain(start, 300);
          const fixedWidth = numbers.every((no) => no.length === prefix.length + width && no.startsWith(prefix));
          const increasing = numbers.every((no, i) => i === 0 || (numbers[i - 1] as string) < no);
          const stepByStep = numbers.every((no, i) => Number(no.slice(prefix.length)) === startValue + i * increment);
          // The line is closed exactly when the next number would not fit; until then it gives more.
          const closedRight = last.open || rapportErrorOf(() => getNextNo(series, [last], today)).code === 'number_series_no_open_line';
          return fixedWidth && increasing && stepByStep && new Set(numbers).size === numbers.length && closedRight;
        },
      ),
    );
  });
});

describe('editing a line', () => {
  test.each([
    ['digit runs are padded to the widest', { startingNo: 'CT1', endingNo: 'CT99999', warningNo: 'CT950' }, { startingNo: 'CT00001', endingNo: 'CT99999', warningNo: 'CT00950' }],
    ['a suffix after the digits is kept', { startingNo: 'SO1-A', endingNo: 'SO999-A', lastNoUsed: 'SO12-A' }, { startingNo: 'SO001-A', endingNo: 'SO999-A', lastNoUsed: 'SO012-A' }],
    ['blank numbers stay blank', { startingNo: 'CT1', endingNo: '', warningNo: '', lastNoUsed: '' }, { startingNo: 'CT1', endingNo: '', warningNo: '', lastNoUsed: '' }],
  ])('%s', (_case, values, expected) => {
    expect(normalizeNoSeriesLine(line(values))).toMatchObject(expected);
  });

  test.each([
    ['a line whose Last No. Used is its Ending No.', { endingNo: 'CT000010', lastNoUsed: 'CT000010' }, false],
    ['a line whose next increment passes the Ending No.', { endingNo: 'CT000010', lastNoUsed: 'CT000008', incrementByNo: 5 }, false],
    ['a line with numbers left', { endingNo: 'CT000010', lastNoUsed: 'CT000009' }, true],
    ['a line without Ending No.', { endingNo: '', lastNoUsed: 'CT999999' }, true],
  ])('Open is recomputed: %s', (_case, values, open) => {
    expect(normalizeNoSeriesLine(line({ open: !open, ...values })).open).toBe(open);
  });

  test.each([
    ['a number without digits', { startingNo: 'CT0001', endingNo: 'ABD' }, 'endingNo', 'The value in the Ending No. field must have a number so that we can assign the next number in the series.'],
    ['numbers of different formats', { startingNo: 'CT0001', endingNo: 'XX9999' }, 'endingNo', 'The number format in Ending No. must be the same as the number format in Starting No.'],
    ['a Last No. Used of another format', { lastNoUsed: 'CT000001-B' }, 'lastNoUsed', 'The number format in Last No. Used must be the same as the number format in Starting No.'],
    ['a start after the end', { startingNo: 'CT0009', endingNo: 'CT0001' }, 'endingNo', 'Starting No. CT0009 must not be greater than Ending No. CT0001.'],
    ['an increment of 0', { incrementByNo: 0 }, 'incrementByNo', 'The value 0 in Increment-by No. must be a whole number of at least 1.'],
    ['a blank Starting No.', { startingNo: '' }, 'startingNo', 'Starting No. must have a value in No. Series Line.'],
    ['a Warning No. without Ending No.', { endingNo: '', warningNo: 'CT000095' }, 'endingNo', 'Ending No. must have a value in No. Series Line when Warning No. is set.'],
    [
      'a number over 20 characters',
      { startingNo: 'CT0000000000000000001', endingNo: '' },
      'startingNo',
      'The length of the string is 21, but it must be less than or equal to 20 characters. Value: CT0000000000000000001',
    ],
  ])('%s is refused with number_series_format', (_case, values, path, message) => {
    const error = rapportErrorOf(() => normalizeNoSeriesLine(line(values)));
    expect(error.code).toBe('number_series_format');
    expect(error.fields?.[0]?.path).toBe(path);
    expect(error.message).toBe(message);
  });
});

describe('manual and automatic numbers', () => {
  test('typing a number needs Manual Nos.', () => {
    const error = rapportErrorOf(() => checkManualNo(series));
    expect(error.code).toBe('manual_numbers_not_allowed');
    expect(error.message).toBe('You may not enter numbers manually. If you want to enter numbers manually, please activate Manual Nos. in No. Series CONT.');
    expect(() => checkManualNo({ ...series, manualNos: true })).not.toThrow();
  });

  test.each([
    ['a series that does not exist', undefined, 'Contact Nos. must have a value that names an existing No. Series in Marketing Setup.'],
    [
      'a series without Default Nos.',
      { ...series, defaultNos: false },
      'It is not possible to assign numbers automatically. If you want the program to assign numbers automatically, please activate Default Nos. in No. Series CONT.',
    ],
  ])('automatic numbers are refused for %s', (_case, candidate, message) => {
    const error = rapportErrorOf(() => checkDefaultNos(candidate, 'Contact Nos.'));
    expect(error.code).toBe('number_series_missing');
    expect(error.message).toBe(message);
  });

  test('a series with Default Nos. gives automatic numbers', () => {
    expect(checkDefaultNos(series, 'Contact Nos.')).toBe(series);
  });
});
