/** @jest-environment jsdom */
import './chunks-as-require';
import { failing } from './failing-summary';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { person, put } from '../cache/fixtures';
import { applyPage, createFakeHost, readItem, renderPane } from './pane-harness';

describe('a view that fails to render', () => {
  beforeEach(() => {
    failing.broken = true;
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const storeWithAnna = async () => {
    const store = createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });
    await applyPage(store, [put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example' }))]);
    return store;
  };

  test('says so in place of the view, keeps the sync footer, and renders again on "Try again"', async () => {
    const user = userEvent.setup();
    await renderPane({ store: await storeWithAnna(), host: createFakeHost({ item: readItem({ from: { name: 'Anna', address: 'anna@fabrikam.example' } }) }) });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Something went wrong showing this message.')).toBeTruthy();
    expect(screen.getByRole('contentinfo', { name: 'Sync status' })).toBeTruthy();
    expect(console.error).toHaveBeenCalledWith('Rapport: the view of this item failed', expect.any(Error));

    failing.broken = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Anna Berg' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('gets another chance with the next item the user selects', async () => {
    const host = createFakeHost({ item: readItem({ from: { name: 'Anna', address: 'anna@fabrikam.example' } }) });
    await renderPane({ store: await storeWithAnna(), host });
    await screen.findByRole('alert');
    failing.broken = false;
    act(() => host.select(readItem({ internetMessageId: '<next@fabrikam.example>', from: { name: 'Anna', address: 'anna@fabrikam.example' } })));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Anna Berg' })).toBeTruthy();
  });
});
