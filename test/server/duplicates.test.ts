import { buildDuplicateSearchStrings, countMatchingStrings, DEFAULT_DUPLICATE_SEARCH_SETUP, duplicateThreshold } from '../../src/domain/duplicate-search';
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

  test('improved: the same e-mail is reported whatever the hit %, with the real number of matching strings', async () => {
    const tenant = await service.newTenant();
    const a = await create(tenant, fabrikam);
    const probe = { name: 'Totally Different Name', email: 'SALES@fabrikam.com' };
    // The e-mail's first and last five characters: 2 of 16 strings, far below the hit %.
    const expected = [expect.objectContaining({ contactNo: a.contact.no, noOfMatchingStrings: 2, exactMatches: ['email'] })];
    expect((await tenant.request('POST', '/contacts/duplicate-check', { body: probe })).body.items).toEqual(expected);
    const c = await create(tenant, probe);
    expect(c.duplicates).toEqual(expected);
    expect((await tenant.request('GET', `/contacts/${a.contact.no}/duplicates`)).body.items).toEqual([
      expect.objectContaining({ contactNo: c.contact.no, noOfMatchingStrings: 2, exactMatches: ['email'] }),
    ]);
  });

  test('improved: the same phone number is reported whatever the hit %, with the real number of matching strings', async () => {
    const tenant = await service.newTenant();
    const a = await create(tenant, fabrikam);
    // The same number written another way, and the same city: phone first and last five, city first and last five.
    const probe = { name: 'Contoso Ltd', city: 'Seattle', phoneNo: '+1 (425) 555-0100' };
    const expected = [expect.objectContaining({ contactNo: a.contact.no, noOfMatchingStrings: 4, exactMatches: ['phone'] })];
    expect((await tenant.request('POST', '/contacts/duplicate-check', { body: probe })).body.items).toEqual(expected);
    const c = await create(tenant, probe);
    expect(c.duplicates).toEqual(expected);
    expect((await tenant.request('GET', `/contacts/${c.contact.no}/duplicates`)).body.items).toEqual(expected);
  });

  test('improved: persons are checked too, but colleagues sharing the company address are not duplicates', async () => {
    const tenant = await service.newTenant();
    const company = await create(tenant, fabrikam);
    const first = await create(tenant, { type: 'person', name: 'Kim Abercrombie', companyNo: company.contact.no, mobilePhoneNo: '+1 206 555 0111' });
    const colleague = await create(tenant, { type: 'person', name: 'Dan Park', companyNo: company.contact.no });
    expect(colleague.duplicates).toEqual([]);
    const again = await create(tenant, { type: 'person', name: 'Kim Abercrombie', mobilePhoneNo: '+1 (206) 555-0111' });
    // The name's two strings and the mobile's two.
    expect(again.duplicates).toEqual([expect.objectContaining({ contactNo: first.contact.no, noOfMatchingStrings: 4, exactMatches: ['phone'] })]);
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
    const rebuild = await tenant.request('POST', '/setup/duplicate-search/rebuild');
    expect(await tenant.waitForJob(rebuild.body.id)).toMatchObject({ status: 'succeeded', outcome: { contactsIndexed: 2, duplicatePairs: 0, separatePairs: 1 } });
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

  test('the indexed search finds exactly what comparing every pair finds', async () => {
    const tenant = await service.newTenant();
    const setup = (await tenant.request('GET', '/setup/marketing')).body;
    await tenant.request('PUT', '/setup/marketing', { body: { ...setup, searchHitPercent: 25 } });
    // A small vocabulary, so that contacts share some strings and not others.
    const pick = <T,>(list: readonly T[], seed: number): T => list[seed % list.length] as T;
    const names = ['Nordlys Handel AB', 'Nordlys AB', 'Fjord Trading AS', 'Fjord AS', 'Bergström Verktyg AB'];
    const streets = ['Storgatan 1', 'Storgatan 12', 'Kungsvägen 3', 'Hamngatan 7'];
    const cities = ['Göteborg', 'Stockholm', 'Oslo'];
    const contacts = Array.from({ length: 30 }, (_unused, i) => ({
      name: pick(names, i * 7 + 1),
      address: pick(streets, i * 3 + 2),
      city: pick(cities, i * 5),
      postCode: pick(['41101', '11122', '0150'], i * 11),
      phoneNo: i % 4 === 0 ? '' : `+46 31 ${pick(['100', '200', '300'], i)} 00 ${10 + (i % 5)}`,
    }));
    for (const contact of contacts) await create(tenant, contact);
    const threshold = duplicateThreshold(DEFAULT_DUPLICATE_SEARCH_SETUP.length, 25);
    const strings = contacts.map((contact) => buildDuplicateSearchStrings(contact, DEFAULT_DUPLICATE_SEARCH_SETUP));
    let pairs = 0;
    for (const [index, contact] of contacts.entries()) {
      const expected = strings
        .map((other, otherIndex) => ({ no: `CT${String(otherIndex + 1).padStart(6, '0')}`, n: countMatchingStrings(strings[index] ?? [], other) }))
        .filter((candidate, otherIndex) => otherIndex !== index && candidate.n >= threshold)
        .map((candidate) => `${candidate.no}:${candidate.n}`)
        .sort();
      const check = await tenant.request('POST', '/contacts/duplicate-check', { body: contact });
      const found = (check.body.items as { contactNo: string; noOfMatchingStrings: number }[])
        .filter((candidate) => candidate.noOfMatchingStrings > 0)
        .map((candidate) => `${candidate.contactNo}:${candidate.noOfMatchingStrings}`)
        .sort();
      // The probe itself is an existing contact (same values), so it is found too.
      expect(found.filter((entry) => !entry.startsWith(`CT${String(index + 1).padStart(6, '0')}:`))).toEqual(expected);
      pairs += expected.length;
    }
    expect(pairs).toBeGreaterThan(30);
  });

  test('an invalid search setup is refused', async () => {
    const tenant = await service.newTenant();
    const response = await tenant.request('PUT', '/setup/duplicate-search', { body: { rows: [{ field: 'name', part: 'first', length: 1 }] } });
    expect(response.status).toBe(400);
  });
});
