import { z } from 'zod';
import { contactCreateSchema, contactNoParams, duplicateCandidateSchema } from '../../../contract/contacts';
import { code } from '../../../contract/common';
import { duplicatePairDetailSchema, duplicatePairListQuerySchema, duplicatePairPageSchema, duplicatePairParams, pairCursorOf } from '../../../contract/duplicates';
import { jobSchema } from '../../../contract/jobs';
import { duplicateSearchSetupSchema } from '../../../contract/setup';
import { validateDuplicateSearchSetup } from '../../../domain/duplicate-search';
import { RapportError } from '../../../domain/errors';
import { pageOf } from '../../http/paging';
import { defineRoute } from '../../http/route';
import { enqueueJob, jobQueued } from '../../jobs/job';
import { contactExists } from '../contacts/contact-repository';
import { getDuplicatePair, listDuplicatePairs } from './duplicate-pairs';
import { queueDuplicateSearchRebuild } from './duplicate-rebuild-job';
import { checkProspectDuplicates, getDuplicateSearchSetup, listDuplicates, setSeparateContacts } from './duplicate-service';

const tags = ['Duplicates'];
const candidates = z.object({ items: z.array(duplicateCandidateSchema) });

export const duplicateRoutes = [
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/duplicates',
    operationId: 'listContactDuplicates',
    summary: 'The likely duplicates of a contact, with matching-string counts, exact e-mail/phone matches and the "separate contacts" mark.',
    tags,
    access: 'user',
    params: contactNoParams,
    reply: candidates,
    errors: [404],
    async handle({ params, ctx }) {
      if (!(await contactExists(ctx.db, ctx.identity.tenantId, params.no))) throw new RapportError('not_found', `There is no contact ${params.no}.`);
      return { items: await listDuplicates(ctx.db, ctx.identity.tenantId, params.no) };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/contacts/:no/duplicates/:duplicateNo',
    operationId: 'markSeparateContacts',
    summary: 'Mark (or unmark) a pair as separate contacts: not duplicates, never proposed again.',
    tags,
    access: 'user',
    params: z.strictObject({ no: code(20), duplicateNo: code(20) }),
    body: z.strictObject({ separateContacts: z.boolean() }),
    reply: z.object({ separateContacts: z.boolean() }),
    errors: [404],
    async handle({ params, body, ctx }) {
      const updated = await ctx.db.transaction((tx) => setSeparateContacts(tx, ctx.identity.tenantId, params.no, params.duplicateNo, body.separateContacts));
      if (!updated) throw new RapportError('not_found', `Contacts ${params.no} and ${params.duplicateNo} are not recorded as duplicates.`);
      return { separateContacts: body.separateContacts };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contact-duplicates',
    operationId: 'listDuplicatePairs',
    summary: 'Contact Duplicates: every pair of contacts the duplicate search found alike, with both names, the matching-string count, exact e-mail/phone matches and the "separate contacts" mark; keyset paged.',
    tags,
    access: 'user',
    query: duplicatePairListQuerySchema,
    reply: duplicatePairPageSchema,
    async handle({ query, ctx }) {
      const rows = await listDuplicatePairs(ctx.db, ctx.identity.tenantId, { separateContacts: query.separateContacts, after: query.after, limit: query.limit + 1 });
      const page = pageOf(rows, query.limit, (pair) => pairCursorOf(pair.contact.no, pair.duplicate.no));
      return { items: page.items, next: page.next };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/duplicates/:duplicateNo',
    operationId: 'getDuplicatePair',
    summary: 'One duplicate pair seen from the first contact, with the search strings of both and which of them match.',
    tags,
    access: 'user',
    params: duplicatePairParams,
    reply: duplicatePairDetailSchema,
    errors: [404],
    async handle({ params, ctx }) {
      const pair = await getDuplicatePair(ctx.db, ctx.identity.tenantId, params.no, params.duplicateNo);
      if (pair === null) throw new RapportError('not_found', `Contacts ${params.no} and ${params.duplicateNo} are not recorded as duplicates.`);
      return pair;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/contacts/duplicate-check',
    operationId: 'checkContactDuplicates',
    summary: 'The duplicates a contact would have, before it is created (nothing is stored).',
    tags,
    access: 'user',
    body: contactCreateSchema,
    reply: candidates,
    handle: async ({ body, ctx }) => ({ items: await checkProspectDuplicates(ctx.db, ctx.identity.tenantId, body) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/duplicate-search',
    operationId: 'getDuplicateSearchSetup',
    summary: 'Duplicate Search String Setup: which parts of which fields are compared.',
    tags: ['Setup'],
    access: 'user',
    reply: duplicateSearchSetupSchema,
    handle: async ({ ctx }) => ({ rows: await getDuplicateSearchSetup(ctx.db, ctx.identity.tenantId) }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/duplicate-search',
    operationId: 'putDuplicateSearchSetup',
    summary: 'Replace the Duplicate Search String Setup; a rebuild of the index is queued (or the one under way starts over with the new setup).',
    tags: ['Setup'],
    access: 'admin',
    body: duplicateSearchSetupSchema,
    reply: duplicateSearchSetupSchema.extend({ rebuild: jobSchema.describe('The rebuild job that brings the index and the pairs in line with the new setup.') }),
    async handle({ body, ctx }) {
      validateDuplicateSearchSetup(body.rows);
      const tenantId = ctx.identity.tenantId;
      const rebuild = await ctx.db.transaction(async (tx) => {
        await tx.query('DELETE FROM duplicate_search_string_setup WHERE tenant_id = $1', [tenantId]);
        for (const row of body.rows) {
          await tx.query('INSERT INTO duplicate_search_string_setup (tenant_id, field, part, length) VALUES ($1, $2, $3, $4)', [tenantId, row.field, row.part, row.length]);
        }
        return queueDuplicateSearchRebuild(tx, ctx.identity);
      });
      jobQueued.emit('queued');
      return { rows: await getDuplicateSearchSetup(ctx.db, tenantId), rebuild };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/setup/duplicate-search/rebuild',
    operationId: 'rebuildDuplicateIndex',
    summary:
      'Generate Duplicate Search Strings: a background job rebuilds the search strings and the duplicate pairs of every contact (pairs marked separate are kept). Follow it with GET /jobs/{id}; its outcome counts the contacts indexed and the pairs found.',
    tags: ['Setup'],
    access: 'admin',
    reply: jobSchema,
    status: 202,
    errors: [409],
    handle: ({ ctx }) => enqueueJob(ctx, 'duplicate-search-rebuild', {}),
  }),
];
