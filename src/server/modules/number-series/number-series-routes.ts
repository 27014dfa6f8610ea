import { z } from 'zod';
import { codeParams, noSeriesBodySchema, noSeriesSchema } from '../../../contract/setup';
import { RapportError } from '../../../domain/errors';
import { normalizeNoSeriesLine } from '../../../domain/number-series';
import { defineRoute } from '../../http/route';
import { getNoSeriesWithLines, listNoSeries, saveNoSeries } from './number-series-repository';

const tags = ['Setup'];

export const numberSeriesRoutes = [
  defineRoute({
    method: 'GET',
    url: '/setup/number-series',
    operationId: 'listNumberSeries',
    summary: 'Number series with their lines.',
    tags,
    access: 'user',
    reply: z.object({ items: z.array(noSeriesSchema) }),
    handle: async ({ ctx }) => ({ items: await listNoSeries(ctx.db, ctx.identity.tenantId) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/number-series/:code',
    operationId: 'getNumberSeries',
    summary: 'One number series with its lines.',
    tags,
    access: 'user',
    params: codeParams,
    reply: noSeriesSchema,
    errors: [404],
    async handle({ params, ctx }) {
      const series = await getNoSeriesWithLines(ctx.db, ctx.identity.tenantId, params.code);
      if (!series) throw new RapportError('not_found', `There is no number series ${params.code}.`);
      return series;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/number-series/:code',
    operationId: 'putNumberSeries',
    summary: "Create or replace a number series and its lines; Business Central's line rules normalise and check the numbers.",
    tags,
    access: 'admin',
    params: codeParams,
    body: noSeriesBodySchema,
    reply: noSeriesSchema,
    async handle({ params, body, ctx }) {
      const lineNos = new Set(body.lines.map((line) => line.lineNo));
      if (lineNos.size !== body.lines.length) {
        throw new RapportError('validation_failed', 'Line numbers must be unique.', { fields: [{ path: 'lines', message: 'Line numbers must be unique.' }] });
      }
      const lines = body.lines.map((line, index) => {
        try {
          return normalizeNoSeriesLine({ ...line, open: true });
        } catch (error) {
          if (error instanceof RapportError) {
            throw new RapportError(error.code, error.message, { fields: [{ path: `lines.${index}`, message: error.message }], cause: error });
          }
          throw error;
        }
      });
      const series = { code: params.code, ...body, lines };
      await ctx.db.transaction((tx) => saveNoSeries(tx, ctx.identity.tenantId, series));
      return series;
    },
  }),
];
