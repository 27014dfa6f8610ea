import { loadContactCard, messageLoggedState } from '../../../src/addin/cache/contact-card';
import type { LocalStore } from '../../../src/addin/cache/local-store';
import { rejectedChanges } from '../../../src/addin/cache/repositories';
import type { SyncSetup } from '../../../src/contract/sync';
import { campaign, campaignTarget, company, interaction, opportunity, page, person, put, salesperson, task } from './fixtures';
import { STORE_FACTORIES } from './store-factories';

const TODAY = '2025-06-02';
const me: SyncSetup = { key: 'me', value: { salespersonCode: 'SAM', email: 'sam@cronus.example', name: 'Sam' } };
const priceLine = (lineNo: number, startingDate: string | null, endingDate: string | null) => ({ lineNo, kind: 'price' as const, itemNo: `ITEM${lineNo}`, minimumQuantity: 0, unitPrice: 10, lineDiscountPct: 0, startingDate, endingDate });

describe.each(STORE_FACTORIES)('the contact card from %s', (_name, open) => {
  let store: LocalStore;

  beforeEach(async () => {
    store = await open();
    await store.applyPullPage(
      page([
        put('setup', me),
        put('salesperson', salesperson('SAM', { email: 'sam@cronus.example' })),
        put('contact', company('CP1', { customerNo: 'C10', email: 'info@contoso.com' })),
        put('contact', person('CT1', { companyNo: 'CP1', email: 'anna@contoso.com' })),
        put('contact', person('CT2', { companyNo: 'CP1' })),
        put('contact', person('CT3', { companyNo: 'CP2' })),
        put('opportunity', opportunity('OP1', { contactNo: 'CT1', contactCompanyNo: 'CP1', closed: true, status: 'lost', creationDate: '2025-05-01' })),
        put('opportunity', opportunity('OP2', { contactNo: 'CT2', contactCompanyNo: 'CP1', creationDate: '2025-01-01' })),
        put('task', task('TD1', { contactNo: 'CT1', contactCompanyNo: 'CP1', date: '2025-06-05' })),
        put('task', task('TD2', { contactNo: 'CP1', contactCompanyNo: 'CP1', closed: true })),
        put('task', task('TD3', { contactNo: 'CT2', contactCompanyNo: 'CP1', canceled: true })),
        put('interaction', interaction(1, { contactNo: 'CT1', contactCompanyNo: 'CP1', date: '2025-05-01', internetMessageId: '<old@contoso.com>', userEmail: 'kim@cronus.example', salespersonCode: 'KIM' })),
        put('interaction', interaction(2, { contactNo: 'CT2', contactCompanyNo: 'CP1', date: '2025-05-03' })),
        put('interaction', interaction(3, { contactNo: 'CT1', contactCompanyNo: 'CP1', date: '2025-05-02', internetMessageId: '<old@contoso.com>', canceled: true })),
        put('campaign', campaign('CA1', { priceLines: [priceLine(1, null, null), priceLine(2, '2025-07-01', null), priceLine(3, null, '2025-06-01')] })),
        put('campaign', campaign('CA2', { activated: false })),
        put('campaign', campaign('CA3', { startingDate: '2025-06-03' })),
        put('campaign', campaign('CA4', { startingDate: '2025-06-01', endingDate: TODAY })),
        put('campaign', campaign('CA5')),
        put('campaignTarget', campaignTarget('CA1', 'contact', 'CP1')),
        put('campaignTarget', campaignTarget('CA1', 'customer', 'C10')),
        put('campaignTarget', campaignTarget('CA2', 'contact', 'CP1')),
        put('campaignTarget', campaignTarget('CA3', 'contact', 'CP1')),
        put('campaignTarget', campaignTarget('CA4', 'customer', 'C10')),
        put('campaignTarget', campaignTarget('CA5', 'contact', 'CP2')),
      ]),
    );
  });

  afterEach(() => store.close());

  test('a company’s card gathers its persons, their opportunities, open tasks and timeline', async () => {
    const card = await loadContactCard(store, 'CP1', { today: TODAY, timelineLimit: 2 });
    expect(card?.company?.no).toBe('CP1');
    expect(card?.persons.map((each) => each.no).sort()).toEqual(['CT1', 'CT2']);
    expect(card?.opportunities.map((each) => each.no)).toEqual(['OP2', 'OP1']);
    expect(card?.tasks.map((each) => each.no)).toEqual(['TD1']);
    expect(card?.timeline.map((each) => each.entryNo)).toEqual([2, 3]);
  });

  test('a person’s card has its company and its own records only', async () => {
    const card = await loadContactCard(store, 'CT1', { today: TODAY });
    expect(card?.company?.no).toBe('CP1');
    expect(card?.persons).toEqual([]);
    expect(card?.opportunities.map((each) => each.no)).toEqual(['OP1']);
    expect(card?.timeline.map((each) => each.entryNo)).toEqual([3, 1]);
  });

  test.each([
    { contactNo: 'CP1', expected: [['CA1', ['contact', 'customer'], [1]], ['CA4', ['customer'], []]] },
    { contactNo: 'CT1', expected: [['CA1', ['contact', 'customer'], [1]], ['CA4', ['customer'], []]] },
    { contactNo: 'CT3', expected: [['CA5', ['contact'], []]] },
  ])('the campaigns active today for $contactNo, through its company or customer, with today’s price lines', async ({ contactNo, expected }) => {
    const card = await loadContactCard(store, contactNo, { today: TODAY });
    expect(card?.campaigns.map((each) => [each.campaign.no, each.targetedAs, each.priceLines.map((line) => line.lineNo)])).toEqual(expected);
  });

  test('an unknown contact has no card', async () => {
    expect(await loadContactCard(store, 'NOPE', { today: TODAY })).toBeUndefined();
  });

  test('waiting changes show on the card: a created task and opportunity, a closing, a logged call', async () => {
    await store.enqueue('createTask', { id: '6f1c2a8e-8a9b-4c3d-9e0f-000000000001', task: { description: 'Follow up', date: '2025-06-03', contactNo: 'CT2' } });
    await store.enqueue('closeTask', { no: 'TD1' });
    await store.enqueue('createOpportunity', { id: '6f1c2a8e-8a9b-4c3d-9e0f-000000000002', opportunity: { description: 'Upsell', contactNo: 'CP1' } });
    await store.enqueue('logInteraction', { id: '6f1c2a8e-8a9b-4c3d-9e0f-000000000003', contactNo: 'CT1', kind: 'phoneCall', date: '2025-06-02' });
    const card = await loadContactCard(store, 'CP1', { today: TODAY, timelineLimit: 2 });
    expect(card?.tasks.map((each) => [each.no, each.closed, each.pending])).toEqual([
      ['', false, true],
      ['TD1', true, true],
    ]);
    expect(card?.opportunities.map((each) => [each.no, each.pending])).toEqual([
      ['', true],
      ['OP2', false],
      ['OP1', false],
    ]);
    expect(card?.timeline.map((each) => [each.entryNo, each.pending])).toEqual([
      [0, true],
      [2, false],
    ]);
  });

  describe('the logged state of a message', () => {
    const logEmail = (id: number) => ({ id: `6f1c2a8e-8a9b-4c3d-9e0f-00000000001${id}`, internetMessageId: '<new@contoso.com>', subject: 'Hello', from: { address: 'anna@contoso.com' }, to: [{ address: 'sam@cronus.example' }], sentAt: '2025-06-02T09:00:00Z' });

    test('says who logged it and when, leaving canceled ones out', async () => {
      expect(await messageLoggedState(store, '<old@contoso.com>')).toEqual({ logged: true, pending: false, logs: [{ contactNo: 'CT1', userEmail: 'kim@cronus.example', salespersonCode: 'KIM', loggedAt: '2025-01-01T09:00:00Z', pending: false }] });
    });

    test('a message nobody logged is not logged', async () => {
      expect(await messageLoggedState(store, '<unknown@contoso.com>')).toEqual({ logged: false, pending: false, logs: [] });
    });

    test('a waiting log shows the message logged, pending, for the sender’s contact', async () => {
      await store.enqueue('logEmail', logEmail(1));
      const state = await messageLoggedState(store, '<new@contoso.com>');
      expect(state).toMatchObject({ logged: true, pending: true, logs: [{ contactNo: 'CT1', userEmail: 'sam@cronus.example', salespersonCode: 'SAM', pending: true }] });
      const card = await loadContactCard(store, 'CT1', { today: TODAY, timelineLimit: 1 });
      expect(card?.timeline[0]).toMatchObject({ internetMessageId: '<new@contoso.com>', pending: true });
    });

    test('a waiting cancellation takes the message’s log away', async () => {
      await store.enqueue('cancelInteraction', { id: interaction(1).id });
      expect(await messageLoggedState(store, '<old@contoso.com>')).toMatchObject({ logged: false, pending: false });
    });

    test('a refused log leaves the message unlogged and is listed with its reason', async () => {
      const entry = await store.enqueue('logEmail', logEmail(2));
      await store.recordPushResults([{ id: entry.id, status: 'rejected', duplicate: false, rejection: { code: 'permission_denied', message: 'Not yours.' } }]);
      expect(await messageLoggedState(store, '<new@contoso.com>')).toMatchObject({ logged: false, pending: false });
      expect(await rejectedChanges(store)).toEqual([expect.objectContaining({ id: entry.id, name: 'logEmail', rejection: { code: 'permission_denied', message: 'Not yours.' } })]);
    });
  });
});
