import { randomUUID } from 'node:crypto';
import { SYNC_SCHEMA_VERSION, type PullResponse, type SyncOp } from '../../src/contract/sync';
import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('campaigns on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const setUp = () => salesWorld(service);
  const createCampaign = async (tenant: TestTenant, body: Record<string, unknown>, as?: ReturnType<TestTenant['user']>) => {
    const response = await tenant.request('POST', '/campaigns', { body, ...(as ? { as } : {}) });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body;
  };
  const call = (tenant: TestTenant, as: ReturnType<TestTenant['user']>, contactNo: string, extra: Record<string, unknown>) =>
    tenant.request('POST', '/interactions', { as, body: { contactNo, kind: 'phoneCall', date: '2025-03-05', ...extra } });

  test('a campaign takes the next number, the user’s salesperson and a status', async () => {
    const { tenant, anna } = await setUp();
    const managingAnna = { ...anna, roles: ['Rapport.Manager'] }; // Anna (AL) as a sales manager
    const campaign = await createCampaign(tenant, { description: 'Spring fair', startingDate: '2025-03-01', endingDate: '2025-04-30', statusCode: '1-plan' }, managingAnna);
    expect(campaign).toMatchObject({ no: 'CP0001', salespersonCode: 'AL', statusCode: '1-PLAN', statusDescription: 'Planned' });
    expect((await createCampaign(tenant, { description: 'Autumn' })).no).toBe('CP0002');
  });

  test.each([
    ['a start after the end', { startingDate: '2025-05-01', endingDate: '2025-04-01' }, 'endingDate'],
    ['an unknown status', { statusCode: 'NOPE' }, 'statusCode'],
    ['an unknown salesperson', { salespersonCode: 'ZZ' }, 'salespersonCode'],
  ])('%s is refused', async (_case, body, field) => {
    const { tenant } = await setUp();
    const response = await tenant.request('POST', '/campaigns', { body: { description: 'Bad', ...body } });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
  });

  test('interactions with a campaign share one campaign entry and make up its statistics', async () => {
    const { tenant, anna, person } = await setUp();
    const campaign = await createCampaign(tenant, { description: 'Spring fair' });
    await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true });
    await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true, campaignResponse: true });
    const canceled = await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true, campaignResponse: true, costLcy: 100 });
    await tenant.request('PUT', `/interactions/${canceled.body.entryNo}/canceled`, { body: { canceled: true } });
    const entries = (await tenant.request('GET', `/campaigns/${campaign.no}/entries`)).body.items;
    expect(entries).toEqual([expect.objectContaining({ description: 'Interactions', noOfInteractions: 3, canceled: false })]);
    expect((await tenant.request('GET', `/campaigns/${campaign.no}/statistics`)).body).toMatchObject({
      targetContactsContacted: 2,
      contactsResponded: 1,
      responseRatePct: 50,
      costLcy: 2,
      avgCostPerResponseLcy: 2,
    });
  });

  test('canceling a campaign entry cancels its interactions; only then can it be deleted, with them', async () => {
    const { tenant, anna, person } = await setUp();
    const campaign = await createCampaign(tenant, { description: 'Mailing' });
    const logged = await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true });
    const entryNo = (await tenant.request('GET', `/campaigns/${campaign.no}/entries`)).body.items[0].entryNo;
    expect((await tenant.request('DELETE', `/campaign-entries/${entryNo}`)).status).toBe(409);
    expect((await tenant.request('DELETE', `/campaigns/${campaign.no}`)).status).toBe(409);
    await tenant.request('PUT', `/campaign-entries/${entryNo}/canceled`, { body: { canceled: true } });
    const history = (await tenant.request('GET', `/contacts/${person.no}/interactions`)).body.items;
    expect(history.find((entry: { entryNo: number }) => entry.entryNo === logged.body.entryNo).canceled).toBe(true);
    expect((await tenant.request('DELETE', `/campaign-entries/${entryNo}`)).status).toBe(204);
    expect((await tenant.request('GET', `/contacts/${person.no}/interactions`)).body.items).toEqual([]);
    expect((await tenant.request('DELETE', `/campaigns/${campaign.no}`)).status).toBe(204);
  });

  test('a contact sees the running campaigns it or its company is targeted by', async () => {
    const { tenant, anna, company, person } = await setUp();
    const running = await createCampaign(tenant, { description: 'Running', startingDate: '2025-03-01', endingDate: '2025-03-31', statusCode: '5-START' });
    const over = await createCampaign(tenant, { description: 'Over', startingDate: '2025-01-01', endingDate: '2025-02-28' });
    const notTargeted = await createCampaign(tenant, { description: 'Response only' });
    await call(tenant, anna, company.no, { campaignNo: running.no, campaignTarget: true });
    await call(tenant, anna, person.no, { campaignNo: over.no, campaignTarget: true });
    await call(tenant, anna, person.no, { campaignNo: notTargeted.no, campaignResponse: true });
    const campaigns = (await tenant.request('GET', `/contacts/${person.no}/campaigns`)).body.items;
    expect(campaigns).toEqual([expect.objectContaining({ no: running.no, statusDescription: 'Started' })]);
  });

  test('an e-mail logged with a campaign joins it', async () => {
    const { tenant, anna } = await setUp();
    await tenant.request('PATCH', '/contacts/CT000002', { body: { email: 'kim@fabrikam.example' } });
    const campaign = await createCampaign(tenant, { description: 'Newsletter' });
    const logged = await tenant.request('POST', '/interactions/email', {
      as: anna,
      body: { internetMessageId: '<a@b>', from: { name: '', address: 'kim@fabrikam.example' }, to: [{ name: '', address: 'anna@nordlys.example' }], sentAt: '2025-03-05T10:00:00Z', campaignNo: campaign.no, campaignResponse: true },
    });
    expect(logged.body.interactions[0]).toMatchObject({ campaignNo: campaign.no, campaignResponse: true });
    expect((await tenant.request('GET', `/campaigns/${campaign.no}/statistics`)).body.contactsResponded).toBe(1);
    const unknown = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: 'CT000002', kind: 'phoneCall', date: '2025-03-05', campaignNo: 'CP9999' } });
    expect(unknown.status).toBe(400);
  });

  test('activation puts the targeted companies in the target group (as customers when they are) and shows the prices on the contact', async () => {
    const { tenant, anna, company, person } = await setUp();
    const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso AS' } })).body.contact;
    await tenant.request('POST', `/contacts/${company.no}/create-as/customer`);
    const campaign = await createCampaign(tenant, { description: 'Spring prices', startingDate: '2025-03-01', endingDate: '2025-05-31' });
    expect((await tenant.request('POST', `/campaigns/${campaign.no}/activate`)).status).toBe(409);
    await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true });
    await call(tenant, anna, other.no, { campaignNo: campaign.no, campaignTarget: true });
    const noPrices = await tenant.request('POST', `/campaigns/${campaign.no}/activate`);
    expect(noPrices.body.warnings).toHaveLength(1);
    expect(noPrices.body.members).toEqual([
      { type: 'contact', no: other.no },
      { type: 'customer', no: 'C00010' },
    ]);
    await tenant.request('PUT', '/items/1000', { body: { description: 'Pallet, EUR', unitPrice: 12 } });
    const lines = await tenant.request('PUT', `/campaigns/${campaign.no}/price-lines`, {
      body: { lines: [{ lineNo: 1, kind: 'price', itemNo: '1000', unitPrice: 10 }, { lineNo: 2, kind: 'discount', itemNo: '1000', lineDiscountPct: 5, minimumQuantity: 100 }] },
    });
    expect(lines.status).toBe(200);
    const shown = (await tenant.request('GET', `/contacts/${person.no}/campaigns`)).body.items;
    expect(shown).toEqual([
      expect.objectContaining({
        no: campaign.no,
        activated: true,
        priceLines: [expect.objectContaining({ lineNo: 1, unitPrice: 10 }), expect.objectContaining({ lineNo: 2, lineDiscountPct: 5, minimumQuantity: 100 })],
      }),
    ]);
    await tenant.request('POST', `/campaigns/${campaign.no}/deactivate`);
    expect((await tenant.request('GET', `/campaigns/${campaign.no}`)).body.activated).toBe(false);
  });

  test('the target group Activate would make is shown first and changes nothing; the group in force after, with names', async () => {
    const { tenant, anna, company, person } = await setUp();
    const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso AS' } })).body.contact;
    await tenant.request('POST', `/contacts/${company.no}/create-as/customer`);
    const campaign = await createCampaign(tenant, { description: 'Spring prices' });
    const path = `/campaigns/${campaign.no}/target-group`;
    expect((await tenant.request('GET', `${path}/preview`)).body).toEqual({
      activated: false,
      members: [],
      warnings: [expect.stringMatching(/There are no contacts to target in campaign/)],
    });
    await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true });
    await call(tenant, anna, other.no, { campaignNo: campaign.no, campaignTarget: true });
    const preview = await tenant.request('GET', `${path}/preview`);
    expect(preview.status).toBe(200);
    const members = [
      { type: 'contact', no: other.no, name: 'Contoso AS' },
      { type: 'customer', no: 'C00010', name: 'Fabrikam AB' },
    ];
    expect(preview.body).toEqual({ activated: false, members, warnings: [`Campaign ${campaign.no} has no sales prices or line discounts.`] });
    expect(await tenant.request('GET', path)).toMatchObject({ status: 200, body: { activated: false, members: [], warnings: [] } });
    expect((await tenant.request('GET', `/campaigns/${campaign.no}`)).body.activated).toBe(false);

    await tenant.request('POST', `/campaigns/${campaign.no}/activate`);
    expect((await tenant.request('GET', path)).body).toEqual({ activated: true, members, warnings: [] });
    expect((await tenant.request('GET', `${path}/preview`)).body.activated).toBe(true);
    expect((await tenant.request('GET', `${path}/preview`, { as: anna })).status).toBe(403);
    expect((await tenant.request('GET', '/campaigns/NOPE/target-group')).status).toBe(404);
    expect((await tenant.request('GET', '/campaigns/NOPE/target-group/preview')).status).toBe(404);
  });

  test('the campaign list counts each campaign\'s targets: Campaign Target segment lines and interactions not canceled, each contact once', async () => {
    const { tenant, anna, person } = await setUp();
    const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso AS' } })).body.contact;
    const campaign = await createCampaign(tenant, { description: 'Spring prices' });
    const quiet = await createCampaign(tenant, { description: 'Nothing yet' });
    await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true });
    const canceled = await call(tenant, anna, other.no, { campaignNo: campaign.no, campaignTarget: true });
    const segment = (await tenant.request('POST', '/segments', { body: { description: 'Targets', campaignNo: campaign.no, campaignTarget: true } })).body;
    await tenant.request('PUT', `/segments/${segment.no}/lines/${person.no}`, { body: {} });
    const count = async () => {
      const items = (await tenant.request('GET', '/campaigns')).body.items as { no: string; noOfTargets: number }[];
      return Object.fromEntries(items.map((item) => [item.no, item.noOfTargets]));
    };
    expect(await count()).toEqual({ [campaign.no]: 2, [quiet.no]: 0 });
    await tenant.request('PUT', `/interactions/${canceled.body.entryNo}/canceled`, { body: { canceled: true } });
    expect(await count()).toEqual({ [campaign.no]: 1, [quiet.no]: 0 });
  });

  const membersOf = async (tenant: TestTenant, campaignNo: string) =>
    (await service.db.query<{ type: string; no: string }>('SELECT type, no FROM campaign_target_group WHERE tenant_id = $1 AND campaign_no = $2 ORDER BY type, no', [tenant.tenantId, campaignNo])).map(
      (row) => `${row.type}:${row.no}`,
    );

  test('an activated campaign keeps its target group current: new targets join, deleted ones leave, new customers change type', async () => {
    const { tenant, anna, company, person } = await setUp();
    const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso AS' } })).body.contact;
    const campaign = await createCampaign(tenant, { description: 'Always on' });
    const first = await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true });
    await tenant.request('POST', `/campaigns/${campaign.no}/activate`);
    expect(await membersOf(tenant, campaign.no)).toEqual([`contact:${company.no}`]);
    await call(tenant, anna, other.no, { campaignNo: campaign.no, campaignTarget: true });
    expect(await membersOf(tenant, campaign.no)).toEqual([`contact:${company.no}`, `contact:${other.no}`]);
    await tenant.request('POST', `/contacts/${company.no}/create-as/customer`);
    expect(await membersOf(tenant, campaign.no)).toEqual([`contact:${other.no}`, 'customer:C00010']);
    await tenant.request('PUT', `/interactions/${first.body.entryNo}/canceled`, { body: { canceled: true } });
    expect((await tenant.request('DELETE', `/interactions/${first.body.entryNo}`)).status).toBe(204);
    expect(await membersOf(tenant, campaign.no)).toEqual([`contact:${other.no}`]);
  });

  describe('canceling never changes a target group, as in Business Central, where canceled interactions still count towards it', () => {
    const activatedWorld = async () => {
      const world = await setUp();
      const { tenant, anna, person } = world;
      const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso AS' } })).body.contact as { no: string };
      const campaign = await createCampaign(tenant, { description: 'Spring prices', startingDate: '2025-03-01', endingDate: '2025-05-31' });
      const first = (await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true })).body as { entryNo: number };
      const second = (await call(tenant, anna, other.no, { campaignNo: campaign.no, campaignTarget: true })).body as { entryNo: number };
      expect((await tenant.request('POST', `/campaigns/${campaign.no}/activate`)).status).toBe(200);
      const group = await membersOf(tenant, campaign.no);
      expect(group).toEqual([`contact:${world.company.no}`, `contact:${other.no}`]);
      const entryNo = (await tenant.request('GET', `/campaigns/${campaign.no}/entries`)).body.items[0].entryNo as number;
      /** The campaign is activated with the same group, and a new opportunity may name it. */
      const expectUnchanged = async () => {
        expect((await tenant.request('GET', `/campaigns/${campaign.no}`)).body.activated).toBe(true);
        expect(await membersOf(tenant, campaign.no)).toEqual(group);
        const opportunity = await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'Pallets', contactNo: person.no, campaignNo: campaign.no } });
        expect(opportunity.status).toBe(201);
        expect(opportunity.body.campaignNo).toBe(campaign.no);
      };
      return { ...world, other, campaign, first, second, entryNo, expectUnchanged };
    };

    test('canceling and restoring the campaign entry keeps the campaign activated with the same group', async () => {
      const { tenant, entryNo, expectUnchanged } = await activatedWorld();
      expect((await tenant.request('PUT', `/campaign-entries/${entryNo}/canceled`, { body: { canceled: true } })).status).toBe(200);
      await expectUnchanged();
      expect((await tenant.request('PUT', `/campaign-entries/${entryNo}/canceled`, { body: { canceled: false } })).status).toBe(200);
      await expectUnchanged();
    });

    test('canceling and restoring the one interaction that made a company a target keeps the company in the group', async () => {
      const { tenant, first, expectUnchanged } = await activatedWorld();
      expect((await tenant.request('PUT', `/interactions/${first.entryNo}/canceled`, { body: { canceled: true } })).status).toBe(200);
      await expectUnchanged();
      expect((await tenant.request('PUT', `/interactions/${first.entryNo}/canceled`, { body: { canceled: false } })).status).toBe(200);
      await expectUnchanged();
    });

    test('activating again after a cancel gives the same group', async () => {
      const { tenant, campaign, entryNo } = await activatedWorld();
      const before = await membersOf(tenant, campaign.no);
      await tenant.request('PUT', `/campaign-entries/${entryNo}/canceled`, { body: { canceled: true } });
      await tenant.request('POST', `/campaigns/${campaign.no}/deactivate`);
      expect((await tenant.request('POST', `/campaigns/${campaign.no}/activate`)).status).toBe(200);
      expect(await membersOf(tenant, campaign.no)).toEqual(before);
    });

    test('deleting the canceled interaction takes its company out of the group', async () => {
      const { tenant, campaign, first, other } = await activatedWorld();
      await tenant.request('PUT', `/interactions/${first.entryNo}/canceled`, { body: { canceled: true } });
      expect((await tenant.request('DELETE', `/interactions/${first.entryNo}`)).status).toBe(204);
      expect(await membersOf(tenant, campaign.no)).toEqual([`contact:${other.no}`]);
    });

    test('deleting the canceled campaign entry takes its companies out, and the campaign is no longer activated', async () => {
      const { tenant, anna, person, campaign, entryNo } = await activatedWorld();
      await tenant.request('PUT', `/campaign-entries/${entryNo}/canceled`, { body: { canceled: true } });
      expect((await tenant.request('DELETE', `/campaign-entries/${entryNo}`)).status).toBe(204);
      expect(await membersOf(tenant, campaign.no)).toEqual([]);
      expect((await tenant.request('GET', `/campaigns/${campaign.no}`)).body.activated).toBe(false);
      const refused = await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'Pallets', contactNo: person.no, campaignNo: campaign.no } });
      expect(refused.status).toBe(400);
    });
  });

  describe("price and discount lines take the campaign's dates", () => {
    const pricedWorld = async () => {
      const world = await setUp();
      const { tenant, anna, person } = world;
      await tenant.request('PUT', '/items/1000', { body: { description: 'Pallet, EUR', unitPrice: 12 } });
      const campaign = await createCampaign(tenant, { description: 'Spring prices', startingDate: '2025-03-01', endingDate: '2025-05-31' });
      const saved = await tenant.request('PUT', `/campaigns/${campaign.no}/price-lines`, {
        body: { lines: [{ lineNo: 1, kind: 'price', itemNo: '1000', unitPrice: 10 }, { lineNo: 2, kind: 'discount', itemNo: '1000', lineDiscountPct: 5 }] },
      });
      await call(tenant, anna, person.no, { campaignNo: campaign.no, campaignTarget: true });
      await tenant.request('POST', `/campaigns/${campaign.no}/activate`);
      const datesOf = async () =>
        ((await tenant.request('GET', `/campaigns/${campaign.no}/price-lines`)).body.items as { lineNo: number; startingDate: string | null; endingDate: string | null }[]).map((line) => [
          line.lineNo,
          line.startingDate,
          line.endingDate,
        ]);
      return { ...world, campaign, saved, datesOf };
    };
    const pulledPriceLines = async (tenant: TestTenant, as: ReturnType<TestTenant['user']>, campaignNo: string) => {
      const clientGroupId = `g${randomUUID().replaceAll('-', '')}`;
      const ops: SyncOp[] = [];
      let cursor: string | null = null;
      for (let more = true; more; ) {
        const response: { status: number; body: PullResponse } = await tenant.request<PullResponse>('POST', '/sync/pull', { as, body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId, cursor, limit: 2000 } });
        ops.push(...response.body.ops);
        cursor = response.body.cursor;
        more = response.body.hasMore;
      }
      const op = ops.find((candidate) => candidate.collection === 'campaign' && candidate.key === campaignNo);
      return op?.op === 'put' && op.collection === 'campaign' ? op.value.priceLines.map((line) => [line.lineNo, line.startingDate, line.endingDate]) : undefined;
    };

    test("a line saved without dates takes the campaign's Starting and Ending Date", async () => {
      const { saved, datesOf } = await pricedWorld();
      expect(saved.status).toBe(200);
      expect(saved.body.items.map((line: { startingDate: string; endingDate: string }) => [line.startingDate, line.endingDate])).toEqual([
        ['2025-03-01', '2025-05-31'],
        ['2025-03-01', '2025-05-31'],
      ]);
      expect(await datesOf()).toEqual([
        [1, '2025-03-01', '2025-05-31'],
        [2, '2025-03-01', '2025-05-31'],
      ]);
    });

    test("as in Business Central, the lines follow the campaign's new dates: on the campaign, on the contact and in sync", async () => {
      const { tenant, anna, person, campaign, datesOf } = await pricedWorld();
      const changed = await tenant.request('PATCH', `/campaigns/${campaign.no}`, { body: { startingDate: '2025-02-15', endingDate: null } });
      expect(changed.status).toBe(200);
      expect(await datesOf()).toEqual([
        [1, '2025-02-15', null],
        [2, '2025-02-15', null],
      ]);
      const shown = (await tenant.request('GET', `/contacts/${person.no}/campaigns`, { as: anna })).body.items;
      expect(shown[0].priceLines.map((line: { startingDate: string | null; endingDate: string | null }) => [line.startingDate, line.endingDate])).toEqual([
        ['2025-02-15', null],
        ['2025-02-15', null],
      ]);
      expect(await pulledPriceLines(tenant, anna, campaign.no)).toEqual([
        [1, '2025-02-15', null],
        [2, '2025-02-15', null],
      ]);
      const stored = await service.db.query<{ starting_date: unknown; ending_date: unknown }>(
        'SELECT starting_date::text, ending_date::text FROM campaign_price_line WHERE tenant_id = $1 AND campaign_no = $2 ORDER BY line_no',
        [tenant.tenantId, campaign.no],
      );
      expect(stored).toEqual([
        { starting_date: '2025-02-15', ending_date: null },
        { starting_date: '2025-02-15', ending_date: null },
      ]);
    });

    test('a change of the description alone leaves the lines as they are', async () => {
      const { tenant, campaign, datesOf } = await pricedWorld();
      expect((await tenant.request('PATCH', `/campaigns/${campaign.no}`, { body: { description: 'Spring prices 2025' } })).status).toBe(200);
      expect(await datesOf()).toEqual([
        [1, '2025-03-01', '2025-05-31'],
        [2, '2025-03-01', '2025-05-31'],
      ]);
    });

    test("a line may repeat the campaign's dates, a blank one as null", async () => {
      const { tenant, campaign } = await pricedWorld();
      await tenant.request('PATCH', `/campaigns/${campaign.no}`, { body: { endingDate: null } });
      const repeated = await tenant.request('PUT', `/campaigns/${campaign.no}/price-lines`, {
        body: { lines: [{ lineNo: 1, kind: 'price', itemNo: '1000', unitPrice: 9, startingDate: '2025-03-01', endingDate: null }] },
      });
      expect(repeated.status).toBe(200);
      expect(repeated.body.items).toEqual([expect.objectContaining({ unitPrice: 9, startingDate: '2025-03-01', endingDate: null })]);
    });

    test.each([
      ['a starting date of its own', { startingDate: '2025-04-01' }, 'lines.1.startingDate'],
      ['an ending date of its own', { endingDate: '2025-04-30' }, 'lines.1.endingDate'],
      ['no ending date while the campaign has one', { endingDate: null }, 'lines.1.endingDate'],
      ['a date that is no date', { startingDate: '2025-13-01' }, 'lines.1.startingDate'],
    ])("as Business Central allows a campaign line's dates only from the campaign, a line with %s is refused and nothing changes", async (_case, dates, field) => {
      const { tenant, campaign, datesOf } = await pricedWorld();
      const before = (await tenant.request('GET', `/campaigns/${campaign.no}/price-lines`)).body.items;
      const refused = await tenant.request('PUT', `/campaigns/${campaign.no}/price-lines`, {
        body: { lines: [{ lineNo: 1, kind: 'price', itemNo: '1000', unitPrice: 8 }, { lineNo: 2, kind: 'price', itemNo: '1000', unitPrice: 7, ...dates }] },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.fields.map((problem: { path: string }) => problem.path)).toEqual([field]);
      expect((await tenant.request('GET', `/campaigns/${campaign.no}/price-lines`)).body.items).toEqual(before);
      expect(await datesOf()).toHaveLength(2);
    });

    test('campaign dates out of order are refused with the field, and neither the campaign nor its lines change', async () => {
      const { tenant, campaign, datesOf } = await pricedWorld();
      const refused = await tenant.request('PATCH', `/campaigns/${campaign.no}`, { body: { startingDate: '2025-06-01' } });
      expect(refused.status).toBe(400);
      expect(refused.body.fields[0].path).toBe('endingDate');
      expect((await tenant.request('GET', `/campaigns/${campaign.no}`)).body).toMatchObject({ startingDate: '2025-03-01', endingDate: '2025-05-31' });
      expect(await datesOf()).toEqual([
        [1, '2025-03-01', '2025-05-31'],
        [2, '2025-03-01', '2025-05-31'],
      ]);
    });
  });

  test('a price line for an unknown item is refused with the line named', async () => {
    const { tenant } = await setUp();
    const campaign = await createCampaign(tenant, { description: 'Prices' });
    const response = await tenant.request('PUT', `/campaigns/${campaign.no}/price-lines`, { body: { lines: [{ lineNo: 1, kind: 'price', itemNo: 'NOPE', unitPrice: 1 }] } });
    expect(response.status).toBe(400);
    expect(response.body.fields[0].path).toBe('lines.0.itemNo');
  });

  test('another tenant sees none of a tenant’s campaigns', async () => {
    const { tenant } = await setUp();
    const campaign = await createCampaign(tenant, { description: 'Secret' });
    const other = await service.newTenant();
    expect((await other.request('GET', `/campaigns/${campaign.no}`)).status).toBe(404);
    expect((await other.request('GET', '/campaigns')).body.items).toEqual([]);
  });
});
