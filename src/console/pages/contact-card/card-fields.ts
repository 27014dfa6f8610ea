import type { z } from 'zod';
import type { contactSchema } from '../../../contract/contacts';

export type CardContact = z.output<typeof contactSchema>;

/** A field of the contact the card shows (`lastModified` and `businessRelation` are derived, not written). */
export type CardField = Exclude<keyof CardContact, 'inheritedFields' | 'companyName'>;

export type CardGroup = 'general' | 'address' | 'communication' | 'privacy';

/**
 * The fields of a contact card in Business Central's groups and order (page 5050, Contact Card):
 * a company's General tab has its names, VAT and registration numbers; a person's has the name
 * parts, job title and company. Both share the address, communication and the segment and privacy
 * flags (minors and parental consent are persons' only).
 */
export function cardGroups(type: CardContact['type']): readonly { group: CardGroup; fields: readonly CardField[] }[] {
  const shared: readonly CardField[] = ['salespersonCode', 'territoryCode', 'languageCode', 'formatRegion', 'currencyCode', 'salutationCode', 'correspondenceType', 'externalId', 'businessRelation', 'lastModified'];
  const general: readonly CardField[] =
    type === 'company'
      ? ['no', 'type', 'name', 'name2', 'searchName', ...shared, 'vatRegistrationNo', 'registrationNumber']
      : ['no', 'type', 'name', 'firstName', 'middleName', 'surname', 'initials', 'jobTitle', 'companyNo', 'organizationalLevelCode', 'searchName', ...shared];
  return [
    { group: 'general', fields: general },
    { group: 'address', fields: ['address', 'address2', 'postCode', 'city', 'county', 'countryRegionCode'] },
    { group: 'communication', fields: ['phoneNo', 'mobilePhoneNo', 'faxNo', 'telexNo', 'telexAnswerBack', 'pager', 'extensionNo', 'email', 'email2', 'homePage'] },
    { group: 'privacy', fields: type === 'company' ? ['excludeFromSegment', 'privacyBlocked'] : ['excludeFromSegment', 'privacyBlocked', 'minor', 'parentalConsentReceived'] },
  ];
}

/** Whether the person's field still follows its company (the service's `inheritedFields`). */
export const isInherited = (contact: CardContact, field: CardField): boolean => contact.type === 'person' && contact.inheritedFields.includes(field);
