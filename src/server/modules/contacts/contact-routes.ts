import { z } from 'zod';
import { contactCreateSchema, contactListQuerySchema, contactNoParams, contactPageSchema, contactPatchSchema, contactSchema, contactWriteReplySchema } from '../../../contract/contacts';
import { csvStream } from '../../http/csv';
import { pageOf } from '../../http/paging';
import { defineRoute } from '../../http/route';
import { contactsAsCsv } from './contact-export';
import { findContactsByEmail, listContacts } from './contact-repository';
import { createContact, deleteContact, getContactView, updateContact, viewsOf } from './contact-service';

const tags = ['Contacts'];

export const contactRoutes = [
  defineRoute({
    method: 'POST',
    url: '/contacts',
    operationId: 'createContact',
    summary: 'Create a company or person contact: number from the series, Marketing Setup defaults, inheritance from its company, duplicate search.',
    tags,
    access: 'user',
    body: contactCreateSchema,
    reply: contactWriteReplySchema,
    status: 201,
    errors: [409, 422],
    handle: ({ body, ctx }) => createContact(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts',
    operationId: 'listContacts',
    summary: 'List or search contacts, or find them by e-mail (primary, e-mail 2, alternative addresses).',
    tags,
    access: 'user',
    query: contactListQuerySchema,
    reply: contactPageSchema,
    async handle({ query, ctx }) {
      const tenantId = ctx.identity.tenantId;
      if (query.email !== undefined) {
        return { items: await viewsOf(ctx.db, tenantId, await findContactsByEmail(ctx.db, tenantId, query.email)), next: null };
      }
      const page = pageOf(await listContacts(ctx.db, tenantId, { ...query, limit: query.limit + 1 }), query.limit, (contact) => contact.no);
      return { items: await viewsOf(ctx.db, tenantId, page.items), next: page.next };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/export',
    operationId: 'exportContacts',
    summary: 'The contacts of a filter (the filters of GET /contacts) as a CSV file: header row, UTF-8 with a byte order mark, streamed.',
    tags,
    access: 'manager',
    query: contactListQuerySchema.omit({ email: true, limit: true, after: true }),
    reply: csvStream,
    produces: { contentType: 'text/csv; charset=utf-8', fileName: 'contacts.csv' },
    handle: async ({ query, ctx }) => contactsAsCsv(ctx.db, ctx.identity.tenantId, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no',
    operationId: 'getContact',
    summary: 'One contact.',
    tags,
    access: 'user',
    params: contactNoParams,
    reply: contactSchema,
    errors: [404],
    handle: ({ params, ctx }) => getContactView(ctx, params.no),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/contacts/:no',
    operationId: 'updateContact',
    summary: 'Change fields of a contact; a company change flows to the persons that still inherit it. A person stops inheriting fields from its company, or inherits them again.',
    tags,
    access: 'user',
    params: contactNoParams,
    body: contactPatchSchema,
    reply: contactWriteReplySchema,
    errors: [404, 409, 422],
    handle: ({ params, body, ctx }) => updateContact(ctx, params.no, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/contacts/:no',
    operationId: 'deleteContact',
    summary: 'Delete a contact (a company with its persons), unless open work hangs on it.',
    tags,
    access: 'user',
    params: contactNoParams,
    reply: z.undefined(),
    status: 204,
    errors: [404, 409],
    async handle({ params, ctx }) {
      await deleteContact(ctx, params.no);
      return undefined;
    },
  }),
];
