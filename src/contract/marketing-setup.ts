import { z } from 'zod';
import { code, text } from './common';

const correspondenceType = z.enum(['', 'hardCopy', 'email']);

/** Marketing Setup on the wire (§1): every field, all required on PUT (the whole record is replaced). */
export const marketingSetupSchema = z
  .strictObject({
    contactNos: code(20),
    campaignNos: code(20),
    segmentNos: code(20),
    taskNos: code(20),
    opportunityNos: code(20),
    inheritSalespersonCode: z.boolean(),
    inheritTerritoryCode: z.boolean(),
    inheritCountryRegionCode: z.boolean(),
    inheritLanguageCode: z.boolean(),
    inheritFormatRegion: z.boolean(),
    inheritAddressDetails: z.boolean(),
    inheritCommunicationDetails: z.boolean(),
    defaultSalespersonCode: code(20),
    defaultTerritoryCode: code(10),
    defaultCountryRegionCode: code(10),
    defaultLanguageCode: code(10),
    defaultFormatRegion: text(80),
    defaultCorrespondenceType: correspondenceType,
    defCompanySalutationCode: code(10),
    defaultPersonSalutationCode: code(10),
    defaultSalesCycleCode: code(10),
    defaultTaskDateCalculation: code(20),
    busRelCodeForCustomers: code(10),
    busRelCodeForVendors: code(10),
    busRelCodeForBankAccs: code(10),
    busRelCodeForEmployees: code(10),
    mergefieldLanguageId: z.number().int().min(0).max(65535),
    attachmentStorageType: z.enum(['embedded', 'diskFile']),
    attachmentStorageLocation: text(250),
    autosearchForDuplicates: z.boolean(),
    maintainDuplSearchStrings: z.boolean(),
    searchHitPercent: z.number().int().min(1).max(100),
    custTemplateCompanyCode: code(10),
    custTemplatePersonCode: code(10),
    autoLogSentEmail: z.boolean(),
  })
  .meta({ id: 'MarketingSetup' });

export type MarketingSetupBody = z.output<typeof marketingSetupSchema>;


/** A partial change of Marketing Setup: any non-empty subset of its fields. */
export const marketingSetupPatchSchema = marketingSetupSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change.')
  .meta({ id: 'MarketingSetupPatch' });
