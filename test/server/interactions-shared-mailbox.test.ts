import { randomUUID } from 'node:crypto';
import { SYNC_SCHEMA_VERSION } from '../../src/contract/sync';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import type { TestUser } from '../helpers/tokens';

// E-mails read in a shared mailbox (sales@) or a mailbox the user is a delegate of: the client
// names the mailbox (`mailboxAddress`), and the service judges direction against its owner, makes
// the interactions the user's, and keeps the mailbox with them.
describe.each(testEngines())('e-mail logged from a shared or delegated mailbox on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const SALES = 'sales@nordlys.example';

  const world = async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    await tenant.request('PUT', '/salespeople/EB', { body: { name: 'Erik Berg', email: 'erik@nordlys.example' } });
    const anna = tenant.user({ email: 'anna@nordlys.example' });
    const erik = tenant.user({ email: 'erik@nordlys.example' });
    const create = async (body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body })).body.contact as { no: string };
    const company = await create({ name: 'Fabrikam AB', email: 'info@fabrikam.example' });
    const kim = await create({ type: 'person', name: 'Kim Abercrombie', companyNo: company.no, email: 'kim@fabrikam.example' });
    const dan = await create({ type: 'person', name: 'Dan Park', companyNo: company.no, email: 'dan@fabrikam.example' });
    return { tenant, anna, erik, kim, dan };
  };
  const message = (overrides: Record<string, unknown> = {}): Record<string, any> => ({
    internetMessageId: `<${randomUUID()}@mail.example>`,
    subject: 'Offer for 200 pallets',
    from: { name: 'Kim Abercrombie', address: 'kim@fabrikam.example' },
    to: [{ name: 'Nordlys Sales', address: SALES }],
    sentAt: '2025-03-04T09:15:00Z',
    ...overrides,
  });
  const logEmail = (tenant: TestTenant, as: TestUser, body: Record<string, unknown>) => tenant.request('POST', '/interactions/email', { as, body });
  const pick = (entries: { contactNo: string; informationFlow: string; initiatedBy: string; salespersonCode: string; userEmail: string; mailboxAddress: string }[]) =>
    entries.map(({ contactNo, informationFlow, initiatedBy, salespersonCode, userEmail, mailboxAddress }) => ({ contactNo, informationFlow, initiatedBy, salespersonCode, userEmail, mailboxAddress }));

  test('a customer writing to sales@ is inbound, the salesperson is the user who logs it, and the mailbox is kept', async () => {
    const { tenant, erik, kim } = await world();
    // Anna is among the recipients too: from the shared mailbox, the interaction is still Erik's.
    const response = await logEmail(tenant, erik, message({ cc: [{ name: 'Anna', address: 'anna@nordlys.example' }], mailboxAddress: 'Sales@Nordlys.example' }));
    expect(response.status).toBe(200);
    expect(response.body.unmatchedAddresses).toEqual([]);
    const expected = [{ contactNo: kim.no, informationFlow: 'inbound', initiatedBy: 'them', salespersonCode: 'EB', userEmail: 'erik@nordlys.example', mailboxAddress: SALES }];
    expect(pick(response.body.interactions)).toEqual(expected);
    // Kept: the contact's history reads it back.
    expect(pick((await tenant.request('GET', `/contacts/${kim.no}/interactions`)).body.items)).toEqual(expected);
  });

  test('a colleague answering from sales@ is outbound, one interaction per contact, the user’s', async () => {
    const { tenant, erik, kim, dan } = await world();
    const response = await logEmail(
      tenant,
      erik,
      message({ from: { name: 'Nordlys Sales', address: SALES }, to: [{ name: 'Kim', address: 'kim@fabrikam.example' }], cc: [{ name: 'Dan', address: 'dan@fabrikam.example' }, { name: 'Sales', address: SALES }], mailboxAddress: SALES }),
    );
    expect(pick(response.body.interactions)).toEqual([
      { contactNo: kim.no, informationFlow: 'outbound', initiatedBy: 'us', salespersonCode: 'EB', userEmail: 'erik@nordlys.example', mailboxAddress: SALES },
      { contactNo: dan.no, informationFlow: 'outbound', initiatedBy: 'us', salespersonCode: 'EB', userEmail: 'erik@nordlys.example', mailboxAddress: SALES },
    ]);
    expect(response.body.unmatchedAddresses).toEqual([]);
  });

  test('the same message logged from the shared mailbox by two colleagues, at once and again, is one interaction', async () => {
    const { tenant, anna, erik, kim } = await world();
    const body = message({ mailboxAddress: SALES });
    const responses = await Promise.all(Array.from({ length: 10 }, (_unused, index) => logEmail(tenant, index % 2 ? anna : erik, { ...body, id: randomUUID() })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const fresh = responses.flatMap((response) => response.body.interactions).filter((entry: { alreadyLogged: boolean }) => !entry.alreadyLogged);
    expect(fresh).toHaveLength(1);
    const again = await logEmail(tenant, anna, { ...body, id: randomUUID() });
    expect(again.body.interactions).toEqual([expect.objectContaining({ entryNo: fresh[0].entryNo, contactNo: kim.no, alreadyLogged: true, userEmail: fresh[0].userEmail, mailboxAddress: SALES })]);
    const logged = await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(body.internetMessageId)}`);
    expect(logged.body.interactions).toHaveLength(1);
  });

  test('through sync push, as the pane logs, the same message from two colleagues’ devices is one interaction with its mailbox', async () => {
    const { tenant, anna, erik, kim } = await world();
    const body = message({ mailboxAddress: SALES });
    const push = (as: TestUser) =>
      tenant.request('POST', '/sync/push', {
        as,
        body: { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: `g${randomUUID().replaceAll('-', '')}`, clientId: `c${randomUUID().replaceAll('-', '')}`, mutations: [{ id: 1, name: 'logEmail', args: { ...body, id: randomUUID() } }] },
      });
    const [first, second] = [await push(erik), await push(anna)];
    expect([first.body.results, second.body.results]).toEqual([[expect.objectContaining({ id: 1, status: 'applied' })], [expect.objectContaining({ id: 1, status: 'applied' })]]);
    const logged = await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(body.internetMessageId)}`);
    expect(pick(logged.body.interactions)).toEqual([{ contactNo: kim.no, informationFlow: 'inbound', initiatedBy: 'them', salespersonCode: 'EB', userEmail: 'erik@nordlys.example', mailboxAddress: SALES }]);
  });

  test('a delegate logging the delegator’s mail: inbound to her, outbound from her, both the delegate’s', async () => {
    const { tenant, erik, kim } = await world();
    const toAnna = await logEmail(tenant, erik, message({ to: [{ name: 'Anna', address: 'anna@nordlys.example' }], mailboxAddress: 'anna@nordlys.example' }));
    const fromAnna = await logEmail(tenant, erik, message({ from: { name: 'Anna', address: 'anna@nordlys.example' }, to: [{ name: 'Kim', address: 'kim@fabrikam.example' }], mailboxAddress: 'anna@nordlys.example' }));
    expect([...pick(toAnna.body.interactions), ...pick(fromAnna.body.interactions)]).toEqual([
      { contactNo: kim.no, informationFlow: 'inbound', initiatedBy: 'them', salespersonCode: 'EB', userEmail: 'erik@nordlys.example', mailboxAddress: 'anna@nordlys.example' },
      { contactNo: kim.no, informationFlow: 'outbound', initiatedBy: 'us', salespersonCode: 'EB', userEmail: 'erik@nordlys.example', mailboxAddress: 'anna@nordlys.example' },
    ]);
  });

  test.each([
    ['without a mailbox, as older clients send it', {}],
    ['naming the user’s own mailbox', { mailboxAddress: 'ERIK@nordlys.example' }],
  ])('an e-mail %s is the user’s own: no mailbox kept, the recipients’ salesperson', async (_case, mailbox) => {
    const { tenant, erik, kim } = await world();
    const response = await logEmail(tenant, erik, message({ to: [{ name: 'Anna', address: 'anna@nordlys.example' }], ...mailbox }));
    expect(pick(response.body.interactions)).toEqual([{ contactNo: kim.no, informationFlow: 'inbound', initiatedBy: 'them', salespersonCode: 'AL', userEmail: 'erik@nordlys.example', mailboxAddress: '' }]);
  });

  test.each([
    ['that is no e-mail address', 'sales'],
    ['that is too long', `${'s'.repeat(320)}@nordlys.example`],
    ['that is no text', 42],
  ])('a mailbox %s is refused at its field, and nothing is logged', async (_case, mailboxAddress) => {
    const { tenant, erik, kim } = await world();
    const body = message({ mailboxAddress });
    const response = await logEmail(tenant, erik, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', fields: [expect.objectContaining({ path: 'mailboxAddress' })] });
    expect((await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(body.internetMessageId)}`)).body).toEqual({ logged: false, interactions: [] });
    expect((await tenant.request('GET', `/contacts/${kim.no}/interactions`)).body.items).toEqual([]);
  });

  test('the interaction export has the mailbox of each entry', async () => {
    const { tenant, erik } = await world();
    await logEmail(tenant, erik, message({ mailboxAddress: SALES }));
    await logEmail(tenant, erik, message({ to: [{ name: 'Erik', address: 'erik@nordlys.example' }] }));
    const response = await tenant.request('GET', '/interactions/export?from=2025-03-01&to=2025-03-31', { as: tenant.user({ roles: ['Rapport.Manager'] }) });
    const [header, ...rows] = String(response.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(rows.map((row) => row[header!.indexOf('mailboxAddress')])).toEqual([SALES, '']);
  });
});
