import { z } from 'zod';
import {
  contactImportSchema,
  importIdParams,
  importOutcomeSchema,
  importRowSchema,
  importRunBodySchema,
  importUploadQuerySchema,
  savedMappingBodySchema,
  savedMappingSchema,
} from '../../../contract/contact-import';
import { jobSchema } from '../../../contract/jobs';
import { pageLimit, pageOf } from '../../http/paging';
import { defineRoute, streamBody } from '../../http/route';
import { listImports } from './import-repository';
import {
  discardImport,
  getImportView,
  getMappingView,
  importViewOf,
  listImportRows,
  putMapping,
  refusedRowsCsv,
  requireImport,
  rowViewOf,
  runImport,
  uploadImport,
} from './import-service';

/** The largest file an import takes; it streams, so the size bounds the time, not the memory. */
export const IMPORT_LIMIT_BYTES = 100 * 1024 * 1024;

/** A file answer's chunks, streamed as they come (see `RouteSpec.produces`). */
const csvStream = z.custom<AsyncIterable<string>>((value) => typeof value === 'object' && value !== null && Symbol.asyncIterator in value);

const tags = ['Contact import'];

/** Importing contacts is a manager's: it writes many contacts at once. */
export const contactImportRoutes = [
  defineRoute({
    method: 'POST',
    url: '/contacts/import',
    operationId: 'uploadContactImport',
    summary: 'Upload a CSV or JSON-lines file of contacts: it is staged and every row classified (the dry run); nothing is written to the contacts until the import is run.',
    tags,
    access: 'manager',
    query: importUploadQuerySchema,
    body: streamBody({
      contentTypes: ['text/csv', 'application/x-ndjson', 'application/jsonl'],
      limitBytes: IMPORT_LIMIT_BYTES,
      description: 'CSV (UTF-8 with or without a byte order mark, comma or semicolon, a header row) or JSON lines (one object per line).',
    }),
    reply: contactImportSchema,
    status: 201,
    errors: [422],
    handle: ({ query, body, ctx }) => uploadImport(ctx, body, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/import/mapping',
    operationId: 'getContactImportMapping',
    summary: "The tenant's saved column mapping, used for a CSV upload that names none.",
    tags,
    access: 'manager',
    reply: savedMappingSchema,
    handle: ({ ctx }) => getMappingView(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/contacts/import/mapping',
    operationId: 'saveContactImportMapping',
    summary: 'Save the column mapping for the next CSV uploads.',
    tags,
    access: 'manager',
    body: savedMappingBodySchema,
    reply: savedMappingSchema,
    handle: ({ body, ctx }) => putMapping(ctx, body.mapping),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/imports',
    operationId: 'listContactImports',
    summary: 'The latest contact imports, newest first.',
    tags,
    access: 'manager',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
    reply: z.object({ items: z.array(contactImportSchema) }),
    async handle({ query, ctx }) {
      const records = await listImports(ctx.db, ctx.identity.tenantId, query.limit);
      const items = [];
      for (const record of records) items.push(await importViewOf(ctx, record));
      return { items };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/imports/:id',
    operationId: 'getContactImport',
    summary: 'A contact import: its columns, mapping, counts per outcome and its run.',
    tags,
    access: 'manager',
    params: importIdParams,
    reply: contactImportSchema,
    errors: [404],
    handle: ({ params, ctx }) => getImportView(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/imports/:id/rows',
    operationId: 'listContactImportRows',
    summary: 'The rows of an import in file order, with their outcome, problems and duplicate candidates; optionally of one outcome.',
    tags,
    access: 'manager',
    params: importIdParams,
    query: z.strictObject({ outcome: importOutcomeSchema.optional(), after: z.coerce.number().int().min(0).default(0), limit: pageLimit }),
    reply: z.object({ items: z.array(importRowSchema), next: z.number().nullable() }),
    errors: [404],
    async handle({ params, query, ctx }) {
      const { record, rows } = await listImportRows(ctx, params.id, { outcome: query.outcome, after: query.after, limit: query.limit + 1 });
      const page = pageOf(rows, query.limit, (row) => row.rowNo);
      return { items: page.items.map((row) => rowViewOf(record, row)), next: page.next };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/imports/:id/refused-rows',
    operationId: 'downloadRefusedContactImportRows',
    summary: "The refused rows as CSV in the file's own columns and delimiter, with a reason column: fix them and upload the file again.",
    tags,
    access: 'manager',
    params: importIdParams,
    reply: csvStream,
    errors: [404],
    produces: { contentType: 'text/csv; charset=utf-8', fileName: 'refused-rows.csv' },
    handle: async ({ params, ctx }) => refusedRowsCsv(ctx, await requireImport(ctx, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/contacts/imports/:id/run',
    operationId: 'runContactImport',
    summary: 'Run a staged import as a background job: companies first, then persons; likely duplicates skipped unless told otherwise.',
    tags,
    access: 'manager',
    params: importIdParams,
    body: importRunBodySchema,
    reply: jobSchema,
    status: 202,
    errors: [404, 409],
    handle: ({ params, body, ctx }) => runImport(ctx, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/contacts/imports/:id',
    operationId: 'deleteContactImport',
    summary: 'Discard an import and its staged rows; contacts it created stay.',
    tags,
    access: 'manager',
    params: importIdParams,
    reply: z.undefined(),
    status: 204,
    errors: [404, 409],
    async handle({ params, ctx }) {
      await discardImport(ctx, params.id);
      return undefined;
    },
  }),
];
