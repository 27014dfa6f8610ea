import type { Contact } from './contact';

/**
 * Field lengths of the contact (§2.1), Business Central's `Code[n]` / `Text[n]` of table 5050. The
 * contract validates against them and the add-in limits its inputs with them. Two are narrower
 * than their declared type, as Business Central enforces them: Registration Number is Text[50]
 * but refused beyond 20 characters; Home Page is Text[255] since BC v24 (Text[80] before).
 */
const LENGTHS = {
  no: 20,
  name: 100,
  name2: 50,
  searchName: 100,
  companyNo: 20,
  companyName: 100,
  firstName: 30,
  middleName: 30,
  surname: 30,
  initials: 30,
  jobTitle: 30,
  organizationalLevelCode: 10,
  address: 100,
  address2: 50,
  postCode: 20,
  city: 30,
  county: 30,
  countryRegionCode: 10,
  phoneNo: 30,
  mobilePhoneNo: 30,
  faxNo: 30,
  telexNo: 20,
  telexAnswerBack: 20,
  pager: 30,
  extensionNo: 30,
  email: 80,
  email2: 80,
  homePage: 255,
  salespersonCode: 20,
  territoryCode: 10,
  languageCode: 10,
  formatRegion: 80,
  currencyCode: 10,
  salutationCode: 10,
  vatRegistrationNo: 20,
  registrationNumber: 20,
  externalId: 20,
} as const satisfies Partial<Record<keyof Contact, number>>;

/** A contact field with a length limit: every text field of the contact. */
export type LengthLimitedContactField = keyof typeof LENGTHS;

/** The maximum length of each text field of the contact, by field name. */
export const CONTACT_FIELD_LENGTHS: Readonly<Record<string, number>> = LENGTHS;

/** The maximum length of one text field of the contact (typed: no `undefined` to handle). */
export const contactFieldLength = (field: LengthLimitedContactField): number => LENGTHS[field];

/**
 * The contact fields stored upper-cased. All are `Code[n]` in Business Central except VAT
 * Registration No., which is `Text[20]` but upper-cased by its validation, so it behaves the same.
 */
export const CODE_FIELDS: readonly LengthLimitedContactField[] = [
  'no',
  'searchName',
  'companyNo',
  'organizationalLevelCode',
  'postCode',
  'countryRegionCode',
  'salespersonCode',
  'territoryCode',
  'languageCode',
  'currencyCode',
  'salutationCode',
  'vatRegistrationNo',
  'externalId',
];

/**
 * A value as a `Code[n]` field holds it: without surrounding spaces, upper-cased, at most
 * `length` characters (Business Central cuts on assignment from a longer text).
 */
export const toCodeValue = (value: string, length: number): string => value.trim().toUpperCase().slice(0, length);

// Characters a local part may not hold unquoted (RFC 5322 specials); quoted local parts
// ("john doe"@x) are legal but no mail client offers them and Rapport refuses them.
const LOCAL_PART = /^[^\s@"(),:;<>[\]\\\p{Cc}]+$/u;
// A domain label: letters of any script (internationalised domains), combining marks, digits and
// inner hyphens; 1..63 characters.
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/**
 * Whether `value` is one e-mail address, checked the way a mail client accepts what is typed:
 * `local@domain`, no whitespace anywhere, a local part of at most 64 characters without a
 * leading, trailing or doubled dot, and a domain of one or more dot-separated labels — dotted
 * (`contoso.com`) or not (`localhost`), in any script (`müller.de`, `例子.广告`). Plus
 * addressing (`anna+crm@contoso.com`) and Unicode local parts are accepted.
 *
 * Stricter than Business Central in one way: BC's E-Mail accepts several addresses separated by
 * `;`, but Rapport matches senders on the one address (§10), so a list is refused. Callers trim
 * first (the contract does); surrounding spaces make the value invalid.
 */
export function isValidEmail(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return domain.split('.').every((label) => DOMAIN_LABEL.test(label));
}

/**
 * Business Central's rule for Phone No. and Mobile Phone No.: no letters (of any script). Digits,
 * spaces and punctuation such as `+`, `(`, `)`, `-`, `/` and `.` are all accepted; a blank number
 * is valid.
 */
export const isValidPhoneNo = (value: string): boolean => !/\p{L}/u.test(value);
