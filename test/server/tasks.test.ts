import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testEngines())('tasks on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const setUp = () => salesWorld(service);

  test('a task takes the next number and the user’s salesperson, and shows on the contact and its company', async () => {
    const { tenant, anna, company, person } = await setUp();
    const created = await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Call about the offer', date: '2025-03-07', type: 'phoneCall', contactNo: person.no } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ no: 'TD000001', salespersonCode: 'AL', contactCompanyNo: company.no, status: 'notStarted' });
    expect((await tenant.request('GET', `/contacts/${company.no}/tasks`)).body.items.map((task: { no: string }) => task.no)).toEqual(['TD000001']);
    expect((await tenant.request('GET', '/tasks', { as: anna })).body.items).toHaveLength(1);
  });

  test('closing a recurring task creates the next one; the open task blocks deleting the contact until closed', async () => {
    const { tenant, anna, person } = await setUp();
    const created = (await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Weekly check-in', date: '2025-03-05', contactNo: person.no, recurring: true, recurringDateInterval: '1W', calcDueDateFrom: 'dueDate' } })).body;
    expect((await tenant.request('DELETE', `/contacts/${person.no}`)).body.code).toBe('contact_delete_refused');
    const closed = await tenant.request('POST', `/tasks/${created.no}/close`, { as: anna, body: {} });
    expect(closed.body.task).toMatchObject({ closed: true, status: 'completed', dateClosed: '2025-03-05' });
    expect(closed.body.next).toMatchObject({ no: 'TD000002', date: '2025-03-12', closed: false });
    await tenant.request('POST', `/tasks/${closed.body.next.no}/cancel`, { as: anna });
    expect((await tenant.request('DELETE', `/contacts/${person.no}`)).status).toBe(204);
  });

  test('reopening a closed task puts it in progress', async () => {
    const { tenant, anna } = await setUp();
    const created = (await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Send brochure', date: '2025-03-06' } })).body;
    await tenant.request('POST', `/tasks/${created.no}/close`, { as: anna, body: {} });
    expect((await tenant.request('POST', `/tasks/${created.no}/reopen`, { as: anna })).body).toMatchObject({ closed: false, status: 'inProgress', dateClosed: null });
    expect((await tenant.request('POST', `/tasks/${created.no}/reopen`, { as: anna })).status).toBe(409);
  });

  test.each([
    ['no description', { date: '2025-03-06' }, 'description'],
    ['an invalid recurring interval', { description: 'x', date: '2025-03-06', recurring: true, recurringDateInterval: '1X', calcDueDateFrom: 'dueDate' }, undefined],
    ['an unknown contact', { description: 'x', date: '2025-03-06', contactNo: 'CT999999' }, 'contactNo'],
    ['no salesperson anywhere', { description: 'x', date: '2025-03-06' }, 'salespersonCode'],
    ['an unknown team', { description: 'x', date: '2025-03-06', teamCode: 'NOPE', salespersonCode: '' }, 'teamCode'],
    ['an unknown campaign', { description: 'x', date: '2025-03-06', campaignNo: 'NOPE' }, 'campaignNo'],
  ])('a task with %s is refused', async (_case, body, field) => {
    const { tenant } = await setUp();
    const response = await tenant.request('POST', '/tasks', { body });
    expect(response.status).toBe(400);
    if (field) expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
  });

  test('a team task is copied to each member, and closing it closes the copies', async () => {
    const { tenant, anna } = await setUp();
    await tenant.request('PUT', '/salespeople/EB', { body: { name: 'Erik Berg', email: 'erik@nordlys.example' } });
    expect((await tenant.request('PUT', '/setup/teams/KEYACC', { body: { description: 'Key accounts', salespersonCodes: ['AL', 'EB'] } })).status).toBe(200);
    const organizer = (await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Quarterly review', date: '2025-03-06', teamCode: 'KEYACC', salespersonCode: '' } })).body;
    const forErik = (await tenant.request('GET', '/tasks?salespersonCode=EB')).body.items;
    expect(forErik).toEqual([expect.objectContaining({ description: 'Quarterly review', teamCode: 'KEYACC' })]);
    await tenant.request('POST', `/tasks/${organizer.no}/close`, { as: anna, body: {} });
    expect((await tenant.request('GET', '/tasks?salespersonCode=EB')).body.items).toEqual([]);
    expect((await tenant.request('PUT', '/setup/teams/BAD', { body: { salespersonCodes: ['NOPE'] } })).status).toBe(400);
  });

  test('a team task names the user who closes it as Completed By', async () => {
    const { tenant, anna } = await setUp();
    const created = (await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Team review', date: '2025-03-06', teamCode: 'sales', salespersonCode: '' } })).body;
    expect(created.teamCode).toBe('SALES');
    expect((await tenant.request('POST', `/tasks/${created.no}/close`, { as: anna, body: {} })).body.task.completedBy).toBe('anna@nordlys.example');
  });

  test('a follow-up task from an interaction takes its contact and salesperson', async () => {
    const { tenant, anna, person } = await setUp();
    const call = (await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: person.no, kind: 'phoneCall', date: '2025-03-05', description: 'Price question' } })).body;
    const task = await tenant.request('POST', `/interactions/${call.entryNo}/task`, { as: anna, body: { date: '2025-03-10', type: 'phoneCall' } });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ description: 'Follow up: Price question', contactNo: person.no, salespersonCode: 'AL', date: '2025-03-10', type: 'phoneCall' });
    expect((await tenant.request('POST', '/interactions/999999/task', { as: anna, body: { date: '2025-03-10' } })).status).toBe(404);
  });

  test('a meeting keeps its type', async () => {
    const { tenant, anna } = await setUp();
    const created = (await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Visit', date: '2025-03-06', type: 'meeting' } })).body;
    expect((await tenant.request('PATCH', `/tasks/${created.no}`, { as: anna, body: { type: 'phoneCall' } })).status).toBe(400);
    expect((await tenant.request('PATCH', `/tasks/${created.no}`, { as: anna, body: { priority: 'high' } })).body.priority).toBe('high');
  });

  test('another tenant sees none of a tenant’s tasks', async () => {
    const { tenant, anna } = await setUp();
    const created = (await tenant.request('POST', '/tasks', { as: anna, body: { description: 'Secret', date: '2025-03-06' } })).body;
    const other = await service.newTenant();
    expect((await other.request('GET', `/tasks/${created.no}`)).status).toBe(404);
    expect((await other.request('POST', `/tasks/${created.no}/close`, { body: {} })).status).toBe(404);
  });

  test('the task list filters by contact (a company includes its persons), campaign, status and due dates', async () => {
    const { tenant, anna, company, person } = await setUp();
    const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso Oy' } })).body.contact as { no: string };
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring fair' } })).body as { no: string };
    const create = async (body: Record<string, unknown>) => (await tenant.request('POST', '/tasks', { as: anna, body: { date: '2025-03-06', ...body } })).body as { no: string };
    const personTask = await create({ description: 'Call Kim', contactNo: person.no, date: '2025-03-10' });
    const companyTask = await create({ description: 'Visit Fabrikam', contactNo: company.no, campaignNo: campaign.no, date: '2025-03-20' });
    const otherTask = await create({ description: 'Mail Contoso', contactNo: other.no, date: '2025-04-02' });
    await tenant.request('PATCH', `/tasks/${otherTask.no}`, { as: anna, body: { status: 'waiting' } });
    const numbers = async (query: string) => {
      const response = await tenant.request('GET', `/tasks?${query}`);
      expect(response.status).toBe(200);
      return (response.body.items as { no: string }[]).map((task) => task.no);
    };
    expect(await numbers(`contactNo=${company.no}`)).toEqual([personTask.no, companyTask.no]);
    expect(await numbers(`contactNo=${person.no}`)).toEqual([personTask.no]);
    expect(await numbers(`campaignNo=${campaign.no}`)).toEqual([companyTask.no]);
    expect(await numbers('salespersonCode=AL&status=waiting')).toEqual([otherTask.no]);
    expect(await numbers('salespersonCode=AL&fromDate=2025-03-10&toDate=2025-03-20')).toEqual([personTask.no, companyTask.no]);
    await tenant.request('POST', `/tasks/${personTask.no}/close`, { as: anna, body: {} });
    expect(await numbers('salespersonCode=AL&status=completed')).toEqual([personTask.no]);
    expect(await numbers(`contactNo=${company.no}`)).toEqual([companyTask.no]);
    const reversed = await tenant.request('GET', '/tasks?fromDate=2025-04-01&toDate=2025-03-01');
    expect([reversed.status, reversed.body.fields?.[0]?.path]).toEqual([400, 'query.toDate']);
    expect((await tenant.request('GET', '/tasks?status=done')).status).toBe(400);
  });
});
