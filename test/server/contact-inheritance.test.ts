import { SYNC_SCHEMA_VERSION } from '../../src/contract/sync';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

/**
 * "Stop inheriting" and "Inherit again" through `PATCH /contacts/{no}` (`stopInheriting`,
 * `inheritFromCompany`): a person's field keeps its value or takes the company's again, and the
 * next change of the company flows to it, or not, by that choice.
 */
describe.each(testEngines())('inheriting fields from the company on %s', (engine) => {
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

  /** A company and a person who inherits everything from it. */
  async function companyWithPerson(tenant: TestTenant) {
    const company = await create(tenant, {
      name: 'Bergström Verktyg AB',
      address: 'Storgatan 1',
      postCode: '753 20',
      city: 'Uppsala',
      county: 'Uppland',
      phoneNo: '+46 18 123 45',
      email: 'info@bergstrom.example',
      languageCode: 'SVE',
    });
    const person = await create(tenant, { type: 'person', name: 'Åsa Lind', companyNo: company.no });
    expect(person.inheritedFields).toEqual(expect.arrayContaining(['phoneNo', 'email', 'address', 'city', 'languageCode']));
    return { company, person };
  }

  test('a stopped field keeps its value and no longer changes with the company', async () => {
    const tenant = await service.newTenant();
    const { company, person } = await companyWithPerson(tenant);
    const stopped = await patch(tenant, person.no, { stopInheriting: ['phoneNo'] });
    expect(stopped.phoneNo).toBe('+46 18 123 45');
    expect(stopped.inheritedFields).not.toContain('phoneNo');
    expect(stopped.inheritedFields).toContain('email');

    await patch(tenant, company.no, { phoneNo: '+46 18 999 99', email: 'hej@bergstrom.example' });
    expect(await get(tenant, person.no)).toMatchObject({ phoneNo: '+46 18 123 45', email: 'hej@bergstrom.example' });
  });

  test('a field inherited again takes the company’s value now and follows its next change', async () => {
    const tenant = await service.newTenant();
    const { company, person } = await companyWithPerson(tenant);
    const typed = await patch(tenant, person.no, { phoneNo: '+46 70 555 12 34' });
    expect(typed.inheritedFields).not.toContain('phoneNo');

    const again = await patch(tenant, person.no, { inheritFromCompany: ['phoneNo'] });
    expect(again.phoneNo).toBe('+46 18 123 45');
    expect(again.inheritedFields).toContain('phoneNo');

    await patch(tenant, company.no, { phoneNo: '+46 18 999 99' });
    expect((await get(tenant, person.no)).phoneNo).toBe('+46 18 999 99');
  });

  test('the address moves as one block: stopping one part stops all of it, inheriting one part brings all of it', async () => {
    const tenant = await service.newTenant();
    const { company, person } = await companyWithPerson(tenant);
    const stopped = await patch(tenant, person.no, { stopInheriting: ['city'] });
    expect(stopped.inheritedFields.filter((field: string) => ['address', 'address2', 'postCode', 'city', 'county'].includes(field))).toEqual([]);
    await patch(tenant, company.no, { address: 'Kungsgatan 7', city: 'Enköping', county: 'Västmanland' });
    expect(await get(tenant, person.no)).toMatchObject({ address: 'Storgatan 1', city: 'Uppsala', county: 'Uppland' });

    const again = await patch(tenant, person.no, { inheritFromCompany: ['postCode'] });
    expect(again).toMatchObject({ address: 'Kungsgatan 7', city: 'Enköping', county: 'Västmanland', postCode: '753 20' });
    expect(again.inheritedFields).toEqual(expect.arrayContaining(['address', 'address2', 'postCode', 'city', 'county']));
  });

  test('a choice and an edit go together in one change', async () => {
    const tenant = await service.newTenant();
    const { person } = await companyWithPerson(tenant);
    const changed = await patch(tenant, person.no, { jobTitle: 'Inköpschef', stopInheriting: ['email'], inheritFromCompany: ['phoneNo'] });
    expect(changed).toMatchObject({ jobTitle: 'Inköpschef', email: 'info@bergstrom.example', phoneNo: '+46 18 123 45' });
    expect(changed.inheritedFields).not.toContain('email');
  });

  test('inheriting again a field of a new company in the same change as joining it', async () => {
    const tenant = await service.newTenant();
    const { person } = await companyWithPerson(tenant);
    const other = await create(tenant, { name: 'Lind & Co', phoneNo: '+46 8 100 200', email: 'info@lind.example' });
    // Typed values are kept when joining a company; the phone is asked for again, the e-mail is not.
    await patch(tenant, person.no, { phoneNo: '+46 70 555 12 34', email: 'asa@lind.example' });
    const moved = await patch(tenant, person.no, { companyNo: other.no, inheritFromCompany: ['phoneNo'] });
    expect(moved).toMatchObject({ companyNo: other.no, phoneNo: '+46 8 100 200', email: 'asa@lind.example' });
    expect(moved.inheritedFields).toContain('phoneNo');
  });

  test.each([
    ['a field written in the same change', { phoneNo: '+46 70 1', inheritFromCompany: ['phoneNo'] }, 'inheritFromCompany.0'],
    ['an address field written beside the block inherited again', { city: 'Sala', inheritFromCompany: ['address'] }, 'inheritFromCompany.0'],
    ['a field both stopped and inherited again', { stopInheriting: ['email'], inheritFromCompany: ['phoneNo', 'email'] }, 'inheritFromCompany.1'],
    ['a field that is not inheritable', { inheritFromCompany: ['jobTitle'] }, 'inheritFromCompany.0'],
    ['an empty list', { stopInheriting: [] }, 'stopInheriting'],
  ])('%s is refused with 400 at its path, and nothing changes', async (_case, body, path) => {
    const tenant = await service.newTenant();
    const { person } = await companyWithPerson(tenant);
    const response = await tenant.request('PATCH', `/contacts/${person.no}`, { body });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(path);
    expect(await get(tenant, person.no)).toEqual(person);
  });

  test('a field Marketing Setup does not hand down cannot be inherited again', async () => {
    const tenant = await service.newTenant();
    const { person } = await companyWithPerson(tenant);
    await patch(tenant, person.no, { phoneNo: '+46 70 555 12 34' });
    const before = await get(tenant, person.no);
    expect((await tenant.request('PATCH', '/setup/marketing', { body: { inheritCommunicationDetails: false } })).status).toBe(200);
    const response = await tenant.request('PATCH', `/contacts/${person.no}`, { body: { inheritFromCompany: ['languageCode', 'phoneNo'] } });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ path: 'inheritFromCompany.1', message: 'Marketing Setup does not hand this field down.' }]);
    expect(await get(tenant, person.no)).toEqual(before);
  });

  test.each([
    ['a company', 'company', { inheritFromCompany: ['phoneNo'] }, 'inheritFromCompany'],
    ['a person without a company', 'loner', { stopInheriting: ['phoneNo'] }, 'stopInheriting'],
  ])('%s inherits nothing: 422 at the choice, nothing changed', async (_case, which, body, path) => {
    const tenant = await service.newTenant();
    const { company } = await companyWithPerson(tenant);
    const loner = await create(tenant, { type: 'person', name: 'Ola Ensam', phoneNo: '+46 70 2' });
    const target = which === 'company' ? company : loner;
    const before = await get(tenant, target.no);
    const response = await tenant.request('PATCH', `/contacts/${target.no}`, { body });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('contact_company_invalid');
    expect(response.body.fields.map((problem: { path: string }) => problem.path)).toEqual([path]);
    expect(await get(tenant, target.no)).toEqual(before);
  });

  test('the same choices arrive through sync push as through the route', async () => {
    const tenant = await service.newTenant();
    const { person } = await companyWithPerson(tenant);
    const push = await tenant.request('POST', '/sync/push', {
      body: {
        schemaVersion: SYNC_SCHEMA_VERSION,
        clientGroupId: 'card-test-group',
        clientId: 'card-test-client',
        mutations: [{ id: 1, name: 'updateContact', args: { no: person.no, patch: { stopInheriting: ['email'] } } }],
      },
    });
    expect(push.status).toBe(200);
    expect(push.body.results).toEqual([{ id: 1, status: 'applied', duplicate: false }]);
    expect((await get(tenant, person.no)).inheritedFields).not.toContain('email');
  });
});
