import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('contacts on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const create = async (tenant: TestTenant, body: Record<string, unknown>) => {
    const response = await tenant.request('POST', '/contacts', { body });
    if (response.status !== 201) throw new Error(`create failed: ${JSON.stringify(response.body)}`);
    return response.body.contact;
  };
  const patch = async (tenant: TestTenant, no: string, body: Record<string, unknown>) => {
    const response = await tenant.request('PATCH', `/contacts/${no}`, { body });
    if (response.status !== 200) throw new Error(`patch failed: ${JSON.stringify(response.body)}`);
    return response.body.contact;
  };
  const get = async (tenant: TestTenant, no: string) => (await tenant.request('GET', `/contacts/${no}`)).body;
  const setSetup = async (tenant: TestTenant, changes: Record<string, unknown>) => {
    const current = (await tenant.request('GET', '/setup/marketing')).body;
    const response = await tenant.request('PUT', '/setup/marketing', { body: { ...current, ...changes } });
    expect(response.status).toBe(200);
  };

  describe('creating', () => {
    test('a company takes the next number, the defaults and points to itself', async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { name: 'Fabrikam, Inc.', email: 'Sales@Fabrikam.example' });
      expect(contact).toMatchObject({
        no: 'CT000001',
        type: 'company',
        companyNo: 'CT000001',
        companyName: 'Fabrikam, Inc.',
        searchName: 'FABRIKAM, INC.',
        salutationCode: 'COMPANY',
        correspondenceType: 'email',
        businessRelation: 'none',
      });
      expect((await create(tenant, { name: 'Second' })).no).toBe('CT000002');
    });

    test('a person name is split into first, middle and surname', async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { type: 'person', name: 'Anna Maria de la Cruz' });
      expect(contact).toMatchObject({ firstName: 'Anna Maria de', middleName: 'la', surname: 'Cruz', salutationCode: 'UNISEX' });
    });

    test('a person given name parts gets the rebuilt name', async () => {
      const tenant = await service.newTenant();
      const contact = await create(tenant, { type: 'person', firstName: 'Jörg', surname: 'Müller' });
      expect(contact.name).toBe('Jörg Müller');
    });

    test("the signed-in user's salesperson wins over the setup default", async () => {
      const tenant = await service.newTenant();
      await tenant.request('PUT', '/salespeople/DEF', { body: { name: 'Default Person' } });
      await tenant.request('PUT', '/salespeople/ME', { body: { name: 'Me Myself', email: 'me@nordlys.example' } });
      await setSetup(tenant, { defaultSalespersonCode: 'DEF' });
      const mine = await tenant.request('POST', '/contacts', { body: { name: 'Mine' }, as: tenant.user({ email: 'ME@nordlys.example' }) });
      expect(mine.body.contact.salespersonCode).toBe('ME');
      const others = await tenant.request('POST', '/contacts', { body: { name: 'Theirs' }, as: tenant.user({ email: 'nobody@nordlys.example' }) });
      expect(others.body.contact.salespersonCode).toBe('DEF');
    });

    test('German example: a standalone person gets the setup language, then the company language once linked', async () => {
      const tenant = await service.newTenant();
      await setSetup(tenant, { defaultLanguageCode: 'ENU' });
      const company = await create(tenant, { name: 'Müller GmbH', languageCode: 'DEU' });
      const person = await create(tenant, { type: 'person', name: 'Hans Weber' });
      expect(person.languageCode).toBe('ENU');
      expect((await patch(tenant, person.no, { companyNo: company.no })).languageCode).toBe('DEU');
    });

    test('a person created for a company inherits from it, but what the caller sent stays', async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Bergström Verktyg AB', address: 'Storgatan 1', city: 'Uppsala', postCode: '753 20', phoneNo: '+46 18 123 45', languageCode: 'SVE' });
      const person = await create(tenant, { type: 'person', name: 'Åsa Lind', companyNo: company.no, phoneNo: '+46 70 555 12 34' });
      expect(person).toMatchObject({ companyName: 'Bergström Verktyg AB', address: 'Storgatan 1', city: 'Uppsala', languageCode: 'SVE', phoneNo: '+46 70 555 12 34' });
      expect(person.inheritedFields).toEqual(expect.arrayContaining(['address', 'city', 'languageCode']));
      expect(person.inheritedFields).not.toContain('phoneNo');
    });

    test('a typed number needs Manual Nos. and must be free', async () => {
      const tenant = await service.newTenant();
      const series = (await tenant.request('GET', '/setup/number-series/CONT')).body;
      await tenant.request('PUT', '/setup/number-series/CONT', { body: { description: series.description, manualNos: false, lines: series.lines.map(({ open: _open, ...line }: any) => line) } });
      const refused = await tenant.request('POST', '/contacts', { body: { no: 'MY-1', name: 'Typed' } });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('manual_numbers_not_allowed');

      await tenant.request('PUT', '/setup/number-series/CONT', { body: { description: series.description, manualNos: true, lines: series.lines.map(({ open: _open, ...line }: any) => line) } });
      expect((await create(tenant, { no: 'ct000002', name: 'Typed' })).no).toBe('CT000002');
      const taken = await tenant.request('POST', '/contacts', { body: { no: 'CT000002', name: 'Again' } });
      expect(taken.status).toBe(409);
      // The series skips the number typed by hand.
      expect((await create(tenant, { name: 'Auto 1' })).no).toBe('CT000001');
      expect((await create(tenant, { name: 'Auto 2' })).no).toBe('CT000003');
    });

    test('a blank number takes the next number of the series, as no number does', async () => {
      const tenant = await service.newTenant();
      expect((await create(tenant, { no: '', name: 'Blank number' })).no).toBe('CT000001');
      expect((await create(tenant, { no: '  ', name: 'Spaces only' })).no).toBe('CT000002');
    });

    test.each([
      ['an e-mail without a domain', { email: 'anna@' }, 'email'],
      ['a phone number with letters', { phoneNo: '555-CALL-NOW' }, 'phoneNo'],
      ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name'],
      ['an unknown type', { type: 'robot' }, 'type'],
      ['an unknown territory', { territoryCode: 'MARS' }, 'territoryCode'],
      ['an unknown salesperson', { salespersonCode: 'NOBODY' }, 'salespersonCode'],
      ['a company number on a company', { companyNo: 'CT000001' }, 'companyNo'],
    ])('%s is refused with the field named and nothing written', async (_case, body, field) => {
      const tenant = await service.newTenant();
      const response = await tenant.request('POST', '/contacts', { body: { name: 'Bad input AB', ...body } });
      expect([400, 422]).toContain(response.status);
      expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
      expect((await tenant.request('GET', '/contacts')).body.items).toEqual([]);
    });

    test('setting the language fills a blank format region, never a set one', async () => {
      const tenant = await service.newTenant();
      expect((await create(tenant, { name: 'Språk AB', languageCode: 'SVE' })).formatRegion).toBe('sv-SE');
      expect((await create(tenant, { name: 'Taal BV', languageCode: 'NLD', formatRegion: 'en-GB' })).formatRegion).toBe('en-GB');
    });

    test('codes are upper-cased', async () => {
      const tenant = await service.newTenant();
      expect((await create(tenant, { name: 'Lower AB', countryRegionCode: 'se', territoryCode: 'nordic' })).countryRegionCode).toBe('SE');
    });

    test('50 concurrent creates get 50 distinct numbers', async () => {
      const tenant = await service.newTenant();
      await tenant.request('GET', '/setup/marketing');
      const responses = await Promise.all(Array.from({ length: 50 }, (_unused, index) => tenant.request('POST', '/contacts', { body: { name: `Concurrent ${index}` } })));
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      const numbers = responses.map((response) => response.body.contact.no);
      expect(new Set(numbers).size).toBe(50);
      expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_unused, index) => `CT${String(index + 1).padStart(6, '0')}`));
    });
  });

  describe('company changes flow to persons', () => {
    test("Business Central's example: an untouched person follows the phone, a typed one does not", async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Contoso AB', phoneNo: '555-0100' });
      const a = await create(tenant, { type: 'person', name: 'Person A', companyNo: company.no });
      const b = await create(tenant, { type: 'person', name: 'Person B', companyNo: company.no });
      await patch(tenant, b.no, { phoneNo: '555-0199' });
      await patch(tenant, company.no, { phoneNo: '555-0200' });
      expect((await get(tenant, a.no)).phoneNo).toBe('555-0200');
      expect((await get(tenant, b.no)).phoneNo).toBe('555-0199');
    });

    test('improved: a person who typed the same value as the company keeps it when the company changes', async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Contoso AB', phoneNo: '555-0100' });
      const b = await create(tenant, { type: 'person', name: 'Person B', companyNo: company.no });
      await patch(tenant, b.no, { phoneNo: '555-0100' });
      await patch(tenant, company.no, { phoneNo: '555-0200' });
      expect((await get(tenant, b.no)).phoneNo).toBe('555-0100');
    });

    test('the address moves as a block only while the person still has the whole company address', async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Van der Berg B.V.', address: 'Keizersgracht 1', postCode: '1015 CJ', city: 'Amsterdam' });
      const follows = await create(tenant, { type: 'person', name: 'Jan de Vries', companyNo: company.no });
      const moved = await create(tenant, { type: 'person', name: 'Eva Jansen', companyNo: company.no });
      await patch(tenant, moved.no, { address2: 'Kamer 4' });
      await patch(tenant, company.no, { address: 'Herengracht 20', city: 'Amsterdam-Centrum' });
      expect(await get(tenant, follows.no)).toMatchObject({ address: 'Herengracht 20', city: 'Amsterdam-Centrum' });
      expect(await get(tenant, moved.no)).toMatchObject({ address: 'Keizersgracht 1', city: 'Amsterdam', address2: 'Kamer 4' });
    });

    test('renaming a company renames it on its persons', async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Old Name Oy' });
      const person = await create(tenant, { type: 'person', name: 'Päivi Virtanen', companyNo: company.no });
      await patch(tenant, company.no, { name: 'New Name Oy' });
      expect((await get(tenant, person.no)).companyName).toBe('New Name Oy');
    });
  });

  describe('type changes and deletion', () => {
    test('a company with persons cannot become a person', async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Parent A/S' });
      await create(tenant, { type: 'person', name: 'Søren Kierkegaard', companyNo: company.no });
      const response = await tenant.request('PATCH', `/contacts/${company.no}`, { body: { type: 'person' } });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('contact_type_change_refused');
    });

    test('a person without history can become a company and then points to itself', async () => {
      const tenant = await service.newTenant();
      const person = await create(tenant, { type: 'person', name: 'Solo Trader' });
      expect(await patch(tenant, person.no, { type: 'company' })).toMatchObject({ type: 'company', companyNo: person.no, firstName: '' });
    });

    test('deleting a company deletes its persons', async () => {
      const tenant = await service.newTenant();
      const company = await create(tenant, { name: 'Gone AS' });
      const person = await create(tenant, { type: 'person', name: 'Ola Nordmann', companyNo: company.no });
      expect((await tenant.request('DELETE', `/contacts/${company.no}`)).status).toBe(204);
      expect((await tenant.request('GET', `/contacts/${person.no}`)).status).toBe(404);
    });

    test('deleting an unknown contact is a 404', async () => {
      const tenant = await service.newTenant();
      expect((await tenant.request('DELETE', '/contacts/CT999999')).body.code).toBe('not_found');
    });
  });

  describe('finding', () => {
    test('by e-mail finds primary and e-mail 2, ignoring case and spaces', async () => {
      const tenant = await service.newTenant();
      const primary = await create(tenant, { name: 'Primary AB', email: 'Info@Primary.example' });
      const second = await create(tenant, { type: 'person', name: 'Second Person', email2: 'info@primary.example' });
      await create(tenant, { name: 'Unrelated AB', email: 'other@primary.example' });
      const response = await tenant.request('GET', `/contacts?email=${encodeURIComponent('  INFO@primary.EXAMPLE ')}`);
      expect(response.body.items.map((contact: { no: string }) => contact.no)).toEqual([primary.no, second.no]);
    });

    test('search by name prefix, with paging', async () => {
      const tenant = await service.newTenant();
      for (const name of ['Alfa AB', 'Alfabet Oy', 'Alfons GmbH', 'Beta BV']) await create(tenant, { name });
      const first = await tenant.request('GET', '/contacts?q=alf&limit=2');
      expect(first.body.items.map((contact: { name: string }) => contact.name)).toEqual(['Alfa AB', 'Alfabet Oy']);
      const second = await tenant.request('GET', `/contacts?q=alf&limit=2&after=${first.body.next}`);
      expect(second.body.items.map((contact: { name: string }) => contact.name)).toEqual(['Alfons GmbH']);
      expect(second.body.next).toBeNull();
    });
  });

  describe('tenants are isolated', () => {
    test("a user of another tenant can neither read, change, delete nor find a tenant's contact", async () => {
      const owner = await service.newTenant();
      const intruder = await service.newTenant();
      const contact = await create(owner, { name: 'Secret AB', email: 'secret@secret.example' });
      expect((await intruder.request('GET', `/contacts/${contact.no}`)).status).toBe(404);
      expect((await intruder.request('PATCH', `/contacts/${contact.no}`, { body: { name: 'Hacked' } })).status).toBe(404);
      expect((await intruder.request('DELETE', `/contacts/${contact.no}`)).status).toBe(404);
      expect((await intruder.request('GET', '/contacts?email=secret@secret.example')).body.items).toEqual([]);
      // The intruder's own numbering starts at the beginning: nothing of the owner's is shared.
      expect((await create(intruder, { name: 'Mine AB' })).no).toBe('CT000001');
      expect(await get(owner, contact.no)).toMatchObject({ name: 'Secret AB' });
    });
  });
});
