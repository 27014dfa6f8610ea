import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testEngines())('segments on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const setUp = async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    const anna = tenant.user({ email: 'anna@nordlys.example' });
    const create = async (body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body, as: anna })).body.contact;
    const fabrikam = await create({ name: 'Fabrikam AB', countryRegionCode: 'SE' });
    const kim = await create({ type: 'person', name: 'Kim Ek', companyNo: fabrikam.no });
    const eva = await create({ type: 'person', name: 'Eva Berg', companyNo: fabrikam.no });
    const contoso = await create({ name: 'Contoso AS', countryRegionCode: 'NO' });
    const ola = await create({ type: 'person', name: 'Ola Nord', companyNo: contoso.no });
    await tenant.request('PUT', `/contacts/${kim.no}/codes/mailingGroup/NEWSLETTER`);
    await tenant.request('PUT', `/contacts/${ola.no}/codes/mailingGroup/NEWSLETTER`);
    await tenant.request('PUT', `/contacts/${fabrikam.no}/codes/industryGroup/RETAIL`);
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring mailing' } })).body;
    const segment = (await tenant.request('POST', '/segments', { body: { description: 'Spring mailing', campaignNo: campaign.no, campaignTarget: true, interactionTemplateCode: 'BUS' } })).body;
    return { tenant, anna, fabrikam, kim, eva, contoso, ola, campaign, segment };
  };
  const numbers = (segment: { lines: { contactNo: string }[] }) => segment.lines.map((line) => line.contactNo);

  test('add by mailing group, reduce by industry group of the company, go back', async () => {
    const { tenant, kim, ola, segment } = await setUp();
    const added = await tenant.request('POST', `/segments/${segment.no}/contacts`, { body: { action: 'add', criteria: { mailingGroup: ['NEWSLETTER'] } } });
    expect(added.status).toBe(200);
    expect(numbers(added.body)).toEqual([kim.no, ola.no]);
    const reduced = await tenant.request('POST', `/segments/${segment.no}/contacts`, { body: { action: 'reduce', criteria: { industryGroup: ['RETAIL'] } } });
    expect(numbers(reduced.body)).toEqual([ola.no]);
    expect(reduced.body.noOfCriteriaActions).toBe(2);
    const back = await tenant.request('POST', `/segments/${segment.no}/go-back`);
    expect(numbers(back.body).sort()).toEqual([kim.no, ola.no].sort());
  });

  test('Expand Companies brings in the persons of the selected companies', async () => {
    const { tenant, fabrikam, kim, eva, segment } = await setUp();
    const added = await tenant.request('POST', `/segments/${segment.no}/contacts`, {
      body: { action: 'add', criteria: { contact: { countryRegionCode: 'SE', type: 'company' } }, options: { expandCompanies: true } },
    });
    expect(numbers(added.body).sort()).toEqual([fabrikam.no, kim.no, eva.no].sort());
  });

  test('logging creates one interaction per line and a campaign entry; canceling the logged segment cascades', async () => {
    const { tenant, kim, ola, campaign, segment } = await setUp();
    await tenant.request('POST', `/segments/${segment.no}/contacts`, { body: { action: 'add', criteria: { mailingGroup: ['NEWSLETTER'] } } });
    expect((await tenant.request('DELETE', `/contacts/${kim.no}`)).body.code).toBe('contact_delete_refused');
    const logged = await tenant.request('POST', `/segments/${segment.no}/log`, { body: { createFollowUpSegment: true } });
    expect(logged.body).toMatchObject({ interactions: 2 });
    const followUp = (await tenant.request('GET', `/segments/${logged.body.followUpSegmentNo}`)).body;
    expect(followUp).toMatchObject({ description: `Follow-up on segment ${segment.no}`, campaignNo: campaign.no });
    expect(numbers(followUp)).toEqual([kim.no, ola.no]);
    expect((await tenant.request('GET', `/segments/${segment.no}`)).status).toBe(404);
    expect((await tenant.request('GET', `/campaigns/${campaign.no}/statistics`)).body.targetContactsContacted).toBe(2);
    const history = (await tenant.request('GET', `/contacts/${ola.no}/interactions`)).body.items;
    expect(history[0]).toMatchObject({ interactionTemplateCode: 'BUS', campaignNo: campaign.no, campaignTarget: true, description: 'Business letter' });
    await tenant.request('PUT', `/logged-segments/${logged.body.loggedSegmentEntryNo}/canceled`, { body: { canceled: true } });
    expect((await tenant.request('GET', `/campaigns/${campaign.no}/statistics`)).body.targetContactsContacted).toBe(0);
    expect((await tenant.request('GET', `/campaigns/${campaign.no}/entries`)).body.items[0].canceled).toBe(true);
    // An interaction of a canceled logged segment cannot be restored on its own.
    const restore = await tenant.request('PUT', `/interactions/${history[0].entryNo}/canceled`, { body: { canceled: false } });
    expect(restore.status).toBe(409);
  });

  test('canceling and restoring a logged segment leaves its activated campaign’s target group as it is', async () => {
    const { tenant, fabrikam, contoso, campaign, segment } = await setUp();
    await tenant.request('POST', `/segments/${segment.no}/contacts`, { body: { action: 'add', criteria: { mailingGroup: ['NEWSLETTER'] } } });
    const logged = await tenant.request('POST', `/segments/${segment.no}/log`, { body: {} });
    const group = [
      { type: 'contact', no: fabrikam.no },
      { type: 'contact', no: contoso.no },
    ];
    expect((await tenant.request('POST', `/campaigns/${campaign.no}/activate`)).body.members).toEqual(group);
    const members = async () =>
      (await service.db.query<{ type: string; no: string }>('SELECT type, no FROM campaign_target_group WHERE tenant_id = $1 AND campaign_no = $2 ORDER BY no', [tenant.tenantId, campaign.no])).map((row) => ({ type: row.type, no: row.no }));
    for (const canceled of [true, false]) {
      expect((await tenant.request('PUT', `/logged-segments/${logged.body.loggedSegmentEntryNo}/canceled`, { body: { canceled } })).status).toBe(200);
      expect(await members()).toEqual(group);
    }
  });

  test('segment lines with Campaign Target put their companies in the target group on activation', async () => {
    const { tenant, fabrikam, kim, campaign, segment } = await setUp();
    await tenant.request('POST', `/segments/${segment.no}/contacts`, { body: { action: 'add', criteria: { contact: { no: kim.no } } } });
    const activated = await tenant.request('POST', `/campaigns/${campaign.no}/activate`);
    expect(activated.body.members).toEqual([{ type: 'contact', no: fabrikam.no }]);
  });

  test('lines can be typed, their Campaign Target changed and removed', async () => {
    const { tenant, eva, segment } = await setUp();
    const added = await tenant.request('PUT', `/segments/${segment.no}/lines/${eva.no}`, { body: {} });
    expect(added.body.lines).toEqual([{ lineNo: 10000, contactNo: eva.no, campaignTarget: true }]);
    const changed = await tenant.request('PUT', `/segments/${segment.no}/lines/${eva.no}`, { body: { campaignTarget: false } });
    expect(changed.body.lines[0].campaignTarget).toBe(false);
    expect((await tenant.request('DELETE', `/segments/${segment.no}/lines/${eva.no}`)).body.lines).toEqual([]);
    expect((await tenant.request('PUT', `/segments/${segment.no}/lines/CT999999`, { body: {} })).status).toBe(400);
  });

  test('saved criteria can be applied to another segment', async () => {
    const { tenant, kim, ola, segment } = await setUp();
    await tenant.request('POST', `/segments/${segment.no}/contacts`, { body: { action: 'add', criteria: { mailingGroup: ['NEWSLETTER'] } } });
    expect((await tenant.request('POST', `/segments/${segment.no}/saved-criteria`, { body: { code: 'NEWS' } })).body.noOfActions).toBe(1);
    const other = (await tenant.request('POST', '/segments', { body: { description: 'Second' } })).body;
    const reused = await tenant.request('POST', `/segments/${other.no}/saved-criteria/NEWS/apply`);
    expect(numbers(reused.body)).toEqual([kim.no, ola.no]);
  });

  test.each([
    ['an empty segment', {}, 'validation_failed'],
    ['no description', { description: '' }, 'validation_failed'],
  ])('logging %s is refused', async (_case, change, code) => {
    const { tenant } = await setUp();
    const segment = (await tenant.request('POST', '/segments', { body: { description: 'x', interactionTemplateCode: 'BUS', ...change } })).body;
    if ('description' in change) await tenant.request('POST', `/segments/${segment.no}/contacts`, { body: { action: 'add', criteria: {} } });
    const response = await tenant.request('POST', `/segments/${segment.no}/log`, { body: {} });
    expect(response.body.code).toBe(code);
    expect(response.status).toBe(400);
  });

  test('going back with no action is refused; another tenant cannot see the segment', async () => {
    const { tenant, segment } = await setUp();
    expect((await tenant.request('POST', `/segments/${segment.no}/go-back`)).status).toBe(409);
    const other = await service.newTenant();
    expect((await other.request('GET', `/segments/${segment.no}`)).status).toBe(404);
  });
});
