/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { ADMIN, createFakeService, problem } from '../fake-service';
import { withSetupTables } from './fake-setup-service';

/** A setup page open for an administrator, its list loaded; with the stand-in's setup tables. */
async function openPage(path: string, firstCode: string) {
  const service = createFakeService();
  const setup = withSetupTables(service);
  const rendered = await renderConsole({ signedInAs: ADMIN.email, path: `/console/setup/${path}`, service });
  await screen.findByRole('button', { name: firstCode });
  return { ...rendered, service, setup };
}

const list = (name: string) => screen.getByRole('table', { name });
const rowCodes = (name: string) => within(list(name)).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]?.textContent);
const field = (label: string, container: HTMLElement = document.body) => within(container).getByLabelText(label) as HTMLInputElement;
/** What a screen reader reads after a field's name: its help, and its error when it has one. */
const description = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
const writes = (service: ReturnType<typeof createFakeService>) => service.apiRequests().filter((request) => request.method !== 'GET');
const record = (name: string) => screen.getByRole('region', { name });
/**
 * The open confirmation dialog, by its title. Found by its title's text: jsdom runs no animations,
 * so Fluent's dialog stays marked hidden while it "enters" and has no accessible name there.
 */
async function confirmation(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getByRole('heading', { name: title })).toBeTruthy();
  return dialog;
}

describe('a setup table', () => {
  test('lists its records with their columns, and the filter narrows the list as it is typed', async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openPage('campaign-statuses', 'DONE');
    expect(screen.getByRole('heading', { level: 1, name: 'Campaign Statuses' })).toBeTruthy();
    expect(rowCodes('Campaign Statuses')).toEqual(['DONE', 'PLANNED', 'RUNNING']);
    expect(within(list('Campaign Statuses')).getByText('Planned')).toBeTruthy();
    expect(screen.getByText('Records: 3')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Filter' }), 'run');
    expect(rowCodes('Campaign Statuses')).toEqual(['RUNNING']);
    expect(screen.getByText('Records: 1 of 3')).toBeTruthy();
    expect(service.malformed).toEqual([]);
  });

  test('creates a record: its code and fields are sent whole, and the list and the form show it as saved', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, setup } = await openPage('campaign-statuses', 'DONE');
    await user.click(screen.getByRole('button', { name: 'New campaign status' }));
    const form = record('New campaign status');
    expect((within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(field('Code', form), 'paused');
    await user.type(field('Description', form), '  On hold ');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(writes(service).map((request) => [request.method, request.path, request.body])).toEqual([['PUT', '/api/v1/setup/campaign-statuses/PAUSED', { description: 'On hold' }]]);
    expect(setup.state.campaignStatuses.map((row) => row.code)).toEqual(['DONE', 'PAUSED', 'PLANNED', 'RUNNING']);
    expect(rowCodes('Campaign Statuses')).toEqual(['DONE', 'PAUSED', 'PLANNED', 'RUNNING']);
    // The form is now the saved record's: its code is its heading, its fields what the service keeps.
    const saved = record('PAUSED');
    expect(field('Description', saved).value).toBe('On hold');
    expect(within(saved).queryByLabelText('Code')).toBeNull();
    expect(service.malformed).toEqual([]);
  });

  test("a new record's code must be free and given: the console says so at the code and sends nothing", async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openPage('campaign-statuses', 'DONE');
    await user.click(screen.getByRole('button', { name: 'New campaign status' }));
    const form = record('New campaign status');
    await user.type(field('Description', form), 'Twice');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(description(field('Code', form))).toContain('Enter a value.');
    await user.type(field('Code', form), 'planned');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(description(field('Code', form))).toContain('A record with this code exists already.');
    expect(field('Code', form).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
    expect(writes(service)).toEqual([]);
  });

  test("changes a record; a problem the service reports is shown at its field, what was typed stays, and saving again after correcting works", async () => {
    const user = userEvent.setup({ delay: null });
    const { service, setup } = await openPage('campaign-statuses', 'DONE');
    setup.answerNext(
      (request) => request.method === 'PUT',
      () => problem(400, 'validation_failed', 'The request body is not valid.', { fields: [{ path: 'description', message: 'At most 100 characters.' }] }),
    );
    await user.click(screen.getByRole('button', { name: 'PLANNED' }));
    const form = record('PLANNED');
    expect(field('Description', form).value).toBe('Planned');
    await user.clear(field('Description', form));
    await user.type(field('Description', form), 'Planned for spring');
    expect(within(form).getByText('Unsaved changes')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
    expect(description(field('Description', form))).toContain('At most 100 characters.');
    expect(field('Description', form).getAttribute('aria-invalid')).toBe('true');
    expect(field('Description', form).value).toBe('Planned for spring');
    expect(setup.state.campaignStatuses.find((row) => row.code === 'PLANNED')?.description).toBe('Planned');

    // Typing clears the field's error; the next save goes through.
    await user.type(field('Description', form), '!');
    expect(field('Description', form).getAttribute('aria-invalid')).not.toBe('true');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Saved.')).toBeTruthy();
    expect(setup.state.campaignStatuses.find((row) => row.code === 'PLANNED')?.description).toBe('Planned for spring!');
    expect(within(list('Campaign Statuses')).getByText('Planned for spring!')).toBeTruthy();
    expect(writes(service).map((request) => request.body)).toEqual([{ description: 'Planned for spring' }, { description: 'Planned for spring!' }]);
  });

  test('Discard puts the saved record back', async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openPage('campaign-statuses', 'DONE');
    await user.click(screen.getByRole('button', { name: 'DONE' }));
    const form = record('DONE');
    await user.type(field('Description', form), ' and dusted');
    await user.click(within(form).getByRole('button', { name: 'Discard changes' }));
    expect(field('Description', form).value).toBe('Done');
    expect((within(form).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(writes(service)).toEqual([]);
  });

  test("a failure without field problems is said in the form, in the user's words", async () => {
    const user = userEvent.setup({ delay: null });
    const { setup } = await openPage('campaign-statuses', 'DONE');
    setup.answerNext(
      (request) => request.method === 'PUT',
      () => problem(503, 'unavailable', 'Down for maintenance.'),
    );
    await user.click(screen.getByRole('button', { name: 'DONE' }));
    await user.type(field('Description', record('DONE')), '!');
    await user.click(within(record('DONE')).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Nothing was saved. What you typed is kept. The service ran into a problem. Try again in a moment.')).toBeTruthy();
    expect(field('Description', record('DONE')).value).toBe('Done!');
  });
});

describe("a table inside a record: an interaction template's languages", () => {
  test('are listed under the template, and one is added with a language picked from the languages', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, setup } = await openPage('interaction-templates', 'BUS');
    await user.click(screen.getByRole('button', { name: 'BUS' }));
    const languages = await screen.findByRole('table', { name: 'Languages' });
    await waitFor(() => expect(within(languages).getAllByRole('row')).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Add language' }));
    const form = record('Add language');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Language' }), 'DEU – German');
    await user.type(field('Description', form), 'Geschäftsbrief');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(writes(service).map((request) => [request.method, request.path, request.body])).toEqual([['PUT', '/api/v1/setup/interaction-templates/BUS/languages/DEU', { description: 'Geschäftsbrief' }]]);
    expect(setup.state.templateLanguages['BUS']?.map((row) => row.languageCode)).toEqual(['DEU', 'ENU', 'SVE']);
  });

  test('one is deleted after the user confirms, and the list no longer has it', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, setup } = await openPage('interaction-templates', 'BUS');
    await user.click(screen.getByRole('button', { name: 'BUS' }));
    await user.click(await screen.findByRole('button', { name: 'SVE' }));
    await user.click(within(record('SVE')).getByRole('button', { name: 'Delete' }));
    const dialog = await confirmation('Delete SVE?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('SVE is deleted.')).toBeTruthy();
    expect(writes(service).map((request) => [request.method, request.path])).toEqual([['DELETE', '/api/v1/setup/interaction-templates/BUS/languages/SVE']]);
    expect(setup.state.templateLanguages['BUS']?.map((row) => row.languageCode)).toEqual(['ENU']);
    expect(within(screen.getByRole('table', { name: 'Languages' })).queryByRole('button', { name: 'SVE' })).toBeNull();
    expect(service.malformed).toEqual([]);
  });

  test('deleting the default language is refused by the service, and the form says why', async () => {
    const user = userEvent.setup({ delay: null });
    const { setup } = await openPage('interaction-templates', 'BUS');
    await user.click(screen.getByRole('button', { name: 'BUS' }));
    await user.click(await screen.findByRole('button', { name: 'ENU' }));
    await user.click(within(record('ENU')).getByRole('button', { name: 'Delete' }));
    await user.click(within(await confirmation('Delete ENU?')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Nothing was deleted. The service refused it: ENU is the default language of template BUS.')).toBeTruthy();
    expect(setup.state.templateLanguages['BUS']?.map((row) => row.languageCode)).toEqual(['ENU', 'SVE']);
  });

  test("the template's own fields pick their group and language from the service's lists", async () => {
    const user = userEvent.setup({ delay: null });
    const { service, setup } = await openPage('interaction-templates', 'BUS');
    await user.click(screen.getByRole('button', { name: 'BUS' }));
    const form = record('BUS');
    const group = within(form).getByRole('combobox', { name: 'Interaction Group' }) as HTMLSelectElement;
    await waitFor(() => expect([...group.options].map((option) => option.textContent)).toEqual(['LETTER – Letters', 'PHONE – Telephone conversations']));
    await user.selectOptions(group, 'PHONE – Telephone conversations');
    await user.clear(field('Unit Cost (LCY)', form));
    await user.type(field('Unit Cost (LCY)', form), '12,5');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Saved.')).toBeTruthy();
    expect(writes(service)[0]?.body).toEqual({
      interactionGroupCode: 'PHONE',
      description: 'Business letter',
      unitCost: 12.5,
      unitDurationMin: 30,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      correspondenceType: 'hardCopy',
      ignoreContactCorresType: false,
      languageCode: 'ENU',
      campaignNo: '',
      campaignTarget: false,
      campaignResponse: false,
    });
    expect(setup.state.templates[0]?.interactionGroupCode).toBe('PHONE');
    expect(service.malformed).toEqual([]);
  });
});
