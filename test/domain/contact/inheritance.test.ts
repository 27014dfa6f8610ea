import { blankContact } from '../../../src/domain/contact/blank-contact';
import {
  ADDRESS_FIELDS,
  COMMUNICATION_FIELDS,
  type Contact,
  type InheritableField,
} from '../../../src/domain/contact/contact';
import {
  fieldsFollowingCompany,
  inheritFromCompany,
  isHandedDown,
  isInheritableField,
  linkPersonToCompany,
  propagateCompanyChange,
  recordUserEdits,
  stopInheriting,
} from '../../../src/domain/contact/inheritance';
import type { MarketingSetup } from '../../../src/domain/marketing-setup';
import { DEFAULT_MARKETING_SETUP } from '../../../src/domain/marketing-setup-rules';
import { rapportErrorOf } from '../rapport-error';

const setup: MarketingSetup = DEFAULT_MARKETING_SETUP;
const noInheritance: MarketingSetup = {
  ...setup,
  inheritSalespersonCode: false,
  inheritTerritoryCode: false,
  inheritCountryRegionCode: false,
  inheritLanguageCode: false,
  inheritFormatRegion: false,
  inheritAddressDetails: false,
  inheritCommunicationDetails: false,
};

const contoso: Contact = {
  ...blankContact('CT000010', 'company'),
  name: 'Contoso AB',
  companyNo: 'CT000010',
  companyName: 'Contoso AB',
  salespersonCode: 'JO',
  territoryCode: 'NORTH',
  countryRegionCode: 'SE',
  languageCode: 'SVE',
  formatRegion: 'sv-SE',
  address: 'Storgatan 1',
  address2: 'Box 12',
  postCode: '753 20',
  city: 'Uppsala',
  county: 'Uppland',
  phoneNo: '555-0100',
  telexNo: 'TX 100',
  faxNo: '555-0101',
  telexAnswerBack: 'CONTOSO',
  email: 'info@contoso.example',
  homePage: 'https://contoso.example',
  extensionNo: '100',
  mobilePhoneNo: '070-555 01 00',
  pager: '99 100',
  correspondenceType: 'hardCopy',
};

const fabrikam: Contact = {
  ...contoso,
  no: 'CT000005',
  name: 'Fabrikam Oy',
  companyNo: 'CT000005',
  companyName: 'Fabrikam Oy',
  salespersonCode: 'PA',
  territoryCode: 'EAST',
  countryRegionCode: 'FI',
  languageCode: 'FIN',
  formatRegion: 'fi-FI',
  address: 'Mannerheimintie 5',
  address2: '',
  postCode: '00100',
  city: 'Helsinki',
  county: 'Uusimaa',
  phoneNo: '555-0500',
  telexNo: '',
  faxNo: '555-0501',
  telexAnswerBack: '',
  email: 'info@fabrikam.example',
  homePage: 'https://fabrikam.example',
  extensionNo: '500',
  mobilePhoneNo: '',
  pager: '',
  correspondenceType: 'email',
};

const person = (fields: Partial<Contact> = {}): Contact => ({ ...blankContact('CT000020', 'person'), name: 'Anna Lind', ...fields });

/** A person as linking to `company` leaves it: every inheritable field from the company. */
const personOf = (company: Contact, fields: Partial<Contact> = {}): Contact => linkPersonToCompany(person(fields), company, null, setup);

/** `company` with some fields changed, as the company after a modify. */
const changed = (company: Contact, fields: Partial<Contact>): Contact => ({ ...company, ...fields });

describe('linkPersonToCompany (§2.3 b)', () => {
  test('the person gets the company’s number and name', () => {
    expect(linkPersonToCompany(person(), contoso, null, setup)).toMatchObject({ companyNo: 'CT000010', companyName: 'Contoso AB' });
  });

  test.each([
    ['a company cannot be linked to a company', { ...blankContact('CT000030', 'company'), name: 'Sub AB' }, contoso],
    ['a person cannot be linked to another person', person(), person({ no: 'CT000031' })],
  ])('%s: contact_company_invalid', (_title, contact, target) => {
    expect(rapportErrorOf(() => linkPersonToCompany(contact, target, null, setup))).toMatchObject({
      code: 'contact_company_invalid',
      fields: [{ path: 'companyNo' }],
    });
  });

  describe('simple fields are copied unconditionally when their flag is on', () => {
    test.each<[InheritableField, keyof MarketingSetup]>([
      ['salespersonCode', 'inheritSalespersonCode'],
      ['territoryCode', 'inheritTerritoryCode'],
      ['countryRegionCode', 'inheritCountryRegionCode'],
      ['languageCode', 'inheritLanguageCode'],
      ['formatRegion', 'inheritFormatRegion'],
    ])('%s overwrites what the person had, and is kept when %s is off', (field, flag) => {
      const typed = person({ [field]: 'MINE' });
      const linked = linkPersonToCompany(typed, contoso, null, setup);
      expect(linked[field]).toBe(contoso[field]);
      expect(linked.inheritedFields).toContain(field);

      const flagOff = linkPersonToCompany(typed, contoso, null, { ...setup, [flag]: false });
      expect(flagOff[field]).toBe('MINE');
      expect(flagOff.inheritedFields).not.toContain(field);
    });

    test('even the company’s blank overwrites the person’s value', () => {
      expect(linkPersonToCompany(person({ salespersonCode: 'ME' }), { ...contoso, salespersonCode: '' }, null, setup).salespersonCode).toBe('');
    });
  });

  describe('the address block is copied only when the person’s address is stale', () => {
    const address = (contact: Contact) => ({
      address: contact.address,
      address2: contact.address2,
      postCode: contact.postCode,
      city: contact.city,
      county: contact.county,
    });

    test('a blank address takes the whole block, County included', () => {
      const linked = linkPersonToCompany(person(), contoso, null, setup);
      expect(address(linked)).toEqual(address(contoso));
      expect(linked.inheritedFields).toEqual(expect.arrayContaining([...ADDRESS_FIELDS]));
    });

    test('a County alone does not make the address the person’s: it is not compared, and is overwritten', () => {
      expect(linkPersonToCompany(person({ county: 'Dalarna' }), contoso, null, setup).county).toBe('Uppland');
    });

    test.each<[string, Partial<Contact>]>([
      ['a full address of the person’s own', { address: 'Hemvägen 3', postCode: '752 22', city: 'Uppsala' }],
      ['a City alone', { city: 'Stockholm' }],
      ['an Address 2 alone', { address2: 'c/o Lind' }],
    ])('%s keeps the whole address: one component blocks the block', (_title, own) => {
      const linked = linkPersonToCompany(person({ ...own, county: 'Mine' }), contoso, null, setup);
      expect(linked).toMatchObject({ ...own, county: 'Mine' });
      expect(linked.inheritedFields.filter((field) => (ADDRESS_FIELDS as readonly string[]).includes(field))).toEqual([]);
    });

    test('moving from a previous company: the address it handed down is replaced by the new company’s', () => {
      const atFabrikam = personOf(fabrikam);
      const moved = linkPersonToCompany(atFabrikam, contoso, fabrikam, setup);
      expect(address(moved)).toEqual(address(contoso));
      expect(moved.inheritedFields).toEqual(expect.arrayContaining([...ADDRESS_FIELDS]));
    });

    test('moving from a previous company: an address differing from it in one component is kept', () => {
      const atFabrikam = recordUserEdits({ ...personOf(fabrikam), address2: 'Room 4' }, ['address2']);
      const moved = linkPersonToCompany(atFabrikam, contoso, fabrikam, setup);
      expect(address(moved)).toEqual({ ...address(fabrikam), address2: 'Room 4' });
    });

    test('improved over Business Central: an address the user typed equal to the previous company’s is kept', () => {
      const typedLikeFabrikam = recordUserEdits(personOf(fabrikam), ['address', 'address2', 'postCode', 'city']);
      const moved = linkPersonToCompany(typedLikeFabrikam, contoso, fabrikam, setup);
      expect(address(moved)).toEqual(address(fabrikam));
    });

    test('without a previous company, an address that is not blank is the person’s own', () => {
      const inheritedButNoCompanyGiven = personOf(fabrikam);
      expect(linkPersonToCompany(inheritedButNoCompanyGiven, contoso, null, setup).address).toBe(fabrikam.address);
    });

    test('with Inherit Address Details off even a blank address stays blank', () => {
      expect(address(linkPersonToCompany(person(), contoso, null, { ...setup, inheritAddressDetails: false }))).toEqual({
        address: '',
        address2: '',
        postCode: '',
        city: '',
        county: '',
      });
    });
  });

  describe('communication fields are copied field by field when blank or handed down', () => {
    test.each(COMMUNICATION_FIELDS)('a blank %s takes the company’s value', (field) => {
      const linked = linkPersonToCompany(person(), contoso, null, setup);
      expect(linked[field]).toBe(contoso[field]);
      expect(linked.inheritedFields).toContain(field);
    });

    test.each(COMMUNICATION_FIELDS)('a %s of the person’s own is kept', (field) => {
      const linked = linkPersonToCompany(person({ [field]: '123' }), contoso, null, setup);
      expect(linked[field]).toBe('123');
      expect(linked.inheritedFields).not.toContain(field);
    });

    test('each field decides for itself', () => {
      const linked = linkPersonToCompany(person({ phoneNo: '555-0199', email: '' }), contoso, null, setup);
      expect(linked).toMatchObject({ phoneNo: '555-0199', email: 'info@contoso.example', faxNo: '555-0101' });
    });

    test('moving from a previous company: a value it handed down is replaced, one the user typed is kept', () => {
      const atFabrikam = recordUserEdits({ ...personOf(fabrikam), phoneNo: '555-0599' }, ['phoneNo']);
      const moved = linkPersonToCompany(atFabrikam, contoso, fabrikam, setup);
      expect(moved).toMatchObject({ phoneNo: '555-0599', email: 'info@contoso.example', faxNo: '555-0101' });
    });

    test('improved over Business Central: a value the user typed equal to the previous company’s is kept', () => {
      const typedLikeFabrikam = recordUserEdits(personOf(fabrikam), ['email']);
      const moved = linkPersonToCompany(typedLikeFabrikam, contoso, fabrikam, setup);
      expect(moved.email).toBe('info@fabrikam.example');
      expect(moved.inheritedFields).not.toContain('email');
    });

    test('a value still marked inherited but no longer equal to the previous company’s is kept', () => {
      const drifted = { ...personOf(fabrikam), phoneNo: '555-0588' };
      expect(linkPersonToCompany(drifted, contoso, fabrikam, setup).phoneNo).toBe('555-0588');
    });
  });

  describe('correspondence type goes along at link time', () => {
    test.each<[string, Contact, Contact | null, string]>([
      ['a blank one takes the company’s', person(), null, 'hardCopy'],
      ['one of the person’s own is kept', person({ correspondenceType: 'email' }), null, 'email'],
      ['one handed down by the previous company is replaced', personOf({ ...fabrikam, correspondenceType: 'email' }), { ...fabrikam, correspondenceType: 'email' }, 'hardCopy'],
    ])('%s', (_title, before, previous, expected) => {
      expect(linkPersonToCompany(before, contoso, previous, setup).correspondenceType).toBe(expected);
    });

    test('with Inherit Communication Details off it is not copied', () => {
      expect(linkPersonToCompany(person(), contoso, null, { ...setup, inheritCommunicationDetails: false }).correspondenceType).toBe('');
    });
  });

  test('with every flag off nothing but the company number and name is copied', () => {
    const before = person({ languageCode: 'ENU' });
    expect(linkPersonToCompany(before, contoso, null, noInheritance)).toEqual({ ...before, companyNo: 'CT000010', companyName: 'Contoso AB', inheritedFields: [] });
  });

  test('inheritedFields lists exactly the fields that now come from the company', () => {
    const before = person({ phoneNo: '555-0199', city: 'Stockholm', inheritedFields: ['pager'] });
    expect([...linkPersonToCompany(before, contoso, null, setup).inheritedFields].sort()).toEqual(
      [
        'salespersonCode',
        'territoryCode',
        'countryRegionCode',
        'languageCode',
        'formatRegion',
        ...COMMUNICATION_FIELDS.filter((field) => field !== 'phoneNo'),
        'correspondenceType',
      ].sort(),
    );
  });

  test('the contacts given are left as they were', () => {
    const before = Object.freeze(person({ phoneNo: '555-0199' }));
    const linked = linkPersonToCompany(before, Object.freeze({ ...contoso }), Object.freeze({ ...fabrikam }), setup);
    expect(linked).not.toBe(before);
    expect(before).toEqual(person({ phoneNo: '555-0199' }));
  });
});

describe('propagateCompanyChange (§2.3 c, decided by inheritedFields)', () => {
  describe('Business Central’s worked example: company CT000010 changes its phone from 555-0100 to 555-0200', () => {
    const company = { ...contoso, phoneNo: '555-0100' };
    const renumbered = changed(company, { phoneNo: '555-0200' });

    test('person A, never touched, follows to 555-0200', () => {
      const a = personOf(company);
      expect(propagateCompanyChange(a, company, renumbered, setup)).toMatchObject({ person: { phoneNo: '555-0200' }, changed: true });
    });

    test('person B, who typed 555-0199, keeps it', () => {
      const b = recordUserEdits({ ...personOf(company), phoneNo: '555-0199' }, ['phoneNo']);
      expect(propagateCompanyChange(b, company, renumbered, setup)).toMatchObject({ person: { phoneNo: '555-0199' }, changed: false });
    });

    test('improved over Business Central: person B, who deliberately typed 555-0100, is NOT overwritten', () => {
      const b = recordUserEdits({ ...personOf(company), phoneNo: '555-0100' }, ['phoneNo']);
      const result = propagateCompanyChange(b, company, renumbered, setup);
      expect(result.person.phoneNo).toBe('555-0100');
      expect(result.changed).toBe(false);
    });
  });

  test('a field still inherited follows even when its value had drifted from the company’s old one', () => {
    const drifted = { ...personOf(contoso), territoryCode: 'OLD' };
    expect(propagateCompanyChange(drifted, contoso, changed(contoso, { territoryCode: 'WEST' }), setup).person.territoryCode).toBe('WEST');
  });

  test.each<[InheritableField, keyof MarketingSetup, string]>([
    ['salespersonCode', 'inheritSalespersonCode', 'KIM'],
    ['territoryCode', 'inheritTerritoryCode', 'WEST'],
    ['countryRegionCode', 'inheritCountryRegionCode', 'NO'],
    ['languageCode', 'inheritLanguageCode', 'NOR'],
    ['formatRegion', 'inheritFormatRegion', 'nb-NO'],
  ])('an inherited %s follows the company, but not with %s off', (field, flag, value) => {
    const employee = personOf(contoso);
    const after = changed(contoso, { [field]: value });
    expect(propagateCompanyChange(employee, contoso, after, setup)).toMatchObject({ person: { [field]: value }, changed: true });
    expect(propagateCompanyChange(employee, contoso, after, { ...setup, [flag]: false })).toMatchObject({ person: { [field]: contoso[field] }, changed: false });
  });

  test.each(COMMUNICATION_FIELDS)('an inherited %s follows the company', (field) => {
    const after = changed(contoso, { [field]: '42' });
    expect(propagateCompanyChange(personOf(contoso), contoso, after, setup).person[field]).toBe('42');
  });

  test('a typed field stays while an inherited one beside it follows', () => {
    const employee = recordUserEdits({ ...personOf(contoso), email: 'anna@contoso.example' }, ['email']);
    const after = changed(contoso, { email: 'hello@contoso.example', faxNo: '555-0109' });
    expect(propagateCompanyChange(employee, contoso, after, setup).person).toMatchObject({ email: 'anna@contoso.example', faxNo: '555-0109' });
  });

  test('the correspondence type does not flow after link time', () => {
    const result = propagateCompanyChange(personOf(contoso), contoso, changed(contoso, { correspondenceType: 'email' }), setup);
    expect(result).toMatchObject({ person: { correspondenceType: 'hardCopy' }, changed: false });
  });

  test.each([
    ['the Company Name follows a renamed company', personOf(contoso)],
    ['the Company Name follows even for a person who inherits nothing', linkPersonToCompany(person(), contoso, null, noInheritance)],
  ])('%s', (_title, employee) => {
    expect(propagateCompanyChange(employee, contoso, changed(contoso, { name: 'Contoso Group AB' }), setup)).toMatchObject({
      person: { companyName: 'Contoso Group AB' },
      changed: true,
    });
  });

  test('a company change that touches no inherited field changes nothing', () => {
    const employee = personOf(contoso);
    const result = propagateCompanyChange(employee, contoso, changed(contoso, { vatRegistrationNo: 'SE556000000001' }), setup);
    expect(result).toEqual({ person: employee, changed: false });
  });

  test('with every flag off only the Company Name follows', () => {
    const employee = personOf(contoso);
    const after = changed(contoso, { name: 'Contoso Group AB', phoneNo: '555-0200', city: 'Stockholm', languageCode: 'ENU' });
    expect(propagateCompanyChange(employee, contoso, after, noInheritance).person).toEqual({ ...employee, companyName: 'Contoso Group AB' });
  });

  describe('the address moves as a block', () => {
    const moved = changed(contoso, { address: 'Kungsgatan 10', postCode: '111 43', city: 'Stockholm', county: 'Stockholm' });

    test('while the person inherits all four identity fields, every changed component follows', () => {
      const result = propagateCompanyChange(personOf(contoso), contoso, moved, setup);
      expect(result.person).toMatchObject({ address: 'Kungsgatan 10', address2: 'Box 12', postCode: '111 43', city: 'Stockholm', county: 'Stockholm' });
    });

    test.each(['address', 'address2', 'postCode', 'city'])('a typed %s keeps the whole block where it was', (field) => {
      const employee = recordUserEdits(personOf(contoso), [field]);
      const result = propagateCompanyChange(employee, contoso, moved, setup);
      expect(result.person).toMatchObject({ address: 'Storgatan 1', postCode: '753 20', city: 'Uppsala', county: 'Uppland' });
      expect(result.changed).toBe(false);
    });

    test('a County the user typed moves with the block, as in Business Central, and is inherited again', () => {
      const employee = recordUserEdits({ ...personOf(contoso), county: 'Dalarna' }, ['county']);
      const result = propagateCompanyChange(employee, contoso, moved, setup);
      expect(result.person.county).toBe('Stockholm');
      expect(result.person.inheritedFields).toContain('county');
    });

    test('a change of County alone follows', () => {
      expect(propagateCompanyChange(personOf(contoso), contoso, changed(contoso, { county: 'Stockholm' }), setup).person.county).toBe('Stockholm');
    });

    test('with Inherit Address Details off the block stays', () => {
      expect(propagateCompanyChange(personOf(contoso), contoso, moved, { ...setup, inheritAddressDetails: false }).person.address).toBe('Storgatan 1');
    });
  });

  test.each([
    ['a contact that is not a person', { ...blankContact('CT000030', 'company'), name: 'Sub AB' }],
    ['a person of another company', personOf(fabrikam)],
  ])('%s is refused with contact_company_invalid', (_title, contact) => {
    expect(rapportErrorOf(() => propagateCompanyChange(contact, contoso, changed(contoso, { phoneNo: '1' }), setup)).code).toBe('contact_company_invalid');
  });

  test('the contacts given are left as they were', () => {
    const employee = Object.freeze(personOf(contoso));
    const result = propagateCompanyChange(employee, contoso, changed(contoso, { phoneNo: '555-0200', name: 'New AB' }), setup);
    expect(result.person).not.toBe(employee);
    expect(employee.phoneNo).toBe('555-0100');
  });
});

describe('recordUserEdits', () => {
  test.each<[string, readonly string[], readonly InheritableField[]]>([
    ['a written field stops following the company', ['phoneNo'], ['languageCode', 'email']],
    ['several written fields all stop following', ['phoneNo', 'email'], ['languageCode']],
    ['names that are not inheritable are ignored', ['name', 'jobTitle'], ['languageCode', 'phoneNo', 'email']],
    ['no written field changes nothing', [], ['languageCode', 'phoneNo', 'email']],
  ])('%s', (_title, edited, remaining) => {
    const employee = person({ companyNo: 'CT000010', inheritedFields: ['languageCode', 'phoneNo', 'email'] });
    expect(recordUserEdits(employee, edited).inheritedFields).toEqual(remaining);
  });

  test('writing a field back to blank is an edit too: the blank survives the next company change', () => {
    const cleared = recordUserEdits({ ...personOf(contoso), phoneNo: '' }, ['phoneNo']);
    const result = propagateCompanyChange(cleared, contoso, changed(contoso, { phoneNo: '555-0200' }), setup);
    expect(result.person.phoneNo).toBe('');
  });

  test('the person given is left as it was', () => {
    const employee = Object.freeze(person({ inheritedFields: ['phoneNo'] }));
    recordUserEdits(employee, ['phoneNo']);
    expect(employee.inheritedFields).toEqual(['phoneNo']);
  });
});

describe('inheritFromCompany ("inherit again")', () => {
  test('a typed field takes the company’s value and follows it again', () => {
    const employee = recordUserEdits({ ...personOf(contoso), phoneNo: '555-0199' }, ['phoneNo']);
    const again = inheritFromCompany(employee, contoso, ['phoneNo'], setup);
    expect(again.phoneNo).toBe('555-0100');
    expect(propagateCompanyChange(again, contoso, changed(contoso, { phoneNo: '555-0200' }), setup).person.phoneNo).toBe('555-0200');
  });

  test('one address field brings the whole block back', () => {
    const employee = recordUserEdits({ ...personOf(contoso), city: 'Stockholm', county: 'Stockholm' }, ['city', 'county']);
    const again = inheritFromCompany(employee, contoso, ['city'], setup);
    expect(again).toMatchObject({ city: 'Uppsala', county: 'Uppland' });
    expect(again.inheritedFields).toEqual(expect.arrayContaining([...ADDRESS_FIELDS]));
  });

  test('a field whose flag is off, or that is not inheritable, is left alone', () => {
    const employee = person({ companyNo: 'CT000010', companyName: 'Contoso AB', languageCode: 'ENU', jobTitle: 'Buyer' });
    const again = inheritFromCompany(employee, contoso, ['languageCode', 'jobTitle'], { ...setup, inheritLanguageCode: false });
    expect(again).toEqual(employee);
  });

  test('a person of another company is refused with contact_company_invalid', () => {
    expect(rapportErrorOf(() => inheritFromCompany(personOf(fabrikam), contoso, ['phoneNo'], setup)).code).toBe('contact_company_invalid');
  });
});

describe('stopInheriting ("stop inheriting")', () => {
  test('the field keeps its value and no longer follows the company', () => {
    const employee = stopInheriting(personOf(contoso), ['phoneNo']);
    expect(employee.phoneNo).toBe('555-0100');
    expect(employee.inheritedFields).not.toContain('phoneNo');
    expect(propagateCompanyChange(employee, contoso, changed(contoso, { phoneNo: '555-0200' }), setup).person.phoneNo).toBe('555-0100');
  });

  test('one address field stops the whole block, County included', () => {
    const employee = stopInheriting(personOf(contoso), ['postCode']);
    expect(employee.inheritedFields.filter((field) => (ADDRESS_FIELDS as readonly string[]).includes(field))).toEqual([]);
    expect(employee.inheritedFields).toContain('phoneNo');
    const moved = propagateCompanyChange(employee, contoso, changed(contoso, { city: 'Enköping', county: 'Västmanland' }), setup).person;
    expect(moved).toMatchObject({ city: 'Uppsala', county: 'Uppland' });
  });

  test('a field not inherited, or not inheritable, changes nothing', () => {
    const employee = recordUserEdits(personOf(contoso), ['email']);
    expect(stopInheriting(employee, ['email', 'jobTitle'])).toEqual(employee);
  });

  test('inherit again undoes it', () => {
    const employee = stopInheriting(personOf(contoso), ['city']);
    expect(fieldsFollowingCompany(inheritFromCompany(employee, contoso, ['city'], setup), setup)).toEqual(expect.arrayContaining([...ADDRESS_FIELDS]));
  });
});

describe('isHandedDown', () => {
  test.each<[InheritableField, Partial<MarketingSetup>, boolean]>([
    ['salespersonCode', {}, true],
    ['salespersonCode', { inheritSalespersonCode: false }, false],
    ['formatRegion', { inheritFormatRegion: false }, false],
    ['county', {}, true],
    ['county', { inheritAddressDetails: false }, false],
    ['pager', { inheritCommunicationDetails: false }, false],
    ['correspondenceType', {}, true],
    ['correspondenceType', { inheritCommunicationDetails: false }, false],
    ['languageCode', { inheritAddressDetails: false, inheritCommunicationDetails: false }, true],
  ])('%s with %j: %s', (field, flags, expected) => {
    expect(isHandedDown(field, { ...setup, ...flags })).toBe(expected);
  });
});

describe('fieldsFollowingCompany', () => {
  test('a freshly linked person follows every field but Correspondence Type', () => {
    const following = fieldsFollowingCompany(personOf(contoso), setup);
    expect(following).toEqual(expect.arrayContaining(['salespersonCode', 'languageCode', ...ADDRESS_FIELDS, ...COMMUNICATION_FIELDS]));
    expect(following).not.toContain('correspondenceType');
  });

  test('one typed part of the address stops the block following: none of it is marked', () => {
    const employee = recordUserEdits({ ...personOf(contoso), city: 'Stockholm' }, ['city']);
    expect(employee.inheritedFields).toContain('address');
    expect(fieldsFollowingCompany(employee, setup).filter((field) => (ADDRESS_FIELDS as readonly string[]).includes(field))).toEqual([]);
  });

  test('a flag switched off since the link stops its fields following', () => {
    const following = fieldsFollowingCompany(personOf(contoso), { ...setup, inheritLanguageCode: false, inheritCommunicationDetails: false });
    expect(following).not.toContain('languageCode');
    expect(following).not.toContain('phoneNo');
    expect(following).toContain('salespersonCode');
  });

  test('a company, and a person without one, follow nothing', () => {
    expect(fieldsFollowingCompany(contoso, setup)).toEqual([]);
    expect(fieldsFollowingCompany({ ...personOf(contoso), companyNo: '' }, setup)).toEqual([]);
  });

  test('with every flag off nothing follows', () => {
    expect(fieldsFollowingCompany(personOf(contoso), noInheritance)).toEqual([]);
  });
});

describe('isInheritableField', () => {
  test.each(['salespersonCode', 'address', 'county', 'phoneNo', 'pager', 'correspondenceType'])('%s can be inherited', (field) => {
    expect(isInheritableField(field)).toBe(true);
  });

  test.each(['name', 'jobTitle', 'email2', 'salutationCode', 'currencyCode', 'vatRegistrationNo'])('%s cannot be inherited', (field) => {
    expect(isInheritableField(field)).toBe(false);
  });
});
