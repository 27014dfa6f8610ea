/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { interaction, person, put, salesperson } from '../cache/fixtures';
import { applyPage, createFakeHost, readItem, renderPane, USER } from './pane-harness';

// A message in a shared mailbox (sales@) or a delegated one: the pane says whose mailbox it is in,
// judges sender and recipients against that mailbox's owner, and hands the mailbox to the log.
const SALES = 'sales@cronus.example';
const newStore = () => createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });

async function storeWithAnna() {
  const store = newStore();
  await applyPage(store, [
    put('setup', { key: 'me', value: { salespersonCode: 'SAM', email: USER.address, name: USER.name } }),
    put('salesperson', salesperson('SAM', { name: 'Sam Salesperson', email: USER.address })),
    put('salesperson', salesperson('BO', { name: 'Bo Berg', email: 'bo@cronus.example' })),
    put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example' })),
  ]);
  return store;
}

describe('a message in a shared mailbox', () => {
  test('a customer writing to sales@ shows the customer, says whose mailbox it is, and logs with the mailbox', async () => {
    const store = await storeWithAnna();
    const item = readItem({ mailboxOwner: SALES, from: { name: 'Anna Berg', address: 'anna@fabrikam.example' }, to: [{ name: 'Sales', address: SALES }], cc: [{ name: 'Bo Berg', address: 'bo@cronus.example' }] });
    const user = userEvent.setup();
    await renderPane({ store, host: createFakeHost({ item }) });

    expect(await screen.findByText(`In the shared mailbox ${SALES}`)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Anna Berg' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Log e-mail' }));
    expect(await screen.findByText('Logging…')).toBeTruthy();
    const [entry] = await store.outbox();
    expect(entry?.args).toMatchObject({ from: { address: 'anna@fabrikam.example' }, mailboxAddress: SALES });
  });

  test('a colleague’s answer from sales@ is mail sent from the mailbox: its recipients are shown, and it logs with the mailbox', async () => {
    const store = await storeWithAnna();
    const item = readItem({ mailboxOwner: SALES, sentFromMailbox: true, from: { name: 'Cronus Sales', address: SALES }, to: [{ name: 'Anna Berg', address: 'anna@fabrikam.example' }] });
    const user = userEvent.setup();
    await renderPane({ store, host: createFakeHost({ item }) });

    expect(await screen.findByText(`In the shared mailbox ${SALES}`)).toBeTruthy();
    expect(await screen.findByText('Recipients')).toBeTruthy();
    expect(screen.getByLabelText('Anna Berg')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Log e-mail' }));
    await waitFor(async () => expect((await store.outbox()).map((entry) => entry.args)).toEqual([expect.objectContaining({ from: { name: 'Cronus Sales', address: SALES }, mailboxAddress: SALES })]));
  });

  test('logged by a colleague from the same shared mailbox, it shows who logged it instead of offering to log again', async () => {
    const store = await storeWithAnna();
    await applyPage(store, [put('interaction', interaction(7, { contactNo: 'CT101', internetMessageId: '<msg-1@fabrikam.example>', userEmail: 'bo@cronus.example', salespersonCode: 'BO' }))]);
    const item = readItem({ mailboxOwner: SALES, from: { name: 'Anna Berg', address: 'anna@fabrikam.example' }, to: [{ name: 'Sales', address: SALES }] });
    await renderPane({ store, host: createFakeHost({ item }) });
    expect(await screen.findByText(/Logged by Bo Berg/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Log e-mail' })).toBeNull();
  });

  test('in the user’s own mailbox nothing is said about mailboxes, and the log names none', async () => {
    const store = await storeWithAnna();
    const user = userEvent.setup();
    await renderPane({ store, host: createFakeHost({ item: readItem() }) });
    await user.click(await screen.findByRole('button', { name: 'Log e-mail' }));
    expect(screen.queryByText(/shared mailbox/)).toBeNull();
    const [entry] = await store.outbox();
    expect(entry?.args).not.toHaveProperty('mailboxAddress');
  });
});
