import { parseCsv } from '../helpers/csv';
import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import type { TestUser } from '../helpers/tokens';

type OpportunityRow = { no: string; salespersonCode: string; status: string; currentStage: number; estimatedValueLcy: number; calcdCurrentValueLcy: number; probabilityPct: number; estimatedCloseDate: string | null };

describe.each(testEngines())('the pipeline on %s', (engine) => {
  let service: TestApp;
  // The work date moves: opportunities are made in January and closed in January and February.
  let today = '2025-03-05';
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => today });
  });
  afterAll(() => service.close());

  /**
   * Anna (AL) has an opportunity on stage 2, one on stage 1 for the campaign, one not started, one
   * won in January and one lost in February; Bo (BO) one on stage 1 and one lost in February. The
   * default cycle NEW gives Business Central's values (see opportunities.test.ts).
   */
  async function world() {
    today = '2025-01-10';
    const { tenant, anna, company, person } = await salesWorld(service);
    await tenant.request('PUT', '/salespeople/BO', { body: { name: 'Bo Berg', email: 'bo@nordlys.example' } });
    const bo: TestUser = tenant.user({ email: 'bo@nordlys.example' });
    const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso Oy' } })).body.contact as { no: string };
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring fair' } })).body as { no: string };
    // Opportunities name only an activated campaign, and activating one needs a target.
    await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: person.no, kind: 'phoneCall', date: '2025-01-06', campaignNo: campaign.no, campaignTarget: true } });
    await tenant.request('POST', `/campaigns/${campaign.no}/activate`);
    const create = async (as: TestUser, body: Record<string, unknown>) => {
      const response = await tenant.request('POST', '/opportunities', { as, body: { description: 'Pallets', contactNo: person.no, ...body } });
      if (response.status !== 201) throw new Error(`POST /opportunities: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as OpportunityRow;
    };
    const first = (estimatedValueLcy: number, estimatedCloseDate: string | null = null) => ({ activateFirstStage: { estimatedValueLcy, chancesOfSuccessPct: 10, estimatedCloseDate } });
    const onStage2 = await create(anna, first(20000, '2025-05-20'));
    await tenant.request('POST', `/opportunities/${onStage2.no}/update`, { as: anna, body: { action: 'next', estimatedValueLcy: 20000 } });
    const forCampaign = await create(anna, { campaignNo: campaign.no, ...first(5000, '2025-04-02') });
    const notStarted = await create(anna, { contactNo: other.no });
    const won = await create(anna, first(8000));
    await tenant.request('POST', `/opportunities/${won.no}/close`, { as: anna, body: { actionTaken: 'won', closeOpportunityCode: 'PRICE_W', calcdCurrentValueLcy: 8000, dateOfChange: '2025-01-15' } });
    const lostAnna = await create(anna, first(3000));
    await tenant.request('PUT', '/setup/close-opportunity-codes/GHOSTED_L', { body: { type: 'lost', description: 'Stopped answering' } });
    await tenant.request('POST', `/opportunities/${lostAnna.no}/close`, { as: anna, body: { actionTaken: 'lost', closeOpportunityCode: 'GHOSTED_L', dateOfChange: '2025-02-03' } });
    const bos = await create(bo, { contactNo: other.no, ...first(12000) });
    const lostBo = await create(bo, { contactNo: other.no, ...first(1000) });
    await tenant.request('POST', `/opportunities/${lostBo.no}/close`, { as: bo, body: { actionTaken: 'lost', closeOpportunityCode: 'GHOSTED_L', dateOfChange: '2025-02-20' } });
    today = '2025-03-05';
    const view = async (no: string) => (await tenant.request('GET', `/opportunities/${no}`)).body as OpportunityRow;
    return { tenant, anna, bo, company, person, other, campaign, onStage2: await view(onStage2.no), forCampaign, notStarted, won, lostAnna, bos, lostBo, view };
  }

  const list = async (tenant: TestTenant, query: string, as?: TestUser) => {
    const response = await tenant.request('GET', `/opportunities${query}`, as ? { as } : {});
    expect(response.status).toBe(200);
    return response.body as { items: OpportunityRow[]; next: string | null };
  };
  const nos = (page: { items: OpportunityRow[] }) => page.items.map((item) => item.no);

  test('the list: open ones by number, paged by keyset; by status, salesperson, campaign, contact and estimated close dates', async () => {
    const w = await world();
    const open = [w.onStage2.no, w.forCampaign.no, w.notStarted.no, w.bos.no];
    expect(nos(await list(w.tenant, ''))).toEqual(open);
    const firstPage = await list(w.tenant, '?limit=3');
    expect(nos(firstPage)).toEqual(open.slice(0, 3));
    const secondPage = await list(w.tenant, `?limit=3&after=${firstPage.next}`);
    expect([nos(secondPage), secondPage.next]).toEqual([open.slice(3), null]);
    expect(nos(await list(w.tenant, '?status=won'))).toEqual([w.won.no]);
    expect(nos(await list(w.tenant, '?status=lost'))).toEqual([w.lostAnna.no, w.lostBo.no]);
    expect(nos(await list(w.tenant, '?status=closed'))).toEqual([w.won.no, w.lostAnna.no, w.lostBo.no]);
    expect((await list(w.tenant, '?status=all')).items).toHaveLength(7);
    expect(nos(await list(w.tenant, '?salespersonCode=bo'))).toEqual([w.bos.no]);
    expect(nos(await list(w.tenant, `?campaignNo=${w.campaign.no}`))).toEqual([w.forCampaign.no]);
    // A company's opportunities include its persons'.
    expect(nos(await list(w.tenant, `?contactNo=${w.company.no}`))).toEqual([w.onStage2.no, w.forCampaign.no]);
    expect(nos(await list(w.tenant, '?estimatedCloseFrom=2025-04-01&estimatedCloseTo=2025-04-05'))).toEqual([w.forCampaign.no]);
    expect(nos(await list(w.tenant, '?estimatedCloseFrom=2025-04-01&estimatedCloseTo=2025-04-30'))).toEqual([w.forCampaign.no, w.bos.no]);
    // Each item is the opportunity as GET /opportunities/{no} shows it, without its entries.
    const { entries: _entries, ...single } = (await w.tenant.request('GET', `/opportunities/${w.onStage2.no}`)).body;
    expect((await list(w.tenant, '')).items[0]).toEqual(single);
  });

  test("a salesperson reads their own pipeline; another salesperson's is refused, with the role it needs", async () => {
    const w = await world();
    expect(nos(await list(w.tenant, '', w.anna))).toEqual([w.onStage2.no, w.forCampaign.no, w.notStarted.no]);
    expect(nos(await list(w.tenant, '?status=lost', w.bo))).toEqual([w.lostBo.no]);
    for (const path of ['/opportunities?salespersonCode=BO', '/opportunities/export?salespersonCode=BO', '/pipeline/board?salespersonCode=BO', '/pipeline/outcomes?salespersonCode=BO', '/pipeline/forecast?salespersonCode=BO']) {
      const refused = await w.tenant.request('GET', path, { as: w.anna });
      expect([path, refused.status, refused.body.details]).toEqual([path, 403, { requiredRole: 'Rapport.Manager' }]);
    }
    const board = (await w.tenant.request('GET', '/pipeline/board', { as: w.bo })).body;
    expect(board.total).toEqual({ count: 1, estimatedValueLcy: 12000, calcdCurrentValueLcy: 1200 });
  });

  test('the board: every stage of the cycle with the open opportunities on it, totals the sums of what the opportunities show', async () => {
    const w = await world();
    const response = await w.tenant.request('GET', '/pipeline/board');
    expect(response.status).toBe(200);
    const board = response.body;
    expect(board.salesCycleCode).toBe('NEW');
    const stages = (await w.tenant.request('GET', '/setup/sales-cycles')).body.items.find((cycle: { code: string }) => cycle.code === 'NEW').stages as { stage: number }[];
    expect(board.stages.map((stage: { stage: number }) => stage.stage)).toEqual([0, ...stages.map((stage) => stage.stage)]);
    const byStage = (stage: number) => board.stages.find((row: { stage: number }) => row.stage === stage);
    expect(byStage(0)).toMatchObject({ count: 1, estimatedValueLcy: 0, calcdCurrentValueLcy: 0 });
    expect(byStage(1)).toMatchObject({ count: 2, estimatedValueLcy: 17000, calcdCurrentValueLcy: 1700, averageProbabilityPct: 10 });
    expect(byStage(2)).toMatchObject({ description: 'Qualification', count: 1, estimatedValueLcy: 20000, calcdCurrentValueLcy: w.onStage2.calcdCurrentValueLcy, averageProbabilityPct: w.onStage2.probabilityPct });
    expect(byStage(3)).toMatchObject({ count: 0, estimatedValueLcy: 0 });
    // Nothing computed twice: the totals are what the open opportunities themselves say.
    const open = (await list(w.tenant, '')).items;
    const sum = (pick: (row: OpportunityRow) => number) => open.reduce((total, row) => total + pick(row), 0);
    expect(board.total).toEqual({ count: open.length, estimatedValueLcy: sum((row) => row.estimatedValueLcy), calcdCurrentValueLcy: sum((row) => row.calcdCurrentValueLcy) });
    expect((await w.tenant.request('GET', `/pipeline/board?campaignNo=${w.campaign.no}`)).body.total).toEqual({ count: 1, estimatedValueLcy: 5000, calcdCurrentValueLcy: 500 });
  });

  test('a board needs a cycle: an unknown one is 404; none named and none by default is a field error', async () => {
    const w = await world();
    expect((await w.tenant.request('GET', '/pipeline/board?salesCycleCode=NOPE')).status).toBe(404);
    await w.tenant.request('PATCH', '/setup/marketing', { body: { defaultSalesCycleCode: '' } });
    const refused = await w.tenant.request('GET', '/pipeline/board');
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ path: 'salesCycleCode', message: 'Required.' }]);
  });

  test('outcomes: won and lost by month closed and close code over twelve months by default; forecast by estimated close month, undated last', async () => {
    const w = await world();
    const outcomes = (await w.tenant.request('GET', '/pipeline/outcomes')).body;
    expect([outcomes.from, outcomes.to]).toEqual(['2024-04-01', '2025-03-05']);
    expect(outcomes.months).toEqual([
      { month: '2025-01', status: 'won', closeOpportunityCode: 'PRICE_W', count: 1, estimatedValueLcy: 8000, calcdCurrentValueLcy: 8000 },
      { month: '2025-02', status: 'lost', closeOpportunityCode: 'GHOSTED_L', count: 2, estimatedValueLcy: 4000, calcdCurrentValueLcy: expect.any(Number) },
    ]);
    expect((await w.tenant.request('GET', '/pipeline/outcomes?from=2025-02-01&to=2025-02-10')).body.months).toMatchObject([{ month: '2025-02', count: 1 }]);
    const backwards = await w.tenant.request('GET', '/pipeline/outcomes?from=2025-03-01&to=2025-02-01');
    expect([backwards.status, backwards.body.fields]).toEqual([400, [{ path: 'query.to', message: 'from must not be after to.' }]]);

    // The forecast groups what the open opportunities themselves say, undated last.
    const forecast = (await w.tenant.request('GET', '/pipeline/forecast')).body.months as { month: string | null; count: number; estimatedValueLcy: number }[];
    const open = (await list(w.tenant, '')).items;
    const months = [...new Set(open.map((item) => item.estimatedCloseDate?.slice(0, 7) ?? null))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
    expect(forecast).toEqual(
      months.map((month) => {
        const those = open.filter((item) => (item.estimatedCloseDate?.slice(0, 7) ?? null) === month);
        return {
          month,
          count: those.length,
          estimatedValueLcy: those.reduce((sum, item) => sum + item.estimatedValueLcy, 0),
          calcdCurrentValueLcy: those.reduce((sum, item) => sum + item.calcdCurrentValueLcy, 0),
        };
      }),
    );
    expect(forecast.at(-1)).toMatchObject({ month: null, count: 1 });
    expect(forecast.find((row) => row.month === '2025-04')).toMatchObject({ count: 2 });
  });

  test('export: the list as CSV, with the same filters and scope', async () => {
    const w = await world();
    const response = await service.app.inject({ method: 'GET', url: '/api/v1/opportunities/export?status=all', headers: { authorization: `Bearer ${await w.tenant.token(w.anna)}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, '')).filter((row) => row.length > 1);
    expect(header?.slice(0, 3)).toEqual(['no', 'description', 'contactNo']);
    const expected = (await list(w.tenant, '?status=all', w.anna)).items;
    expect(rows.map((row) => row[0])).toEqual(expected.map((item) => item.no));
    const estimated = header!.indexOf('estimatedValueLcy');
    expect(rows.map((row) => Number(row[estimated]))).toEqual(expected.map((item) => item.estimatedValueLcy));
  });

  test("a campaign's performance: the funnel in distinct contacts and the responses week by week", async () => {
    const w = await world();
    const call = (contactNo: string, date: string, extra: Record<string, unknown>) =>
      w.tenant.request('POST', '/interactions', { as: w.anna, body: { contactNo, kind: 'phoneCall', date, campaignNo: w.campaign.no, ...extra } });
    await call(w.person.no, '2025-03-04', { campaignTarget: true, campaignResponse: true });
    await call(w.other.no, '2025-03-12', { campaignTarget: true });
    const canceled = await call(w.company.no, '2025-03-12', { campaignTarget: true, campaignResponse: true });
    await w.tenant.request('PUT', `/interactions/${canceled.body.entryNo}/canceled`, { body: { canceled: true } });
    await w.tenant.request('POST', `/opportunities/${w.forCampaign.no}/close`, { as: w.anna, body: { actionTaken: 'won', closeOpportunityCode: 'PRICE_W', calcdCurrentValueLcy: 5000 } });

    const response = await w.tenant.request('GET', `/campaigns/${w.campaign.no}/performance`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      funnel: { targets: 2, contacted: 2, responded: 1, opportunities: 1, won: 1 },
      weeks: [
        { weekStart: '2025-01-06', contacted: 1, responded: 0 },
        { weekStart: '2025-03-03', contacted: 1, responded: 1 },
        { weekStart: '2025-03-10', contacted: 1, responded: 0 },
      ],
    });
    // The statistics count interactions, as Business Central does; the funnel counts contacts.
    expect((await w.tenant.request('GET', `/campaigns/${w.campaign.no}/statistics`)).body).toMatchObject({ targetContactsContacted: 3, contactsResponded: 1, noOfOpportunities: 1 });
    expect((await w.tenant.request('GET', '/campaigns/NOPE/performance')).status).toBe(404);
  });

  test.each([
    ['/opportunities?status=someday', 'status'],
    ['/opportunities?limit=0', 'limit'],
    ['/opportunities?estimatedCloseFrom=2025-05-01&estimatedCloseTo=2025-04-01', 'estimatedCloseTo'],
    ['/opportunities?estimatedCloseFrom=soon', 'estimatedCloseFrom'],
    ['/opportunities?color=red', ''],
    ['/pipeline/forecast?from=2025-01-01', ''],
  ])('%s is refused with the field named', async (path, field) => {
    const { tenant } = await salesWorld(service);
    const response = await tenant.request('GET', path);
    expect(response.status).toBe(400);
    if (field !== '') expect(response.body.fields.map((entry: { path: string }) => entry.path)).toContain(`query.${field}`);
  });
});
