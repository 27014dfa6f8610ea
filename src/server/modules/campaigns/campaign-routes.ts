import { z } from 'zod';
import {
  campaignBodySchema,
  campaignEntrySchema,
  campaignListItemSchema,
  campaignPatchSchema,
  campaignSchema,
  campaignStatisticsSchema,
  contactCampaignSchema,
  itemBodySchema,
  itemSchema,
  priceLineBodySchema,
  priceLineSchema,
  targetGroupSchema,
} from '../../../contract/campaigns';
import { code } from '../../../contract/common';
import { contactNoParams } from '../../../contract/contacts';
import { entryNoParams } from '../../../contract/interactions';
import { segmentListItemSchema } from '../../../contract/segments';
import { describedCodeBodySchema, describedCodeSchema, setupCodeParams } from '../../../contract/setup-tables';
import { fromRow } from '../../db/rows';
import { pageLimit, pageOf } from '../../http/paging';
import { defineRoute } from '../../http/route';
import { activateCampaign, deactivateCampaign, priceLinesOf, savePriceLines, targetGroupInForce, targetGroupPreview } from './campaign-price-service';
import { listCampaignEntries, listCampaignSegments, listCampaigns, requireCampaign } from './campaign-repository';
import { campaignsOfContact, cancelCampaignEntry, createCampaign, deleteCampaign, deleteCampaignEntry, statisticsOf, updateCampaign } from './campaign-service';

const tags = ['Campaigns'];
const campaignParams = z.strictObject({ no: code(20).refine((value) => value !== '', 'Required.') });

export const campaignRoutes = [
  defineRoute({
    method: 'POST',
    url: '/campaigns',
    operationId: 'createCampaign',
    summary: 'Create a campaign: number from Campaign Nos., dates, salesperson, status.',
    tags,
    access: 'manager',
    body: campaignBodySchema,
    reply: campaignSchema,
    status: 201,
    errors: [409, 422],
    handle: ({ body, ctx }) => createCampaign(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns',
    operationId: 'listCampaigns',
    summary: 'Campaigns in number order.',
    tags,
    access: 'user',
    query: z.strictObject({ after: z.string().max(20).default(''), limit: z.coerce.number().int().min(1).max(500).default(50) }),
    reply: z.object({ items: z.array(campaignListItemSchema), next: z.string().nullable() }),
    async handle({ query, ctx }) {
      const items = await listCampaigns(ctx.db, ctx.identity.tenantId, query.after, query.limit + 1);
      const page = items.slice(0, query.limit);
      return { items: page, next: items.length > query.limit ? (page.at(-1)?.no ?? null) : null };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no',
    operationId: 'getCampaign',
    summary: 'One campaign.',
    tags,
    access: 'user',
    params: campaignParams,
    reply: campaignSchema,
    errors: [404],
    async handle({ params, ctx }) {
      return requireCampaign(ctx.db, ctx.identity.tenantId, params.no);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/campaigns/:no',
    operationId: 'updateCampaign',
    summary: 'Change a campaign.',
    tags,
    access: 'manager',
    params: campaignParams,
    body: campaignPatchSchema,
    reply: campaignSchema,
    errors: [404],
    handle: ({ params, body, ctx }) => updateCampaign(ctx, params.no, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/campaigns/:no',
    operationId: 'deleteCampaign',
    summary: 'Delete a campaign without campaign entries.',
    tags,
    access: 'manager',
    params: campaignParams,
    reply: z.undefined(),
    status: 204,
    errors: [404, 409],
    async handle({ params, ctx }) {
      await deleteCampaign(ctx, params.no);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no/statistics',
    operationId: 'getCampaignStatistics',
    summary: 'Campaign statistics: contacted, responded, response rate, cost and duration per response.',
    tags,
    access: 'user',
    params: campaignParams,
    reply: campaignStatisticsSchema,
    errors: [404],
    handle: ({ params, ctx }) => statisticsOf(ctx, params.no),
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no/entries',
    operationId: 'listCampaignEntries',
    summary: "A campaign's entries with their number of interactions.",
    tags,
    access: 'user',
    params: campaignParams,
    reply: z.object({ items: z.array(campaignEntrySchema) }),
    errors: [404],
    async handle({ params, ctx }) {
      await requireCampaign(ctx.db, ctx.identity.tenantId, params.no);
      return { items: await listCampaignEntries(ctx.db, ctx.identity.tenantId, params.no) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no/segments',
    operationId: 'listCampaignSegments',
    summary: "A campaign's segments in number order, as GET /segments lists them (with No. of Lines).",
    tags,
    access: 'user',
    params: campaignParams,
    query: z.strictObject({ after: z.string().max(20).default(''), limit: pageLimit }),
    reply: z.object({ items: z.array(segmentListItemSchema), next: z.string().nullable() }),
    errors: [404],
    async handle({ params, query, ctx }) {
      await requireCampaign(ctx.db, ctx.identity.tenantId, params.no);
      const rows = await listCampaignSegments(ctx.db, ctx.identity.tenantId, params.no, query.after, query.limit + 1);
      return pageOf(rows, query.limit, (row) => row.no);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/campaign-entries/:entryNo/canceled',
    operationId: 'cancelCampaignEntry',
    summary: 'Cancel (or restore) a campaign entry and, with it, its interactions.',
    tags,
    access: 'manager',
    params: entryNoParams,
    body: z.strictObject({ canceled: z.boolean() }),
    reply: campaignEntrySchema,
    errors: [404],
    handle: ({ params, body, ctx }) => cancelCampaignEntry(ctx, params.entryNo, body.canceled),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/campaign-entries/:entryNo',
    operationId: 'deleteCampaignEntry',
    summary: 'Delete a canceled campaign entry with its interactions.',
    tags,
    access: 'manager',
    params: entryNoParams,
    reply: z.undefined(),
    status: 204,
    errors: [404, 409],
    async handle({ params, ctx }) {
      await deleteCampaignEntry(ctx, params.entryNo);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/campaigns',
    operationId: 'listContactCampaigns',
    summary: 'The campaigns a contact or its company is targeted by, running today.',
    tags,
    access: 'user',
    params: contactNoParams,
    reply: z.object({ items: z.array(contactCampaignSchema) }),
    errors: [404],
    handle: async ({ params, ctx }) => ({ items: await campaignsOfContact(ctx, params.no) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no/price-lines',
    operationId: 'listCampaignPriceLines',
    summary: "A campaign's sales prices and line discounts.",
    tags,
    access: 'user',
    params: campaignParams,
    reply: z.object({ items: z.array(priceLineSchema) }),
    errors: [404],
    async handle({ params, ctx }) {
      await requireCampaign(ctx.db, ctx.identity.tenantId, params.no);
      // A line as the contract has it: the campaign it belongs to is the one asked for.
      return { items: (await priceLinesOf(ctx.db, ctx.identity.tenantId, [params.no])).map(({ campaignNo: _campaignNo, ...line }) => line) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/campaigns/:no/price-lines',
    operationId: 'putCampaignPriceLines',
    summary: "Replace a campaign's sales prices and line discounts; each line takes the campaign's dates.",
    tags,
    access: 'manager',
    params: campaignParams,
    body: z.strictObject({ lines: z.array(priceLineBodySchema).max(500) }),
    reply: z.object({ items: z.array(priceLineSchema) }),
    errors: [404],
    handle: async ({ params, body, ctx }) => ({ items: await savePriceLines(ctx, params.no, body.lines) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/campaigns/:no/activate',
    operationId: 'activateCampaign',
    summary: 'Activate Sales Prices/Line Discounts: the targeted companies (or their customers) form the target group.',
    tags,
    access: 'manager',
    params: campaignParams,
    reply: z.object({ members: z.array(z.object({ type: z.enum(['customer', 'contact']), no: z.string() })), warnings: z.array(z.string()) }),
    errors: [404, 409],
    handle: ({ params, ctx }) => activateCampaign(ctx, params.no),
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no/target-group',
    operationId: 'getCampaignTargetGroup',
    summary: 'The target group in force: the companies and customers its prices and discounts apply to (none unless activated).',
    tags,
    access: 'user',
    params: campaignParams,
    reply: targetGroupSchema,
    errors: [404],
    handle: ({ params, ctx }) => targetGroupInForce(ctx, params.no),
  }),
  defineRoute({
    method: 'GET',
    url: '/campaigns/:no/target-group/preview',
    operationId: 'previewCampaignTargetGroup',
    summary: 'The target group Activate would make now, and what it would warn about; changes nothing.',
    tags,
    access: 'manager',
    params: campaignParams,
    reply: targetGroupSchema,
    errors: [404],
    handle: ({ params, ctx }) => targetGroupPreview(ctx, params.no),
  }),
  defineRoute({
    method: 'POST',
    url: '/campaigns/:no/deactivate',
    operationId: 'deactivateCampaign',
    summary: 'Deactivate: the target group is emptied, the prices no longer apply.',
    tags,
    access: 'manager',
    params: campaignParams,
    reply: z.undefined(),
    status: 204,
    errors: [404],
    async handle({ params, ctx }) {
      await deactivateCampaign(ctx, params.no);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/items',
    operationId: 'listItems',
    summary: 'Items (a minimal catalogue for campaign prices).',
    tags: ['Campaigns'],
    access: 'user',
    reply: z.object({ items: z.array(itemSchema) }),
    async handle({ ctx }) {
      const rows = await ctx.db.query('SELECT no, description, unit_price, base_unit_of_measure FROM item WHERE tenant_id = $1 ORDER BY no', [ctx.identity.tenantId]);
      return { items: rows.map((row) => fromRow<z.infer<typeof itemSchema>>(row)) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/items/:no',
    operationId: 'putItem',
    summary: 'Create or change an item.',
    tags: ['Campaigns'],
    access: 'manager',
    params: z.strictObject({ no: code(20).refine((value) => value !== '', 'Required.') }),
    body: itemBodySchema,
    reply: itemSchema,
    async handle({ params, body, ctx }) {
      await ctx.db.query(
        `INSERT INTO item (tenant_id, no, description, unit_price, base_unit_of_measure) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, no) DO UPDATE SET description = EXCLUDED.description, unit_price = EXCLUDED.unit_price, base_unit_of_measure = EXCLUDED.base_unit_of_measure`,
        [ctx.identity.tenantId, params.no, body.description, body.unitPrice, body.baseUnitOfMeasure],
      );
      return { no: params.no, ...body };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/campaign-statuses',
    operationId: 'listCampaignStatuses',
    summary: 'Campaign statuses (informational).',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(describedCodeSchema) }),
    async handle({ ctx }) {
      const rows = await ctx.db.query<{ code: string; description: string }>('SELECT code, description FROM campaign_status WHERE tenant_id = $1 ORDER BY code', [ctx.identity.tenantId]);
      return { items: rows };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/campaign-statuses/:code',
    operationId: 'putCampaignStatus',
    summary: 'Create or rename a campaign status.',
    tags: ['Setup'],
    access: 'admin',
    params: setupCodeParams,
    body: describedCodeBodySchema,
    reply: describedCodeSchema,
    async handle({ params, body, ctx }) {
      await ctx.db.query(
        'INSERT INTO campaign_status (tenant_id, code, description) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, code) DO UPDATE SET description = EXCLUDED.description',
        [ctx.identity.tenantId, params.code, body.description],
      );
      return { code: params.code, description: body.description };
    },
  }),
];
