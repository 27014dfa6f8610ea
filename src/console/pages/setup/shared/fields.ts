import { type DateFormulaLanguage, fromLocalDateFormula, toLocalDateFormula } from '../../../../domain/date-formula';
import { isRapportError } from '../../../../domain/errors';
import type { SetupTranslate as Translate } from '../i18n/setup-catalogue';
import type { LabelKey } from './message-keys';
import type { ReferenceSource } from './references';

/** A field's value as its editor holds it: switches as booleans, everything else as the text typed. */
export type DraftValue = string | boolean;

/** One option of a choice, with the message that names it. */
export type Choice = { value: string; label: LabelKey };

/**
 * How a field is edited and what the contract takes (the lengths and ranges are the contract's):
 * - `code`: Business Central's Code[n] (sent trimmed and upper-cased, as the service keeps it);
 * - `text`: Text[n], sent trimmed; `email`: an e-mail address or nothing;
 * - `flag`: a switch; `choice`: one of `options`;
 * - `integer` / `decimal`: a number from `min` to `max`;
 * - `date`: a calendar date, or none (null);
 * - `dateFormula`: a date formula typed with the letters of the user's language, sent neutral;
 * - `reference`: the code of a record of another table, picked from its list.
 */
export type FieldKind =
  | { kind: 'code'; maxLength: number; required?: boolean }
  | { kind: 'text'; maxLength: number; required?: boolean }
  | { kind: 'email'; maxLength: number }
  | { kind: 'flag' }
  | { kind: 'choice'; options: readonly Choice[] }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'date' }
  | { kind: 'dateFormula' }
  | { kind: 'reference'; source: ReferenceSource; maxLength: number; required?: boolean };

/** A field of a setup record: its name in the body, its label (and help), its editor. */
export type FieldSpec = { name: string; label: LabelKey; hint?: LabelKey; kind: FieldKind };

/** Why the console will not send a value as typed (the service's own checks come back as field problems). */
export type LocalProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'notInteger' }
  | { kind: 'notNumber' }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'notEmail' }
  | { kind: 'notDate' }
  | { kind: 'dateFormula'; part: string | null }
  | { kind: 'exists' }
  | { kind: 'duplicate' };

/** What reading a value needs besides the value: the language date formulas are written in. */
export type FieldContext = { formulaLanguage: DateFormulaLanguage };

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: LocalProblem };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// The contract's own check is zod's; this one only spares a round trip for what is plainly no address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The language whose date formula letters a console locale uses (Business Central's, per language). */
export function formulaLanguageOf(locale: string): DateFormulaLanguage {
  const language = locale.slice(0, 2);
  return language === 'sv' || language === 'nb' || language === 'da' || language === 'fi' || language === 'nl' || language === 'de' ? language : 'en';
}

/** A saved value as its editor shows it: numbers as text, no date as blank, a formula in the user's letters. */
export function editorValue(kind: FieldKind, value: unknown, context: FieldContext): DraftValue {
  switch (kind.kind) {
    case 'flag':
      return value === true;
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? String(value) : '';
    case 'dateFormula': {
      const neutral = typeof value === 'string' ? value : '';
      try {
        return toLocalDateFormula(neutral, context.formulaLanguage);
      } catch {
        // A formula the rules no longer read is shown as stored, so the user can see and mend it.
        return neutral;
      }
    }
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The empty value of a new record's field: the first choice, a switch off, blank text. */
export function emptyValue(kind: FieldKind): DraftValue {
  if (kind.kind === 'flag') return false;
  if (kind.kind === 'choice') return kind.options[0]?.value ?? '';
  return '';
}

/** A typed value in its wire form, as the contract reads it, or why it cannot be sent. */
export function parseField(kind: FieldKind, value: DraftValue, context: FieldContext): Parsed {
  if (kind.kind === 'flag') return { ok: true, value: value === true };
  const typed = String(value).trim();
  switch (kind.kind) {
    case 'choice':
      return kind.options.some((option) => option.value === typed) ? { ok: true, value: typed } : { ok: false, problem: { kind: 'required' } };
    case 'code':
    case 'text':
    case 'reference': {
      if (typed.length > kind.maxLength) return { ok: false, problem: { kind: 'tooLong', max: kind.maxLength } };
      if (kind.required === true && typed === '') return { ok: false, problem: { kind: 'required' } };
      return { ok: true, value: kind.kind === 'text' ? typed : typed.toUpperCase() };
    }
    case 'email':
      if (typed.length > kind.maxLength) return { ok: false, problem: { kind: 'tooLong', max: kind.maxLength } };
      return typed === '' || EMAIL.test(typed) ? { ok: true, value: typed } : { ok: false, problem: { kind: 'notEmail' } };
    case 'integer': {
      if (!/^-?\d+$/.test(typed)) return { ok: false, problem: { kind: 'notInteger' } };
      const number = Number(typed);
      return number < kind.min || number > kind.max ? { ok: false, problem: { kind: 'range', min: kind.min, max: kind.max } } : { ok: true, value: number };
    }
    case 'decimal': {
      // Either decimal mark: the console's users write 12,5 as often as 12.5.
      if (!/^-?\d+([.,]\d+)?$/.test(typed)) return { ok: false, problem: { kind: 'notNumber' } };
      const number = Number(typed.replace(',', '.'));
      return number < kind.min || number > kind.max ? { ok: false, problem: { kind: 'range', min: kind.min, max: kind.max } } : { ok: true, value: number };
    }
    case 'date':
      if (typed === '') return { ok: true, value: null };
      return ISO_DATE.test(typed) && !Number.isNaN(Date.parse(`${typed}T00:00:00Z`)) ? { ok: true, value: typed } : { ok: false, problem: { kind: 'notDate' } };
    case 'dateFormula':
      return parseDateFormulaField(typed, context);
  }
}

/** A formula typed in the user's letters as the neutral one the service keeps, or the part it could not read. */
export function parseDateFormulaField(typed: string, context: FieldContext): Parsed {
  try {
    return { ok: true, value: fromLocalDateFormula(typed, context.formulaLanguage) };
  } catch (error) {
    if (!isRapportError(error) || error.code !== 'date_formula_invalid') throw error;
    const part = error.details?.['part'];
    return { ok: false, problem: { kind: 'dateFormula', part: typeof part === 'string' && part !== '' ? part : null } };
  }
}

/** A problem in the user's words. */
export function problemText(problem: LocalProblem, t: Translate): string {
  switch (problem.kind) {
    case 'required':
      return t('setup.problem.required');
    case 'tooLong':
      return t('setup.problem.tooLong', { max: problem.max });
    case 'notInteger':
      return t('setup.problem.notInteger');
    case 'notNumber':
      return t('setup.problem.notNumber');
    case 'range':
      return t('setup.problem.range', { min: problem.min, max: problem.max });
    case 'notEmail':
      return t('setup.problem.notEmail');
    case 'notDate':
      return t('setup.problem.notDate');
    case 'dateFormula':
      return problem.part === null ? t('setup.problem.dateFormula') : t('setup.problem.dateFormulaPart', { part: problem.part });
    case 'exists':
      return t('setup.problem.exists');
    case 'duplicate':
      return t('setup.problem.duplicate');
  }
}

/**
 * A field problem's path as the form names its inputs: `steps.0.dateFormula` whether the service
 * wrote it so or as `steps[0].dateFormula`, and a path parameter (`params.code`) as the key field.
 */
export function normalizePath(path: string, keyName: string): string {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1');
  return dotted.startsWith('params.') ? keyName : dotted;
}
