import type { MarketingSetup } from '../marketing-setup';
import { splitPersonName } from './name';
import { linkPersonToCompany } from './inheritance';
import type { Contact } from './contact';

type DefaultedField = 'salespersonCode' | 'territoryCode' | 'countryRegionCode' | 'languageCode' | 'formatRegion' | 'correspondenceType' | 'salutationCode';

/**
 * Business Central's defaults at creation (§2.2, Contact.OnInsert), applied only to fields that
 * are still blank:
 * 1. Salesperson Code := Default Salesperson Code, then the user's own salesperson code when
 *    `userSalespersonCode` is not blank (the user's code wins over the setup's);
 * 2. Territory, Country/Region, Language, Format Region, Correspondence Type := their defaults;
 * 3. Salutation Code := Def. Company Salutation Code or Default Person Salutation Code by type.
 *
 * A field that already has a value — typed, or inherited from the company the person was created
 * for — keeps it: inheritance overrides defaults (the German example of §2.2). A field the
 * defaults fill no longer comes from the company, so it leaves `inheritedFields`.
 *
 * Not for contacts created from a customer, vendor or bank account: those skip defaults (§11).
 */
export function applyCreationDefaults(contact: Contact, setup: MarketingSetup, userSalespersonCode: string): Contact {
  const defaults: { [F in DefaultedField]: Contact[F] } = {
    salespersonCode: userSalespersonCode !== '' ? userSalespersonCode : setup.defaultSalespersonCode,
    territoryCode: setup.defaultTerritoryCode,
    countryRegionCode: setup.defaultCountryRegionCode,
    languageCode: setup.defaultLanguageCode,
    formatRegion: setup.defaultFormatRegion,
    correspondenceType: setup.defaultCorrespondenceType,
    salutationCode: contact.type === 'company' ? setup.defCompanySalutationCode : setup.defaultPersonSalutationCode,
  };
  const next: Contact = { ...contact };
  const filled = new Set<string>();
  for (const field of Object.keys(defaults) as DefaultedField[]) {
    if (contact[field] !== '' || defaults[field] === '') continue;
    Object.assign(next, { [field]: defaults[field] });
    filled.add(field);
  }
  if (filled.size === 0) return next;
  return { ...next, inheritedFields: contact.inheritedFields.filter((field) => !filled.has(field)) };
}

/**
 * A person created from its company's "Contact Persons" list (§2.2): Business Central fills the
 * new record from the company before it is inserted, then applies the defaults to what is still
 * blank. So the company's values (language DEU) win over the setup's (ENU), and a blank the
 * company hands down (say, no salesperson) still gets its default.
 */
export function newPersonOfCompany(person: Contact, company: Contact, setup: MarketingSetup, userSalespersonCode: string): Contact {
  return applyCreationDefaults(linkPersonToCompany(person, company, null, setup), setup, userSalespersonCode);
}

/**
 * The type rules of the contact (Contact.TypeChange), run on every insert and type change:
 * - a company is its own company (Company No. := No., Company Name := Name), has no person name
 *   parts, initials, job title or organizational level, and inherits nothing;
 * - a person that still points to itself (it was a company) loses Company No. and Company Name
 *   and gets its Name broken down into parts.
 *
 * The salutation reset of a company becoming a person (§12) needs Marketing Setup and is the
 * caller's; the checks whether the type may change at all are in `type-rules.ts`.
 */
export function applyTypeRules(contact: Contact): Contact {
  if (contact.type === 'company') {
    return {
      ...contact,
      companyNo: contact.no,
      companyName: contact.name,
      firstName: '',
      middleName: '',
      surname: '',
      initials: '',
      jobTitle: '',
      organizationalLevelCode: '',
      inheritedFields: [],
    };
  }
  if (contact.companyNo !== '' && contact.companyNo === contact.no) {
    return { ...contact, companyNo: '', companyName: '', inheritedFields: [], ...splitPersonName(contact.name) };
  }
  return { ...contact };
}
