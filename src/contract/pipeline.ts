import { z } from 'zod';
import { code, isoDate } from './common';
import { opportunitySchema } from './opportunities';

/** The filters every pipeline read takes: whose opportunities, of which cycle, campaign or contact. */
const pipelineScope = {
  salespersonCode: code(20).optional().describe("Another salesperson's opportunities need the Rapport.Manager role; a salesperson without it sees their own."),
  teamCode: code(10).optional().describe("The team's salespeople's opportunities."),
  salesCycleCode: code(10).optional(),
  campaignNo: code(20).optional(),
  contactNo: code(20).optional().describe("A contact's opportunities; a company's include its persons'."),
};

const dateRange = (from: string, to: string) => (query: Record<string, unknown>) => !query[from] || !query[to] || String(query[from]) <= String(query[to]);

export const opportunityStatusFilter = z.enum(['open', 'won', 'lost', 'closed', 'all']);

export const opportunityListQuerySchema = z
  .strictObject({
    ...pipelineScope,
    status: opportunityStatusFilter.default('open').describe('open (default), won, lost, closed (won or lost) or all.'),
    estimatedCloseFrom: isoDate.optional().describe("The current stage's Estimated Close Date on or after this date."),
    estimatedCloseTo: isoDate.optional().describe('… on or before this date.'),
    after: code(20).optional().describe("The last number of the previous page (the page's `next`)."),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine(dateRange('estimatedCloseFrom', 'estimatedCloseTo'), { message: 'estimatedCloseFrom must not be after estimatedCloseTo.', path: ['estimatedCloseTo'] });
export type OpportunityListQuery = z.output<typeof opportunityListQuerySchema>;

export const opportunityExportQuerySchema = z
  .strictObject({
    ...pipelineScope,
    status: opportunityStatusFilter.default('open'),
    estimatedCloseFrom: isoDate.optional(),
    estimatedCloseTo: isoDate.optional(),
  })
  .refine(dateRange('estimatedCloseFrom', 'estimatedCloseTo'), { message: 'estimatedCloseFrom must not be after estimatedCloseTo.', path: ['estimatedCloseTo'] });

export const opportunityPageSchema = z
  .object({ items: z.array(opportunitySchema.omit({ entries: true })), next: z.string().nullable().describe('Pass as `after` for the next page; null on the last.') })
  .meta({ id: 'OpportunityPage' });

/** Sums of a group of opportunities, each from its current stage. */
const totals = {
  count: z.number().int(),
  estimatedValueLcy: z.number(),
  calcdCurrentValueLcy: z.number(),
};

export const pipelineBoardQuerySchema = z.strictObject({
  ...pipelineScope,
  salesCycleCode: code(10).optional().describe("Default: Marketing Setup's Default Sales Cycle Code."),
});

export const pipelineBoardSchema = z
  .object({
    salesCycleCode: z.string(),
    stages: z
      .array(
        z.object({
          stage: z.number().int().describe('0: not started yet (no stage entered).'),
          description: z.string(),
          ...totals,
          averageProbabilityPct: z.number().describe("The mean of the opportunities' Probability %, 0 when there are none."),
        }),
      )
      .describe("Every stage of the cycle in order, with the open opportunities standing on it, empty ones included."),
    total: z.object(totals),
  })
  .meta({ id: 'PipelineBoard' });

export const pipelineOutcomesQuerySchema = z
  .strictObject({
    ...pipelineScope,
    from: isoDate.optional().describe('Closed on or after this date; default: the first day of the month eleven months ago.'),
    to: isoDate.optional().describe('Closed on or before this date; default: today.'),
  })
  .refine(dateRange('from', 'to'), { message: 'from must not be after to.', path: ['to'] });

export const pipelineOutcomesSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z
      .array(z.object({ month: z.string().describe('YYYY-MM'), status: z.enum(['won', 'lost']), closeOpportunityCode: z.string(), ...totals }))
      .describe('Closed opportunities by month closed, outcome and close code, in month order.'),
  })
  .meta({ id: 'PipelineOutcomes' });

export const pipelineForecastQuerySchema = z.strictObject(pipelineScope);

export const pipelineForecastSchema = z
  .object({
    months: z
      .array(z.object({ month: z.string().nullable().describe('YYYY-MM of the Estimated Close Date; null for opportunities without one.'), ...totals }))
      .describe('Open opportunities by the month their current stage expects them to close, in month order, those without a date last.'),
  })
  .meta({ id: 'PipelineForecast' });

export const campaignPerformanceSchema = z
  .object({
    funnel: z
      .object({
        targets: z.number().int().describe("Contacts the campaign targets: Campaign Target lines of its segments and contacts of its Campaign Target interactions."),
        contacted: z.number().int().describe('Contacts with a Campaign Target interaction, neither canceled nor postponed.'),
        responded: z.number().int().describe('Contacts with a Campaign Response interaction, neither canceled nor postponed.'),
        opportunities: z.number().int().describe("The campaign's opportunities."),
        won: z.number().int().describe('Of those, won.'),
      })
      .describe('Distinct contacts at each step (opportunities counted as such).'),
    weeks: z
      .array(z.object({ weekStart: z.string().describe('The Monday of the ISO week.'), contacted: z.number().int(), responded: z.number().int() }))
      .describe("Interactions of the campaign by week (neither canceled nor postponed), counted as the campaign's statistics count them; weeks without any are left out."),
  })
  .meta({ id: 'CampaignPerformance' });
