import {
  accountKindOfCode,
  checkCanLink,
  checkManualBusinessRelation,
  customerCodeFor,
  summarizeBusinessRelations,
  type AccountKind,
  type BusinessRelationLink,
  type ContactBusinessRelation,
} from '../../src/domain/business-relation';
import type { ContactBusinessRelationSummary } from '../../src/domain/contact/contact';
import type { MarketingSetup } from '../../src/domain/marketing-setup';
import { DEFAULT_MARKETING_SETUP } from '../../src/domain/marketing-setup-rules';
import { rapportErrorOf } from './rapport-error';

const setup = DEFAULT_MARKETING_SETUP;
const customer: BusinessRelationLink = { businessRelationCode: 'CUST', linkToTable: 'customer', no: 'C00010' };
const vendor: BusinessRelationLink = { businessRelationCode: 'VEND', linkToTable: 'vendor', no: 'V00010' };
const bank: BusinessRelationLink = { businessRelationCode: 'BANK', linkToTable: 'bankAccount', no: 'B00010' };
const employee: BusinessRelationLink = { businessRelationCode: 'EMP', linkToTable: 'employee', no: 'E00010' };
const partner: BusinessRelationLink = { businessRelationCode: 'PARTNER', linkToTable: '', no: '' };
const press: BusinessRelationLink = { businessRelationCode: 'PRESS', linkToTable: '', no: '' };
const customerPlaceholder: BusinessRelationLink = { businessRelationCode: 'CUST', linkToTable: '', no: '' };

describe('summarizeBusinessRelations (§11)', () => {
  test.each<[string, readonly BusinessRelationLink[], ContactBusinessRelationSummary]>([
    ['no relation is None', [], 'none'],
    ['one customer link is Customer', [customer], 'customer'],
    ['one vendor link is Vendor', [vendor], 'vendor'],
    ['one bank account link is Bank Account', [bank], 'bankAccount'],
    ['one employee link is Employee', [employee], 'employee'],
    ['one relation that is not a setup code is Other', [partner], 'other'],
    ['several relations none of which is a linked setup code are Multiple', [partner, press], 'multiple'],
    ['a customer link next to another relation is Multiple', [customer, partner], 'multiple'],
    ['a customer and a vendor link are Multiple', [customer, vendor], 'multiple'],
    ['a lone setup-code placeholder is Other, as in Business Central', [customerPlaceholder], 'other'],
    ['a placeholder next to another relation is Multiple', [customerPlaceholder, partner], 'multiple'],
    ['a setup code with a number but no table links nothing: Other', [{ businessRelationCode: 'CUST', linkToTable: '', no: 'C00010' }], 'other'],
    ['a link under a code that is not the setup’s is Other', [{ businessRelationCode: 'KEYACCT', linkToTable: 'customer', no: 'C00010' }], 'other'],
  ])('%s', (_title, relations, expected) => {
    expect(summarizeBusinessRelations(relations, setup)).toBe(expected);
  });

  test('the company’s customer link counts for its person (the caller passes both sets)', () => {
    const personsOwn: BusinessRelationLink[] = [];
    const companys = [customer];
    expect(summarizeBusinessRelations([...personsOwn, ...companys], setup)).toBe('customer');
  });

  test('a person’s own relation next to its company’s customer link is Multiple', () => {
    expect(summarizeBusinessRelations([press, customer], setup)).toBe('multiple');
  });

  test('with the customer code blank in Marketing Setup, a CUST link is Other', () => {
    expect(summarizeBusinessRelations([customer], { ...setup, busRelCodeForCustomers: '' })).toBe('other');
  });

  test('setup codes are matched as Marketing Setup holds them today', () => {
    const renamed: MarketingSetup = { ...setup, busRelCodeForCustomers: 'KUNDE' };
    expect(summarizeBusinessRelations([{ businessRelationCode: 'KUNDE', linkToTable: 'customer', no: 'C00010' }], renamed)).toBe('customer');
  });
});

describe('checkCanLink (§11)', () => {
  const relation = (contactNo: string, link: BusinessRelationLink): ContactBusinessRelation => ({ contactNo, ...link });

  test.each<[string, readonly ContactBusinessRelation[], AccountKind, string]>([
    ['a contact without relations may link', [], 'customer', 'C00010'],
    ['a vendor link does not stop a customer link', [relation('CT000010', vendor)], 'customer', 'C00010'],
    ['other relations do not stop a link', [relation('CT000010', partner)], 'customer', 'C00010'],
    ['a placeholder of the same code does not stop a link (it is replaced)', [relation('CT000010', customerPlaceholder)], 'customer', 'C00010'],
    ['a record yet to be created may link to a contact without one', [relation('CT000010', vendor)], 'customer', ''],
  ])('%s', (_title, existing, linkToTable, no) => {
    expect(() => checkCanLink(existing, linkToTable, 'CT000010', no)).not.toThrow();
  });

  test.each<[string, readonly ContactBusinessRelation[], AccountKind, string, string]>([
    ['the contact already links to another customer', [relation('CT000010', customer)], 'customer', 'C00020', 'Contact CT000010 already has a Contact Business Relation with Customer C00010.'],
    ['the contact already links to this customer', [relation('CT000010', customer)], 'customer', 'C00010', 'Contact CT000010 already has a Contact Business Relation with Customer C00010.'],
    ['the contact’s company already links to a vendor', [relation('CT000001', vendor)], 'vendor', 'V00020', 'Contact CT000001 already has a Contact Business Relation with Vendor V00010.'],
    ['the bank account already links to another contact', [relation('CT000099', bank)], 'bankAccount', 'B00010', 'Bank Account B00010 already has a Contact Business Relation with Contact CT000099.'],
    ['the employee already links to another contact', [relation('CT000099', employee)], 'employee', 'E00010', 'Employee E00010 already has a Contact Business Relation with Contact CT000099.'],
  ])('refused when %s: business_relation_exists', (_title, existing, linkToTable, no, message) => {
    expect(rapportErrorOf(() => checkCanLink(existing, linkToTable, 'CT000010', no))).toMatchObject({ code: 'business_relation_exists', message });
  });

  test('a record yet to be created is refused when the contact already has one of its kind', () => {
    expect(rapportErrorOf(() => checkCanLink([relation('CT000010', customer)], 'customer', 'CT000010')).code).toBe('business_relation_exists');
  });

  test('the contact side is reported before the record side, as Business Central checks it first', () => {
    const existing = [relation('CT000099', customer), relation('CT000010', { ...customer, no: 'C00030' })];
    expect(rapportErrorOf(() => checkCanLink(existing, 'customer', 'CT000010', 'C00010')).message).toBe(
      'Contact CT000010 already has a Contact Business Relation with Customer C00030.',
    );
  });

  test('a blank Link to Table links nothing and passes', () => {
    expect(() => checkCanLink([relation('CT000010', customer)], '', 'CT000010', 'C00010')).not.toThrow();
  });
});

describe('customerCodeFor', () => {
  test.each<[AccountKind, string]>([
    ['customer', 'CUST'],
    ['vendor', 'VEND'],
    ['bankAccount', 'BANK'],
    ['employee', 'EMP'],
  ])('the %s code is Marketing Setup’s %s', (kind, code) => {
    expect(customerCodeFor(setup, kind)).toBe(code);
  });

  test.each<[AccountKind, keyof MarketingSetup, string]>([
    ['customer', 'busRelCodeForCustomers', 'Bus. Rel. Code for Customers must have a value'],
    ['vendor', 'busRelCodeForVendors', 'Bus. Rel. Code for Vendors must have a value'],
    ['bankAccount', 'busRelCodeForBankAccs', 'Bus. Rel. Code for Bank Accs. must have a value'],
    ['employee', 'busRelCodeForEmployees', 'Bus. Rel. Code for Employees must have a value'],
  ])('a blank %s code is business_relation_missing', (kind, setupField, message) => {
    const error = rapportErrorOf(() => customerCodeFor({ ...setup, [setupField]: '' }, kind));
    expect(error.code).toBe('business_relation_missing');
    expect(error.message).toContain(message);
    expect(error.details).toMatchObject({ setupField });
  });
});

describe('accountKindOfCode', () => {
  test.each<[string, AccountKind | undefined]>([
    ['CUST', 'customer'],
    ['VEND', 'vendor'],
    ['BANK', 'bankAccount'],
    ['EMP', 'employee'],
    ['PARTNER', undefined],
    ['', undefined],
  ])('code "%s" stands for %s', (code, kind) => {
    expect(accountKindOfCode(setup, code)).toBe(kind);
  });

  test('a blank code never matches a blank setup code', () => {
    expect(accountKindOfCode({ ...setup, busRelCodeForEmployees: '' }, '')).toBeUndefined();
  });
});

describe('checkManualBusinessRelation', () => {
  test.each([
    ['CUST', 'Business Relation Code CUST is used when a Contact is linked with a Customer.'],
    ['VEND', 'Business Relation Code VEND is used when a Contact is linked with a Vendor.'],
    ['BANK', 'Business Relation Code BANK is used when a Contact is linked with a Bank Account.'],
    ['EMP', 'Business Relation Code EMP is used when a Contact is linked with an Employee.'],
  ])('setup code %s cannot be typed by hand: validation_failed', (code, message) => {
    expect(rapportErrorOf(() => checkManualBusinessRelation(setup, code))).toMatchObject({
      code: 'validation_failed',
      message,
      fields: [{ path: 'businessRelationCode' }],
    });
  });

  test('any other code can be typed by hand', () => {
    expect(() => checkManualBusinessRelation(setup, 'PARTNER')).not.toThrow();
  });
});
