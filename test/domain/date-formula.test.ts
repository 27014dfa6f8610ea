import fc from 'fast-check';
import {
  calcDate,
  DATE_FORMULA_LETTERS,
  fromLocalDateFormula,
  parseDateFormula,
  toLocalDateFormula,
  type DateFormulaLanguage,
  type DateFormulaTerm,
} from '../../src/domain/date-formula';
import { rapportErrorOf } from './rapport-error';

/** §9.4's base date: Wednesday 2025-03-05. */
const WEDNESDAY = '2025-03-05';

describe("§9.4's worked examples, from Wednesday 2025-03-05", () => {
  test.each([
    ['1W', '2025-03-12', 'a week later'],
    ['-1D', '2025-03-04', 'the day before'],
    ['CW', '2025-03-09', 'the Sunday ending the week'],
    ['-CW', '2025-03-03', 'the Monday starting the week'],
    ['CW+1D', '2025-03-10', 'the start of next week'],
    ['<CW+1D>', '2025-03-10', 'the start of next week, in angle brackets'],
    ['CM', '2025-03-31', 'the end of the month'],
    ['CM+1D', '2025-04-01', 'the first of next month'],
    ['-CM', '2025-03-01', 'the start of the month'],
    ['CM+10D', '2025-04-10', 'the tenth of next month'],
    ['D10', '2025-03-10', 'the next 10th'],
    ['WD1', '2025-03-10', 'the next Monday'],
    ['CQ', '2025-03-31', 'the end of the quarter'],
  ])('%s gives %s (%s)', (formula, expected) => {
    expect(calcDate(formula, WEDNESDAY)).toBe(expected);
  });

  test('1M on January 31 is clamped to February 28', () => {
    expect(calcDate('1M', '2025-01-31')).toBe('2025-02-28');
  });
});

describe("the CalcDate reference's example, from Tuesday 1996-05-21", () => {
  test.each([
    ['CQ+1M-10D', '1996-07-20', 'June 30 plus a month is July 30, not July 31'],
    ['-WD2', '1996-05-14', 'the previous Tuesday, not the same day'],
    ['CM+30D', '1996-06-30', 'May 31 plus 30 days'],
  ])('%s gives %s (%s)', (formula, expected) => {
    expect(calcDate(formula, '1996-05-21')).toBe(expected);
  });
});

describe('counting units', () => {
  test.each([
    ['1M', '2024-01-31', '2024-02-29', 'a month from January 31 of a leap year is February 29'],
    ['1Y', '2024-02-29', '2025-02-28', 'a year from a leap day is February 28'],
    ['4Y', '2024-02-29', '2028-02-29', 'four years from a leap day is the next leap day'],
    ['-1M', '2024-03-31', '2024-02-29', 'a month back from March 31 of a leap year is February 29'],
    ['1M', '2025-02-28', '2025-03-28', 'a month from February 28 stays on the 28th'],
    ['1Q', '2025-11-30', '2026-02-28', 'a quarter is three months, clamped'],
    ['-1M', WEDNESDAY, '2025-02-05', 'a month back'],
    ['-1Q', WEDNESDAY, '2024-12-05', 'a quarter back crosses the year'],
    ['-1Y', WEDNESDAY, '2024-03-05', 'a year back'],
    ['-1W', WEDNESDAY, '2025-02-26', 'a week back'],
    ['1D', '2024-12-31', '2025-01-01', 'a day crosses the year'],
    ['0D', WEDNESDAY, WEDNESDAY, 'zero days is no change'],
    ['12M', '2024-02-29', '2025-02-28', '12 months is a year'],
  ])('%s on %s gives %s (%s)', (formula, base, expected) => {
    expect(calcDate(formula, base)).toBe(expected);
  });
});

describe('the current period, with + its end and with - its start', () => {
  test.each([
    ['CD', WEDNESDAY, WEDNESDAY],
    ['-CD', WEDNESDAY, WEDNESDAY],
    ['CW', WEDNESDAY, '2025-03-09'],
    ['-CW', WEDNESDAY, '2025-03-03'],
    ['CW', '2025-03-09', '2025-03-09'],
    ['-CW', '2025-03-03', '2025-03-03'],
    ['CW', '2024-12-31', '2025-01-05'],
    ['CM', WEDNESDAY, '2025-03-31'],
    ['-CM', WEDNESDAY, '2025-03-01'],
    ['CM', '2024-02-10', '2024-02-29'],
    ['CQ', WEDNESDAY, '2025-03-31'],
    ['-CQ', WEDNESDAY, '2025-01-01'],
    ['CQ', '2025-05-21', '2025-06-30'],
    ['-CQ', '2025-05-21', '2025-04-01'],
    ['CQ', '2025-12-31', '2025-12-31'],
    ['CY', WEDNESDAY, '2025-12-31'],
    ['-CY', WEDNESDAY, '2025-01-01'],
    ['+CY', WEDNESDAY, '2025-12-31'],
  ])('%s on %s is %s', (formula, base, expected) => {
    expect(calcDate(formula, base)).toBe(expected);
  });
});

describe('the next day of month or weekday is never the base date', () => {
  test.each([
    ['D5', WEDNESDAY, '2025-04-05', 'D5 on the 5th is the 5th of next month'],
    ['D10', '2025-03-10', '2025-04-10', 'D10 on the 10th is the 10th of next month'],
    ['D6', WEDNESDAY, '2025-03-06', 'D6 on the 5th is tomorrow'],
    ['-D5', WEDNESDAY, '2025-02-05', '-D5 on the 5th is the 5th of last month'],
    ['-D10', WEDNESDAY, '2025-02-10', '-D10 is the previous 10th'],
    ['D31', '2025-04-05', '2025-05-31', 'D31 skips a month without a 31st'],
    ['D30', '2025-01-31', '2025-03-30', 'D30 skips a February'],
    ['D29', '2024-01-30', '2024-02-29', 'D29 finds a leap day'],
    ['D29', '2025-01-30', '2025-03-29', 'D29 skips a February without one'],
    ['-D31', '2025-05-05', '2025-03-31', '-D31 skips April back to March'],
    ['WD3', WEDNESDAY, '2025-03-12', 'WD3 on a Wednesday is next Wednesday'],
    ['WD1', '2025-03-03', '2025-03-10', 'WD1 on a Monday is next Monday'],
    ['WD7', WEDNESDAY, '2025-03-09', 'WD7 is the coming Sunday'],
    ['WD1', '2025-12-31', '2026-01-05', 'WD1 crosses the year'],
    ['-WD3', WEDNESDAY, '2025-02-26', '-WD3 on a Wednesday is last Wednesday'],
    ['-WD5', WEDNESDAY, '2025-02-28', '-WD5 is the previous Friday'],
    ['-WD2', WEDNESDAY, '2025-03-04', '-WD2 is yesterday, a Tuesday'],
  ])('%s on %s gives %s (%s)', (formula, base, expected) => {
    expect(calcDate(formula, base)).toBe(expected);
  });
});

describe('formulas of two and three terms apply left to right', () => {
  test.each([
    ['1Y-1D', WEDNESDAY, '2026-03-04'],
    ['-CM+1M-1D', WEDNESDAY, '2025-03-31'],
    ['CQ+1M+20D', WEDNESDAY, '2025-05-20'],
    ['-CY+2M+D15', WEDNESDAY, '2025-03-15'],
    ['CM+D10+9D', WEDNESDAY, '2025-04-19'],
    ['D15+1M', '2013-09-23', '2013-11-15'],
    ['-CW-1W+WD5', WEDNESDAY, '2025-02-28'],
  ])('%s on %s gives %s', (formula, base, expected) => {
    expect(calcDate(formula, base)).toBe(expected);
  });
});

describe('how formulas may be written', () => {
  test.each([
    ['<1W>', '2025-03-12', 'in angle brackets'],
    ['1w', '2025-03-12', 'in lower case'],
    ['cm+1d', '2025-04-01', 'in lower case, two terms'],
    ['<-cw>', '2025-03-03', 'in lower case and angle brackets'],
    ['wd1', '2025-03-10', 'a lower-case weekday'],
    ['+1W', '2025-03-12', 'with a leading plus'],
    ['  1W ', '2025-03-12', 'with whitespace around it'],
    ['001D', '2025-03-06', 'with leading zeros'],
    ['', WEDNESDAY, 'empty, meaning no change'],
    ['<>', WEDNESDAY, 'empty angle brackets'],
  ])('%s gives %s (%s)', (formula, expected) => {
    expect(calcDate(formula, WEDNESDAY)).toBe(expected);
  });
});

describe('parsing a formula into terms', () => {
  test.each<[string, DateFormulaTerm[]]>([
    ['', []],
    [
      'CM+1D',
      [
        { sign: 1, kind: 'current', unit: 'M', amount: 0 },
        { sign: 1, kind: 'count', unit: 'D', amount: 1 },
      ],
    ],
    ['-CW', [{ sign: -1, kind: 'current', unit: 'W', amount: 0 }]],
    ['D10', [{ sign: 1, kind: 'weekday-or-day', unit: 'D', amount: 10 }]],
    ['-WD5', [{ sign: -1, kind: 'weekday-or-day', unit: 'WD', amount: 5 }]],
    [
      '<1Y-1D>',
      [
        { sign: 1, kind: 'count', unit: 'Y', amount: 1 },
        { sign: -1, kind: 'count', unit: 'D', amount: 1 },
      ],
    ],
    [
      'cq+1m+20d',
      [
        { sign: 1, kind: 'current', unit: 'Q', amount: 0 },
        { sign: 1, kind: 'count', unit: 'M', amount: 1 },
        { sign: 1, kind: 'count', unit: 'D', amount: 20 },
      ],
    ],
  ])('"%s" parses into its terms', (formula, terms) => {
    expect(parseDateFormula(formula)).toEqual(terms);
  });
});

describe('invalid formulas are refused with date_formula_invalid, naming the bad part', () => {
  test.each([
    ['1X', 'an unknown unit', '"X"'],
    ['1D+1D+1D+1D', 'four terms', '"+1D" is left over'],
    ['10000D', 'a number of 10000', 'the number 10000'],
    ['D10000', 'a number of 10000 after the unit', 'the number 10000'],
    ['W', 'letters only', '"W" needs a number'],
    ['+', 'an empty sign', 'the sign "+"'],
    ['-', 'an empty minus', 'the sign "-"'],
    ['1D+', 'a sign at the end', 'the sign "+"'],
    ['C1W', 'a number after C', '"C1W"'],
    ['-0000000000001D-1D-1D', '21 characters', '21 characters'],
    ['<-0000000000001D-1D-1D>', '21 characters inside angle brackets', '21 characters'],
    ['1W1D', 'a second term without its sign', '"1D"'],
    ['<1W', 'an unbalanced angle bracket', 'angle brackets'],
    ['1W>', 'an unbalanced closing bracket', 'angle brackets'],
    ['1 W', 'a space', 'space'],
    ['1', 'a number without a unit', 'the number 1 needs a unit'],
    ['C', 'C without a unit', '"C" needs a unit'],
    ['CM5', 'a number after C<unit>', '"CM5"'],
    ['CWD', 'C with WD', '"CWD"'],
    ['1WD', 'a count of weekdays', '"1WD"'],
    ['D0', 'day 0', '"D0"'],
    ['D32', 'day 32', '"D32"'],
    ['WD0', 'weekday 0', '"WD0"'],
    ['WD8', 'weekday 8', '"WD8"'],
    ['W3', 'a week number', '"W3"'],
    ['M3', 'a month number', '"M3"'],
    ['1D-X', 'an unknown letter in the second term', '"X"'],
  ])('%s is refused (%s)', (formula, _case, part) => {
    for (const action of [() => parseDateFormula(formula), () => calcDate(formula, WEDNESDAY)]) {
      const error = rapportErrorOf(action);
      expect(error.code).toBe('date_formula_invalid');
      expect(error.message).toContain(`"${formula}"`);
      expect(error.message).toContain(part);
    }
  });

  test('the error carries the formula and the bad part', () => {
    expect(rapportErrorOf(() => parseDateFormula('1D+1X')).details).toEqual({ formula: '1D+1X', part: 'X' });
  });

  test('20 characters are still allowed', () => {
    expect(calcDate('-000000000001D-1D-1D', WEDNESDAY)).toBe('2025-03-02');
  });
});

describe('dates CalcDate cannot work with', () => {
  test.each(['2025-02-29', '2025-13-01', '2025-3-5', '05.03.2025', '0000-01-01', ''])('base date "%s" is refused with validation_failed', (base) => {
    expect(rapportErrorOf(() => calcDate('1D', base)).code).toBe('validation_failed');
  });

  test.each([
    ['1D', '9999-12-31'],
    ['-1D', '0001-01-01'],
    ['9999Y', '2025-01-01'],
  ])('%s on %s leaves the calendar and is refused', (formula, base) => {
    expect(rapportErrorOf(() => calcDate(formula, base)).code).toBe('date_formula_invalid');
  });

  test('the first years of the calendar are not read as 19xx', () => {
    expect(calcDate('1D', '0099-12-31')).toBe('0100-01-01');
    expect(calcDate('CM', '0004-02-01')).toBe('0004-02-29');
  });
});

describe('localised letters', () => {
  // Each pair is written by toLocalDateFormula and read back by fromLocalDateFormula.
  test.each<[DateFormulaLanguage, string, string]>([
    ['en', 'CM+10D', 'CM+10D'],
    ['en', '-WD4', '-WD4'],
    ['nl', 'CM+10D', 'CM+10D'],
    ['nl', '1Y-1D', '1Y-1D'],
    ['de', 'CM+10D', 'LM+10T'],
    ['de', 'CW', 'LW'],
    ['de', 'WD4', 'WT4'],
    ['de', 'D10', 'T10'],
    ['de', '-1Y', '-1J'],
    ['de', 'CQ+1Q', 'LQ+1Q'],
    ['sv', 'CM+10D', 'AM+10D'],
    ['sv', 'CW', 'AV'],
    ['sv', '2W', '2V'],
    ['sv', 'WD4', 'VD4'],
    ['sv', '-1Y', '-1Å'],
    ['sv', 'CQ', 'AK'],
    ['da', 'CM+10D', 'LM+10D'],
    ['da', 'CW', 'LU'],
    ['da', 'WD4', 'UD4'],
    ['da', '-1Y', '-1Å'],
    ['da', '1Q', '1K'],
    ['nb', 'CM+10D', 'LM+10D'],
    ['nb', '2W', '2U'],
    ['nb', 'WD4', 'UD4'],
    ['nb', 'CY', 'LÅ'],
    ['fi', 'CM+10D', 'NK+10P'],
    ['fi', 'CW', 'NVI'],
    ['fi', '2W', '2VI'],
    ['fi', 'WD4', 'VIP4'],
    ['fi', 'D10', 'P10'],
    ['fi', '-1Y', '-1V'],
    ['fi', 'CQ', 'NQ'],
    ['fi', '1W-1Y+WD1', '1VI-1V+VIP1'],
  ])('in %s, %s is written %s', (language, neutral, local) => {
    expect(toLocalDateFormula(neutral, language)).toBe(local);
    expect(fromLocalDateFormula(local, language)).toBe(neutral);
  });

  test.each<[DateFormulaLanguage, string, string]>([
    ['de', 'lm+10t', 'CM+10D'],
    ['sv', '-1å', '-1Y'],
    ['sv', 'av+1d', 'CW+1D'],
    ['fi', 'nvi+vip1', 'CW+WD1'],
    ['da', ' lu ', 'CW'],
    ['de', '+1W', '1W'],
    ['de', '<>', ''],
  ])('in %s, "%s" is read as %s', (language, local, neutral) => {
    expect(fromLocalDateFormula(local, language)).toBe(neutral);
  });

  test.each<DateFormulaLanguage>(['en', 'sv', 'nb', 'da', 'fi', 'nl', 'de'])('in %s a formula in angle brackets is neutral', (language) => {
    expect(fromLocalDateFormula('<CM+1W>', language)).toBe('CM+1W');
  });

  test('the neutral form may come in angle brackets and is written without them', () => {
    expect(toLocalDateFormula('<CM+10D>', 'de')).toBe('LM+10T');
    expect(toLocalDateFormula('<>', 'fi')).toBe('');
  });

  test.each<[DateFormulaLanguage, string, string]>([
    ['de', '1Y', '"Y"'],
    ['de', 'CM', '"C"'],
    ['sv', 'LM', '"L"'],
    ['fi', '1W', '"W"'],
    ['fi', '2VIP', '"2VIP"'],
    ['fi', 'NVIP', '"NVIP"'],
    ['fi', '1VIP4', '"1VIP"'],
    ['da', '1U1D', '"1D"'],
  ])('in %s, "%s" is refused, naming %s', (language, local, part) => {
    const error = rapportErrorOf(() => fromLocalDateFormula(local, language));
    expect(error.code).toBe('date_formula_invalid');
    expect(error.message).toContain(part);
  });

  test('an invalid neutral formula cannot be localised', () => {
    expect(rapportErrorOf(() => toLocalDateFormula('1X', 'de')).code).toBe('date_formula_invalid');
  });

  test.each(Object.entries(DATE_FORMULA_LETTERS))('the %s letters tell "current" from every unit and no two units alike', (_language, letters) => {
    const units = Object.values(letters.units);
    expect(new Set(units).size).toBe(units.length);
    expect(units.some((unit) => unit.startsWith(letters.current))).toBe(false);
  });
});

// ---- Properties ----

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00.000Z'), max: new Date('2999-12-31T00:00:00.000Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const units = ['D', 'W', 'M', 'Q', 'Y'] as const;
const term = fc.oneof(
  fc.record({ sign: fc.constantFrom<1 | -1>(1, -1), kind: fc.constant('count' as const), unit: fc.constantFrom(...units), amount: fc.integer({ min: 0, max: 9999 }) }),
  fc.record({ sign: fc.constantFrom<1 | -1>(1, -1), kind: fc.constant('weekday-or-day' as const), unit: fc.constant('D' as const), amount: fc.integer({ min: 1, max: 31 }) }),
  fc.record({ sign: fc.constantFrom<1 | -1>(1, -1), kind: fc.constant('weekday-or-day' as const), unit: fc.constant('WD' as const), amount: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ sign: fc.constantFrom<1 | -1>(1, -1), kind: fc.constant('current' as const), unit: fc.constantFrom(...units), amount: fc.constant(0) }),
);

/** Writes terms in the neutral letters, independently of the code under test. */
const neutralOf = (terms: readonly DateFormulaTerm[]): string =>
  terms
    .map((t, i) => {
      const sign = t.sign === -1 ? '-' : i === 0 ? '' : '+';
      return t.kind === 'count' ? `${sign}${t.amount}${t.unit}` : t.kind === 'current' ? `${sign}C${t.unit}` : `${sign}${t.unit}${t.amount}`;
    })
    .join('');

describe('properties of CalcDate', () => {
  test('n days forward and then n days back return to the date', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 500 }), (date, n) => {
        expect(calcDate(`-${n}D`, calcDate(`${n}D`, date))).toBe(date);
      }),
    );
  });

  test('CM is always the last day of the month', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const [year, month] = date.split('-').map(Number) as [number, number];
        const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(calcDate('CM', date)).toBe(`${date.slice(0, 8)}${String(lastDay).padStart(2, '0')}`);
      }),
    );
  });

  test('WD<n> is weekday n, one to seven days ahead', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 7 }), (date, weekday) => {
        const result = new Date(`${calcDate(`WD${weekday}`, date)}T00:00:00Z`);
        const days = (result.getTime() - new Date(`${date}T00:00:00Z`).getTime()) / 86_400_000;
        expect(result.getUTCDay() || 7).toBe(weekday);
        expect(days).toBeGreaterThanOrEqual(1);
        expect(days).toBeLessThanOrEqual(7);
      }),
    );
  });

  test('-CW is a Monday and CW the Sunday six days later', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const monday = new Date(`${calcDate('-CW', date)}T00:00:00Z`);
        const sunday = new Date(`${calcDate('CW', date)}T00:00:00Z`);
        expect(monday.getUTCDay()).toBe(1);
        expect((sunday.getTime() - monday.getTime()) / 86_400_000).toBe(6);
        expect(calcDate('-CW', date) <= date && date <= calcDate('CW', date)).toBe(true);
      }),
    );
  });
});

describe('properties of the localised letters', () => {
  test('every formula survives the way to each language and back', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 3 }), fc.constantFrom<DateFormulaLanguage>('en', 'sv', 'nb', 'da', 'fi', 'nl', 'de'), (terms, language) => {
        const neutral = neutralOf(terms);
        fc.pre(neutral.length <= 20);
        expect(parseDateFormula(neutral)).toEqual(terms);
        const local = toLocalDateFormula(neutral, language);
        fc.pre(local.length <= 20);
        expect(fromLocalDateFormula(local, language)).toBe(neutral);
        expect(fromLocalDateFormula(local.toLowerCase(), language)).toBe(neutral);
      }),
    );
  });
});
