import type { OpportunityEntry, OpportunityStatus } from '../../../src/domain/opportunity/opportunity';
import type { SalesCycleStage } from '../../../src/domain/opportunity/sales-cycle';
import { offeredActions, targetStages, type UpdateAction } from '../../../src/domain/opportunity/sales-cycle-moves';

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

/** Business Central's demo cycle NEW (§8.2): Completed % / Chances of Success %. */
const NEW: SalesCycleStage[] = [
  stage({ stage: 1, description: 'Initial', completedPct: 2, chancesOfSuccessPct: 10 }),
  stage({ stage: 2, description: 'Qualification', completedPct: 5, chancesOfSuccessPct: 20 }),
  stage({ stage: 3, description: 'Presentation', completedPct: 40, chancesOfSuccessPct: 50, quoteRequired: true, allowSkip: true }),
  stage({ stage: 4, description: 'Proposal', completedPct: 60, chancesOfSuccessPct: 75, quoteRequired: true }),
  stage({ stage: 5, description: 'Sign Contract', completedPct: 95, chancesOfSuccessPct: 100, quoteRequired: true }),
];

/** Only the stage matters to the rules under test. */
const at = (salesCycleStage: number): OpportunityEntry => ({
  entryNo: 1,
  opportunityNo: 'OP000001',
  salesCycleCode: 'NEW',
  salesCycleStage,
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
  estimatedCloseDate: '2025-06-30',
  closeOpportunityCode: '',
});

/** Stages 1..n with Allow Skip on the listed ones. */
const cycleSkipping = (count: number, skippable: number[]): SalesCycleStage[] =>
  Array.from({ length: count }, (_, index) => stage({ stage: index + 1, allowSkip: skippable.includes(index + 1) }));

describe('the actions the Update wizard offers on the demo cycle NEW', () => {
  test.each<[string, OpportunityEntry | null, UpdateAction[]]>([
    ['an opportunity without entries is offered only First', null, ['first']],
    ['at Initial, Next and Update (no earlier stage, and Qualification does not Allow Skip)', at(1), ['next', 'update']],
    ['at Qualification, Next, Update, Previous and Skip (to Presentation or Proposal); one earlier stage is no Jump', at(2), ['next', 'update', 'previous', 'skip']],
    ['at Presentation, Next, Update, Previous and Jump (Proposal does not Allow Skip)', at(3), ['next', 'update', 'previous', 'jump']],
    ['at Proposal, Next, Update, Previous and Jump', at(4), ['next', 'update', 'previous', 'jump']],
    ['at Sign Contract, the last stage, Update, Previous and Jump', at(5), ['update', 'previous', 'jump']],
  ])('%s', (_case, active, expected) => {
    expect(offeredActions(NEW, active, active === null ? 'notStarted' : 'inProgress')).toEqual(expected);
  });

  test.each<[OpportunityStatus]>([['won'], ['lost']])('a %s opportunity is offered nothing', (status) => {
    expect(offeredActions(NEW, at(3), status)).toEqual([]);
  });

  test('a cycle without stages offers nothing, not even First', () => {
    expect(offeredActions([], null, 'notStarted')).toEqual([]);
  });

  test('the stages may come in any order', () => {
    expect(offeredActions([...NEW].reverse(), at(2), 'inProgress')).toEqual(['next', 'update', 'previous', 'skip']);
  });
});

describe('offering thresholds', () => {
  test.each<[string, SalesCycleStage[], OpportunityEntry | null, boolean]>([
    ['Skip is not offered with one landing point (the next stage Allows Skip but is the last)', cycleSkipping(2, [2]), at(1), false],
    ['Skip is offered with two landing points', cycleSkipping(3, [2]), at(1), true],
    ['Skip is not offered when the next stage does not Allow Skip, whatever follows', cycleSkipping(4, [3, 4]), at(1), false],
    ['Skip is offered without entries when the first stage Allows Skip, as in Business Central', cycleSkipping(3, [1]), null, true],
  ])('%s', (_case, stages, active, offered) => {
    expect(offeredActions(stages, active, active === null ? 'notStarted' : 'inProgress').includes('skip')).toBe(offered);
  });

  test.each<[number, boolean]>([
    [2, false],
    [3, true],
  ])('Jump from stage %d is offered: %s (it needs more than one earlier stage)', (current, offered) => {
    expect(offeredActions(cycleSkipping(5, []), at(current), 'inProgress').includes('jump')).toBe(offered);
  });

  test('First is not offered once the opportunity has an entry, even at the first stage', () => {
    expect(offeredActions(NEW, at(1), 'inProgress')).not.toContain('first');
  });

  test('Next is not offered at the last stage, nor Previous at the first', () => {
    expect(offeredActions(NEW, at(5), 'inProgress')).not.toContain('next');
    expect(offeredActions(NEW, at(1), 'inProgress')).not.toContain('previous');
  });
});

describe('the stages an action reaches and the Action Taken it records', () => {
  test("the Skip example: from Qualification, Presentation recorded Next and Proposal recorded Jumped, both Quote Required", () => {
    const targets = targetStages('skip', NEW, at(2));
    expect(targets).toEqual([
      { stage: 3, actionTaken: 'next' },
      { stage: 4, actionTaken: 'jumped' },
    ]);
    expect(targets.map((target) => NEW.find((candidate) => candidate.stage === target.stage)?.quoteRequired)).toEqual([true, true]);
  });

  test.each<[string, UpdateAction, SalesCycleStage[], OpportunityEntry | null, { stage: number; actionTaken: string }[]]>([
    ['First lands on the first stage and records a blank Action Taken', 'first', NEW, null, [{ stage: 1, actionTaken: '' }]],
    ['First reaches nothing once there is an entry', 'first', NEW, at(1), []],
    ['Next goes to the stage after the current one', 'next', NEW, at(2), [{ stage: 3, actionTaken: 'next' }]],
    ['Previous goes to the stage before the current one', 'previous', NEW, at(2), [{ stage: 1, actionTaken: 'previous' }]],
    ['Update stays on the current stage and records Updated', 'update', NEW, at(3), [{ stage: 3, actionTaken: 'updated' }]],
    [
      'Jump reaches every earlier stage: the immediate previous one recorded Previous, the others Jumped',
      'jump',
      NEW,
      at(5),
      [
        { stage: 1, actionTaken: 'jumped' },
        { stage: 2, actionTaken: 'jumped' },
        { stage: 3, actionTaken: 'jumped' },
        { stage: 4, actionTaken: 'previous' },
      ],
    ],
    [
      'Skip collects stages while they Allow Skip and stops at the first that does not, included',
      'skip',
      cycleSkipping(6, [2, 3, 5]),
      at(1),
      [
        { stage: 2, actionTaken: 'next' },
        { stage: 3, actionTaken: 'jumped' },
        { stage: 4, actionTaken: 'jumped' },
      ],
    ],
    [
      'Skip may run to the end of the cycle when every later stage Allows Skip',
      'skip',
      cycleSkipping(3, [2, 3]),
      at(1),
      [
        { stage: 2, actionTaken: 'next' },
        { stage: 3, actionTaken: 'jumped' },
      ],
    ],
    ['Skip reaches nothing when the next stage does not Allow Skip', 'skip', cycleSkipping(4, [3]), at(1), []],
    [
      'without entries Skip starts at the first stage, and every landing is Jumped (there is no next stage yet)',
      'skip',
      cycleSkipping(3, [1]),
      null,
      [
        { stage: 1, actionTaken: 'jumped' },
        { stage: 2, actionTaken: 'jumped' },
      ],
    ],
    [
      '"immediate" follows the stage numbers that exist (10, 20, 30)',
      'skip',
      [stage({ stage: 10 }), stage({ stage: 20, allowSkip: true }), stage({ stage: 30 })],
      at(10),
      [
        { stage: 20, actionTaken: 'next' },
        { stage: 30, actionTaken: 'jumped' },
      ],
    ],
  ])('%s', (_case, action, stages, active, expected) => {
    expect(targetStages(action, stages, active)).toEqual(expected);
  });

  test.each<[UpdateAction]>([['next'], ['previous'], ['update'], ['jump']])('%s reaches nothing without entries', (action) => {
    expect(targetStages(action, NEW, null)).toEqual([]);
  });
});
