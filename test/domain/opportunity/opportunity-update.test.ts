import type { Opportunity, OpportunityEntry } from '../../../src/domain/opportunity/opportunity';
import { applyUpdate, closeOpportunity, pipelineTotals, type CloseInput, type UpdateInput } from '../../../src/domain/opportunity/opportunity-update';
import type { ProbabilityCalculation, SalesCycle, SalesCycleStage } from '../../../src/domain/opportunity/sales-cycle';
import { offeredActions } from '../../../src/domain/opportunity/sales-cycle-moves';
import { rapportErrorOf } from '../rapport-error';

const stage = (values: Partial<SalesCycleStage> & Pick<SalesCycleStage, 'stage'>): SalesCycleStage => ({
  salesCycleCode: 'NEW',
  description: `Stage ${values.stage}`,
  completedPct: 0,
  chancesOfSuccessPct: 0,
  activityCode: '',
  quoteRequired: false,
  allowSkip: false,
  dateFormula: '',
  ...values,
});

/**
 * Business Central's demo cycle NEW (§8.2), probability = Chances of Success %. Completed % and
 * Chances of Success % are the demo's; the Date Formulas and Activity Codes are this test's own.
 */
const NEW_CYCLE: SalesCycle = { code: 'NEW', description: 'New business', probabilityCalculation: 'chancesOfSuccessPct', blocked: false };
const NEW: SalesCycleStage[] = [
  stage({ stage: 1, description: 'Initial', completedPct: 2, chancesOfSuccessPct: 10, activityCode: 'INITIAL', dateFormula: '3M' }),
  stage({ stage: 2, description: 'Qualification', completedPct: 5, chancesOfSuccessPct: 20, activityCode: 'QUALIFY', dateFormula: '2M' }),
  stage({ stage: 3, description: 'Presentation', completedPct: 40, chancesOfSuccessPct: 50, quoteRequired: true, allowSkip: true, dateFormula: '1M' }),
  stage({ stage: 4, description: 'Proposal', completedPct: 60, chancesOfSuccessPct: 75, quoteRequired: true, dateFormula: '2W' }),
  stage({ stage: 5, description: 'Sign Contract', completedPct: 95, chancesOfSuccessPct: 100, quoteRequired: true, dateFormula: '1W' }),
];

const opportunity = (values: Partial<Opportunity> = {}): Opportunity => ({
  no: 'OP000001',
  description: 'Office furniture for the new wing',
  contactNo: 'CT000010',
  contactCompanyNo: 'CT000001',
  salespersonCode: 'JO',
  campaignNo: '',
  segmentNo: '',
  salesCycleCode: 'NEW',
  creationDate: '2025-03-03',
  status: 'inProgress',
  priority: 'normal',
  closed: false,
  dateClosed: null,
  salesDocumentType: '',
  salesDocumentNo: '',
  ...values,
});

/** The active entry at `salesCycleStage`, changed on Monday 2025-03-03. */
const activeAt = (salesCycleStage: number, values: Partial<OpportunityEntry> = {}): OpportunityEntry => ({
  entryNo: 7,
  opportunityNo: 'OP000001',
  salesCycleCode: 'NEW',
  salesCycleStage,
  previousSalesCycleStage: salesCycleStage - 1,
  dateOfChange: '2025-03-03',
  active: true,
  dateClosed: null,
  daysOpen: 0,
  actionTaken: 'next',
  estimatedValueLcy: 20000,
  calcdCurrentValueLcy: 4000,
  completedPct: 5,
  chancesOfSuccessPct: 20,
  probabilityPct: 20,
  estimatedCloseDate: '2025-05-03',
  closeOpportunityCode: '',
  ...values,
});

const input = (values: Partial<UpdateInput> = {}): UpdateInput => ({
  action: 'next',
  dateOfChange: '2025-03-17',
  estimatedValueLcy: 20000,
  chancesOfSuccessPct: 50,
  estimatedCloseDate: '2025-06-30',
  hasSalesQuote: true,
  cancelOldTasks: false,
  ...values,
});

describe('the calculated values of §8.5', () => {
  /** One stage of Completed 40 % and Chances of Success 50 %, entered with First. */
  const fortyFifty = [stage({ stage: 1, completedPct: 40, chancesOfSuccessPct: 50 })];

  test.each<[ProbabilityCalculation, number, number]>([
    ['multiply', 20, 4000],
    ['add', 45, 9000],
    ['chancesOfSuccessPct', 50, 10000],
    ['completedPct', 40, 8000],
  ])('the worked example: Estimated 20,000 at Completed 40 %% and Chances 50 %% by %s is %d %% → %d', (method, probability, value) => {
    const cycle: SalesCycle = { ...NEW_CYCLE, probabilityCalculation: method };
    const { entry } = applyUpdate(opportunity({ status: 'notStarted' }), cycle, fortyFifty, null, input({ action: 'first' }), 1);
    expect(entry).toMatchObject({ completedPct: 40, chancesOfSuccessPct: 50, probabilityPct: probability, calcdCurrentValueLcy: value });
  });

  test.each<[string, UpdateInput['action'], number | undefined, number, number, number]>([
    ['a typed value is kept on Next', 'next', undefined, 35, 50, 35],
    ['0 on Next takes the stage value', 'next', undefined, 0, 50, 50],
    ['a typed value on Update is kept', 'update', undefined, 35, 20, 35],
    ['0 on Update takes the current stage value', 'update', undefined, 0, 20, 20],
    ['on Skip the stage value replaces a typed one', 'skip', 4, 35, 75, 75],
    ['on Jump the stage value replaces a typed one', 'jump', 1, 35, 10, 10],
  ])('Chances of Success %%: %s', (_case, action, toStage, typed, _stageValue, expected) => {
    const active = action === 'jump' ? activeAt(3) : activeAt(2);
    const { entry } = applyUpdate(opportunity(), NEW_CYCLE, NEW, active, input({ action, ...(toStage === undefined ? {} : { toStage }), chancesOfSuccessPct: typed }), 8);
    expect(entry.chancesOfSuccessPct).toBe(expected);
    // NEW computes Probability % as the Chances of Success %.
    expect(entry.probabilityPct).toBe(expected);
  });

  test('a stage whose Chances of Success % is 0 keeps the typed value, even on Skip', () => {
    const stages = [stage({ stage: 1 }), stage({ stage: 2, allowSkip: true }), stage({ stage: 3, completedPct: 50 })];
    const { entry } = applyUpdate(opportunity(), NEW_CYCLE, stages, activeAt(1), input({ action: 'skip', toStage: 3, chancesOfSuccessPct: 30 }), 8);
    expect(entry).toMatchObject({ chancesOfSuccessPct: 30, completedPct: 50 });
  });

  test.each<[string, string | null, string]>([
    ['a blank Estimated Close Date is Date of Change + the stage formula (Presentation: 1M)', null, '2025-04-17'],
    ['one equal to the Date of Change is recalculated the same way', '2025-03-17', '2025-04-17'],
    ['a later one is kept', '2025-09-30', '2025-09-30'],
  ])('%s', (_case, typed, expected) => {
    const { entry } = applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(2), input({ estimatedCloseDate: typed }), 8);
    expect(entry.estimatedCloseDate).toBe(expected);
  });

  test('a stage without a Date Formula gives the Date of Change itself', () => {
    const stages = [stage({ stage: 1, chancesOfSuccessPct: 10 })];
    const { entry } = applyUpdate(opportunity({ status: 'notStarted' }), NEW_CYCLE, stages, null, input({ action: 'first', estimatedCloseDate: null }), 1);
    expect(entry.estimatedCloseDate).toBe('2025-03-17');
  });
});

describe('moving an opportunity through the demo cycle NEW', () => {
  test('First starts the opportunity at Initial', () => {
    const result = applyUpdate(
      opportunity({ status: 'notStarted' }),
      NEW_CYCLE,
      NEW,
      null,
      input({ action: 'first', dateOfChange: '2025-03-03', chancesOfSuccessPct: 10, estimatedCloseDate: null, hasSalesQuote: false, cancelOldTasks: true }),
      41,
    );
    expect(result.previous).toBeNull();
    expect(result.opportunity.status).toBe('inProgress');
    expect(result.entry).toEqual({
      entryNo: 41,
      opportunityNo: 'OP000001',
      salesCycleCode: 'NEW',
      salesCycleStage: 1,
      previousSalesCycleStage: 0,
      dateOfChange: '2025-03-03',
      active: true,
      dateClosed: null,
      daysOpen: 0,
      actionTaken: '',
      estimatedValueLcy: 20000,
      calcdCurrentValueLcy: 2000,
      completedPct: 2,
      chancesOfSuccessPct: 10,
      probabilityPct: 10,
      estimatedCloseDate: '2025-06-03',
      closeOpportunityCode: '',
    });
    expect(result.createStageActivityTasks).toBe(true);
    expect(result.cancelOpenTasks).toBe(true);
  });

  test.each<[number, 'next' | 'jumped']>([
    [3, 'next'],
    [4, 'jumped'],
  ])('the Skip example: from Qualification with a quote, Skip to stage %d is recorded %s', (toStage, actionTaken) => {
    const { entry } = applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(2), input({ action: 'skip', toStage }), 8);
    expect(entry).toMatchObject({ salesCycleStage: toStage, previousSalesCycleStage: 2, actionTaken });
  });

  test('Skip without a chosen stage lands where the wizard pre-selects: the next stage', () => {
    expect(applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(2), input({ action: 'skip' }), 8).entry).toMatchObject({ salesCycleStage: 3, actionTaken: 'next' });
  });

  test.each<[number | undefined, number, 'previous' | 'jumped']>([
    [undefined, 4, 'previous'],
    [4, 4, 'previous'],
    [2, 2, 'jumped'],
  ])('Jump from Sign Contract to stage %s lands on %d, recorded %s', (toStage, landed, actionTaken) => {
    const { entry } = applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(5), input({ action: 'jump', ...(toStage === undefined ? {} : { toStage }) }), 8);
    expect(entry).toMatchObject({ salesCycleStage: landed, previousSalesCycleStage: 5, actionTaken });
  });

  test('Update stays on the stage, records Updated and creates no tasks', () => {
    const result = applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(2), input({ action: 'update', estimatedValueLcy: 25000, chancesOfSuccessPct: 30 }), 8);
    expect(result.entry).toMatchObject({ salesCycleStage: 2, previousSalesCycleStage: 2, actionTaken: 'updated', estimatedValueLcy: 25000, calcdCurrentValueLcy: 7500 });
    expect(result.createStageActivityTasks).toBe(false);
  });

  test.each<[string, UpdateInput['action'], number, boolean]>([
    ['Next onto Qualification creates its activity tasks', 'next', 1, true],
    ['Previous onto Initial creates its activity tasks', 'previous', 2, true],
    ['Next onto a stage without an activity creates none', 'next', 2, false],
    ['Update on a stage with an activity creates none', 'update', 1, false],
  ])('%s', (_case, action, from, expected) => {
    expect(applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(from), input({ action }), 8).createStageActivityTasks).toBe(expected);
  });

  test('the previous entry becomes inactive with its Days Open, and is otherwise unchanged', () => {
    const active = activeAt(2);
    const { previous, entry } = applyUpdate(opportunity(), NEW_CYCLE, NEW, active, input({ dateOfChange: '2025-03-17' }), 8);
    expect(previous).toEqual({ ...active, active: false, daysOpen: 14 });
    expect(entry.active).toBe(true);
  });

  test.each<[string, string, string, number]>([
    ['the same day', '2025-03-03', '2025-03-03', 0],
    ['across a leap day', '2024-02-27', '2024-03-01', 3],
    ['across a year end', '2025-12-30', '2026-01-02', 3],
    ['across a summer-time change (days, not hours)', '2025-03-28', '2025-04-01', 4],
  ])('Days Open counts calendar days: %s', (_case, from, to, days) => {
    const { previous } = applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(2, { dateOfChange: from }), input({ dateOfChange: to, estimatedCloseDate: null }), 8);
    expect(previous?.daysOpen).toBe(days);
  });

  test.each<[string, UpdateInput['action'], number]>([
    ['Previous', 'previous', 5],
    ['Jump', 'jump', 5],
    ['Update', 'update', 4],
  ])('%s onto a Quote Required stage needs no quote', (_case, action, from) => {
    expect(() => applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(from), input({ action, hasSalesQuote: false }), 8)).not.toThrow();
  });
});

describe('the Update wizard refuses', () => {
  const onlyFirstStage: SalesCycleStage[] = [stage({ stage: 1, quoteRequired: true })];

  /** What differs from an opportunity in progress at Qualification moving Next with a quote. */
  type Setup = { opportunity?: Partial<Opportunity>; cycle?: Partial<SalesCycle>; stages?: SalesCycleStage[]; active?: OpportunityEntry | null; input?: Partial<UpdateInput> };
  const notStarted = { opportunity: { status: 'notStarted' }, active: null } as const;
  const closedOn = (status: 'won' | 'lost') => ({ status, closed: true, dateClosed: '2025-03-10' });
  const quoteMissing = 'You cannot go to this stage before you have assigned a sales quote.';

  test.each<[string, Setup, string, string | undefined]>([
    ['a Date of Change before the last one', { input: { dateOfChange: '2025-03-02' } }, 'opportunity_invalid_values', 'The Date of Change has to be after last Date of change.'],
    ['a blank Date of Change', { input: { dateOfChange: '' } }, 'opportunity_invalid_values', 'You must fill in the Date of Change field.'],
    ['a Date of Change that is no date', { input: { dateOfChange: '2025-02-30' } }, 'opportunity_invalid_values', undefined],
    ['an Estimated Value of 0', { input: { estimatedValueLcy: 0 } }, 'opportunity_invalid_values', 'Estimated Value (LCY) must be greater than 0.'],
    ['a negative Estimated Value', { input: { estimatedValueLcy: -5 } }, 'opportunity_invalid_values', 'Estimated Value (LCY) must be greater than 0.'],
    [
      'Chances of Success % of 0 on a stage whose own is 0',
      { ...notStarted, stages: [stage({ stage: 1 })], input: { action: 'first', chancesOfSuccessPct: 0 } },
      'opportunity_invalid_values',
      'Chances of Success % must be greater than 0.',
    ],
    ['a negative Chances of Success %', { input: { chancesOfSuccessPct: -10 } }, 'opportunity_invalid_values', 'Chances of Success % must be greater than 0.'],
    ['Chances of Success % over 100', { input: { chancesOfSuccessPct: 101 } }, 'opportunity_invalid_values', 'Chances of Success % must not be greater than 100.'],
    ['an Estimated Close Date before the Date of Change', { input: { estimatedCloseDate: '2025-03-16' } }, 'opportunity_invalid_values', 'The Estimated closing date has to be later than this change.'],
    ['an Estimated Close Date that is no date', { input: { estimatedCloseDate: '30.06.2025' } }, 'opportunity_invalid_values', undefined],
    ['Next onto Presentation without a quote', { input: { hasSalesQuote: false } }, 'opportunity_quote_required', quoteMissing],
    ['the Skip example without a quote: to Presentation', { input: { action: 'skip', toStage: 3, hasSalesQuote: false } }, 'opportunity_quote_required', quoteMissing],
    ['the Skip example without a quote: to Proposal', { input: { action: 'skip', toStage: 4, hasSalesQuote: false } }, 'opportunity_quote_required', quoteMissing],
    ['a Blocked sales cycle', { cycle: { blocked: true } }, 'opportunity_action_not_allowed', 'Sales cycle NEW is blocked.'],
    ['a sales cycle without stages', { ...notStarted, stages: [], input: { action: 'first' } }, 'opportunity_action_not_allowed', 'There are no stages in sales cycle NEW.'],
    ['First once the opportunity has an entry', { active: activeAt(1), input: { action: 'first' } }, 'opportunity_action_not_allowed', 'First is not possible for opportunity OP000001 now.'],
    ['Next before the first stage', notStarted, 'opportunity_action_not_allowed', 'Next is not possible for opportunity OP000001 now.'],
    ['Next at the last stage', { active: activeAt(5) }, 'opportunity_action_not_allowed', 'Next is not possible for opportunity OP000001 now.'],
    ['Previous at the first stage', { active: activeAt(1), input: { action: 'previous' } }, 'opportunity_action_not_allowed', 'Previous is not possible for opportunity OP000001 now.'],
    ['Skip where it is not offered', { active: activeAt(1), input: { action: 'skip', toStage: 2 } }, 'opportunity_action_not_allowed', 'Skip is not possible for opportunity OP000001 now.'],
    ['Jump with a single earlier stage', { input: { action: 'jump', toStage: 1 } }, 'opportunity_action_not_allowed', 'Jump is not possible for opportunity OP000001 now.'],
    ['Skip past the first stage without Allow Skip', { input: { action: 'skip', toStage: 5 } }, 'opportunity_action_not_allowed', 'Skip cannot go to stage 5 of sales cycle NEW.'],
    ['Jump forwards', { active: activeAt(3), input: { action: 'jump', toStage: 4 } }, 'opportunity_action_not_allowed', 'Jump cannot go to stage 4 of sales cycle NEW.'],
    ['Next to a stage other than the next one', { input: { toStage: 4 } }, 'opportunity_action_not_allowed', 'Next cannot go to stage 4 of sales cycle NEW.'],
    ['a move on a Won opportunity', { opportunity: closedOn('won') }, 'opportunity_closed', 'Opportunity OP000001 is closed.'],
    ['an Update on a Lost opportunity', { opportunity: closedOn('lost'), input: { action: 'update' } }, 'opportunity_closed', 'Opportunity OP000001 is closed.'],
  ])('%s', (_case, setup, code, message) => {
    const active = setup.active === undefined ? activeAt(2) : setup.active;
    const error = rapportErrorOf(() =>
      applyUpdate(opportunity(setup.opportunity), { ...NEW_CYCLE, ...setup.cycle }, setup.stages ?? NEW, active, input(setup.input), active === null ? 1 : 8),
    );
    expect(error.code).toBe(code);
    if (message !== undefined) expect(error.message).toBe(message);
  });

  test('the refusal of an action that is not offered lists the offered ones', () => {
    expect(rapportErrorOf(() => applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(5), input(), 8)).details).toEqual({ offeredActions: ['update', 'previous', 'jump'] });
  });

  test('a Date of Change on the same day as the last one is accepted', () => {
    expect(applyUpdate(opportunity(), NEW_CYCLE, NEW, activeAt(2), input({ dateOfChange: '2025-03-03', estimatedCloseDate: null }), 8).entry.dateOfChange).toBe('2025-03-03');
  });

  test('First onto a Quote Required first stage needs no quote: a quote needs an opportunity in progress', () => {
    const { entry } = applyUpdate(opportunity({ status: 'notStarted' }), NEW_CYCLE, onlyFirstStage, null, input({ action: 'first', hasSalesQuote: false }), 1);
    expect(entry.salesCycleStage).toBe(1);
  });
});

describe('closing an opportunity', () => {
  const close = (values: Partial<CloseInput> = {}): CloseInput => ({
    actionTaken: 'won',
    closeOpportunityCode: 'PRICE_W',
    closeCodeType: 'won',
    dateOfChange: '2025-03-24',
    calcdCurrentValueLcy: 18000,
    salesQuoteTotalLcy: null,
    cancelOldTasks: true,
    ...values,
  });

  test('Won: the sale as typed, Completed = Chances = Probability = 100, the opportunity closed on the Date of Change', () => {
    const active = activeAt(4);
    const result = closeOpportunity(opportunity(), active, close(), 9);
    expect(result.opportunity).toMatchObject({ status: 'won', closed: true, dateClosed: '2025-03-24' });
    expect(result.previous).toEqual({ ...active, active: false, daysOpen: 21 });
    expect(result.entry).toEqual({
      entryNo: 9,
      opportunityNo: 'OP000001',
      salesCycleCode: 'NEW',
      salesCycleStage: 0,
      previousSalesCycleStage: 4,
      dateOfChange: '2025-03-24',
      active: true,
      dateClosed: '2025-03-24',
      daysOpen: 0,
      actionTaken: 'won',
      estimatedValueLcy: 20000,
      calcdCurrentValueLcy: 18000,
      completedPct: 100,
      chancesOfSuccessPct: 100,
      probabilityPct: 100,
      estimatedCloseDate: '2025-03-24',
      closeOpportunityCode: 'PRICE_W',
    });
    expect(result.cancelOpenTasks).toBe(true);
  });

  test("Won with a linked quote: the quote's total replaces the typed sale", () => {
    expect(closeOpportunity(opportunity(), activeAt(4), close({ salesQuoteTotalLcy: 21500 }), 9).entry.calcdCurrentValueLcy).toBe(21500);
  });

  test('Lost: value 0, Completed 100, Chances 0, Probability 0, whatever was typed', () => {
    const result = closeOpportunity(opportunity(), activeAt(3), close({ actionTaken: 'lost', closeCodeType: 'lost', closeOpportunityCode: 'PRICE_L', salesQuoteTotalLcy: 21500 }), 9);
    expect(result.opportunity).toMatchObject({ status: 'lost', closed: true, dateClosed: '2025-03-24' });
    expect(result.entry).toMatchObject({ actionTaken: 'lost', calcdCurrentValueLcy: 0, completedPct: 100, chancesOfSuccessPct: 0, probabilityPct: 0, closeOpportunityCode: 'PRICE_L', dateClosed: '2025-03-24' });
  });

  test('an opportunity that never reached a stage can be closed too', () => {
    const result = closeOpportunity(opportunity({ status: 'notStarted' }), null, close({ actionTaken: 'lost', closeCodeType: 'lost', closeOpportunityCode: 'WALKED_L' }), 1);
    expect(result.previous).toBeNull();
    expect(result.entry).toMatchObject({ salesCycleStage: 0, previousSalesCycleStage: 0, estimatedValueLcy: 0 });
  });

  test.each<[string, Partial<CloseInput>, string, string]>([
    ['a Won sale of 0', { calcdCurrentValueLcy: 0 }, 'opportunity_invalid_values', 'Sales (LCY) must be greater than 0.'],
    ['a negative Won sale', { calcdCurrentValueLcy: -100 }, 'opportunity_invalid_values', 'Sales (LCY) must be greater than 0.'],
    ["a Won sale whose linked quote's total is 0, whatever was typed", { salesQuoteTotalLcy: 0 }, 'opportunity_invalid_values', 'Sales (LCY) must be greater than 0.'],
    ['a Lost close code on a Won opportunity', { closeOpportunityCode: 'PRICE_L', closeCodeType: 'lost' }, 'opportunity_invalid_values', 'Close Opportunity Code PRICE_L is of type Lost; the opportunity is being closed as Won.'],
    ['a Won close code on a Lost opportunity', { actionTaken: 'lost' }, 'opportunity_invalid_values', 'Close Opportunity Code PRICE_W is of type Won; the opportunity is being closed as Lost.'],
    ['a blank close code', { closeOpportunityCode: '' }, 'opportunity_invalid_values', 'You must fill in the Close Opportunity Code field.'],
    ['a blank Date of Change', { dateOfChange: '' }, 'opportunity_invalid_values', 'You must fill in the Date of Change field.'],
    ['a Date of Change before the last one', { dateOfChange: '2025-03-02' }, 'opportunity_invalid_values', 'The Date of Change has to be after last Date of change.'],
  ])('refuses %s', (_case, values, code, message) => {
    const error = rapportErrorOf(() => closeOpportunity(opportunity(), activeAt(4), close(values), 9));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test('a closed opportunity cannot be closed again', () => {
    const won = closeOpportunity(opportunity(), activeAt(4), close(), 9);
    expect(rapportErrorOf(() => closeOpportunity(won.opportunity, won.entry, close({ dateOfChange: '2025-03-25' }), 10)).code).toBe('opportunity_closed');
  });

  test.each<['won' | 'lost']>([['won'], ['lost']])('after closing as %s, no move is offered and every move is refused', (actionTaken) => {
    const closed = closeOpportunity(opportunity(), activeAt(4), close({ actionTaken, closeCodeType: actionTaken }), 9);
    expect(offeredActions(NEW, closed.entry, closed.opportunity.status)).toEqual([]);
    for (const action of ['first', 'next', 'previous', 'skip', 'jump', 'update'] as const) {
      expect(rapportErrorOf(() => applyUpdate(closed.opportunity, NEW_CYCLE, NEW, closed.entry, input({ action, dateOfChange: '2025-03-25' }), 10)).code).toBe('opportunity_closed');
    }
  });
});

describe('pipeline totals', () => {
  test('sum the active entries only: one per opportunity', () => {
    const entries = [
      activeAt(2, { active: false, estimatedValueLcy: 10000, calcdCurrentValueLcy: 2000 }),
      activeAt(3, { estimatedValueLcy: 20000, calcdCurrentValueLcy: 10000 }),
      activeAt(1, { opportunityNo: 'OP000002', estimatedValueLcy: 5000, calcdCurrentValueLcy: 500 }),
    ];
    expect(pipelineTotals(entries)).toEqual({ noOfOpportunities: 2, estimatedValueLcy: 25000, calcdCurrentValueLcy: 10500 });
  });

  test('are zero without entries', () => {
    expect(pipelineTotals([])).toEqual({ noOfOpportunities: 0, estimatedValueLcy: 0, calcdCurrentValueLcy: 0 });
  });

  test('do not show binary floating point', () => {
    const entries = [activeAt(1, { calcdCurrentValueLcy: 0.1 }), activeAt(1, { calcdCurrentValueLcy: 0.2 })];
    expect(pipelineTotals(entries).calcdCurrentValueLcy).toBe(0.3);
  });
});
