import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

/**
 * §11 through the API: the derived Contact Business Relation, Create as / Link with existing, and
 * the two-way sync between contacts and customers, vendors and bank accounts.
 */
describe.each(testEngines())('business relations on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const expectStatus = (response: { status: number; body: unknown }, status: number) => {
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  };
  const createContact = async (tenant: TestTenant, body: Record<string, unknown>) => {
    const response = await tenant.request('POST', '/contacts', { body });
    expectStatus(response, 201);
    return response.body.contact;
  };
  const getContact = async (tenant: TestTenant, no: string) => {
    const response = await tenant.request('GET', `/contacts/${no}`);
    expectStatus(response, 200);
    return response.body;
  };
  const summaryOf = async (tenant: TestTenant, no: string) => (await getContact(tenant, no)).businessRelation;
  const createAs = (tenant: TestTenant, contactNo: string, kind: string) => tenant.request('POST', `/contacts/${contactNo}/create-as/${kind}`);
  const setSetup = async (tenant: TestTenant, changes: Record<string, unknown>) => {
    const current = (await tenant.request('GET', '/setup/marketing')).body;
    expectStatus(await tenant.request('PUT', '/setup/marketing', { body: { ...current, ...changes } }), 200);
  };
  /** A customer with no contact: created while the setup code is blank. */
  const unlinkedCustomer = async (tenant: TestTenant, body: Record<string, unknown>) => {
    await setSetup(tenant, { busRelCodeForCustomers: '' });
    const response = await tenant.request('POST', '/customers', { body });
    expectStatus(response, 201);
    await setSetup(tenant, { busRelCodeForCustomers: 'CUST' });
    return response.body;
  };

  describe('the derived Contact Business Relation', () => {
    test.each([
      { title: 'no relations → none', relations: [], createAs: [], expected: 'none' },
      { title: 'one linked customer → customer', relations: [], createAs: ['customer'], expected: 'customer' },
      { title: 'one linked vendor → vendor', relations: [], createAs: ['vendor'], expected: 'vendor' },
      { title: 'one plain relation → other', relations: ['PRESS'], createAs: [], expected: 'other' },
      { title: 'two plain relations → multiple', relations: ['PRESS', 'PARTNER'], createAs: [], expected: 'multiple' },
      { title: 'a plain relation and a customer → multiple', relations: ['PRESS'], createAs: ['customer'], expected: 'multiple' },
      { title: 'a customer and a vendor → multiple', relations: [], createAs: ['customer', 'vendor'], expected: 'multiple' },
    ])('$title', async ({ relations, createAs: kinds, expected }) => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Fabrikam, Inc.' });
      const person = await createContact(tenant, { type: 'person', name: 'Ann Beck', companyNo: company.no });
      for (const code of relations) expectStatus(await tenant.request('PUT', `/contacts/${company.no}/business-relations/${code}`), 200);
      for (const kind of kinds) expectStatus(await createAs(tenant, company.no, kind), 201);
      expect(await summaryOf(tenant, company.no)).toBe(expected);
      // Computed over the contact and its company: the person sees the company's relations.
      expect(await summaryOf(tenant, person.no)).toBe(expected);
    });

    test('the contact list carries the summary too', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Listed Ltd' });
      await createContact(tenant, { name: 'Other Ltd' });
      expectStatus(await createAs(tenant, company.no, 'customer'), 201);
      const list = (await tenant.request('GET', '/contacts')).body.items as { no: string; businessRelation: string }[];
      expect(list.map((contact) => [contact.no, contact.businessRelation])).toEqual([
        [company.no, 'customer'],
        [expect.any(String), 'none'],
      ]);
    });
  });

  describe('contact business relations', () => {
    test('a plain relation is added, listed and removed', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Press Corp' });
      const put = await tenant.request('PUT', `/contacts/${company.no}/business-relations/press`);
      expectStatus(put, 200);
      expect(put.body).toEqual({ contactNo: company.no, businessRelationCode: 'PRESS', linkToTable: '', no: '' });
      expect((await tenant.request('GET', `/contacts/${company.no}/business-relations`)).body.items).toEqual([put.body]);
      expectStatus(await tenant.request('DELETE', `/contacts/${company.no}/business-relations/PRESS`), 204);
      expect((await tenant.request('GET', `/contacts/${company.no}/business-relations`)).body.items).toEqual([]);
      expect((await tenant.request('DELETE', `/contacts/${company.no}/business-relations/PRESS`)).status).toBe(404);
    });

    test('a person of a company has no relations of its own; a person without one may', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Parent AB' });
      const employee = await createContact(tenant, { type: 'person', name: 'Eva Ek', companyNo: company.no });
      const refused = await tenant.request('PUT', `/contacts/${employee.no}/business-relations/PRESS`);
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toContain(company.no);
      const freelancer = await createContact(tenant, { type: 'person', name: 'Frida Fri' });
      expectStatus(await tenant.request('PUT', `/contacts/${freelancer.no}/business-relations/PRESS`), 200);
    });

    test('an unknown relation code is refused', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Nowhere Ltd' });
      const response = await tenant.request('PUT', `/contacts/${company.no}/business-relations/NOPE`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
    });

    test('a setup code cannot be typed without a linked No.', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Typist Ltd' });
      const response = await tenant.request('PUT', `/contacts/${company.no}/business-relations/CUST`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', fields: [{ path: 'code' }] });
      expect((await tenant.request('GET', `/contacts/${company.no}/business-relations`)).body.items).toEqual([]);
    });

    test('a real link replaces the placeholder row of the same code', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Partner Ltd' });
      expectStatus(await tenant.request('PUT', `/contacts/${company.no}/business-relations/PARTNER`), 200);
      // The setup now names PARTNER for customers: the row typed earlier is a placeholder.
      await setSetup(tenant, { busRelCodeForCustomers: 'PARTNER' });
      const customer = await createAs(tenant, company.no, 'customer');
      expectStatus(customer, 201);
      expect((await tenant.request('GET', `/contacts/${company.no}/business-relations`)).body.items).toEqual([
        { contactNo: company.no, businessRelationCode: 'PARTNER', linkToTable: 'customer', no: customer.body.no },
      ]);
    });
  });

  describe('Create as Customer / Vendor / Bank Account', () => {
    test('a person with a company gets the customer created for the company', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Fabrikam, Inc.', city: 'Oslo', phoneNo: '+47 22 00 00 00', email: 'info@fabrikam.example' });
      const person = await createContact(tenant, { type: 'person', name: 'Ann Beck', companyNo: company.no, email: 'ann@fabrikam.example' });

      const response = await createAs(tenant, person.no, 'customer');
      expectStatus(response, 201);
      expect(response.body).toMatchObject({ no: 'C00010', name: 'Fabrikam, Inc.', city: 'Oslo', phoneNo: '+47 22 00 00 00', email: 'info@fabrikam.example' });
      expect((await tenant.request('GET', `/contacts/${company.no}/business-relations`)).body.items).toEqual([
        { contactNo: company.no, businessRelationCode: 'CUST', linkToTable: 'customer', no: 'C00010' },
      ]);
      expect((await tenant.request('GET', `/contacts/${person.no}/business-relations`)).body.items).toEqual([]);
      expect((await tenant.request('GET', '/customers/C00010')).body.name).toBe('Fabrikam, Inc.');
    });

    test('each kind takes its own number series', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'All Kinds AB' });
      expect((await createAs(tenant, company.no, 'customer')).body.no).toBe('C00010');
      expect((await createAs(tenant, company.no, 'vendor')).body.no).toBe('V00010');
      expect((await createAs(tenant, company.no, 'bankAccount')).body.no).toBe('B010');
      const second = await createContact(tenant, { name: 'Second AB' });
      expect((await createAs(tenant, second.no, 'customer')).body.no).toBe('C00020');
    });

    test.each([
      { title: 'again for the company', again: 'company' },
      { title: 'again for a person of the company', again: 'person' },
    ])('a second customer is refused: $title', async ({ again }) => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Once Only Ltd' });
      const person = await createContact(tenant, { type: 'person', name: 'Bo Ek', companyNo: company.no });
      expectStatus(await createAs(tenant, company.no, 'customer'), 201);
      const response = await createAs(tenant, again === 'company' ? company.no : person.no, 'customer');
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('business_relation_exists');
      expect((await tenant.request('GET', '/customers')).body.items).toHaveLength(1);
    });

    test('a blank Bus. Rel. Code for Customers refuses Create as Customer', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'No Setup Ltd' });
      await setSetup(tenant, { busRelCodeForCustomers: '' });
      const response = await createAs(tenant, company.no, 'customer');
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('business_relation_missing');
      expect((await tenant.request('GET', '/customers')).body.items).toEqual([]);
    });

    test.each(['vendor', 'bankAccount'])('a %s needs a company: a person without one is refused', async (kind) => {
      const tenant = await service.newTenant();
      const person = await createContact(tenant, { type: 'person', name: 'Solo Trader' });
      const response = await createAs(tenant, person.no, kind);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('contact_company_invalid');
    });

    test('two Create as Customer at once give one customer and one refusal', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Race Ltd' });
      const statuses = (await Promise.all([createAs(tenant, company.no, 'customer'), createAs(tenant, company.no, 'customer')])).map((response) => response.status);
      expect(statuses.sort()).toEqual([201, 409]);
      expect((await tenant.request('GET', '/customers')).body.items).toHaveLength(1);
    });

    test('a person without a company can be a customer itself', async () => {
      const tenant = await service.newTenant();
      const person = await createContact(tenant, { type: 'person', name: 'Solo Trader' });
      const response = await createAs(tenant, person.no, 'customer');
      expectStatus(response, 201);
      expect(await summaryOf(tenant, person.no)).toBe('customer');
    });

    test('an unknown contact is 404', async () => {
      const tenant = await service.newTenant();
      expect((await createAs(tenant, 'CT999999', 'customer')).status).toBe(404);
    });
  });

  describe('contact → linked records', () => {
    test('a contact change flows to its customer', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Moving Ltd', city: 'Oslo' });
      const customer = (await createAs(tenant, company.no, 'customer')).body;
      expectStatus(await tenant.request('PATCH', `/contacts/${company.no}`, { body: { name: 'Moved Ltd', city: 'Bergen', phoneNo: '555-0200' } }), 200);
      expect((await tenant.request('GET', `/customers/${customer.no}`)).body).toMatchObject({ no: customer.no, name: 'Moved Ltd', city: 'Bergen', phoneNo: '555-0200' });
    });

    test('a vendor keeps its purchaser when the contact salesperson changes', async () => {
      const tenant = await service.newTenant();
      expectStatus(await tenant.request('PUT', '/salespeople/PUR', { body: { name: 'Purchaser' } }), 200);
      expectStatus(await tenant.request('PUT', '/salespeople/SAL', { body: { name: 'Seller' } }), 200);
      const company = await createContact(tenant, { name: 'Supplier AB' });
      const vendor = (await createAs(tenant, company.no, 'vendor')).body;
      expectStatus(await tenant.request('PATCH', `/vendors/${vendor.no}`, { body: { salespersonCode: 'PUR' } }), 200);
      expectStatus(await tenant.request('PATCH', `/contacts/${company.no}`, { body: { salespersonCode: 'SAL', city: 'Malmö' } }), 200);
      expect((await tenant.request('GET', `/vendors/${vendor.no}`)).body).toMatchObject({ city: 'Malmö', salespersonCode: 'PUR' });
    });

    test('a change that touches no synced field leaves the customer alone', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Quiet Ltd', city: 'Oslo' });
      const customer = (await createAs(tenant, company.no, 'customer')).body;
      // The customer now differs from the contact; a non-synced contact change must not overwrite it.
      await service.db.query("UPDATE customer SET city = 'Drammen' WHERE tenant_id = $1 AND no = $2", [tenant.tenantId, customer.no]);
      expectStatus(await tenant.request('PATCH', `/contacts/${company.no}`, { body: { excludeFromSegment: true } }), 200);
      expect((await tenant.request('GET', `/customers/${customer.no}`)).body.city).toBe('Drammen');
    });
    test.each([
      { kind: 'vendor', path: '/vendors' },
      { kind: 'bankAccount', path: '/bank-accounts' },
    ])("a $kind's own person (purchaser / our contact) does not become the contact's salesperson", async ({ kind, path }) => {
      const tenant = await service.newTenant();
      expectStatus(await tenant.request('PUT', '/salespeople/PUR', { body: { name: 'Purchaser' } }), 200);
      expectStatus(await tenant.request('PUT', '/salespeople/SAL', { body: { name: 'Seller' } }), 200);
      const company = await createContact(tenant, { name: 'Two Sided AB', salespersonCode: 'SAL' });
      const account = (await createAs(tenant, company.no, kind)).body;
      expectStatus(await tenant.request('PATCH', `${path}/${account.no}`, { body: { salespersonCode: 'PUR', city: 'Lund' } }), 200);
      expect(await getContact(tenant, company.no)).toMatchObject({ city: 'Lund', salespersonCode: 'SAL' });
    });
  });

  describe('linked records → contact', () => {
    test('a customer change flows back to the contact, which keeps its number and type', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Back Ltd', city: 'Oslo' });
      const customer = (await createAs(tenant, company.no, 'customer')).body;
      const patched = await tenant.request('PATCH', `/customers/${customer.no}`, { body: { city: 'Tromsø', email: 'ap@back.example' } });
      expectStatus(patched, 200);
      expect(patched.body).toMatchObject({ city: 'Tromsø', email: 'ap@back.example' });
      expect(await getContact(tenant, company.no)).toMatchObject({ no: company.no, type: 'company', name: 'Back Ltd', city: 'Tromsø', email: 'ap@back.example' });
    });

    test('a customer created directly gets a company contact, without Marketing Setup defaults', async () => {
      const tenant = await service.newTenant();
      const response = await tenant.request('POST', '/customers', { body: { name: 'Direct Ltd', city: 'Oslo' } });
      expectStatus(response, 201);
      expect(response.body.no).toBe('C00010');
      const contacts = (await tenant.request('GET', '/contacts')).body.items;
      expect(contacts).toHaveLength(1);
      expect(contacts[0]).toMatchObject({ type: 'company', name: 'Direct Ltd', city: 'Oslo', businessRelation: 'customer', salutationCode: '', correspondenceType: '' });
      expect((await tenant.request('GET', `/contacts/${contacts[0].no}/business-relations`)).body.items).toEqual([
        { contactNo: contacts[0].no, businessRelationCode: 'CUST', linkToTable: 'customer', no: 'C00010' },
      ]);
    });

    test.each([
      { kind: 'vendor', path: '/vendors', summary: 'vendor' },
      { kind: 'bankAccount', path: '/bank-accounts', summary: 'bankAccount' },
    ])('a $kind created directly gets a company contact too', async ({ path, summary }) => {
      const tenant = await service.newTenant();
      expectStatus(await tenant.request('POST', path, { body: { name: 'Direct Account' } }), 201);
      const contacts = (await tenant.request('GET', '/contacts')).body.items;
      expect(contacts).toEqual([expect.objectContaining({ name: 'Direct Account', businessRelation: summary })]);
    });

    test('with a blank Bus. Rel. Code for Customers a customer created directly gets no contact', async () => {
      const tenant = await service.newTenant();
      await setSetup(tenant, { busRelCodeForCustomers: '' });
      expectStatus(await tenant.request('POST', '/customers', { body: { name: 'Loner Ltd' } }), 201);
      expect((await tenant.request('GET', '/contacts')).body.items).toEqual([]);
    });

    test('deleting the customer deletes only the link; the contact stays', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Leaving Ltd' });
      const customer = (await createAs(tenant, company.no, 'customer')).body;
      expectStatus(await tenant.request('DELETE', `/customers/${customer.no}`), 204);
      expect((await tenant.request('GET', `/customers/${customer.no}`)).status).toBe(404);
      expect(await getContact(tenant, company.no)).toMatchObject({ name: 'Leaving Ltd', businessRelation: 'none' });
      expect((await tenant.request('GET', `/contacts/${company.no}/business-relations`)).body.items).toEqual([]);
      // The contact is free to become a customer again.
      expectStatus(await createAs(tenant, company.no, 'customer'), 201);
    });
  });

  describe('Link with existing', () => {
    test('Current Master Fields = contact: the customer takes the contact’s fields', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Contact Wins Ltd', city: 'Oslo' });
      const customer = await unlinkedCustomer(tenant, { name: 'Old Name', city: 'Stavanger' });
      const response = await tenant.request('POST', `/contacts/${company.no}/link`, { body: { kind: 'customer', no: customer.no, currentMasterFields: 'contact' } });
      expectStatus(response, 200);
      expect(response.body).toMatchObject({ no: customer.no, name: 'Contact Wins Ltd', city: 'Oslo' });
      expect((await tenant.request('GET', `/customers/${customer.no}`)).body).toMatchObject({ name: 'Contact Wins Ltd', city: 'Oslo' });
      expect(await getContact(tenant, company.no)).toMatchObject({ name: 'Contact Wins Ltd', city: 'Oslo', businessRelation: 'customer' });
    });

    test('Current Master Fields = account: the contact takes the customer’s fields', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Contact Loses Ltd', city: 'Oslo' });
      const customer = await unlinkedCustomer(tenant, { name: 'Customer Wins Ltd', city: 'Stavanger' });
      const response = await tenant.request('POST', `/contacts/${company.no}/link`, { body: { kind: 'customer', no: customer.no, currentMasterFields: 'account' } });
      expectStatus(response, 200);
      expect(await getContact(tenant, company.no)).toMatchObject({ no: company.no, type: 'company', name: 'Customer Wins Ltd', city: 'Stavanger', businessRelation: 'customer' });
      expect((await tenant.request('GET', `/customers/${customer.no}`)).body).toMatchObject({ name: 'Customer Wins Ltd', city: 'Stavanger' });
    });

    test('a customer already linked to another contact is refused', async () => {
      const tenant = await service.newTenant();
      const first = await createContact(tenant, { name: 'First Ltd' });
      const second = await createContact(tenant, { name: 'Second Ltd' });
      const customer = (await createAs(tenant, first.no, 'customer')).body;
      const response = await tenant.request('POST', `/contacts/${second.no}/link`, { body: { kind: 'customer', no: customer.no, currentMasterFields: 'contact' } });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('business_relation_exists');
    });

    test('a contact that already has a customer cannot link a second one', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Has One Ltd' });
      const spare = await unlinkedCustomer(tenant, { name: 'Spare' });
      expectStatus(await createAs(tenant, company.no, 'customer'), 201);
      const response = await tenant.request('POST', `/contacts/${company.no}/link`, { body: { kind: 'customer', no: spare.no, currentMasterFields: 'contact' } });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('business_relation_exists');
    });

    test('an unknown customer is 404', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Lonely Ltd' });
      const response = await tenant.request('POST', `/contacts/${company.no}/link`, { body: { kind: 'customer', no: 'C99999', currentMasterFields: 'contact' } });
      expect(response.status).toBe(404);
    });
  });

  describe('tenancy', () => {
    test("another tenant's contacts and accounts are 404", async () => {
      const owner = await service.newTenant();
      const stranger = await service.newTenant();
      const company = await createContact(owner, { name: 'Private Ltd' });
      const customer = (await createAs(owner, company.no, 'customer')).body;
      const requests: [string, string, unknown?][] = [
        ['GET', `/customers/${customer.no}`],
        ['PATCH', `/customers/${customer.no}`, { city: 'Hacked' }],
        ['DELETE', `/customers/${customer.no}`],
        ['GET', `/contacts/${company.no}/business-relations`],
        ['PUT', `/contacts/${company.no}/business-relations/PRESS`],
        ['POST', `/contacts/${company.no}/create-as/vendor`],
        ['POST', `/contacts/${company.no}/link`, { kind: 'customer', no: customer.no, currentMasterFields: 'contact' }],
      ];
      for (const [method, url, body] of requests) {
        const response = await stranger.request(method, url, body === undefined ? {} : { body });
        expect([method, url, response.status]).toEqual([method, url, 404]);
      }
      expect((await stranger.request('GET', '/customers')).body.items).toEqual([]);
      expect((await owner.request('GET', `/customers/${customer.no}`)).body).toMatchObject({ name: 'Private Ltd', city: '' });
      expect(await summaryOf(owner, company.no)).toBe('customer');
    });
  });

  describe('bad requests', () => {
    test.each([
      { title: 'a name over Text[100]', url: '/customers', body: { name: 'x'.repeat(101) }, path: 'name' },
      { title: 'an unknown field', url: '/customers', body: { name: 'A', creditLimit: 5 }, path: 'creditLimit' },
      { title: 'a malformed e-mail', url: '/vendors', body: { name: 'A', email: 'not-an-address' }, path: 'email' },
      { title: 'letters in a phone number', url: '/bank-accounts', body: { name: 'A', phoneNo: 'call me' }, path: 'phoneNo' },
      { title: 'a number over Code[20]', url: '/customers', body: { no: 'C'.repeat(21) }, path: 'no' },
    ])('creating an account with $title → 400 naming $path', async ({ url, body, path }) => {
      const tenant = await service.newTenant();
      const response = await tenant.request('POST', url, { body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });

    test.each([
      { title: 'an employee link', body: { kind: 'employee', no: 'E1', currentMasterFields: 'contact' }, path: 'kind' },
      { title: 'no master choice', body: { kind: 'customer', no: 'C00010' }, path: 'currentMasterFields' },
      { title: 'a blank number', body: { kind: 'customer', no: '', currentMasterFields: 'account' }, path: 'no' },
    ])('linking with $title → 400 naming $path', async ({ body, path }) => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Strict Ltd' });
      const response = await tenant.request('POST', `/contacts/${company.no}/link`, { body });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });

    test('an empty patch and an unknown kind are refused', async () => {
      const tenant = await service.newTenant();
      const company = await createContact(tenant, { name: 'Strict Ltd' });
      const customer = (await createAs(tenant, company.no, 'customer')).body;
      expect((await tenant.request('PATCH', `/customers/${customer.no}`, { body: {} })).status).toBe(400);
      const kind = await createAs(tenant, company.no, 'employee');
      expect(kind.status).toBe(400);
      expect(kind.body.fields).toEqual([expect.objectContaining({ path: 'params.kind' })]);
    });
  });
});
