import { z } from 'zod';
import { code, isoDate, text } from './common';

export const duplicateSearchFieldSchema = z.enum([
  'name', 'name2', 'address', 'address2', 'city', 'postCode', 'phoneNo', 'mobilePhoneNo', 'vatRegistrationNo', 'email', 'email2', 'homePage', 'county',
]);

export const duplicateSearchSetupSchema = z
  .strictObject({
    rows: z
      .array(z.strictObject({ field: duplicateSearchFieldSchema, part: z.enum(['first', 'last']), length: z.number().int().min(2).max(10) }))
      .max(26),
  })
  .meta({ id: 'DuplicateSearchSetup' });

export const noSeriesLineSchema = z.strictObject({
  lineNo: z.number().int().min(1),
  startingDate: isoDate.nullable().default(null),
  startingNo: code(20),
  endingNo: code(20).default(''),
  warningNo: code(20).default(''),
  incrementByNo: z.number().int().min(1).default(1),
  lastNoUsed: code(20).default(''),
  lastDateUsed: isoDate.nullable().default(null),
  implementation: z.enum(['normal', 'sequence']).default('normal'),
});

export const noSeriesBodySchema = z
  .strictObject({
    description: text(100).default(''),
    defaultNos: z.boolean().default(true),
    manualNos: z.boolean().default(false),
    dateOrder: z.boolean().default(false),
    lines: z.array(noSeriesLineSchema).max(100),
  })
  .meta({ id: 'NoSeriesBody' });

export const noSeriesSchema = z
  .object({
    code: z.string(),
    description: z.string(),
    defaultNos: z.boolean(),
    manualNos: z.boolean(),
    dateOrder: z.boolean(),
    lines: z.array(
      z.object({
        lineNo: z.number(),
        startingDate: z.string().nullable(),
        startingNo: z.string(),
        endingNo: z.string(),
        warningNo: z.string(),
        incrementByNo: z.number(),
        lastNoUsed: z.string(),
        lastDateUsed: z.string().nullable(),
        open: z.boolean(),
        implementation: z.enum(['normal', 'sequence']),
      }),
    ),
  })
  .meta({ id: 'NoSeries' });

export const codeParams = z.strictObject({ code: code(20).refine((value) => value !== '', 'Required.') });

export const salespersonBodySchema = z
  .strictObject({
    name: text(50),
    email: z.email().max(80).or(z.literal('')).default(''),
    jobTitle: text(30).default(''),
    phoneNo: text(30).default(''),
    blocked: z.boolean().default(false),
    privacyBlocked: z.boolean().default(false),
  })
  .meta({ id: 'SalespersonBody' });

export const salespersonSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    email: z.string(),
    jobTitle: z.string(),
    phoneNo: z.string(),
    blocked: z.boolean(),
    privacyBlocked: z.boolean(),
  })
  .meta({ id: 'Salesperson' });

export const codeListKindSchema = z.enum([
  'territory', 'countryRegion', 'language', 'currency', 'businessRelation', 'industryGroup', 'mailingGroup', 'jobResponsibility', 'organizationalLevel', 'team',
]);
export const codeListEntrySchema = z.object({ code: z.string(), description: z.string() }).meta({ id: 'CodeListEntry' });
export const codeListEntryBodySchema = z.strictObject({ description: text(100) });
