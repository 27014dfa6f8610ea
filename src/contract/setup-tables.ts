import { z } from 'zod';
import { INTERACTION_TEMPLATE_SETUP_FIELDS } from '../domain/interaction/interaction-template-setup';
import { code, text } from './common';

/**
 * The setup tables an administrator keeps (besides Marketing Setup, number series, salespeople and
 * code lists in setup.ts): their bodies, as the service validates them, and their answers, as the
 * console checks them on arrival.
 */

const required = (max: number) => code(max).refine((value) => value !== '', 'Required.');

/** A path parameter that names a record of a setup table by its Code[10]. */
export const setupCodeParams = z.strictObject({ code: required(10) });

/** A record that is a code and a description: an interaction group, a campaign status. */
export const describedCodeSchema = z.object({ code: z.string(), description: z.string() });
export const describedCodeBodySchema = z.strictObject({ description: text(100) });

// ---- Teams (§9.1: a team task is copied to each member) ----

export const teamBodySchema = z.strictObject({ description: text(100).default(''), salespersonCodes: z.array(code(20)).max(100) });
export const teamSchema = z.object({ code: z.string(), description: z.string(), salespersonCodes: z.array(z.string()) });

// ---- Salutations (§12) ----

export const SALUTATION_NAME_PARTS = ['', 'jobTitle', 'firstName', 'middleName', 'surname', 'initials', 'companyName'] as const;
const namePartSchema = z.enum(SALUTATION_NAME_PARTS);

export const salutationFormulaSchema = z.strictObject({
  languageCode: code(10),
  salutationType: z.enum(['formal', 'informal']),
  salutation: text(50).refine((value) => value !== '', 'Required.'),
  nameParts: z.tuple([namePartSchema, namePartSchema, namePartSchema, namePartSchema, namePartSchema]),
});
export const salutationBodySchema = z.strictObject({ description: text(50).default(''), formulas: z.array(salutationFormulaSchema).max(50) });
export const salutationSchema = z.object({
  code: z.string(),
  description: z.string(),
  formulas: z.array(
    z.object({
      languageCode: z.string(),
      salutationType: z.enum(['formal', 'informal']),
      salutation: z.string(),
      nameParts: z.tuple([namePartSchema, namePartSchema, namePartSchema, namePartSchema, namePartSchema]),
    }),
  ),
});

// ---- Interaction templates (§5.2), their languages and Interaction Template Setup (§5.3) ----

export const interactionTemplateBodySchema = z.strictObject({
  interactionGroupCode: required(10),
  description: text(100).default(''),
  unitCost: z.number().min(0).default(0),
  unitDurationMin: z.number().min(0).default(0),
  informationFlow: z.enum(['', 'outbound', 'inbound']).default(''),
  initiatedBy: z.enum(['', 'us', 'them']).default(''),
  campaignNo: code(20).default(''),
  campaignTarget: z.boolean().default(false),
  campaignResponse: z.boolean().default(false),
  correspondenceType: z.enum(['', 'hardCopy', 'email']).default('email'),
  ignoreContactCorresType: z.boolean().default(false),
  languageCode: code(10).default('').describe('The default language; a language row is created for it.'),
});

export const interactionTemplateSchema = z.object({
  code: z.string(),
  interactionGroupCode: z.string(),
  description: z.string(),
  unitCost: z.number(),
  unitDurationMin: z.number(),
  informationFlow: z.enum(['', 'outbound', 'inbound']),
  initiatedBy: z.enum(['', 'us', 'them']),
  campaignNo: z.string(),
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  correspondenceType: z.enum(['', 'hardCopy', 'email']),
  ignoreContactCorresType: z.boolean(),
  languageCode: z.string(),
});

export const templateLanguageParams = z.strictObject({ code: required(10), languageCode: required(10) });
export const templateLanguageBodySchema = z.strictObject({ description: text(100).default('') });
export const templateLanguageSchema = z.object({ languageCode: z.string(), description: z.string() });

export const interactionTemplateSetupSchema = z
  .strictObject(
    Object.fromEntries(INTERACTION_TEMPLATE_SETUP_FIELDS.map((field) => [field, code(10)])) as Record<(typeof INTERACTION_TEMPLATE_SETUP_FIELDS)[number], ReturnType<typeof code>>,
  )
  .meta({ id: 'InteractionTemplateSetup' });

// ---- Sales cycles (§8.2; the body is salesCycleBodySchema in opportunities.ts) and close opportunity codes (§8.6) ----

export const salesCycleSchema = z.object({
  code: z.string(),
  description: z.string(),
  probabilityCalculation: z.enum(['multiply', 'add', 'chancesOfSuccessPct', 'completedPct']),
  blocked: z.boolean(),
  stages: z.array(
    z.object({
      stage: z.number(),
      description: z.string(),
      completedPct: z.number(),
      chancesOfSuccessPct: z.number(),
      activityCode: z.string(),
      quoteRequired: z.boolean(),
      allowSkip: z.boolean(),
      dateFormula: z.string(),
    }),
  ),
});

export const closeOpportunityCodeBodySchema = z.strictObject({ type: z.enum(['won', 'lost']), description: text(100).default('') });
export const closeOpportunityCodeSchema = z.object({ code: z.string(), type: z.enum(['won', 'lost']), description: z.string() });

// ---- Activities and their steps (§9.2) ----

export const activityStepSchema = z.strictObject({
  stepNo: z.number().int().min(1),
  type: z.enum(['', 'meeting', 'phoneCall']).default(''),
  description: text(100).default(''),
  priority: z.enum(['low', 'normal', 'high']).default('normal'),
  dateFormula: code(20).default('').describe("Language-neutral date formula (CM+1D); blank is the assignment's start date."),
});
export const activityBodySchema = z.strictObject({ description: text(100).default(''), steps: z.array(activityStepSchema).max(100) });
export const activitySchema = z.object({
  code: z.string(),
  description: z.string(),
  steps: z.array(
    z.object({
      stepNo: z.number(),
      type: z.enum(['', 'meeting', 'phoneCall']),
      description: z.string(),
      priority: z.enum(['low', 'normal', 'high']),
      dateFormula: z.string(),
    }),
  ),
});
