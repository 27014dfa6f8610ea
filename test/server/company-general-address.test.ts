import { randomUUID } from 'node:crypto';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * An address a company has and its persons only inherit (info@) is the company's: an e-mail from
 * it is logged to the company. Business Central logs to the first match; Rapport knows better.
 */
describe.each(testEngines())("a company's general address on %s", (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const world = async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    const anna = tenant.user({ email: 'anna@nordlys.example' });
    const create = async (body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body })).body.contact as { no: string; email: string; inheritedFields: string[] };
    const company = await create({ name: 'Fabrikam AB', email: 'info@fabrikam.example' });
    const kim = await create({ type: 'person', name: 'Kim Ek', companyNo: company.no });
    const dan = await create({ type: 'person', name: 'Dan Park', companyNo: company.no });
    return { tenant, anna, company, kim, dan, create };
  };
  const fromInfo = () => ({
    internetMessageId: `<${randomUUID()}@mail.example>`,
    subject: 'Order confirmation',
    from: { name: 'Fabrikam', address: 'INFO@fabrikam.example' },
    to: [{ name: 'Anna Lindqvist', address: 'anna@nordlys.example' }],
    sentAt: '2025-03-04T09:15:00Z',
  });

  test('an e-mail from the address its persons only inherit is logged to the company', async () => {
    const { tenant, anna, company, kim } = await world();
    expect([kim.email, kim.inheritedFields.includes('email')]).toEqual(['info@fabrikam.example', true]);
    const response = await tenant.request('POST', '/interactions/email', { as: anna, body: fromInfo() });
    expect(response.status).toBe(200);
    expect(response.body.interactions.map((interaction: { contactNo: string }) => interaction.contactNo)).toEqual([company.no]);
    expect(response.body.ambiguousAddresses).toEqual([]);
  });

  test('a person who typed the address themselves is its contact; two such persons make it ambiguous', async () => {
    const { tenant, anna, company, kim, dan } = await world();
    await tenant.request('PATCH', `/contacts/${kim.no}`, { body: { email: 'info@fabrikam.example' } });
    const typed = await tenant.request('GET', `/contacts/${kim.no}`);
    expect(typed.body.inheritedFields ?? typed.body.contact?.inheritedFields).not.toContain('email');
    const toKim = await tenant.request('POST', '/interactions/email', { as: anna, body: fromInfo() });
    expect(toKim.body.interactions.map((interaction: { contactNo: string }) => interaction.contactNo)).toEqual([kim.no]);

    await tenant.request('PATCH', `/contacts/${dan.no}`, { body: { email: 'info@fabrikam.example' } });
    const ambiguous = await tenant.request('POST', '/interactions/email', { as: anna, body: fromInfo() });
    expect(ambiguous.body.interactions).toEqual([]);
    expect(ambiguous.body.ambiguousAddresses).toEqual([{ address: 'info@fabrikam.example', contactNos: [company.no, kim.no, dan.no].sort() }]);
  });
});
