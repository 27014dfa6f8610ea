import type { z } from 'zod';
import type { campaignPerformanceSchema } from '../../../contract/pipeline';

type Funnel = z.output<typeof campaignPerformanceSchema>['funnel'];

export type FunnelStep = keyof Funnel;

/** The funnel's steps in order: targeted, contacted, responded, opportunities, won. */
export const FUNNEL_STEPS: readonly FunnelStep[] = ['targets', 'contacted', 'responded', 'opportunities', 'won'];

export type FunnelRow = {
  step: FunnelStep;
  count: number;
  /** The step's count as a percentage of the targets, or null when the campaign has none. */
  ofTargets: number | null;
  /** The bar's length: the count as a percentage of the largest step (0–100). */
  barPct: number;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The funnel's rows as the card draws them. Bars are measured against the largest step rather
 * than the targets: opportunities are counted as such, not as contacts, and may outnumber them.
 */
export function funnelRows(funnel: Funnel): FunnelRow[] {
  const largest = Math.max(0, ...FUNNEL_STEPS.map((step) => funnel[step]));
  return FUNNEL_STEPS.map((step) => ({
    step,
    count: funnel[step],
    ofTargets: funnel.targets === 0 ? null : round1((funnel[step] / funnel.targets) * 100),
    barPct: largest === 0 ? 0 : round1((funnel[step] / largest) * 100),
  }));
}
