import { z } from 'zod';
import { code, isoDate } from '../../../contract/common';
import { altAddressBodySchema, altAddressDateRangeSchema, altAddressesReplySchema, altAddressSchema, salutationQuerySchema } from '../../../contract/contact-details';
import { contactNoParams } from '../../../contract/contacts';
import { salutationBodySchema, salutationSchema, setupCodeParams } from '../../../contract/setup-tables';
import { RapportError } from '../../../domain/errors';
import { getSalutation } from '../../../domain/salutation';
import { defineRoute } from '../../http/route';
import { checkReferences } from '../reference-data/references';
import { deleteAltAddress, deleteAltAddressDateRange, listAltAddresses, putAltAddress, putAltAddressDateRange } from './alt-address-service';
import { contactExists, getContact } from './contact-repository';
import { listSalutationFormulas, listSalutations, saveSalutation } from './salutation-repository';

const tags = ['Contacts'];
const required = (max: number) => code(max).refine((value) => value !== '', 'Required.');
const altAddressParams = z.strictObject({ no: required(20), code: required(10) });

/** Contact codes that are many-to-many lists on a contact (§2.6): segment criteria. */
const contactCodeKind = z.enum(['mailingGroup', 'industryGroup', 'jobResponsibility']);

export const contactDetailRoutes = [
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/alt-addresses',
    operationId: 'listAltAddresses',
    summary: "A contact's alternative addresses, their date ranges and the one in force on a date.",
    tags,
    access: 'user',
    params: contactNoParams,
    query: z.strictObject({ date: isoDate.optional() }),
    reply: altAddressesReplySchema,
    errors: [404],
    handle: ({ params, query, ctx }) => listAltAddresses(ctx.db, ctx.identity.tenantId, params.no, query.date ?? ctx.workDate),
  }),
  defineRoute({
    method: 'PUT',
    url: '/contacts/:no/alt-addresses/:code',
    operationId: 'putAltAddress',
    summary: 'Create or replace an alternative address; its e-mail also identifies the contact.',
    tags,
    access: 'user',
    params: altAddressParams,
    body: altAddressBodySchema,
    reply: altAddressSchema,
    errors: [404],
    async handle({ params, body, ctx }) {
      const address = { code: params.code, ...body };
      await ctx.db.transaction((tx) => putAltAddress(tx, ctx.identity.tenantId, params.no, address));
      return address;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/contacts/:no/alt-addresses/:code',
    operationId: 'deleteAltAddress',
    summary: 'Delete an alternative address and its date ranges.',
    tags,
    access: 'user',
    params: altAddressParams,
    reply: z.undefined(),
    status: 204,
    errors: [404],
    async handle({ params, ctx }) {
      await ctx.db.transaction((tx) => deleteAltAddress(tx, ctx.identity.tenantId, params.no, params.code));
      return undefined;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/contacts/:no/alt-address-date-ranges',
    operationId: 'putAltAddressDateRange',
    summary: 'Use an alternative address from a starting date (to an ending date, or open-ended).',
    tags,
    access: 'user',
    params: contactNoParams,
    body: altAddressDateRangeSchema,
    reply: altAddressDateRangeSchema,
    errors: [404],
    async handle({ params, body, ctx }) {
      await ctx.db.transaction((tx) => putAltAddressDateRange(tx, ctx.identity.tenantId, params.no, body));
      return body;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/contacts/:no/alt-address-date-ranges/:startingDate',
    operationId: 'deleteAltAddressDateRange',
    summary: 'Remove the date range starting on a date.',
    tags,
    access: 'user',
    params: z.strictObject({ no: required(20), startingDate: isoDate }),
    reply: z.undefined(),
    status: 204,
    errors: [404],
    async handle({ params, ctx }) {
      await ctx.db.transaction((tx) => deleteAltAddressDateRange(tx, ctx.identity.tenantId, params.no, params.startingDate));
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/codes/:kind',
    operationId: 'listContactCodes',
    summary: "A contact's mailing groups, industry groups or job responsibilities.",
    tags,
    access: 'user',
    params: z.strictObject({ no: required(20), kind: contactCodeKind }),
    reply: z.object({ items: z.array(z.string()) }),
    errors: [404],
    async handle({ params, ctx }) {
      if (!(await contactExists(ctx.db, ctx.identity.tenantId, params.no))) throw new RapportError('not_found', `There is no contact ${params.no}.`);
      const rows = await ctx.db.query<{ code: string }>('SELECT code FROM contact_code WHERE tenant_id = $1 AND contact_no = $2 AND kind = $3 ORDER BY code', [
        ctx.identity.tenantId,
        params.no,
        params.kind,
      ]);
      return { items: rows.map((row) => row.code) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/contacts/:no/codes/:kind/:code',
    operationId: 'addContactCode',
    summary: 'Add a mailing group, industry group (companies) or job responsibility (persons) to a contact.',
    tags,
    access: 'user',
    params: z.strictObject({ no: required(20), kind: contactCodeKind, code: required(10) }),
    reply: z.object({ code: z.string() }),
    errors: [404, 422],
    async handle({ params, ctx }) {
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        const contact = await getContact(tx, tenantId, params.no);
        if (!contact) throw new RapportError('not_found', `There is no contact ${params.no}.`);
        if (params.kind === 'industryGroup' && contact.type !== 'company') {
          throw new RapportError('validation_failed', 'Industry groups belong to company contacts.', { fields: [{ path: 'kind', message: 'Companies only.' }] });
        }
        if (params.kind === 'jobResponsibility' && contact.type !== 'person') {
          throw new RapportError('validation_failed', 'Job responsibilities belong to person contacts.', { fields: [{ path: 'kind', message: 'Persons only.' }] });
        }
        await checkReferences(tx, tenantId, [{ path: 'code', kind: params.kind, code: params.code }]);
        await tx.query('INSERT INTO contact_code (tenant_id, contact_no, kind, code) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [tenantId, params.no, params.kind, params.code]);
      });
      return { code: params.code };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/contacts/:no/codes/:kind/:code',
    operationId: 'removeContactCode',
    summary: 'Remove a mailing group, industry group or job responsibility from a contact.',
    tags,
    access: 'user',
    params: z.strictObject({ no: required(20), kind: contactCodeKind, code: required(10) }),
    reply: z.undefined(),
    status: 204,
    errors: [404],
    async handle({ params, ctx }) {
      const rows = await ctx.db.query('DELETE FROM contact_code WHERE tenant_id = $1 AND contact_no = $2 AND kind = $3 AND code = $4 RETURNING 1 AS deleted', [
        ctx.identity.tenantId,
        params.no,
        params.kind,
        params.code,
      ]);
      if (rows.length === 0) throw new RapportError('not_found', `Contact ${params.no} has no ${params.kind} ${params.code}.`);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/salutation',
    operationId: 'getContactSalutation',
    summary: "The contact's salutation from its salutation code's formula, formal or informal, in a language (default the contact's).",
    tags,
    access: 'user',
    params: contactNoParams,
    query: salutationQuerySchema,
    reply: z.object({ salutation: z.string(), languageCode: z.string(), type: z.enum(['formal', 'informal']) }),
    errors: [404, 422],
    async handle({ params, query, ctx }) {
      const contact = await getContact(ctx.db, ctx.identity.tenantId, params.no);
      if (!contact) throw new RapportError('not_found', `There is no contact ${params.no}.`);
      const languageCode = query.languageCode ?? contact.languageCode;
      const formulas = await listSalutationFormulas(ctx.db, ctx.identity.tenantId, contact.salutationCode);
      return { salutation: getSalutation(contact, formulas, query.type, languageCode), languageCode, type: query.type };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/salutations',
    operationId: 'listSalutations',
    summary: 'Salutation codes with their formulas per language and type.',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(salutationSchema) }),
    handle: async ({ ctx }) => ({ items: await listSalutations(ctx.db, ctx.identity.tenantId) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/salutations/:code',
    operationId: 'putSalutation',
    summary: 'Create or replace a salutation and its formulas.',
    tags: ['Setup'],
    access: 'admin',
    params: setupCodeParams,
    body: salutationBodySchema,
    reply: salutationSchema,
    async handle({ params, body, ctx }) {
      const formulas = body.formulas.map((formula) => ({ ...formula, salutationCode: params.code }));
      const keys = new Set(formulas.map((formula) => `${formula.languageCode}/${formula.salutationType}`));
      if (keys.size !== formulas.length) {
        throw new RapportError('validation_failed', 'One formula per language and type.', { fields: [{ path: 'formulas', message: 'One formula per language and type.' }] });
      }
      await ctx.db.transaction(async (tx) => {
        await checkReferences(tx, ctx.identity.tenantId, formulas.map((formula, index) => ({ path: `formulas.${index}.languageCode`, kind: 'language' as const, code: formula.languageCode })));
        await saveSalutation(tx, ctx.identity.tenantId, params.code, body.description, formulas);
      });
      return { code: params.code, description: body.description, formulas };
    },
  }),
];
