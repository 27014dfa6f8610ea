import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testEngines())('opportunities on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const setUp = async () => {
    const { tenant, anna, company, person } = await salesWorld(service);
    const create = async (body: Record<string, unknown> = {}) => {
      const response = await tenant.request('POST', '/opportunities', { as: anna, body: { description: '200 pallets', contactNo: person.no, ...body } });
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return response.body;
    };
    const move = (no: string, body: Record<string, unknown>) => tenant.request('POST', `/opportunities/${no}/update`, { as: anna, body });
    return { tenant, anna, company, person, create, move };
  };

  test('a new opportunity takes the next number, the default sales cycle NEW and the user’s salesperson', async () => {
    const { create } = await setUp();
    expect(await create()).toMatchObject({
      no: 'OP000001',
      salesCycleCode: 'NEW',
      salespersonCode: 'AL',
      status: 'notStarted',
      currentStage: 0,
      allowedActions: ['first', 'close'],
      creationDate: '2025-03-05',
    });
  });

  test("moving through NEW gives Business Central's values: stage 2 Qualification, 20 % of 20,000", async () => {
    const { create, move } = await setUp();
    const opportunity = await create({ activateFirstStage: { estimatedValueLcy: 20000, chancesOfSuccessPct: 10 } });
    expect(opportunity).toMatchObject({ status: 'inProgress', currentStage: 1, currentStageDescription: 'Initial', probabilityPct: 10, calcdCurrentValueLcy: 2000, estimatedCloseDate: '2025-06-05' });
    const next = await move(opportunity.no, { action: 'next', estimatedValueLcy: 20000, dateOfChange: '2025-03-10' });
    expect(next.body).toMatchObject({ currentStage: 2, currentStageDescription: 'Qualification', chancesOfSuccessPct: 20, completedPct: 5, probabilityPct: 20, calcdCurrentValueLcy: 4000 });
    expect(next.body.allowedActions).toEqual(['next', 'update', 'previous', 'skip', 'close']);
  });

  test('Skip from stage 2 needs a sales quote; with one it can land on stage 4, recorded Jumped', async () => {
    const { tenant, anna, create, move } = await setUp();
    const opportunity = await create({ activateFirstStage: { estimatedValueLcy: 20000, chancesOfSuccessPct: 10 } });
    await move(opportunity.no, { action: 'next', estimatedValueLcy: 20000 });
    const refused = await move(opportunity.no, { action: 'skip', toStage: 4, estimatedValueLcy: 20000 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('opportunity_quote_required');
    await tenant.request('PUT', `/opportunities/${opportunity.no}/sales-quote`, { as: anna, body: { no: 'SQ1001', amountLcy: 18500 } });
    const skipped = await move(opportunity.no, { action: 'skip', toStage: 4, estimatedValueLcy: 20000 });
    expect(skipped.body).toMatchObject({ currentStage: 4, currentStageDescription: 'Proposal', probabilityPct: 75 });
    const history = (await tenant.request('GET', `/opportunities/${opportunity.no}`)).body.entries;
    expect(history.map((entry: { actionTaken: string; active: boolean }) => [entry.actionTaken, entry.active])).toEqual([
      ['', false],
      ['next', false],
      ['jumped', true],
    ]);
  });

  test('winning takes the quote total, closes the opportunity and makes the company a customer', async () => {
    const { tenant, anna, company, create } = await setUp();
    const opportunity = await create({ activateFirstStage: { estimatedValueLcy: 20000, chancesOfSuccessPct: 10 } });
    await tenant.request('PUT', `/opportunities/${opportunity.no}/sales-quote`, { as: anna, body: { no: 'SQ2001', amountLcy: 18500 } });
    const won = await tenant.request('POST', `/opportunities/${opportunity.no}/close`, { as: anna, body: { actionTaken: 'won', closeOpportunityCode: 'price_w', calcdCurrentValueLcy: 1 } });
    expect(won.body).toMatchObject({ status: 'won', closed: true, dateClosed: '2025-03-05', calcdCurrentValueLcy: 18500, probabilityPct: 100, allowedActions: [] });
    expect((await tenant.request('GET', `/contacts/${company.no}`)).body.businessRelation).toBe('customer');
    expect((await tenant.request('POST', `/opportunities/${opportunity.no}/update`, { as: anna, body: { action: 'update', estimatedValueLcy: 1 } })).status).toBe(409);
  });

  test('losing sets the value and probability to 0; a won code cannot close it lost', async () => {
    const { tenant, anna, create } = await setUp();
    const opportunity = await create({ activateFirstStage: { estimatedValueLcy: 5000, chancesOfSuccessPct: 10 } });
    expect((await tenant.request('PUT', '/setup/close-opportunity-codes/GHOSTED_L', { body: { type: 'lost', description: 'Stopped answering' } })).status).toBe(200);
    const mismatch = await tenant.request('POST', `/opportunities/${opportunity.no}/close`, { as: anna, body: { actionTaken: 'lost', closeOpportunityCode: 'PRICE_W' } });
    expect(mismatch.status).toBe(400);
    const lost = await tenant.request('POST', `/opportunities/${opportunity.no}/close`, { as: anna, body: { actionTaken: 'lost', closeOpportunityCode: 'ghosted_l' } });
    expect(lost.body).toMatchObject({ status: 'lost', calcdCurrentValueLcy: 0, probabilityPct: 0 });
  });

  test('only an activated campaign takes opportunities, and its statistics count their active values', async () => {
    const { tenant, anna, person, create } = await setUp();
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Fair' } })).body;
    const refused = await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'x', contactNo: person.no, campaignNo: campaign.no } });
    expect(refused.body.fields[0].path).toBe('campaignNo');
    await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: person.no, kind: 'phoneCall', date: '2025-03-05', campaignNo: campaign.no, campaignTarget: true } });
    await tenant.request('POST', `/campaigns/${campaign.no}/activate`);
    await create({ campaignNo: campaign.no, activateFirstStage: { estimatedValueLcy: 20000, chancesOfSuccessPct: 10 } });
    expect((await tenant.request('GET', `/campaigns/${campaign.no}/statistics`)).body).toMatchObject({ noOfOpportunities: 1, estimatedValueLcy: 20000, calcdCurrentValueLcy: 2000 });
  });

  test('a contact lists its opportunities, and an open one blocks deleting the contact', async () => {
    const { tenant, company, person, create } = await setUp();
    const opportunity = await create({ activateFirstStage: { estimatedValueLcy: 1000, chancesOfSuccessPct: 10 } });
    expect((await tenant.request('GET', `/contacts/${company.no}/opportunities`)).body.items.map((item: { no: string }) => item.no)).toEqual([opportunity.no]);
    expect((await tenant.request('DELETE', `/contacts/${person.no}`)).body.code).toBe('contact_delete_refused');
  });

  test.each([
    ['a value of 0', { action: 'update', estimatedValueLcy: 0 }, 'opportunity_invalid_values'],
    ['a date before the last change', { action: 'update', estimatedValueLcy: 100, dateOfChange: '2025-03-01' }, 'opportunity_invalid_values'],
    ['an action not offered', { action: 'previous', estimatedValueLcy: 100 }, 'opportunity_action_not_allowed'],
  ])('an update with %s is refused', async (_case, body, code) => {
    const { create, move } = await setUp();
    const opportunity = await create({ activateFirstStage: { estimatedValueLcy: 1000, chancesOfSuccessPct: 10 } });
    const response = await move(opportunity.no, body);
    expect([400, 422]).toContain(response.status);
    expect(response.body.code).toBe(code);
  });

  test.each([
    ['an unknown contact', { contactNo: 'CT999999' }, 'contactNo'],
    ['an unknown sales cycle', { salesCycleCode: 'NOPE' }, 'salesCycleCode'],
    ['a campaign that is not running', { campaignNo: 'CP9999' }, 'campaignNo'],
  ])('creating with %s is refused', async (_case, body, field) => {
    const { tenant, anna, person } = await setUp();
    const response = await tenant.request('POST', '/opportunities', { as: anna, body: { description: 'x', contactNo: person.no, ...body } });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
  });

  test('once started, the contact changes only within the company; an opportunity in progress is not deleted', async () => {
    const { tenant, anna, company, create } = await setUp();
    const colleague = (await tenant.request('POST', '/contacts', { body: { type: 'person', name: 'Eva Berg', companyNo: company.no } })).body.contact;
    const elsewhere = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso AS' } })).body.contact;
    const opportunity = await create({ activateFirstStage: { estimatedValueLcy: 1000, chancesOfSuccessPct: 10 } });
    expect((await tenant.request('PATCH', `/opportunities/${opportunity.no}`, { as: anna, body: { contactNo: elsewhere.no } })).status).toBe(400);
    expect((await tenant.request('PATCH', `/opportunities/${opportunity.no}`, { as: anna, body: { contactNo: colleague.no, priority: 'high' } })).body).toMatchObject({ contactNo: colleague.no, priority: 'high' });
    expect((await tenant.request('DELETE', `/opportunities/${opportunity.no}`, { as: anna })).status).toBe(409);
    const fresh = await create();
    expect((await tenant.request('DELETE', `/opportunities/${fresh.no}`, { as: anna })).status).toBe(204);
  });

  test('an opportunity is created from an interaction once, never from a canceled one', async () => {
    const { tenant, anna, person } = await setUp();
    const call = (await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: person.no, kind: 'phoneCall', date: '2025-03-05', description: 'Asked for racking offer' } })).body;
    const created = await tenant.request('POST', `/interactions/${call.entryNo}/opportunity`, { as: anna });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ description: 'Asked for racking offer', contactNo: person.no, salespersonCode: 'AL', salesCycleCode: 'NEW' });
    expect((await tenant.request('POST', `/interactions/${call.entryNo}/opportunity`, { as: anna })).status).toBe(409);
    const other = (await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: person.no, kind: 'phoneCall', date: '2025-03-05' } })).body;
    await tenant.request('PUT', `/interactions/${other.entryNo}/canceled`, { body: { canceled: true } });
    expect((await tenant.request('POST', `/interactions/${other.entryNo}/opportunity`, { as: anna })).status).toBe(409);
  });

  test('another tenant cannot read or move a tenant’s opportunity', async () => {
    const { create } = await setUp();
    const opportunity = await create();
    const other = await service.newTenant();
    expect((await other.request('GET', `/opportunities/${opportunity.no}`)).status).toBe(404);
    expect((await other.request('POST', `/opportunities/${opportunity.no}/update`, { body: { action: 'first', estimatedValueLcy: 1 } })).status).toBe(404);
  });
});
