/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { type ContactsWorld, contactRoutes, createContactsWorld, makeContact } from '../fake-contacts';
import { createFakeService, MANAGER, problem, SALESPERSON } from '../fake-service';
import { givenLayout } from './layout';

const CITIES = ['Oslo', 'Bergen', 'Göteborg'];

/** 250 contacts: companies in three cities, every fifth a person of the company before it. */
function world(): ContactsWorld {
  const contacts = Array.from({ length: 250 }, (_unused, index) => {
    const no = `CT${String(index + 1).padStart(4, '0')}`;
    return index % 5 === 4
      ? makeContact({ no, name: `Person ${index + 1}`, type: 'person', companyNo: `CT${String(index).padStart(4, '0')}`, companyName: `Company ${index}`, city: CITIES[index % 3] as string, salespersonCode: 'JB' })
      : makeContact({ no, name: `Company ${index + 1}`, city: CITIES[index % 3] as string, countryRegionCode: index % 2 === 0 ? 'NO' : 'SE', salespersonCode: index % 2 === 0 ? 'AL' : 'JB', email: `info${index + 1}@example.com` });
  });
  return createContactsWorld({ contacts, relationCodes: { CT0001: ['CUST'], CT0004: ['CUST'] } });
}

async function openList(options: { path?: string; as?: string; contacts?: ContactsWorld } = {}) {
  const contacts = options.contacts ?? world();
  const service = createFakeService({ routes: contactRoutes(contacts) });
  const rendered = await renderConsole({ signedInAs: options.as ?? MANAGER.email, path: options.path ?? '/console/contacts', service });
  await screen.findByRole('heading', { level: 1, name: 'Contacts' });
  return { ...rendered, contacts };
}

const listRequests = (service: ReturnType<typeof createFakeService>) =>
  service
    .apiRequests()
    .filter((request) => request.method === 'GET' && request.path.startsWith('/api/v1/contacts?'))
    .map((request) => request.path.replace('/api/v1/contacts?', ''));

const table = () => screen.getByRole('table', { name: 'Contacts' });
const bodyRows = () => within(table()).getAllByRole('row').filter((row) => row.getAttribute('aria-hidden') !== 'true').slice(1);
/** A blob's text (jsdom's Blob has no text()). */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const status = async (text: string | RegExp) => screen.findByText(text);

beforeEach(() => givenLayout());

describe('the list', () => {
  test('shows the first page in number order, drawing only the rows in view, and the rest page by page', async () => {
    const { service } = await openList();
    await status('Contacts shown: 100. More follow as you scroll.');
    expect(listRequests(service)).toEqual(['limit=100']);
    expect(within(table()).getByRole('columnheader', { name: 'No.' }).getAttribute('aria-sort')).toBe('ascending');
    // A 600-pixel view of 40-pixel rows: fifteen in view and those drawn around them, not a hundred.
    const drawn = bodyRows();
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(40);
    expect(within(drawn[0] as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['CT0001', 'Company 1', 'Company', '', 'Oslo', 'NO', 'AL', '', 'info1@example.com', 'None']);
    expect(drawn[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(table().getAttribute('aria-rowcount')).toBe('-1');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await status('Contacts shown: 200. More follow as you scroll.');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await status('Contacts: 250');
    expect(listRequests(service)).toEqual(['limit=100', 'limit=100&after=CT0100', 'limit=100&after=CT0200']);
    expect(table().getAttribute('aria-rowcount')).toBe('251');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(service.malformed).toEqual([]);
  });

  test('scrolling near the end of what is loaded fetches the next page, and draws the rows scrolled to', async () => {
    const { service } = await openList();
    await status('Contacts shown: 100. More follow as you scroll.');
    const scroller = within(screen.getByRole('main')).getByRole('region', { name: 'Contacts' });
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 90 * 40 });
    fireEvent.scroll(scroller);
    await status('Contacts shown: 200. More follow as you scroll.');
    expect(listRequests(service)).toEqual(['limit=100', 'limit=100&after=CT0100']);
    const numbers = bodyRows().map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(numbers).toContain('CT0095');
    expect(numbers).not.toContain('CT0001');
  });

  test('a name opens the contact’s card', async () => {
    const { history } = await openList();
    await status('Contacts shown: 100. More follow as you scroll.');
    await userEvent.click(within(table()).getByRole('link', { name: 'Company 2' }));
    await waitFor(() => expect(history.location.pathname).toBe('/console/contacts/CT0002'));
  });

  test('a list that cannot be loaded says so and can be asked for again', async () => {
    const contacts = world();
    const service = createFakeService({ routes: contactRoutes(contacts) });
    let failures = 1;
    service.override((request) => (request.path.startsWith('/api/v1/contacts?') && failures-- > 0 ? problem(400, 'validation_failed', 'The query is not valid.') : undefined));
    await renderConsole({ signedInAs: MANAGER.email, path: '/console/contacts', service });
    expect(await screen.findByText('The contacts could not be loaded.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await status('Contacts shown: 100. More follow as you scroll.');
  });
});

test('in another language, the page’s words load with it', async () => {
  const service = createFakeService({ routes: contactRoutes(world()) });
  await renderConsole({ signedInAs: MANAGER.email, path: '/console/contacts', service, language: 'sv-SE' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Kontakter' })).toBeTruthy();
  expect(await screen.findByText('Visade kontakter: 100. Fler följer när du rullar.')).toBeTruthy();
  expect(screen.getByRole('searchbox', { name: 'Sök' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Exportera till CSV' })).toBeTruthy();
});

describe('search and filters', () => {
  test('each filter asks the service for the filtered list and is kept in the address', async () => {
    const user = userEvent.setup({ delay: null });
    const { service, history } = await openList();
    await status('Contacts shown: 100. More follow as you scroll.');
    const filters = screen.getByRole('search', { name: 'Search and filters' });

    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Type' }), 'Persons');
    await status('Contacts: 50');
    await user.type(within(filters).getByRole('searchbox', { name: 'Search' }), 'person 1{Enter}');
    await status('Contacts: 22');
    await user.type(within(filters).getByRole('textbox', { name: 'City' }), 'oslo');
    await status('Contacts: 8');
    expect(listRequests(service).at(-1)).toBe('q=person+1&type=person&city=oslo&limit=100');
    expect(history.location.search).toBe('?q=person+1&type=person&city=oslo');

    await user.click(within(filters).getByRole('button', { name: 'Clear search and filters' }));
    await status('Contacts shown: 100. More follow as you scroll.');
    expect(history.location.search).toBe('');
    expect((within(filters).getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
  });

  test('salesperson, territory, business relation and country/region are chosen from the service’s lists', async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openList();
    await status('Contacts shown: 100. More follow as you scroll.');
    const filters = screen.getByRole('search', { name: 'Search and filters' });
    await user.selectOptions(await within(filters).findByRole('combobox', { name: 'Salesperson' }), 'AL – Astrid Lindqvist');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Country/region' }), await within(filters).findByRole('option', { name: 'SE – Sweden' }));
    await status('No contact matches the search and filters.');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Country/region' }), 'Any');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Business relation' }), await within(filters).findByRole('option', { name: 'CUST – Customer' }));
    await status('Contacts: 1');
    expect(listRequests(service).at(-1)).toBe('salespersonCode=AL&businessRelationCode=CUST&limit=100');
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Territory' }), await within(filters).findByRole('option', { name: 'NORTH – North' }));
    await status('No contact matches the search and filters.');
    expect(listRequests(service).at(-1)).toBe('salespersonCode=AL&territoryCode=NORTH&businessRelationCode=CUST&limit=100');
  });

  test('an address with filters opens the list filtered, the controls showing them', async () => {
    const { service } = await openList({ path: '/console/contacts?companyNo=CT0004&type=person' });
    await status('Contacts: 1');
    expect(listRequests(service)).toEqual(['type=person&companyNo=CT0004&limit=100']);
    expect((screen.getByRole('textbox', { name: 'Company No.' }) as HTMLInputElement).value).toBe('CT0004');
    expect((screen.getByRole('combobox', { name: 'Type' }) as HTMLSelectElement).value).toBe('person');
  });
});

describe('export', () => {
  test('a manager exports the list as filtered: the same filters, saved as the service names the file', async () => {
    const user = userEvent.setup({ delay: null });
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:contacts';
    };
    URL.revokeObjectURL = () => undefined;
    const { service } = await openList({ path: '/console/contacts?city=Oslo&type=company' });
    await status('Contacts: 67');
    await user.click(screen.getByRole('button', { name: 'Export to CSV' }));
    expect(await screen.findByText('The contacts of this list are exported to contacts.csv.')).toBeTruthy();
    expect(service.apiRequests().filter((request) => request.path.startsWith('/api/v1/contacts/export')).map((request) => request.path)).toEqual(['/api/v1/contacts/export?type=company&city=Oslo']);
    expect(saved).toHaveLength(1);
    // The file holds what the list shows: the header, then the same 67 companies.
    const lines = (await readBlob(saved[0] as Blob)).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(68);
    expect(lines.slice(1).every((line) => line.includes(',company,') && line.includes(',Oslo,'))).toBe(true);
    expect(service.malformed).toEqual([]);
  });

  test('a failed export says why', async () => {
    const user = userEvent.setup({ delay: null });
    const { service } = await openList();
    service.override((request) => (request.path.startsWith('/api/v1/contacts/export') ? problem(503, 'unavailable', 'Down for maintenance.') : undefined));
    await status('Contacts shown: 100. More follow as you scroll.');
    await user.click(screen.getByRole('button', { name: 'Export to CSV' }));
    expect(await screen.findByText('The export did not work. The service ran into a problem. Try again in a moment.')).toBeTruthy();
  });

  test('a salesperson is not offered the export, a manager’s action', async () => {
    await openList({ as: SALESPERSON.email });
    await status('Contacts shown: 100. More follow as you scroll.');
    expect(screen.queryByRole('button', { name: 'Export to CSV' })).toBeNull();
    expect(screen.getByRole('link', { name: 'New contact' })).toBeTruthy();
  });
});
