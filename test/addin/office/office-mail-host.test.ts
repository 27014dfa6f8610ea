import { createAsyncQueue } from '../../../src/addin/office/async-queue';
import type { MailItem, SendStamp } from '../../../src/addin/office/mail-host';
import { OfficeCallError } from '../../../src/addin/office/office-call-error';
import { AUTO_LOG_SENT_SETTING, createOfficeMailHost, LOG_WHEN_SENT_PROPERTY, PENDING_LOG_PROPERTY } from '../../../src/addin/office/office-mail-host';
import { STAMP_HEADER, STAMP_PROPERTY } from '../../../src/addin/office/send-stamp';
import { createOfficeMock, failedWith, succeeded, type OfficeMockOptions, type ReadItemData } from './office-mock';

const STAMP: SendStamp = { interactionId: '6f1c2a4e-9b1d-4c7e-8f3a-2d5b7c9e1a20', state: 'waiting' };

/** A host over a fresh mock, with a queue of its own so tests do not share slots. */
function hostOver(options: OfficeMockOptions = {}) {
  const mock = createOfficeMock(options);
  return { mock, host: createOfficeMailHost(mock.office, { queue: createAsyncQueue() }) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the Office mail host: reading a message', () => {
  const received = {
    mode: 'read' as const,
    data: {
      itemId: 'AAMkAD-42',
      internetMessageId: '<CAF=42@mail.example.com>',
      conversationId: 'conv-42',
      subject: 'Quote for 40 chairs',
      from: { displayName: 'Robin Lee', emailAddress: 'Robin.Lee@Fabrikam.example' },
      to: [{ displayName: 'Annette Hill', emailAddress: 'annette@cronus.example' }],
      cc: [{ displayName: '', emailAddress: 'sales@cronus.example' }],
      dateTimeCreated: new Date('2025-03-04T09:15:00Z'),
      attachments: [
        { name: 'quote.pdf', isInline: false },
        { name: 'logo.png', isInline: true },
      ],
    },
  };

  test('reports every field of the open message, inline images left out of the attachments', async () => {
    const { host } = hostOver({ item: received });
    await expect(host.currentItem()).resolves.toEqual<MailItem>({
      mode: 'read',
      itemId: 'AAMkAD-42',
      internetMessageId: '<CAF=42@mail.example.com>',
      conversationId: 'conv-42',
      subject: 'Quote for 40 chairs',
      from: { name: 'Robin Lee', address: 'Robin.Lee@Fabrikam.example' },
      to: [{ name: 'Annette Hill', address: 'annette@cronus.example' }],
      cc: [{ name: '', address: 'sales@cronus.example' }],
      sentAt: '2025-03-04T09:15:00.000Z',
      mailboxOwner: null,
      sentFromMailbox: false,
      attachmentNames: ['quote.pdf'],
    });
  });

  test.each<[string, OfficeMockOptions['item'], boolean, string]>([
    ['from the user, in another letter case, is a sent item', { mode: 'read', data: { from: { displayName: 'Annette', emailAddress: 'ANNETTE@cronus.example' } } }, true, 'ANNETTE@cronus.example'],
    ['from someone else is not', { mode: 'read', data: { from: { displayName: 'Robin', emailAddress: 'robin@fabrikam.example' } } }, false, 'robin@fabrikam.example'],
    ['without from falls back on the sender', { mode: 'read', data: { sender: { displayName: 'Robin', emailAddress: 'robin@fabrikam.example' } } }, false, 'robin@fabrikam.example'],
    ['without from or sender has an empty sender and is not sent by the user', { mode: 'read', data: {} }, false, ''],
  ])('a message %s', async (_case, item, sentFromMailbox, fromAddress) => {
    const { host } = hostOver({ item });
    const read = await host.currentItem();
    expect(read).toMatchObject({ mode: 'read', sentFromMailbox, from: { address: fromAddress } });
  });

  test('reads no item when none is open, as in a pinned pane between items', async () => {
    const { host } = hostOver({ item: null });
    await expect(host.currentItem()).resolves.toBeNull();
  });

  test('gives the body as text, cut at the length asked for', async () => {
    const { host, mock } = hostOver({ item: { mode: 'read', data: { body: 'Hello Annette, here is the quote.' } } });
    await expect(host.bodyExcerpt(5)).resolves.toBe('Hello');
    expect(mock.calls.find((call) => call.name === 'item.body.getAsync')?.args).toEqual(['text']);
  });

  test('knows the user, the display language and the host', () => {
    const { host } = hostOver({ user: { displayName: 'Annette Hill', emailAddress: 'annette@cronus.example' }, displayLanguage: 'sv-SE' });
    expect([host.user(), host.displayLanguage(), host.host]).toEqual([{ name: 'Annette Hill', address: 'annette@cronus.example' }, 'sv-SE', 'Outlook']);
  });
});

describe('the Office mail host: whose mailbox a message is in', () => {
  const USER = { displayName: 'Annette Hill', emailAddress: 'annette@cronus.example' };
  const SALES = 'sales@cronus.example';
  const customer = { displayName: 'Robin Lee', emailAddress: 'robin@fabrikam.example' };
  const read = (data: ReadItemData) => hostOver({ user: USER, item: { mode: 'read', data } });

  test.each<[string, ReadItemData, string | null, boolean]>([
    ['a customer’s message in the shared sales@ mailbox is in sales@’s, received', { from: customer, to: [{ displayName: 'Sales', emailAddress: SALES }], mailbox: { owner: SALES } }, SALES, false],
    ['a colleague’s answer from sales@, in sales@’s, is sent from the mailbox', { from: { displayName: 'Cronus Sales', emailAddress: 'Sales@Cronus.example' }, to: [customer], mailbox: { owner: SALES } }, SALES, true],
    ['a delegator’s own mail, in her mailbox, is sent from the mailbox', { from: { displayName: 'Otto', emailAddress: 'otto@cronus.example' }, to: [customer], mailbox: { owner: 'otto@cronus.example', delegatePermissions: 1 } }, 'otto@cronus.example', true],
    ['the user’s own sent mail, in a shared mailbox, is sent from it too', { from: USER, to: [customer], mailbox: { owner: SALES } }, SALES, true],
    ['a message in the user’s own mailbox, where Outlook answers Failed, is in no other', { from: customer, to: [USER] }, null, false],
    ['a message whose owner Outlook names as the user is in the user’s own', { from: customer, to: [USER], mailbox: { owner: 'ANNETTE@cronus.example' } }, null, false],
    ['an owner without an address is no mailbox', { from: customer, to: [USER], mailbox: { owner: '' } }, null, false],
    ['a client without the method is the user’s own', { from: customer, to: [USER], mailbox: 'noMethod' }, null, false],
  ])('%s', async (_case, data, mailboxOwner, sentFromMailbox) => {
    const { host } = read(data);
    await expect(host.currentItem()).resolves.toMatchObject({ mode: 'read', mailboxOwner, sentFromMailbox });
  });

  test('asks Outlook once per reading, through getSharedPropertiesAsync', async () => {
    const { host, mock } = read({ from: customer, mailbox: { owner: SALES } });
    await host.currentItem();
    expect(mock.calls.filter((call) => call.name === 'item.getSharedPropertiesAsync')).toHaveLength(1);
  });

  test('without Mailbox 1.8 (no shared folders) Outlook is not asked', async () => {
    const { host, mock } = hostOver({ user: USER, supportedSets: ['1.1', '1.3', '1.5'], item: { mode: 'read', data: { from: customer, mailbox: { owner: SALES } } } });
    await expect(host.currentItem()).resolves.toMatchObject({ mailboxOwner: null });
    expect(mock.calls.some((call) => call.name === 'item.getSharedPropertiesAsync')).toBe(false);
  });

  test('the call waits its turn in the queue of at most three, like every Office call', async () => {
    const { host, mock } = read({ from: customer, mailbox: { owner: SALES } });
    mock.holdCalls();
    const reading = host.currentItem();
    await flush();
    expect(mock.pending().map((call) => call.name)).toEqual(['item.getSharedPropertiesAsync']);
    mock.pending()[0]!.answer(succeeded(undefined));
    await expect(reading).resolves.toMatchObject({ mailboxOwner: SALES });
  });

  test('a call that throws rather than answering leaves the message readable, as in the user’s own mailbox', async () => {
    const mock = createOfficeMock({ user: USER, item: { mode: 'read', data: { from: customer } } });
    const item = (mock.office.context.mailbox as unknown as { item: Record<string, unknown> }).item;
    item.getSharedPropertiesAsync = () => {
      throw new Error('not in this client');
    };
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = createOfficeMailHost(mock.office, { queue: createAsyncQueue() });
    await expect(host.currentItem()).resolves.toMatchObject({ mode: 'read', mailboxOwner: null, sentFromMailbox: false });
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('the Office mail host: composing a message', () => {
  const draft = {
    mode: 'compose' as const,
    data: { subject: 'Your visit', to: [{ displayName: 'Robin Lee', emailAddress: 'robin@fabrikam.example' }], cc: [] },
  };

  test('reads subject, To and Cc through Outlook’s async getters', async () => {
    const { host, mock } = hostOver({ item: draft });
    await expect(host.currentItem()).resolves.toEqual<MailItem>({ mode: 'compose', itemId: null, subject: 'Your visit', to: [{ name: 'Robin Lee', address: 'robin@fabrikam.example' }], cc: [] });
    expect(mock.calls.map((call) => call.name).sort()).toEqual(['item.cc.getAsync', 'item.subject.getAsync', 'item.to.getAsync']);
  });

  test.each([
    ['nothing saved', false, {}],
    ['the flag saved as "1"', true, { [LOG_WHEN_SENT_PROPERTY]: '1' }],
    ['something else saved', false, { [LOG_WHEN_SENT_PROPERTY]: 'yes' }],
  ])('"log when sent" with %s reads as %s', async (_case, expected, customProperties) => {
    const { host } = hostOver({ item: draft, customProperties });
    await expect(host.logWhenSent()).resolves.toBe(expected);
  });

  test('"log when sent" is saved on the draft when turned on and removed when turned off', async () => {
    const { host, mock } = hostOver({ item: draft, customProperties: { other: 'kept' } });
    await host.setLogWhenSent(true);
    expect(mock.savedProperties()).toEqual({ other: 'kept', [LOG_WHEN_SENT_PROPERTY]: '1' });
    await host.setLogWhenSent(false);
    expect(mock.savedProperties()).toEqual({ other: 'kept' });
  });

  test('"log when sent" belongs to drafts: asking a read item is an error of kind wrongMode', async () => {
    const { host } = hostOver({ item: { mode: 'read', data: {} } });
    await expect(host.logWhenSent()).rejects.toMatchObject({ name: 'OfficeCallError', kind: 'wrongMode' });
  });

  test('the stamp goes in the internet header and in a custom property where Mailbox 1.8 is supported', async () => {
    const { host, mock } = hostOver({ item: draft });
    await host.stampForSend(STAMP);
    expect(mock.headers()).toEqual({ [STAMP_HEADER]: `${STAMP.interactionId};waiting` });
    expect(JSON.parse(String(mock.savedProperties()[STAMP_PROPERTY]))).toEqual(STAMP);
  });

  test('without Mailbox 1.8 the stamp goes in the custom property only, and no header call is made', async () => {
    const { host, mock } = hostOver({ item: draft, supportedSets: ['1.1', '1.3', '1.5'] });
    await host.stampForSend(STAMP);
    expect(mock.calls.some((call) => call.name === 'item.internetHeaders.setAsync')).toBe(false);
    expect(mock.savedProperties()[STAMP_PROPERTY]).toBeDefined();
  });

  test('the stamp is good when one of its carriers fails, and fails only when both do', async () => {
    const one = hostOver({ item: draft });
    one.mock.failNext('item.internetHeaders.setAsync', failedWith(9000, 'InternalError'));
    await expect(one.host.stampForSend(STAMP)).resolves.toBeUndefined();

    const both = hostOver({ item: draft });
    both.mock.failNext('item.internetHeaders.setAsync', failedWith(9000, 'InternalError'));
    both.mock.failNext('customProperties.saveAsync', failedWith(9002, 'InternalServerError'));
    await expect(both.host.stampForSend(STAMP)).rejects.toBeInstanceOf(OfficeCallError);
  });
});

describe('the Office mail host: the stamp of a sent message', () => {
  const header = (value: string) => `Received: from mail.example.com\r\nX-Rapport-Interaction: ${value}\r\nSubject: Your visit\r\n`;

  test.each<[string, Record<string, unknown>, string, SendStamp | null]>([
    ['the custom property when it holds a stamp', { [STAMP_PROPERTY]: JSON.stringify({ interactionId: STAMP.interactionId, state: 'logged' }) }, header(`${STAMP.interactionId};waiting`), { ...STAMP, state: 'logged' }],
    ['the header when the property is missing', {}, header(`${STAMP.interactionId};waiting`), STAMP],
    ['the header when the property is damaged', { [STAMP_PROPERTY]: '{"interactionId":' }, header(`${STAMP.interactionId};waiting`), STAMP],
    ['nothing when the header holds no stamp', {}, header('not-a-uuid;waiting'), null],
    ['nothing when neither is there', {}, 'Subject: hi\r\n', null],
  ])('comes from %s', async (_case, customProperties, rawHeaders, expected) => {
    const { host } = hostOver({ item: { mode: 'read', data: { rawHeaders } }, customProperties });
    await expect(host.readStamp()).resolves.toEqual(expected);
  });

  test('is not looked for in the headers without Mailbox 1.8', async () => {
    const { host, mock } = hostOver({ item: { mode: 'read', data: { rawHeaders: header(`${STAMP.interactionId};waiting`) } }, supportedSets: ['1.1', '1.3'] });
    await expect(host.readStamp()).resolves.toBeNull();
    expect(mock.calls.some((call) => call.name === 'item.getAllInternetHeadersAsync')).toBe(false);
  });

  test('comes from the header when the custom properties cannot be loaded, and the failure surfaces when the header has none', async () => {
    const found = hostOver({ item: { mode: 'read', data: { rawHeaders: header(`${STAMP.interactionId};waiting`) } } });
    found.mock.failNext('item.loadCustomPropertiesAsync', failedWith(9002, 'InternalServerError'));
    await expect(found.host.readStamp()).resolves.toEqual(STAMP);

    const missing = hostOver({ item: { mode: 'read', data: { rawHeaders: '' } } });
    missing.mock.failNext('item.loadCustomPropertiesAsync', failedWith(9002, 'InternalServerError'));
    await expect(missing.host.readStamp()).rejects.toMatchObject({ kind: 'failed', code: 9002 });
  });
});

describe('the Office mail host: the waiting log and the automatic-logging switch', () => {
  test('a waiting log is kept on a read item, read back and removed', async () => {
    const { host, mock } = hostOver({ item: { mode: 'read', data: {} } });
    await expect(host.pendingLog()).resolves.toBeNull();
    await host.setPendingLog('{"id":"x"}');
    expect(mock.savedProperties()).toEqual({ [PENDING_LOG_PROPERTY]: '{"id":"x"}' });
    await expect(host.pendingLog()).resolves.toBe('{"id":"x"}');
    await host.setPendingLog(null);
    expect(mock.savedProperties()).toEqual({});
  });

  test.each([
    ['unset', false, {}],
    ['true', true, { [AUTO_LOG_SENT_SETTING]: true }],
    ['the text "true"', false, { [AUTO_LOG_SENT_SETTING]: 'true' }],
  ])('automatic logging of sent mail with a roaming setting that is %s reads as %s', (_case, expected, roamingSettings) => {
    const { host } = hostOver({ roamingSettings });
    expect(host.autoLogSent()).toBe(expected);
  });

  test('turning automatic logging on saves the roaming settings', async () => {
    const { host, mock } = hostOver();
    await host.setAutoLogSent(true);
    expect(mock.roaming().saved).toEqual({ [AUTO_LOG_SENT_SETTING]: true });
    expect(host.autoLogSent()).toBe(true);
  });
});

describe('the Office mail host: notifications', () => {
  test.each<['info' | 'error', Record<string, unknown>]>([
    ['info', { type: 'informationalMessage', message: 'Logged.', icon: 'Icon.16', persistent: false }],
    ['error', { type: 'errorMessage', message: 'Logged.' }],
  ])('an %s notice replaces Rapport’s one notification on the item', async (kind, details) => {
    const { host, mock } = hostOver();
    await host.notify(kind, 'Logged.');
    expect(mock.notifications()).toEqual([{ key: 'rapport-notice', details }]);
  });

  test('a notice longer than Outlook accepts is cut to 150 characters with an ellipsis', async () => {
    const { host, mock } = hostOver();
    await host.notify('info', 'x'.repeat(200));
    const message = mock.notifications()[0]?.details.message ?? '';
    expect([message.length, message.endsWith('…')]).toEqual([150, true]);
  });

  test('a notice without an open item is an error of kind noItem, and Outlook is not asked', async () => {
    const { host, mock } = hostOver({ item: null });
    await expect(host.notify('info', 'Logged.')).rejects.toMatchObject({ kind: 'noItem' });
    expect(mock.calls).toEqual([]);
  });
});

describe('the Office mail host: errors', () => {
  test('a failed AsyncResult rejects with OfficeCallError carrying Office’s code and name, whatever its message says', async () => {
    const { host, mock } = hostOver();
    mock.failNext('item.body.getAsync', failedWith(9041, 'NetworkError'));
    const error: unknown = await host.bodyExcerpt(10).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect(error).toMatchObject({ kind: 'failed', code: 9041, officeName: 'NetworkError', call: 'item.body.getAsync' });
  });
});

describe('the Office mail host: following the selected item', () => {
  test('registers one ItemChanged handler for all listeners and removes it with the last unsubscribe', async () => {
    const { host, mock } = hostOver();
    const heard: string[] = [];
    const stopA = host.onItemChanged(() => heard.push('a'));
    const stopB = host.onItemChanged(() => heard.push('b'));
    await flush();
    expect(mock.calls.filter((call) => call.name === 'mailbox.addHandlerAsync').map((call) => call.args)).toEqual([['olkItemSelectedChanged']]);

    mock.itemChangedHandler()?.();
    stopA();
    stopA();
    await flush();
    expect(mock.itemChangedHandler()).not.toBeNull();
    mock.itemChangedHandler()?.();
    expect(heard).toEqual(['a', 'b', 'b']);

    stopB();
    await flush();
    expect(mock.calls.filter((call) => call.name === 'mailbox.removeHandlerAsync').map((call) => call.args)).toEqual([['olkItemSelectedChanged']]);
    expect(mock.itemChangedHandler()).toBeNull();
  });

  test('a listener that throws does not keep the others from hearing the change', async () => {
    const { host, mock } = hostOver();
    const heard: string[] = [];
    host.onItemChanged(() => {
      throw new Error('broken listener');
    });
    host.onItemChanged(() => heard.push('second'));
    await flush();
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    mock.itemChangedHandler()?.();
    consoleError.mockRestore();
    expect(heard).toEqual(['second']);
  });
});

describe('the Office mail host: at most three Outlook calls at a time', () => {
  test('a fourth call waits until one of the first three is answered', async () => {
    const { host, mock } = hostOver({ item: { mode: 'compose', data: { subject: 'S' } } });
    mock.holdCalls();
    const first = host.currentItem();
    const second = host.currentItem();
    await flush();
    expect(mock.pending().map((call) => call.name)).toEqual(['item.subject.getAsync', 'item.to.getAsync', 'item.cc.getAsync']);

    mock.pending()[0]!.answer(succeeded(undefined));
    await flush();
    expect(mock.pending()).toHaveLength(3);
    expect(mock.calls).toHaveLength(4);

    while (mock.pending().length > 0) {
      expect(mock.pending().length).toBeLessThanOrEqual(3);
      mock.pending()[0]!.answer(succeeded(undefined));
      await flush();
    }
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    expect(mock.calls).toHaveLength(6);
  });
});
