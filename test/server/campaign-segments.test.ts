import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testEngines())('a campaign’s segments on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  test('lists only the campaign’s segments, in number order, with their No. of Lines; a salesperson may read them', async () => {
    const { tenant, anna, company, person } = await salesWorld(service);
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring prices' } })).body as { no: string };
    const other = (await tenant.request('POST', '/campaigns', { body: { description: 'Autumn' } })).body as { no: string };
    const targets = (await tenant.request('POST', '/segments', { body: { description: 'Targets', campaignNo: campaign.no, campaignTarget: true } })).body as { no: string };
    await tenant.request('POST', '/segments', { body: { description: 'Autumn list', campaignNo: other.no } });
    await tenant.request('POST', '/segments', { body: { description: 'No campaign' } });
    const followUp = (await tenant.request('POST', '/segments', { body: { description: 'Follow-up', campaignNo: campaign.no } })).body as { no: string };
    await tenant.request('PUT', `/segments/${targets.no}/lines/${person.no}`, { body: {} });
    await tenant.request('PUT', `/segments/${targets.no}/lines/${company.no}`, { body: {} });

    const response = await tenant.request('GET', `/campaigns/${campaign.no}/segments`, { as: anna });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        expect.objectContaining({ no: targets.no, description: 'Targets', campaignNo: campaign.no, campaignDescription: 'Spring prices', campaignTarget: true, noOfLines: 2 }),
        expect.objectContaining({ no: followUp.no, description: 'Follow-up', campaignNo: campaign.no, campaignTarget: false, noOfLines: 0 }),
      ],
      next: null,
    });
    expect(typeof response.body.items[0].lastModified).toBe('string');
  });

  test('pages by number with after and limit', async () => {
    const { tenant } = await salesWorld(service);
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Many lists' } })).body as { no: string };
    const numbers: string[] = [];
    for (const description of ['One', 'Two', 'Three']) {
      numbers.push(((await tenant.request('POST', '/segments', { body: { description, campaignNo: campaign.no } })).body as { no: string }).no);
    }
    const first = await tenant.request('GET', `/campaigns/${campaign.no}/segments?limit=2`);
    expect(first.body.items.map((item: { no: string }) => item.no)).toEqual(numbers.slice(0, 2));
    expect(first.body.next).toBe(numbers[1]);
    const second = await tenant.request('GET', `/campaigns/${campaign.no}/segments?limit=2&after=${first.body.next}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ no: numbers[2] })], next: null });
  });

  test.each([
    ['an unknown campaign', '/campaigns/NOPE/segments', 404, undefined],
    ['a limit above 500', '/campaigns/{no}/segments?limit=501', 400, 'query.limit'],
    ['an unknown query field', '/campaigns/{no}/segments?campaignNo=X', 400, 'query.campaignNo'],
  ])('%s is refused', async (_case, path, status, field) => {
    const { tenant } = await salesWorld(service);
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring prices' } })).body as { no: string };
    const response = await tenant.request('GET', path.replace('{no}', campaign.no));
    expect(response.status).toBe(status);
    if (field !== undefined) expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
  });

  test('another tenant sees none of a tenant’s segments', async () => {
    const { tenant } = await salesWorld(service);
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring prices' } })).body as { no: string };
    await tenant.request('POST', '/segments', { body: { description: 'Targets', campaignNo: campaign.no } });
    const stranger = await salesWorld(service);
    const theirs = (await stranger.tenant.request('POST', '/campaigns', { body: { description: 'Theirs' } })).body as { no: string };
    expect(theirs.no).toBe(campaign.no);
    expect((await stranger.tenant.request('GET', `/campaigns/${theirs.no}/segments`)).body).toEqual({ items: [], next: null });
  });
});
