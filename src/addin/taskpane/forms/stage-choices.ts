import type { SyncOpportunity, SyncSalesCycle } from '../../../contract/sync';
import type { OpportunityEntry } from '../../../domain/opportunity/opportunity';
import type { SalesCycleStage } from '../../../domain/opportunity/sales-cycle';
import { targetStages, type UpdateAction } from '../../../domain/opportunity/sales-cycle-moves';

export type StageChoice = { stage: number; description: string };

/**
 * The stages a Skip or Jump can land on, by Business Central's wizard rules (`targetStages`), for
 * the opportunity as cached: its active entry is its current stage (0: none yet).
 */
export function stageChoices(action: UpdateAction, opportunity: SyncOpportunity, cycle: SyncSalesCycle | undefined): StageChoice[] {
  if (cycle === undefined) return [];
  const stages: SalesCycleStage[] = cycle.stages.map((stage) => ({ ...stage, salesCycleCode: cycle.code }));
  const active: OpportunityEntry | null =
    opportunity.currentStage === 0
      ? null
      : {
          entryNo: 0,
          opportunityNo: opportunity.no,
          salesCycleCode: cycle.code,
          salesCycleStage: opportunity.currentStage,
          previousSalesCycleStage: 0,
          dateOfChange: opportunity.creationDate,
          active: true,
          dateClosed: null,
          daysOpen: 0,
          actionTaken: '',
          estimatedValueLcy: opportunity.estimatedValueLcy,
          calcdCurrentValueLcy: opportunity.calcdCurrentValueLcy,
          completedPct: opportunity.completedPct,
          chancesOfSuccessPct: opportunity.chancesOfSuccessPct,
          probabilityPct: opportunity.probabilityPct,
          estimatedCloseDate: opportunity.estimatedCloseDate,
          closeOpportunityCode: '',
        };
  const described = new Map(cycle.stages.map((stage) => [stage.stage, stage.description]));
  return targetStages(action, stages, active).map((target) => ({ stage: target.stage, description: described.get(target.stage) ?? '' }));
}
