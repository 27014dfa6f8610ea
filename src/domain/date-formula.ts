import { RapportError } from './errors';

/**
 * Business Central's date formulas (§9.4): the DateFormula data type and CalcDate, used by sales
 * cycle stages, activity steps (§9.2) and recurring tasks (§9.1).
 *
 * Grammar: up to three terms, each `[sign] term` with term = `<number><unit>` (10D),
 * `<unit><number>` (D10, WD4) or `C<unit>` (CW); units D, WD, W, M, Q, Y. Dates are ISO
 * `YYYY-MM-DD` strings; the arithmetic runs on UTC day numbers, never on local time.
 *
 * Decisions where Business Central's documentation is silent (each is tested):
 * - Terms after the first need their sign (`CM+1D`, not `CM1D`). With localised letters an unsigned
 *   second term is ambiguous (Finnish `VIP4` is weekday 4, but could be read as `VI` + `P4`).
 * - A number after the unit is taken for D (day of month, 1–31) and WD (weekday, Mon=1..Sun=7)
 *   only, the two forms the documentation defines; `W3`, `M3`, `Q2`, `Y1` are refused, as are
 *   `1WD` and `CWD`, rather than guessed at.
 * - `D<n>` is the next date whose day of month is n, so `D31` skips months without a 31st
 *   (2025-04-05 → 2025-05-31) instead of clamping.
 * - Spaces inside a formula are refused; whitespace around the whole formula is trimmed.
 */

export type DateFormulaUnit = 'D' | 'WD' | 'W' | 'M' | 'Q' | 'Y';

/**
 * One term. `count` adds `amount` units (`10D`); `weekday-or-day` moves to the next (or, with
 * sign -1, the previous) day of month or weekday numbered `amount` (`D10`, `WD1`); `current` moves
 * to the end (sign 1) or start (sign -1) of the current period (`CM`), with `amount` 0.
 */
export type DateFormulaTerm = { sign: 1 | -1; kind: 'count' | 'weekday-or-day' | 'current'; unit: DateFormulaUnit; amount: number };

/** The seven languages of Rapport's UI. */
export type DateFormulaLanguage = 'en' | 'sv' | 'nb' | 'da' | 'fi' | 'nl' | 'de';

/** The letters a language writes formulas with: the "current" prefix and one token per unit. */
export type DateFormulaLetters = { current: string; units: Readonly<Record<DateFormulaUnit, string>> };

const NEUTRAL: DateFormulaLetters = { current: 'C', units: { D: 'D', WD: 'WD', W: 'W', M: 'M', Q: 'Q', Y: 'Y' } };

/**
 * Business Central's localised letters, as its own help in each language lists them
 * ("Using date formulas" in business-central/ui-enter-date-ranges.md of MicrosoftDocs'
 * dynamics365smb-docs-pr.<locale> repositories, checked for sv-se, nb-no, da-dk, fi-fi, nl-nl,
 * nl-be and de-de):
 * - sv: A (aktuell), D, VD (veckodag), V (vecka), M, K (kvartal), Å (år). Swedish uses A, not L.
 * - da/nb: L (løbende/løpende), D, UD (ugedag/ukedag), U (uge/uke), M, K (kvartal), Å (år).
 * - fi: N (nykyinen), P (päivä), VIP (viikonpäivä), VI (viikko), K (kuukausi), Q (the Finnish
 *   help keeps Q for vuosineljännes), V (vuosi). V, VI and VIP share a start; the longest token
 *   wins, which is unambiguous because later terms need a sign.
 * - nl: the neutral letters; the Dutch help keeps C, D, WD, W, M, Q, Y (with Dutch meanings).
 * - de: L (laufend), T (Tag), WT (Wochentag), W, M, Q, J (Jahr).
 * In every language the "current" letter is not a unit, so a term's first letter tells its kind.
 */
export const DATE_FORMULA_LETTERS: Readonly<Record<DateFormulaLanguage, DateFormulaLetters>> = {
  en: NEUTRAL,
  nl: NEUTRAL,
  sv: { current: 'A', units: { D: 'D', WD: 'VD', W: 'V', M: 'M', Q: 'K', Y: 'Å' } },
  da: { current: 'L', units: { D: 'D', WD: 'UD', W: 'U', M: 'M', Q: 'K', Y: 'Å' } },
  nb: { current: 'L', units: { D: 'D', WD: 'UD', W: 'U', M: 'M', Q: 'K', Y: 'Å' } },
  fi: { current: 'N', units: { D: 'P', WD: 'VIP', W: 'VI', M: 'K', Q: 'Q', Y: 'V' } },
  de: { current: 'L', units: { D: 'T', WD: 'WT', W: 'W', M: 'M', Q: 'Q', Y: 'J' } },
};

const MAX_LENGTH = 20;
const MAX_NUMBER = 9999;
const MAX_TERMS = 3;

const invalid = (formula: string, reason: string, part?: string): RapportError =>
  new RapportError('date_formula_invalid', `The date formula "${formula}" is not valid: ${reason}`, {
    details: { formula, ...(part === undefined ? {} : { part }) },
  });

/**
 * Upper-cases one character at a time, keeping any character whose upper case has another length
 * (ß → SS), so positions in the result are positions in the input and messages can quote the input.
 */
const upperSameLength = (text: string): string =>
  Array.from(text, (char) => {
    const upper = char.toUpperCase();
    return upper.length === char.length ? upper : char;
  }).join('');

/** The formula without surrounding whitespace and angle brackets; `bracketed` is whether it had them (then it is neutral). */
function unwrap(formula: string): { body: string; bracketed: boolean } {
  const trimmed = formula.trim();
  const opens = trimmed.startsWith('<');
  const closes = trimmed.endsWith('>');
  if (opens !== closes || (opens && trimmed.length === 1)) throw invalid(formula, 'its angle brackets are unbalanced; write <1W> or 1W.');
  return { body: opens ? trimmed.slice(1, -1) : trimmed, bracketed: opens };
}

/** Parses a formula body (no brackets) written with `letters`; `formula` is quoted in errors. */
function parseBody(body: string, letters: DateFormulaLetters, formula: string): DateFormulaTerm[] {
  if (body.length > MAX_LENGTH) throw invalid(formula, `it is ${body.length} characters long; a date formula has at most ${MAX_LENGTH}.`);
  const text = upperSameLength(body);
  // Longest token first, so Finnish VIP is not read as VI or V.
  const unitTokens = (Object.entries(letters.units) as [DateFormulaUnit, string][]).sort(([, a], [, b]) => b.length - a.length);
  const unitList = Object.values(letters.units).join(', ');
  const C = letters.current;
  const U = letters.units;

  const readDigits = (at: number): string => /^\d*/.exec(text.slice(at))?.[0] ?? '';
  const readUnit = (at: number): [DateFormulaUnit, string] | undefined => unitTokens.find(([, token]) => text.startsWith(token, at));
  const number = (digits: string, part: string): number => {
    const value = Number(digits);
    if (value > MAX_NUMBER) throw invalid(formula, `the number ${digits} in "${part}" is too large; numbers go up to ${MAX_NUMBER}.`, part);
    return value;
  };

  const terms: DateFormulaTerm[] = [];
  let at = 0;
  while (at < text.length) {
    const start = at;
    if (terms.length === MAX_TERMS) throw invalid(formula, `it has more than ${MAX_TERMS} terms ("${body.slice(start)}" is left over).`, body.slice(start));
    let sign: 1 | -1 = 1;
    const first = text[at];
    if (first === '+' || first === '-') {
      sign = first === '-' ? -1 : 1;
      at += 1;
      if (at === text.length) throw invalid(formula, `the sign "${first}" at its end has no term after it.`, first);
    } else if (terms.length > 0) {
      throw invalid(formula, `every term after the first needs a + or - sign before it ("${body.slice(at)}").`, body.slice(at));
    }

    const digits = readDigits(at);
    let term: DateFormulaTerm;
    if (digits !== '') {
      // <number><unit>: 10D
      at += digits.length;
      const unit = readUnit(at);
      if (!unit) {
        const bad = body.slice(at, at + 1);
        if (/\s/.test(bad)) throw invalid(formula, 'it contains a space; write it without spaces, as in CM+1D.', bad);
        throw bad === '' || bad === '+' || bad === '-'
          ? invalid(formula, `the number ${digits} needs a unit after it (${unitList}).`, body.slice(start, at))
          : invalid(formula, `"${bad}" in "${body.slice(start, at + 1)}" is not a unit (${unitList}).`, bad);
      }
      at += unit[1].length;
      const part = body.slice(start, at);
      if (unit[0] === 'WD') throw invalid(formula, `"${part}": ${U.WD} takes its number after it (${U.WD}1 = next Monday … ${U.WD}7 = next Sunday).`, part);
      term = { sign, kind: 'count', unit: unit[0], amount: number(digits, part) };
    } else if (text.startsWith(C, at)) {
      // C<unit>: CM
      at += C.length;
      const unit = readUnit(at);
      if (!unit) {
        const after = body.slice(at, at + 1);
        if (/\d/.test(after)) {
          const part = body.slice(start, at + readDigits(at).length + 1);
          throw invalid(formula, `"${C}" is followed directly by a unit, as in ${C}${U.W}, not by a number ("${part}").`, part);
        }
        throw invalid(formula, `"${C}" needs a unit after it (${unitList}).`, body.slice(start, at + 1));
      }
      at += unit[1].length;
      const part = body.slice(start, at);
      if (unit[0] === 'WD') throw invalid(formula, `"${part}": "${C}" goes with a period (${U.D}, ${U.W}, ${U.M}, ${U.Q}, ${U.Y}), not with ${U.WD}.`, part);
      const trailing = readDigits(at);
      if (trailing !== '') throw invalid(formula, `no number may follow "${part}" ("${part}${trailing}").`, `${part}${trailing}`);
      term = { sign, kind: 'current', unit: unit[0], amount: 0 };
    } else {
      // <unit><number>: D10, WD1
      const unit = readUnit(at);
      if (!unit) {
        const bad = body.slice(at, at + 1);
        if (/\s/.test(bad)) throw invalid(formula, 'it contains a space; write it without spaces, as in CM+1D.', bad);
        throw invalid(formula, `"${bad}" is not a unit (${unitList}) and not "${C}" (current).`, bad);
      }
      at += unit[1].length;
      const numberDigits = readDigits(at);
      at += numberDigits.length;
      const part = body.slice(start, at);
      const token = unit[1];
      if (numberDigits === '') {
        const pick = unit[0] === 'D' || unit[0] === 'WD' ? `, or ${token}1 to pick a day` : '';
        throw invalid(formula, `"${part}" needs a number: write 1${token} to count${pick}.`, part);
      }
      const value = number(numberDigits, part);
      if (unit[0] === 'D' && (value < 1 || value > 31)) throw invalid(formula, `"${part}": a day of the month is 1 to 31.`, part);
      if (unit[0] === 'WD' && (value < 1 || value > 7)) throw invalid(formula, `"${part}": a weekday is 1 (Monday) to 7 (Sunday).`, part);
      if (unit[0] !== 'D' && unit[0] !== 'WD') {
        throw invalid(formula, `"${part}": only ${U.D} and ${U.WD} take a number after them (${U.D}10, ${U.WD}1); write ${value}${token} to count.`, part);
      }
      term = { sign, kind: 'weekday-or-day', unit: unit[0], amount: value };
    }
    terms.push(term);
  }
  return terms;
}

/** Writes terms with `letters`; a leading + is left out, as Business Central shows formulas. */
function formatTerms(terms: readonly DateFormulaTerm[], letters: DateFormulaLetters): string {
  return terms
    .map((term, index) => {
      const sign = term.sign === -1 ? '-' : index === 0 ? '' : '+';
      const unit = letters.units[term.unit];
      switch (term.kind) {
        case 'count':
          return `${sign}${term.amount}${unit}`;
        case 'weekday-or-day':
          return `${sign}${unit}${term.amount}`;
        case 'current':
          return `${sign}${letters.current}${unit}`;
      }
    })
    .join('');
}

/**
 * Parses Business Central's language-neutral formula, with or without angle brackets ("<1W>" or
 * "1W"), case-insensitive, up to three terms, e.g. "CM+1D", "-CW", "D10", "WD1", "1Y-1D". Empty
 * (or "<>") means "no change" and gives []. Throws `date_formula_invalid` naming the bad part;
 * `details` carries `formula` and, where there is one, `part`.
 */
export function parseDateFormula(formula: string): DateFormulaTerm[] {
  return parseBody(unwrap(formula).body, NEUTRAL, formula);
}

// ---- Calendar arithmetic on UTC day numbers (days since 1970-01-01) ----

type CivilDate = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
/** Business Central's calendar runs from 0001-01-01 to 9999-12-31. */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number): number => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

function toDayNumber({ year, month, day }: CivilDate): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function toCivil(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const toIso = ({ year, month, day }: CivilDate): string => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** ISO weekday: Monday 1 … Sunday 7. Day 0 (1970-01-01) was a Thursday. */
const isoWeekday = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

function parseIsoDate(value: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RapportError('validation_failed', `"${value}" is not a date; dates are written YYYY-MM-DD.`);
  }
  return { year, month, day };
}

/** Adds months; a day past the end of the target month becomes its last day (Jan 31 + 1M = Feb 28/29). */
function addMonths({ year, month, day }: CivilDate, months: number): CivilDate {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return { year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) };
}

/** The next (direction 1) or previous (-1) date, never `date` itself, whose day of month is `dayOfMonth`. */
function stepToDayOfMonth(date: CivilDate, dayOfMonth: number, direction: 1 | -1): CivilDate {
  let { year, month } = date;
  const passed = direction === 1 ? date.day >= dayOfMonth : date.day <= dayOfMonth;
  if (passed) ({ year, month } = addMonths({ year, month, day: 1 }, direction));
  // Months too short for the day are skipped: D31 goes from April to May, D30 from January to March.
  while (daysInMonth(year, month) < dayOfMonth) ({ year, month } = addMonths({ year, month, day: 1 }, direction));
  return { year, month, day: dayOfMonth };
}

function applyTerm(dayNumber: number, term: DateFormulaTerm): number {
  const date = toCivil(dayNumber);
  const { sign, unit, amount } = term;
  switch (term.kind) {
    case 'count':
      switch (unit) {
        case 'D':
          return dayNumber + sign * amount;
        case 'W':
          return dayNumber + sign * amount * 7;
        case 'M':
          return toDayNumber(addMonths(date, sign * amount));
        case 'Q':
          return toDayNumber(addMonths(date, sign * amount * 3));
        case 'Y':
          return toDayNumber(addMonths(date, sign * amount * 12));
        case 'WD':
          break;
      }
      break;
    case 'weekday-or-day':
      if (unit === 'D') return toDayNumber(stepToDayOfMonth(date, amount, sign));
      if (unit === 'WD') {
        const weekday = isoWeekday(dayNumber);
        const distance = sign === 1 ? (amount - weekday + 7) % 7 : (weekday - amount + 7) % 7;
        return dayNumber + sign * (distance === 0 ? 7 : distance);
      }
      break;
    case 'current': {
      const atEnd = sign === 1;
      switch (unit) {
        case 'D':
          return dayNumber;
        case 'W': {
          const weekday = isoWeekday(dayNumber);
          return atEnd ? dayNumber + (7 - weekday) : dayNumber - (weekday - 1);
        }
        case 'M':
          return toDayNumber({ ...date, day: atEnd ? daysInMonth(date.year, date.month) : 1 });
        case 'Q': {
          const firstMonth = Math.floor((date.month - 1) / 3) * 3 + 1;
          const month = atEnd ? firstMonth + 2 : firstMonth;
          return toDayNumber({ year: date.year, month, day: atEnd ? daysInMonth(date.year, month) : 1 });
        }
        case 'Y':
          return toDayNumber({ year: date.year, month: atEnd ? 12 : 1, day: atEnd ? 31 : 1 });
        case 'WD':
          break;
      }
      break;
    }
  }
  // parseBody refuses these combinations (1WD, W3, CWD); terms built by hand may still carry them.
  throw new RapportError('date_formula_invalid', `A ${term.kind} term cannot use the unit ${unit}.`, { details: { term } });
}

const FIRST_DAY_NUMBER = toDayNumber(parseIsoDate(FIRST_DAY));
const LAST_DAY_NUMBER = toDayNumber(parseIsoDate(LAST_DAY));

/**
 * Business Central's CalcDate: applies the formula's terms in order to `baseDate` (`YYYY-MM-DD`)
 * and returns the resulting `YYYY-MM-DD`.
 * - count (`10D`, `-1M`): adds the units; months clamp to the month's end (Jan 31 + 1M = Feb 28/29),
 *   Q = 3 months, Y = 12 months. A day that is not past the end stays: Feb 28 + 1M = Mar 28.
 * - `D10` / `WD1`: the next date whose day of month / weekday (Mon=1..Sun=7) is that number, never
 *   the base date itself (WD1 on a Monday is next Monday); with a minus sign the previous one.
 * - `C<unit>`: the end of the current period with +, its start with - (weeks run Monday–Sunday;
 *   CD is the same day).
 * Throws `date_formula_invalid` for a bad formula or a result outside 0001-01-01..9999-12-31, and
 * `validation_failed` for a base date that is not a `YYYY-MM-DD` calendar date.
 */
export function calcDate(formula: string, baseDate: string): string {
  const terms = parseDateFormula(formula);
  let dayNumber = toDayNumber(parseIsoDate(baseDate));
  for (const term of terms) {
    dayNumber = applyTerm(dayNumber, term);
    if (dayNumber < FIRST_DAY_NUMBER || dayNumber > LAST_DAY_NUMBER) {
      throw invalid(formula, `applied to ${baseDate} it gives a date outside ${FIRST_DAY}..${LAST_DAY}.`);
    }
  }
  return toIso(toCivil(dayNumber));
}

/**
 * The formula as a user of `language` sees it: localised letters, no angle brackets, no leading +,
 * numbers without leading zeros (`<CM+10D>` in German is `LM+10T`). Accepts what parseDateFormula
 * accepts and throws as it does. With Finnish letters an extreme formula (`-9999W-9999W-9999W`)
 * is longer than the 20 characters a user may type.
 */
export function toLocalDateFormula(formula: string, language: DateFormulaLanguage): string {
  return formatTerms(parseDateFormula(formula), DATE_FORMULA_LETTERS[language]);
}

/**
 * Reads a formula a user of `language` typed (case-insensitive: `lm+10t` in German) and returns
 * its neutral form, normalised as toLocalDateFormula writes it (`CM+10D`); '' for an empty one.
 * A formula in angle brackets is neutral in every language, as in Business Central (`<1W>`).
 * Neutral letters are not accepted in place of a language's own (German `1Y` is refused).
 * Throws `date_formula_invalid` naming the bad part.
 */
export function fromLocalDateFormula(localFormula: string, language: DateFormulaLanguage): string {
  const { body, bracketed } = unwrap(localFormula);
  const letters = bracketed ? NEUTRAL : DATE_FORMULA_LETTERS[language];
  return formatTerms(parseBody(body, letters, localFormula), NEUTRAL);
}
