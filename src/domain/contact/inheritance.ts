import { RapportError } from '../errors';
import type { MarketingSetup } from '../marketing-setup';
import {
  ADDRESS_FIELDS,
  ADDRESS_IDENTITY_FIELDS,
  COMMUNICATION_FIELDS,
  SIMPLE_INHERITED_FIELDS,
  type Contact,
  type InheritableField,
} from './contact';

/**
 * Company → person inheritance (§2.3), with Rapport's improvement.
 *
 * Business Central has no record of which person fields came from the company: it treats a field
 * as inherited while its value equals the company's, so a value a user typed that happens to equal
 * the company's is overwritten by the next company change (§14). Rapport keeps that record in
 * `Contact.inheritedFields` and decides by it:
 * - a field enters the record when it is copied from the company (linking, or a change flowing
 *   down), and leaves it when a user writes it (`recordUserEdits`) or a default fills it;
 * - a field outside the record is never overwritten by a change of the company, whatever its value.
 *
 * Linking is still Business Central's rule (blank, or what the previous company handed down, is
 * replaced), with the same improvement: "handed down" means recorded as inherited *and* still
 * equal to the previous company's value, not merely equal.
 */

type InheritanceFlag =
  | 'inheritSalespersonCode'
  | 'inheritTerritoryCode'
  | 'inheritCountryRegionCode'
  | 'inheritLanguageCode'
  | 'inheritFormatRegion';

const SIMPLE_FLAGS: Record<(typeof SIMPLE_INHERITED_FIELDS)[number], InheritanceFlag> = {
  salespersonCode: 'inheritSalespersonCode',
  territoryCode: 'inheritTerritoryCode',
  countryRegionCode: 'inheritCountryRegionCode',
  languageCode: 'inheritLanguageCode',
  formatRegion: 'inheritFormatRegion',
};

/** Communication Details as copied when linking: correspondence type goes along then, and only then. */
const COMMUNICATION_AT_LINK: readonly InheritableField[] = [...COMMUNICATION_FIELDS, 'correspondenceType'];

const INHERITABLE_FIELDS: ReadonlySet<string> = new Set<InheritableField>([
  ...SIMPLE_INHERITED_FIELDS,
  ...ADDRESS_FIELDS,
  ...COMMUNICATION_AT_LINK,
]);

/** Whether a field name is one a person can inherit from its company. */
export const isInheritableField = (field: string): field is InheritableField => INHERITABLE_FIELDS.has(field);

// Every inheritable field holds a string (CorrespondenceType is a string union), so copying one
// from the company keeps the record well-typed.
const withField = (contact: Contact, field: InheritableField, value: Contact[InheritableField]): Contact => ({ ...contact, [field]: value });

function assertPersonAndCompany(person: Contact, company: Contact): void {
  if (person.type !== 'person') {
    throw new RapportError('contact_company_invalid', `Company No. can only be set on a person contact; contact ${person.no} is a company.`, {
      fields: [{ path: 'companyNo', message: 'Only persons belong to a company.' }],
    });
  }
  if (company.type !== 'company') {
    throw new RapportError('contact_company_invalid', `Contact ${company.no} is not a company contact. You must select an existing company contact.`, {
      fields: [{ path: 'companyNo', message: 'You must select an existing company contact.' }],
    });
  }
}

/**
 * Links a person to a company (§2.3 b, Contact.InheritCompanyToPersonData): the person's
 * Company No. and Company Name are set, then, per Marketing Setup flag:
 * - Salesperson, Territory, Country/Region, Language, Format Region: copied unconditionally,
 *   overwriting whatever the person had;
 * - Address Details: the whole block (Address, Address 2, Post Code, City, County) is copied only
 *   when the person's address is stale — its four identity fields (County is not compared) are
 *   all blank, or all still handed down by `previousCompany`. One differing component keeps the
 *   person's whole address;
 * - Communication Details and Correspondence Type: field by field, copied when the person's value
 *   is blank or still handed down by `previousCompany`.
 * "Handed down" = listed in the person's `inheritedFields` and equal to the previous company's
 * value; Business Central only compares values, so it also replaces a value the user typed that
 * equals the previous company's — Rapport keeps that one.
 *
 * `previousCompany` is the company the person belonged to before (null for none, or a new person).
 * The result's `inheritedFields` lists exactly the fields copied now. Blank stays a "nothing to
 * lose" signal here, as in Business Central, even for a field the user cleared.
 *
 * Throws `contact_company_invalid` unless `person` is a person and `company` a company. The
 * caller checks the rest of Company No.'s validation (unlogged segments, history re-pointing).
 */
export function linkPersonToCompany(person: Contact, company: Contact, previousCompany: Contact | null, setup: MarketingSetup): Contact {
  assertPersonAndCompany(person, company);
  const wasInherited = new Set<string>(person.inheritedFields);
  const handedDown = (field: InheritableField): boolean =>
    previousCompany !== null && wasInherited.has(field) && person[field] === previousCompany[field];
  const stale = (field: InheritableField): boolean => person[field] === '' || handedDown(field);

  let next: Contact = { ...person, companyNo: company.no, companyName: company.name };
  const inherited: InheritableField[] = [];
  const copy = (field: InheritableField): void => {
    next = withField(next, field, company[field]);
    inherited.push(field);
  };

  for (const field of SIMPLE_INHERITED_FIELDS) if (setup[SIMPLE_FLAGS[field]]) copy(field);
  if (setup.inheritAddressDetails) {
    const blankAddress = ADDRESS_IDENTITY_FIELDS.every((field) => person[field] === '');
    if (blankAddress || ADDRESS_IDENTITY_FIELDS.every(handedDown)) ADDRESS_FIELDS.forEach(copy);
  }
  if (setup.inheritCommunicationDetails) for (const field of COMMUNICATION_AT_LINK) if (stale(field)) copy(field);

  return { ...next, inheritedFields: inherited };
}

/**
 * A company contact changed from `oldCompany` to `newCompany` (§2.3 c, Contact.OnModify): what
 * flows to one of its persons. Company Name always follows the company's Name. Otherwise a field
 * flows only when its Marketing Setup flag is on, it changed on the company, and the person still
 * inherits it (`inheritedFields`) — Rapport's improvement over Business Central's "the person's
 * value equals the company's old value": a value the user typed is never overwritten, even when
 * it equals the company's old value.
 *
 * Address Details move as a block: only while the person inherits all four identity fields
 * (Address, Address 2, Post Code, City); then every component that changed on the company is
 * copied, County included (as in Business Central — a county belongs to its address), and is
 * inherited from then on. Correspondence Type does not flow (link time only).
 *
 * `changed` says whether the person differs and must be saved (with its own linked customers and
 * vendors re-synced, §11). Throws `contact_company_invalid` unless `person` is a person of
 * `newCompany`.
 */
export function propagateCompanyChange(person: Contact, oldCompany: Contact, newCompany: Contact, setup: MarketingSetup): { person: Contact; changed: boolean } {
  assertPersonAndCompany(person, newCompany);
  if (person.companyNo !== newCompany.no) {
    throw new RapportError('contact_company_invalid', `Contact ${person.no} does not belong to company ${newCompany.no}.`, {
      details: { contactNo: person.no, companyNo: person.companyNo },
    });
  }
  const inherited = new Set<InheritableField>(person.inheritedFields);
  let next: Contact = person;
  let changed = false;
  const follow = (field: InheritableField): void => {
    if (oldCompany[field] === newCompany[field]) return;
    inherited.add(field);
    if (next[field] === newCompany[field]) return;
    next = withField(next, field, newCompany[field]);
    changed = true;
  };

  if (person.companyName !== newCompany.name) {
    next = { ...next, companyName: newCompany.name };
    changed = true;
  }
  for (const field of SIMPLE_INHERITED_FIELDS) if (setup[SIMPLE_FLAGS[field]] && inherited.has(field)) follow(field);
  if (setup.inheritAddressDetails && ADDRESS_IDENTITY_FIELDS.every((field) => inherited.has(field))) ADDRESS_FIELDS.forEach(follow);
  if (setup.inheritCommunicationDetails) for (const field of COMMUNICATION_FIELDS) if (inherited.has(field)) follow(field);

  // A county the user had typed rejoins the record when the block moves: that too must be saved.
  const inheritedChanged = inherited.size !== person.inheritedFields.length;
  if (!changed && !inheritedChanged) return { person: { ...person }, changed: false };
  return { person: { ...next, inheritedFields: inheritedChanged ? [...inherited] : [...person.inheritedFields] }, changed: true };
}

/**
 * A user wrote `editedFields` on a person: each of them stops following the company, whatever the
 * value written — the same as the company's (a deliberate choice Business Central cannot tell
 * from inheritance), or blank. Blank is not read as "inherit again": clearing an inherited
 * value (no switchboard number on this person) must survive the next company change, so "inherit
 * again" is its own action (`inheritFromCompany`). Names that are not inheritable are ignored.
 *
 * Contract for callers: pass the fields the user wrote, not every field of a form that was sent
 * back unchanged — a field listed here is the user's from now on.
 */
export function recordUserEdits(person: Contact, editedFields: readonly string[]): Contact {
  const edited = new Set(editedFields);
  return { ...person, inheritedFields: person.inheritedFields.filter((field) => !edited.has(field)) };
}

/**
 * "Inherit again": the person takes its company's current value for `fields` and follows the
 * company for them from now on — the explicit counterpart of `recordUserEdits`. An address field
 * brings the whole Address Details block along (the block moves as one, §2.3). Fields whose
 * Marketing Setup flag is off, and names that are not inheritable, are left alone; Correspondence
 * Type is copied under the Communication Details flag, as at link time.
 *
 * Throws `contact_company_invalid` unless `person` is a person of `company`.
 */
export function inheritFromCompany(person: Contact, company: Contact, fields: readonly string[], setup: MarketingSetup): Contact {
  assertPersonAndCompany(person, company);
  if (person.companyNo !== company.no) {
    throw new RapportError('contact_company_invalid', `Contact ${person.no} does not belong to company ${company.no}.`, {
      fields: [{ path: 'companyNo', message: 'The person does not belong to this company.' }],
    });
  }
  const requested = new Set(fields);
  const wanted = new Set<InheritableField>();
  for (const field of SIMPLE_INHERITED_FIELDS) if (requested.has(field) && setup[SIMPLE_FLAGS[field]]) wanted.add(field);
  if (setup.inheritAddressDetails && ADDRESS_FIELDS.some((field) => requested.has(field))) ADDRESS_FIELDS.forEach((field) => wanted.add(field));
  if (setup.inheritCommunicationDetails) for (const field of COMMUNICATION_AT_LINK) if (requested.has(field)) wanted.add(field);

  let next: Contact = { ...person };
  for (const field of wanted) next = withField(next, field, company[field]);
  const inheritedFields = [...person.inheritedFields, ...[...wanted].filter((field) => !person.inheritedFields.includes(field))];
  return { ...next, inheritedFields };
}

/**
 * "Stop inheriting": the person keeps its current value of `fields` and no longer follows the
 * company for them — what writing the field does (`recordUserEdits`), without writing it. An
 * address field takes the whole Address Details block with it: the block follows the company only
 * as a whole (§2.3), so no part of it could go on following alone. Names that are not inheritable,
 * and fields not inherited now, are left alone.
 */
export function stopInheriting(person: Contact, fields: readonly string[]): Contact {
  const stopped = new Set(fields);
  if (ADDRESS_FIELDS.some((field) => stopped.has(field))) ADDRESS_FIELDS.forEach((field) => stopped.add(field));
  return { ...person, inheritedFields: person.inheritedFields.filter((field) => !stopped.has(field)) };
}

/** The Marketing Setup flags that decide what a company hands down (§2.3 a). */
export type InheritanceFlags = Pick<MarketingSetup, InheritanceFlag | 'inheritAddressDetails' | 'inheritCommunicationDetails'>;

/**
 * Whether Marketing Setup has companies hand `field` down to their persons: its own flag, Address
 * Details for the address block, Communication Details for the communication fields and
 * Correspondence Type. "Inherit again" is possible for exactly these.
 */
export function isHandedDown(field: InheritableField, setup: InheritanceFlags): boolean {
  if (field in SIMPLE_FLAGS) return setup[SIMPLE_FLAGS[field as keyof typeof SIMPLE_FLAGS]];
  if ((ADDRESS_FIELDS as readonly string[]).includes(field)) return setup.inheritAddressDetails;
  return setup.inheritCommunicationDetails;
}

/**
 * The person fields a change of its company would carry to it now, by the rules of
 * `propagateCompanyChange`: an inherited simple or communication field whose flag is on, and the
 * whole address block (County too) while its four identity fields are all inherited and Address
 * Details is on. Correspondence Type is never among them: it is copied when linking only. What a
 * client marks as "inherited" — a field listed in `inheritedFields` but outside this set (one
 * part of an address the user typed, a flag switched off since) no longer changes with the company.
 */
export function fieldsFollowingCompany(person: Contact, setup: InheritanceFlags): InheritableField[] {
  if (person.type !== 'person' || person.companyNo === '') return [];
  const inherited = new Set<InheritableField>(person.inheritedFields);
  const following: InheritableField[] = SIMPLE_INHERITED_FIELDS.filter((field) => setup[SIMPLE_FLAGS[field]] && inherited.has(field));
  if (setup.inheritAddressDetails && ADDRESS_IDENTITY_FIELDS.every((field) => inherited.has(field))) following.push(...ADDRESS_FIELDS);
  if (setup.inheritCommunicationDetails) following.push(...COMMUNICATION_FIELDS.filter((field) => inherited.has(field)));
  return following;
}
