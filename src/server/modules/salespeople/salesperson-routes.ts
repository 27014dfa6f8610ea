import { z } from 'zod';
import { meSchema } from '../../../contract/me';
import { codeParams, salespersonBodySchema, salespersonSchema } from '../../../contract/setup';
import { RapportError } from '../../../domain/errors';
import { accessLevelOf } from '../../http/identity';
import { defineRoute } from '../../http/route';
import { getSalesperson, listSalespeople, upsertSalesperson } from './salesperson-repository';

const tags = ['Salespeople'];

export const salespersonRoutes = [
  defineRoute({
    method: 'GET',
    url: '/me',
    operationId: 'getMe',
    summary: 'The signed-in user: tenant, e-mail, roles, access level (salesperson, manager, admin) and the salesperson mapped to the e-mail.',
    tags,
    access: 'user',
    reply: meSchema,
    handle: async ({ ctx }) => ({
      ...ctx.identity,
      roles: [...ctx.identity.roles],
      accessLevel: accessLevelOf(ctx.identity),
      salespersonCode: await ctx.currentSalespersonCode(),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/salespeople',
    operationId: 'listSalespeople',
    summary: 'Salespeople.',
    tags,
    access: 'user',
    reply: z.object({ items: z.array(salespersonSchema) }),
    handle: async ({ ctx }) => ({ items: await listSalespeople(ctx.db, ctx.identity.tenantId) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/salespeople/:code',
    operationId: 'getSalesperson',
    summary: 'One salesperson.',
    tags,
    access: 'user',
    params: codeParams,
    reply: salespersonSchema,
    errors: [404],
    async handle({ params, ctx }) {
      const salesperson = await getSalesperson(ctx.db, ctx.identity.tenantId, params.code);
      if (!salesperson) throw new RapportError('not_found', `There is no salesperson ${params.code}.`);
      return salesperson;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/salespeople/:code',
    operationId: 'putSalesperson',
    summary: "Create or replace a salesperson; the e-mail maps a signed-in user (the token's preferred_username) to it.",
    tags,
    access: 'admin',
    params: codeParams,
    body: salespersonBodySchema,
    reply: salespersonSchema,
    async handle({ params, body, ctx }) {
      const salesperson = { code: params.code, ...body };
      await ctx.db.transaction((tx) => upsertSalesperson(tx, ctx.identity.tenantId, salesperson));
      return salesperson;
    },
  }),
];
