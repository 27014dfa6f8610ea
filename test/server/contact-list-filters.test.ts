import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('contact list filters on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  /**
   * Fabrikam (AL, NORDIC, Oslo, NO; a customer) with Kim, who inherits it, and Eva in Bergen;
   * Contoso (BO, DACH, Köln, DE; press) with Ola; Pat, a person without a company in "oslo", a
   * customer of its own.
   */
  const world = async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist' } });
    await tenant.request('PUT', '/salespeople/BO', { body: { name: 'Bo Berg' } });
    const create = async (body: Record<string, unknown>) => {
      const response = await tenant.request('POST', '/contacts', { body });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return (response.body.contact as { no: string }).no;
    };
    const fabrikam = await create({ name: 'Fabrikam AB', salespersonCode: 'AL', territoryCode: 'NORDIC', address: 'Storgata 1', city: 'Oslo', countryRegionCode: 'NO' });
    const kim = await create({ type: 'person', name: 'Kim Ek', companyNo: fabrikam });
    const eva = await create({ type: 'person', name: 'Eva Berg', companyNo: fabrikam, address: 'Bryggen 2', city: 'Bergen' });
    const contoso = await create({ name: 'Contoso GmbH', salespersonCode: 'BO', territoryCode: 'DACH', address: 'Domplatz 3', city: 'Köln', countryRegionCode: 'DE' });
    const ola = await create({ type: 'person', name: 'Ola Nord', companyNo: contoso });
    const pat = await create({ type: 'person', name: 'Pat Solo', salespersonCode: 'BO', city: 'oslo', countryRegionCode: 'NO' });
    for (const no of [fabrikam, pat]) expect((await tenant.request('POST', `/contacts/${no}/create-as/customer`)).status).toBe(201);
    expect((await tenant.request('PUT', `/contacts/${contoso}/business-relations/PRESS`, { body: {} })).status).toBe(200);
    return { tenant, fabrikam, kim, eva, contoso, ola, pat };
  };
  type World = Awaited<ReturnType<typeof world>>;
  const listed = async (tenant: TestTenant, query: string) => {
    const response = await tenant.request('GET', `/contacts?${query}`);
    if (response.status !== 200) throw new Error(JSON.stringify(response.body));
    return (response.body.items as { no: string }[]).map((contact) => contact.no);
  };

  test.each<[string, string, (world: World) => string[]]>([
    ['by salesperson', 'salespersonCode=al', (w) => [w.fabrikam, w.kim, w.eva]],
    ['by territory', 'territoryCode=dach', (w) => [w.contoso, w.ola]],
    ['by country/region', 'countryRegionCode=NO', (w) => [w.fabrikam, w.kim, w.eva, w.pat]],
    ['by city in any letter case', 'city=OSLO', (w) => [w.fabrikam, w.kim, w.pat]],
    ["by the customers' business relation: the customers' contacts, persons without a company included", 'businessRelationCode=cust', (w) => [w.fabrikam, w.kim, w.eva, w.pat]],
    ['by another business relation: the company and its persons', 'businessRelationCode=PRESS', (w) => [w.contoso, w.ola]],
    ['by a business relation nobody has', 'businessRelationCode=VEND', () => []],
    ['by several filters at once', 'businessRelationCode=CUST&type=person&city=oslo', (w) => [w.kim, w.pat]],
    ['by filters with the older ones', 'salespersonCode=BO&companyNo=', (w) => [w.contoso, w.ola, w.pat]],
  ])('the list filters %s', async (_case, query, expected) => {
    const w = await world();
    expect(await listed(w.tenant, query)).toEqual(expected(w));
  });

  test.each([
    ["the customers' contacts", 'businessRelationCode=CUST'],
    ['a city', 'city=oslo'],
    ['a country/region with a type', 'countryRegionCode=NO&type=person'],
  ])('keyset paging by one through %s shows each contact once, in number order', async (_case, query) => {
    const w = await world();
    const all = await listed(w.tenant, query);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const response: { body: { items: { no: string }[]; next: string | null } } = await w.tenant.request('GET', `/contacts?${query}&limit=1${after ? `&after=${after}` : ''}`);
      paged.push(...response.body.items.map((contact) => contact.no));
      after = response.body.next;
    } while (after !== null);
    expect(all.length).toBeGreaterThan(1);
    expect(paged).toEqual(all);
  });

  test.each([
    ['a territory code that is too long', 'territoryCode=ABCDEFGHIJK', 'query.territoryCode'],
    ['a business relation code that is too long', `businessRelationCode=${'X'.repeat(11)}`, 'query.businessRelationCode'],
    ['a city that is too long', `city=${'x'.repeat(31)}`, 'query.city'],
    ['an unknown filter', 'postCode=0150', ''],
  ])('%s is refused', async (_case, query, field) => {
    const tenant = await service.newTenant();
    const response = await tenant.request('GET', `/contacts?${query}`);
    expect(response.status).toBe(400);
    if (field !== '') expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
  });

  test("the export takes the same filters: the customers' contacts in a city", async () => {
    const w = await world();
    const response = await service.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/export?businessRelationCode=CUST&city=Oslo',
      headers: { authorization: `Bearer ${await w.tenant.token()}` },
    });
    expect(response.statusCode).toBe(200);
    const numbers = response.body
      .slice(1)
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    expect(numbers).toEqual([w.fabrikam, w.kim, w.pat]);
  });
});
