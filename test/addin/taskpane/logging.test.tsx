/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { campaign, campaignTarget, company, interaction, opportunity, person, put, salesperson } from '../cache/fixtures';
import { applyPage, composeItem, createFakeHost, marks, readItem, renderPane, USER } from './pane-harness';

const newStore = () => createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });
const MESSAGE = '<msg-1@fabrikam.example>';

const MARKETING_SETUP = {
  contactNos: 'CONT', campaignNos: 'CAMP', segmentNos: 'SEGM', taskNos: 'TASK', opportunityNos: 'OPP',
  inheritSalespersonCode: true, inheritTerritoryCode: true, inheritCountryRegionCode: true, inheritLanguageCode: true, inheritFormatRegion: true, inheritAddressDetails: true, inheritCommunicationDetails: true,
  defaultSalespersonCode: '', defaultTerritoryCode: '', defaultCountryRegionCode: '', defaultLanguageCode: '', defaultFormatRegion: '', defaultCorrespondenceType: '' as const,
  defCompanySalutationCode: '', defaultPersonSalutationCode: '', defaultSalesCycleCode: 'NEW', defaultTaskDateCalculation: '',
  busRelCodeForCustomers: '', busRelCodeForVendors: '', busRelCodeForBankAccs: '', busRelCodeForEmployees: '', mergefieldLanguageId: 0,
  attachmentStorageType: 'embedded' as const, attachmentStorageLocation: '', autosearchForDuplicates: true, maintainDuplSearchStrings: true, searchHitPercent: 60,
  custTemplateCompanyCode: '', custTemplatePersonCode: '', autoLogSentEmail: false,
};

async function storeWithAnna() {
  const store = newStore();
  await applyPage(store, [
    put('setup', { key: 'me', value: { salespersonCode: 'SAM', email: USER.address, name: USER.name } }),
    put('salesperson', salesperson('SAM', { name: 'Sam Salesperson', email: USER.address })),
    put('salesperson', salesperson('BO', { name: 'Bo Berg', email: 'bo@cronus.example' })),
    put('contact', company('CT100', { name: 'Fabrikam AB' })),
    put('contact', person('CT101', { name: 'Anna Berg', email: 'anna@fabrikam.example', companyNo: 'CT100', companyName: 'Fabrikam AB' })),
  ]);
  return store;
}

describe('logging the e-mail', () => {
  test('one click queues the log, shows it pending at once, and "Logged by you" once a pull confirms it', async () => {
    const store = await storeWithAnna();
    const user = userEvent.setup();
    const pane = await renderPane({ store });

    marks.length = 0;
    await user.click(await screen.findByRole('button', { name: 'Log e-mail' }));
    expect(await screen.findByText('Logging…')).toBeTruthy();
    // Announced through a live region that was there before the click.
    expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain('E-mail logged.');
    expect(marks).toContain('rapport:logged');
    expect(pane.engine.notifyWrite).toHaveBeenCalled();

    const [entry] = await store.outbox();
    expect(entry?.name).toBe('logEmail');
    expect(entry?.args).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      internetMessageId: MESSAGE,
      conversationId: 'conv-1',
      subject: 'Offer for spring',
      from: { name: 'Anna Berg', address: 'anna@fabrikam.example' },
      to: [USER],
      cc: [],
      sentAt: '2025-03-10T08:00:00Z',
      bodyText: 'Dear Sam, here is our offer.',
      attachmentNames: ['offer.pdf'],
    });

    // The pull that brings the interaction also confirms the mutation.
    const id = entry?.name === 'logEmail' ? entry.args.id : '';
    await applyPage(store, [put('interaction', interaction(7, { id, contactNo: 'CT101', internetMessageId: MESSAGE, userEmail: USER.address, salespersonCode: 'SAM', loggedAt: '2025-03-10T09:30:05Z' }))], { 'client-0001': entry?.id ?? 0 });
    expect(await screen.findByText('Logged by you, 9:30 AM')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Log e-mail' })).toBeNull();
  });

  test('offline, the queued log says it waits to sync', async () => {
    const store = await storeWithAnna();
    const user = userEvent.setup();
    await renderPane({ store, status: { state: 'offline' } });
    await user.click(await screen.findByRole('button', { name: 'Log e-mail' }));
    expect(await screen.findByText('Logged, waiting to sync')).toBeTruthy();
  });

  test('a message a colleague logged says who and when instead of offering to log it again', async () => {
    const store = await storeWithAnna();
    await applyPage(store, [put('interaction', interaction(3, { contactNo: 'CT101', internetMessageId: MESSAGE, userEmail: 'bo@cronus.example', salespersonCode: 'BO', loggedAt: '2025-03-10T09:05:00Z' }))]);
    await renderPane({ store });
    expect(await screen.findByText('Logged by Bo Berg, 9:05 AM')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Log e-mail' })).toBeNull();
  });

  test('a wrong log is canceled by the id it was logged with', async () => {
    const store = await storeWithAnna();
    const logged = interaction(3, { contactNo: 'CT101', internetMessageId: MESSAGE, userEmail: USER.address, salespersonCode: 'SAM' });
    await applyPage(store, [put('interaction', logged)]);
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(await screen.findByRole('button', { name: 'Cancel log' }));
    await waitFor(async () => expect((await store.outbox()).map((entry) => [entry.name, entry.args])).toEqual([['cancelInteraction', { id: logged.id, canceled: true }]]));
    // Canceled, the message may be logged again.
    expect(await screen.findByRole('button', { name: 'Log e-mail' })).toBeTruthy();
  });

  test('the log may name one of the contact’s active campaigns', async () => {
    const store = await storeWithAnna();
    await applyPage(store, [put('campaign', campaign('CP01', { description: 'Spring fair', activated: true })), put('campaignTarget', campaignTarget('CP01', 'contact', 'CT100'))]);
    const user = userEvent.setup();
    await renderPane({ store });
    await user.selectOptions(await screen.findByLabelText('Campaign'), 'CP01');
    await user.click(screen.getByRole('button', { name: 'Log e-mail' }));
    await waitFor(async () => expect((await store.outbox())[0]?.args).toMatchObject({ campaignNo: 'CP01' }));
  });

  test('the log may name one of the contact’s open opportunities; closed ones are not offered', async () => {
    const store = await storeWithAnna();
    await applyPage(store, [
      put('opportunity', opportunity('OP1', { description: 'Spring order', contactNo: 'CT101', contactCompanyNo: 'CT100' })),
      put('opportunity', opportunity('OP2', { description: 'Lost tender', contactNo: 'CT101', contactCompanyNo: 'CT100', closed: true, status: 'lost' })),
    ]);
    const user = userEvent.setup();
    await renderPane({ store });
    const picker = (await screen.findByLabelText('Opportunity')) as HTMLSelectElement;
    expect([...picker.options].map((option) => option.text)).toEqual(['No opportunity', 'Spring order']);
    await user.selectOptions(picker, 'OP1');
    await user.click(screen.getByRole('button', { name: 'Log e-mail' }));
    await waitFor(async () => expect((await store.outbox())[0]?.args).toMatchObject({ opportunityNo: 'OP1' }));

    // A phone call may name it too.
    await user.click(screen.getByRole('button', { name: 'Log a phone call' }));
    const form = await screen.findByRole('form', { name: 'Log a phone call' });
    await user.selectOptions(within(form).getByLabelText('Opportunity'), 'OP1');
    await user.click(within(form).getByRole('button', { name: 'Log' }));
    await waitFor(async () => expect((await store.outbox()).map((entry) => [entry.name, 'opportunityNo' in entry.args ? entry.args.opportunityNo : undefined])).toEqual([['logEmail', 'OP1'], ['logInteraction', 'OP1']]));
  });

  test('a phone call is logged with its description and duration', async () => {
    const store = await storeWithAnna();
    const user = userEvent.setup();
    await renderPane({ store });
    await user.click(await screen.findByRole('button', { name: 'Log a phone call' }));
    await user.type(await screen.findByLabelText('Description'), 'Price question');
    await user.type(screen.getByLabelText('Duration (minutes)'), '15');
    await user.click(screen.getByRole('button', { name: 'Log' }));
    await waitFor(async () => expect((await store.outbox())[0]?.args).toMatchObject({ contactNo: 'CT101', kind: 'phoneCall', description: 'Price question', durationMin: 15, date: '2025-03-10', time: '09:30:00' }));
  });
});

describe('sent mail and compose', () => {
  test('a sent item shows its To and Cc recipients as contacts, and the unknown ones as such', async () => {
    const store = await storeWithAnna();
    await applyPage(store, [put('contact', person('CT102', { name: 'Carl Ek', email: 'carl@fabrikam.example' }))]);
    const item = readItem({ sentFromMailbox: true, from: USER, to: [{ name: 'Anna Berg', address: 'anna@fabrikam.example' }], cc: [{ name: 'Carl', address: 'carl@fabrikam.example' }, { name: 'Nobody', address: 'nobody@else.example' }] });
    const user = userEvent.setup();
    await renderPane({ store, host: createFakeHost({ item }) });

    expect(await screen.findByText('Recipients')).toBeTruthy();
    expect(screen.getByLabelText('Anna Berg')).toBeTruthy();
    expect(screen.getByLabelText('Carl Ek')).toBeTruthy();
    expect(screen.getByText('Nobody (not a contact)')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Anna Berg' })).toBeTruthy();
    await user.click(screen.getByLabelText('Carl Ek'));
    expect(await screen.findByRole('heading', { name: 'Carl Ek' })).toBeTruthy();
  });

  test('a sent item whose stamp says its log waits is logged under the stamped id, once', async () => {
    const store = await storeWithAnna();
    const host = createFakeHost({ item: readItem({ sentFromMailbox: true, from: USER, to: [{ name: 'Anna Berg', address: 'anna@fabrikam.example' }] }) });
    host.stamp = { interactionId: '11111111-1111-4111-8111-111111111111', state: 'waiting' };
    const pane = await renderPane({ store, host });

    await waitFor(async () => expect((await store.outbox()).map((entry) => entry.args)).toEqual([expect.objectContaining({ id: host.stamp?.interactionId, internetMessageId: MESSAGE })]));
    expect(pane.engine.notifyWrite).toHaveBeenCalled();
    host.select(readItem({ sentFromMailbox: true, from: USER, to: [{ name: 'Anna Berg', address: 'anna@fabrikam.example' }] }));
    expect(await screen.findByText('Logging…')).toBeTruthy();
    expect(await store.outbox()).toHaveLength(1);
  });

  test('a log the ribbon kept on the item is taken into the outbox under its id, and dropped from the item', async () => {
    const store = await storeWithAnna();
    const host = createFakeHost();
    const kept = { id: '55555555-5555-4555-8555-555555555555', internetMessageId: MESSAGE, from: { name: 'Anna Berg', address: 'anna@fabrikam.example' }, sentAt: '2025-03-10T08:00:00Z' };
    host.pendingLogJson = JSON.stringify(kept);
    await renderPane({ store, host });
    await waitFor(async () => expect((await store.outbox()).map((entry) => entry.args)).toEqual([expect.objectContaining({ id: kept.id })]));
    expect(host.pendingLogJson).toBeNull();
    expect(await screen.findByText('Logging…')).toBeTruthy();
  });

  test('a log kept for another message, or not a log at all, is left alone', async () => {
    const store = await storeWithAnna();
    const host = createFakeHost();
    host.pendingLogJson = '{"not":"a log"}';
    await renderPane({ store, host });
    expect(await screen.findByRole('button', { name: 'Log e-mail' })).toBeTruthy();
    expect(await store.outbox()).toEqual([]);
  });

  test('Marketing Setup’s automatic logging of sent e-mail is copied into Outlook’s roaming settings', async () => {
    const store = await storeWithAnna();
    const host = createFakeHost();
    await renderPane({ store, host });
    await screen.findByRole('button', { name: 'Log e-mail' });
    expect(host.autoLogSentValue).toBe(false);
    await applyPage(store, [put('setup', { key: 'marketingSetup', value: { ...MARKETING_SETUP, autoLogSentEmail: true } })]);
    await waitFor(() => expect(host.autoLogSentValue).toBe(true));
  });

  test('compose: "Log when sent" is kept on the draft, and the recipients that are contacts show', async () => {
    const store = await storeWithAnna();
    const host = createFakeHost({ item: composeItem({ to: [{ name: 'Anna', address: 'anna@fabrikam.example' }] }) });
    const user = userEvent.setup();
    await renderPane({ store, host });

    const toggle = await screen.findByRole('switch', { name: 'Log when sent' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    await user.click(toggle);
    expect(host.logWhenSentValue).toBe(true);
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Log when sent' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.getByText('Recognized recipients')).toBeTruthy();
    expect(screen.getByLabelText('Anna Berg')).toBeTruthy();
  });
});
