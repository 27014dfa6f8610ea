/** @jest-environment jsdom */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import type { DuplicateCheck } from '../../../src/addin/taskpane/duplicate-check';
import { company, put } from '../cache/fixtures';
import { applyPage, createFakeHost, readItem, renderPane } from './pane-harness';

const newStore = () => createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });

const unknownSender = (address: string, name: string) => createFakeHost({ item: readItem({ from: { name, address } }) });

describe('an unknown sender', () => {
  test('is offered as a new contact: name split from the display name, company proposed from the domain', async () => {
    const store = newStore();
    await applyPage(store, [put('contact', company('CT500', { name: 'Fabrikam AB', email: 'info@fabrikam.example', homePage: 'www.fabrikam.example' }))]);
    const user = userEvent.setup();
    const pane = await renderPane({ store, host: unknownSender('anna.maria@fabrikam.example', 'Anna Maria de la Cruz') });

    expect(await screen.findByText('anna.maria@fabrikam.example is not a contact yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add Anna Maria de la Cruz as contact' }));

    expect(((await screen.findByLabelText('First name')) as HTMLInputElement).value).toBe('Anna Maria de');
    expect((screen.getByLabelText('Middle name') as HTMLInputElement).value).toBe('la');
    expect((screen.getByLabelText('Surname') as HTMLInputElement).value).toBe('Cruz');
    expect((screen.getByLabelText(/^Company/) as HTMLSelectElement).value).toBe('CT500');
    expect(screen.getByText('Proposed from the domain fabrikam.example.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    await waitFor(async () => expect(await store.outbox()).toHaveLength(1));
    const [entry] = await store.outbox();
    expect(entry?.name).toBe('createContact');
    expect(entry?.args).toMatchObject({ contact: { type: 'person', firstName: 'Anna Maria de', middleName: 'la', surname: 'Cruz', email: 'anna.maria@fabrikam.example', companyNo: 'CT500' }, allowDuplicates: false });
    expect(pane.checkDuplicates).toHaveBeenCalledTimes(1);
    expect(pane.engine.notifyWrite).toHaveBeenCalled();
    // The pending contact shows at once, as the sender.
    expect(await screen.findByRole('heading', { name: 'Anna Maria de la Cruz' })).toBeTruthy();
    expect(screen.getAllByText('Waiting to sync').length).toBeGreaterThan(0);
  });

  test('a form opened before the company reached the cache proposes it when it arrives, unless the user chose', async () => {
    const store = newStore();
    const user = userEvent.setup();
    await renderPane({ store, host: unknownSender('kim@fabrikam.example', 'Kim Ek') });
    await user.click(await screen.findByRole('button', { name: 'Add Kim Ek as contact' }));
    const select = (await screen.findByLabelText(/^Company/)) as HTMLSelectElement;
    expect(select.value).toBe('');

    await applyPage(store, [put('contact', company('CT500', { name: 'Fabrikam AB', email: 'info@fabrikam.example' }))]);
    await waitFor(() => expect((screen.getByLabelText(/^Company/) as HTMLSelectElement).value).toBe('CT500'));

    await user.selectOptions(screen.getByLabelText(/^Company/), '');
    await applyPage(store, [put('contact', company('CT501', { name: 'Fabrikam Group', email: 'group@fabrikam.example' }))]);
    await screen.findByRole('option', { name: 'Fabrikam Group' });
    expect((screen.getByLabelText(/^Company/) as HTMLSelectElement).value).toBe('');
  });

  test('before the first sync has caught up, the pane says the sender may be among the contacts still coming', async () => {
    const pane = await renderPane({ store: newStore(), host: unknownSender('kim@fabrikam.example', 'Kim Ek'), status: { lastSyncedAt: null } });
    expect(await screen.findByText('Your contacts are still on their way to this device: kim@fabrikam.example may be one of them.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add Kim Ek as contact' })).toBeTruthy();
    act(() => pane.engine.setStatus({ lastSyncedAt: '2025-03-10T09:28:00Z' }));
    expect(await screen.findByText('kim@fabrikam.example is not a contact yet.')).toBeTruthy();
  });

  test('a free-mail sender gets no company proposed, and the user may clear one', async () => {
    const store = newStore();
    await applyPage(store, [put('contact', company('CT501', { name: 'Gmail Fans Ltd', email: 'office@gmail.com' }))]);
    const user = userEvent.setup();
    await renderPane({ store, host: unknownSender('lars.holm@gmail.com', '') });

    await user.click(await screen.findByRole('button', { name: 'Add lars.holm@gmail.com as contact' }));
    // The local part stands in for a missing display name.
    expect(((await screen.findByLabelText('First name')) as HTMLInputElement).value).toBe('lars');
    expect((screen.getByLabelText('Surname') as HTMLInputElement).value).toBe('holm');
    expect((screen.getByLabelText(/^Company/) as HTMLSelectElement).value).toBe('');
    expect(screen.getByText('gmail.com is a free e-mail service: it says nothing about the company.')).toBeTruthy();
  });

  test('duplicates found online are shown before saving; "Save anyway" creates it allowing duplicates', async () => {
    const store = newStore();
    const check: DuplicateCheck = () =>
      Promise.resolve({ kind: 'checked', candidates: [{ contactNo: 'CT042', name: 'Anna Berg', type: 'person', noOfMatchingStrings: 9, exactMatches: ['email'], separateContacts: false }] });
    const user = userEvent.setup();
    await renderPane({ store, host: unknownSender('anna@fabrikam.example', 'Anna Berg'), checkDuplicates: check });

    await user.click(await screen.findByRole('button', { name: 'Add Anna Berg as contact' }));
    await user.click(await screen.findByRole('button', { name: 'Save contact' }));
    expect(await screen.findByText('These contacts look like the one you are adding:')).toBeTruthy();
    expect(screen.getByText('Anna Berg (CT042) · same e-mail')).toBeTruthy();
    expect(await store.outbox()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(async () => expect(await store.outbox()).toHaveLength(1));
    expect((await store.outbox())[0]?.args).toMatchObject({ allowDuplicates: true });
  });

  test.each([['E-mail'], ['Job title'], ['First name']])('editing %s after a duplicate warning withdraws "Save anyway": only what was checked is saved', async (label) => {
    const store = newStore();
    const check: DuplicateCheck = () =>
      Promise.resolve({ kind: 'checked', candidates: [{ contactNo: 'CT042', name: 'Anna Berg', type: 'person', noOfMatchingStrings: 9, exactMatches: ['email'], separateContacts: false }] });
    const user = userEvent.setup();
    await renderPane({ store, host: unknownSender('anna@fabrikam.example', 'Anna Berg'), checkDuplicates: check });

    await user.click(await screen.findByRole('button', { name: 'Add Anna Berg as contact' }));
    await user.click(await screen.findByRole('button', { name: 'Save contact' }));
    await screen.findByRole('button', { name: 'Save anyway' });
    await user.type(screen.getByLabelText(label), 'x');
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
    expect(await store.outbox()).toHaveLength(0);
  });

  test('offline, the contact is saved at once; the service checks for duplicates on push', async () => {
    const store = newStore();
    const user = userEvent.setup();
    await renderPane({ store, host: unknownSender('anna@fabrikam.example', 'Anna Berg'), checkDuplicates: () => Promise.resolve({ kind: 'unavailable', reason: 'offline' }) });

    await user.click(await screen.findByRole('button', { name: 'Add Anna Berg as contact' }));
    await user.click(await screen.findByRole('button', { name: 'Save contact' }));
    await waitFor(async () => expect(await store.outbox()).toHaveLength(1));
    expect((await store.outbox())[0]?.args).toMatchObject({ allowDuplicates: false });
  });

  test('a name is required', async () => {
    const store = newStore();
    const user = userEvent.setup();
    const pane = await renderPane({ store, host: unknownSender('x@fabrikam.example', 'X') });
    await user.click(await screen.findByRole('button', { name: 'Add X as contact' }));
    await user.clear(await screen.findByLabelText('First name'));
    await user.click(screen.getByRole('button', { name: 'Save contact' }));
    expect(await screen.findByText('Enter a first name or a surname.')).toBeTruthy();
    expect(pane.checkDuplicates).not.toHaveBeenCalled();
    expect(await store.outbox()).toHaveLength(0);
  });
});
