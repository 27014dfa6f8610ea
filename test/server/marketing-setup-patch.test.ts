import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testEngines())('a partial change of Marketing Setup on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine);
  });
  afterAll(() => service.close());

  test('changes only the fields sent and answers the whole setup', async () => {
    const tenant = await service.newTenant();
    const before = (await tenant.request('GET', '/setup/marketing')).body;
    const response = await tenant.request('PATCH', '/setup/marketing', { body: { searchHitPercent: 75, inheritLanguageCode: false } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...before, searchHitPercent: 75, inheritLanguageCode: false, duplicateSearchRebuild: null });
    expect((await tenant.request('GET', '/setup/marketing')).body).toEqual({ ...before, searchHitPercent: 75, inheritLanguageCode: false });
  });

  test("applies Business Central's coupled flags to the result: Maintain off turns Autosearch off, Autosearch on turns Maintain on and rebuilds", async () => {
    const tenant = await service.newTenant();
    const off = await tenant.request('PATCH', '/setup/marketing', { body: { maintainDuplSearchStrings: false } });
    expect(off.body).toMatchObject({ maintainDuplSearchStrings: false, autosearchForDuplicates: false });
    const on = await tenant.request('PATCH', '/setup/marketing', { body: { autosearchForDuplicates: true } });
    expect(on.body).toMatchObject({ maintainDuplSearchStrings: true, autosearchForDuplicates: true, duplicateSearchRebuild: expect.objectContaining({ kind: 'duplicate-search-rebuild' }) });
  });

  test.each([
    ['an empty change', {}, ''],
    ['an unknown field', { colour: 'red' }, ''],
    ['a hit % out of range', { searchHitPercent: 0 }, 'searchHitPercent'],
    ['an unknown language', { defaultLanguageCode: 'XX' }, 'defaultLanguageCode'],
    ['an unknown number series', { contactNos: 'NOPE' }, 'contactNos'],
  ])('%s is refused and changes nothing', async (_case, body, field) => {
    const tenant = await service.newTenant();
    const before = (await tenant.request('GET', '/setup/marketing')).body;
    const response = await tenant.request('PATCH', '/setup/marketing', { body });
    expect(response.status).toBe(400);
    if (field) expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
    expect((await tenant.request('GET', '/setup/marketing')).body).toEqual(before);
  });

  test('a salesperson or a manager may not change it', async () => {
    const tenant = await service.newTenant();
    for (const roles of [[], ['Rapport.Manager']]) {
      expect((await tenant.request('PATCH', '/setup/marketing', { as: tenant.user({ roles }), body: { searchHitPercent: 70 } })).status).toBe(403);
    }
  });
});
