import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testEngines())('segment lists and header changes on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const setUp = async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    const company = (await tenant.request('POST', '/contacts', { body: { name: 'Fabrikam AB' } })).body.contact as { no: string };
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring mailing' } })).body as { no: string };
    const segments = [];
    for (const description of ['First', 'Second', 'Third']) segments.push((await tenant.request('POST', '/segments', { body: { description, interactionTemplateCode: 'BUS' } })).body as { no: string });
    await tenant.request('PUT', `/segments/${segments[0]!.no}/lines/${company.no}`, { body: {} });
    return { tenant, company, campaign, segments };
  };

  test('GET /segments pages by number with campaign, line count and last modified', async () => {
    const { tenant, segments } = await setUp();
    const first = await tenant.request('GET', '/segments?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { no: string; noOfLines: number }) => [item.no, item.noOfLines])).toEqual([
      [segments[0]!.no, 1],
      [segments[1]!.no, 0],
    ]);
    expect(first.body.next).toBe(segments[1]!.no);
    expect(Number.isNaN(Date.parse(first.body.items[0].lastModified))).toBe(false);
    const second = await tenant.request('GET', `/segments?limit=2&after=${first.body.next}`);
    expect([second.body.items.map((item: { no: string }) => item.no), second.body.next]).toEqual([[segments[2]!.no], null]);
    expect((await tenant.request('GET', '/segments?limit=0')).status).toBe(400);
  });

  test('a new segment naming a campaign, template and salesperson that do not exist is refused with each at its field', async () => {
    const { tenant } = await setUp();
    const before = (await tenant.request('GET', '/segments')).body.items.length;
    const response = await tenant.request('POST', '/segments', { body: { description: 'x', campaignNo: 'NOPE', interactionTemplateCode: 'NOPE', salespersonCode: 'NOPE' } });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((problem: { path: string }) => problem.path).sort()).toEqual(['campaignNo', 'interactionTemplateCode', 'salespersonCode']);
    expect(response.body.detail).toMatch(/There is no campaign NOPE\./);
    expect((await tenant.request('GET', '/segments')).body.items).toHaveLength(before);
  });

  test('PATCH /segments/{no} changes the header fields sent, and Campaign Target reaches the lines', async () => {
    const { tenant, campaign, segments } = await setUp();
    const no = segments[0]!.no;
    const patched = await tenant.request('PATCH', `/segments/${no}`, {
      body: { description: 'Spring invitations', campaignNo: campaign.no, campaignTarget: true, subject: 'Our spring offer', salespersonCode: 'AL' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: 'Spring invitations', campaignNo: campaign.no, campaignTarget: true, subject: 'Our spring offer', salespersonCode: 'AL' });
    expect(patched.body.lines.every((line: { campaignTarget: boolean }) => line.campaignTarget)).toBe(true);
    const listed = (await tenant.request('GET', '/segments')).body.items.find((item: { no: string }) => item.no === no);
    expect(listed).toMatchObject({ campaignNo: campaign.no, campaignDescription: 'Spring mailing', campaignTarget: true });
  });

  test.each([
    ['an empty change', {}, 400],
    ['an unknown field', { colour: 'red' }, 400],
    ['an unknown campaign', { campaignNo: 'NOPE' }, 400],
    ['an unknown salesperson', { salespersonCode: 'NOPE' }, 400],
    ['an unknown template', { interactionTemplateCode: 'NOPE' }, 400],
  ])('PATCH with %s is refused and changes nothing', async (_case, body, status) => {
    const { tenant, segments } = await setUp();
    const before = (await tenant.request('GET', `/segments/${segments[0]!.no}`)).body;
    expect((await tenant.request('PATCH', `/segments/${segments[0]!.no}`, { body })).status).toBe(status);
    expect((await tenant.request('GET', `/segments/${segments[0]!.no}`)).body).toEqual(before);
    expect((await tenant.request('PATCH', '/segments/NOPE', { body: { description: 'x' } })).status).toBe(404);
  });

  test('GET /logged-segments lists logged segments with their interactions, and shows a cancel; salespeople may not', async () => {
    const { tenant, segments } = await setUp();
    const salesperson = tenant.user();
    expect((await tenant.request('PATCH', `/segments/${segments[0]!.no}`, { as: salesperson, body: { description: 'x' } })).status).toBe(403);
    expect((await tenant.request('GET', '/logged-segments', { as: salesperson })).status).toBe(403);
    const logged = await tenant.request('POST', `/segments/${segments[0]!.no}/log`, { body: {} });
    expect(logged.status).toBeLessThan(300);
    const list = (await tenant.request('GET', '/logged-segments')).body;
    expect(list.items).toEqual([expect.objectContaining({ segmentNo: segments[0]!.no, description: 'First', noOfInteractions: 1, canceled: false })]);
    await tenant.request('PUT', `/logged-segments/${list.items[0].entryNo}/canceled`, { body: { canceled: true } });
    expect((await tenant.request('GET', '/logged-segments')).body.items[0]).toMatchObject({ canceled: true });
  });
});
