import { DATE_FORMULA_LETTERS, toLocalDateFormula } from '../../../../domain/date-formula';
import type { SetupI18n as I18n } from '../i18n/setup-i18n';
import { formulaLanguageOf } from './fields';

/**
 * How date formulas are written, with the letters of the user's language (Business Central's per
 * language: German T for day, J for year, L for the current period), and an example in them.
 */
export function dateFormulaHint({ t, locale }: I18n): string {
  const language = formulaLanguageOf(locale);
  const { current, units } = DATE_FORMULA_LETTERS[language];
  return t('setup.dateFormula.letters', {
    day: units.D,
    weekday: units.WD,
    week: units.W,
    month: units.M,
    quarter: units.Q,
    year: units.Y,
    current,
    example: toLocalDateFormula('CM+1D', language),
    simple: toLocalDateFormula('1W', language),
  });
}
