/** @jest-environment jsdom */
import { installNetworkSwitch } from '../../src/preview/network-switch';
import {
  ASYNC_RESULT_STATUS,
  COERCION_TYPE,
  EVENT_TYPE,
  ITEM_NOTIFICATION_MESSAGE_TYPE,
  LIMITS,
  THEME_COLOURS,
  createOfficeStandIn,
  type AsyncResult,
  type CustomProperties,
  type OfficeStandIn,
  type StandInRole,
} from '../../src/preview/office-stand-in';
import { LOG_EMAIL_COMMAND, ON_MESSAGE_SEND_COMMAND, PreviewMailbox, type CommandEvent, type PreviewTheme } from '../../src/preview/preview-mailbox';
import { SAMPLE_INBOX } from '../../src/preview/sample-inbox';

const USER = { displayName: 'Astrid Lindqvist', emailAddress: 'astrid.lindqvist@nordlys.example' };
const NOW = new Date('2025-03-14T09:00:00Z');

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

function setUp(options: { role?: StandInRole; theme?: PreviewTheme; storage?: ReturnType<typeof memoryStorage>; mailbox?: PreviewMailbox } = {}) {
  const mailbox =
    options.mailbox ??
    new PreviewMailbox({ samples: SAMPLE_INBOX, user: USER, displayLanguage: 'sv-SE', theme: options.theme ?? 'light', now: () => NOW, newId: () => 'sent-0001', commandTimeoutMs: 500 });
  const storage = options.storage ?? memoryStorage();
  const { office, dispose } = createOfficeStandIn({ mailbox, role: options.role ?? 'pane', device: 1, storage, readyDelayMs: 30, callDelayMs: 1 });
  return { mailbox, office, dispose, storage };
}

type Item = NonNullable<OfficeStandIn['context']['mailbox']['item']>;
type ReadItem = Extract<Item, { itemId: string }>;
type ComposeItem = Exclude<Item, ReadItem>;

function readItem(office: OfficeStandIn): ReadItem {
  const item = office.context.mailbox.item;
  if (item === null || !('itemId' in item)) throw new Error('expected a read item');
  return item;
}

function composeItem(office: OfficeStandIn): ComposeItem {
  const item = office.context.mailbox.item;
  if (item === null || 'itemId' in item) throw new Error('expected a compose item');
  return item;
}

/** Calls an Office-style async method and resolves with its AsyncResult. */
function call<T>(start: (callback: (result: AsyncResult<T>) => void) => void): Promise<AsyncResult<T>> {
  return new Promise((resolve) => start(resolve));
}

const succeeded = <T>(result: AsyncResult<T>): T => {
  expect(result).toMatchObject({ status: ASYNC_RESULT_STATUS.Succeeded, error: undefined });
  return result.value as T;
};

describe('Office.js shapes', () => {
  test('enums carry Office.js run-time values', () => {
    const { office } = setUp();
    expect(office.AsyncResultStatus).toEqual({ Succeeded: 'succeeded', Failed: 'failed' });
    expect(office.EventType.ItemChanged).toBe('olkItemSelectedChanged');
    expect(office.CoercionType.Text).toBe('text');
    expect(office.MailboxEnums.ItemNotificationMessageType.InformationalMessage).toBe('informationalMessage');
  });

  test('Office.onReady resolves only after the simulated start-up delay, with Outlook as host', async () => {
    const { office } = setUp();
    let settled = false;
    const ready = office.onReady().then((info) => {
      settled = true;
      return info;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(settled).toBe(false);
    await expect(ready).resolves.toEqual({ host: 'Outlook', platform: 'OfficeOnline' });
    const viaCallback = await new Promise((resolve) => void office.onReady(resolve));
    expect(viaCallback).toEqual({ host: 'Outlook', platform: 'OfficeOnline' });
  });

  test('context: display language, user profile and requirement sets', () => {
    const { office } = setUp();
    expect(office.context.displayLanguage).toBe('sv-SE');
    expect(office.context.mailbox.userProfile).toMatchObject({ displayName: USER.displayName, emailAddress: USER.emailAddress });
    expect(office.context.requirements.isSetSupported('Mailbox', '1.8')).toBe(true);
    expect(office.context.requirements.isSetSupported('Mailbox', '1.10')).toBe(true);
    expect(office.context.requirements.isSetSupported('Mailbox', '1.13')).toBe(false);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.1')).toBe(false);
  });

  test.each<[PreviewTheme, boolean]>([
    ['light', true],
    ['dark', true],
    ['highContrast', true],
    ['unset', false],
  ])('the %s theme gives Office theme colours: %s', (theme, hasColours) => {
    const { office } = setUp({ theme });
    if (hasColours) expect(office.context.officeTheme).toEqual(THEME_COLOURS[theme as Exclude<PreviewTheme, 'unset'>]);
    else expect(office.context.officeTheme).toBeUndefined();
  });

  test('a read item has the synchronous fields of Office.js, with recipient types', () => {
    const { mailbox, office } = setUp();
    mailbox.select('en-pipeline-review');
    const item = readItem(office);
    expect(item).toMatchObject({
      itemType: 'message',
      internetMessageId: '<sample-en-pipeline-review@nordlys.example>',
      conversationId: 'conv-en-pipeline-review',
      subject: 'Pipeline review on Thursday',
      from: { displayName: 'Katrin Müller', emailAddress: 'katrin.mueller@nordlys.example', recipientType: 'enterprise' },
      to: [{ emailAddress: USER.emailAddress, recipientType: 'enterprise' }],
    });
    expect(item.dateTimeCreated).toBeInstanceOf(Date);
    expect(item.dateTimeCreated.toISOString()).toBe(new Date(NOW.getTime() - 42 * 60_000).toISOString());
    mailbox.select('en-long-subject');
    expect(readItem(office).attachments.map((attachment) => [attachment.name, attachment.attachmentType, attachment.isInline])).toEqual([
      ['quotation-rev4.pdf', 'file', false],
      ['service-agreement-draft.docx', 'file', false],
    ]);
    expect(readItem(office).from.recipientType).toBe('externalUser');
  });

  test('callbacks run later, never during the call, and carry asyncContext', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    let called = false;
    const result = call<string>((callback) => {
      readItem(office).body.getAsync(COERCION_TYPE.Text, { asyncContext: 'ctx-1' }, (answer) => {
        called = true;
        callback(answer);
      });
      expect(called).toBe(false);
    });
    const answer = await result;
    expect(answer.asyncContext).toBe('ctx-1');
    expect(succeeded(answer)).toContain('hydraulslang DN12');
  });

  test('an HTML body read as text has no script, style or handler text', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('de-html-lieferung');
    const body = succeeded(await call<string>((callback) => readItem(office).body.getAsync(COERCION_TYPE.Text, callback)));
    expect(body).toContain('bitte bestätigen Sie die Lieferung der Hydraulikzylinder für KW 14.');
    expect(body).not.toMatch(/hacked|script|onerror|font-family/);
    const html = succeeded(await call<string>((callback) => readItem(office).body.getAsync(COERCION_TYPE.Html, callback)));
    expect(html).toContain('<b>Hydraulikzylinder</b>');
  });

  test('Office.actions.associate registers with the mailbox for the runtime', () => {
    const { mailbox, office } = setUp({ role: 'commands' });
    expect(mailbox.isRegistered(LOG_EMAIL_COMMAND)).toBe(false);
    office.actions.associate(LOG_EMAIL_COMMAND, (event) => event.completed());
    expect(mailbox.isRegistered(LOG_EMAIL_COMMAND)).toBe(true);
  });
});

describe('item switching', () => {
  test('selecting another item fires ItemChanged and gives a new item object', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    const first = office.context.mailbox.item;
    expect(office.context.mailbox.item).toBe(first);

    const events: unknown[] = [];
    const registered = await call<void>((callback) => office.context.mailbox.addHandlerAsync(EVENT_TYPE.ItemChanged, (args) => events.push(args), callback));
    succeeded(registered);

    mailbox.select('nb-fraktavtale');
    expect(readItem(office).subject).toBe('Fraktavtale for andre kvartal');
    expect(office.context.mailbox.item).not.toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual([{ type: 'olkItemSelectedChanged' }]);

    mailbox.select(null);
    expect(office.context.mailbox.item).toBeNull();
  });

  test('selecting the same item again fires nothing; removeHandlerAsync stops the events', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    let count = 0;
    succeeded(await call<void>((callback) => office.context.mailbox.addHandlerAsync(EVENT_TYPE.ItemChanged, () => count++, callback)));
    mailbox.select('sv-offert-hydraulslangar');
    mailbox.select('nb-fraktavtale');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(count).toBe(1);
    succeeded(await call<void>((callback) => office.context.mailbox.removeHandlerAsync(EVENT_TYPE.ItemChanged, callback)));
    mailbox.select('sv-offert-hydraulslangar');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(count).toBe(1);
  });

  test('an event type other than ItemChanged fails in the callback', async () => {
    const { office } = setUp();
    const result = await call<void>((callback) => office.context.mailbox.addHandlerAsync('olkRecipientsChanged', () => undefined, callback));
    expect(result.status).toBe(ASYNC_RESULT_STATUS.Failed);
    expect(result.error).toMatchObject({ name: 'InvalidEventType' });
  });

  test('after dispose the pane no longer hears the mailbox', async () => {
    const { mailbox, office, dispose } = setUp();
    let count = 0;
    succeeded(await call<void>((callback) => office.context.mailbox.addHandlerAsync(EVENT_TYPE.ItemChanged, () => count++, callback)));
    dispose();
    mailbox.select('nb-fraktavtale');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(count).toBe(0);
  });

  test('a draft is a compose item: fields are read with getAsync and follow what the user typed', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('draft-da-tilbud');
    const draft = composeItem(office);
    expect('internetMessageId' in draft).toBe(false);
    expect(succeeded(await call<string>((callback) => draft.subject.getAsync(callback)))).toBe('Tilbud på stålprofiler');
    mailbox.updateDraft('draft-da-tilbud', { subject: 'Tilbud, revideret', cc: [{ displayName: 'Maren Skov', emailAddress: 'maren.skov@lauridsen-industri.example' }] });
    expect(succeeded(await call<string>((callback) => draft.subject.getAsync(callback)))).toBe('Tilbud, revideret');
    expect(succeeded(await call((callback) => draft.to.getAsync(callback)))).toEqual([
      { displayName: 'Lars Søndergaard', emailAddress: 'lars.sondergaard@lauridsen-industri.example', recipientType: 'externalUser' },
    ]);
    expect(succeeded(await call((callback) => draft.cc.getAsync({ asyncContext: 1 }, callback)))).toHaveLength(1);
  });
});

describe('custom properties and internet headers, per item', () => {
  test('saved custom properties stay with their item; unsaved changes are lost', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    const first = succeeded(await call<CustomProperties>((callback) => readItem(office).loadCustomPropertiesAsync(callback)));
    first.set('pendingLog', 'abc');
    first.set('doomed', 1);
    first.remove('doomed');
    expect([first.get('pendingLog'), first.get('doomed')]).toEqual(['abc', undefined]);
    succeeded(await call<void>((callback) => first.saveAsync(callback)));
    first.set('unsaved', true);

    mailbox.select('nb-fraktavtale');
    const other = succeeded(await call<CustomProperties>((callback) => readItem(office).loadCustomPropertiesAsync(callback)));
    expect(other.get('pendingLog')).toBeUndefined();

    mailbox.select('sv-offert-hydraulslangar');
    const again = await call<CustomProperties>((callback) => readItem(office).loadCustomPropertiesAsync(callback, 'user-context'));
    expect(again.asyncContext).toBe('user-context');
    expect([succeeded(again).get('pendingLog'), succeeded(again).get('unsaved')]).toEqual(['abc', undefined]);
    expect(mailbox.item('sv-offert-hydraulslangar')?.customProperties).toEqual({ pendingLog: 'abc' });
  });

  test('custom properties over Outlook’s 2,500 characters fail to save', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    const properties = succeeded(await call<CustomProperties>((callback) => readItem(office).loadCustomPropertiesAsync(callback)));
    properties.set('big', 'x'.repeat(LIMITS.customPropertiesChars));
    const result = await call<void>((callback) => properties.saveAsync(callback));
    expect(result.status).toBe(ASYNC_RESULT_STATUS.Failed);
    expect(mailbox.item('sv-offert-hydraulslangar')?.customProperties).toEqual({});
  });

  test('headers set on a draft stay with it; other items do not have them', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('draft-da-tilbud');
    succeeded(await call<void>((callback) => composeItem(office).internetHeaders.setAsync({ 'X-Rapport-Interaction': 'i-1' }, callback)));
    succeeded(await call<void>((callback) => composeItem(office).internetHeaders.setAsync({ 'x-rapport-interaction': 'i-2' }, { asyncContext: 2 }, callback)));
    expect(mailbox.item('draft-da-tilbud')?.internetHeaders).toEqual({ 'x-rapport-interaction': 'i-2' });
    mailbox.select('sv-offert-hydraulslangar');
    const raw = succeeded(await call<string>((callback) => readItem(office).getAllInternetHeadersAsync(callback)));
    expect(raw).toContain('Message-ID: <sample-sv-offert-hydraulslangar@bergman-hydraulik.example>\r\n');
    expect(raw).toContain('From: "Jonas Isaksson" <j.isaksson@bergman-hydraulik.example>\r\n');
    expect(raw.toLowerCase()).not.toContain('x-rapport-interaction');
  });

  test('calls on an item that is gone fail in the callback', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('draft-da-tilbud');
    const draft = composeItem(office);
    mailbox.discardDraft('draft-da-tilbud');
    const result = await call<string>((callback) => draft.subject.getAsync(callback));
    expect(result.status).toBe(ASYNC_RESULT_STATUS.Failed);
    expect(result.error?.name).toBe('InvalidItem');
  });
});

describe('shared and delegated mailboxes', () => {
  test.each([
    ['a message of the shared sales@ mailbox has sales@ as owner, with every permission', 'shared-sv-ram-order', 'sales@nordlys.example', 63],
    ['a message of the delegated inbox has the colleague as owner, with a delegate’s permissions', 'delegated-de-rahmenvertrag', 'katrin.mueller@nordlys.example', 1 | 2 | 4 | 16],
  ])('%s', async (_case, id, owner, delegatePermissions) => {
    const { mailbox, office } = setUp();
    mailbox.select(id);
    const result = await call((callback) => readItem(office).getSharedPropertiesAsync(callback));
    expect(succeeded(result)).toMatchObject({ owner, delegatePermissions, targetRestUrl: 'https://outlook.office.com/api' });
  });

  test('a message of the user’s own mailbox is not shared: the call fails, as in Outlook', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    const result = await call((callback) => readItem(office).getSharedPropertiesAsync({ asyncContext: 'ctx' }, callback));
    expect(result).toMatchObject({ status: ASYNC_RESULT_STATUS.Failed, value: undefined, asyncContext: 'ctx' });
  });
});

describe('notifications', () => {
  const info = { type: ITEM_NOTIFICATION_MESSAGE_TYPE.InformationalMessage, message: 'Logged.', icon: 'Icon.16', persistent: false };

  test('replaceAsync keeps one notification per key on the item, for the preview to show', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    let shown = 0;
    mailbox.on('notifications', () => shown++);
    succeeded(await call<void>((callback) => readItem(office).notificationMessages.replaceAsync('rapport', info, callback)));
    succeeded(await call<void>((callback) => readItem(office).notificationMessages.replaceAsync('rapport', { ...info, message: 'Logged again.' }, {}, callback)));
    expect(mailbox.item('sv-offert-hydraulslangar')?.notifications).toEqual([{ key: 'rapport', type: 'informationalMessage', message: 'Logged again.', persistent: false }]);
    expect(shown).toBe(2);
    expect(mailbox.item('nb-fraktavtale')?.notifications).toEqual([]);
  });

  test.each([
    ['a key over 32 characters', 'k'.repeat(33), info],
    ['a message over 150 characters', 'rapport', { ...info, message: 'm'.repeat(151) }],
    ['an informational message without an icon', 'rapport', { type: ITEM_NOTIFICATION_MESSAGE_TYPE.InformationalMessage, message: 'x', persistent: false }],
    ['an error message with an icon', 'rapport', { type: ITEM_NOTIFICATION_MESSAGE_TYPE.ErrorMessage, message: 'x', icon: 'Icon.16' }],
    ['an error message with persistent', 'rapport', { type: ITEM_NOTIFICATION_MESSAGE_TYPE.ErrorMessage, message: 'x', persistent: true }],
  ])('throws, as Office.js does, for %s', (_case, key, details) => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    expect(() => readItem(office).notificationMessages.replaceAsync(key, details, () => undefined)).toThrow();
  });

  test('a sixth notification on one item fails', async () => {
    const { mailbox, office } = setUp();
    mailbox.select('sv-offert-hydraulslangar');
    for (let index = 0; index < LIMITS.notificationsPerItem; index++) {
      succeeded(await call<void>((callback) => readItem(office).notificationMessages.replaceAsync(`key-${index}`, info, callback)));
    }
    const result = await call<void>((callback) => readItem(office).notificationMessages.replaceAsync('one-more', info, callback));
    expect(result).toMatchObject({ status: 'failed', error: { name: 'NumberOfNotificationMessagesExceeded' } });
  });
});

describe('roaming settings', () => {
  test('are read at start, kept in memory, and persisted by saveAsync for the next start', async () => {
    const storage = memoryStorage();
    const { office, mailbox } = setUp({ storage });
    office.context.roamingSettings.set('lastCampaign', 'CP0002');
    expect(office.context.roamingSettings.get('lastCampaign')).toBe('CP0002');
    expect(setUp({ storage, mailbox }).office.context.roamingSettings.get('lastCampaign')).toBeUndefined();
    succeeded(await call<void>((callback) => office.context.roamingSettings.saveAsync(callback)));
    expect(setUp({ storage, mailbox }).office.context.roamingSettings.get('lastCampaign')).toBe('CP0002');
  });

  test('over 32 KB they fail to save with code 9057', async () => {
    const { office, storage } = setUp();
    office.context.roamingSettings.set('cache', 'x'.repeat(LIMITS.roamingSettingsBytes));
    const result = await call<void>((callback) => office.context.roamingSettings.saveAsync(callback));
    expect(result).toMatchObject({ status: 'failed', error: { code: 9057 } });
    expect(storage.values.size).toBe(0);
  });
});

describe('commands and sending', () => {
  /** A commands runtime whose OnMessageSend handler completes with `options`, after stamping the draft. */
  async function withSendHandler(complete: (event: CommandEvent, office: OfficeStandIn) => void) {
    const setup = setUp();
    const commands = createOfficeStandIn({ mailbox: setup.mailbox, role: 'commands', device: 1, storage: memoryStorage(), readyDelayMs: 1, callDelayMs: 1 }).office;
    commands.actions.associate(ON_MESSAGE_SEND_COMMAND, (event) => complete(event, commands));
    return { ...setup, commands };
  }

  test('a send allowed by the handler delivers the draft into Sent with a new internet message id, its properties and headers', async () => {
    const { mailbox, office } = await withSendHandler((event, commands) => {
      const item = commands.context.mailbox.item;
      if (item === null || 'itemId' in item) throw new Error('the handler runs on the draft');
      item.internetHeaders.setAsync({ 'x-rapport-interaction': 'i-42' }, () =>
        item.loadCustomPropertiesAsync((result) => {
          const properties = result.value;
          properties?.set('rapportStamp', { interactionId: 'i-42', state: 'waiting' });
          properties?.saveAsync(() => event.completed({ allowEvent: true }));
        }),
      );
    });
    mailbox.select('draft-da-tilbud');
    const outcome = await mailbox.send('draft-da-tilbud');
    expect(outcome.state).toBe('sent');
    const sent = mailbox.selected();
    expect(sent).toMatchObject({
      folder: 'sent',
      mode: 'read',
      internetMessageId: '<sent-0001@nordlys.example>',
      from: USER,
      subject: 'Tilbud på stålprofiler',
      internetHeaders: { 'x-rapport-interaction': 'i-42' },
      customProperties: { rapportStamp: { interactionId: 'i-42', state: 'waiting' } },
    });
    expect(mailbox.item('draft-da-tilbud')).toBeUndefined();
    expect(mailbox.list('drafts')).toHaveLength(0);
    const raw = succeeded(await call<string>((callback) => readItem(office).getAllInternetHeadersAsync(callback)));
    expect(raw).toMatch(/\r\nx-rapport-interaction: i-42\r\n/);
    expect(raw).toContain('Message-ID: <sent-0001@nordlys.example>');
  });

  test.each<[string, (event: CommandEvent) => void, string | null]>([
    ['completes with allowEvent: false', (event) => event.completed({ allowEvent: false, errorMessage: 'Choose a contact first.' }), 'Choose a contact first.'],
    ['completes without allowEvent', (event) => event.completed(), null],
    ['throws', () => {
      throw new Error('boom');
    }, null],
    ['never completes', () => undefined, null],
  ])('a send is blocked when the handler %s; the draft stays', async (_case, handler, errorMessage) => {
    const { mailbox } = await withSendHandler(handler);
    const outcome = await mailbox.send('draft-da-tilbud');
    expect(outcome).toMatchObject({ state: 'blocked', errorMessage });
    expect(mailbox.item('draft-da-tilbud')?.folder).toBe('drafts');
    expect(mailbox.list('sent')).toHaveLength(3);
  });

  test('a blocked send can be forced (SendMode PromptUser: Send anyway)', async () => {
    const { mailbox } = await withSendHandler((event) => event.completed({ allowEvent: false }));
    expect((await mailbox.send('draft-da-tilbud', { force: true })).state).toBe('sent');
  });

  test('without a registered handler the send is blocked and says so', async () => {
    const { mailbox } = setUp();
    expect(await mailbox.send('draft-da-tilbud')).toMatchObject({ state: 'blocked', outcome: { state: 'not-registered' } });
  });

  test('the ribbon command runs on the item it was invoked on, not on what the pane shows', async () => {
    const { mailbox } = setUp();
    const commands = createOfficeStandIn({ mailbox, role: 'commands', device: 1, storage: memoryStorage(), callDelayMs: 1 }).office;
    const seen: string[] = [];
    commands.actions.associate(LOG_EMAIL_COMMAND, (event) => {
      const item = commands.context.mailbox.item;
      seen.push(item !== null && 'itemId' in item ? item.subject : 'none');
      event.completed();
    });
    mailbox.select('nb-fraktavtale');
    await expect(mailbox.runCommand(LOG_EMAIL_COMMAND, 'fi-toimitusaikataulu')).resolves.toEqual({ state: 'completed', options: {} });
    expect(seen).toEqual(['Toimitusaikataulu ja laskutus']);
    expect(commands.context.mailbox.item).toBeNull();
  });
});

describe('the network switch', () => {
  test('offline, fetch rejects with TypeError("Failed to fetch"), navigator.onLine is false, and events fire', async () => {
    const { mailbox } = setUp();
    const response = { ok: true } as Response;
    const realFetch = jest.fn(() => Promise.resolve(response));
    window.fetch = realFetch;
    const events: string[] = [];
    window.addEventListener('offline', () => events.push('offline'));
    window.addEventListener('online', () => events.push('online'));
    const uninstall = installNetworkSwitch(window, { isOnline: () => mailbox.isOnline(1), onChange: (listener) => mailbox.on('network', listener) });

    await expect(window.fetch('/api/v1/health')).resolves.toBe(response);
    mailbox.setOnline(1, false);
    expect(navigator.onLine).toBe(false);
    const failure = window.fetch('/api/v1/health');
    await expect(failure).rejects.toThrow(new TypeError('Failed to fetch'));
    await expect(failure).rejects.toBeInstanceOf(TypeError);
    expect(realFetch).toHaveBeenCalledTimes(1);

    // Another device going offline leaves this one alone.
    mailbox.setOnline(2, false);
    mailbox.setOnline(1, true);
    expect(navigator.onLine).toBe(true);
    await expect(window.fetch('/api/v1/health')).resolves.toBe(response);
    expect(events).toEqual(['offline', 'online']);

    uninstall();
    mailbox.setOnline(1, false);
    expect(navigator.onLine).toBe(true);
    expect(events).toEqual(['offline', 'online']);
  });
});
