import { editorValue, formulaLanguageOf, normalizePath, parseField } from '../../../src/console/pages/setup/shared/fields';

const english = { formulaLanguage: 'en' as const };
const german = { formulaLanguage: 'de' as const };

describe('a setup field as typed, in its wire form', () => {
  test('codes are trimmed and upper-cased, texts trimmed, both held to their length', () => {
    expect(parseField({ kind: 'code', maxLength: 10 }, ' north ', english)).toEqual({ ok: true, value: 'NORTH' });
    expect(parseField({ kind: 'text', maxLength: 10 }, ' North ', english)).toEqual({ ok: true, value: 'North' });
    expect(parseField({ kind: 'code', maxLength: 3 }, 'ABCD', english)).toEqual({ ok: false, problem: { kind: 'tooLong', max: 3 } });
    expect(parseField({ kind: 'code', maxLength: 10, required: true }, '  ', english)).toEqual({ ok: false, problem: { kind: 'required' } });
  });

  test('numbers: whole ones in their range, decimals with either decimal mark', () => {
    expect(parseField({ kind: 'integer', min: 2, max: 10 }, '7', english)).toEqual({ ok: true, value: 7 });
    expect(parseField({ kind: 'integer', min: 2, max: 10 }, '7.5', english)).toEqual({ ok: false, problem: { kind: 'notInteger' } });
    expect(parseField({ kind: 'integer', min: 2, max: 10 }, '11', english)).toEqual({ ok: false, problem: { kind: 'range', min: 2, max: 10 } });
    expect(parseField({ kind: 'decimal', min: 0, max: 100 }, '12,5', english)).toEqual({ ok: true, value: 12.5 });
    expect(parseField({ kind: 'decimal', min: 0, max: 100 }, 'ten', english)).toEqual({ ok: false, problem: { kind: 'notNumber' } });
  });

  test('an e-mail address or nothing; a date or none', () => {
    expect(parseField({ kind: 'email', maxLength: 80 }, '', english)).toEqual({ ok: true, value: '' });
    expect(parseField({ kind: 'email', maxLength: 80 }, 'anna@nordlys', english)).toEqual({ ok: false, problem: { kind: 'notEmail' } });
    expect(parseField({ kind: 'date' }, '', english)).toEqual({ ok: true, value: null });
    expect(parseField({ kind: 'date' }, '2025-02-30x', english)).toEqual({ ok: false, problem: { kind: 'notDate' } });
  });

  test('a date formula is read in the letters of the user’s language and sent neutral', () => {
    expect(parseField({ kind: 'dateFormula' }, 'cm+1d', english)).toEqual({ ok: true, value: 'CM+1D' });
    expect(parseField({ kind: 'dateFormula' }, 'lm+10t', german)).toEqual({ ok: true, value: 'CM+10D' });
    expect(parseField({ kind: 'dateFormula' }, '<1W>', german)).toEqual({ ok: true, value: '1W' });
    expect(parseField({ kind: 'dateFormula' }, '', german)).toEqual({ ok: true, value: '' });
    // German has no Y: the neutral letter is not taken in place of the language's own.
    expect(parseField({ kind: 'dateFormula' }, '1Y', german)).toEqual({ ok: false, problem: { kind: 'dateFormula', part: 'Y' } });
    expect(parseField({ kind: 'dateFormula' }, '1W+', english)).toEqual({ ok: false, problem: { kind: 'dateFormula', part: '+' } });
  });

  test('a saved neutral formula is shown in the user’s letters', () => {
    expect(editorValue({ kind: 'dateFormula' }, '2W+1D', german)).toBe('2W+1T');
    expect(editorValue({ kind: 'dateFormula' }, 'CM+1D', { formulaLanguage: 'sv' })).toBe('AM+1D');
    expect(editorValue({ kind: 'dateFormula' }, '1Y', { formulaLanguage: 'fi' })).toBe('1V');
  });

  test('the console’s locales write formulas with their language’s letters', () => {
    expect(['en-US', 'sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'nl-NL', 'de-DE'].map(formulaLanguageOf)).toEqual(['en', 'sv', 'nb', 'da', 'fi', 'nl', 'de']);
  });
});

test("a service problem's path names the form's input: indexes in brackets and path parameters too", () => {
  expect(normalizePath('steps[2].dateFormula', 'code')).toBe('steps.2.dateFormula');
  expect(normalizePath('lines.0', 'code')).toBe('lines.0');
  expect(normalizePath('params.languageCode', 'languageCode')).toBe('languageCode');
});
