import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('setup on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const getSetup = async (tenant: TestTenant) => (await tenant.request('GET', '/setup/marketing')).body;

  describe('a new tenant is provisioned on first use', () => {
    test('with Business Central-like Marketing Setup defaults', async () => {
      const tenant = await service.newTenant();
      expect(await getSetup(tenant)).toMatchObject({
        contactNos: 'CONT',
        campaignNos: 'CAMP',
        segmentNos: 'SEGM',
        taskNos: 'TASK',
        opportunityNos: 'OPP',
        inheritAddressDetails: true,
        autosearchForDuplicates: true,
        maintainDuplSearchStrings: true,
        searchHitPercent: 60,
        defaultSalesCycleCode: 'NEW',
        busRelCodeForCustomers: 'CUST',
      });
    });

    test('with number series for contacts, campaigns, segments, opportunities and tasks', async () => {
      const tenant = await service.newTenant();
      const series = (await tenant.request('GET', '/setup/number-series')).body.items;
      expect(series.map((s: { code: string }) => s.code)).toEqual(['CAMP', 'CONT', 'OPP', 'SEGM', 'TASK']);
      expect(series.find((s: { code: string }) => s.code === 'CONT').lines[0]).toMatchObject({ startingNo: 'CT000001', endingNo: 'CT999999' });
    });

    test('concurrent first requests of a tenant provision it once', async () => {
      const tenant = await service.newTenant();
      const responses = await Promise.all(Array.from({ length: 8 }, () => tenant.request('GET', '/setup/marketing')));
      expect(responses.every((response) => response.status === 200)).toBe(true);
      const rows = await service.db.query('SELECT count(*)::int AS n FROM no_series WHERE tenant_id = $1', [tenant.tenantId]);
      expect(rows[0]?.n).toBe(5);
    });
  });

  describe('Marketing Setup', () => {
    test('turning Autosearch on turns Maintain on', async () => {
      const tenant = await service.newTenant();
      const setup = await getSetup(tenant);
      await tenant.request('PUT', '/setup/marketing', { body: { ...setup, autosearchForDuplicates: false, maintainDuplSearchStrings: false } });
      const response = await tenant.request('PUT', '/setup/marketing', { body: { ...setup, autosearchForDuplicates: true, maintainDuplSearchStrings: false } });
      expect(response.body).toMatchObject({ autosearchForDuplicates: true, maintainDuplSearchStrings: true, duplicateSearchRebuild: expect.objectContaining({ kind: 'duplicate-search-rebuild' }) });
    });

    test('turning Maintain off turns Autosearch off', async () => {
      const tenant = await service.newTenant();
      const setup = await getSetup(tenant);
      const response = await tenant.request('PUT', '/setup/marketing', { body: { ...setup, maintainDuplSearchStrings: false } });
      expect(response.body).toMatchObject({ autosearchForDuplicates: false, maintainDuplSearchStrings: false, duplicateSearchRebuild: null });
    });

    test.each([
      ['an unknown number series', { contactNos: 'NOPE' }, 'contactNos'],
      ['an unknown default salesperson', { defaultSalespersonCode: 'ZZ' }, 'defaultSalespersonCode'],
      ['an unknown sales cycle', { defaultSalesCycleCode: 'ZZ' }, 'defaultSalesCycleCode'],
      ['a hit % of 0', { searchHitPercent: 0 }, 'searchHitPercent'],
      ['a missing field', { searchHitPercent: undefined }, 'searchHitPercent'],
    ])('%s is refused with the field named', async (_case, change, field) => {
      const tenant = await service.newTenant();
      const setup = await getSetup(tenant);
      const response = await tenant.request('PUT', '/setup/marketing', { body: { ...setup, ...change } });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
      expect(await getSetup(tenant)).toEqual(setup);
    });
  });

  describe('number series', () => {
    const useSeries = async (tenant: TestTenant, body: Record<string, unknown>) => {
      const response = await tenant.request('PUT', '/setup/number-series/CONT', { body });
      expect(response.status).toBe(200);
    };

    test("Business Central's worked example: increment 5, a warning near the end, then the line is closed", async () => {
      const tenant = await service.newTenant();
      await useSeries(tenant, { description: 'Contacts', lines: [{ lineNo: 10000, startingNo: 'CT000001', endingNo: 'CT000100', warningNo: 'CT000095', incrementByNo: 5 }] });
      const numbers: string[] = [];
      const warnings: string[][] = [];
      for (let index = 0; index < 20; index++) {
        const response = await tenant.request('POST', '/contacts', { body: { name: `Contact ${index}` } });
        expect(response.status).toBe(201);
        numbers.push(response.body.contact.no);
        warnings.push(response.body.warnings);
      }
      expect(numbers[0]).toBe('CT000001');
      expect(numbers[1]).toBe('CT000006');
      expect(numbers[19]).toBe('CT000096');
      expect(warnings[19]?.length).toBe(1);
      expect(warnings[18]).toEqual([]);
      const exhausted = await tenant.request('POST', '/contacts', { body: { name: 'One too many' } });
      expect(exhausted.status).toBe(422);
      expect(exhausted.body.code).toMatch(/^number_series_/);
    });

    test('a newer line takes over from its starting date', async () => {
      const tenant = await service.newTenant();
      await useSeries(tenant, {
        lines: [
          { lineNo: 10000, startingNo: 'CT24-0001', endingNo: 'CT24-9999', startingDate: '2024-01-01' },
          { lineNo: 20000, startingNo: 'CT25-0001', endingNo: 'CT25-9999', startingDate: '2025-01-01' },
        ],
      });
      expect((await tenant.request('POST', '/contacts', { body: { name: 'This year' } })).body.contact.no).toBe('CT25-0001');
    });

    test('a series without lines cannot give numbers', async () => {
      const tenant = await service.newTenant();
      await useSeries(tenant, { lines: [] });
      const response = await tenant.request('POST', '/contacts', { body: { name: 'Nobody' } });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('number_series_no_open_line');
    });

    test('a line whose numbers have no digits is refused', async () => {
      const tenant = await service.newTenant();
      const response = await tenant.request('PUT', '/setup/number-series/CONT', { body: { lines: [{ lineNo: 1, startingNo: 'ABC', endingNo: 'ABD' }] } });
      expect(response.status).toBe(400);
      expect(response.body.fields[0].path).toBe('lines.0');
    });
  });

  describe('salespeople', () => {
    test('the signed-in user is mapped to the salesperson with their e-mail', async () => {
      const tenant = await service.newTenant();
      await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna.lindqvist@nordlys.example' } });
      const me = await tenant.request('GET', '/me', { as: tenant.user({ email: 'Anna.Lindqvist@nordlys.example' }) });
      expect(me.body.salespersonCode).toBe('AL');
    });

    test('a blocked salesperson is not the user’s salesperson', async () => {
      const tenant = await service.newTenant();
      await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example', blocked: true } });
      expect((await tenant.request('GET', '/me', { as: tenant.user({ email: 'anna@nordlys.example' }) })).body.salespersonCode).toBe('');
    });
  });
});
