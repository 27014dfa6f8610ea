import { randomUUID } from 'node:crypto';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

describe.each(testEngines())('interactions on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  type World = { tenant: TestTenant; anna: ReturnType<TestTenant['user']>; company: { no: string }; kim: { no: string }; dan: { no: string } };
  const world = async (): Promise<World> => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    await tenant.request('PUT', '/salespeople/EB', { body: { name: 'Erik Berg', email: 'erik@nordlys.example' } });
    const anna = tenant.user({ email: 'anna@nordlys.example' });
    const create = async (body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body })).body.contact;
    const company = await create({ name: 'Fabrikam AB', email: 'info@fabrikam.example' });
    const kim = await create({ type: 'person', name: 'Kim Abercrombie', companyNo: company.no, email: 'kim@fabrikam.example' });
    const dan = await create({ type: 'person', name: 'Dan Park', companyNo: company.no, email: 'dan@fabrikam.example' });
    return { tenant, anna, company, kim, dan };
  };
  const message = (overrides: Record<string, unknown> = {}): Record<string, any> => ({
    internetMessageId: `<${randomUUID()}@mail.example>`,
    subject: 'Offer for 200 pallets',
    from: { name: 'Kim Abercrombie', address: 'Kim@Fabrikam.example' },
    to: [{ name: 'Anna Lindqvist', address: 'anna@nordlys.example' }],
    sentAt: '2025-03-04T09:15:00Z',
    ...overrides,
  });

  test('an e-mail from a contact is logged inbound with the E-Mails template and the user’s salesperson', async () => {
    const { tenant, anna, kim } = await world();
    const response = await tenant.request('POST', '/interactions/email', { as: anna, body: message() });
    expect(response.status).toBe(200);
    expect(response.body.interactions).toEqual([
      expect.objectContaining({
        contactNo: kim.no,
        informationFlow: 'inbound',
        initiatedBy: 'them',
        interactionTemplateCode: 'EMAIL',
        interactionGroupCode: 'EMAIL',
        durationMin: 5,
        salespersonCode: 'AL',
        subject: 'Offer for 200 pallets',
        date: '2025-03-04',
        timeOfInteraction: '09:15:00',
        correspondenceType: 'email',
        emailLogged: true,
        alreadyLogged: false,
      }),
    ]);
  });

  test('a sent e-mail is logged outbound once per To/Cc contact; colleagues and unknown addresses are not', async () => {
    const { tenant, anna, kim, dan } = await world();
    const response = await tenant.request('POST', '/interactions/email', {
      as: anna,
      body: message({
        from: { name: 'Anna', address: 'anna@nordlys.example' },
        to: [{ name: 'Kim', address: 'kim@fabrikam.example' }],
        cc: [{ name: 'Dan', address: 'dan@fabrikam.example' }, { name: 'Erik', address: 'erik@nordlys.example' }, { name: 'Stranger', address: 'who@unknown.example' }],
      }),
    });
    expect(response.body.interactions.map((entry: { contactNo: string; informationFlow: string }) => [entry.contactNo, entry.informationFlow])).toEqual([
      [kim.no, 'outbound'],
      [dan.no, 'outbound'],
    ]);
    expect(response.body.unmatchedAddresses).toEqual(['who@unknown.example']);
  });

  test('improved: an unknown sender is answered with the address to add, and logging to a chosen contact works', async () => {
    const { tenant, anna, company } = await world();
    const unknown = message({ from: { name: 'New Lead', address: 'lead@startup.example' } });
    const first = await tenant.request('POST', '/interactions/email', { as: anna, body: unknown });
    expect(first.body).toEqual({ interactions: [], unmatchedAddresses: ['lead@startup.example'], ambiguousAddresses: [] });
    const chosen = await tenant.request('POST', '/interactions/email', { as: anna, body: { ...unknown, contactNos: [company.no] } });
    expect(chosen.body.interactions).toEqual([expect.objectContaining({ contactNo: company.no, informationFlow: 'inbound' })]);
  });

  test('the same e-mail logged 20 times at once by two users is one interaction per contact', async () => {
    const { tenant, anna, kim, dan } = await world();
    const erik = tenant.user({ email: 'erik@nordlys.example' });
    // Sent by Anna to Kim and Dan: both colleagues log it from their own mailboxes at once.
    const body = message({ from: { name: 'Anna', address: 'anna@nordlys.example' }, to: [{ name: 'Kim', address: 'kim@fabrikam.example' }], cc: [{ name: 'Dan', address: 'dan@fabrikam.example' }, { name: 'Erik', address: 'erik@nordlys.example' }] });
    const responses = await Promise.all(Array.from({ length: 20 }, (_unused, index) => tenant.request('POST', '/interactions/email', { as: index % 2 ? anna : erik, body })));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const fresh = responses.flatMap((response) => response.body.interactions).filter((entry: { alreadyLogged: boolean }) => !entry.alreadyLogged);
    expect(fresh).toHaveLength(2);
    const logged = await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(body.internetMessageId)}`);
    expect(logged.body.logged).toBe(true);
    expect(logged.body.interactions.map((entry: { contactNo: string }) => entry.contactNo).sort()).toEqual([kim.no, dan.no].sort());
  });

  test('a retried request with the same id is the same interaction', async () => {
    const { tenant, anna } = await world();
    const body = message({ id: randomUUID() });
    const first = await tenant.request('POST', '/interactions/email', { as: anna, body });
    const retry = await tenant.request('POST', '/interactions/email', { as: anna, body });
    expect(retry.body.interactions[0]).toMatchObject({ entryNo: first.body.interactions[0].entryNo, id: body.id, alreadyLogged: true });
  });

  test('the logged state says who logged it and when; a canceled log is not logged', async () => {
    const { tenant, anna } = await world();
    const body = message();
    const logged = await tenant.request('POST', '/interactions/email', { as: anna, body });
    const state = await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(body.internetMessageId)}`);
    expect(state.body.interactions[0]).toMatchObject({ userEmail: 'anna@nordlys.example', canceled: false });
    expect(Date.parse(state.body.interactions[0].loggedAt)).not.toBeNaN();
    await tenant.request('PUT', `/interactions/${logged.body.interactions[0].entryNo}/canceled`, { body: { canceled: true } });
    expect((await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(body.internetMessageId)}`)).body.logged).toBe(false);
    expect((await tenant.request('GET', '/interactions/logged?internetMessageId=%3Cnever%40seen%3E')).body).toEqual({ logged: false, interactions: [] });
  });

  test('only a canceled interaction can be deleted', async () => {
    const { tenant, anna } = await world();
    const entryNo = (await tenant.request('POST', '/interactions/email', { as: anna, body: message() })).body.interactions[0].entryNo;
    const refused = await tenant.request('DELETE', `/interactions/${entryNo}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('interaction_delete_refused');
    await tenant.request('PUT', `/interactions/${entryNo}/canceled`, { body: { canceled: true } });
    expect((await tenant.request('DELETE', `/interactions/${entryNo}`)).status).toBe(204);
    expect((await tenant.request('DELETE', `/interactions/${entryNo}`)).status).toBe(404);
  });

  test('phone calls and meetings take their templates from Interaction Template Setup', async () => {
    const { tenant, anna, kim } = await world();
    const call = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: kim.no, kind: 'phoneCall', date: '2025-03-05', time: '14:30:00', interactionSuccessful: false } });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({ interactionTemplateCode: 'OUTGOING', costLcy: 1, durationMin: 15, informationFlow: 'outbound', initiatedBy: 'us', attemptFailed: true, salespersonCode: 'AL' });
    const meeting = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: kim.no, kind: 'template', templateCode: 'meeting', date: '2025-03-06', description: 'Visit in Göteborg', durationMin: 90 } });
    expect(meeting.body).toMatchObject({ interactionTemplateCode: 'MEETING', description: 'Visit in Göteborg', durationMin: 90, costLcy: 45 });
  });

  describe('an interaction about an opportunity', () => {
    const withOpportunity = async () => {
      const setup = await world();
      const { tenant, anna, kim } = setup;
      const create = async (body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body })).body.contact;
      const other = await create({ name: 'Contoso Ltd', email: 'info@contoso.example' });
      const lee = await create({ type: 'person', name: 'Lee Chen', companyNo: other.no, email: 'lee@contoso.example' });
      const deal = (await tenant.request('POST', '/opportunities', { as: anna, body: { description: '200 pallets', contactNo: kim.no } })).body;
      return { ...setup, lee, deal };
    };

    test('a call links the opportunity of its contact, or of a colleague at the same company', async () => {
      const { tenant, anna, kim, dan, deal } = await withOpportunity();
      const own = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: kim.no, kind: 'phoneCall', date: '2025-03-05', opportunityNo: deal.no } });
      expect(own.status).toBe(201);
      expect(own.body.opportunityNo).toBe(deal.no);
      const colleague = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: dan.no, kind: 'phoneCall', date: '2025-03-05', opportunityNo: deal.no } });
      expect(colleague.body.opportunityNo).toBe(deal.no);
      const without = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: dan.no, kind: 'meeting', date: '2025-03-05' } });
      expect(without.body.opportunityNo).toBe('');
    });

    test.each([
      { title: 'an opportunity that does not exist', opportunityNo: () => 'OPP-NONE', message: /no opportunity OPP-NONE/ },
      { title: 'another company’s opportunity', opportunityNo: (deal: { no: string }) => deal.no, message: /is CT\w+'s, not CT\w+'s or its company's/ },
    ])('a call naming $title is refused and nothing is logged', async ({ opportunityNo, message }) => {
      const { tenant, anna, lee, deal } = await withOpportunity();
      const refused = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: lee.no, kind: 'phoneCall', date: '2025-03-05', opportunityNo: opportunityNo(deal) } });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'validation_failed', detail: expect.stringMatching(message), fields: [{ path: 'opportunityNo' }] });
      expect((await tenant.request('GET', `/contacts/${lee.no}/interactions`, { as: anna })).body.items).toEqual([]);
    });

    test('an e-mail to contacts of two companies links the opportunity only for the contacts it concerns', async () => {
      const { tenant, anna, kim, lee, deal } = await withOpportunity();
      const response = await tenant.request('POST', '/interactions/email', {
        as: anna,
        body: message({ from: { name: 'Anna Lindqvist', address: 'anna@nordlys.example' }, to: [{ name: 'Kim', address: 'kim@fabrikam.example' }, { name: 'Lee', address: 'lee@contoso.example' }], opportunityNo: deal.no }),
      });
      expect(response.status).toBe(200);
      const byContact = Object.fromEntries(response.body.interactions.map((entry: { contactNo: string; opportunityNo: string }) => [entry.contactNo, entry.opportunityNo]));
      expect(byContact).toEqual({ [kim.no]: deal.no, [lee.no]: '' });
    });

    test('an e-mail none of whose contacts the opportunity concerns is refused', async () => {
      const { tenant, anna, deal } = await withOpportunity();
      const refused = await tenant.request('POST', '/interactions/email', { as: anna, body: message({ from: { name: 'Lee', address: 'lee@contoso.example' }, opportunityNo: deal.no }) });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([{ path: 'opportunityNo', message: 'The opportunity is with another contact.' }]);
    });
  });

  test('history: a company sees its persons’ interactions, newest first, in pages', async () => {
    const { tenant, anna, company, kim, dan } = await world();
    for (const [index, from] of ['kim@fabrikam.example', 'dan@fabrikam.example', 'kim@fabrikam.example'].entries()) {
      await tenant.request('POST', '/interactions/email', { as: anna, body: message({ from: { name: '', address: from }, sentAt: `2025-03-0${index + 1}T08:00:00Z` }) });
    }
    const first = await tenant.request('GET', `/contacts/${company.no}/interactions?limit=2`);
    expect(first.body.items.map((entry: { contactNo: string; date: string }) => [entry.contactNo, entry.date])).toEqual([
      [kim.no, '2025-03-03'],
      [dan.no, '2025-03-02'],
    ]);
    const second = await tenant.request('GET', `/contacts/${company.no}/interactions?limit=2&after=${first.body.next}`);
    expect(second.body.items.map((entry: { date: string }) => entry.date)).toEqual(['2025-03-01']);
    expect(second.body.next).toBeNull();
    expect((await tenant.request('GET', `/contacts/${kim.no}/interactions`)).body.items).toHaveLength(2);
  });

  test('a contact with interactions cannot change its type, and a deleted person leaves its history to the company', async () => {
    const { tenant, anna, company, dan } = await world();
    await tenant.request('POST', '/interactions/email', { as: anna, body: message({ from: { name: '', address: 'dan@fabrikam.example' } }) });
    expect((await tenant.request('PATCH', `/contacts/${dan.no}`, { body: { type: 'company' } })).body.code).toBe('contact_type_change_refused');
    expect((await tenant.request('DELETE', `/contacts/${dan.no}`)).status).toBe(204);
    const history = await tenant.request('GET', `/contacts/${company.no}/interactions`);
    expect(history.body.items.map((entry: { contactNo: string }) => entry.contactNo)).toEqual([company.no]);
  });

  test('a person leaving its company leaves the history with the company; joining one brings its own along', async () => {
    const { tenant, anna, company, dan } = await world();
    await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: dan.no, kind: 'phoneCall', date: '2025-03-04' } });
    const other = (await tenant.request('POST', '/contacts', { body: { name: 'Contoso AS' } })).body.contact;
    expect((await tenant.request('PATCH', `/contacts/${dan.no}`, { body: { companyNo: other.no } })).status).toBe(200);
    expect((await tenant.request('GET', `/contacts/${company.no}/interactions`)).body.items.map((entry: { contactNo: string }) => entry.contactNo)).toEqual([company.no]);
    expect((await tenant.request('GET', `/contacts/${dan.no}/interactions`)).body.items).toEqual([]);
    const loner = (await tenant.request('POST', '/contacts', { body: { type: 'person', name: 'Lone Wolf' } })).body.contact;
    await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: loner.no, kind: 'phoneCall', date: '2025-03-04' } });
    await tenant.request('PATCH', `/contacts/${loner.no}`, { body: { companyNo: other.no } });
    expect((await tenant.request('GET', `/contacts/${other.no}/interactions`)).body.items.map((entry: { contactNo: string }) => entry.contactNo)).toEqual([loner.no]);
  });

  test('a person on an unlogged segment cannot change company', async () => {
    const { tenant, kim } = await world();
    const segment = (await tenant.request('POST', '/segments', { body: { description: 'Mailing' } })).body;
    await tenant.request('PUT', `/segments/${segment.no}/lines/${kim.no}`, { body: {} });
    const response = await tenant.request('PATCH', `/contacts/${kim.no}`, { body: { companyNo: '' } });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('contact_company_invalid');
  });

  test.each([
    ['no message id', { internetMessageId: '' }, 'internetMessageId'],
    ['a sender that is no address', { from: { name: 'x', address: 'not-an-address' } }, 'from.address'],
    ['a time without offset', { sentAt: '2025-03-04 09:15' }, 'sentAt'],
    ['an unknown field', { priority: 'high' }, 'priority'],
  ])('an e-mail with %s is refused and nothing is logged', async (_case, change, field) => {
    const { tenant, anna, kim } = await world();
    const response = await tenant.request('POST', '/interactions/email', { as: anna, body: message(change) });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((problem: { path: string }) => problem.path)).toContain(field);
    expect((await tenant.request('GET', `/contacts/${kim.no}/interactions`)).body.items).toEqual([]);
  });

  test('without an E-Mails template in the setup, logging says what to set up', async () => {
    const { tenant, anna } = await world();
    const setup = (await tenant.request('GET', '/setup/interaction-template-setup')).body;
    expect((await tenant.request('PUT', '/setup/interaction-template-setup', { body: { ...setup, emails: '' } })).status).toBe(200);
    const response = await tenant.request('POST', '/interactions/email', { as: anna, body: message() });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('interaction_template_missing');
    expect((await tenant.request('PUT', '/setup/interaction-template-setup', { body: { ...setup, emails: 'NOPE' } })).status).toBe(400);
  });

  test('an administrator sets up a template, and an interaction takes its campaign defaults', async () => {
    const { tenant, anna, kim } = await world();
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Trade fair' } })).body;
    expect((await tenant.request('PUT', '/setup/interaction-groups/EVENT', { body: { description: 'Events' } })).status).toBe(200);
    const template = await tenant.request('PUT', '/setup/interaction-templates/FAIRVISIT', {
      body: { interactionGroupCode: 'EVENT', description: 'Visit at the fair', unitCost: 25, unitDurationMin: 30, campaignNo: campaign.no, campaignResponse: true },
    });
    expect(template.status).toBe(200);
    const logged = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: kim.no, kind: 'template', templateCode: 'FAIRVISIT', date: '2025-03-05' } });
    expect(logged.body).toMatchObject({ description: 'Visit at the fair', costLcy: 25, campaignNo: campaign.no, campaignResponse: true });
    expect((await tenant.request('PUT', '/setup/interaction-templates/BAD', { body: { interactionGroupCode: 'NOPE' } })).status).toBe(400);
    expect((await tenant.request('PUT', '/setup/interaction-templates/X', { as: anna, body: { interactionGroupCode: 'EVENT' } })).status).toBe(403);
  });

  test('an interaction is recorded in the contact’s language when the template has it, else in the template’s default', async () => {
    const { tenant, anna, kim, dan } = await world();
    await tenant.request('PATCH', `/contacts/${kim.no}`, { body: { languageCode: 'SVE' } });
    await tenant.request('PATCH', `/contacts/${dan.no}`, { body: { languageCode: 'FIN' } });
    expect((await tenant.request('PUT', '/setup/interaction-templates/LETTER2', { body: { interactionGroupCode: 'LETTER', description: 'Letter', languageCode: 'ENU' } })).status).toBe(200);
    expect((await tenant.request('PUT', '/setup/interaction-templates/LETTER2/languages/sve', { body: { description: 'Brev' } })).status).toBe(200);
    const toKim = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: kim.no, kind: 'template', templateCode: 'LETTER2', date: '2025-03-05' } });
    const toDan = await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: dan.no, kind: 'template', templateCode: 'LETTER2', date: '2025-03-05' } });
    expect([toKim.body.interactionLanguageCode, toDan.body.interactionLanguageCode]).toEqual(['SVE', 'ENU']);
    expect((await tenant.request('DELETE', '/setup/interaction-templates/LETTER2/languages/ENU')).status).toBe(409);
    expect((await tenant.request('DELETE', '/setup/interaction-templates/LETTER2/languages/SVE')).status).toBe(204);
  });

  test('a template that logs sales documents may have no languages', async () => {
    const { tenant } = await world();
    expect((await tenant.request('PUT', '/setup/interaction-templates/SQUOTE/languages/DEU', { body: {} })).status).toBe(409);
    await tenant.request('PUT', '/setup/interaction-templates/LETTER3', { body: { interactionGroupCode: 'LETTER', languageCode: 'DEU' } });
    const setup = (await tenant.request('GET', '/setup/interaction-template-setup')).body;
    const response = await tenant.request('PUT', '/setup/interaction-template-setup', { body: { ...setup, salesInvoices: 'LETTER3' } });
    expect(response.status).toBe(400);
    expect(response.body.fields[0].path).toBe('salesInvoices');
  });

  test('another tenant neither sees nor logs against a tenant’s contacts', async () => {
    const { tenant, anna, kim } = await world();
    const other = await service.newTenant();
    const body = message();
    await tenant.request('POST', '/interactions/email', { as: anna, body });
    expect((await other.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(body.internetMessageId)}`)).body.logged).toBe(false);
    expect((await other.request('GET', `/contacts/${kim.no}/interactions`)).status).toBe(404);
    const explicit = await other.request('POST', '/interactions/email', { body: { ...message(), contactNos: [kim.no] } });
    expect(explicit.status).toBe(400);
  });
});
