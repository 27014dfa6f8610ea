import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('contact details on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const create = async (tenant: TestTenant, body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body })).body.contact;

  describe('alternative addresses', () => {
    test('the address in force follows the date ranges', async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { name: 'Seasonal AB' });
      await tenant.request('PUT', `/contacts/${contact.no}/alt-addresses/SUMMER`, { body: { address: 'Sommarvägen 1', city: 'Visby' } });
      await tenant.request('PUT', `/contacts/${contact.no}/alt-addresses/WINTER`, { body: { address: 'Vintergatan 2', city: 'Åre' } });
      await tenant.request('PUT', `/contacts/${contact.no}/alt-address-date-ranges`, { body: { altAddressCode: 'WINTER', startingDate: '2025-01-01', endingDate: null } });
      await tenant.request('PUT', `/contacts/${contact.no}/alt-address-date-ranges`, { body: { altAddressCode: 'SUMMER', startingDate: '2025-06-01', endingDate: '2025-08-31' } });
      const on = async (date: string) => (await tenant.request('GET', `/contacts/${contact.no}/alt-addresses?date=${date}`)).body.activeCode;
      expect(await on('2024-12-31')).toBe('');
      expect(await on('2025-03-05')).toBe('WINTER');
      expect(await on('2025-07-01')).toBe('SUMMER');
      expect(await on('2025-09-01')).toBe('WINTER');
      expect((await tenant.request('GET', `/contacts/${contact.no}/alt-addresses`)).body.activeCode).toBe('WINTER');
    });

    test('an alternative address e-mail finds the contact', async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { name: 'Branch Office AS', email: 'hq@branch.example' });
      await tenant.request('PUT', `/contacts/${contact.no}/alt-addresses/OSLO`, { body: { email: 'Oslo@Branch.example', city: 'Oslo' } });
      const found = await tenant.request('GET', '/contacts?email=oslo@branch.example');
      expect(found.body.items.map((item: { no: string }) => item.no)).toEqual([contact.no]);
    });

    test.each([
      ['an ending date before the starting date', { altAddressCode: 'X', startingDate: '2025-05-01', endingDate: '2025-04-01' }, 'endingDate'],
      ['an address that does not exist', { altAddressCode: 'NOPE', startingDate: '2025-05-01' }, 'altAddressCode'],
    ])('a date range with %s is refused', async (_case, body, field) => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { name: 'Ranges Oy' });
      await tenant.request('PUT', `/contacts/${contact.no}/alt-addresses/X`, { body: { city: 'Tampere' } });
      const response = await tenant.request('PUT', `/contacts/${contact.no}/alt-address-date-ranges`, { body });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
    });

    test('another tenant cannot see or add alternative addresses', async () => {
      const owner = await service.newTenant();
      const intruder = await service.newTenant();
      const contact = await create(owner, { name: 'Private GmbH' });
      expect((await intruder.request('GET', `/contacts/${contact.no}/alt-addresses`)).status).toBe(404);
      expect((await intruder.request('PUT', `/contacts/${contact.no}/alt-addresses/X`, { body: { city: 'Berlin' } })).status).toBe(404);
    });
  });

  describe('salutations', () => {
    test("Business Central's example: Dear Mr. John Smith, and Hi John,", async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { type: 'person', name: 'John Smith', salutationCode: 'M', languageCode: 'ENU' });
      expect((await tenant.request('GET', `/contacts/${contact.no}/salutation`)).body.salutation).toBe('Dear Mr. John Smith,');
      expect((await tenant.request('GET', `/contacts/${contact.no}/salutation?type=informal`)).body.salutation).toBe('Hi John,');
    });

    test('a company is greeted by its own formula, in another language on request', async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { name: 'Müller GmbH', languageCode: 'DEU' });
      expect((await tenant.request('GET', `/contacts/${contact.no}/salutation`)).body.salutation).toBe('Sehr geehrte Damen und Herren,');
      expect((await tenant.request('GET', `/contacts/${contact.no}/salutation?languageCode=enu`)).body.salutation).toBe('Dear Sirs,');
    });

    test('a missing formula is a clear 422', async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { type: 'person', name: 'Kim Lee' });
      const response = await tenant.request('GET', `/contacts/${contact.no}/salutation?languageCode=XYZ`);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('salutation_formula_missing');
    });

    test('an administrator can set up a formula', async () => {
      const tenant = await service.newTenant();
      const response = await tenant.request('PUT', '/setup/salutations/DR', {
        body: { description: 'Doctor', formulas: [{ languageCode: 'ENU', salutationType: 'formal', salutation: 'Dear Dr. %1,', nameParts: ['surname', '', '', '', ''] }] },
      });
      expect(response.status).toBe(200);
      const contact = await create(tenant, { type: 'person', name: 'Ada Lovelace', salutationCode: 'DR', languageCode: 'ENU' });
      expect((await tenant.request('GET', `/contacts/${contact.no}/salutation`)).body.salutation).toBe('Dear Dr. Lovelace,');
    });
  });

  describe('code lists on a contact', () => {
    test('industry groups go on companies and then block the change to a person', async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Industrial AB' });
      expect((await tenant.request('PUT', `/contacts/${company.no}/codes/industryGroup/retail`)).status).toBe(200);
      expect((await tenant.request('GET', `/contacts/${company.no}/codes/industryGroup`)).body.items).toEqual(['RETAIL']);
      const change = await tenant.request('PATCH', `/contacts/${company.no}`, { body: { type: 'person' } });
      expect(change.body.code).toBe('contact_type_change_refused');
    });

    test.each([
      ['an industry group on a person', 'person', 'industryGroup', 'RETAIL'],
      ['a job responsibility on a company', 'company', 'jobResponsibility', 'SALES'],
      ['an unknown mailing group', 'company', 'mailingGroup', 'NOPE'],
    ])('%s is refused', async (_case, type, kind, code) => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { type, name: 'Some One' });
      expect((await tenant.request('PUT', `/contacts/${contact.no}/codes/${kind}/${code}`)).status).toBe(400);
    });
  });
});
