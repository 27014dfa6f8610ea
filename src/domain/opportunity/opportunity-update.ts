import { calcDate } from '../date-formula';
import { RapportError } from '../errors';
import type { ActionTaken, Opportunity, OpportunityEntry } from './opportunity';
import type { ProbabilityCalculation, SalesCycle, SalesCycleStage } from './sales-cycle';
import { offeredActions, targetStages, type UpdateAction } from './sales-cycle-moves';

/** What the Update wizard (§8.4) finishes with. */
export type UpdateInput = {
  action: UpdateAction;
  /**
   * The stage to land on. Needed only to choose among Skip's or Jump's stages; when omitted the
   * wizard's pre-selection is taken (Skip: the next stage; Jump: the immediate previous one).
   */
  toStage?: number;
  dateOfChange: string;
  estimatedValueLcy: number;
  /** The wizard pre-fills the target stage's value; 0 also means "the stage's value" (§8.5). */
  chancesOfSuccessPct: number;
  /** null, or the Date of Change itself, means "Date of Change + the stage's Date Formula" (§8.5). */
  estimatedCloseDate: string | null;
  /** Whether a sales quote is linked to the opportunity. */
  hasSalesQuote: boolean;
  cancelOldTasks: boolean;
};

/** A new entry and what it changes. The caller stores all of it, and runs the tasks, in one transaction. */
export type OpportunityChange = {
  opportunity: Opportunity;
  /** The entry that was active, now inactive with its Days Open; null for the first entry. */
  previous: OpportunityEntry | null;
  /** The new active entry. */
  entry: OpportunityEntry;
  /** Cancel the opportunity's open tasks ("Cancel Old Tasks"). */
  cancelOpenTasks: boolean;
};

export type UpdateResult = OpportunityChange & {
  /**
   * Create the tasks of the new stage's Activity Code, dated from the Date of Change: true for
   * every move but Update, when the stage has an activity (§8.4).
   */
  createStageActivityTasks: boolean;
};

export type CloseInput = {
  actionTaken: 'won' | 'lost';
  closeOpportunityCode: string;
  /** The Type of the Close Opportunity Code: it must be the same as the Action Taken. */
  closeCodeType: 'won' | 'lost';
  dateOfChange: string;
  /** "Sales (LCY)" as typed; a linked quote's total takes its place on Won. */
  calcdCurrentValueLcy: number;
  /** The linked sales quote's total excluding VAT in LCY; null when no quote is linked. */
  salesQuoteTotalLcy: number | null;
  cancelOldTasks: boolean;
};

export type PipelineTotals = { noOfOpportunities: number; estimatedValueLcy: number; calcdCurrentValueLcy: number };

const ACTION_CAPTIONS: Readonly<Record<UpdateAction, string>> = {
  first: 'First',
  next: 'Next',
  previous: 'Previous',
  skip: 'Skip',
  jump: 'Jump',
  update: 'Update',
};

const DAY_MS = 86_400_000;

/** A real calendar date written `YYYY-MM-DD`. */
function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Calendar days from `from` to `to` (both valid `YYYY-MM-DD`), as Business Central subtracts dates. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const invalidValue = (path: string, message: string) =>
  new RapportError('opportunity_invalid_values', message, { fields: [{ path, message }] });

const isClosed = (opportunity: Opportunity): boolean => opportunity.closed || opportunity.status === 'won' || opportunity.status === 'lost';

function checkNotClosed(opportunity: Opportunity): void {
  if (isClosed(opportunity)) {
    throw new RapportError('opportunity_closed', `Opportunity ${opportunity.no} is closed.`, {
      details: { opportunityNo: opportunity.no, status: opportunity.status },
    });
  }
}

/**
 * Date of Change: required, a calendar date, and not before the active entry's — Business
 * Central's "has to be after" is not strict: the same day is accepted.
 */
function checkDateOfChange(dateOfChange: string, active: OpportunityEntry | null): void {
  if (dateOfChange === '') throw invalidValue('dateOfChange', 'You must fill in the Date of Change field.');
  if (!isIsoDate(dateOfChange)) throw invalidValue('dateOfChange', `The Date of Change ${dateOfChange} is not a date (YYYY-MM-DD).`);
  if (active !== null && dateOfChange < active.dateOfChange) {
    throw new RapportError('opportunity_invalid_values', 'The Date of Change has to be after last Date of change.', {
      fields: [{ path: 'dateOfChange', message: `Must not be before ${active.dateOfChange}.` }],
      details: { lastDateOfChange: active.dateOfChange },
    });
  }
}

/** Probability % by the sales cycle's Probability Calculation (§8.5, step 3). */
export function probabilityPct(method: ProbabilityCalculation, chancesOfSuccessPct: number, completedPct: number): number {
  switch (method) {
    case 'multiply':
      return (chancesOfSuccessPct * completedPct) / 100;
    case 'add':
      return (chancesOfSuccessPct + completedPct) / 2;
    case 'chancesOfSuccessPct':
      return chancesOfSuccessPct;
    case 'completedPct':
      return completedPct;
  }
}

/** The active entry, now inactive, with Days Open up to the new entry's Date of Change (§8.3). */
const deactivate = (active: OpportunityEntry | null, dateOfChange: string): OpportunityEntry | null =>
  active === null ? null : { ...active, active: false, daysOpen: daysBetween(active.dateOfChange, dateOfChange) };

/**
 * Finishes the Update wizard (§8.4, §8.5): checks the move, computes the new active entry and
 * deactivates the previous one. `stages` are the stages of `cycle`, the opportunity's sales cycle;
 * `active` is the opportunity's active entry (null before its first stage); `nextEntryNo` is the
 * Entry No. to give the new entry.
 *
 * Refuses, in Business Central's order:
 * - `opportunity_closed` for a Won or Lost opportunity;
 * - `opportunity_action_not_allowed` for a Blocked cycle, a cycle without stages, an action the
 *   wizard does not offer now (`offeredActions`) or a `toStage` the action cannot reach;
 * - `opportunity_invalid_values` for a missing Date of Change or one before the active entry's;
 * - `opportunity_quote_required` for Next or Skip onto a Quote Required stage without a linked
 *   quote (First, Previous, Jump and Update are not checked, as in Business Central: a quote can
 *   only be made for an opportunity in progress, and going back needs none);
 * - `opportunity_invalid_values` for Estimated Value ≤ 0, a Chances of Success % that is ≤ 0 or
 *   over 100 once the stage's value has stood in for it, or an Estimated Close Date before the
 *   Date of Change.
 *
 * Values (§8.5): Chances of Success % is the typed one, but the stage's when typed 0 or when
 * the action is Skip or Jump (the wizard re-fills it on choosing their stage), unless the stage's
 * is 0; Completed % is the stage's; Probability % by the cycle's method; Calcd. Current Value
 * (LCY) = Estimated Value × Probability % / 100, unrounded like Business Central's decimals; a
 * blank Estimated Close Date, or one equal to the Date of Change, becomes Date of Change + the
 * stage's Date Formula.
 */
export function applyUpdate(
  opportunity: Opportunity,
  cycle: SalesCycle,
  stages: readonly SalesCycleStage[],
  active: OpportunityEntry | null,
  input: UpdateInput,
  nextEntryNo: number,
): UpdateResult {
  checkNotClosed(opportunity);
  if (cycle.blocked) {
    throw new RapportError('opportunity_action_not_allowed', `Sales cycle ${cycle.code} is blocked.`, { details: { salesCycleCode: cycle.code } });
  }
  if (stages.length === 0) {
    throw new RapportError('opportunity_action_not_allowed', `There are no stages in sales cycle ${cycle.code}.`, { details: { salesCycleCode: cycle.code } });
  }
  const offered = offeredActions(stages, active, opportunity.status);
  if (!offered.includes(input.action)) {
    throw new RapportError('opportunity_action_not_allowed', `${ACTION_CAPTIONS[input.action]} is not possible for opportunity ${opportunity.no} now.`, {
      fields: [{ path: 'action', message: `Offered: ${offered.map((action) => ACTION_CAPTIONS[action]).join(', ') || 'none'}.` }],
      details: { offeredActions: offered },
    });
  }
  const targets = targetStages(input.action, stages, active);
  const target =
    input.toStage === undefined ? (input.action === 'jump' ? targets.at(-1) : targets[0]) : targets.find((candidate) => candidate.stage === input.toStage);
  const stage = stages.find((candidate) => candidate.stage === target?.stage);
  if (target === undefined || stage === undefined) {
    throw new RapportError('opportunity_action_not_allowed', `${ACTION_CAPTIONS[input.action]} cannot go to stage ${String(input.toStage)} of sales cycle ${cycle.code}.`, {
      fields: [{ path: 'toStage', message: `Reachable stages: ${targets.map((candidate) => candidate.stage).join(', ')}.` }],
      details: { reachableStages: targets.map((candidate) => candidate.stage) },
    });
  }

  checkDateOfChange(input.dateOfChange, active);
  if ((input.action === 'next' || input.action === 'skip') && stage.quoteRequired && !input.hasSalesQuote) {
    throw new RapportError('opportunity_quote_required', 'You cannot go to this stage before you have assigned a sales quote.', {
      details: { salesCycleStage: stage.stage },
    });
  }
  if (!Number.isFinite(input.estimatedValueLcy) || input.estimatedValueLcy <= 0) {
    throw invalidValue('estimatedValueLcy', 'Estimated Value (LCY) must be greater than 0.');
  }
  const useStageChances = (input.chancesOfSuccessPct === 0 || input.action === 'skip' || input.action === 'jump') && stage.chancesOfSuccessPct !== 0;
  const chancesOfSuccessPct = useStageChances ? stage.chancesOfSuccessPct : input.chancesOfSuccessPct;
  if (!Number.isFinite(chancesOfSuccessPct) || chancesOfSuccessPct <= 0) {
    throw invalidValue('chancesOfSuccessPct', 'Chances of Success % must be greater than 0.');
  }
  if (chancesOfSuccessPct > 100) throw invalidValue('chancesOfSuccessPct', 'Chances of Success % must not be greater than 100.');
  if (input.estimatedCloseDate !== null) {
    if (!isIsoDate(input.estimatedCloseDate)) {
      throw invalidValue('estimatedCloseDate', `The Estimated Close Date ${input.estimatedCloseDate} is not a date (YYYY-MM-DD).`);
    }
    if (input.estimatedCloseDate < input.dateOfChange) throw invalidValue('estimatedCloseDate', 'The Estimated closing date has to be later than this change.');
  }

  const completedPct = stage.completedPct;
  const probability = probabilityPct(cycle.probabilityCalculation, chancesOfSuccessPct, completedPct);
  const estimatedCloseDate =
    input.estimatedCloseDate === null || input.estimatedCloseDate === input.dateOfChange ? calcDate(stage.dateFormula, input.dateOfChange) : input.estimatedCloseDate;
  const entry: OpportunityEntry = {
    entryNo: nextEntryNo,
    opportunityNo: opportunity.no,
    salesCycleCode: cycle.code,
    salesCycleStage: stage.stage,
    previousSalesCycleStage: active?.salesCycleStage ?? 0,
    dateOfChange: input.dateOfChange,
    active: true,
    dateClosed: null,
    daysOpen: 0,
    actionTaken: target.actionTaken,
    estimatedValueLcy: input.estimatedValueLcy,
    calcdCurrentValueLcy: (input.estimatedValueLcy * probability) / 100,
    completedPct,
    chancesOfSuccessPct,
    probabilityPct: probability,
    estimatedCloseDate,
    closeOpportunityCode: '',
  };
  return {
    opportunity: { ...opportunity, status: 'inProgress' },
    previous: deactivate(active, input.dateOfChange),
    entry,
    createStageActivityTasks: input.action !== 'update' && stage.activityCode !== '',
    cancelOpenTasks: input.cancelOldTasks,
  };
}

/**
 * Closes an opportunity as Won or Lost (§8.6, "Close Opportunity"). `active` is its active entry
 * (null if it never reached a stage: Business Central lets such an opportunity be closed too).
 *
 * Refuses with `opportunity_closed` when already closed, and with `opportunity_invalid_values`
 * for a missing Close Opportunity Code, a code of the other Type, a missing Date of Change, one
 * before the active entry's (Business Central does not check this on closing and would store a
 * negative Days Open; Rapport refuses it as the Update wizard does), or a Won sale of 0 or less
 * ("Sales (LCY) must be greater than 0", checked on the quote's total when a quote is linked).
 *
 * The Won/Lost entry keeps the active entry's Estimated Value and records the stage it was
 * closed from as Previous Sales Cycle Stage; its own stage is 0, as in Business Central, so a
 * closed opportunity counts at no stage. Won: Calcd. Current Value (LCY) = the quote's total when
 * one is linked, else the typed value; Completed = Chances = Probability = 100. Lost: value 0,
 * Completed 100, Chances 0, Probability 0. Date Closed and Estimated Close Date are the Date of
 * Change. No stage tasks are created. Creating a customer for a Won opportunity's company is the
 * caller's business.
 */
export function closeOpportunity(opportunity: Opportunity, active: OpportunityEntry | null, input: CloseInput, nextEntryNo: number): OpportunityChange {
  checkNotClosed(opportunity);
  if (input.closeOpportunityCode === '') throw invalidValue('closeOpportunityCode', 'You must fill in the Close Opportunity Code field.');
  if (input.closeCodeType !== input.actionTaken) {
    const [code, type, action] = [input.closeOpportunityCode, input.closeCodeType === 'won' ? 'Won' : 'Lost', input.actionTaken === 'won' ? 'Won' : 'Lost'];
    throw invalidValue('closeOpportunityCode', `Close Opportunity Code ${code} is of type ${type}; the opportunity is being closed as ${action}.`);
  }
  checkDateOfChange(input.dateOfChange, active);
  const won = input.actionTaken === 'won';
  const calcdCurrentValueLcy = won ? (input.salesQuoteTotalLcy ?? input.calcdCurrentValueLcy) : 0;
  if (won && !(calcdCurrentValueLcy > 0)) throw invalidValue('calcdCurrentValueLcy', 'Sales (LCY) must be greater than 0.');

  const actionTaken: ActionTaken = input.actionTaken;
  const entry: OpportunityEntry = {
    entryNo: nextEntryNo,
    opportunityNo: opportunity.no,
    salesCycleCode: opportunity.salesCycleCode,
    salesCycleStage: 0,
    previousSalesCycleStage: active?.salesCycleStage ?? 0,
    dateOfChange: input.dateOfChange,
    active: true,
    dateClosed: input.dateOfChange,
    daysOpen: 0,
    actionTaken,
    estimatedValueLcy: active?.estimatedValueLcy ?? 0,
    calcdCurrentValueLcy,
    completedPct: 100,
    chancesOfSuccessPct: won ? 100 : 0,
    probabilityPct: won ? 100 : 0,
    estimatedCloseDate: input.dateOfChange,
    closeOpportunityCode: input.closeOpportunityCode,
  };
  return {
    opportunity: { ...opportunity, status: input.actionTaken, closed: true, dateClosed: input.dateOfChange },
    previous: deactivate(active, input.dateOfChange),
    entry,
    cancelOpenTasks: input.cancelOldTasks,
  };
}

/**
 * Pipeline totals for any set of opportunities' entries — a contact's, a salesperson's, a
 * campaign's, a cycle's (§8.5): the sums over the active entries only, since each opportunity has
 * exactly one and older ones are history. Won and Lost entries count, as in Business Central's
 * FlowFields; callers wanting the open pipeline pass the open opportunities' entries. Sums are
 * rounded to 0.01 so binary floating point does not show.
 */
export function pipelineTotals(entries: readonly Pick<OpportunityEntry, 'active' | 'estimatedValueLcy' | 'calcdCurrentValueLcy'>[]): PipelineTotals {
  const activeEntries = entries.filter((entry) => entry.active);
  const sum = (value: (entry: (typeof activeEntries)[number]) => number) => Math.round(activeEntries.reduce((total, entry) => total + value(entry), 0) * 100) / 100;
  return {
    noOfOpportunities: activeEntries.length,
    estimatedValueLcy: sum((entry) => entry.estimatedValueLcy),
    calcdCurrentValueLcy: sum((entry) => entry.calcdCurrentValueLcy),
  };
}
