/** Sales Cycle and Sales Cycle Stage (§8.2). Percentages are 0..100. */
export type ProbabilityCalculation = 'multiply' | 'add' | 'chancesOfSuccessPct' | 'completedPct';

export type SalesCycle = {
  code: string;
  description: string;
  probabilityCalculation: ProbabilityCalculation;
  blocked: boolean;
};

export type SalesCycleStage = {
  salesCycleCode: string;
  stage: number;
  description: string;
  completedPct: number;
  chancesOfSuccessPct: number;
  activityCode: string;
  quoteRequired: boolean;
  allowSkip: boolean;
  /** A Business Central date formula (§9.4): expected time to close from this stage. */
  dateFormula: string;
};
