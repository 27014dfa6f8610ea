import type { MarketingSetupBody } from '../../../contract/marketing-setup';

export type SetupField = keyof MarketingSetupBody;

/**
 * How a field is edited:
 * - `code`: Business Central's Code[n] (the service trims and upper-cases it);
 * - `text`: Text[n];
 * - `flag`: a switch;
 * - `choice`: one of `options`;
 * - `integer`: a whole number from `min` to `max`.
 */
export type FieldKind =
  | { kind: 'code'; maxLength: number }
  | { kind: 'text'; maxLength: number }
  | { kind: 'flag' }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'integer'; min: number; max: number };

export type SetupGroup = 'general' | 'inheritance' | 'defaults' | 'interactions' | 'synchronization' | 'numbering' | 'duplicates' | 'emailLogging';

/**
 * Every field of Marketing Setup with its editor, in Business Central's groups and order (page
 * 5094, Marketing Setup): General, Inheritance, Defaults, Interactions, Synchronization (the
 * business relation codes that link contacts with customers, vendors, bank accounts and employees,
 * and the customer templates used when a contact becomes a customer, as the Synchronization tab of
 * earlier versions had them), Numbering, Duplicates, and Rapport's own E-mail logging.
 */
export const SETUP_GROUPS: readonly { group: SetupGroup; fields: readonly SetupField[] }[] = [
  { group: 'general', fields: ['attachmentStorageType', 'attachmentStorageLocation'] },
  {
    group: 'inheritance',
    fields: ['inheritSalespersonCode', 'inheritTerritoryCode', 'inheritCountryRegionCode', 'inheritLanguageCode', 'inheritFormatRegion', 'inheritAddressDetails', 'inheritCommunicationDetails'],
  },
  {
    group: 'defaults',
    fields: [
      'defaultSalespersonCode',
      'defaultTerritoryCode',
      'defaultCountryRegionCode',
      'defaultLanguageCode',
      'defaultFormatRegion',
      'defaultCorrespondenceType',
      'defCompanySalutationCode',
      'defaultPersonSalutationCode',
      'defaultSalesCycleCode',
      'defaultTaskDateCalculation',
    ],
  },
  { group: 'interactions', fields: ['mergefieldLanguageId'] },
  { group: 'synchronization', fields: ['busRelCodeForCustomers', 'busRelCodeForVendors', 'busRelCodeForBankAccs', 'busRelCodeForEmployees', 'custTemplateCompanyCode', 'custTemplatePersonCode'] },
  { group: 'numbering', fields: ['contactNos', 'campaignNos', 'segmentNos', 'taskNos', 'opportunityNos'] },
  { group: 'duplicates', fields: ['maintainDuplSearchStrings', 'autosearchForDuplicates', 'searchHitPercent'] },
  { group: 'emailLogging', fields: ['autoLogSentEmail'] },
];

const code = (maxLength: number): FieldKind => ({ kind: 'code', maxLength });
const text = (maxLength: number): FieldKind => ({ kind: 'text', maxLength });
const flag: FieldKind = { kind: 'flag' };

/** The editor of each field; the lengths and ranges are the contract's (src/contract/marketing-setup.ts). */
export const FIELD_KINDS: { readonly [F in SetupField]: FieldKind } = {
  contactNos: code(20),
  campaignNos: code(20),
  segmentNos: code(20),
  taskNos: code(20),
  opportunityNos: code(20),
  inheritSalespersonCode: flag,
  inheritTerritoryCode: flag,
  inheritCountryRegionCode: flag,
  inheritLanguageCode: flag,
  inheritFormatRegion: flag,
  inheritAddressDetails: flag,
  inheritCommunicationDetails: flag,
  defaultSalespersonCode: code(20),
  defaultTerritoryCode: code(10),
  defaultCountryRegionCode: code(10),
  defaultLanguageCode: code(10),
  defaultFormatRegion: text(80),
  defaultCorrespondenceType: { kind: 'choice', options: ['', 'hardCopy', 'email'] },
  defCompanySalutationCode: code(10),
  defaultPersonSalutationCode: code(10),
  defaultSalesCycleCode: code(10),
  defaultTaskDateCalculation: code(20),
  busRelCodeForCustomers: code(10),
  busRelCodeForVendors: code(10),
  busRelCodeForBankAccs: code(10),
  busRelCodeForEmployees: code(10),
  mergefieldLanguageId: { kind: 'integer', min: 0, max: 65535 },
  attachmentStorageType: { kind: 'choice', options: ['embedded', 'diskFile'] },
  attachmentStorageLocation: text(250),
  autosearchForDuplicates: flag,
  maintainDuplSearchStrings: flag,
  searchHitPercent: { kind: 'integer', min: 1, max: 100 },
  custTemplateCompanyCode: code(10),
  custTemplatePersonCode: code(10),
  autoLogSentEmail: flag,
};
