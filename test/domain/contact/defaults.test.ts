import { blankContact } from '../../../src/domain/contact/blank-contact';
import type { Contact } from '../../../src/domain/contact/contact';
import { applyCreationDefaults, applyTypeRules, newPersonOfCompany } from '../../../src/domain/contact/defaults';
import { linkPersonToCompany } from '../../../src/domain/contact/inheritance';
import type { MarketingSetup } from '../../../src/domain/marketing-setup';
import { DEFAULT_MARKETING_SETUP } from '../../../src/domain/marketing-setup-rules';

const setup: MarketingSetup = {
  ...DEFAULT_MARKETING_SETUP,
  defaultSalespersonCode: 'DEF',
  defaultTerritoryCode: 'NORTH',
  defaultCountryRegionCode: 'SE',
  defaultLanguageCode: 'SVE',
  defaultFormatRegion: 'sv-SE',
  defaultCorrespondenceType: 'email',
  defCompanySalutationCode: 'COMPANY',
  defaultPersonSalutationCode: 'UNISEX',
};
const company = (fields: Partial<Contact> = {}): Contact => ({ ...blankContact('CT000010', 'company'), name: 'Contoso AB', ...fields });
const person = (fields: Partial<Contact> = {}): Contact => ({ ...blankContact('CT000020', 'person'), name: 'Anna Lind', ...fields });

describe('applyCreationDefaults (§2.2)', () => {
  test.each<[string, keyof Contact, Contact[keyof Contact]]>([
    ['the territory', 'territoryCode', 'NORTH'],
    ['the country/region', 'countryRegionCode', 'SE'],
    ['the language', 'languageCode', 'SVE'],
    ['the format region', 'formatRegion', 'sv-SE'],
    ['the correspondence type', 'correspondenceType', 'email'],
    ['the salesperson', 'salespersonCode', 'DEF'],
  ])('a blank %s gets the setup default', (_title, field, value) => {
    expect(applyCreationDefaults(person(), setup, '')[field]).toBe(value);
  });

  test.each<[string, Partial<Contact>]>([
    ['territory', { territoryCode: 'SOUTH' }],
    ['country/region', { countryRegionCode: 'NO' }],
    ['language', { languageCode: 'ENU' }],
    ['format region', { formatRegion: 'en-GB' }],
    ['correspondence type', { correspondenceType: 'hardCopy' }],
    ['salesperson', { salespersonCode: 'TYPED' }],
    ['salutation', { salutationCode: 'M' }],
  ])('a %s already given is kept', (_title, given) => {
    expect(applyCreationDefaults(person(given), setup, 'ME')).toMatchObject(given);
  });

  test.each([
    ['the user’s own salesperson wins over the setup default', 'DEF', 'ME', 'ME'],
    ['the setup default applies for a user without a salesperson', 'DEF', '', 'DEF'],
    ['the user’s own salesperson applies without a setup default', '', 'ME', 'ME'],
    ['the salesperson stays blank with neither', '', '', ''],
  ])('%s', (_title, defaultSalespersonCode, userSalespersonCode, expected) => {
    expect(applyCreationDefaults(person(), { ...setup, defaultSalespersonCode }, userSalespersonCode).salespersonCode).toBe(expected);
  });

  test.each([
    ['a company gets the company salutation', company(), 'COMPANY'],
    ['a person gets the person salutation', person(), 'UNISEX'],
  ])('%s', (_title, contact, salutationCode) => {
    expect(applyCreationDefaults(contact, setup, '').salutationCode).toBe(salutationCode);
  });

  test('blank setup defaults leave the fields blank', () => {
    const blankSetup: MarketingSetup = { ...setup, defaultTerritoryCode: '', defaultLanguageCode: '', defaultCorrespondenceType: '', defaultPersonSalutationCode: '' };
    expect(applyCreationDefaults(person(), blankSetup, '')).toMatchObject({ territoryCode: '', languageCode: '', correspondenceType: '', salutationCode: '' });
  });

  test('a field a default fills no longer counts as inherited from the company', () => {
    const inheritedBlank = person({ companyNo: 'CT000010', salespersonCode: '', languageCode: 'DEU', inheritedFields: ['salespersonCode', 'languageCode'] });
    const result = applyCreationDefaults(inheritedBlank, setup, 'ME');
    expect(result).toMatchObject({ salespersonCode: 'ME', languageCode: 'DEU' });
    expect(result.inheritedFields).toEqual(['languageCode']);
  });

  test('the contact given is left as it was', () => {
    const contact = Object.freeze(person());
    applyCreationDefaults(contact, setup, 'ME');
    expect(contact.salespersonCode).toBe('');
  });
});

describe('the German example: inheritance overrides defaults (§2.2)', () => {
  const germanSetup: MarketingSetup = { ...DEFAULT_MARKETING_SETUP, defaultLanguageCode: 'ENU' };
  const mueller = company({ name: 'Müller GmbH', languageCode: 'DEU' });

  test('a person created from the company keeps the company’s DEU', () => {
    expect(newPersonOfCompany(person({ name: 'Hans Weber' }), mueller, germanSetup, '').languageCode).toBe('DEU');
  });

  test('a standalone person gets the setup’s ENU, then DEU once linked to the company', () => {
    const standalone = applyCreationDefaults(person({ name: 'Hans Weber' }), germanSetup, '');
    expect(standalone.languageCode).toBe('ENU');
    const linked = linkPersonToCompany(standalone, mueller, null, germanSetup);
    expect(linked.languageCode).toBe('DEU');
    expect(linked.inheritedFields).toContain('languageCode');
  });

  test('with Inherit Language Code off the standalone person keeps ENU when linked', () => {
    const noLanguageInheritance: MarketingSetup = { ...germanSetup, inheritLanguageCode: false };
    const standalone = applyCreationDefaults(person({ name: 'Hans Weber' }), noLanguageInheritance, '');
    expect(linkPersonToCompany(standalone, mueller, null, noLanguageInheritance).languageCode).toBe('ENU');
  });
});

describe('newPersonOfCompany', () => {
  test('the company’s correspondence type fills the new person before the default can', () => {
    const letters = company({ correspondenceType: 'hardCopy' });
    expect(newPersonOfCompany(person(), letters, setup, '').correspondenceType).toBe('hardCopy');
  });

  test('a blank the company hands down still gets its default, and is then not inherited', () => {
    const result = newPersonOfCompany(person(), company({ salespersonCode: '' }), setup, 'ME');
    expect(result.salespersonCode).toBe('ME');
    expect(result.inheritedFields).not.toContain('salespersonCode');
  });

  test('the person belongs to the company and knows what it inherited', () => {
    const result = newPersonOfCompany(person(), company({ phoneNo: '555-0100', territoryCode: 'WEST' }), setup, '');
    expect(result).toMatchObject({ companyNo: 'CT000010', companyName: 'Contoso AB', phoneNo: '555-0100', territoryCode: 'WEST', salutationCode: 'UNISEX' });
    expect(result.inheritedFields).toEqual(expect.arrayContaining(['phoneNo', 'territoryCode']));
  });
});

describe('applyTypeRules', () => {
  test('a company is its own company', () => {
    expect(applyTypeRules(company())).toMatchObject({ companyNo: 'CT000010', companyName: 'Contoso AB' });
  });

  test('a company loses person name parts, initials, job title, organizational level and inheritance', () => {
    const former = company({
      firstName: 'Anna',
      middleName: 'M',
      surname: 'Lind',
      initials: 'AL',
      jobTitle: 'CEO',
      organizationalLevelCode: 'MGMT',
      inheritedFields: ['phoneNo'],
    });
    expect(applyTypeRules(former)).toMatchObject({ firstName: '', middleName: '', surname: '', initials: '', jobTitle: '', organizationalLevelCode: '', inheritedFields: [] });
  });

  test('a company keeps its other fields', () => {
    const contoso = company({ phoneNo: '555-0100', vatRegistrationNo: 'SE556000000001', currencyCode: 'SEK' });
    expect(applyTypeRules(contoso)).toMatchObject({ phoneNo: '555-0100', vatRegistrationNo: 'SE556000000001', currencyCode: 'SEK' });
  });

  test('a person that was a company no longer points to itself and gets its name split', () => {
    const former = person({ name: 'Solo Trader Lind', companyNo: 'CT000020', companyName: 'Solo Trader Lind' });
    expect(applyTypeRules(former)).toMatchObject({ companyNo: '', companyName: '', firstName: 'Solo', middleName: 'Trader', surname: 'Lind' });
  });

  test('a person of a company is left as it is', () => {
    const employee = person({ companyNo: 'CT000010', companyName: 'Contoso AB', jobTitle: 'Buyer', firstName: 'Anna', surname: 'Lind' });
    expect(applyTypeRules(employee)).toEqual(employee);
  });

  test('the contact given is left as it was', () => {
    const contact = Object.freeze(company({ jobTitle: 'CEO' }));
    expect(applyTypeRules(contact)).not.toBe(contact);
    expect(contact.jobTitle).toBe('CEO');
  });
});
