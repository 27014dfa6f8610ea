import { parseCsv } from '../helpers/csv';
import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import type { TestUser } from '../helpers/tokens';

describe.each(testEngines())('interaction export on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const exportCsv = async (tenant: TestTenant, query: string, as?: TestUser) =>
    service.app.inject({ method: 'GET', url: `/api/v1/interactions/export${query}`, headers: { authorization: `Bearer ${await tenant.token(as ?? tenant.user({ roles: ['Rapport.Manager'] }))}` } });

  /** Anna's calls with Kim Ek, logged out of date order, on both sides of March and on its first and last day. */
  const world = async () => {
    const sales = await salesWorld(service);
    const { tenant, anna, person } = sales;
    const call = async (date: string, description: string, extra: Record<string, unknown> = {}) => {
      const response = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: person.no, kind: 'phoneCall', date, time: '09:30:00', description, ...extra } });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return response.body as { entryNo: number };
    };
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring' } })).body as { no: string };
    const last = await call('2025-03-31', 'Last day of March');
    const before = await call('2025-02-28', 'Before March');
    const first = await call('2025-03-01', '=HYPERLINK("http://evil.example")');
    const middle = await call('2025-03-15', 'Prices, "as agreed"', { costLcy: 12.5, campaignNo: campaign.no });
    const after = await call('2025-04-01', 'After March');
    return { ...sales, campaign, entries: { before, first, middle, last, after } };
  };
  type World = Awaited<ReturnType<typeof world>>;

  test('a date range exports its entries, both ends included, in date order, with a header row and a byte order mark', async () => {
    const { tenant, person, entries } = await world();
    const response = await exportCsv(tenant, '?from=2025-03-01&to=2025-03-31');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="interactions.csv"');
    expect(response.body.startsWith('\uFEFFentryNo,date,timeOfInteraction,contactNo,contactName,')).toBe(true);
    const [header, ...rows] = parseCsv(response.body.slice(1));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => [row[column('entryNo')], row[column('date')]])).toEqual([
      [String(entries.first.entryNo), '2025-03-01'],
      [String(entries.middle.entryNo), '2025-03-15'],
      [String(entries.last.entryNo), '2025-03-31'],
    ]);
    const middle = rows[1]!;
    expect([middle[column('contactNo')], middle[column('contactName')], middle[column('contactCompanyName')], middle[column('salespersonCode')]]).toEqual([
      person.no,
      'Kim Ek',
      'Fabrikam AB',
      'AL',
    ]);
    expect([middle[column('timeOfInteraction')], middle[column('costLcy')], middle[column('canceled')]]).toEqual(['09:30:00', '12.50', 'false']);
    expect(middle[column('description')]).toBe('Prices, "as agreed"');
  });

  test('a text a spreadsheet would run as a formula is escaped, and quotes and commas are kept', async () => {
    const { tenant } = await world();
    const body = (await exportCsv(tenant, '?from=2025-03-01&to=2025-03-15')).body;
    expect(body).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(body).toContain(',"Prices, ""as agreed""",');
  });

  test('one day is a range of its own; canceled entries are exported and say so', async () => {
    const { tenant, entries } = await world();
    await tenant.request('PUT', `/interactions/${entries.last.entryNo}/canceled`, { body: { canceled: true } });
    const [header, ...rows] = parseCsv((await exportCsv(tenant, '?from=2025-03-31&to=2025-03-31')).body.slice(1));
    expect(rows.map((row) => [row[header!.indexOf('entryNo')], row[header!.indexOf('canceled')]])).toEqual([[String(entries.last.entryNo), 'true']]);
  });

  test('a range without entries is the header alone', async () => {
    const { tenant } = await world();
    const response = await exportCsv(tenant, '?from=2024-01-01&to=2024-12-31');
    expect(response.statusCode).toBe(200);
    expect(parseCsv(response.body.slice(1))).toHaveLength(1);
  });

  test.each<[string, (w: World) => string, (w: World) => number[]]>([
    ['a contact', (w) => `contactNo=${w.person.no}`, (w) => [w.entries.first.entryNo, w.entries.middle.entryNo, w.entries.last.entryNo]],
    ['a contact without entries', (w) => `contactNo=${w.company.no}`, () => []],
    ['a salesperson', () => 'salespersonCode=al', (w) => [w.entries.first.entryNo, w.entries.middle.entryNo, w.entries.last.entryNo]],
    ['a salesperson without entries', () => 'salespersonCode=BO', () => []],
    ['a campaign', (w) => `campaignNo=${w.campaign.no}`, (w) => [w.entries.middle.entryNo]],
  ])('the export filters by %s', async (_case, filterOf, expected) => {
    const w = await world();
    const [header, ...rows] = parseCsv((await exportCsv(w.tenant, `?from=2025-03-01&to=2025-03-31&${filterOf(w)}`)).body.slice(1));
    expect(rows.map((row) => Number(row[header!.indexOf('entryNo')]))).toEqual(expected(w));
  });

  test('a range longer than two pages (of 5,000) streams every entry once, in date and entry order', async () => {
    const { tenant, person } = await salesWorld(service);
    await service.db.query(
      `INSERT INTO interaction_log_entry (tenant_id, id, contact_no, date, time_of_interaction, description)
       SELECT $1, gen_random_uuid(), $2, DATE '2025-03-01' + (n % 3), TIME '10:00', 'Call ' || n FROM generate_series(1, 10007) AS n`,
      [tenant.tenantId, person.no],
    );
    const [header, ...rows] = parseCsv((await exportCsv(tenant, '?from=2025-03-01&to=2025-03-03')).body.slice(1));
    const keys = rows.map((row) => [row[header!.indexOf('date')]!, Number(row[header!.indexOf('entryNo')])] as const);
    expect(keys).toHaveLength(10007);
    expect(new Set(keys.map(([, entryNo]) => entryNo)).size).toBe(10007);
    const sorted = [...keys].sort(([dateA, entryA], [dateB, entryB]) => (dateA === dateB ? entryA - entryB : dateA < dateB ? -1 : 1));
    expect(keys).toEqual(sorted);
  });

  test.each([
    ['no dates', ''],
    ['no end', '?from=2025-03-01'],
    ['a date that does not exist', '?from=2025-02-30&to=2025-03-31'],
    ['a date in another format', '?from=01.03.2025&to=2025-03-31'],
    ['an end before the start', '?from=2025-03-31&to=2025-03-01'],
    ['an unknown filter', '?from=2025-03-01&to=2025-03-31&type=email'],
  ])('%s is refused with 400', async (_case, query) => {
    const { tenant } = await world();
    const response = await exportCsv(tenant, query);
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).code).toBe('validation_failed');
  });

  test('an end before the start names the end', async () => {
    const { tenant } = await world();
    const response = await exportCsv(tenant, '?from=2025-03-31&to=2025-03-01');
    expect(JSON.parse(response.body).fields.map((field: { path: string }) => field.path)).toEqual(['query.to']);
  });

  test('a salesperson may not export the interactions', async () => {
    const { tenant, anna } = await world();
    const response = await exportCsv(tenant, '?from=2025-03-01&to=2025-03-31', anna);
    expect([response.statusCode, JSON.parse(response.body).code]).toEqual([403, 'forbidden']);
  });
});
