/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { givenLayout } from '../contacts/layout';
import { renderConsole } from '../console-harness';
import { type ContactsWorld, contactRoutes, createContactsWorld, type FakePair, makeContact } from '../fake-contacts';
import { createFakeService, SALESPERSON } from '../fake-service';

function world(pairs: FakePair[] = []): ContactsWorld {
  return createContactsWorld({
    contacts: [
      makeContact({ no: 'CT0100', name: 'Fjordkraft Handel AS', city: 'Bergen', phoneNo: '+47 55 12 34 56' }),
      makeContact({ no: 'CT0150', name: 'Fjordkraft Handel', city: 'Bergen', phoneNo: '+47 55 12 34 56' }),
      makeContact({ no: 'CT0200', name: 'Nordlys Verktyg AB', city: 'Göteborg' }),
      makeContact({ no: 'CT0210', name: 'Nordlys Verktyg', city: 'Borås' }),
    ],
    pairs: pairs.length > 0 ? pairs : [
      { contactNo: 'CT0150', duplicateNo: 'CT0100', noOfMatchingStrings: 9, exactMatches: ['phone'], separateContacts: false },
      { contactNo: 'CT0210', duplicateNo: 'CT0200', noOfMatchingStrings: 6, exactMatches: [], separateContacts: false },
    ],
  });
}

async function openPage(contacts: ContactsWorld = world(), path = '/console/contact-duplicates') {
  const service = createFakeService({ routes: contactRoutes(contacts) });
  const rendered = await renderConsole({ signedInAs: SALESPERSON.email, path, service });
  await screen.findByRole('heading', { level: 1, name: 'Contact Duplicates' });
  return { ...rendered, contacts };
}

const table = () => screen.getByRole('table', { name: 'Duplicate pairs' });
const cells = () =>
  within(table())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-hidden') !== 'true')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').slice(0, 5).map((cell) => cell.textContent));

beforeEach(() => givenLayout());

test('lists every pair to review with both contacts, the matching strings and what is the same', async () => {
  const { service } = await openPage();
  await screen.findByText('Pairs: 2');
  expect(cells()).toEqual([
    ['CT0150 – Fjordkraft Handel', 'CT0100 – Fjordkraft Handel AS', '9', 'Phone', 'No'],
    ['CT0210 – Nordlys Verktyg', 'CT0200 – Nordlys Verktyg AB', '6', '', 'No'],
  ]);
  expect(within(table()).getByRole('link', { name: 'CT0100 – Fjordkraft Handel AS' }).getAttribute('href')).toBe('/console/contacts/CT0100');
  expect(service.apiRequests().filter((request) => request.path.startsWith('/api/v1/contact-duplicates')).map((request) => request.path)).toEqual([
    '/api/v1/contact-duplicates?limit=100&separateContacts=false',
  ]);
});

test('a pair marked as separate contacts leaves the pairs to review, and is found among those marked, where it can be proposed again', async () => {
  const user = userEvent.setup({ delay: null });
  const { service, contacts } = await openPage();
  await screen.findByText('Pairs: 2');
  await user.click(screen.getByRole('button', { name: 'Mark as separate contacts: Fjordkraft Handel and Fjordkraft Handel AS' }));
  expect(await screen.findByText('Fjordkraft Handel and Fjordkraft Handel AS are marked as separate contacts.')).toBeTruthy();
  expect(service.apiRequests().filter((request) => request.method === 'PUT').map((request) => [request.path, request.body])).toEqual([
    ['/api/v1/contacts/CT0150/duplicates/CT0100', { separateContacts: true }],
  ]);
  expect(contacts.pairs[0]?.separateContacts).toBe(true);
  await screen.findByText('Pairs: 1');
  expect(cells().map((row) => row[0])).toEqual(['CT0210 – Nordlys Verktyg']);

  await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Marked as separate contacts');
  await screen.findByText('Pairs: 1');
  expect(cells()).toEqual([['CT0150 – Fjordkraft Handel', 'CT0100 – Fjordkraft Handel AS', '9', 'Phone', 'Yes']]);
  await user.click(screen.getByRole('button', { name: 'Propose again: Fjordkraft Handel and Fjordkraft Handel AS' }));
  expect(await screen.findByText('Fjordkraft Handel and Fjordkraft Handel AS are proposed as duplicates again.')).toBeTruthy();
  await screen.findByText('No pair is marked as separate contacts.');
  expect(service.malformed).toEqual([]);
});

test('Compare shows both contacts side by side with their search strings, the shared ones marked, and opens either', async () => {
  const user = userEvent.setup({ delay: null });
  const { history } = await openPage();
  await screen.findByText('Pairs: 2');
  await user.click(screen.getByRole('button', { name: 'Compare: Fjordkraft Handel and Fjordkraft Handel AS' }));
  const dialog = await screen.findByRole('dialog', { name: 'Fjordkraft Handel and Fjordkraft Handel AS' });
  expect(await within(dialog).findByText('Matching search strings: 9. Each contact’s strings are listed with the shared ones marked.')).toBeTruthy();
  const fields = await within(dialog).findByRole('table', { name: 'Fjordkraft Handel and Fjordkraft Handel AS' });
  const rows = within(fields).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
  expect(rows).toContainEqual(['City', 'Bergen', 'Bergen']);
  expect(rows).toContainEqual(['No.', 'CT0150', 'CT0100']);
  const strings = within(dialog).getByRole('table', { name: 'Search strings of Fjordkraft Handel' });
  expect(within(strings).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
    ['Name', 'Beginning', 'FJORD', 'Yes'],
    ['City', 'Beginning', 'BERGE', 'Yes'],
  ]);
  expect(within(dialog).getByRole('link', { name: 'Open Fjordkraft Handel' }).getAttribute('href')).toBe('/console/contacts/CT0150');
  await user.click(within(dialog).getByRole('link', { name: 'Open Fjordkraft Handel AS' }));
  await waitFor(() => expect(history.location.pathname).toBe('/console/contacts/CT0100'));
});

test('a pair is marked as separate contacts from the comparison too', async () => {
  const user = userEvent.setup({ delay: null });
  const { contacts } = await openPage();
  await screen.findByText('Pairs: 2');
  await user.click(screen.getByRole('button', { name: 'Compare: Nordlys Verktyg and Nordlys Verktyg AB' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(await within(dialog).findByRole('button', { name: 'Mark as separate contacts' }));
  expect(await screen.findByText('Nordlys Verktyg and Nordlys Verktyg AB are marked as separate contacts.')).toBeTruthy();
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(contacts.pairs[1]?.separateContacts).toBe(true);
});

test('many pairs come a page at a time', async () => {
  const user = userEvent.setup({ delay: null });
  const many = Array.from({ length: 150 }, (_unused, index) => ({ contactNo: `CT${String(1000 + index)}`, duplicateNo: 'CT0100', noOfMatchingStrings: 7, exactMatches: [], separateContacts: false }) satisfies FakePair);
  const { service } = await openPage(world(many));
  await screen.findByText('Pairs shown: 100. More follow as you scroll.');
  await user.click(screen.getByRole('button', { name: 'Load more' }));
  await screen.findByText('Pairs: 150');
  expect(service.apiRequests().filter((request) => request.path.startsWith('/api/v1/contact-duplicates')).map((request) => request.path)).toEqual([
    '/api/v1/contact-duplicates?limit=100&separateContacts=false',
    `/api/v1/contact-duplicates?limit=100&separateContacts=false&after=${encodeURIComponent('["CT1099","CT0100"]')}`,
  ]);
});

test('no pairs to review says so', async () => {
  const contacts = world();
  contacts.pairs = [];
  await openPage(contacts, '/console/contact-duplicates?show=all');
  expect(await screen.findByText('The duplicate search has found no pairs.')).toBeTruthy();
});
