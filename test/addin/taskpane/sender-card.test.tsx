/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { company, person, put, salesperson } from '../cache/fixtures';
import { applyPage, createFakeHost, readItem, renderPane } from './pane-harness';

const newStore = () => createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });

describe('the sender card', () => {
  test('a known sender shows as a person with company, job title, phones, salesperson and business relation', async () => {
    const store = newStore();
    await applyPage(store, [
      put('salesperson', salesperson('BO', { name: 'Bo Berg' })),
      put('contact', company('CT100', { name: 'Fabrikam AB', businessRelation: 'customer', customerNo: 'C100' })),
      put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example', companyNo: 'CT100', companyName: 'Fabrikam AB', jobTitle: 'Buyer', phoneNo: '+46 8 123 45', mobilePhoneNo: '+46 70 111 22', salespersonCode: 'BO' })),
    ]);
    await renderPane({ store });

    expect(await screen.findByRole('heading', { name: 'Anna Berg' })).toBeTruthy();
    expect(screen.getByText('Buyer · Fabrikam AB')).toBeTruthy();
    expect(screen.getByText('Customer')).toBeTruthy();
    const details = screen.getByLabelText('Contact details');
    expect(within(details).getByText('+46 8 123 45')).toBeTruthy();
    expect(within(details).getByText('+46 70 111 22')).toBeTruthy();
    // The salesperson's name, not their code: read from the salesperson collection.
    expect(await within(details).findByText('Bo Berg')).toBeTruthy();
  });

  test('several contacts with the address: a choice, persons first, and the chosen one’s card', async () => {
    const store = newStore();
    await applyPage(store, [
      put('contact', company('CT200', { name: 'Shared Mailbox AB', email: 'info@shared.example' })),
      put('contact', person('CT201', { name: 'Örjan Ek', email: 'info@shared.example' })),
      put('contact', person('CT202', { name: 'Carl Ek', email: 'info@shared.example' })),
    ]);
    const user = userEvent.setup();
    await renderPane({ store, host: createFakeHost({ item: readItem({ from: { name: 'Info', address: 'info@shared.example' } }) }) });

    const radios = await screen.findAllByRole('radio');
    expect(radios.map((radio) => radio.closest('.fui-Radio')?.textContent)).toEqual(['Carl Ek (Person)', 'Örjan Ek (Person)', 'Shared Mailbox AB (Company)']);
    expect(screen.queryByRole('heading', { name: 'Carl Ek' })).toBeNull();

    await user.click(screen.getByLabelText('Örjan Ek (Person)'));
    expect(await screen.findByRole('heading', { name: 'Örjan Ek' })).toBeTruthy();
  });

  test('a pinned pane follows the selected item', async () => {
    const store = newStore();
    await applyPage(store, [put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example' })), put('contact', person('CT300', { name: 'Lars Holm', email: 'lars@contoso.example' }))]);
    const pane = await renderPane({ store });
    expect(await screen.findByRole('heading', { name: 'Anna Berg' })).toBeTruthy();

    pane.host.select(readItem({ internetMessageId: '<msg-2@contoso.example>', from: { name: 'Lars Holm', address: 'Lars@Contoso.example' } }));
    expect(await screen.findByRole('heading', { name: 'Lars Holm' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Anna Berg' })).toBeNull();

    pane.host.select(null);
    expect(await screen.findByText('Select a message to see who wrote it.')).toBeTruthy();
  });
});
