/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { givenLayout } from '../contacts/layout';
import { createFakeService, MANAGER, SALESPERSON } from '../fake-service';
import { seriousAxeViolations } from './axe';
import { campaignRoutes, type CampaignWorld, createCampaignWorld, makeCampaign, writesOf } from './fake-campaign-service';

beforeEach(() => givenLayout());

function service(world: CampaignWorld = createCampaignWorld()) {
  return { world, fake: createFakeService({ routes: campaignRoutes(world) }) };
}

async function openList(options: { as?: string; world?: CampaignWorld } = {}) {
  const { world, fake } = service(options.world);
  const rendered = await renderConsole({ signedInAs: options.as ?? MANAGER.email, path: '/console/campaigns', service: fake });
  await screen.findByRole('heading', { level: 1, name: 'Campaigns' });
  return { ...rendered, world, fake };
}

const status = (text: string) => screen.findByText(text);
const table = () => within(screen.getByRole('main')).getByRole('table', { name: 'Campaigns' });
const field = (label: string, container: HTMLElement) => within(container).getByLabelText(label) as HTMLInputElement;
/** What a screen reader reads after a field's name: its error, when it has one. */
const description = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

/** 130 campaigns: two pages of the list's 100. */
const manyCampaigns = () =>
  createCampaignWorld({
    campaigns: Array.from({ length: 130 }, (_unused, index) =>
      makeCampaign({ no: `CP${String(index + 1).padStart(4, '0')}`, description: `Campaign ${index + 1}`, startingDate: '2025-03-01', salespersonCode: 'AL', statusCode: '5-START' }),
    ),
  });

describe('the campaign list', () => {
  test('shows the campaigns a page at a time, with status, dates, salesperson, Activated and No. of Targets', async () => {
    const { fake } = await openList();
    await status('Campaigns: 2');
    const rows = within(table()).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['CP0001', 'Spring warehouse fair', 'Started', 'Mar 1, 2025', 'Apr 30, 2025', 'AL', 'Yes', '2'],
      ['CP0002', 'Autumn mailing', 'Planned', 'Sep 1, 2025', 'Oct 31, 2025', 'JB', 'No', '2'],
    ]);
    expect(within(table()).getByRole('columnheader', { name: 'No.' }).getAttribute('aria-sort')).toBe('ascending');
    expect(fake.apiRequests().map((request) => request.path)).toContain('/api/v1/campaigns?limit=100');
    expect(fake.malformed).toEqual([]);
  });

  test('loads the next page by its keyset, and a campaign’s link opens its card', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake } = await openList({ world: manyCampaigns() });
    await status('Campaigns shown: 100. More follow as you scroll.');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await status('Campaigns: 130');
    expect(fake.apiRequests().map((request) => request.path)).toEqual(expect.arrayContaining(['/api/v1/campaigns?limit=100', '/api/v1/campaigns?limit=100&after=CP0100']));
    await user.click(within(table()).getByRole('link', { name: 'Campaign 1' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Campaign 1' })).toBeTruthy();
    expect(screen.getByText('Campaign CP0001. Its sales prices and line discounts are activated for its target group.')).toBeTruthy();
    expect(fake.malformed).toEqual([]);
  });

  test('a manager creates a campaign: what was filled in is sent, and its card opens', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world, history } = await openList();
    await user.click(screen.getByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(field('Description', dialog), '  Summer clearance ');
    await user.type(field('Starting Date', dialog), '2025-06-01');
    await user.type(field('Ending Date', dialog), '2025-06-30');
    await waitFor(() => expect(within(field('Status Code', dialog)).getAllByRole('option').map((option) => option.textContent)).toContain('1-PLAN – Planned'));
    await user.selectOptions(field('Status Code', dialog), '1-PLAN');
    expect((within(dialog).getByLabelText('Salesperson Code') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Your own (the default)');
    await user.click(within(dialog).getByRole('button', { name: 'Create campaign' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Summer clearance' })).toBeTruthy();
    expect(history.location.pathname).toBe('/console/campaigns/CP0003');
    expect(writesOf(fake.requests)).toEqual([{ method: 'POST', path: '/campaigns', body: { description: 'Summer clearance', startingDate: '2025-06-01', endingDate: '2025-06-30', statusCode: '1-PLAN' } }]);
    expect(world.campaigns.at(-1)).toEqual({ no: 'CP0003', description: 'Summer clearance', startingDate: '2025-06-01', endingDate: '2025-06-30', salespersonCode: 'AL', statusCode: '1-PLAN' });
    expect(fake.malformed).toEqual([]);
  });

  test('a problem the service finds is shown at its input, and what was typed is kept', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { fake, world } = await openList();
    await user.click(screen.getByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(field('Description', dialog), 'Backwards');
    await user.type(field('Starting Date', dialog), '2025-06-30');
    await user.type(field('Ending Date', dialog), '2025-06-01');
    await user.click(within(dialog).getByRole('button', { name: 'Create campaign' }));
    await within(dialog).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.');
    expect(description(field('Ending Date', dialog))).toBe('Must not be before the starting date.');
    expect(field('Ending Date', dialog).getAttribute('aria-invalid')).toBe('true');
    expect([field('Description', dialog).value, field('Starting Date', dialog).value, field('Ending Date', dialog).value]).toEqual(['Backwards', '2025-06-30', '2025-06-01']);
    expect(world.campaigns).toHaveLength(2);
    // A field corrected loses its error; Cancel closes the dialog and creates nothing.
    await user.clear(field('Ending Date', dialog));
    expect(description(field('Ending Date', dialog))).toBe('');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writesOf(fake.requests)).toHaveLength(1);
    expect(fake.malformed).toEqual([]);
  });

  test('a salesperson finds the campaigns in the navigation and reads the list, without New campaign', async () => {
    const { fake } = await openList({ as: SALESPERSON.email });
    await status('Campaigns: 2');
    expect(within(screen.getByRole('navigation', { name: 'Console' })).getByRole('link', { name: 'Campaigns' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New campaign' })).toBeNull();
    expect(screen.getByText('You can open and read every campaign; a sales or marketing manager creates and changes them.')).toBeTruthy();
    expect(fake.malformed).toEqual([]);
  });

  // axe walks every node of the page; on a busy machine jsdom takes its time over that.
  test('the list, and the new-campaign dialog with a field error, have no serious or critical axe violations', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
    const { container } = await openList();
    await status('Campaigns: 2');
    expect(await seriousAxeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(field('Starting Date', dialog), '2025-06-30');
    await user.type(field('Ending Date', dialog), '2025-06-01');
    await user.click(within(dialog).getByRole('button', { name: 'Create campaign' }));
    await within(dialog).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.');
    expect(await seriousAxeViolations(dialog)).toEqual([]);
  }, 120_000);
});
