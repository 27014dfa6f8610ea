/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { givenLayout } from '../contacts/layout';
import { renderConsole } from '../console-harness';
import { type ContactsWorld, contactRoutes, createContactsWorld, makeContact } from '../fake-contacts';
import { ADMIN, createFakeService, MANAGER, problem, SALESPERSON } from '../fake-service';

const CSV = [
  'Name,City,E-mail,Notes',
  'Nordlys Verktyg AB,Göteborg,info@nordlys.example,first',
  'Fjordkraft Handel AS,Bergen,post@fjordkraft.example,already there',
  'Bergström Bygg AB,Borås,not-an-address,bad mail',
  'Kungsbacka Trä AB,Kungsbacka,,',
].join('\r\n');

function world(overrides: Partial<ContactsWorld> = {}): ContactsWorld {
  return createContactsWorld({ contacts: [makeContact({ no: 'CT0100', name: 'Fjordkraft Handel AS' })], ...overrides });
}

async function openImport(options: { as?: string; contacts?: ContactsWorld; path?: string } = {}) {
  const contacts = options.contacts ?? world();
  const service = createFakeService({ routes: contactRoutes(contacts) });
  const rendered = await renderConsole({ signedInAs: options.as ?? MANAGER.email, path: options.path ?? '/console/contact-import', service });
  await screen.findByRole('heading', { level: 1, name: 'Import contacts' });
  return { ...rendered, contacts };
}

const csvFile = (text = CSV, name = 'contacts.csv') => new File([text], name, { type: 'text/csv' });
const fieldOf = (column: string) => screen.getByRole('combobox', { name: `Contact field: ${column}` }) as HTMLSelectElement;
const selected = (column: string) => fieldOf(column).selectedOptions[0]?.textContent;
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

beforeEach(() => givenLayout());

describe('mapping and dry run', () => {
  test('the columns are read from the file and mapped by their names; the dry run says what would happen to each row', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, contacts, history } = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), csvFile());
    expect(await screen.findByText(/Proposed from the column names\./)).toBeTruthy();
    expect(['Name', 'City', 'E-mail', 'Notes'].map(selected)).toEqual(['Name', 'City', 'Email', 'Not imported']);
    const firstRow = within(screen.getByRole('row', { name: /^E-mail/ })).getAllByRole('cell')[0];
    expect(firstRow?.textContent).toBe('info@nordlys.example');

    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'What the import would do' })).toBeTruthy();
    const uploads = service.apiRequests().filter((request) => request.method === 'POST' && request.path.startsWith('/api/v1/contacts/import'));
    expect(uploads.map((request) => [decodeURIComponent(request.path), request.contentType])).toEqual([
      ['/api/v1/contacts/import?mapping={"name":"Name","city":"City","email":"E-mail"}', 'text/csv'],
    ]);
    // The mapping is remembered for the next import.
    expect(contacts.savedMapping).toEqual({ name: 'Name', city: 'City', email: 'E-mail' });
    expect(history.location.search).toBe(`?import=${contacts.imports[0]?.id}`);

    expect(screen.getByText('Rows checked: 4. Nothing is written to the contacts until you run the import.')).toBeTruthy();
    const summary = Object.fromEntries(
      within(screen.getByRole('region', { name: 'What the import would do' }))
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(summary).toEqual({ Created: '2', Updated: '0', Unchanged: '0', 'Likely duplicate': '1', Refused: '1' });

    const rows = within(await screen.findByRole('table', { name: 'Rows of the file' }))
      .getAllByRole('row')
      .slice(1)
      .filter((row) => row.getAttribute('aria-hidden') !== 'true')
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2', 'Created', 'Nordlys Verktyg AB', ''],
      ['3', 'Likely duplicate', 'Fjordkraft Handel AS', 'Like Fjordkraft Handel AS (CT0100)'],
      ['4', 'Refused', 'Bergström Bygg AB', 'Email (E-mail): Not a valid e-mail address.'],
      ['5', 'Created', 'Kungsbacka Trä AB', ''],
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows shown' }), 'Refused (1)');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Rows of the file' })).getAllByRole('row')).toHaveLength(2));
    expect(service.apiRequests().at(-1)?.path).toBe(`/api/v1/contacts/imports/${contacts.imports[0]?.id}/rows?limit=100&after=0&outcome=refused`);
    expect(service.malformed).toEqual([]);
  });

  test('the saved mapping is proposed where the file has its columns, and a changed mapping is what is sent', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, contacts } = await openImport({ contacts: world({ savedMapping: { name: 'Firma', city: 'Ort', email: 'E-post' } }) });
    await user.upload(screen.getByLabelText('CSV file'), csvFile('Firma;Ort;E-post;Telefon\nNordlys AB;Göteborg;info@nordlys.example;031-123456\n'));
    expect(await screen.findByText(/Proposed from the mapping last remembered\./)).toBeTruthy();
    expect(['Firma', 'Ort', 'E-post', 'Telefon'].map(selected)).toEqual(['Name', 'City', 'Email', 'Not imported']);
    await user.selectOptions(fieldOf('Telefon'), 'Phone No.');
    await user.click(screen.getByRole('checkbox', { name: 'Remember this mapping for the next import' }));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await screen.findByRole('heading', { level: 2, name: 'What the import would do' });
    const upload = service.apiRequests().find((request) => request.method === 'POST');
    expect(JSON.parse(new URLSearchParams(upload?.path.split('?')[1]).get('mapping') ?? '')).toEqual({ name: 'Firma', city: 'Ort', phoneNo: 'Telefon', email: 'E-post' });
    // Not remembered this time: the saved mapping stays as it was.
    expect(service.apiRequests().filter((request) => request.method === 'PUT')).toEqual([]);
    expect(contacts.savedMapping).toEqual({ name: 'Firma', city: 'Ort', email: 'E-post' });
  });

  test('a field chosen for two columns, or no column that names the contact, is said before anything is sent', async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), csvFile());
    await screen.findByText(/Proposed from the column names\./);
    await user.selectOptions(fieldOf('Notes'), 'City');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findAllByText('City is chosen for more than one column.')).toHaveLength(2);
    await user.selectOptions(fieldOf('Notes'), 'Not imported');
    await user.selectOptions(fieldOf('Name'), 'Not imported');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('Choose a column for Name, First Name, Surname, No. or External ID.')).toBeTruthy();
    expect(service.apiRequests().filter((request) => request.method !== 'GET')).toEqual([]);
  });

  test('a file the service refuses says why, and the mapping stays to try again', async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openImport();
    service.override((request) =>
      request.method === 'POST' && request.path.startsWith('/api/v1/contacts/import')
        ? problem(422, 'import_file_invalid', 'The file is not UTF-8 text: save it as "CSV UTF-8" (or UTF-8 JSON lines) and upload it again.')
        : undefined,
    );
    await user.upload(screen.getByLabelText('CSV file'), csvFile());
    await screen.findByText(/Proposed from the column names\./);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('The file was not checked. The service refused it: The file is not UTF-8 text: save it as "CSV UTF-8" (or UTF-8 JSON lines) and upload it again.')).toBeTruthy();
    expect(selected('E-mail')).toBe('Email');
  });

  test('a file without a header row is said at once', async () => {
    const user = userEvent.setup({ delay: null });
    await openImport();
    await user.upload(screen.getByLabelText('CSV file'), csvFile('\r\n'));
    expect(await screen.findByText('The file has no header row.')).toBeTruthy();
  });
});

describe('the run', () => {
  test('runs with a progress bar, then sums up what it did and links to the refused rows', async () => {
    const user = userEvent.setup({ delay: null });
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:refused';
    };
    URL.revokeObjectURL = () => undefined;
    const { service, contacts } = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), csvFile());
    await user.click(await screen.findByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('button', { name: 'Run the import' }));

    const progress = await screen.findByRole('progressbar');
    await screen.findByText(/^Rows imported: [1-3] of 4$/, { selector: '[role="status"]' }, { timeout: 10_000 });
    expect(Number(progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(await screen.findByRole('heading', { level: 2, name: 'The import is done' }, { timeout: 10_000 })).toBeTruthy();
    const summary = Object.fromEntries(
      within(screen.getByRole('region', { name: 'The import is done' }))
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(summary).toEqual({ Created: '2', Updated: '0', Unchanged: '0', 'Skipped as likely duplicates': '1', Refused: '1' });
    const runs = service.apiRequests().filter((request) => request.method === 'POST' && request.path.endsWith('/run'));
    expect(runs.map((request) => request.body)).toEqual([{ duplicates: 'skip' }]);
    expect(contacts.contacts.map((contact) => contact.name)).toEqual(['Fjordkraft Handel AS', 'Nordlys Verktyg AB', 'Kungsbacka Trä AB']);

    await user.click(screen.getByRole('button', { name: 'Download the refused rows (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect((await readBlob(saved[0] as Blob)).replace(/^\uFEFF/, '').split('\r\n')[1]).toBe('email: Not a valid e-mail address.,Bergström Bygg AB,Borås,not-an-address,bad mail');
    expect(service.malformed).toEqual([]);
  }, 30_000);

  test('likely duplicates are created when the manager says so', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, contacts } = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), csvFile());
    await user.click(await screen.findByRole('button', { name: 'Check the file' }));
    await user.click(await screen.findByRole('radio', { name: 'Create them anyway' }));
    await user.click(screen.getByRole('button', { name: 'Run the import' }));
    await screen.findByRole('heading', { level: 2, name: 'The import is done' }, { timeout: 10_000 });
    expect(service.apiRequests().filter((request) => request.path.endsWith('/run')).map((request) => request.body)).toEqual([{ duplicates: 'create' }]);
    expect(contacts.contacts).toHaveLength(4);
  }, 30_000);

  test('a run that fails says why, keeps the dry run, and can be run again', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, contacts } = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), csvFile());
    await user.click(await screen.findByRole('button', { name: 'Check the file' }));
    await screen.findByRole('button', { name: 'Run the import' });
    // The job fails at its first step, and the import is staged again, as the service leaves it.
    service.override((request) => {
      const job = contacts.jobs[0];
      const record = contacts.imports[0];
      if (job === undefined || record === undefined || request.path !== `/api/v1/jobs/${job.id}`) return undefined;
      Object.assign(job, { status: 'failed', error: { code: 'internal', message: 'The database went away.' }, finishedAt: '2025-03-05T09:00:05.000Z' });
      record.status = 'staged';
      return undefined;
    });
    await user.click(screen.getByRole('button', { name: 'Run the import' }));
    expect(await screen.findByText('The import stopped: The database went away. The rows done so far are kept; run it again to go on.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'What the import would do' })).toBeTruthy();
    service.override(null);
    await user.click(screen.getByRole('button', { name: 'Run the import' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'The import is done' }, { timeout: 10_000 })).toBeTruthy();
    expect(service.apiRequests().filter((request) => request.path.endsWith('/run'))).toHaveLength(2);
  }, 30_000);

  test('an import opened by its address shows where it stands; Discard takes it away', async () => {
    const user = userEvent.setup({ delay: null });
    const first = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), csvFile());
    await user.click(await screen.findByRole('button', { name: 'Check the file' }));
    await screen.findByRole('heading', { level: 2, name: 'What the import would do' });
    const id = first.contacts.imports[0]?.id ?? '';
    first.unmount();

    const again = await openImport({ contacts: first.contacts, path: `/console/contact-import?import=${id}` });
    expect(await screen.findByText('Rows checked: 4. Nothing is written to the contacts until you run the import.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(await screen.findByLabelText('CSV file')).toBeTruthy();
    expect(again.contacts.imports).toEqual([]);
    expect(again.history.location.search).toBe('');
  });
});

describe('who may import', () => {
  test('a salesperson is told the page needs a manager, and nothing is asked of the service', async () => {
    const { service } = await openImport({ as: SALESPERSON.email });
    expect(await screen.findByText('This page needs a manager')).toBeTruthy();
    expect(screen.queryByLabelText('CSV file')).toBeNull();
    expect(service.apiRequests().filter((request) => request.path.includes('/import'))).toEqual([]);
  });

  test('a manager is not offered Create contacts from accounts, an administrator’s job', async () => {
    await openImport();
    expect(screen.queryByRole('button', { name: 'Create contacts from customers' })).toBeNull();
  });

  test('an administrator creates contacts from customers and is told what was done, or why nothing was', async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openImport({ as: ADMIN.email });
    await user.click(screen.getByRole('button', { name: 'Create contacts from customers' }));
    expect(await screen.findByText('Contacts created: 2 (CT900 to CT901). Already with a contact: 5.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create contacts from vendors' }));
    expect(await screen.findByText('No contact was created: every one of them already has a contact (3).')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create contacts from bank accounts' }));
    expect(await screen.findByText('No contacts were created. The service refused it: Marketing Setup has no Bus. Rel. Code for Bank Accs.')).toBeTruthy();
    expect(service.apiRequests().filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/api/v1/contacts/create-from-accounts/customer',
      '/api/v1/contacts/create-from-accounts/vendor',
      '/api/v1/contacts/create-from-accounts/bankAccount',
    ]);
  });
});
