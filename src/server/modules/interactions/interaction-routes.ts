import { z } from 'zod';
import { code, text } from '../../../contract/common';
import { contactNoParams } from '../../../contract/contacts';
import { entryNoParams, interactionSchema, logEmailBodySchema, loggedQuerySchema, loggedReplySchema, logEmailReplySchema, logInteractionBodySchema } from '../../../contract/interactions';
import { RapportError } from '../../../domain/errors';
import { INTERACTION_TEMPLATE_SETUP_FIELDS, type InteractionTemplateSetup } from '../../../domain/interaction/interaction-template-setup';
import { defineRoute } from '../../http/route';
import { getContact } from '../contacts/contact-repository';
import { getInteractionTemplateSetup, historyOf, listInteractionTemplates, saveInteractionTemplateSetup } from './interaction-repository';
import { cancelInteraction, deleteInteraction, logEmail, logInteraction, loggedState } from './interaction-service';

const tags = ['Interactions'];

const templateSchema = z.object({
  code: z.string(),
  interactionGroupCode: z.string(),
  description: z.string(),
  unitCost: z.number(),
  unitDurationMin: z.number(),
  informationFlow: z.string(),
  initiatedBy: z.string(),
  correspondenceType: z.string(),
});

const templateBodySchema = z.strictObject({
  interactionGroupCode: code(10).refine((value) => value !== '', 'Required.'),
  description: text(100).default(''),
  unitCost: z.number().min(0).default(0),
  unitDurationMin: z.number().min(0).default(0),
  informationFlow: z.enum(['', 'outbound', 'inbound']).default(''),
  initiatedBy: z.enum(['', 'us', 'them']).default(''),
  campaignNo: code(20).default(''),
  campaignTarget: z.boolean().default(false),
  campaignResponse: z.boolean().default(false),
  correspondenceType: z.enum(['', 'hardCopy', 'email']).default('email'),
  ignoreContactCorresType: z.boolean().default(false),
});

const templateSetupSchema = z.strictObject(
  Object.fromEntries(INTERACTION_TEMPLATE_SETUP_FIELDS.map((field) => [field, code(10)])) as Record<(typeof INTERACTION_TEMPLATE_SETUP_FIELDS)[number], ReturnType<typeof code>>,
).meta({ id: 'InteractionTemplateSetup' });

/** The history cursor: the date and entry number of the last entry of the previous page. */
const cursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}_\d+$/, 'Pass the `next` of the previous page.')
  .transform((value) => {
    const [date, entryNo] = value.split('_');
    return { date: date as string, entryNo: Number(entryNo) };
  });

export const interactionRoutes = [
  defineRoute({
    method: 'POST',
    url: '/interactions/email',
    operationId: 'logEmail',
    summary: 'Log an e-mail as interactions: inbound from a contact, outbound to each To/Cc contact; idempotent per contact and message.',
    tags,
    access: 'user',
    body: logEmailBodySchema,
    reply: logEmailReplySchema,
    errors: [422],
    handle: ({ body, ctx }) => logEmail(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/interactions/logged',
    operationId: 'getLoggedState',
    summary: 'Whether, when and by whom an e-mail was logged, and for which contacts.',
    tags,
    access: 'user',
    query: loggedQuerySchema,
    reply: loggedReplySchema,
    handle: ({ query, ctx }) => loggedState(ctx, query.internetMessageId),
  }),
  defineRoute({
    method: 'POST',
    url: '/interactions',
    operationId: 'logInteraction',
    summary: 'Log a phone call, a meeting or another interaction from a template.',
    tags,
    access: 'user',
    body: logInteractionBodySchema,
    reply: interactionSchema.extend({ alreadyLogged: z.boolean() }),
    status: 201,
    errors: [404, 409, 422],
    handle: ({ body, ctx }) => logInteraction(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/interactions',
    operationId: 'listContactInteractions',
    summary: "A contact's interactions, newest first (a company's include its persons').",
    tags,
    access: 'user',
    params: contactNoParams,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20), after: cursor.optional() }),
    reply: z.object({ items: z.array(interactionSchema), next: z.string().nullable() }),
    errors: [404],
    async handle({ params, query, ctx }) {
      const contact = await getContact(ctx.db, ctx.identity.tenantId, params.no);
      if (!contact) throw new RapportError('not_found', `There is no contact ${params.no}.`);
      const entries = await historyOf(ctx.db, ctx.identity.tenantId, contact, { limit: query.limit + 1, before: query.after });
      const items = entries.slice(0, query.limit);
      const last = items.at(-1);
      return { items, next: entries.length > query.limit && last ? `${last.date}_${last.entryNo}` : null };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/interactions/:entryNo/canceled',
    operationId: 'cancelInteraction',
    summary: 'Cancel (or restore) an interaction: canceled entries leave every statistic.',
    tags,
    access: 'user',
    params: entryNoParams,
    body: z.strictObject({ canceled: z.boolean() }),
    reply: interactionSchema,
    errors: [404],
    handle: ({ params, body, ctx }) => cancelInteraction(ctx, params.entryNo, body.canceled),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/interactions/:entryNo',
    operationId: 'deleteInteraction',
    summary: 'Delete a canceled interaction.',
    tags,
    access: 'user',
    params: entryNoParams,
    reply: z.undefined(),
    status: 204,
    errors: [404, 409],
    async handle({ params, ctx }) {
      await deleteInteraction(ctx, params.entryNo);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/interaction-templates',
    operationId: 'listInteractionTemplates',
    summary: 'Interaction templates: group, cost, duration, direction and channel of what they record.',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(templateSchema) }),
    handle: async ({ ctx }) => ({ items: await listInteractionTemplates(ctx.db, ctx.identity.tenantId) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/interaction-groups/:code',
    operationId: 'putInteractionGroup',
    summary: 'Create or rename an interaction group.',
    tags: ['Setup'],
    access: 'admin',
    params: z.strictObject({ code: code(10).refine((value) => value !== '', 'Required.') }),
    body: z.strictObject({ description: text(100) }),
    reply: z.object({ code: z.string(), description: z.string() }),
    async handle({ params, body, ctx }) {
      await ctx.db.query(
        'INSERT INTO interaction_group (tenant_id, code, description) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, code) DO UPDATE SET description = EXCLUDED.description',
        [ctx.identity.tenantId, params.code, body.description],
      );
      return { code: params.code, description: body.description };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/interaction-templates/:code',
    operationId: 'putInteractionTemplate',
    summary: 'Create or replace an interaction template (group, cost, duration, direction, channel, campaign defaults).',
    tags: ['Setup'],
    access: 'admin',
    params: z.strictObject({ code: code(10).refine((value) => value !== '', 'Required.') }),
    body: templateBodySchema,
    reply: templateSchema,
    async handle({ params, body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        if ((await tx.query('SELECT 1 FROM interaction_group WHERE tenant_id = $1 AND code = $2', [tenantId, body.interactionGroupCode])).length === 0) {
          throw new RapportError('validation_failed', `There is no interaction group ${body.interactionGroupCode}.`, { fields: [{ path: 'interactionGroupCode', message: 'No such group.' }] });
        }
        if (body.campaignNo !== '' && (await tx.query('SELECT 1 FROM campaign WHERE tenant_id = $1 AND no = $2', [tenantId, body.campaignNo])).length === 0) {
          throw new RapportError('validation_failed', `There is no campaign ${body.campaignNo}.`, { fields: [{ path: 'campaignNo', message: 'No such campaign.' }] });
        }
        await tx.query(
          `INSERT INTO interaction_template (tenant_id, code, interaction_group_code, description, unit_cost, unit_duration_min, information_flow, initiated_by,
             campaign_no, campaign_target, campaign_response, correspondence_type, ignore_contact_corres_type)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (tenant_id, code) DO UPDATE SET interaction_group_code = $3, description = $4, unit_cost = $5, unit_duration_min = $6, information_flow = $7,
             initiated_by = $8, campaign_no = $9, campaign_target = $10, campaign_response = $11, correspondence_type = $12, ignore_contact_corres_type = $13`,
          [tenantId, params.code, body.interactionGroupCode, body.description, body.unitCost, body.unitDurationMin, body.informationFlow, body.initiatedBy, body.campaignNo, body.campaignTarget, body.campaignResponse, body.correspondenceType, body.ignoreContactCorresType],
        );
      });
      return { code: params.code, ...body };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/interaction-template-setup',
    operationId: 'getInteractionTemplateSetup',
    summary: 'Interaction Template Setup: which template records e-mails, calls, meeting invitations and documents.',
    tags: ['Setup'],
    access: 'user',
    reply: templateSetupSchema,
    handle: ({ ctx }) => getInteractionTemplateSetup(ctx.db, ctx.identity.tenantId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/interaction-template-setup',
    operationId: 'putInteractionTemplateSetup',
    summary: 'Replace Interaction Template Setup; every code must name a template.',
    tags: ['Setup'],
    access: 'admin',
    body: templateSetupSchema,
    reply: templateSetupSchema,
    async handle({ body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        const templates = new Set((await listInteractionTemplates(tx, tenantId)).map((template) => template.code));
        const problems = Object.entries(body)
          .filter(([, value]) => value !== '' && !templates.has(value))
          .map(([path, value]) => ({ path, message: `There is no interaction template ${value}.` }));
        if (problems.length > 0) throw new RapportError('validation_failed', problems.map((problem) => problem.message).join(' '), { fields: problems });
        await saveInteractionTemplateSetup(tx, tenantId, body as InteractionTemplateSetup);
      });
      return body;
    },
  }),
];
