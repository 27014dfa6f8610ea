import type { CorrespondenceType } from './contact/contact';

/**
 * Marketing Setup (Business Central table 5079), one per tenant (§1). Codes are '' when blank.
 * The legacy Exchange e-mail logging fields are not carried: Rapport logs from the add-in.
 */
export type MarketingSetup = {
  contactNos: string;
  campaignNos: string;
  segmentNos: string;
  taskNos: string;
  opportunityNos: string;

  inheritSalespersonCode: boolean;
  inheritTerritoryCode: boolean;
  inheritCountryRegionCode: boolean;
  inheritLanguageCode: boolean;
  inheritFormatRegion: boolean;
  inheritAddressDetails: boolean;
  inheritCommunicationDetails: boolean;

  defaultSalespersonCode: string;
  defaultTerritoryCode: string;
  defaultCountryRegionCode: string;
  defaultLanguageCode: string;
  defaultFormatRegion: string;
  defaultCorrespondenceType: CorrespondenceType;
  defCompanySalutationCode: string;
  defaultPersonSalutationCode: string;
  defaultSalesCycleCode: string;
  /** A Business Central date formula such as `1W`; '' when blank. */
  defaultTaskDateCalculation: string;

  busRelCodeForCustomers: string;
  busRelCodeForVendors: string;
  busRelCodeForBankAccs: string;
  busRelCodeForEmployees: string;

  mergefieldLanguageId: number;
  attachmentStorageType: 'embedded' | 'diskFile';
  attachmentStorageLocation: string;

  autosearchForDuplicates: boolean;
  maintainDuplSearchStrings: boolean;
  /** 1..100 */
  searchHitPercent: number;

  custTemplateCompanyCode: string;
  custTemplatePersonCode: string;

  /** Rapport: log sent mail automatically to the contacts among its recipients. */
  autoLogSentEmail: boolean;
};
