import { blankContact } from '../../../src/domain/contact/blank-contact';
import { CODE_FIELDS, CONTACT_FIELD_LENGTHS, contactFieldLength, isValidEmail, isValidPhoneNo, toCodeValue } from '../../../src/domain/contact/fields';

// The contact's string fields that are closed lists, not free text.
const ENUM_FIELDS = new Set(['type', 'correspondenceType']);
const textFields = Object.entries(blankContact('CT000001', 'person'))
  .filter(([field, value]) => typeof value === 'string' && !ENUM_FIELDS.has(field))
  .map(([field]) => field);

describe('CONTACT_FIELD_LENGTHS', () => {
  test.each(textFields)('text field %s has a length', (field) => {
    expect(CONTACT_FIELD_LENGTHS[field]).toBeGreaterThan(0);
  });

  test('lists no field the contact does not have', () => {
    expect(Object.keys(CONTACT_FIELD_LENGTHS).filter((field) => !textFields.includes(field))).toEqual([]);
  });

  test.each([
    ['No.', 'no', 20],
    ['Name', 'name', 100],
    ['Name 2', 'name2', 50],
    ['Search Name', 'searchName', 100],
    ['Company No.', 'companyNo', 20],
    ['Company Name', 'companyName', 100],
    ['First Name', 'firstName', 30],
    ['Middle Name', 'middleName', 30],
    ['Surname', 'surname', 30],
    ['Job Title', 'jobTitle', 30],
    ['Organizational Level Code', 'organizationalLevelCode', 10],
    ['Address', 'address', 100],
    ['Address 2', 'address2', 50],
    ['City', 'city', 30],
    ['Post Code', 'postCode', 20],
    ['County', 'county', 30],
    ['Country/Region Code', 'countryRegionCode', 10],
    ['Phone No.', 'phoneNo', 30],
    ['Mobile Phone No.', 'mobilePhoneNo', 30],
    ['E-Mail', 'email', 80],
    ['E-Mail 2', 'email2', 80],
    ['Home Page', 'homePage', 255],
    ['Format Region', 'formatRegion', 80],
    ['Language Code', 'languageCode', 10],
    ['Salesperson Code', 'salespersonCode', 20],
    ['Salutation Code', 'salutationCode', 10],
    ['VAT Registration No.', 'vatRegistrationNo', 20],
    ['Registration Number', 'registrationNumber', 20],
  ] as const)('%s (%s) holds at most %i characters (§2.1)', (_caption, field, length) => {
    expect(contactFieldLength(field)).toBe(length);
    expect(CONTACT_FIELD_LENGTHS[field]).toBe(length);
  });
});

describe('CODE_FIELDS', () => {
  test.each(CODE_FIELDS)('%s is a text field of the contact with a length', (field) => {
    expect(textFields).toContain(field);
  });

  test.each(['no', 'companyNo', 'searchName', 'postCode', 'salespersonCode', 'languageCode', 'vatRegistrationNo'])('%s is upper-cased', (field) => {
    expect(CODE_FIELDS).toContain(field);
  });

  test.each(['name', 'companyName', 'city', 'email', 'formatRegion', 'firstName'])('%s keeps its case', (field) => {
    expect(CODE_FIELDS).not.toContain(field);
  });
});

describe('toCodeValue', () => {
  test.each([
    ['upper-cases', 'ct000001', 20, 'CT000001'],
    ['trims surrounding spaces', '  deu ', 10, 'DEU'],
    ['cuts at the field length', 'abcdefghijkl', 10, 'ABCDEFGHIJ'],
    ['leaves a blank code blank', '', 10, ''],
  ])('%s', (_title, value, length, expected) => {
    expect(toCodeValue(value, length)).toBe(expected);
  });
});

describe('isValidEmail', () => {
  test.each([
    ['a plain address', 'anna@contoso.com'],
    ['a dotted local part', 'anna.lind@contoso.com'],
    ['plus addressing', 'anna+crm@contoso.com'],
    ['subdomains', 'anna@mail.eu.contoso.co.uk'],
    ['a hyphenated domain', 'info@fabrikam-bikes.example'],
    ['a dot-free domain', 'admin@localhost'],
    ['digits everywhere', '1234@123.example'],
    ['RFC 5322 specials that mail clients accept', "o'brien!#$%&*/=?^_`{|}~-@contoso.com"],
    ['an international domain', 'jörg@müller.de'],
    ['an international domain in another script', '用户@例子.广告'],
    ['a Unicode local part', 'åsa.lind@bergström.se'],
    ['an upper-case address', 'ANNA@CONTOSO.COM'],
    ['a punycode domain', 'info@xn--mller-kva.de'],
  ])('accepts %s', (_title, address) => {
    expect(isValidEmail(address)).toBe(true);
  });

  test.each([
    ['a blank', ''],
    ['a text without @', 'anna.contoso.com'],
    ['a missing local part', '@contoso.com'],
    ['a missing domain', 'anna@'],
    ['two @', 'anna@lind@contoso.com'],
    ['a space inside', 'anna lind@contoso.com'],
    ['surrounding spaces (callers trim)', ' anna@contoso.com '],
    ['a list of addresses', 'anna@contoso.com;bo@contoso.com'],
    ['a display name', 'Anna Lind <anna@contoso.com>'],
    ['a leading dot in the local part', '.anna@contoso.com'],
    ['a trailing dot in the local part', 'anna.@contoso.com'],
    ['a doubled dot in the local part', 'anna..lind@contoso.com'],
    ['a doubled dot in the domain', 'anna@contoso..com'],
    ['a trailing dot in the domain', 'anna@contoso.com.'],
    ['a domain label starting with a hyphen', 'anna@-contoso.com'],
    ['a domain label ending with a hyphen', 'anna@contoso-.com'],
    ['an underscore in the domain', 'anna@con_toso.com'],
    ['a quoted local part', '"anna lind"@contoso.com'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@contoso.com`],
    ['a domain label over 63 characters', `anna@${'a'.repeat(64)}.com`],
  ])('refuses %s', (_title, address) => {
    expect(isValidEmail(address)).toBe(false);
  });
});

describe('isValidPhoneNo', () => {
  test.each([
    ['digits', '5550100'],
    ['an international number with spaces', '+46 70 555 12 34'],
    ['brackets, hyphens, slashes and dots', '(0)30/123-45.67'],
    ['a blank', ''],
  ])('accepts %s', (_title, phoneNo) => {
    expect(isValidPhoneNo(phoneNo)).toBe(true);
  });

  test.each([
    ['Latin letters', '555-CALL-NOW'],
    ['an extension written out', '555 0100 ext 12'],
    ['letters of another script', '555 ДОМ'],
    ['a single letter', '555 0100 x'],
  ])('refuses %s, as Business Central does', (_title, phoneNo) => {
    expect(isValidPhoneNo(phoneNo)).toBe(false);
  });
});
