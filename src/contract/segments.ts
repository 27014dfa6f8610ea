import { z } from 'zod';
import { evaluationSchema } from './interactions';
import { code, isoDate, text } from './common';

export const segmentCreateSchema = z
  .strictObject({
    no: code(20).optional(),
    description: text(100).default(''),
    campaignNo: code(20).default(''),
    campaignTarget: z.boolean().default(false),
    campaignResponse: z.boolean().default(false),
    salespersonCode: code(20).optional(),
    date: isoDate.nullable().default(null),
    interactionTemplateCode: code(10).default(''),
    subject: text(100).default(''),
    correspondenceType: z.enum(['', 'hardCopy', 'email']).default(''),
    ignoreContactCorresType: z.boolean().default(false),
  })
  .meta({ id: 'SegmentCreate' });

const criteriaSchema = z
  .strictObject({
    contact: z
      .strictObject({
        no: code(20),
        searchName: text(100),
        type: z.enum(['company', 'person']),
        salespersonCode: code(20),
        postCode: code(20),
        countryRegionCode: code(10),
        territoryCode: code(10),
      })
      .partial()
      .optional(),
    mailingGroup: z.array(code(10)).max(50).optional(),
    jobResponsibility: z.array(code(10)).max(50).optional(),
    industryGroup: z.array(code(10)).max(50).optional(),
    businessRelation: z.array(code(10)).max(50).optional(),
    interaction: z
      .strictObject({
        dateFrom: isoDate,
        dateTo: isoDate,
        segmentNo: code(20),
        campaignNo: code(20),
        evaluation: evaluationSchema,
        interactionTemplateCode: code(10),
        salespersonCode: code(20),
      })
      .partial()
      .optional(),
  })
  .meta({ id: 'SegmentCriteria' });

export const segmentActionSchema = z
  .strictObject({
    action: z.enum(['add', 'reduce', 'refine']),
    criteria: criteriaSchema,
    options: z
      .strictObject({ allowExistingContacts: z.boolean(), expandCompanies: z.boolean(), allowRelatedCompanies: z.boolean(), ignoreExclusion: z.boolean() })
      .partial()
      .default({}),
  })
  .meta({ id: 'SegmentAction' });

export const segmentSchema = z
  .object({
    no: z.string(),
    description: z.string(),
    campaignNo: z.string(),
    campaignTarget: z.boolean(),
    campaignResponse: z.boolean(),
    salespersonCode: z.string(),
    date: z.string().nullable(),
    interactionTemplateCode: z.string(),
    subject: z.string(),
    correspondenceType: z.string(),
    ignoreContactCorresType: z.boolean(),
    languageCode: z.string(),
    noOfCriteriaActions: z.number(),
    noOfLines: z.number().describe('No. of Lines: all lines of the segment, however many `lines` holds.'),
    lines: z
      .array(z.object({ lineNo: z.number(), contactNo: z.string(), campaignTarget: z.boolean() }))
      .describe('The first 500 lines in line order; GET /segments/{no}/lines pages through all of them.'),
    linesNext: z.number().nullable().describe('Pass as `after` to GET /segments/{no}/lines for the lines after `lines`; null when `lines` holds them all.'),
  })
  .meta({ id: 'Segment' });

/** POST /segments/:no/contacts/preview: what an action would do, nothing changed. */
export const segmentActionPreviewSchema = z
  .object({
    action: z.enum(['add', 'reduce', 'refine']),
    added: z.number().describe('Lines the action would add.'),
    removed: z.number().describe('Lines the action would remove.'),
    noOfLinesBefore: z.number(),
    noOfLinesAfter: z.number(),
  })
  .meta({ id: 'SegmentActionPreview' });

/** A row of GET /segments/:no/lines: a line with its contact's names (Segment Line, §6.1). */
export const segmentLineSchema = z
  .object({ lineNo: z.number(), contactNo: z.string(), contactName: z.string(), contactCompanyName: z.string(), campaignTarget: z.boolean() })
  .meta({ id: 'SegmentLine' });

/** PATCH /segments/:no: the header fields a manager may change after creating the segment (§6.1). */
export const segmentPatchSchema = z
  .strictObject({
    description: text(100),
    campaignNo: code(20),
    campaignTarget: z.boolean(),
    interactionTemplateCode: code(10),
    languageCode: code(10),
    subject: text(100),
    salespersonCode: code(20),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change.')
  .meta({ id: 'SegmentPatch' });

/** A row of GET /segments: the header with its campaign's description and its No. of Lines (FlowField). */
export const segmentListItemSchema = z
  .object({
    no: z.string(),
    description: z.string(),
    campaignNo: z.string(),
    campaignDescription: z.string(),
    campaignTarget: z.boolean(),
    interactionTemplateCode: z.string(),
    salespersonCode: z.string(),
    noOfLines: z.number(),
    lastModified: z.string(),
  })
  .meta({ id: 'SegmentListItem' });

/** A row of GET /logged-segments (§6.3), with its No. of Interactions (FlowField). */
export const loggedSegmentSchema = z
  .object({
    entryNo: z.number(),
    segmentNo: z.string(),
    description: z.string(),
    creationDate: z.string(),
    userId: z.string(),
    noOfInteractions: z.number(),
    canceled: z.boolean(),
  })
  .meta({ id: 'LoggedSegment' });
