import { z } from 'zod';
import { contactTypeSchema } from './contacts';
import { jobSchema } from './jobs';

/**
 * Contact import on the wire. `POST /contacts/import` streams a CSV or JSON-lines file into a
 * staged import and classifies every row (the dry run); `POST /contacts/imports/{id}/run` applies
 * it as a background job. See docs/contact-import.md.
 */

/**
 * The contact fields a column can be mapped to. `companyNo` and `companyName` both link a person to
 * its company, found by number, external id or name, in the file or among the contacts;
 * `businessRelationCode` adds a business relation to a company.
 */
export const IMPORT_FIELDS = [
  'no',
  'externalId',
  'type',
  'name',
  'name2',
  'companyNo',
  'companyName',
  'firstName',
  'middleName',
  'surname',
  'jobTitle',
  'address',
  'address2',
  'postCode',
  'city',
  'county',
  'countryRegionCode',
  'phoneNo',
  'mobilePhoneNo',
  'email',
  'email2',
  'homePage',
  'languageCode',
  'salespersonCode',
  'territoryCode',
  'vatRegistrationNo',
  'businessRelationCode',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const importFieldSchema = z.enum(IMPORT_FIELDS);

/** The fields that identify a row: without one of them mapped, no row could be created or matched. */
export const IDENTIFYING_IMPORT_FIELDS: readonly ImportField[] = ['name', 'firstName', 'surname', 'no', 'externalId'];

const columnName = z.string().trim().min(1, 'Name a column.').max(200, 'At most 200 characters.');

/** Which column (CSV header, or JSON key) feeds each contact field; unmapped columns are ignored. */
export const importMappingSchema = z
  .strictObject(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, columnName.optional()])) as Record<ImportField, z.ZodOptional<typeof columnName>>)
  .refine((mapping) => IDENTIFYING_IMPORT_FIELDS.some((field) => mapping[field] !== undefined), {
    message: `Map a column to one of ${IDENTIFYING_IMPORT_FIELDS.join(', ')}.`,
  })
  .meta({ id: 'ContactImportMapping' });
export type ImportMapping = z.output<typeof importMappingSchema>;

export const savedMappingBodySchema = z.strictObject({ mapping: importMappingSchema });
export const savedMappingSchema = z.object({
  mapping: importMappingSchema.nullable().describe('The tenant\'s saved mapping; null when none is saved (columns named as the fields map themselves).'),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const importUploadQuerySchema = z.strictObject({
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .describe('The column mapping of this upload as JSON (`{"name":"Company","email":"E-mail"}`). Default: the saved mapping for CSV, else columns named as the fields.'),
});

/** What the dry run expects for a row, and what the run did with it once applied. */
export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'duplicate', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export const importOutcomeSchema = z.enum(IMPORT_OUTCOMES);

export const importRowProblemSchema = z.object({
  field: z.string().describe('The contact field, or "" for the row as a whole.'),
  column: z.string().describe('The column of the file, or "" for the row as a whole.'),
  reason: z.string(),
});
export type ImportRowProblem = z.infer<typeof importRowProblemSchema>;

export const importCandidateSchema = z
  .object({
    contactNo: z.string().describe('The existing contact; "" when the candidate is another row of the file.'),
    rowNo: z.number().int().nullable().describe('The row of the file the candidate comes from, when it is not a contact yet.'),
    name: z.string(),
    type: contactTypeSchema,
    noOfMatchingStrings: z.number().int(),
    exactMatches: z.array(z.enum(['email', 'phone'])),
  })
  .meta({ id: 'ContactImportCandidate' });
export type ImportCandidate = z.infer<typeof importCandidateSchema>;

export const importRowSchema = z
  .object({
    rowNo: z.number().int().describe('The row in the file: for CSV the header is row 1, for JSON lines the line number.'),
    outcome: importOutcomeSchema,
    applied: z.boolean().describe('Whether the run has dealt with the row; until then `outcome` is what the dry run expects.'),
    type: contactTypeSchema.nullable(),
    contactNo: z.string().describe('The contact the row matched or created; "" otherwise.'),
    values: z.record(z.string(), z.string()).describe('The row as read, by column.'),
    problems: z.array(importRowProblemSchema).describe('Why the row is refused.'),
    candidates: z.array(importCandidateSchema).describe('The likely duplicates of a new contact.'),
  })
  .meta({ id: 'ContactImportRow' });
export type ImportRowView = z.infer<typeof importRowSchema>;

export const IMPORT_STATUSES = ['staged', 'running', 'imported'] as const;

export const contactImportSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(IMPORT_STATUSES).describe('staged: dry run done, not run (or its run failed or was canceled: run it again); running: its job is queued or running; imported.'),
    format: z.enum(['csv', 'jsonLines']),
    delimiter: z.enum([',', ';']).nullable().describe('The CSV delimiter read from the header line.'),
    columns: z.array(z.string()).describe('The columns of the file: the CSV header, or the JSON keys in the order first seen.'),
    mapping: importMappingSchema,
    mappingSource: z.enum(['request', 'saved', 'columnNames']).describe('Where the mapping came from.'),
    rowCount: z.number().int(),
    counts: z.object(Object.fromEntries(IMPORT_OUTCOMES.map((outcome) => [outcome, z.number().int()])) as Record<ImportOutcome, z.ZodNumber>),
    duplicates: z.enum(['skip', 'create']).nullable().describe('What the run does with likely duplicates; null before a run.'),
    job: jobSchema.nullable().describe('The latest run.'),
    createdBy: z.string(),
    createdAt: z.string(),
    importedAt: z.string().nullable(),
  })
  .meta({ id: 'ContactImport' });
export type ContactImportView = z.infer<typeof contactImportSchema>;

export const importRunBodySchema = z.strictObject({
  duplicates: z.enum(['skip', 'create']).default('skip').describe('Likely duplicates are skipped (and reported) or created anyway.'),
});

export const importIdParams = z.strictObject({ id: z.uuid('An import id is a UUID.') });
