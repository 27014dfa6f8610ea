import { z } from 'zod';
import { code, text } from '../../../contract/common';
import { contactNoParams } from '../../../contract/contacts';
import { entryNoParams } from '../../../contract/interactions';
import { closeOpportunityCodeBodySchema, closeOpportunityCodeSchema, salesCycleSchema, setupCodeParams } from '../../../contract/setup-tables';
import { opportunityCloseSchema, opportunityCreateSchema, salesCycleBodySchema, opportunitySchema, opportunityUpdateSchema, salesQuoteBodySchema } from '../../../contract/opportunities';
import { defineRoute } from '../../http/route';
import { closeOpportunityNo, createOpportunity, createOpportunityFromInteraction, deleteOpportunity, getOpportunityView, patchOpportunity, linkSalesQuote, opportunitiesOfContact, saveSalesCycle, updateOpportunity } from './opportunity-service';

const tags = ['Opportunities'];
type SalesCycleView = z.output<typeof salesCycleSchema>;
const opportunityParams = z.strictObject({ no: code(20).refine((value) => value !== '', 'Required.') });

export const opportunityRoutes = [
  defineRoute({
    method: 'POST',
    url: '/opportunities',
    operationId: 'createOpportunity',
    summary: 'Create an opportunity: number, default sales cycle, salesperson; optionally enter the first stage.',
    tags,
    access: 'user',
    body: opportunityCreateSchema,
    reply: opportunitySchema,
    status: 201,
    errors: [409, 422],
    handle: ({ body, ctx }) => createOpportunity(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/interactions/:entryNo/opportunity',
    operationId: 'createOpportunityFromInteraction',
    summary: 'Create an opportunity from an interaction (not canceled, none yet): its description, contact, salesperson and campaign.',
    tags,
    access: 'user',
    params: entryNoParams,
    reply: opportunitySchema,
    status: 201,
    errors: [404, 409],
    handle: ({ params, ctx }) => createOpportunityFromInteraction(ctx, params.entryNo),
  }),
  defineRoute({
    method: 'GET',
    url: '/opportunities/:no',
    operationId: 'getOpportunity',
    summary: 'An opportunity with its entries (stage history) and the actions allowed now.',
    tags,
    access: 'user',
    params: opportunityParams,
    reply: opportunitySchema,
    errors: [403, 404],
    handle: ({ params, ctx }) => getOpportunityView(ctx, params.no),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/opportunities/:no',
    operationId: 'patchOpportunity',
    summary: 'Change description, priority, salesperson or contact (within the same company once started); open tasks follow.',
    tags,
    access: 'user',
    params: opportunityParams,
    body: z
      .strictObject({ description: text(100), priority: z.enum(['low', 'normal', 'high']), salespersonCode: code(20), contactNo: code(20) })
      .partial()
      .refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change.'),
    reply: opportunitySchema,
    errors: [404, 409],
    handle: ({ params, body, ctx }) => patchOpportunity(ctx, params.no, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/opportunities/:no',
    operationId: 'deleteOpportunity',
    summary: 'Delete an opportunity that is not in progress.',
    tags,
    access: 'user',
    params: opportunityParams,
    reply: z.undefined(),
    status: 204,
    errors: [404, 409],
    async handle({ params, ctx }) {
      await deleteOpportunity(ctx, params.no);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/opportunities/:no/update',
    operationId: 'updateOpportunity',
    summary: "Move through the sales cycle (First, Next, Previous, Skip, Jump) or update the estimates, with Business Central's rules and values.",
    tags,
    access: 'user',
    params: opportunityParams,
    body: opportunityUpdateSchema,
    reply: opportunitySchema,
    errors: [404, 409, 422],
    handle: ({ params, body, ctx }) => updateOpportunity(ctx, params.no, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/opportunities/:no/close',
    operationId: 'closeOpportunity',
    summary: 'Close an opportunity won or lost with a close code; a won one makes the company a customer.',
    tags,
    access: 'user',
    params: opportunityParams,
    body: opportunityCloseSchema,
    reply: opportunitySchema,
    errors: [404, 409, 422],
    handle: ({ params, body, ctx }) => closeOpportunityNo(ctx, params.no, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/opportunities/:no/sales-quote',
    operationId: 'linkSalesQuote',
    summary: 'Assign a sales quote (number and amount) to the opportunity.',
    tags,
    access: 'user',
    params: opportunityParams,
    body: salesQuoteBodySchema,
    reply: opportunitySchema,
    errors: [404, 409],
    handle: ({ params, body, ctx }) => linkSalesQuote(ctx, params.no, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/opportunities',
    operationId: 'listContactOpportunities',
    summary: "A contact's opportunities (a company's include its persons') with stage, values, probability and allowed actions.",
    tags,
    access: 'user',
    params: contactNoParams,
    reply: z.object({ items: z.array(opportunitySchema) }),
    errors: [404],
    handle: async ({ params, ctx }) => ({ items: await opportunitiesOfContact(ctx, params.no) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/sales-cycles',
    operationId: 'listSalesCycles',
    summary: 'Sales cycles with their stages.',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(salesCycleSchema) }),
    async handle({ ctx }) {
      const tenantId = ctx.identity.tenantId;
      const cycles = await ctx.db.query<{ code: string; description: string; probability_calculation: SalesCycleView['probabilityCalculation']; blocked: boolean }>(
        'SELECT code, description, probability_calculation, blocked FROM sales_cycle WHERE tenant_id = $1 ORDER BY code',
        [tenantId],
      );
      const stages = await ctx.db.query<SalesCycleView['stages'][number] & { salesCycleCode: string }>(
        `SELECT sales_cycle_code AS "salesCycleCode", stage, description, completed_pct AS "completedPct", chances_of_success_pct AS "chancesOfSuccessPct",
           activity_code AS "activityCode", quote_required AS "quoteRequired", allow_skip AS "allowSkip", date_formula AS "dateFormula"
         FROM sales_cycle_stage WHERE tenant_id = $1 ORDER BY sales_cycle_code, stage`,
        [tenantId],
      );
      return {
        items: cycles.map((cycle) => ({
          code: cycle.code,
          description: cycle.description,
          probabilityCalculation: cycle.probability_calculation,
          blocked: cycle.blocked,
          stages: stages.filter((stage) => stage.salesCycleCode === cycle.code),
        })),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/sales-cycles/:code',
    operationId: 'putSalesCycle',
    summary: 'Create or replace a sales cycle and its stages; a stage with active opportunities cannot be removed.',
    tags: ['Setup'],
    access: 'admin',
    params: setupCodeParams,
    body: salesCycleBodySchema,
    reply: salesCycleBodySchema.extend({ code: z.string() }),
    errors: [409],
    handle: async ({ params, body, ctx }) => ({ code: params.code, ...(await saveSalesCycle(ctx, params.code, body)) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/close-opportunity-codes',
    operationId: 'listCloseOpportunityCodes',
    summary: 'Close opportunity codes, each for won or lost.',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(closeOpportunityCodeSchema) }),
    async handle({ ctx }) {
      const rows = await ctx.db.query<{ code: string; type: 'won' | 'lost'; description: string }>(
        'SELECT code, type, description FROM close_opportunity_code WHERE tenant_id = $1 ORDER BY code',
        [ctx.identity.tenantId],
      );
      return { items: rows };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/close-opportunity-codes/:code',
    operationId: 'putCloseOpportunityCode',
    summary: 'Create or change a close opportunity code (won or lost).',
    tags: ['Setup'],
    access: 'admin',
    params: setupCodeParams,
    body: closeOpportunityCodeBodySchema,
    reply: closeOpportunityCodeSchema,
    async handle({ params, body, ctx }) {
      await ctx.db.query(
        `INSERT INTO close_opportunity_code (tenant_id, code, type, description) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, code) DO UPDATE SET type = EXCLUDED.type, description = EXCLUDED.description`,
        [ctx.identity.tenantId, params.code, body.type, body.description],
      );
      return { code: params.code, ...body };
    },
  }),
];
