/**
 * The contact record (Business Central table 5050) as Rapport keeps it. Text fields are '' when
 * blank, never null, like Business Central's; dates are ISO `YYYY-MM-DD` strings or null.
 */
export type ContactType = 'company' | 'person';
export type CorrespondenceType = '' | 'hardCopy' | 'email';

/** The derived "Contact Business Relation" summary (§11). */
export type ContactBusinessRelationSummary =
  | 'none'
  | 'customer'
  | 'vendor'
  | 'bankAccount'
  | 'employee'
  | 'other'
  | 'multiple';

export type Contact = {
  no: string;
  type: ContactType;
  name: string;
  name2: string;
  searchName: string;
  companyNo: string;
  companyName: string;
  firstName: string;
  middleName: string;
  surname: string;
  initials: string;
  jobTitle: string;
  organizationalLevelCode: string;
  address: string;
  address2: string;
  postCode: string;
  city: string;
  county: string;
  countryRegionCode: string;
  phoneNo: string;
  mobilePhoneNo: string;
  faxNo: string;
  telexNo: string;
  telexAnswerBack: string;
  pager: string;
  extensionNo: string;
  email: string;
  email2: string;
  homePage: string;
  salespersonCode: string;
  territoryCode: string;
  languageCode: string;
  formatRegion: string;
  currencyCode: string;
  salutationCode: string;
  correspondenceType: CorrespondenceType;
  vatRegistrationNo: string;
  registrationNumber: string;
  excludeFromSegment: boolean;
  privacyBlocked: boolean;
  minor: boolean;
  parentalConsentReceived: boolean;
  externalId: string;
  /**
   * Improvement over Business Central: the person fields whose value still comes from the company.
   * A field leaves this set as soon as a user writes it, so a typed value is never overwritten by
   * company propagation, even when it happens to equal the company's old value. Always empty for
   * companies.
   */
  inheritedFields: InheritableField[];
};

/** Simple fields with one Marketing Setup flag each (§2.3 a). */
export const SIMPLE_INHERITED_FIELDS = [
  'salespersonCode',
  'territoryCode',
  'countryRegionCode',
  'languageCode',
  'formatRegion',
] as const;

/** "Address Details" (§2.3 a). The first four form the identity compared at link time. */
export const ADDRESS_FIELDS = ['address', 'address2', 'postCode', 'city', 'county'] as const;
export const ADDRESS_IDENTITY_FIELDS = ['address', 'address2', 'postCode', 'city'] as const;

/** "Communication Details" (§2.3 a); correspondence type is copied at link time only. */
export const COMMUNICATION_FIELDS = [
  'phoneNo',
  'telexNo',
  'faxNo',
  'telexAnswerBack',
  'email',
  'homePage',
  'extensionNo',
  'mobilePhoneNo',
  'pager',
] as const;

export type InheritableField =
  | (typeof SIMPLE_INHERITED_FIELDS)[number]
  | (typeof ADDRESS_FIELDS)[number]
  | (typeof COMMUNICATION_FIELDS)[number]
  | 'correspondenceType';
