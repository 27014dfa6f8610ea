import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/test-app';

const qualification = {
  description: 'Qualification',
  steps: [
    { stepNo: 1, description: 'Introduce ourselves', dateFormula: '' },
    { stepNo: 2, description: 'Send brochure', dateFormula: '1W' },
    { stepNo: 3, type: 'phoneCall', description: 'Follow-up call', dateFormula: '2W' },
    { stepNo: 4, description: 'Meeting', dateFormula: '2W+1D' },
  ],
};

describe.each(testEngines())('activities on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-03' });
  });
  afterAll(() => service.close());

  const setUp = async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    const anna = tenant.user({ email: 'anna@nordlys.example' });
    const contact = (await tenant.request('POST', '/contacts', { body: { name: 'Fabrikam AB' } })).body.contact;
    expect((await tenant.request('PUT', '/setup/activities/QUALIFY', { body: qualification })).status).toBe(200);
    return { tenant, anna, contact };
  };

  test("Business Central's example: QUALIFICATION from Monday 2025-03-03 gives tasks on 03-03, 03-10, 03-17 and 03-18", async () => {
    const { tenant, anna, contact } = await setUp();
    const response = await tenant.request('POST', `/contacts/${contact.no}/assign-activity`, { as: anna, body: { activityCode: 'QUALIFY' } });
    expect(response.status).toBe(201);
    expect(response.body.items.map((task: { date: string; type: string }) => [task.date, task.type])).toEqual([
      ['2025-03-03', ''],
      ['2025-03-10', ''],
      ['2025-03-17', 'phoneCall'],
      ['2025-03-18', ''],
    ]);
    expect((await tenant.request('GET', `/contacts/${contact.no}/tasks`)).body.items).toHaveLength(4);
  });

  test('an opportunity entering a stage with an activity gets its tasks, dated from the Date of Change', async () => {
    const { tenant, anna, contact } = await setUp();
    const cycles = (await tenant.request('GET', '/setup/sales-cycles')).body.items;
    const stages = cycles[0].stages.map(({ salesCycleCode: _code, ...stage }: Record<string, unknown>) => ({ ...stage, activityCode: stage.stage === 2 ? 'QUALIFY' : '' }));
    expect((await tenant.request('PUT', '/setup/sales-cycles/NEW', { body: { description: 'New customers', probabilityCalculation: 'chancesOfSuccessPct', stages } })).status).toBe(200);
    const opportunity = (await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'Deal', contactNo: contact.no, activateFirstStage: { estimatedValueLcy: 1000, chancesOfSuccessPct: 10 } } })).body;
    expect((await tenant.request('GET', `/tasks?opportunityNo=${opportunity.no}`, { as: anna })).body.items).toEqual([]);
    await tenant.request('POST', `/opportunities/${opportunity.no}/update`, { as: anna, body: { action: 'next', estimatedValueLcy: 1000, dateOfChange: '2025-03-05' } });
    const tasks = (await tenant.request('GET', `/tasks?opportunityNo=${opportunity.no}`, { as: anna })).body.items;
    expect(tasks.map((task: { date: string }) => task.date)).toEqual(['2025-03-05', '2025-03-12', '2025-03-19', '2025-03-20']);
  });

  test.each([
    ['an invalid step formula', { steps: [{ stepNo: 1, dateFormula: '1X' }] }],
    ['two steps with one number', { steps: [{ stepNo: 1 }, { stepNo: 1 }] }],
  ])('an activity with %s is refused', async (_case, body) => {
    const { tenant } = await setUp();
    expect((await tenant.request('PUT', '/setup/activities/BAD', { body })).status).toBe(400);
  });

  test('a sales cycle stage cannot name an unknown activity or an invalid formula', async () => {
    const { tenant } = await setUp();
    const stage = { stage: 1, completedPct: 10, chancesOfSuccessPct: 10 };
    expect((await tenant.request('PUT', '/setup/sales-cycles/X', { body: { probabilityCalculation: 'add', stages: [{ ...stage, activityCode: 'NOPE' }] } })).status).toBe(400);
    expect((await tenant.request('PUT', '/setup/sales-cycles/X', { body: { probabilityCalculation: 'add', stages: [{ ...stage, dateFormula: 'ZZ' }] } })).status).toBe(400);
  });

  test("an activity assigned to a segment gives each line's contact the steps, with the segment, its campaign and salesperson", async () => {
    const { tenant, contact } = await setUp();
    await tenant.request('PUT', '/salespeople/EB', { body: { name: 'Erik Berg', email: 'erik@nordlys.example' } });
    const person = (await tenant.request('POST', '/contacts', { body: { type: 'person', name: 'Kim Ek', companyNo: contact.no } })).body.contact;
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring fair', salespersonCode: 'AL' } })).body;
    const segment = (await tenant.request('POST', '/segments', { body: { description: 'Fair invitations', campaignNo: campaign.no, salespersonCode: 'EB' } })).body;
    const manager = tenant.user({ roles: ['Rapport.Manager'] });
    const empty = await tenant.request('POST', `/segments/${segment.no}/assign-activity`, { as: manager, body: { activityCode: 'QUALIFY' } });
    expect([empty.status, empty.body.code]).toEqual([409, 'conflict']);
    for (const no of [contact.no, person.no]) expect((await tenant.request('PUT', `/segments/${segment.no}/lines/${no}`, { body: {} })).status).toBe(200);

    const response = await tenant.request('POST', `/segments/${segment.no}/assign-activity`, { as: manager, body: { activityCode: 'QUALIFY', startDate: '2025-03-03' } });
    expect(response.status).toBe(201);
    const tasks = response.body.items as { contactNo: string; date: string; segmentNo: string; campaignNo: string; salespersonCode: string }[];
    expect(tasks).toHaveLength(8);
    expect(tasks.map((task) => [task.contactNo, task.date])).toEqual([
      ...['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-18'].map((date) => [contact.no, date]),
      ...['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-18'].map((date) => [person.no, date]),
    ]);
    expect(new Set(tasks.map((task) => `${task.segmentNo}/${task.campaignNo}/${task.salespersonCode}`))).toEqual(new Set([`${segment.no}/${campaign.no}/EB`]));
    expect((await tenant.request('GET', `/tasks?segmentNo=${segment.no}`)).body.items).toHaveLength(8);
  });

  test("an activity assigned to a campaign gives the campaign's salesperson the steps; a salesperson may not assign it", async () => {
    const { tenant, anna } = await setUp();
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring fair', salespersonCode: 'AL' } })).body;
    expect((await tenant.request('POST', `/campaigns/${campaign.no}/assign-activity`, { as: anna, body: { activityCode: 'QUALIFY' } })).status).toBe(403);
    const response = await tenant.request('POST', `/campaigns/${campaign.no}/assign-activity`, { body: { activityCode: 'QUALIFY' } });
    expect(response.status).toBe(201);
    expect(response.body.items.map((task: { campaignNo: string; salespersonCode: string; contactNo: string }) => [task.campaignNo, task.salespersonCode, task.contactNo])).toEqual(
      Array.from({ length: 4 }, () => [campaign.no, 'AL', '']),
    );
    expect((await tenant.request('GET', `/tasks?campaignNo=${campaign.no}`)).body.items).toHaveLength(4);
  });

  test.each([
    ['an unknown activity', { activityCode: 'NOPE' }, 400],
    ['an unknown salesperson', { activityCode: 'QUALIFY', salespersonCode: 'NOPE' }, 400],
    ['an unknown field', { activityCode: 'QUALIFY', colour: 'red' }, 400],
  ])('assigning an activity to a campaign with %s is refused and creates no task', async (_case, body, status) => {
    const { tenant } = await setUp();
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring fair', salespersonCode: 'AL' } })).body;
    expect((await tenant.request('POST', `/campaigns/${campaign.no}/assign-activity`, { body })).status).toBe(status);
    expect((await tenant.request('POST', '/campaigns/NOPE/assign-activity', { body: { activityCode: 'QUALIFY' } })).status).toBe(404);
    expect((await tenant.request('GET', `/tasks?campaignNo=${campaign.no}`)).body.items).toEqual([]);
  });
});
