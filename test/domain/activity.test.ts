import { activityStepDates, type ActivityStep } from '../../src/domain/activity';
import { rapportErrorOf } from './rapport-error';

const step = (stepNo: number, dateFormula: string, values: Partial<ActivityStep> = {}): ActivityStep => ({
  stepNo,
  type: '',
  description: `Step ${stepNo}`,
  priority: 'normal',
  dateFormula,
  ...values,
});

/** §9.2's demo activity QUALIFICATION. */
const qualification: ActivityStep[] = [
  step(1, '', { description: 'Identify the decision makers' }),
  step(2, '1W', { description: 'Evaluate the contact' }),
  step(3, '2W', { type: 'phoneCall', description: 'Follow-up call', priority: 'high' }),
  step(4, '2W+1D', { description: 'Decide on the next step' }),
];

describe('dates of activity steps', () => {
  test("§9.2's example: QUALIFICATION from Monday 2025-03-03 gives 03-03, 03-10, 03-17 and 03-18", () => {
    const dates = activityStepDates(qualification, '2025-03-03');
    expect(dates.map(({ date }) => date)).toEqual(['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-18']);
    expect(dates.map(({ step: { stepNo } }) => stepNo)).toEqual([1, 2, 3, 4]);
    expect(dates[2]?.step).toBe(qualification[2]);
  });

  test.each([
    ['two steps of 1W', ['1W', '1W'], ['2025-03-10', '2025-03-10']],
    ['a later step with a shorter formula', ['2W', '1D'], ['2025-03-17', '2025-03-04']],
    ['D10 after CM', ['CM', 'D10'], ['2025-03-31', '2025-03-10']],
  ])('every step counts from the start date, not from the step before (%s)', (_case, formulas, expected) => {
    const steps = formulas.map((formula, index) => step(index + 1, formula));
    expect(activityStepDates(steps, '2025-03-03').map(({ date }) => date)).toEqual(expected);
  });

  test.each([
    ['an empty formula', ''],
    ['a formula of spaces', '   '],
    ['empty angle brackets', '<>'],
  ])('a step with %s falls on the start date', (_case, formula) => {
    expect(activityStepDates([step(1, formula)], '2025-03-03')).toEqual([{ step: step(1, formula), date: '2025-03-03' }]);
  });

  test('steps come back in Step No. order and the input keeps its order', () => {
    const steps = [step(30, '2W'), step(10, ''), step(20, '1W')];
    expect(activityStepDates(steps, '2025-03-03').map(({ step: { stepNo }, date }) => [stepNo, date])).toEqual([
      [10, '2025-03-03'],
      [20, '2025-03-10'],
      [30, '2025-03-17'],
    ]);
    expect(steps.map(({ stepNo }) => stepNo)).toEqual([30, 10, 20]);
  });

  test('an activity without steps gives no dates', () => {
    expect(activityStepDates([], '2025-03-03')).toEqual([]);
  });

  test('a step with an invalid formula is refused, naming the step and its field', () => {
    const error = rapportErrorOf(() => activityStepDates([step(10, '1W'), step(20, '1X')], '2025-03-03'));
    expect(error.code).toBe('date_formula_invalid');
    expect(error.message).toMatch(/^Step 20: The date formula "1X" is not valid/);
    expect(error.fields).toEqual([{ path: 'steps[1].dateFormula', message: expect.stringContaining('"X"') }]);
    expect(error.details).toMatchObject({ stepNo: 20, formula: '1X' });
  });

  test('an invalid start date is refused with validation_failed', () => {
    expect(rapportErrorOf(() => activityStepDates(qualification, '2025-02-30')).code).toBe('validation_failed');
  });
});
