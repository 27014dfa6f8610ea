import { parseCsv } from '../helpers/csv';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testEngines())('contact export on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine);
  });
  afterAll(() => service.close());

  const exportCsv = async (tenant: Awaited<ReturnType<TestApp['newTenant']>>, query = '') => {
    const response = await service.app.inject({ method: 'GET', url: `/api/v1/contacts/export${query}`, headers: { authorization: `Bearer ${await tenant.token()}` } });
    return response;
  };

  test('the export is what the list shows, with a header row, a byte order mark and every text kept', async () => {
    const tenant = await service.newTenant();
    const create = async (body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body })).body.contact as { no: string };
    const company = await create({ name: 'Fabrikam, Inc.', city: 'Tromsø', email: 'info@fabrikam.example' });
    await create({ type: 'person', name: 'Åsa "Sunny" Öberg', companyNo: company.no, address: 'Storgatan 1\nBox 12' });
    await create({ type: 'person', name: 'Kim Ek', companyNo: company.no, jobTitle: '=cmd' });
    await create({ name: 'Contoso Oy' });

    const response = await exportCsv(tenant);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="contacts.csv"');
    expect(response.body.startsWith('\uFEFFno,type,name,')).toBe(true);
    const [header, ...rows] = parseCsv(response.body.slice(1));
    const column = (name: string) => header!.indexOf(name);
    const listed = (await tenant.request('GET', '/contacts?limit=500')).body.items as { no: string; name: string; type: string }[];
    expect(rows.map((row) => [row[column('no')], row[column('type')], row[column('name')]])).toEqual(listed.map((contact) => [contact.no, contact.type, contact.name]));
    const asa = rows.find((row) => row[column('name')] === 'Åsa "Sunny" Öberg');
    expect([asa?.[column('address')], asa?.[column('companyName')]]).toEqual(['Storgatan 1\nBox 12', 'Fabrikam, Inc.']);
    expect(rows.find((row) => row[column('no')] === company.no)?.[column('city')]).toBe('Tromsø');
    expect(rows.find((row) => row[column('name')] === 'Kim Ek')?.[column('jobTitle')]).toBe("'=cmd");

    const persons = parseCsv((await exportCsv(tenant, `?type=person&companyNo=${company.no}`)).body.slice(1)).slice(1);
    expect(persons.map((row) => row[column('name')])).toEqual(['Åsa "Sunny" Öberg', 'Kim Ek']);
    const searched = parseCsv((await exportCsv(tenant, '?q=conto')).body.slice(1)).slice(1);
    expect(searched.map((row) => row[column('name')])).toEqual(['Contoso Oy']);
  });

  test('an export longer than two pages (of 5,000) streams every contact once, in number order', async () => {
    const tenant = await service.newTenant();
    await tenant.request('GET', '/me'); // provisions the tenant
    await service.db.query(
      `INSERT INTO contact (tenant_id, no, type, name, search_name, company_no)
       SELECT $1, 'X' || lpad(n::text, 5, '0'), 'company', 'Company ' || n, 'COMPANY ' || n, 'X' || lpad(n::text, 5, '0') FROM generate_series(1, 10345) AS n`,
      [tenant.tenantId],
    );
    const rows = parseCsv((await exportCsv(tenant)).body.slice(1)).slice(1);
    expect(rows).toHaveLength(10345);
    expect(new Set(rows.map((row) => row[0])).size).toBe(10345);
    expect(rows.map((row) => row[0])).toEqual([...rows.map((row) => row[0]!)].sort());
  });

  test('a salesperson may not export; a bad filter is refused', async () => {
    const tenant = await service.newTenant();
    const salesperson = tenant.user();
    const refused = await service.app.inject({ method: 'GET', url: '/api/v1/contacts/export', headers: { authorization: `Bearer ${await tenant.token(salesperson)}` } });
    expect([refused.statusCode, JSON.parse(refused.body).code]).toEqual([403, 'forbidden']);
    expect((await exportCsv(tenant, '?type=robot')).statusCode).toBe(400);
    expect((await exportCsv(tenant, '?limit=5')).statusCode).toBe(400);
  });
});
