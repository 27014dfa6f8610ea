import { z } from 'zod';
import { code } from '../../../contract/common';
import {
  campaignPerformanceSchema,
  opportunityExportQuerySchema,
  opportunityListQuerySchema,
  opportunityPageSchema,
  pipelineBoardQuerySchema,
  pipelineBoardSchema,
  pipelineForecastQuerySchema,
  pipelineForecastSchema,
  pipelineOutcomesQuerySchema,
  pipelineOutcomesSchema,
} from '../../../contract/pipeline';
import { csvStream } from '../../http/csv';
import { defineRoute } from '../../http/route';
import { campaignPerformanceOf, listOpportunities, opportunitiesAsCsv, pipelineBoard, pipelineForecast, pipelineOutcomes } from './pipeline-service';

const tags = ['Pipeline'];
const scopeNote = "A salesperson sees their own opportunities; another salesperson's need the Rapport.Manager role (403).";

/** The pipeline read as a whole: lists, board, outcomes and forecast, each over the opportunities the user may see. */
export const pipelineRoutes = [
  defineRoute({
    method: 'GET',
    url: '/opportunities',
    operationId: 'listOpportunities',
    summary: `Opportunities by number, keyset paged, filtered by salesperson, team, sales cycle, campaign, contact, status and estimated close dates. ${scopeNote}`,
    tags,
    access: 'user',
    query: opportunityListQuerySchema,
    reply: opportunityPageSchema,
    errors: [403],
    handle: ({ query, ctx }) => listOpportunities(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/opportunities/export',
    operationId: 'exportOpportunities',
    summary: `The opportunities of a filter (the filters of GET /opportunities) as a CSV file with their current stage and values: header row, UTF-8 with a byte order mark, streamed. ${scopeNote}`,
    tags,
    access: 'user',
    query: opportunityExportQuerySchema,
    reply: csvStream,
    produces: { contentType: 'text/csv; charset=utf-8', fileName: 'opportunities.csv' },
    errors: [403],
    handle: async ({ query, ctx }) => opportunitiesAsCsv(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/pipeline/board',
    operationId: 'getPipelineBoard',
    summary: `The open opportunities of a sales cycle by stage, with the count, estimated and calculated values and average probability of each. ${scopeNote}`,
    tags,
    access: 'user',
    query: pipelineBoardQuerySchema,
    reply: pipelineBoardSchema,
    errors: [403, 404, 422],
    handle: ({ query, ctx }) => pipelineBoard(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/pipeline/outcomes',
    operationId: 'getPipelineOutcomes',
    summary: `Won and lost opportunities by month closed and close code, with their values. ${scopeNote}`,
    tags,
    access: 'user',
    query: pipelineOutcomesQuerySchema,
    reply: pipelineOutcomesSchema,
    errors: [403],
    handle: ({ query, ctx }) => pipelineOutcomes(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/pipeline/forecast',
    operationId: 'getPipelineForecast',
    summary: `Open opportunities by the month of their Estimated Close Date, with their values. ${scopeNote}`,
    tags,
    access: 'user',
    query: pipelineForecastQuerySchema,
    reply: pipelineForecastSchema,
    errors: [403],
    handle: ({ query, ctx }) => pipelineForecast(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no/performance',
    operationId: 'getCampaignPerformance',
    summary: "A campaign's funnel (targets, contacted, responded, opportunities, won: distinct contacts) and its contacted and responded interactions week by week.",
    tags,
    access: 'user',
    params: z.strictObject({ no: code(20) }),
    reply: campaignPerformanceSchema,
    errors: [404],
    handle: ({ params, ctx }) => campaignPerformanceOf(ctx, params.no),
  }),
];
