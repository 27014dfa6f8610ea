/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { person, put } from '../cache/fixtures';
import { applyPage, createFakeAuth, renderPane } from './pane-harness';

const newStore = () => createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });
const footer = () => screen.getByRole('contentinfo', { name: 'Sync status' });

describe('the sync status', () => {
  test('shows when it last synced and how many changes wait', async () => {
    const pane = await renderPane({ status: { lastSyncedAt: '2025-03-10T09:28:00Z', pendingCount: 0 } });
    expect(await within(footer()).findByText('Synced 2 minutes ago')).toBeTruthy();
    expect(within(footer()).queryByText(/Changes waiting/)).toBeNull();

    act(() => pane.engine.setStatus({ pendingCount: 3, state: 'offline' }));
    expect(within(footer()).getByText('Changes waiting: 3')).toBeTruthy();
    expect(within(footer()).getByText('Offline')).toBeTruthy();
  });

  test('a refused change shows its reason by code, and can be discarded', async () => {
    const store = newStore();
    const entry = await store.enqueue('closeTask', { no: 'TD9', completedBy: '' });
    await store.recordPushResults([{ id: entry.id, status: 'rejected', duplicate: false, rejection: { code: 'not_found', message: 'There is no task TD9.' } }]);
    const user = userEvent.setup();
    await renderPane({ store });

    const refused = await screen.findByRole('region', { name: 'Changes the service refused' });
    expect(within(refused).getByText('Close task TD9')).toBeTruthy();
    expect(within(refused).getByText('The record no longer exists.')).toBeTruthy();
    expect(within(refused).queryByText('There is no task TD9.')).toBeNull();
    await user.click(within(refused).getByRole('button', { name: 'Discard: Close task TD9' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Changes the service refused' })).toBeNull());
    expect(await store.outbox()).toHaveLength(0);
  });

  test('a refused change can be tried again once mended: queued anew as it was, the refusal gone', async () => {
    const store = newStore();
    const args = { id: '33333333-3333-4333-8333-333333333333', contactNo: 'CT101', kind: 'phoneCall' as const, date: '2025-03-10', time: '09:00:00', description: 'Prices' };
    const entry = await store.enqueue('logInteraction', args);
    await store.recordPushResults([{ id: entry.id, status: 'rejected', duplicate: false, rejection: { code: 'interaction_template_missing', message: '' } }]);
    const user = userEvent.setup();
    const pane = await renderPane({ store });

    const refused = await screen.findByRole('region', { name: 'Changes the service refused' });
    expect(within(refused).queryByRole('button', { name: 'Create anyway' })).toBeNull();
    await user.click(within(refused).getByRole('button', { name: /^Try again: / }));
    await waitFor(async () => expect((await store.outbox()).map((queued) => [queued.id, queued.name, queued.status, queued.args])).toEqual([[entry.id + 1, 'logInteraction', 'pending', args]]));
    expect(pane.engine.notifyWrite).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Changes the service refused' })).toBeNull());
  });

  test('a contact refused as a likely duplicate names the candidates and can be created anyway', async () => {
    const store = newStore();
    await applyPage(store, [put('contact', person('CT042', { name: 'Anna Berg' }))]);
    const contact = { type: 'person' as const, firstName: 'Anna', surname: 'Berg', name: 'Anna Berg', email: 'anna@fabrikam.example' };
    const entry = await store.enqueue('createContact', { id: '22222222-2222-4222-8222-222222222222', contact, allowDuplicates: false });
    await store.recordPushResults([
      { id: entry.id, status: 'rejected', duplicate: false, rejection: { code: 'likely_duplicate', message: '', details: { candidates: [{ contactNo: 'CT042', name: 'Anna Berg', type: 'person', noOfMatchingStrings: 9, exactMatches: [], separateContacts: false }] } } },
    ]);
    const user = userEvent.setup();
    const pane = await renderPane({ store });

    const refused = await screen.findByRole('region', { name: 'Changes the service refused' });
    expect(within(refused).getByText(/A contact like this exists already\. Similar: Anna Berg/)).toBeTruthy();
    await user.click(within(refused).getByRole('button', { name: 'Create anyway' }));
    await waitFor(async () => expect((await store.outbox()).map((queued) => [queued.name, queued.status, queued.args])).toEqual([['createContact', 'pending', { id: expect.any(String), contact, allowDuplicates: true }]]));
    expect(pane.engine.notifyWrite).toHaveBeenCalled();
  });

  test('signed in: "Sign out" forgets the sign-in, the loop is told, and "Sign in" comes back', async () => {
    const auth = createFakeAuth('signedIn');
    const user = userEvent.setup();
    const pane = await renderPane({ auth });
    await user.click(await within(footer()).findByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalledTimes(1);
    expect(pane.engine.pullNow).toHaveBeenCalled();
    expect(await within(footer()).findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(within(footer()).queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  test('signed out: a "Sign in" button signs in and pulls', async () => {
    const auth = createFakeAuth('signedOut');
    const user = userEvent.setup();
    const pane = await renderPane({ auth, status: { state: 'signedOut' } });
    await user.click(await within(footer()).findByRole('button', { name: 'Sign in' }));
    expect(auth.signIn).toHaveBeenCalledTimes(1);
    expect(pane.engine.pullNow).toHaveBeenCalled();
  });
});
