import type { z } from 'zod';
import type {
  opportunityExportQuerySchema,
  opportunityListQuerySchema,
  pipelineBoardQuerySchema,
  pipelineForecastQuerySchema,
  pipelineOutcomesQuerySchema,
} from '../../../contract/pipeline';
import { calcDate } from '../../../domain/date-formula';
import { RapportError } from '../../../domain/errors';
import { csvLine, UTF8_BOM } from '../../http/csv';
import { pageOf } from '../../http/paging';
import type { RequestContext } from '../../http/route';
import { requireCampaign } from '../campaigns/campaign-repository';
import { getSalesCycle, opportunitiesByNos } from '../opportunities/opportunity-repository';
import { opportunityViews } from '../opportunities/opportunity-service';
import { readablePipelineOwner } from '../salespeople/pipeline-scope';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import {
  campaignPerformance,
  closedTotalsByMonth,
  openTotalsByCloseMonth,
  openTotalsByStage,
  opportunityNosPage,
  type OpportunityListFilter,
  type PipelineScope,
} from './pipeline-repository';

/**
 * The opportunities a read may cover: a manager's any (narrowed by the filters), a salesperson's
 * own. A salesperson naming another salesperson is refused rather than shown nothing, as for tasks.
 */
async function scopeFor(ctx: RequestContext, query: PipelineScope): Promise<PipelineScope> {
  const owner = await readablePipelineOwner(ctx);
  if (owner !== undefined && query.salespersonCode !== undefined && query.salespersonCode !== owner) {
    throw new RapportError('forbidden', "Another salesperson's opportunities need the Rapport.Manager role.", { details: { requiredRole: 'Rapport.Manager' } });
  }
  return { ...query, salespersonCode: query.salespersonCode ?? owner };
}

/** A page of opportunities in number order, with their current stage, values and allowed actions. */
export async function listOpportunities(ctx: RequestContext, query: z.output<typeof opportunityListQuerySchema>) {
  const tenantId = ctx.identity.tenantId;
  const filter: OpportunityListFilter = { ...query, ...(await scopeFor(ctx, query)), limit: query.limit + 1 };
  const nos = await opportunityNosPage(ctx.db, tenantId, filter);
  const page = pageOf(nos, query.limit, (no) => no);
  const views = await opportunityViews(ctx.db, tenantId, await opportunitiesByNos(ctx.db, tenantId, page.items));
  return { items: views, next: page.next };
}

const EXPORT_COLUMNS = [
  'no', 'description', 'contactNo', 'contactCompanyNo', 'salespersonCode', 'campaignNo', 'salesCycleCode', 'currentStage', 'currentStageDescription', 'status',
  'priority', 'creationDate', 'estimatedCloseDate', 'estimatedValueLcy', 'calcdCurrentValueLcy', 'probabilityPct', 'chancesOfSuccessPct', 'completedPct', 'dateClosed',
] as const;
/** Opportunities read per page of an export. */
const EXPORT_PAGE = 1000;

/** The opportunities of a filter as CSV (the list's columns), read page by page so a large pipeline streams in constant memory. */
export async function* opportunitiesAsCsv(ctx: RequestContext, query: z.output<typeof opportunityExportQuerySchema>): AsyncGenerator<string> {
  const tenantId = ctx.identity.tenantId;
  const scope = await scopeFor(ctx, query);
  yield UTF8_BOM + csvLine(EXPORT_COLUMNS);
  let after: string | undefined;
  for (;;) {
    const nos = await opportunityNosPage(ctx.db, tenantId, { ...query, ...scope, after, limit: EXPORT_PAGE });
    const views = await opportunityViews(ctx.db, tenantId, await opportunitiesByNos(ctx.db, tenantId, nos));
    if (views.length > 0) yield views.map((view) => csvLine(EXPORT_COLUMNS.map((column) => view[column]))).join('');
    if (nos.length < EXPORT_PAGE) return;
    after = nos.at(-1);
  }
}

/** The board of one sales cycle: every stage with the open opportunities on it, and the totals. */
export async function pipelineBoard(ctx: RequestContext, query: z.output<typeof pipelineBoardQuerySchema>) {
  const tenantId = ctx.identity.tenantId;
  const salesCycleCode = query.salesCycleCode ?? (await getMarketingSetup(ctx.db, tenantId)).defaultSalesCycleCode;
  if (salesCycleCode === '') {
    throw new RapportError('validation_failed', 'Name a sales cycle: Marketing Setup has no Default Sales Cycle Code.', { fields: [{ path: 'salesCycleCode', message: 'Required.' }] });
  }
  const cycle = await getSalesCycle(ctx.db, tenantId, salesCycleCode);
  if (!cycle) throw new RapportError('not_found', `There is no sales cycle ${salesCycleCode}.`);
  const byStage = new Map((await openTotalsByStage(ctx.db, tenantId, { ...(await scopeFor(ctx, query)), salesCycleCode })).map((row) => [row.stage, row]));
  const empty = { count: 0, estimatedValueLcy: 0, calcdCurrentValueLcy: 0, averageProbabilityPct: 0 };
  const stages = [
    { stage: 0, description: '' },
    ...cycle.stages.map((stage) => ({ stage: stage.stage, description: stage.description })),
    // An opportunity may stand on a stage since removed from the cycle: it is shown, not lost.
    ...[...byStage.keys()].filter((stage) => stage !== 0 && !cycle.stages.some((known) => known.stage === stage)).map((stage) => ({ stage, description: '' })),
  ].map((stage) => {
    const totals = byStage.get(stage.stage) ?? empty;
    return { ...stage, ...totals, averageProbabilityPct: roundTo(totals.averageProbabilityPct, 2) };
  });
  const sum = (pick: (row: (typeof stages)[number]) => number) => roundTo(stages.reduce((total, row) => total + pick(row), 0), 2);
  return {
    salesCycleCode,
    stages,
    total: { count: sum((row) => row.count), estimatedValueLcy: sum((row) => row.estimatedValueLcy), calcdCurrentValueLcy: sum((row) => row.calcdCurrentValueLcy) },
  };
}

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Won and lost opportunities by month closed and close code, over a range of twelve months unless told. */
export async function pipelineOutcomes(ctx: RequestContext, query: z.output<typeof pipelineOutcomesQuerySchema>) {
  const to = query.to ?? ctx.workDate;
  // The first day of the month eleven months before `to`: twelve whole months with `to`'s.
  const from = query.from ?? calcDate('-11M-CM', to);
  const months = await closedTotalsByMonth(ctx.db, ctx.identity.tenantId, await scopeFor(ctx, query), { from, to });
  return { from, to, months };
}

/** Open opportunities by the month they are expected to close. */
export async function pipelineForecast(ctx: RequestContext, query: z.output<typeof pipelineForecastQuerySchema>) {
  return { months: await openTotalsByCloseMonth(ctx.db, ctx.identity.tenantId, await scopeFor(ctx, query)) };
}

/** A campaign's funnel and its responses week by week. */
export async function campaignPerformanceOf(ctx: RequestContext, campaignNo: string) {
  await requireCampaign(ctx.db, ctx.identity.tenantId, campaignNo);
  return campaignPerformance(ctx.db, ctx.identity.tenantId, campaignNo);
}
