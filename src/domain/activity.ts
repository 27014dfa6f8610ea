import { calcDate } from './date-formula';
import { isRapportError, RapportError } from './errors';

/** Activity Step (§9.2): one task that "Assign Activity" creates, dated by its Date Formula. */
export type ActivityStep = {
  stepNo: number;
  type: '' | 'meeting' | 'phoneCall';
  description: string;
  priority: 'low' | 'normal' | 'high';
  /** Language-neutral date formula (§9.4); blank means the start date. */
  dateFormula: string;
};

/**
 * The dates "Assign Activity" gives an activity's steps (§9.2): CalcDate(step formula, `startDate`)
 * for every step, each relative to the SAME start date, not chained to the previous step; a blank
 * formula is the start date. Returned in Step No. order (the order Business Central creates the
 * tasks in); `steps` is not changed. A bad formula throws `date_formula_invalid` naming the step
 * (field `steps[i].dateFormula`, details `stepNo`); a bad start date throws `validation_failed`.
 */
export function activityStepDates(steps: readonly ActivityStep[], startDate: string): { step: ActivityStep; date: string }[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.stepNo - b.step.stepNo)
    .map(({ step, index }) => {
      try {
        return { step, date: calcDate(step.dateFormula, startDate) };
      } catch (error) {
        if (!isRapportError(error) || error.code !== 'date_formula_invalid') throw error;
        const message = `Step ${step.stepNo}: ${error.message}`;
        throw new RapportError('date_formula_invalid', message, {
          fields: [{ path: `steps[${index}].dateFormula`, message: error.message }],
          details: { ...error.details, stepNo: step.stepNo },
          cause: error,
        });
      }
    });
}
