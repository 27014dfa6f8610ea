/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import type { SyncSalesCycle } from '../../../src/contract/sync';
import { campaign, campaignTarget, company, interaction, opportunity, person, put, task } from '../cache/fixtures';

/**
 * The choices of a native select, read from the element: jsdom sometimes reports a select's
 * options as hidden from the accessibility tree, which made role queries flaky.
 */
const optionsOf = (select: HTMLElement): (string | null)[] => Array.from((select as HTMLSelectElement).options, (option) => option.textContent);
import { applyPage, renderPane } from './pane-harness';

const newStore = () => createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });

const stage = (no: number, description: string, allowSkip = false) => ({ stage: no, description, completedPct: no * 20, chancesOfSuccessPct: 50, activityCode: '', quoteRequired: false, allowSkip, dateFormula: '' });
const NEW_CYCLE: SyncSalesCycle = {
  code: 'NEW',
  description: 'New customers',
  probabilityCalculation: 'multiply',
  blocked: false,
  stages: [stage(1, 'Initial'), stage(2, 'Presentation', true), stage(3, 'Proposal', true), stage(4, 'Negotiation')],
};

async function storeWithCard() {
  const store = newStore();
  await applyPage(store, [
    put('salesCycle', NEW_CYCLE),
    put('closeOpportunityCode', { code: 'PRICE', type: 'lost', description: 'Price too high' }),
    put('closeOpportunityCode', { code: 'BESTOFFER', type: 'won', description: 'Best offer' }),
    put('contact', company('CT100', { name: 'Fabrikam AB', customerNo: 'C100' })),
    put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example', companyNo: 'CT100', companyName: 'Fabrikam AB' })),
    put('opportunity', opportunity('OP1', { description: 'Spring order', contactNo: 'CT101', contactCompanyNo: 'CT100', currentStage: 2, currentStageDescription: 'Presentation', estimatedValueLcy: 12000, calcdCurrentValueLcy: 4800, probabilityPct: 40, allowedActions: ['next', 'update', 'previous', 'close'] })),
    put('opportunity', opportunity('OP2', { description: 'Old deal', contactNo: 'CT101', closed: true, status: 'won', allowedActions: [] })),
  ]);
  return store;
}

// The opportunity's list item; the log's opportunity picker names it too, as an option.
const opportunityCard = async (description: string) => (await screen.findByText(description, { ignore: 'option, script, style' })).closest('li') as HTMLElement;

describe('opportunities', () => {
  test('open ones show stage, values in the local currency, probability, and exactly the allowed actions', async () => {
    await renderPane({ store: await storeWithCard() });
    const card = await opportunityCard('Spring order');
    expect(within(card).getByText('Stage 2: Presentation')).toBeTruthy();
    expect(within(card).getByText('€12,000.00')).toBeTruthy();
    expect(within(card).getByText('€4,800.00')).toBeTruthy();
    expect(within(card).getByText('40%')).toBeTruthy();
    const actions = within(card).getByRole('group', { name: 'Actions for Spring order' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual(['Next stage', 'Update', 'Previous stage', 'Close']);
    expect(screen.queryByText('Old deal')).toBeNull();
  });

  test('Next stage queues updateOpportunity with the estimated value prefilled', async () => {
    const store = await storeWithCard();
    const user = userEvent.setup();
    const pane = await renderPane({ store });
    await user.click(within(await opportunityCard('Spring order')).getByRole('button', { name: 'Next stage' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/^Estimated value/) as HTMLInputElement).value).toBe('12000');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await store.outbox()).map((entry) => [entry.name, entry.args])).toEqual([
        ['updateOpportunity', { no: 'OP1', update: { action: 'next', estimatedValueLcy: 12000, chancesOfSuccessPct: 50, estimatedCloseDate: null } }],
      ]),
    );
    expect(pane.engine.notifyWrite).toHaveBeenCalled();
    // Waiting for the service, it offers no further step.
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Actions for Spring order' })).toBeNull());
  });

  test('Skip offers the stages the sales cycle lets it land on', async () => {
    const store = newStore();
    await applyPage(store, [
      put('salesCycle', NEW_CYCLE),
      put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example' })),
      put('opportunity', opportunity('OP1', { description: 'Spring order', contactNo: 'CT101', currentStage: 1, allowedActions: ['next', 'skip'] })),
    ]);
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(within(await opportunityCard('Spring order')).getByRole('button', { name: 'Skip' }));
    const dialog = await screen.findByRole('dialog');
    const toStage = await within(dialog).findByLabelText('To stage');
    expect(optionsOf(toStage)).toEqual(['Stage 2: Presentation', 'Stage 3: Proposal', 'Stage 4: Negotiation']);
    await user.selectOptions(toStage, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await store.outbox())[0]?.args).toMatchObject({ update: { action: 'skip', toStage: 3 } }));
  });

  test('closing needs a close code of the chosen result', async () => {
    const store = await storeWithCard();
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(within(await opportunityCard('Spring order')).getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Close opportunity' }));
    expect(await within(dialog).findByText('Choose a close code.')).toBeTruthy();
    expect(await store.outbox()).toHaveLength(0);

    const code = within(dialog).getByLabelText(/^Close code/);
    expect(optionsOf(code)).toEqual(['Choose a close code', 'Best offer']);
    await user.click(within(dialog).getByLabelText('Lost'));
    await waitFor(() => expect(optionsOf(code)).toEqual(['Choose a close code', 'Price too high']));
    await user.selectOptions(code, 'PRICE');
    await user.click(within(dialog).getByRole('button', { name: 'Close opportunity' }));
    await waitFor(async () =>
      expect((await store.outbox()).map((entry) => [entry.name, entry.args])).toEqual([['closeOpportunity', { no: 'OP1', close: { actionTaken: 'lost', closeOpportunityCode: 'PRICE', calcdCurrentValueLcy: 4800 } }]]),
    );
  });

  test('a new opportunity is created for the contact, in the default sales cycle, and shows pending', async () => {
    const store = await storeWithCard();
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(await screen.findByRole('button', { name: 'New opportunity' }));
    await user.type(await screen.findByLabelText(/^Description/), 'Autumn order');
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    await waitFor(async () => expect((await store.outbox())[0]?.args).toMatchObject({ opportunity: { description: 'Autumn order', contactNo: 'CT101' } }));
    expect((await store.outbox())[0]?.args).not.toHaveProperty('opportunity.salesCycleCode');
    expect(await opportunityCard('Autumn order')).toBeTruthy();
  });
});

describe('campaigns, tasks and history', () => {
  test('campaigns: only those active today that target the contact’s company or its customer, with today’s prices', async () => {
    const store = await storeWithCard();
    await applyPage(store, [
      put('campaign', campaign('CP1', { description: 'Spring fair', statusDescription: 'Running', startingDate: '2025-03-01', endingDate: '2025-03-31', priceLines: [
        { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 5, unitPrice: 99.5, lineDiscountPct: 0, startingDate: null, endingDate: null },
        { lineNo: 2, kind: 'discount', itemNo: '2000', minimumQuantity: 0, unitPrice: 0, lineDiscountPct: 10, startingDate: '2025-04-01', endingDate: null },
      ] })),
      put('campaign', campaign('CP2', { description: 'Customer days', startingDate: null, endingDate: null })),
      put('campaign', campaign('CP3', { description: 'Last year', endingDate: '2024-12-31' })),
      put('campaign', campaign('CP4', { description: 'Not activated', activated: false })),
      put('campaign', campaign('CP5', { description: 'Someone else’s' })),
      put('campaignTarget', campaignTarget('CP1', 'contact', 'CT100')),
      put('campaignTarget', campaignTarget('CP2', 'customer', 'C100')),
      put('campaignTarget', campaignTarget('CP3', 'contact', 'CT100')),
      put('campaignTarget', campaignTarget('CP4', 'contact', 'CT100')),
      put('campaignTarget', campaignTarget('CP5', 'contact', 'CT999')),
    ]);
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(await screen.findByRole('tab', { name: 'Campaigns' }));
    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText('Spring fair')).toBeTruthy();
    expect(within(panel).getByText('Customer days')).toBeTruthy();
    expect(within(panel).getByText('Running')).toBeTruthy();
    expect(within(panel).getByText('Mar 1, 2025 – Mar 31, 2025')).toBeTruthy();
    expect(within(panel).getByText('Item 1000: €99.50 from 5')).toBeTruthy();
    // The discount starts in April: not today's.
    expect(within(panel).queryByText(/Item 2000/)).toBeNull();
    for (const gone of ['Last year', 'Not activated', 'Someone else’s']) expect(within(panel).queryByText(gone)).toBeNull();
  });

  test('tasks: open ones listed, a new one created, one closed', async () => {
    const store = await storeWithCard();
    await applyPage(store, [put('task', task('TD1', { description: 'Send price list', contactNo: 'CT101', date: '2025-03-12' })), put('task', task('TD2', { description: 'Done already', contactNo: 'CT101', closed: true }))]);
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(await screen.findByRole('tab', { name: 'Tasks' }));
    expect(await screen.findByText('Send price list')).toBeTruthy();
    expect(screen.getByText('Due Mar 12, 2025')).toBeTruthy();
    expect(screen.queryByText('Done already')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Mark as done: Send price list' }));
    await waitFor(async () => expect((await store.outbox()).map((entry) => [entry.name, entry.args])).toEqual([['closeTask', { no: 'TD1', completedBy: '' }]]));
    await waitFor(() => expect(screen.queryByText('Send price list')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.type(await screen.findByLabelText(/^Description/), 'Call back');
    expect((screen.getByLabelText(/^Due date/) as HTMLInputElement).value).toBe('2025-03-10');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(async () => expect((await store.outbox())[1]?.args).toMatchObject({ task: { description: 'Call back', date: '2025-03-10', contactNo: 'CT101' } }));
    expect(await screen.findByText('Call back')).toBeTruthy();
  });

  test('history: newest first, and an interaction can be canceled', async () => {
    const store = await storeWithCard();
    const older = interaction(1, { contactNo: 'CT101', description: 'First call', date: '2025-02-01', informationFlow: 'outbound' });
    const newer = interaction(2, { contactNo: 'CT101', description: 'Offer mail', date: '2025-03-09', informationFlow: 'inbound' });
    await applyPage(store, [put('interaction', older), put('interaction', newer)]);
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(await screen.findByRole('tab', { name: 'History' }));
    const items = within(await screen.findByRole('tabpanel')).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByText(/First call|Offer mail/).textContent)).toEqual(['Offer mail', 'First call']);
    await user.click(screen.getByRole('button', { name: 'Cancel: First call' }));
    await waitFor(async () => expect((await store.outbox()).map((entry) => entry.args)).toEqual([{ id: older.id, canceled: true }]));
    expect(await screen.findByText('Canceled')).toBeTruthy();
  });
});
