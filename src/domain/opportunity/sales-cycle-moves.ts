import type { ActionTaken, OpportunityEntry, OpportunityStatus } from './opportunity';
import type { SalesCycleStage } from './sales-cycle';

/**
 * The choices of Business Central's "Update Opportunity" wizard (§8.4), its Action Type: where the
 * opportunity goes from its active entry's stage.
 */
export type UpdateAction = 'first' | 'next' | 'previous' | 'skip' | 'jump' | 'update';

/** A stage an action can land on, and the Action Taken its entry will record. */
export type TargetStage = { stage: number; actionTaken: ActionTaken };

/** Business Central's default proposal order: the wizard pre-selects the first offered one. */
const PROPOSAL_ORDER: readonly UpdateAction[] = ['first', 'next', 'update', 'previous', 'skip', 'jump'];

const inStageOrder = (stages: readonly SalesCycleStage[]): SalesCycleStage[] => [...stages].sort((a, b) => a.stage - b.stage);

/**
 * Skip's landing points (§8.4): from the stage after the current one (the first stage when the
 * opportunity has no entry yet, as Business Central does), consecutive stages while they Allow
 * Skip, plus the first one that does not, which is as far as a skip may go. Nothing when the
 * next stage itself does not Allow Skip.
 */
function skipStages(ordered: readonly SalesCycleStage[], active: OpportunityEntry | null): SalesCycleStage[] {
  const ahead = active === null ? ordered : ordered.filter((stage) => stage.stage > active.salesCycleStage);
  const landings: SalesCycleStage[] = [];
  if (!ahead[0]?.allowSkip) return landings;
  for (const stage of ahead) {
    landings.push(stage);
    if (!stage.allowSkip) break;
  }
  return landings;
}

/**
 * The stages `action` can reach from the active entry, in stage order, each with the Action
 * Taken its entry records (§8.4):
 * - First: the first stage, recorded blank — only while the opportunity has no entry;
 * - Next / Previous: the stage immediately after / before the current one;
 * - Update: the current stage, recorded Updated;
 * - Skip: see `skipStages`; landing on the immediate next stage is recorded Next, any other
 *   Jumped (without an entry there is no "next" stage, so every landing is Jumped);
 * - Jump: every earlier stage; the immediate previous one is recorded Previous, others Jumped.
 * "Immediate" follows the stage numbers that exist, so a cycle numbered 10, 20, 30 works.
 * The result does not apply the offering thresholds: see `offeredActions`.
 */
export function targetStages(action: UpdateAction, stages: readonly SalesCycleStage[], active: OpportunityEntry | null): TargetStage[] {
  const ordered = inStageOrder(stages);
  if (active === null) {
    if (action === 'first') return ordered.slice(0, 1).map((stage) => ({ stage: stage.stage, actionTaken: '' }));
    if (action === 'skip') return skipStages(ordered, active).map((stage) => ({ stage: stage.stage, actionTaken: 'jumped' }));
    return [];
  }
  const current = active.salesCycleStage;
  const earlier = ordered.filter((stage) => stage.stage < current);
  const next = ordered.find((stage) => stage.stage > current);
  const previous = earlier.at(-1);
  switch (action) {
    case 'first':
      return [];
    case 'next':
      return next ? [{ stage: next.stage, actionTaken: 'next' }] : [];
    case 'previous':
      return previous ? [{ stage: previous.stage, actionTaken: 'previous' }] : [];
    case 'update':
      return ordered.filter((stage) => stage.stage === current).map((stage) => ({ stage: stage.stage, actionTaken: 'updated' }));
    case 'skip':
      return skipStages(ordered, active).map((stage) => ({ stage: stage.stage, actionTaken: stage === next ? 'next' : 'jumped' }));
    case 'jump':
      return earlier.map((stage) => ({ stage: stage.stage, actionTaken: stage === previous ? 'previous' : 'jumped' }));
  }
}

/**
 * The actions the Update wizard offers (§8.4), in Business Central's proposal order (First, Next,
 * Update, Previous, Skip, Jump): each one that reaches a stage, except that Skip needs more than
 * one landing point and Jump more than one earlier stage — with a single one they would only
 * repeat Next or Previous. A closed (Won or Lost) opportunity is offered nothing.
 */
export function offeredActions(stages: readonly SalesCycleStage[], active: OpportunityEntry | null, status: OpportunityStatus): UpdateAction[] {
  if (status === 'won' || status === 'lost') return [];
  return PROPOSAL_ORDER.filter((action) => targetStages(action, stages, active).length > (action === 'skip' || action === 'jump' ? 1 : 0));
}
