import { testEngines } from '../helpers/engines';
import { insertWorld, worldContact } from '../helpers/segment-world';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

type Line = { lineNo: number; contactNo: string; campaignTarget: boolean };

describe.each(testEngines())('segment previews, paged lines and Go Back on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  /**
   * A tenant with `count` persons CT0001… (every third in mailing group NEWS, every tenth marked
   * "Exclude from Segment") and an empty segment with Campaign Target.
   */
  const setUp = async (count = 12) => {
    const tenant = await service.newTenant();
    await tenant.request('GET', '/me');
    const contacts = Array.from({ length: count }, (_unused, index) => {
      const n = index + 1;
      return worldContact({ no: `CT${String(n).padStart(4, '0')}`, type: 'person', mailingGroups: n % 3 === 0 ? ['NEWS'] : [], excludeFromSegment: n % 10 === 0 });
    });
    await service.db.transaction((tx) => insertWorld(tx, tenant.tenantId, contacts));
    const segment = (await tenant.request('POST', '/segments', { body: { description: 'Lines', campaignTarget: true } })).body as { no: string };
    return { tenant, segment };
  };
  const act = (tenant: TestTenant, no: string, body: Record<string, unknown>) => tenant.request('POST', `/segments/${no}/contacts`, { body });
  const preview = (tenant: TestTenant, no: string, body: Record<string, unknown>) => tenant.request('POST', `/segments/${no}/contacts/preview`, { body });
  const numbers = (lines: readonly Line[]) => lines.map((line) => line.contactNo);

  test('a preview counts what an add, a reduce and a refine would do, and changes nothing', async () => {
    const { tenant, segment } = await setUp();
    const everyone = await preview(tenant, segment.no, { action: 'add', criteria: {} });
    expect(everyone.status).toBe(200);
    expect(everyone.body).toEqual({ action: 'add', added: 11, removed: 0, noOfLinesBefore: 0, noOfLinesAfter: 11 });
    expect((await preview(tenant, segment.no, { action: 'add', criteria: {}, options: { ignoreExclusion: true } })).body.added).toBe(12);
    expect((await tenant.request('GET', `/segments/${segment.no}`)).body).toMatchObject({ noOfLines: 0, noOfCriteriaActions: 0, lines: [] });

    await act(tenant, segment.no, { action: 'add', criteria: {} });
    expect((await preview(tenant, segment.no, { action: 'add', criteria: { mailingGroup: ['NEWS'] } })).body).toMatchObject({ added: 0, noOfLinesAfter: 11 });
    expect((await preview(tenant, segment.no, { action: 'add', criteria: { mailingGroup: ['NEWS'] }, options: { allowExistingContacts: true } })).body).toMatchObject({ added: 4, noOfLinesAfter: 15 });
    expect((await preview(tenant, segment.no, { action: 'reduce', criteria: { mailingGroup: ['NEWS'] } })).body).toEqual({ action: 'reduce', added: 0, removed: 4, noOfLinesBefore: 11, noOfLinesAfter: 7 });
    expect((await preview(tenant, segment.no, { action: 'refine', criteria: { mailingGroup: ['NEWS'] } })).body).toEqual({ action: 'refine', added: 0, removed: 7, noOfLinesBefore: 11, noOfLinesAfter: 4 });

    const refined = await act(tenant, segment.no, { action: 'refine', criteria: { mailingGroup: ['NEWS'] } });
    expect(refined.body.noOfLines).toBe(4);
  });

  test.each([
    ['an unknown action', { action: 'shuffle', criteria: {} }, 400],
    ['an unknown criterion', { action: 'add', criteria: { colour: ['RED'] } }, 400],
    ['an unknown option', { action: 'add', criteria: {}, options: { everyone: true } }, 400],
    ['a bad date', { action: 'add', criteria: { interaction: { dateFrom: '2025-13-01' } } }, 400],
    ['too many codes', { action: 'add', criteria: { mailingGroup: Array.from({ length: 51 }, (_unused, index) => `G${index}`) } }, 400],
  ])('a preview with %s is refused', async (_case, body, status) => {
    const { tenant, segment } = await setUp(3);
    const response = await preview(tenant, segment.no, body);
    expect(response.status).toBe(status);
    expect(response.body.code).toBe('validation_failed');
  });

  test('a preview of an unknown segment is 404, and a salesperson may not preview', async () => {
    const { tenant, segment } = await setUp(3);
    expect((await preview(tenant, 'SM99999', { action: 'add', criteria: {} })).status).toBe(404);
    const salesperson = tenant.user();
    expect((await tenant.request('POST', `/segments/${segment.no}/contacts/preview`, { as: salesperson, body: { action: 'add', criteria: {} } })).status).toBe(403);
  });

  test('GET /segments/{no}/lines pages through the lines by line number, with the contacts’ names', async () => {
    const { tenant, segment } = await setUp(7);
    await act(tenant, segment.no, { action: 'add', criteria: {} });
    const first = await tenant.request('GET', `/segments/${segment.no}/lines?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      items: [
        { lineNo: 10000, contactNo: 'CT0001', contactName: 'CT0001', contactCompanyName: '', campaignTarget: true },
        { lineNo: 20000, contactNo: 'CT0002', contactName: 'CT0002', contactCompanyName: '', campaignTarget: true },
        { lineNo: 30000, contactNo: 'CT0003', contactName: 'CT0003', contactCompanyName: '', campaignTarget: true },
      ],
      next: 30000,
    });
    // A line removed before the next page is read moves no boundary: the page starts after 30000.
    await tenant.request('DELETE', `/segments/${segment.no}/lines/CT0002`);
    const second = await tenant.request('GET', `/segments/${segment.no}/lines?limit=3&after=${first.body.next}`);
    expect([second.body.items.map((line: Line) => line.contactNo), second.body.next]).toEqual([['CT0004', 'CT0005', 'CT0006'], 60000]);
    const last = await tenant.request('GET', `/segments/${segment.no}/lines?limit=3&after=${second.body.next}`);
    expect([last.body.items.map((line: Line) => line.contactNo), last.body.next]).toEqual([['CT0007'], null]);
    expect((await tenant.request('GET', `/segments/${segment.no}/lines`)).body.items).toHaveLength(6);
  });

  test.each([
    ['a limit of 0', '?limit=0'],
    ['a limit over 500', '?limit=501'],
    ['a negative cursor', '?after=-1'],
    ['a cursor that is not a number', '?after=CT0001'],
    ['an unknown parameter', '?sort=name'],
  ])('GET /segments/{no}/lines with %s is refused', async (_case, query) => {
    const { tenant, segment } = await setUp(3);
    const response = await tenant.request('GET', `/segments/${segment.no}/lines${query}`);
    expect([response.status, response.body.code]).toEqual([400, 'validation_failed']);
  });

  test('GET /segments/{no}/lines of an unknown segment is 404; a salesperson may not read them', async () => {
    const { tenant, segment } = await setUp(3);
    expect((await tenant.request('GET', '/segments/SM99999/lines')).status).toBe(404);
    expect((await tenant.request('GET', `/segments/${segment.no}/lines`, { as: tenant.user() })).status).toBe(403);
  });

  test('a segment comes with its first 500 lines, No. of Lines and where the next page starts', async () => {
    const { tenant, segment } = await setUp(620);
    const added = await act(tenant, segment.no, { action: 'add', criteria: {}, options: { ignoreExclusion: true } });
    expect(added.body).toMatchObject({ noOfLines: 620, linesNext: 5_000_000 });
    expect(added.body.lines).toHaveLength(500);
    const read = (await tenant.request('GET', `/segments/${segment.no}`)).body;
    expect(read).toMatchObject({ noOfLines: 620, linesNext: 5_000_000, noOfCriteriaActions: 1 });
    expect(read.lines.at(-1)).toEqual({ lineNo: 5_000_000, contactNo: 'CT0500', campaignTarget: true });
    const rest = (await tenant.request('GET', `/segments/${segment.no}/lines?after=${read.linesNext}&limit=500`)).body;
    expect([rest.items.length, rest.items[0].contactNo, rest.next]).toEqual([120, 'CT0501', null]);
    const reduced = await act(tenant, segment.no, { action: 'reduce', criteria: { mailingGroup: ['NEWS'] } });
    expect(reduced.body).toMatchObject({ noOfLines: 620 - 206, linesNext: null });
  });

  test('lines keep their numbers; new lines and lines brought back follow the last one', async () => {
    const { tenant, segment } = await setUp(6);
    await tenant.request('PUT', `/segments/${segment.no}/lines/CT0005`, { body: {} });
    await act(tenant, segment.no, { action: 'add', criteria: { mailingGroup: ['NEWS'] } });
    const reduced = await act(tenant, segment.no, { action: 'reduce', criteria: { contact: { no: 'CT0005' } } });
    expect(reduced.body.lines).toEqual([
      { lineNo: 20000, contactNo: 'CT0003', campaignTarget: true },
      { lineNo: 30000, contactNo: 'CT0006', campaignTarget: true },
    ]);
    const back = await tenant.request('POST', `/segments/${segment.no}/go-back`);
    expect(back.body.lines.map((line: Line) => [line.lineNo, line.contactNo])).toEqual([
      [20000, 'CT0003'],
      [30000, 'CT0006'],
      [40000, 'CT0005'],
    ]);
  });

  test('Go Back brings removed lines back in their old order after the lines typed since', async () => {
    const { tenant, segment } = await setUp(6);
    for (const no of ['CT0006', 'CT0002', 'CT0004']) await tenant.request('PUT', `/segments/${segment.no}/lines/${no}`, { body: {} });
    await act(tenant, segment.no, { action: 'refine', criteria: { contact: { no: 'CT0002' } } });
    await tenant.request('PUT', `/segments/${segment.no}/lines/CT0001`, { body: {} });
    const back = await tenant.request('POST', `/segments/${segment.no}/go-back`);
    expect(numbers(back.body.lines)).toEqual(['CT0002', 'CT0001', 'CT0006', 'CT0004']);
    expect(back.body.noOfCriteriaActions).toBe(0);
  });

  test('a new line takes the Campaign Target of its contact’s line, else the segment’s', async () => {
    const { tenant, segment } = await setUp(3);
    await tenant.request('PUT', `/segments/${segment.no}/lines/CT0003`, { body: { campaignTarget: false } });
    const added = await act(tenant, segment.no, { action: 'add', criteria: {}, options: { allowExistingContacts: true } });
    expect(added.body.lines).toEqual([
      { lineNo: 10000, contactNo: 'CT0003', campaignTarget: false },
      { lineNo: 20000, contactNo: 'CT0001', campaignTarget: true },
      { lineNo: 30000, contactNo: 'CT0002', campaignTarget: true },
      { lineNo: 40000, contactNo: 'CT0003', campaignTarget: false },
    ]);
    const back = await tenant.request('POST', `/segments/${segment.no}/go-back`);
    expect(back.body.lines).toEqual([{ lineNo: 10000, contactNo: 'CT0003', campaignTarget: false }]);
  });

  test('logging a segment deletes its lines and its criteria history with it', async () => {
    const { tenant, segment } = await setUp(4);
    await tenant.request('PATCH', `/segments/${segment.no}`, { body: { interactionTemplateCode: 'BUS' } });
    await act(tenant, segment.no, { action: 'add', criteria: {} });
    await act(tenant, segment.no, { action: 'reduce', criteria: { mailingGroup: ['NEWS'] } });
    expect((await tenant.request('POST', `/segments/${segment.no}/log`, { body: {} })).status).toBe(200);
    const left = async (table: string) => (await service.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant.tenantId]))[0]?.n;
    expect([await left('segment_line'), await left('segment_criteria_action')]).toEqual([0, 0]);
  });

  test('going back from an add deletes the last line of each contact it added, the typed line before it stays', async () => {
    const { tenant, segment } = await setUp(4);
    await tenant.request('PUT', `/segments/${segment.no}/lines/CT0002`, { body: {} });
    await act(tenant, segment.no, { action: 'add', criteria: {}, options: { allowExistingContacts: true } });
    const back = await tenant.request('POST', `/segments/${segment.no}/go-back`);
    expect(back.body.lines.map((line: Line) => [line.lineNo, line.contactNo])).toEqual([[10000, 'CT0002']]);
  });
});
