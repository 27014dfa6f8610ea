/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { createFakeService, MANAGER, problem, SALESPERSON } from '../fake-service';
import { seriousAxeViolations } from './axe';
import { campaignRoutes, type CampaignWorld, createCampaignWorld, writesOf } from './fake-campaign-service';

// A card is seven sections, each loaded on its own and drawn with Fluent's styles: more than jsdom
// renders quickly on a busy machine.
jest.setTimeout(60_000);

function service(world: CampaignWorld = createCampaignWorld()) {
  return { world, fake: createFakeService({ routes: campaignRoutes(world) }) };
}

/** A campaign's card, open and loaded (its header and the sections that load on their own). */
async function openCard(no: string, options: { as?: string; world?: CampaignWorld } = {}) {
  const { world, fake } = service(options.world);
  const rendered = await renderConsole({ signedInAs: options.as ?? MANAGER.email, path: `/console/campaigns/${no}`, service: fake });
  const campaign = world.campaigns.find((candidate) => candidate.no === no);
  await screen.findByRole('heading', { level: 1, name: campaign?.description ?? no });
  await within(section('Statistics')).findAllByRole('table');
  await waitFor(() => expect(within(section('Statistics')).getAllByRole('table')).toHaveLength(2));
  return { ...rendered, world, fake };
}

const section = (name: string) => screen.getByRole('region', { name });
const input = (label: string, container: HTMLElement = document.body) => within(container).getByLabelText(label) as HTMLInputElement;
/** The option a select shows. */
const chosen = (label: string, container: HTMLElement) => (within(container).getByLabelText(label) as HTMLSelectElement).selectedOptions[0]?.textContent;
/** What a screen reader reads after a field's name: its hint, and its error when it has one. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
/** A table's body rows as the text of their cells (row headers included). */
const rowsOf = (table: HTMLElement) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
/** The open dialog, by its title: jsdom runs no animations, so Fluent's dialog keeps no accessible name while it "enters". */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByRole('heading', { name: title })).toBeTruthy();
  return dialog;
}

describe('a campaign’s card', () => {
  test('shows the header, the lines with the campaign’s dates, the group in force, segments, entries, statistics and open tasks', async () => {
    const { fake } = await openCard('CP0001');
    expect(screen.getByText('Campaign CP0001. Its sales prices and line discounts are activated for its target group.')).toBeTruthy();
    const general = section('General');
    expect(input('No.', general).value).toBe('CP0001');
    expect(input('Description', general).value).toBe('Spring warehouse fair');
    expect(input('Starting Date', general).value).toBe('2025-03-01');
    await waitFor(() => expect(chosen('Status Code', general)).toBe('5-START – Started'));

    const prices = section('Sales prices and line discounts');
    expect(within(prices).getByText('Every line runs from the campaign’s Starting Date to its Ending Date (Mar 1, 2025 to Apr 30, 2025). The dates are the campaign’s: change them under General.')).toBeTruthy();
    await waitFor(() => expect(chosen('Item No., line 1', prices)).toBe('1000 – Pallet racking, 3 m bay'));
    expect(input('Unit Price, line 1', prices).value).toBe('379');
    expect(within(prices).queryByLabelText('Line Discount %, line 1')).toBeNull();
    expect(input('Line Discount %, line 2', prices).value).toBe('8');
    expect(input('Minimum Quantity, line 2', prices).value).toBe('20');
    expect(within(prices).getAllByText('Mar 1, 2025')).toHaveLength(2);

    const group = section('Campaign target group');
    await within(group).findByText('Target group in force: 2');
    expect(rowsOf(within(group).getByRole('table', { name: 'Target group in force' }))).toEqual([
      ['Contact', 'CT0200', 'Ekvator Lager AB'],
      ['Customer', 'C00010', 'Fjordkraft Handel AS'],
    ]);
    expect(within(group).getByRole('link', { name: 'CT0200' }).getAttribute('href')).toBe('/console/contacts/CT0200');

    expect(rowsOf(await within(section('Segments')).findByRole('table', { name: 'Segments' }))).toEqual([['SM00001', 'Fair invitations', 'Yes', '12', 'AL']]);
    const entries = await within(section('Campaign entries')).findByRole('table', { name: 'Campaign entries' });
    expect(rowsOf(entries).map((row) => row.slice(0, 8))).toEqual([
      ['3', 'Mar 3, 2025', 'Fair invitations', 'SM00001', 'AL', '', '12', 'No'],
      ['7', 'Mar 10, 2025', 'Interactions', '', 'AL', '', '2', 'Yes'],
    ]);
    expect(rowsOf(await within(section('Tasks')).findByRole('table', { name: 'Tasks' }))).toEqual([['Mar 12, 2025', 'Book the fair stand', 'Meeting', 'Not started', 'Normal', 'AL']]);
    expect(fake.apiRequests().map((request) => request.path)).toEqual(expect.arrayContaining(['/api/v1/campaigns/CP0001/segments?limit=50', '/api/v1/tasks?campaignNo=CP0001&limit=500']));
    // The preview is the manager's question before Activate, not part of the card.
    expect(fake.apiRequests().some((request) => request.path.includes('/preview'))).toBe(false);
    expect(fake.malformed).toEqual([]);
  });

  test('the statistics are numbers in a table, Business Central’s figures, and the funnel’s steps with their share of the targets', async () => {
    await openCard('CP0001');
    const statistics = section('Statistics');
    expect(rowsOf(within(statistics).getByRole('table', { name: 'Campaign statistics' })).map(([label, value]) => [label, value])).toEqual([
      ['Target Contacts Contacted', '200'],
      ['Contacts Responded', '30'],
      ['Response Rate (%)', '15%'],
      ['Cost (LCY)', '€1,600.00'],
      ['Duration (Min.)', '900 min'],
      ['Avg. Cost per Response (LCY)', '€53.33'],
      ['Avg. Duration per Response (Min.)', '30 min'],
      ['No. of Opportunities', '4'],
      ['Estimated Value (LCY)', '€48,000.00'],
      ['Calcd. Current Value (LCY)', '€12,000.00'],
    ]);
    const funnel = within(statistics).getByRole('table', { name: 'From targets to won' });
    expect(within(funnel).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Step', 'Number', 'Of the targets', 'Compared with the largest step']);
    expect(rowsOf(funnel).map((row) => row.slice(0, 3))).toEqual([
      ['Targeted contacts', '40', '100%'],
      ['Contacted', '32', '80%'],
      ['Responded', '12', '30%'],
      ['Opportunities', '4', '10%'],
      ['Won', '1', '2.5%'],
    ]);
    // The bars are drawn to scale for the eye and hidden from screen readers, which have the numbers.
    const bars = [...funnel.querySelectorAll('[aria-hidden="true"] > div')].map((bar) => (bar as HTMLElement).style.width);
    expect(bars).toEqual(['100%', '80%', '30%', '10%', '2.5%']);
  });

  test('saving the header sends only the fields changed; a problem the service finds is shown at its input and what was typed stays', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world } = await openCard('CP0001');
    const general = section('General');
    expect((within(general).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(input('Description', general));
    await user.type(input('Description', general), 'Spring fair 2025');
    expect(within(general).getByText('Unsaved changes')).toBeTruthy();
    await user.click(within(general).getByRole('button', { name: 'Save' }));
    await within(general).findByText('The campaign is saved.');
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring fair 2025' })).toBeTruthy();
    expect(writesOf(fake.requests)).toEqual([{ method: 'PATCH', path: '/campaigns/CP0001', body: { description: 'Spring fair 2025' } }]);

    // An Ending Date before the Starting Date: only that field is sent, and the service refuses it at the field.
    await user.clear(input('Ending Date', general));
    await user.type(input('Ending Date', general), '2025-02-01');
    await user.click(within(general).getByRole('button', { name: 'Save' }));
    await within(general).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.');
    expect(writesOf(fake.requests).at(-1)).toEqual({ method: 'PATCH', path: '/campaigns/CP0001', body: { endingDate: '2025-02-01' } });
    expect(description(input('Ending Date', general))).toBe('Must not be before the starting date.');
    expect(input('Ending Date', general).getAttribute('aria-invalid')).toBe('true');
    expect(input('Ending Date', general).value).toBe('2025-02-01');
    expect(input('Description', general).value).toBe('Spring fair 2025');
    expect(world.campaigns[0]?.endingDate).toBe('2025-04-30');

    // Discard puts the saved values back.
    await user.click(within(general).getByRole('button', { name: 'Discard changes' }));
    expect(input('Ending Date', general).value).toBe('2025-04-30');
    expect(description(input('Ending Date', general))).toBe('');
    expect(fake.malformed).toEqual([]);
  });

  test('a refusal for the user’s level shows the service’s own detail', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake } = await openCard('CP0001');
    // The manager's role was taken away while the card stood open.
    fake.override((request) =>
      request.method === 'PATCH' ? problem(403, 'forbidden', 'This needs the Rapport.Manager or Rapport.Admin role.', { details: { requiredRole: 'Rapport.Manager' } }) : undefined,
    );
    const general = section('General');
    await user.type(input('Description', general), '!');
    await user.click(within(general).getByRole('button', { name: 'Save' }));
    expect(
      await within(general).findByText(
        'Nothing was saved. What you typed is kept. The service refused: your account does not have the Rapport.Manager role. (This needs the Rapport.Manager or Rapport.Admin role.)',
      ),
    ).toBeTruthy();
    expect(input('Description', general).value).toBe('Spring warehouse fair!');
  });

  test('price lines are saved whole with PUT, without dates; a line the service refuses shows the problem at that line’s input', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world } = await openCard('CP0001');
    const prices = section('Sales prices and line discounts');
    await waitFor(() => expect(within(input('Item No., line 1', prices)).getAllByRole('option')).toHaveLength(4));

    await user.clear(input('Line Discount %, line 2', prices));
    await user.type(input('Line Discount %, line 2', prices), '120');
    await user.click(within(prices).getByRole('button', { name: 'Add line' }));
    await user.selectOptions(input('Type, line 3', prices), 'discount');
    await user.selectOptions(input('Item No., line 3', prices), '1200');
    await user.clear(input('Line Discount %, line 3', prices));
    await user.type(input('Line Discount %, line 3', prices), '12,5');
    await user.click(within(prices).getByRole('button', { name: 'Save lines' }));
    await within(prices).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.');
    expect(description(input('Line Discount %, line 2', prices))).toBe('Line Discount % must be above 0 and at most 100.');
    expect(input('Line Discount %, line 2', prices).value).toBe('120');
    expect(input('Line Discount %, line 3', prices).value).toBe('12,5');
    expect(world.priceLines['CP0001']).toHaveLength(2);

    await user.clear(input('Line Discount %, line 2', prices));
    await user.type(input('Line Discount %, line 2', prices), '10');
    expect(description(input('Line Discount %, line 2', prices))).toBe('');
    await user.click(within(prices).getByRole('button', { name: 'Save lines' }));
    await within(prices).findByText('The sales prices and line discounts are saved.');
    const puts = writesOf(fake.requests).filter((write) => write.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1]).toEqual({
      method: 'PUT',
      path: '/campaigns/CP0001/price-lines',
      body: {
        lines: [
          { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 379, lineDiscountPct: 0 },
          { lineNo: 2, kind: 'discount', itemNo: '1100', minimumQuantity: 20, unitPrice: 0, lineDiscountPct: 10 },
          { lineNo: 3, kind: 'discount', itemNo: '1200', minimumQuantity: 0, unitPrice: 0, lineDiscountPct: 12.5 },
        ],
      },
    });
    expect(world.priceLines['CP0001']?.map((line) => [line.itemNo, line.lineDiscountPct])).toEqual([
      ['1000', 0],
      ['1100', 10],
      ['1200', 12.5],
    ]);
    expect(within(prices).queryByText('Unsaved changes')).toBeNull();
    expect(fake.malformed).toEqual([]);
  });

  test('what cannot be sent is marked at the line before anything goes to the service, and a removed line is not sent', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake } = await openCard('CP0001');
    const prices = section('Sales prices and line discounts');
    await user.click(within(prices).getByRole('button', { name: 'Add line' }));
    await user.clear(input('Unit Price, line 3', prices));
    await user.type(input('Unit Price, line 3', prices), 'cheap');
    await user.click(within(prices).getByRole('button', { name: 'Save lines' }));
    expect(description(input('Item No., line 3', prices))).toBe('Choose an item.');
    expect(description(input('Unit Price, line 3', prices))).toBe('Enter a number.');
    expect(writesOf(fake.requests)).toEqual([]);

    await user.click(within(prices).getByRole('button', { name: 'Remove line 3' }));
    await user.click(within(prices).getByRole('button', { name: 'Remove line 1' }));
    await user.click(within(prices).getByRole('button', { name: 'Save lines' }));
    await within(prices).findByText('The sales prices and line discounts are saved.');
    expect(writesOf(fake.requests)).toEqual([
      { method: 'PUT', path: '/campaigns/CP0001/price-lines', body: { lines: [{ lineNo: 2, kind: 'discount', itemNo: '1100', minimumQuantity: 20, unitPrice: 0, lineDiscountPct: 8 }] } },
    ]);
  });

  test('Activate first shows the group it would make and its warnings, changing nothing; confirmed, the card shows the group in force', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world } = await openCard('CP0002');
    const group = section('Campaign target group');
    expect(within(group).getByText('Not activated: the campaign’s sales prices and line discounts apply to no one yet.')).toBeTruthy();
    await within(group).findByText('No target group: the campaign is not activated.');
    expect(within(group).queryByRole('button', { name: 'Deactivate Sales Prices/Line Discounts' })).toBeNull();

    await user.click(within(group).getByRole('button', { name: 'Activate Sales Prices/Line Discounts' }));
    const dialog = await dialogTitled('Activate the sales prices and line discounts of campaign CP0002?');
    const preview = await within(dialog).findByRole('table', { name: 'Target group Activate would make' });
    expect(rowsOf(preview)).toEqual([
      ['Contact', 'CT0300', 'Nordlys Bygg Oy'],
      ['Customer', 'C00010', 'Fjordkraft Handel AS'],
    ]);
    expect(within(dialog).getByText('Campaign CP0002 has no sales prices or line discounts.')).toBeTruthy();
    expect(fake.apiRequests().some((request) => request.path === '/api/v1/campaigns/CP0002/target-group/preview')).toBe(true);
    expect(writesOf(fake.requests)).toEqual([]);
    expect(world.targetGroups['CP0002']).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: 'Activate Sales Prices/Line Discounts' }));
    await within(group).findByText('Activated: the sales prices and line discounts apply to the target group.');
    expect(writesOf(fake.requests)).toEqual([{ method: 'POST', path: '/campaigns/CP0002/activate', body: undefined }]);
    await within(group).findByText('Target group in force: 2');
    expect(rowsOf(within(group).getByRole('table', { name: 'Target group in force' }))).toEqual([
      ['Contact', 'CT0300', 'Nordlys Bygg Oy'],
      ['Customer', 'C00010', 'Fjordkraft Handel AS'],
    ]);
    expect(await screen.findByText('Campaign CP0002. Its sales prices and line discounts are activated for its target group.')).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Deactivate Sales Prices/Line Discounts' })).toBeTruthy();
    expect(fake.malformed).toEqual([]);
  });

  test('with no one to target, the preview says so and Activate cannot be confirmed; Cancel changes nothing', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const world = createCampaignWorld();
    world.targets = {};
    const { fake } = await openCard('CP0002', { world });
    await user.click(within(section('Campaign target group')).getByRole('button', { name: 'Activate Sales Prices/Line Discounts' }));
    const dialog = await dialogTitled('Activate the sales prices and line discounts of campaign CP0002?');
    await within(dialog).findByText('There is no one to target: set Campaign Target on the lines of the campaign’s segments, or log interactions with Campaign Target, first.');
    expect((within(dialog).getByRole('button', { name: 'Activate Sales Prices/Line Discounts' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writesOf(fake.requests)).toEqual([]);
  });

  test('Deactivate asks first, then empties the target group', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world } = await openCard('CP0001');
    const group = section('Campaign target group');
    await within(group).findByText('Target group in force: 2');
    await user.click(within(group).getByRole('button', { name: 'Deactivate Sales Prices/Line Discounts' }));
    const dialog = await dialogTitled('Deactivate the sales prices and line discounts of campaign CP0001?');
    expect(writesOf(fake.requests)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate Sales Prices/Line Discounts' }));
    await within(group).findByText('Deactivated: the target group is empty, and the prices apply to no one.');
    await within(group).findByText('No target group: the campaign is not activated.');
    expect(writesOf(fake.requests)).toEqual([{ method: 'POST', path: '/campaigns/CP0001/deactivate', body: undefined }]);
    expect(world.targetGroups['CP0001']).toBeUndefined();
    expect(await screen.findByText('Campaign CP0001. Its sales prices and line discounts are not activated.')).toBeTruthy();
  });

  test('an entry is marked canceled and restored; only a canceled one can be deleted, after a question', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world } = await openCard('CP0001');
    const entries = section('Campaign entries');
    await within(entries).findByRole('table', { name: 'Campaign entries' });
    expect(within(entries).queryByRole('button', { name: 'Delete entry 3' })).toBeNull();

    await user.click(within(entries).getByRole('button', { name: 'Mark canceled: entry 3' }));
    await within(entries).findByText('Entry 3 and its interactions are marked canceled.');
    await within(entries).findByRole('button', { name: 'Restore entry 3' });
    await user.click(within(entries).getByRole('button', { name: 'Restore entry 7' }));
    await within(entries).findByText('Entry 7 and its interactions are restored.');
    await within(entries).findByRole('button', { name: 'Mark canceled: entry 7' });

    await user.click(within(entries).getByRole('button', { name: 'Delete entry 3' }));
    const dialog = await dialogTitled('Delete campaign entry 3?');
    expect(within(dialog).getByText('The entry and its 12 interactions are deleted for good.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await within(entries).findByText('Entry 3 and its interactions are deleted.');
    await waitFor(() => expect(rowsOf(within(entries).getByRole('table', { name: 'Campaign entries' })).map((row) => row[0])).toEqual(['7']));
    expect(writesOf(fake.requests)).toEqual([
      { method: 'PUT', path: '/campaign-entries/3/canceled', body: { canceled: true } },
      { method: 'PUT', path: '/campaign-entries/7/canceled', body: { canceled: false } },
      { method: 'DELETE', path: '/campaign-entries/3', body: undefined },
    ]);
    expect(world.entries.map((entry) => [entry.entryNo, entry.canceled])).toEqual([[7, false]]);
    expect(fake.malformed).toEqual([]);
  });

  test('assigning an activity creates a task per step for the campaign, listed at once; a step’s date counts from the start date', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake } = await openCard('CP0001');
    const tasks = section('Tasks');
    const assign = within(tasks).getByRole('form', { name: 'Assign activity' });
    await user.click(within(assign).getByRole('button', { name: 'Assign activity' }));
    expect(description(input('Activity Code', assign))).toBe('Choose the activity to assign.');
    expect(writesOf(fake.requests)).toEqual([]);

    await waitFor(() => expect(within(input('Activity Code', assign)).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(input('Activity Code', assign), 'QUALIFY');
    await user.type(input('Start date', assign), '2025-03-10');
    await user.click(within(assign).getByRole('button', { name: 'Assign activity' }));
    await within(assign).findByText('Activity QUALIFY is assigned: tasks created: 2.');
    expect(writesOf(fake.requests)).toEqual([{ method: 'POST', path: '/campaigns/CP0001/assign-activity', body: { activityCode: 'QUALIFY', startDate: '2025-03-10' } }]);
    await waitFor(() =>
      expect(rowsOf(within(tasks).getByRole('table', { name: 'Tasks' }))).toEqual([
        ['Mar 10, 2025', 'Introduce ourselves', 'To-do', 'Not started', 'Normal', 'AL'],
        ['Mar 12, 2025', 'Book the fair stand', 'Meeting', 'Not started', 'Normal', 'AL'],
        ['Mar 17, 2025', 'Follow-up call', 'Phone call', 'Not started', 'High', 'AL'],
      ]),
    );
    expect(fake.malformed).toEqual([]);
  });

  test('deleting a campaign asks first; one with entries is kept with the service’s reason, one without goes and the list opens', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world, history } = await openCard('CP0001');
    await user.click(within(section('General')).getByRole('button', { name: 'Delete campaign' }));
    let dialog = await dialogTitled('Delete campaign CP0001?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete campaign' }));
    expect(
      await within(section('General')).findByText(
        'The campaign was not deleted. The service refused it: Campaign CP0001 has 2 campaign entries; cancel and delete them before the campaign, so no interaction history is lost by accident.',
      ),
    ).toBeTruthy();
    expect(world.campaigns).toHaveLength(2);

    world.entries = [];
    await user.click(within(section('General')).getByRole('button', { name: 'Delete campaign' }));
    dialog = await dialogTitled('Delete campaign CP0001?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete campaign' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Campaigns' })).toBeTruthy();
    expect(history.location.pathname).toBe('/console/campaigns');
    expect(world.campaigns.map((campaign) => campaign.no)).toEqual(['CP0002']);
    expect(writesOf(fake.requests)).toEqual([
      { method: 'DELETE', path: '/campaigns/CP0001', body: undefined },
      { method: 'DELETE', path: '/campaigns/CP0001', body: undefined },
    ]);
    // The deleted campaign is not asked for again.
    await screen.findByText('Campaigns: 1');
    expect(fake.apiRequests().filter((request) => request.method === 'GET' && request.path === '/api/v1/campaigns/CP0001')).toHaveLength(1);
  });

  test('a salesperson reads the card with no write action, and the preview is never asked for', async () => {
    const { fake } = await openCard('CP0001', { as: SALESPERSON.email });
    expect(screen.getByText('You can read this campaign; a sales or marketing manager changes it.')).toBeTruthy();
    const general = section('General');
    expect(within(general).getByText('Spring warehouse fair')).toBeTruthy();
    expect(within(general).getByText('5-START – Started')).toBeTruthy();
    expect(within(general).queryByRole('textbox')).toBeNull();
    expect(rowsOf(await within(section('Sales prices and line discounts')).findByRole('table', { name: 'Sales prices and line discounts' }))).toEqual([
      ['Price', '1000 – Pallet racking, 3 m bay', '0', '€379.00', '', 'Mar 1, 2025', 'Apr 30, 2025'],
      ['Line discount', '1100 – Shelf unit, galvanised', '20', '', '8%', 'Mar 1, 2025', 'Apr 30, 2025'],
    ]);
    await within(section('Campaign target group')).findByText('Target group in force: 2');
    await within(section('Campaign entries')).findByRole('table', { name: 'Campaign entries' });
    // The only buttons are the shell's (the account menu); the card offers nothing to press.
    const main = screen.getByRole('main');
    expect(within(main).queryAllByRole('button').map((button) => button.getAttribute('aria-label') ?? button.textContent)).toEqual([]);
    expect(within(main).queryAllByRole('combobox')).toEqual([]);
    expect(screen.queryByRole('form', { name: 'Assign activity' })).toBeNull();
    expect(fake.apiRequests().some((request) => request.path.includes('/preview'))).toBe(false);
    expect(writesOf(fake.requests)).toEqual([]);
    expect(fake.malformed).toEqual([]);
  });

  test('an unknown campaign says it is not there, with a way back to the list', async () => {
    const { fake } = service();
    await renderConsole({ signedInAs: MANAGER.email, path: '/console/campaigns/CP9999', service: fake });
    expect(await screen.findByText('The campaign could not be loaded.')).toBeTruthy();
    expect(screen.getByText('It is not there any more.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the campaign list' })).toBeTruthy();
  });

  // axe walks every node of the card; on a busy machine jsdom takes its time over that.
  const AXE_TIMEOUT = 120_000;

  test(
    'the card has no serious or critical axe violations as a manager, with an error shown',
    async () => {
      const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
      const { container } = await openCard('CP0001');
      await within(section('Campaign target group')).findByText('Target group in force: 2');
      await within(section('Campaign entries')).findByRole('table', { name: 'Campaign entries' });
      const prices = section('Sales prices and line discounts');
      await user.click(within(prices).getByRole('button', { name: 'Add line' }));
      await user.click(within(prices).getByRole('button', { name: 'Save lines' }));
      await within(prices).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.');
      expect(await seriousAxeViolations(container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );

  test(
    'the Activate dialog with its preview has no serious or critical axe violations',
    async () => {
      const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
      await openCard('CP0002');
      await user.click(within(section('Campaign target group')).getByRole('button', { name: 'Activate Sales Prices/Line Discounts' }));
      const dialog = await dialogTitled('Activate the sales prices and line discounts of campaign CP0002?');
      await within(dialog).findByRole('table', { name: 'Target group Activate would make' });
      await within(dialog).findByText('Campaign CP0002 has no sales prices or line discounts.');
      expect(await seriousAxeViolations(dialog)).toEqual([]);
    },
    AXE_TIMEOUT,
  );

  test(
    'the card has no serious or critical axe violations as a salesperson',
    async () => {
      const { container } = await openCard('CP0001', { as: SALESPERSON.email });
      await within(section('Campaign entries')).findByRole('table', { name: 'Campaign entries' });
      await within(section('Sales prices and line discounts')).findByRole('table', { name: 'Sales prices and line discounts' });
      expect(await seriousAxeViolations(container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );
});
