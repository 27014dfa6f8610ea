import { z } from 'zod';
import { code, isoDate, text } from './common';

export const campaignBodySchema = z
  .strictObject({
    no: code(20).optional().describe('A typed number; needs Manual Nos. on the campaign series.'),
    description: text(100).default(''),
    startingDate: isoDate.nullable().default(null),
    endingDate: isoDate.nullable().default(null),
    salespersonCode: code(20).optional().describe("Default: the signed-in user's salesperson."),
    statusCode: code(10).default(''),
  })
  .meta({ id: 'CampaignCreate' });

export const campaignPatchSchema = z
  .strictObject({
    description: text(100),
    startingDate: isoDate.nullable(),
    endingDate: isoDate.nullable(),
    salespersonCode: code(20),
    statusCode: code(10),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change.')
  .meta({ id: 'CampaignPatch' });

export const campaignSchema = z
  .object({
    no: z.string(),
    description: z.string(),
    startingDate: z.string().nullable(),
    endingDate: z.string().nullable(),
    salespersonCode: z.string(),
    statusCode: z.string(),
    statusDescription: z.string(),
    activated: z.boolean().describe('Its sales prices and line discounts apply to its target group.'),
  })
  .meta({ id: 'Campaign' });

export const campaignListItemSchema = campaignSchema
  .extend({
    noOfTargets: z
      .number()
      .int()
      .describe("Contacts the campaign targets: Campaign Target lines of its segments and contacts of its Campaign Target interactions that are not canceled."),
  })
  .meta({ id: 'CampaignListItem' });

export const targetGroupMemberSchema = z
  .object({
    type: z.enum(['customer', 'contact']).describe('A targeted company linked to a customer is in the group as that customer.'),
    no: z.string(),
    name: z.string().describe("The company's name (for a customer, its linked company contact's)."),
  })
  .meta({ id: 'CampaignTargetGroupMember' });

export const targetGroupSchema = z
  .object({
    activated: z.boolean().describe('Whether the campaign is activated now.'),
    members: z.array(targetGroupMemberSchema),
    warnings: z.array(z.string()).describe('What Activate would warn about (no targets, no price lines).'),
  })
  .meta({ id: 'CampaignTargetGroup' });

export const priceLineSchema = z
  .strictObject({
    lineNo: z.number().int().min(1),
    kind: z.enum(['price', 'discount']),
    itemNo: code(20).refine((value) => value !== '', 'Required.'),
    minimumQuantity: z.number().min(0).default(0),
    unitPrice: z.number().default(0),
    lineDiscountPct: z.number().default(0),
    startingDate: isoDate.nullable().default(null).describe("The campaign's Starting Date: a line takes its campaign's dates and follows them."),
    endingDate: isoDate.nullable().default(null).describe("The campaign's Ending Date."),
  })
  .meta({ id: 'CampaignPriceLine' });

/** A line as PUT gives it: the dates may be left out; given, they must be the campaign's. */
export const priceLineBodySchema = z
  .strictObject({
    lineNo: z.number().int().min(1),
    kind: z.enum(['price', 'discount']),
    itemNo: code(20).refine((value) => value !== '', 'Required.'),
    minimumQuantity: z.number().min(0).default(0),
    unitPrice: z.number().default(0),
    lineDiscountPct: z.number().default(0),
    startingDate: isoDate.nullable().optional().describe("Leave out: the line takes the campaign's Starting Date. Another date is refused."),
    endingDate: isoDate.nullable().optional().describe("Leave out: the line takes the campaign's Ending Date. Another date is refused."),
  })
  .meta({ id: 'CampaignPriceLineInput' });

export const contactCampaignSchema = campaignSchema.extend({ priceLines: z.array(priceLineSchema) });

export const itemSchema = z.object({ no: z.string(), description: z.string(), unitPrice: z.number(), baseUnitOfMeasure: z.string() }).meta({ id: 'Item' });
export const itemBodySchema = z.strictObject({ description: text(100), unitPrice: z.number().min(0).default(0), baseUnitOfMeasure: code(10).default('') });

export const campaignStatisticsSchema = z
  .object({
    targetContactsContacted: z.number(),
    contactsResponded: z.number(),
    responseRatePct: z.number(),
    costLcy: z.number(),
    durationMin: z.number(),
    avgCostPerResponseLcy: z.number(),
    avgDurationPerResponseMin: z.number(),
    noOfOpportunities: z.number(),
    estimatedValueLcy: z.number(),
    calcdCurrentValueLcy: z.number(),
  })
  .meta({ id: 'CampaignStatistics' });

export const campaignEntrySchema = z
  .object({
    entryNo: z.number(),
    campaignNo: z.string(),
    description: z.string(),
    date: z.string(),
    segmentNo: z.string(),
    salespersonCode: z.string(),
    documentType: z.string(),
    canceled: z.boolean(),
    noOfInteractions: z.number(),
  })
  .meta({ id: 'CampaignEntry' });

/** The campaign fields an interaction may carry (§5.4): the campaign, and whether it targets or answers it. */
export const interactionCampaignFields = {
  campaignNo: code(20).optional(),
  campaignTarget: z.boolean().optional(),
  campaignResponse: z.boolean().optional(),
};
