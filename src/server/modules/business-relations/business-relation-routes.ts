import { z } from 'zod';
import { accountCreateSchema, accountKindSchema, accountPatchSchema, accountSchema, contactBusinessRelationSchema, linkBodySchema } from '../../../contract/business-relations';
import { code } from '../../../contract/common';
import { contactNoParams } from '../../../contract/contacts';
import { jobSchema } from '../../../contract/jobs';
import { businessRelationCodeFor } from '../../../domain/business-relation';
import { RapportError } from '../../../domain/errors';
import { pageLimit, pageOf } from '../../http/paging';
import { defineRoute, type AnyRoute } from '../../http/route';
import { enqueueJob } from '../../jobs/job';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { getAccount, listAccounts, type AccountKindWithTable } from './account-repository';
import { addRelation, createAccount, createContactAs, linkContactWithAccount, listRelations, removeAccount, removeRelation, updateAccount } from './business-relation-service';

const tags = ['Business relations'];
const required = (max: number) => code(max).refine((value) => value !== '', 'Required.');

/** The same five routes for each kind of account, from one definition. */
function accountRoutes(kind: AccountKindWithTable, path: string, caption: string, plural: string): AnyRoute[] {
  const params = z.strictObject({ no: required(20) });
  const tagsOf = ['Customers, vendors, bank accounts'];
  const operation = (verb: string) => `${verb}${caption.replace(/ /g, '')}`;
  return [
    defineRoute({
      method: 'GET',
      url: path,
      operationId: operation('list'),
      summary: `${plural}, in number order.`,
      tags: tagsOf,
      access: 'user',
      query: z.strictObject({ after: z.string().max(20).default(''), limit: pageLimit }),
      reply: z.object({ items: z.array(accountSchema), next: z.string().nullable() }),
      async handle({ query, ctx }) {
        const rows = await listAccounts(ctx.db, ctx.identity.tenantId, kind, query.after, query.limit + 1);
        return pageOf(rows, query.limit, (account) => account.no);
      },
    }),
    defineRoute({
      method: 'POST',
      url: path,
      operationId: operation('create'),
      summary: `Create a ${caption.toLowerCase()}; with the business relation code set in Marketing Setup, a company contact is created and linked.`,
      tags: tagsOf,
      access: 'user',
      body: accountCreateSchema,
      reply: accountSchema,
      status: 201,
      errors: [409],
      handle: ({ body, ctx }) => createAccount(ctx, kind, body),
    }),
    defineRoute({
      method: 'GET',
      url: `${path}/:no`,
      operationId: operation('get'),
      summary: `One ${caption.toLowerCase()}.`,
      tags: tagsOf,
      access: 'user',
      params,
      reply: accountSchema,
      errors: [404],
      async handle({ params: { no }, ctx }) {
        const account = await getAccount(ctx.db, ctx.identity.tenantId, kind, no);
        if (!account) throw new RapportError('not_found', `There is no ${caption.toLowerCase()} ${no}.`);
        return account;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${path}/:no`,
      operationId: operation('update'),
      summary: `Change a ${caption.toLowerCase()}; its fields flow to the linked contact.`,
      tags: tagsOf,
      access: 'user',
      params,
      body: accountPatchSchema,
      reply: accountSchema,
      errors: [404],
      handle: ({ params: { no }, body, ctx }) => updateAccount(ctx, kind, no, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${path}/:no`,
      operationId: operation('delete'),
      summary: `Delete a ${caption.toLowerCase()}; only the link goes, the contact stays.`,
      tags: tagsOf,
      access: 'user',
      params,
      reply: z.undefined(),
      status: 204,
      errors: [404],
      async handle({ params: { no }, ctx }) {
        await removeAccount(ctx, kind, no);
        return undefined;
      },
    }),
  ];
}

export const businessRelationRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/business-relations',
    operationId: 'listContactBusinessRelations',
    summary: "A contact's business relations, with the customer/vendor/bank account each links to.",
    tags,
    access: 'user',
    params: contactNoParams,
    reply: z.object({ items: z.array(contactBusinessRelationSchema) }),
    errors: [404],
    handle: async ({ params, ctx }) => ({ items: await listRelations(ctx, params.no) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/contacts/:no/business-relations/:code',
    operationId: 'addContactBusinessRelation',
    summary: 'Add a business relation (not one of the linked setup codes) to a contact.',
    tags,
    access: 'user',
    params: z.strictObject({ no: required(20), code: required(10) }),
    reply: contactBusinessRelationSchema,
    errors: [404],
    handle: ({ params, ctx }) => addRelation(ctx, params.no, params.code),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/contacts/:no/business-relations/:code',
    operationId: 'removeContactBusinessRelation',
    summary: 'Remove a business relation from a contact; a linked record stays.',
    tags,
    access: 'user',
    params: z.strictObject({ no: required(20), code: required(10) }),
    reply: z.undefined(),
    status: 204,
    errors: [404],
    async handle({ params, ctx }) {
      await removeRelation(ctx, params.no, params.code);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/contacts/create-from-accounts/:kind',
    operationId: 'createContactsFromAccounts',
    summary:
      'Create Contacts from Customers / Vendors / Bank Accounts: a background job gives every account without a contact a company contact with the relation code of Marketing Setup. Follow it with GET /jobs/{id}; its outcome counts the contacts created and the accounts already linked. Refused at once when the relation code is not set.',
    tags,
    access: 'admin',
    params: z.strictObject({ kind: accountKindSchema }),
    reply: jobSchema,
    status: 202,
    errors: [409, 422],
    async handle({ params, ctx }) {
      // Refused before anything is queued, as Business Central refuses before it starts.
      businessRelationCodeFor(await getMarketingSetup(ctx.db, ctx.identity.tenantId), params.kind);
      return enqueueJob(ctx, 'create-contacts-from-accounts', { kind: params.kind });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/contacts/:no/create-as/:kind',
    operationId: 'createContactAs',
    summary: "Create as Customer / Vendor / Bank Account: for a person with a company, for the company.",
    tags,
    access: 'user',
    params: z.strictObject({ no: required(20), kind: accountKindSchema }),
    reply: accountSchema,
    status: 201,
    errors: [404, 409, 422],
    handle: ({ params, ctx }) => createContactAs(ctx, params.no, params.kind),
  }),
  defineRoute({
    method: 'POST',
    url: '/contacts/:no/link',
    operationId: 'linkContactWithAccount',
    summary: 'Link a contact with an existing customer, vendor or bank account; Current Master Fields decides whose fields win.',
    tags,
    access: 'user',
    params: contactNoParams,
    body: linkBodySchema,
    reply: accountSchema,
    errors: [404, 409, 422],
    handle: ({ params, body, ctx }) => linkContactWithAccount(ctx, params.no, body.kind, body.no, body.currentMasterFields),
  }),
  ...accountRoutes('customer', '/customers', 'Customer', 'Customers'),
  ...accountRoutes('vendor', '/vendors', 'Vendor', 'Vendors'),
  ...accountRoutes('bankAccount', '/bank-accounts', 'Bank Account', 'Bank accounts'),
];
