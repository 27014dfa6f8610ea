/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { ADMIN, createFakeService, problem, type FakeService } from '../fake-service';

/** The Marketing Setup page open for an administrator; its form once loaded. */
async function openSetup(service: FakeService = createFakeService()) {
  const console = await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/marketing', service });
  await screen.findByRole('button', { name: 'Save' });
  return console;
}

const group = (name: string) => screen.getByRole('region', { name });
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
/** What a screen reader reads after a field's name: its help text, and its error when it has one. */
const description = (label: string) =>
  (field(label).getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
const patches = (service: FakeService) => service.apiRequests().filter((request) => request.method === 'PATCH');

describe('the page', () => {
  test('shows every field in Business Central’s groups, in their order, each with its help text', async () => {
    await openSetup();
    const headings = within(screen.getByRole('main')).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['General', 'Inheritance', 'Defaults', 'Interactions', 'Synchronization', 'Numbering', 'Duplicates', 'E-mail logging']);
    expect(within(group('Numbering')).getAllByRole('textbox')).toHaveLength(5);
    expect(within(group('Inheritance')).getAllByRole('switch')).toHaveLength(7);
    expect(within(group('Synchronization')).getByLabelText('Bus. Rel. Code for Customers')).toBeTruthy();
    // The help text is the field's description, read out with it.
    expect(description('Contact Nos.')).toBe('The number series new contacts take their numbers from.');
    expect(description('Autosearch for Duplicates')).toMatch(/^Looks for duplicates whenever a company contact is created or changed/);
    expect(description('Default Correspondence Type')).toMatch(/prefers to receive correspondence/);
    expect(document.querySelectorAll('input, select')).toHaveLength(35);
    for (const input of document.querySelectorAll('input, select')) expect([input.id, (input.getAttribute('aria-describedby') ?? '') !== '']).toEqual([input.id, true]);
  });

  test('shows the saved setup', async () => {
    await openSetup(createFakeService({ setup: { contactNos: 'KONT', searchHitPercent: 70, inheritLanguageCode: false } }));
    expect(field('Contact Nos.').value).toBe('KONT');
    expect(field('Search Hit %').value).toBe('70');
    expect(field('Inherit Language Code').checked).toBe(false);
    expect(field('Inherit Salesperson Code').checked).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Attachment Storage Type' }) as HTMLSelectElement).value).toBe('embedded');
  });

  test('the storage location can be typed only for disk files, as in Business Central', async () => {
    const user = userEvent.setup({ delay: null });
    await openSetup();
    expect(field('Attachment Storage Location').disabled).toBe(true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attachment Storage Type' }), 'Disk file');
    expect(field('Attachment Storage Location').disabled).toBe(false);
  });

});

describe('saving', () => {
  test('sends only the fields that changed, then shows the saved setup', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    await openSetup(service);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(field('Search Hit %'));
    await user.type(field('Search Hit %'), '75');
    await user.click(field('Inherit Language Code'));
    await user.type(field('Default Territory Code'), 'north');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Marketing Setup is saved.')).toBeTruthy();
    expect(patches(service).map((request) => request.body)).toEqual([{ searchHitPercent: 75, inheritLanguageCode: false, defaultTerritoryCode: 'NORTH' }]);
    // The form shows the setup as the service keeps it (codes in capitals), with nothing left unsaved.
    expect(field('Default Territory Code').value).toBe('NORTH');
    expect(field('Search Hit %').value).toBe('75');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(service.malformed).toEqual([]);
  });

  test('a code typed in other letter case than the saved one, or a change undone, is no change', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    await openSetup(service);
    await user.clear(field('Contact Nos.'));
    await user.type(field('Contact Nos.'), 'cont');
    await user.click(field('Inherit Address Details'));
    await user.click(field('Inherit Address Details'));
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(patches(service)).toEqual([]);
  });

  test('each problem the service reports is shown at its field, and what the user typed stays', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    service.override((request) =>
      request.method === 'PATCH'
        ? problem(400, 'validation_failed', 'The request is not valid.', {
            fields: [
              { path: 'contactNos', message: 'There is no number series NOPE.' },
              { path: 'defaultLanguageCode', message: 'There is no language XX.' },
            ],
          })
        : undefined,
    );
    await openSetup(service);
    await user.clear(field('Contact Nos.'));
    await user.type(field('Contact Nos.'), 'NOPE');
    await user.type(field('Default Language Code'), 'XX');
    await user.type(field('Default Format Region'), 'sv-SE');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
    expect(description('Contact Nos.')).toContain('There is no number series NOPE.');
    expect(description('Default Language Code')).toContain('There is no language XX.');
    expect(field('Contact Nos.').getAttribute('aria-invalid')).toBe('true');
    expect(field('Default Format Region').getAttribute('aria-invalid')).not.toBe('true');
    expect([field('Contact Nos.').value, field('Default Language Code').value, field('Default Format Region').value]).toEqual(['NOPE', 'XX', 'sv-SE']);
    expect(service.setup.contactNos).toBe('CONT');

    // Mending a field takes its mark away; saving again sends what is still changed.
    service.override(null);
    await user.clear(field('Contact Nos.'));
    await user.type(field('Contact Nos.'), 'CONT');
    expect(field('Contact Nos.').getAttribute('aria-invalid')).not.toBe('true');
    await user.clear(field('Default Language Code'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Marketing Setup is saved.')).toBeTruthy();
    expect(patches(service).map((request) => request.body)).toEqual([{ contactNos: 'NOPE', defaultLanguageCode: 'XX', defaultFormatRegion: 'sv-SE' }, { defaultFormatRegion: 'sv-SE' }]);
  });

  test('the service’s own rule for a disk-file storage without a location comes back at the location field', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    await openSetup(service);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attachment Storage Type' }), 'Disk file');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(description('Attachment Storage Location')).toMatch(/must have a value when attachments are stored as disk files/));
    expect((screen.getByRole('combobox', { name: 'Attachment Storage Type' }) as HTMLSelectElement).value).toBe('diskFile');
  });

  test('a value the contract cannot take is marked at once and nothing is sent', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    await openSetup(service);
    await user.clear(field('Search Hit %'));
    await user.type(field('Search Hit %'), '150');
    await user.clear(field('Mergefield Language ID'));
    await user.type(field('Mergefield Language ID'), 'en');
    await user.type(field('Default Sales Cycle Code'), 'ABCDEFGHIJK');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(description('Search Hit %')).toContain('Enter a whole number from 1 to 100.'));
    expect(description('Mergefield Language ID')).toContain('Enter a whole number.');
    expect(description('Default Sales Cycle Code')).toContain('Enter at most 10 characters.');
    expect(patches(service)).toEqual([]);
  });

  test('a refusal for want of the admin role keeps what was typed and names the role', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    service.override((request) => (request.method === 'PATCH' ? problem(403, 'forbidden', 'This needs the Rapport.Admin role.', { details: { requiredRole: 'Rapport.Admin' } }) : undefined));
    await openSetup(service);
    await user.click(field('Inherit Territory Code'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/The service refused: your account does not have the Rapport\.Admin role\./)).toBeTruthy();
    expect(field('Inherit Territory Code').checked).toBe(false);
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
  });

  test('a failed connection keeps what was typed, and the save is not sent again behind the user’s back', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    service.override((request) => {
      if (request.method === 'PATCH') throw new TypeError('Failed to fetch');
      return undefined;
    });
    await openSetup(service);
    await user.type(field('Default Format Region'), 'de-DE');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/The service could not be reached\./)).toBeTruthy();
    expect(field('Default Format Region').value).toBe('de-DE');
    expect(patches(service)).toHaveLength(1);
  });

  test('Discard changes puts the saved setup back', async () => {
    const user = userEvent.setup({ delay: null });
    await openSetup();
    await user.type(field('Default Format Region'), 'de-DE');
    await user.click(field('Log sent e-mail automatically'));
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(field('Default Format Region').value).toBe('');
    expect(field('Log sent e-mail automatically').checked).toBe(false);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });
});

describe('the coupled duplicate flags act as they are switched', () => {
  test('turning Maintain Dupl. Search Strings off turns Autosearch off too, and saving keeps both off', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    await openSetup(service);
    await user.click(field('Maintain Dupl. Search Strings'));
    expect(field('Autosearch for Duplicates').checked).toBe(false);
    expect(within(group('Duplicates')).getByRole('status').textContent).toBe('Autosearch for Duplicates was turned off too: it needs the search strings.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Marketing Setup is saved.')).toBeTruthy();
    expect(patches(service).map((request) => request.body)).toEqual([{ maintainDuplSearchStrings: false, autosearchForDuplicates: false }]);
    expect([service.setup.maintainDuplSearchStrings, service.setup.autosearchForDuplicates]).toEqual([false, false]);
  });

  test('turning Autosearch on turns Maintain on, says the search strings will be rebuilt, and reports the rebuild started', async () => {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService({ setup: { maintainDuplSearchStrings: false, autosearchForDuplicates: false } });
    await openSetup(service);
    await user.click(field('Autosearch for Duplicates'));
    expect(field('Maintain Dupl. Search Strings').checked).toBe(true);
    expect(within(group('Duplicates')).getByRole('status').textContent).toBe('Maintain Dupl. Search Strings was turned on too: Autosearch for Duplicates needs the search strings.');
    expect(screen.getByText(/they are rebuilt for every contact in the background/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Marketing Setup is saved, and the duplicate search strings are being rebuilt in the background.')).toBeTruthy();
  });

  test('turning Autosearch off leaves Maintain on', async () => {
    const user = userEvent.setup({ delay: null });
    await openSetup();
    await user.click(field('Autosearch for Duplicates'));
    expect(field('Maintain Dupl. Search Strings').checked).toBe(true);
    expect(within(group('Duplicates')).getByRole('status').textContent).toBe('');
  });
});

test('the form is used with the keyboard alone: Tab to a field, type, Enter saves', async () => {
  const user = userEvent.setup({ delay: null });
  const service = createFakeService();
  await openSetup(service);
  field('Default Format Region').focus();
  await user.keyboard('nl-NL{Enter}');
  expect(await screen.findByText('Marketing Setup is saved.')).toBeTruthy();
  expect(patches(service).map((request) => request.body)).toEqual([{ defaultFormatRegion: 'nl-NL' }]);
  field('Inherit Format Region').focus();
  await user.keyboard(' ');
  await waitFor(() => expect(field('Inherit Format Region').checked).toBe(false));
});
