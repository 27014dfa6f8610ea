import { z } from 'zod';
import { contactNoParams } from '../../../contract/contacts';
import { entryNoParams, interactionExportQuerySchema, interactionSchema, logEmailBodySchema, loggedQuerySchema, loggedReplySchema, logEmailReplySchema, logInteractionBodySchema } from '../../../contract/interactions';
import { RapportError } from '../../../domain/errors';
import { describedCodeBodySchema, describedCodeSchema, interactionTemplateBodySchema, interactionTemplateSchema, interactionTemplateSetupSchema, setupCodeParams, templateLanguageBodySchema, templateLanguageParams, templateLanguageSchema } from '../../../contract/setup-tables';
import { INTERACTION_TEMPLATE_SETUP_FIELDS, type InteractionTemplateSetup } from '../../../domain/interaction/interaction-template-setup';
import { csvStream } from '../../http/csv';
import { defineRoute } from '../../http/route';
import { getContact } from '../contacts/contact-repository';
import type { Queryable } from '../../db/db';
import { checkReferences } from '../reference-data/references';
import { getInteractionTemplate, getInteractionTemplateSetup, historyOf, listInteractionTemplates, saveInteractionTemplateSetup, templateLanguages } from './interaction-repository';
import { interactionsAsCsv } from './interaction-export';
import { cancelInteraction, deleteInteraction, logEmail, logInteraction, loggedState } from './interaction-service';

const tags = ['Interactions'];

/** The setup fields of sales and purchase documents: their templates may have no languages (§5.3). */
const DOCUMENT_LOGGING_FIELDS = new Set<string>(INTERACTION_TEMPLATE_SETUP_FIELDS.filter((field) => field.startsWith('sales') || field.startsWith('purch')));

/** Adds a language to a template; a template used for document logging may have none (§5.3). */
async function addTemplateLanguage(tx: Queryable, tenantId: string, templateCode: string, languageCode: string, description: string): Promise<void> {
  const setup = await getInteractionTemplateSetup(tx, tenantId);
  const usedFor = Object.entries(setup).find(([field, value]) => value === templateCode && DOCUMENT_LOGGING_FIELDS.has(field));
  if (usedFor) {
    throw new RapportError('conflict', `It is not allowed to have languages assigned to templates used for system document logging (${templateCode} records ${usedFor[0]}).`);
  }
  await tx.query(
    `INSERT INTO interaction_tmpl_language (tenant_id, template_code, language_code, description) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, template_code, language_code) DO UPDATE SET description = EXCLUDED.description`,
    [tenantId, templateCode, languageCode, description],
  );
}

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
    method: 'GET',
    url: '/interactions/export',
    operationId: 'exportInteractions',
    summary: 'The interaction log entries of a date range (both ends included) as a CSV file: header row, UTF-8 with a byte order mark, streamed.',
    tags,
    access: 'manager',
    query: interactionExportQuerySchema,
    reply: csvStream,
    produces: { contentType: 'text/csv; charset=utf-8', fileName: 'interactions.csv' },
    handle: async ({ query, ctx }) => interactionsAsCsv(ctx.db, ctx.identity.tenantId, query),
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
    reply: z.object({ items: z.array(interactionTemplateSchema) }),
    handle: async ({ ctx }) => ({ items: await listInteractionTemplates(ctx.db, ctx.identity.tenantId) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/interaction-groups',
    operationId: 'listInteractionGroups',
    summary: 'Interaction groups, which interaction templates are filed under.',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(describedCodeSchema) }),
    handle: async ({ ctx }) => ({
      items: await ctx.db.query<{ code: string; description: string }>('SELECT code, description FROM interaction_group WHERE tenant_id = $1 ORDER BY code', [ctx.identity.tenantId]),
    }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/interaction-groups/:code',
    operationId: 'putInteractionGroup',
    summary: 'Create or rename an interaction group.',
    tags: ['Setup'],
    access: 'admin',
    params: setupCodeParams,
    body: describedCodeBodySchema,
    reply: describedCodeSchema,
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
    params: setupCodeParams,
    body: interactionTemplateBodySchema,
    reply: interactionTemplateSchema,
    async handle({ params, body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        if ((await tx.query('SELECT 1 FROM interaction_group WHERE tenant_id = $1 AND code = $2', [tenantId, body.interactionGroupCode])).length === 0) {
          throw new RapportError('validation_failed', `There is no interaction group ${body.interactionGroupCode}.`, { fields: [{ path: 'interactionGroupCode', message: 'No such group.' }] });
        }
        if (body.campaignNo !== '' && (await tx.query('SELECT 1 FROM campaign WHERE tenant_id = $1 AND no = $2', [tenantId, body.campaignNo])).length === 0) {
          throw new RapportError('validation_failed', `There is no campaign ${body.campaignNo}.`, { fields: [{ path: 'campaignNo', message: 'No such campaign.' }] });
        }
        await checkReferences(tx, tenantId, [{ path: 'languageCode', kind: 'language', code: body.languageCode }]);
        await tx.query(
          `INSERT INTO interaction_template (tenant_id, code, interaction_group_code, description, unit_cost, unit_duration_min, information_flow, initiated_by,
             campaign_no, campaign_target, campaign_response, correspondence_type, ignore_contact_corres_type, language_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           ON CONFLICT (tenant_id, code) DO UPDATE SET interaction_group_code = $3, description = $4, unit_cost = $5, unit_duration_min = $6, information_flow = $7,
             initiated_by = $8, campaign_no = $9, campaign_target = $10, campaign_response = $11, correspondence_type = $12, ignore_contact_corres_type = $13,
             language_code = $14`,
          [tenantId, params.code, body.interactionGroupCode, body.description, body.unitCost, body.unitDurationMin, body.informationFlow, body.initiatedBy, body.campaignNo, body.campaignTarget, body.campaignResponse, body.correspondenceType, body.ignoreContactCorresType, body.languageCode],
        );
        // §5.2: the default language must be one of the template's languages (Business Central offers to create it).
        if (body.languageCode !== '') await addTemplateLanguage(tx, tenantId, params.code, body.languageCode, '');
      });
      return { code: params.code, ...body };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/interaction-templates/:code/languages',
    operationId: 'listInteractionTemplateLanguages',
    summary: 'The languages an interaction template is set up in, with the description of each.',
    tags: ['Setup'],
    access: 'user',
    params: setupCodeParams,
    reply: z.object({ items: z.array(templateLanguageSchema) }),
    errors: [404],
    async handle({ params, ctx }) {
      const tenantId = ctx.identity.tenantId;
      if (!(await getInteractionTemplate(ctx.db, tenantId, params.code))) throw new RapportError('not_found', `There is no interaction template ${params.code}.`);
      const items = await ctx.db.query<{ languageCode: string; description: string }>(
        'SELECT language_code AS "languageCode", description FROM interaction_tmpl_language WHERE tenant_id = $1 AND template_code = $2 ORDER BY language_code',
        [tenantId, params.code],
      );
      return { items };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/interaction-templates/:code/languages/:languageCode',
    operationId: 'putInteractionTemplateLanguage',
    summary: 'Set up an interaction template in a language.',
    tags: ['Setup'],
    access: 'admin',
    params: templateLanguageParams,
    body: templateLanguageBodySchema,
    reply: z.object({ templateCode: z.string(), languageCode: z.string(), description: z.string() }),
    errors: [404, 409],
    async handle({ params, body, ctx }) {
      await ctx.db.transaction(async (tx) => {
        if (!(await getInteractionTemplate(tx, ctx.identity.tenantId, params.code))) throw new RapportError('not_found', `There is no interaction template ${params.code}.`);
        await checkReferences(tx, ctx.identity.tenantId, [{ path: 'languageCode', kind: 'language', code: params.languageCode }]);
        await addTemplateLanguage(tx, ctx.identity.tenantId, params.code, params.languageCode, body.description);
      });
      return { templateCode: params.code, languageCode: params.languageCode, description: body.description };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/setup/interaction-templates/:code/languages/:languageCode',
    operationId: 'deleteInteractionTemplateLanguage',
    summary: "Remove a language from a template (not its default language).",
    tags: ['Setup'],
    access: 'admin',
    params: templateLanguageParams,
    reply: z.undefined(),
    status: 204,
    errors: [404, 409],
    async handle({ params, ctx }) {
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        const template = await getInteractionTemplate(tx, tenantId, params.code);
        if (!template) throw new RapportError('not_found', `There is no interaction template ${params.code}.`);
        if (template.languageCode === params.languageCode) throw new RapportError('conflict', `${params.languageCode} is the default language of template ${params.code}.`);
        const deleted = await tx.query('DELETE FROM interaction_tmpl_language WHERE tenant_id = $1 AND template_code = $2 AND language_code = $3 RETURNING 1 AS done', [tenantId, params.code, params.languageCode]);
        if (deleted.length === 0) throw new RapportError('not_found', `Template ${params.code} has no language ${params.languageCode}.`);
      });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/interaction-template-setup',
    operationId: 'getInteractionTemplateSetup',
    summary: 'Interaction Template Setup: which template records e-mails, calls, meeting invitations and documents.',
    tags: ['Setup'],
    access: 'user',
    reply: interactionTemplateSetupSchema,
    handle: ({ ctx }) => getInteractionTemplateSetup(ctx.db, ctx.identity.tenantId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/interaction-template-setup',
    operationId: 'putInteractionTemplateSetup',
    summary: 'Replace Interaction Template Setup; every code must name a template.',
    tags: ['Setup'],
    access: 'admin',
    body: interactionTemplateSetupSchema,
    reply: interactionTemplateSetupSchema,
    async handle({ body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        const templates = new Set((await listInteractionTemplates(tx, tenantId)).map((template) => template.code));
        const problems = Object.entries(body)
          .filter(([, value]) => value !== '' && !templates.has(value))
          .map(([path, value]) => ({ path, message: `There is no interaction template ${value}.` }));
        if (problems.length > 0) throw new RapportError('validation_failed', problems.map((problem) => problem.message).join(' '), { fields: problems });
        for (const [path, value] of Object.entries(body)) {
          if (value !== '' && DOCUMENT_LOGGING_FIELDS.has(path) && (await templateLanguages(tx, tenantId, value)).size > 0) {
            throw new RapportError('validation_failed', 'It is not allowed to have languages assigned to templates used for system document logging.', {
              fields: [{ path, message: `Template ${value} has languages.` }],
            });
          }
        }
        await saveInteractionTemplateSetup(tx, tenantId, body as InteractionTemplateSetup);
      });
      return body;
    },
  }),
];
