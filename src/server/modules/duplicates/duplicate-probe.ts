import type { Contact } from '../../../domain/contact/contact';
import {
  buildDuplicateSearchStrings,
  normalizePhoneForMatch,
  type DuplicateSearchField,
  type DuplicateSearchString,
  type DuplicateSearchStringSetup,
} from '../../../domain/duplicate-search';
import { normalizeEmail } from '../../../domain/email';

/**
 * What a contact is looked up by in the duplicate search, as stored and compared: its search
 * strings as keys, and its own e-mail and phone numbers normalised. Pure: the same contact gives
 * the same probe, which is how an import's run reuses the search it did while planning a row.
 */

/** What a contact is indexed and matched on, without the rest of the contact. */
export type IndexedContact = Pick<Contact, 'no' | 'type' | 'inheritedFields' | DuplicateSearchField>;

/**
 * One search string as it is stored in a contact's array: `field:part:STRING`. The string never
 * holds a colon (Business Central's cleaning deletes it), so the key reads back unambiguously.
 */
export const searchStringKey = (s: DuplicateSearchString): string => `${s.field}:${s.part}:${s.searchString}`;

export function parseSearchStringKey(key: string): DuplicateSearchString {
  const first = key.indexOf(':');
  const second = key.indexOf(':', first + 1);
  return {
    field: key.slice(0, first) as DuplicateSearchField,
    part: key.slice(first + 1, second) as DuplicateSearchString['part'],
    searchString: key.slice(second + 1),
  };
}

/**
 * The values a contact is indexed on. Improvement over Business Central, which indexes companies
 * only: persons are indexed too, but on their own values — a field a person still inherits from its
 * company would make every colleague look like a duplicate.
 */
export function indexedValues(contact: IndexedContact): Partial<Record<DuplicateSearchField, string>> {
  const inherited = new Set<string>(contact.type === 'person' ? contact.inheritedFields : []);
  const value = (field: DuplicateSearchField) => (inherited.has(field) ? '' : String(contact[field]));
  return {
    name: value('name'),
    name2: value('name2'),
    address: value('address'),
    address2: value('address2'),
    city: value('city'),
    postCode: value('postCode'),
    county: value('county'),
    phoneNo: value('phoneNo'),
    mobilePhoneNo: value('mobilePhoneNo'),
    vatRegistrationNo: value('vatRegistrationNo'),
    email: value('email'),
    email2: value('email2'),
    homePage: value('homePage'),
  };
}

const inherits = (contact: IndexedContact, field: DuplicateSearchField): boolean => contact.type === 'person' && (contact.inheritedFields as readonly string[]).includes(field);

export const ownValue = (contact: IndexedContact, field: DuplicateSearchField): string => (inherits(contact, field) ? '' : String(contact[field]));

/** A contact as the duplicate search sees it. */
export type DuplicateProbe = {
  type: Contact['type'];
  /** Its search strings as keys (`searchStringKey`), in setup order. */
  strings: string[];
  /** Its own e-mail, normalised; '' for none. */
  email: string;
  /** Its own phone and mobile numbers, normalised, each of at least six digits. */
  phones: string[];
};

/**
 * What a contact is matched on (the exact matches are Rapport's improvement): its search strings,
 * and its own e-mail and phone numbers, normalised; a value a person inherits from its company is
 * not its own, and a phone number of fewer than six digits identifies nothing.
 */
export function probeOf(contact: IndexedContact, searchSetup: readonly DuplicateSearchStringSetup[]): DuplicateProbe {
  return {
    type: contact.type,
    strings: buildDuplicateSearchStrings(indexedValues(contact), searchSetup).map(searchStringKey),
    email: normalizeEmail(ownValue(contact, 'email')),
    phones: [...new Set([ownValue(contact, 'phoneNo'), ownValue(contact, 'mobilePhoneNo')].map(normalizePhoneForMatch).filter((phone) => phone.length >= 6))],
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** Whether two probes would find the same duplicates. */
export const sameProbe = (a: DuplicateProbe, b: DuplicateProbe): boolean =>
  a.type === b.type && a.email === b.email && sameList(a.strings, b.strings) && sameList(a.phones, b.phones);

/** The values another contact is matched on exactly when a probe looks for it: stored as the contact's search_* columns. */
export function exactKeysOf(contact: IndexedContact): { email: string; phones: string[] } {
  return {
    email: inherits(contact, 'email') ? '' : normalizeEmail(contact.email),
    phones: [
      ...(inherits(contact, 'phoneNo') ? [] : [normalizePhoneForMatch(contact.phoneNo)]),
      ...(inherits(contact, 'mobilePhoneNo') ? [] : [normalizePhoneForMatch(contact.mobilePhoneNo)]),
    ].filter((phone) => phone !== ''),
  };
}
