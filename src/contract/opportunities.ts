import { z } from 'zod';
import { code, isoDate, text } from './common';

export const opportunityCreateSchema = z
  .strictObject({
    no: code(20).optional(),
    description: text(100).refine((value) => value !== '', 'Required.'),
    contactNo: code(20).refine((value) => value !== '', 'Required.'),
    salespersonCode: code(20).optional(),
    campaignNo: code(20).default(''),
    salesCycleCode: code(10).optional().describe("Default: Marketing Setup's Default Sales Cycle Code."),
    priority: z.enum(['low', 'normal', 'high']).default('normal'),
    activateFirstStage: z
      .strictObject({ estimatedValueLcy: z.number(), chancesOfSuccessPct: z.number().min(0).max(100), estimatedCloseDate: isoDate.nullable().default(null) })
      .optional()
      .describe('Enter the first stage at once (requires an estimated value and chances of success above 0).'),
  })
  .meta({ id: 'OpportunityCreate' });

export const opportunityUpdateSchema = z
  .strictObject({
    action: z.enum(['first', 'next', 'previous', 'skip', 'jump', 'update']),
    toStage: z.number().int().min(1).optional(),
    dateOfChange: isoDate.optional().describe('Default: today.'),
    estimatedValueLcy: z.number(),
    chancesOfSuccessPct: z.number().min(0).max(100).default(0).describe("0: the stage's value."),
    estimatedCloseDate: isoDate.nullable().default(null),
    cancelOldTasks: z.boolean().default(false),
  })
  .meta({ id: 'OpportunityUpdate' });

export const opportunityCloseSchema = z
  .strictObject({
    actionTaken: z.enum(['won', 'lost']),
    closeOpportunityCode: code(10).refine((value) => value !== '', 'Required.'),
    dateOfChange: isoDate.optional(),
    calcdCurrentValueLcy: z.number().default(0).describe('Sales (LCY); a linked quote’s total wins on Won.'),
    cancelOldTasks: z.boolean().default(false),
  })
  .meta({ id: 'OpportunityClose' });

export const salesQuoteBodySchema = z.strictObject({ no: code(20).refine((value) => value !== '', 'Required.'), amountLcy: z.number().min(0) });

const entrySchema = z.object({
  entryNo: z.number(),
  salesCycleStage: z.number(),
  previousSalesCycleStage: z.number(),
  dateOfChange: z.string(),
  active: z.boolean(),
  daysOpen: z.number(),
  actionTaken: z.string(),
  estimatedValueLcy: z.number(),
  calcdCurrentValueLcy: z.number(),
  completedPct: z.number(),
  chancesOfSuccessPct: z.number(),
  probabilityPct: z.number(),
  estimatedCloseDate: z.string().nullable(),
  closeOpportunityCode: z.string(),
});

export const opportunitySchema = z
  .object({
    no: z.string(),
    description: z.string(),
    contactNo: z.string(),
    contactCompanyNo: z.string(),
    salespersonCode: z.string(),
    campaignNo: z.string(),
    salesCycleCode: z.string(),
    creationDate: z.string(),
    status: z.enum(['notStarted', 'inProgress', 'won', 'lost']),
    priority: z.string(),
    closed: z.boolean(),
    dateClosed: z.string().nullable(),
    salesDocumentType: z.string(),
    salesDocumentNo: z.string(),
    currentStage: z.number().describe('0 before the first stage and once closed.'),
    currentStageDescription: z.string(),
    estimatedValueLcy: z.number(),
    calcdCurrentValueLcy: z.number(),
    probabilityPct: z.number(),
    chancesOfSuccessPct: z.number(),
    completedPct: z.number(),
    estimatedCloseDate: z.string().nullable(),
    allowedActions: z.array(z.enum(['first', 'next', 'previous', 'skip', 'jump', 'update', 'close'])).describe('What the user can do now.'),
    entries: z.array(entrySchema).optional(),
  })
  .meta({ id: 'Opportunity' });

export const salesCycleBodySchema = z
  .strictObject({
    description: text(100).default(''),
    probabilityCalculation: z.enum(['multiply', 'add', 'chancesOfSuccessPct', 'completedPct']),
    blocked: z.boolean().default(false),
    stages: z
      .array(
        z.strictObject({
          stage: z.number().int().min(1),
          description: text(100).default(''),
          completedPct: z.number().min(0).max(100),
          chancesOfSuccessPct: z.number().min(0).max(100),
          activityCode: code(10).default(''),
          quoteRequired: z.boolean().default(false),
          allowSkip: z.boolean().default(false),
          dateFormula: code(20).default(''),
        }),
      )
      .max(100),
  })
  .meta({ id: 'SalesCycle' });
