import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

const fabrikam = {
  name: 'Fabrikam, Inc.',
  address: '12 Main Street',
  city: 'Seattle',
  postCode: '98052',
  phoneNo: '+1 425 555 0100',
  email: 'sales@fabrikam.com',
};

describe.each(testEngines())('duplicate search on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine);
  });
  afterAll(() => service.close());

  const create = async (tenant: TestTenant, body: Record<string, unknown>) => {
    const response = await tenant.request('POST', '/contacts', { body });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body as { contact: { no: string }; duplicates: { contactNo: string; noOfMatchingStrings: number; exactMatches: string[] }[] };
  };

  test("Business Central's example: the same company entered twice is found with 12 matching strings", async () => {
    const tenant = await service.newTenant();
    const a = await create(tenant, fabrikam);
    const b = await create(tenant, { ...fabrikam, name: 'Fabrikam Inc' });
    expect(b.duplicates).toEqual([expect.objectContaining({ contactNo: a.contact.no, noOfMatchingStrings: 12 })]);
    const listed = await tenant.request('GET', `/contacts/${a.contact.no}/duplicates`);
    expect(listed.body.items).toEqual([expect.objectContaining({ contactNo: b.contact.no, noOfMatchingStrings: 12, separateContacts: false })]);
  });

  test("Business Central's example: a sparse record never reaches the threshold by strings", async () => {
    const tenant = await service.newTenant();
    await create(tenant, fabrikam);
    const c = await create(tenant, { name: fabrikam.name, city: fabrikam.city, phoneNo: '+1 425 555 0199' });
    expect(c.duplicates.filter((candidate) => candidate.noOfMatchingStrings > 0)).toEqual([]);
  });

  test('improved: the same e-mail is reported whatever the hit %', async () => {
    const tenant = await service.newTenant();
    const a = await create(tenant, fabrikam);
    const c = await create(tenant, { name: 'Totally Different Name', email: 'SALES@fabrikam.com' });
    expect(c.duplicates).toEqual([expect.objectContaining({ contactNo: a.contact.no, exactMatches: ['email'] })]);
  });

  test('improved: persons are checked too, but colleagues sharing the company address are not duplicates', async () => {
    const tenant = await service.newTenant();
    const company = await create(tenant, fabrikam);
    const first = await create(tenant, { type: 'person', name: 'Kim Abercrombie', companyNo: company.contact.no, mobilePhoneNo: '+1 206 555 0111' });
    const colleague = await create(tenant, { type: 'person', name: 'Dan Park', companyNo: company.contact.no });
    expect(colleague.duplicates).toEqual([]);
    const again = await create(tenant, { type: 'person', name: 'Kim Abercrombie', mobilePhoneNo: '+1 (206) 555-0111' });
    expect(again.duplicates).toEqual([expect.objectContaining({ contactNo: first.contact.no, exactMatches: ['phone'] })]);
  });

  test('separate contacts stay separate when the contact is indexed again', async () => {
    const tenant = await service.newTenant();
    const a = await create(tenant, fabrikam);
    const b = await create(tenant, { ...fabrikam, name: 'Fabrikam Inc' });
    expect((await tenant.request('PUT', `/contacts/${b.contact.no}/duplicates/${a.contact.no}`, { body: { separateContacts: true } })).status).toBe(200);
    const changed = await tenant.request('PATCH', `/contacts/${b.contact.no}`, { body: { name: 'Fabrikam Incorporated' } });
    expect(changed.body.duplicates).toEqual([]);
    expect((await tenant.request('GET', `/contacts/${a.contact.no}/duplicates`)).body.items).toEqual([
      expect.objectContaining({ contactNo: b.contact.no, separateContacts: true }),
    ]);
    expect((await tenant.request('POST', '/setup/duplicate-search/rebuild')).body.rebuiltContacts).toBe(2);
    expect((await tenant.request('GET', `/contacts/${a.contact.no}/duplicates`)).body.items).toEqual([
      expect.objectContaining({ contactNo: b.contact.no, separateContacts: true }),
    ]);
  });

  test('the check before creating reports candidates and stores nothing', async () => {
    const tenant = await service.newTenant();
    const a = await create(tenant, fabrikam);
    const check = await tenant.request('POST', '/contacts/duplicate-check', { body: { ...fabrikam, name: 'Fabrikam Inc' } });
    expect(check.body.items).toEqual([expect.objectContaining({ contactNo: a.contact.no, noOfMatchingStrings: 12 })]);
    expect((await tenant.request('GET', '/contacts')).body.items).toHaveLength(1);
  });

  test('with Autosearch off nothing is proposed', async () => {
    const tenant = await service.newTenant();
    const setup = (await tenant.request('GET', '/setup/marketing')).body;
    await tenant.request('PUT', '/setup/marketing', { body: { ...setup, autosearchForDuplicates: false } });
    await create(tenant, fabrikam);
    expect((await create(tenant, { ...fabrikam, name: 'Fabrikam Inc' })).duplicates).toEqual([]);
  });

  test('a stricter setup with fewer strings changes the threshold', async () => {
    const tenant = await service.newTenant();
    const response = await tenant.request('PUT', '/setup/duplicate-search', {
      body: { rows: [{ field: 'name', part: 'first', length: 5 }, { field: 'city', part: 'first', length: 5 }] },
    });
    expect(response.status).toBe(200);
    const a = await create(tenant, { name: 'Nordlys Handel AB', city: 'Göteborg' });
    expect((await create(tenant, { name: 'Nordlys AB', city: 'Göteborg' })).duplicates).toEqual([expect.objectContaining({ contactNo: a.contact.no, noOfMatchingStrings: 2 })]);
  });

  test('an invalid search setup is refused', async () => {
    const tenant = await service.newTenant();
    const response = await tenant.request('PUT', '/setup/duplicate-search', { body: { rows: [{ field: 'name', part: 'first', length: 1 }] } });
    expect(response.status).toBe(400);
  });
});
