import { z } from 'zod';
import { code } from '../../../contract/common';
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
