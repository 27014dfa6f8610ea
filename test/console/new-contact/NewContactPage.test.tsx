/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { type ContactsWorld, contactRoutes, createContactsWorld, makeContact } from '../fake-contacts';
import { createFakeService, type FakeService, problem, SALESPERSON } from '../fake-service';

const existing = makeContact({ no: 'CT0100', name: 'Fjordkraft Handel AS', city: 'Bergen', email: 'post@fjordkraft.example' });

async function openForm(path = '/console/new-contact') {
  const world: ContactsWorld = createContactsWorld({ contacts: [existing] });
  const service = createFakeService({ routes: contactRoutes(world) });
  const rendered = await renderConsole({ signedInAs: SALESPERSON.email, path, service });
  await screen.findByRole('button', { name: 'Save contact' });
  return { ...rendered, world };
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
/** What a screen reader reads after a field's name: its error, when it has one. */
const description = (label: string) =>
  (input(label).getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
const posts = (service: FakeService, path: string) => service.apiRequests().filter((request) => request.method === 'POST' && request.path === `/api/v1${path}`);

test('a company is checked for duplicates, then saved with what was filled in, and its card opens', async () => {
  const user = userEvent.setup({ delay: null });
  const { service, history, world } = await openForm();
  expect(screen.getByRole('radio', { name: 'Company' })).toHaveProperty('checked', true);
  await user.type(input('Name'), 'Nordlys Verktyg AB');
  await user.type(input('City'), 'Göteborg');
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Salesperson Code' }), await screen.findByRole('option', { name: 'JB – Jonas Berg' }));
  await user.click(screen.getByRole('button', { name: 'Save contact' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'Nordlys Verktyg AB' })).toBeTruthy();
  const body = { type: 'company', name: 'Nordlys Verktyg AB', city: 'Göteborg', salespersonCode: 'JB' };
  expect(posts(service, '/contacts/duplicate-check').map((request) => request.body)).toEqual([body]);
  expect(posts(service, '/contacts').map((request) => request.body)).toEqual([body]);
  expect(history.location.pathname).toBe('/console/contacts/CT900');
  expect(world.contacts.map((contact) => contact.name)).toEqual(['Fjordkraft Handel AS', 'Nordlys Verktyg AB']);
  expect(service.malformed).toEqual([]);
});

test('likely duplicates are shown before anything is saved; Keep editing saves nothing, Save anyway saves', async () => {
  const user = userEvent.setup({ delay: null });
  const { service, world } = await openForm();
  await user.type(input('Name'), 'Fjordkraft Handel AS');
  await user.type(input('Email'), 'post@fjordkraft.example');
  await user.click(screen.getByRole('button', { name: 'Save contact' }));

  const warning = await screen.findByText('This contact may already be there');
  const panel = warning.closest('[tabindex="-1"]') as HTMLElement;
  expect(document.activeElement).toBe(panel);
  const candidate = within(panel).getByRole('link', { name: 'Fjordkraft Handel AS (CT0100)' });
  expect(candidate.getAttribute('href')).toBe('/console/contacts/CT0100');
  expect(candidate.getAttribute('target')).toBe('_blank');
  expect(within(panel).getByText(/Matching strings: 8, Same e-mail/)).toBeTruthy();
  expect(posts(service, '/contacts')).toEqual([]);

  await user.click(within(panel).getByRole('button', { name: 'Keep editing' }));
  expect(screen.queryByText('This contact may already be there')).toBeNull();
  expect(input('Name').value).toBe('Fjordkraft Handel AS');
  expect(posts(service, '/contacts')).toEqual([]);

  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  await user.click(await screen.findByRole('button', { name: 'Save anyway' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Fjordkraft Handel AS' })).toBeTruthy();
  expect(posts(service, '/contacts')).toHaveLength(1);
  expect(world.contacts).toHaveLength(2);
});

test('a field the service refuses is marked at its input, and everything typed stays', async () => {
  const user = userEvent.setup({ delay: null });
  const { service, history } = await openForm();
  await user.type(input('Name'), 'Nordlys Verktyg AB');
  await user.type(input('Email'), 'sales-at-nordlys');
  await user.type(input('Post Code'), '411 01');
  await user.click(screen.getByRole('button', { name: 'Save contact' }));

  expect(await screen.findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
  expect(description('Email')).toBe('Not a valid e-mail address.');
  expect(input('Email').getAttribute('aria-invalid')).toBe('true');
  expect(input('Name').getAttribute('aria-invalid')).not.toBe('true');
  expect([input('Name').value, input('Email').value, input('Post Code').value]).toEqual(['Nordlys Verktyg AB', 'sales-at-nordlys', '411 01']);
  expect(history.location.pathname).toBe('/console/new-contact');
  expect(posts(service, '/contacts')).toEqual([]);

  // Correcting the field takes its error away; the save then goes through.
  await user.clear(input('Email'));
  await user.type(input('Email'), 'sales@nordlys.example');
  expect(description('Email')).toBe('');
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Nordlys Verktyg AB' })).toBeTruthy();
});

test('a problem the service reports on saving is shown at its field, and what was typed stays', async () => {
  const user = userEvent.setup({ delay: null });
  const { service } = await openForm();
  service.override((request) =>
    request.method === 'POST' && request.path === '/api/v1/contacts'
      ? problem(422, 'reference_missing', 'There is no territory XX.', { fields: [{ path: 'vatRegistrationNo', message: 'This VAT registration number is used by another customer.' }] })
      : undefined,
  );
  await user.type(input('Name'), 'Nordlys Verktyg AB');
  await user.type(input('VAT Registration No.'), 'SE556677889901');
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(await screen.findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
  expect(description('VAT Registration No.')).toBe('This VAT registration number is used by another customer.');
  expect([input('Name').value, input('VAT Registration No.').value]).toEqual(['Nordlys Verktyg AB', 'SE556677889901']);
  expect(screen.getByRole('button', { name: 'Save contact' })).toHaveProperty('disabled', false);
});

test('a failure without fields says why, and keeps what was typed', async () => {
  const user = userEvent.setup({ delay: null });
  const { service } = await openForm();
  service.override((request) => (request.method === 'POST' && request.path === '/api/v1/contacts/duplicate-check' ? problem(503, 'unavailable', 'Down.') : undefined));
  await user.type(input('Name'), 'Nordlys Verktyg AB');
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(await screen.findByText('The duplicate search did not answer, so nothing was saved. What you typed is kept. The service ran into a problem. Try again in a moment.')).toBeTruthy();
  expect(input('Name').value).toBe('Nordlys Verktyg AB');
  expect(posts(service, '/contacts')).toEqual([]);
});

test('a contact without a name is not sent', async () => {
  const user = userEvent.setup({ delay: null });
  const { service } = await openForm();
  await user.type(input('City'), 'Oslo');
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(await screen.findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
  expect(description('Name')).toBe('Enter a name.');
  await user.click(screen.getByRole('radio', { name: 'Person' }));
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(description('Surname')).toBe('Enter a first name or a surname.');
  expect(service.apiRequests().filter((request) => request.method === 'POST')).toEqual([]);
});

test('a person of a company, from the company’s card: only what was filled in is sent, the rest comes from the company', async () => {
  const user = userEvent.setup({ delay: null });
  const { service, history } = await openForm('/console/new-contact?type=person&companyNo=CT0100');
  expect(screen.getByRole('radio', { name: 'Person' })).toHaveProperty('checked', true);
  expect(input('Company No.').value).toBe('CT0100');
  expect(await screen.findByText('A person at Fjordkraft Handel AS.')).toBeTruthy();
  await user.type(input('First Name'), 'Ingrid');
  await user.type(input('Surname'), 'Solberg');
  await user.type(input('Job Title'), 'Innkjøpssjef');
  await user.click(screen.getByRole('button', { name: 'Save contact' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Ingrid Solberg' })).toBeTruthy();
  expect(posts(service, '/contacts').map((request) => request.body)).toEqual([{ type: 'person', firstName: 'Ingrid', surname: 'Solberg', companyNo: 'CT0100', jobTitle: 'Innkjøpssjef' }]);
  expect(history.location.pathname).toBe('/console/contacts/CT900');
});
