import { z } from 'zod';
import { code } from '../../../contract/common';
import { codeListEntryBodySchema, codeListEntrySchema, codeListKindSchema } from '../../../contract/setup';
import { defineRoute } from '../../http/route';

const tags = ['Setup'];

export const referenceDataRoutes = [
  defineRoute({
    method: 'GET',
    url: '/setup/code-lists/:kind',
    operationId: 'listCodeList',
    summary: 'A code list: territories, countries/regions, languages, currencies, business relations, industry groups, mailing groups, job responsibilities, organizational levels, teams.',
    tags,
    access: 'user',
    params: z.strictObject({ kind: codeListKindSchema }),
    reply: z.object({ items: z.array(codeListEntrySchema) }),
    async handle({ params, ctx }) {
      const rows = await ctx.db.query<{ code: string; description: string }>(
        'SELECT code, description FROM code_list WHERE tenant_id = $1 AND kind = $2 ORDER BY code',
        [ctx.identity.tenantId, params.kind],
      );
      return { items: rows };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/code-lists/:kind/:code',
    operationId: 'putCodeListEntry',
    summary: 'Create or rename an entry of a code list.',
    tags,
    access: 'admin',
    params: z.strictObject({ kind: codeListKindSchema, code: code(10).refine((value) => value !== '', 'Required.') }),
    body: codeListEntryBodySchema,
    reply: codeListEntrySchema,
    async handle({ params, body, ctx }) {
      await ctx.db.query(
        `INSERT INTO code_list (tenant_id, kind, code, description) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, kind, code) DO UPDATE SET description = EXCLUDED.description`,
        [ctx.identity.tenantId, params.kind, params.code, body.description],
      );
      return { code: params.code, description: body.description };
    },
  }),
];
