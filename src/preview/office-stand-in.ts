import { htmlToText } from './html-to-text';
import { COMMANDS_RUNTIME, jsonCopy, type CommandHandler, type MailboxItem, type NotificationKind, type PreviewMailbox, type PreviewTheme } from './preview-mailbox';
import type { SampleAddress } from './sample-inbox';

/**
 * A stand-in for the `Office` global of Outlook, over the preview's mailbox. It implements the
 * calls src/addin/office/mail-host.ts lists (plus `mailbox.removeHandlerAsync`, the other half of
 * ItemChanged, and `Office.actions.associate` for commands.js) — and no others, so a call the add-in
 * starts to make without listing it there fails here first — with Office.js's shapes: callbacks receive an
 * `AsyncResult { status, value, error, asyncContext }` later, never synchronously; enums carry
 * Office.js's run-time string values; bad arguments throw where Office.js throws.
 *
 * One stand-in per frame: a task pane (`role: 'pane'`, whose item is the selected one and which
 * hears ItemChanged) or the commands runtime (`role: 'commands'`, whose item is the one a command
 * runs on).
 */

// ---------------------------------------------------------------------------------------------
// Office.js's shapes

export type AsyncResultStatus = 'succeeded' | 'failed';
export type OfficeError = { name: string; message: string; code: number };
export type AsyncResult<T> = { status: AsyncResultStatus; value: T | undefined; error: OfficeError | undefined; asyncContext: unknown };
export type AsyncCallback<T> = (result: AsyncResult<T>) => void;
export type AsyncOptions = { asyncContext?: unknown };

export type EmailAddressDetails = { displayName: string; emailAddress: string; recipientType: 'enterprise' | 'externalUser' };
export type AttachmentDetails = { id: string; name: string; contentType: string; size: number; attachmentType: 'file'; isInline: boolean };
export type NotificationMessageDetails = { type: NotificationKind; message: string; icon?: string; persistent?: boolean };
export type OfficeTheme = { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
export type CustomProperties = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: AsyncCallback<void>, asyncContext?: unknown): void;
};
export type ItemChangedEventArgs = { type: typeof EVENT_TYPE.ItemChanged };
/** Office.js's SharedProperties of an item in a shared folder or shared mailbox. */
export type SharedProperties = { owner: string; targetMailbox: string; targetRestUrl: string; delegatePermissions: number };

export const ASYNC_RESULT_STATUS = { Succeeded: 'succeeded', Failed: 'failed' } as const;
export const COERCION_TYPE = { Text: 'text', Html: 'html' } as const;
export const EVENT_TYPE = { ItemChanged: 'olkItemSelectedChanged' } as const;
export const ITEM_NOTIFICATION_MESSAGE_TYPE = {
  ProgressIndicator: 'progressIndicator',
  InformationalMessage: 'informationalMessage',
  ErrorMessage: 'errorMessage',
  InsightMessage: 'insightMessage',
} as const;
export const ITEM_TYPE = { Message: 'message', Appointment: 'appointment' } as const;
export const HOST_TYPE = { Outlook: 'Outlook' } as const;
export const PLATFORM_TYPE = { OfficeOnline: 'OfficeOnline' } as const;

/** Outlook's limits that the stand-in enforces, so the preview fails where Outlook would. */
export const LIMITS = {
  notificationKey: 32,
  notificationMessage: 150,
  notificationsPerItem: 5,
  /** All custom properties of one item, serialised. */
  customPropertiesChars: 2_500,
  /** All roaming settings of the add-in, serialised. */
  roamingSettingsBytes: 32 * 1024,
} as const;

/** The requirement sets the stand-in covers: everything mail-host.ts uses, and the send event of 1.12. */
export const SUPPORTED_MAILBOX_VERSION = '1.12';

/** Theme colours like Outlook's: a light, a dark and a (black) high-contrast scheme. */
export const THEME_COLOURS: Readonly<Record<Exclude<PreviewTheme, 'unset'>, OfficeTheme>> = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#242424', controlBackgroundColor: '#F5F5F5', controlForegroundColor: '#242424' },
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#1F1F1F', controlForegroundColor: '#FFFFFF' },
  highContrast: { bodyBackgroundColor: '#000000', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#000000', controlForegroundColor: '#FFFF00' },
};

export type StandInRole = 'pane' | 'commands';

export type OfficeStandInOptions = {
  mailbox: PreviewMailbox;
  role: StandInRole;
  /** Which preview device the frame is; it names the pane's runtime. */
  device: number;
  /** Where roaming settings persist (the frame's localStorage); shared by both devices, as they roam. */
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Office.onReady resolves this long after installation: real Office takes 0.7–1.1 s. */
  readyDelayMs?: number;
  /** How long each asynchronous call takes. */
  callDelayMs?: number;
};

/** What the stand-in's `Office` global holds; the types say exactly which calls exist. */
export type OfficeStandIn = ReturnType<typeof createOfficeStandIn>['office'];

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Error names and codes follow Office.js where Microsoft documents them (9057: roaming settings
 * over 32 KB; NumberOfNotificationMessagesExceeded); the other codes only tell failures apart
 * here, so the add-in must branch on `status`, never on a code.
 */
function officeError(name: string, message: string, code: number): OfficeError {
  return { name, message, code };
}

/** Office.js throws for bad arguments (rather than failing the callback). */
function argumentError(name: 'ArgumentOutOfRange' | 'ArgumentException', message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const ITEM_GONE = officeError('InvalidItem', 'The item is no longer available.', 9030);
/** What Outlook answers getSharedPropertiesAsync for an item in the user's own mailbox. */
const NOT_SHARED = officeError('NotSharedItem', "The current folder or mailbox isn't shared.", 9062);

/**
 * Office.js's MailboxEnums.DelegatePermissions bits: a member of a shared mailbox may do
 * everything; the preview's delegate may read and write, and change or delete what they made.
 */
const DELEGATE_PERMISSIONS = { Read: 1, Write: 2, DeleteOwn: 4, DeleteAll: 8, EditOwn: 16, EditAll: 32 } as const;
const SHARED_MAILBOX_PERMISSIONS = Object.values(DELEGATE_PERMISSIONS).reduce((all, bit) => all | bit, 0);
const DELEGATE_GRANTED = DELEGATE_PERMISSIONS.Read | DELEGATE_PERMISSIONS.Write | DELEGATE_PERMISSIONS.DeleteOwn | DELEGATE_PERMISSIONS.EditOwn;

/** Splits Office.js's optional `(options?, callback?)` tail. */
function tail<T>(first: AsyncOptions | AsyncCallback<T> | undefined, second: AsyncCallback<T> | undefined): { context: unknown; callback: AsyncCallback<T> | undefined } {
  if (typeof first === 'function') return { context: undefined, callback: first };
  return { context: first?.asyncContext, callback: second };
}

const details = (mailbox: PreviewMailbox, address: SampleAddress): EmailAddressDetails => ({
  displayName: address.displayName,
  emailAddress: address.emailAddress,
  recipientType: mailbox.isInternal(address.emailAddress) ? 'enterprise' : 'externalUser',
});

const compareVersions = (a: string, b: string): number => {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
};

const roamingKey = (emailAddress: string): string => `rapport-preview:roaming-settings:${emailAddress.toLowerCase()}`;

// ---------------------------------------------------------------------------------------------
// The stand-in

/**
 * Builds the stand-in `Office` object (`office`, for the frame's global) and `dispose`, which
 * detaches it from the mailbox: call it when the frame goes away, so the mailbox stops calling
 * into a dead window.
 */
export function createOfficeStandIn(options: OfficeStandInOptions) {
  const { mailbox, role, device, storage } = options;
  const callDelayMs = options.callDelayMs ?? 5;
  const runtime = role === 'commands' ? COMMANDS_RUNTIME : `pane-${device}`;

  /** Delivers `result` to `callback` later, as Office.js always does. */
  const respond = <T>(callback: AsyncCallback<T> | undefined, context: unknown, outcome: { value: T } | { error: OfficeError }): void => {
    setTimeout(() => {
      if (callback === undefined) return;
      callback(
        'error' in outcome
          ? { status: ASYNC_RESULT_STATUS.Failed, value: undefined, error: outcome.error, asyncContext: context }
          : { status: ASYNC_RESULT_STATUS.Succeeded, value: outcome.value, error: undefined, asyncContext: context },
      );
    }, callDelayMs);
  };

  /** Runs `work` against the item if it still exists, answering the callback either way. */
  const withItem = <T>(id: string, callback: AsyncCallback<T> | undefined, context: unknown, work: (item: MailboxItem) => { value: T } | { error: OfficeError }): void => {
    const item = mailbox.item(id);
    respond(callback, context, item === undefined ? { error: ITEM_GONE } : work(item));
  };

  const customPropertiesFor = (id: string, saved: Record<string, unknown>): CustomProperties => {
    // Changes stay in this object until saveAsync, as in Office.js.
    const values: Record<string, unknown> = jsonCopy(saved);
    return {
      get: (name: string): unknown => values[name],
      set: (name: string, value: unknown): void => {
        values[name] = value;
      },
      remove: (name: string): void => {
        delete values[name];
      },
      saveAsync: (callback?: AsyncCallback<void>, asyncContext?: unknown): void => {
        withItem(id, callback, asyncContext, () => {
          if (JSON.stringify(values).length > LIMITS.customPropertiesChars) {
            return { error: officeError('CustomPropertiesTooLarge', `Custom properties are limited to ${LIMITS.customPropertiesChars} characters per item.`, 9021) };
          }
          mailbox.saveCustomProperties(id, values);
          return { value: undefined };
        });
      },
    };
  };

  const loadCustomPropertiesAsync = (id: string) => (callback: AsyncCallback<CustomProperties>, userContext?: unknown): void => {
    withItem(id, callback, userContext, (item) => ({ value: customPropertiesFor(id, item.customProperties) }));
  };

  const notificationMessagesFor = (id: string) => ({
    replaceAsync(key: string, message: NotificationMessageDetails, first?: AsyncOptions | AsyncCallback<void>, second?: AsyncCallback<void>): void {
      if (key.length > LIMITS.notificationKey) throw argumentError('ArgumentOutOfRange', `A notification key is at most ${LIMITS.notificationKey} characters.`);
      if (message.message.length > LIMITS.notificationMessage) throw argumentError('ArgumentOutOfRange', `A notification message is at most ${LIMITS.notificationMessage} characters.`);
      if (!Object.values(ITEM_NOTIFICATION_MESSAGE_TYPE).includes(message.type)) throw argumentError('ArgumentException', `Unknown notification type ${String(message.type)}.`);
      const informational = message.type === ITEM_NOTIFICATION_MESSAGE_TYPE.InformationalMessage;
      const takesIcon = informational || message.type === ITEM_NOTIFICATION_MESSAGE_TYPE.InsightMessage;
      if (takesIcon && !message.icon) throw argumentError('ArgumentException', `An ${message.type} notification needs an icon.`);
      if (!takesIcon && message.icon !== undefined) throw argumentError('ArgumentException', `A ${message.type} notification takes no icon.`);
      if (informational && message.persistent === undefined) throw argumentError('ArgumentException', 'An informationalMessage notification needs persistent.');
      if (!informational && message.persistent !== undefined) throw argumentError('ArgumentException', `A ${message.type} notification takes no persistent.`);
      const { context, callback } = tail(first, second);
      withItem(id, callback, context, (item) => {
        if (!item.notifications.some((existing) => existing.key === key) && item.notifications.length >= LIMITS.notificationsPerItem) {
          return { error: officeError('NumberOfNotificationMessagesExceeded', `At most ${LIMITS.notificationsPerItem} notifications per item.`, 9040) };
        }
        mailbox.replaceNotification(id, { key, type: message.type, message: message.message, persistent: message.persistent ?? false });
        return { value: undefined };
      });
    },
  });

  const getAllInternetHeadersAsync = (id: string) => (first?: AsyncOptions | AsyncCallback<string>, second?: AsyncCallback<string>): void => {
    const { context, callback } = tail(first, second);
    withItem(id, callback, context, (item) => ({ value: rawHeaders(item) }));
  };

  const readItem = (item: MailboxItem) => ({
    itemType: ITEM_TYPE.Message,
    itemId: `AAMkAGPreview${item.id}`,
    internetMessageId: item.internetMessageId ?? '',
    conversationId: item.conversationId,
    subject: item.subject,
    from: details(mailbox, item.from),
    sender: details(mailbox, item.from),
    to: item.to.map((address) => details(mailbox, address)),
    cc: item.cc.map((address) => details(mailbox, address)),
    dateTimeCreated: new Date(item.sentAt),
    attachments: item.attachments.map(
      (attachment, index): AttachmentDetails => ({ id: `${item.id}-attachment-${index}`, ...attachment, attachmentType: 'file', isInline: false }),
    ),
    body: {
      getAsync(coercionType: string, first?: AsyncOptions | AsyncCallback<string>, second?: AsyncCallback<string>): void {
        const { context, callback } = tail(first, second);
        if (coercionType !== COERCION_TYPE.Text && coercionType !== COERCION_TYPE.Html) throw argumentError('ArgumentException', `Unsupported coercion type ${coercionType}.`);
        withItem(item.id, callback, context, ({ body }) => {
          if (coercionType === COERCION_TYPE.Html) return { value: body.type === 'html' ? body.html : `<div>${escapeHtml(body.text).replace(/\n/g, '<br>')}</div>` };
          return { value: body.type === 'html' ? htmlToText(body.html) : body.text };
        });
      },
    },
    // A read item has no internetHeaders (compose only): its headers come as one block of text.
    getAllInternetHeadersAsync: getAllInternetHeadersAsync(item.id),
    // Failed for an item of the user's own mailbox, as in Outlook; the owner for the shared and delegated ones.
    getSharedPropertiesAsync(first?: AsyncOptions | AsyncCallback<SharedProperties>, second?: AsyncCallback<SharedProperties>): void {
      const { context, callback } = tail(first, second);
      withItem(item.id, callback, context, ({ owner, folder }) =>
        owner === null
          ? { error: NOT_SHARED }
          : {
              value: {
                owner: owner.emailAddress,
                targetMailbox: `preview-${owner.emailAddress}`,
                targetRestUrl: 'https://outlook.office.com/api',
                delegatePermissions: folder === 'shared' ? SHARED_MAILBOX_PERMISSIONS : DELEGATE_GRANTED,
              },
            },
      );
    },
    loadCustomPropertiesAsync: loadCustomPropertiesAsync(item.id),
    notificationMessages: notificationMessagesFor(item.id),
  });

  const recipientsOf = (id: string, field: 'to' | 'cc') => ({
    getAsync(first?: AsyncOptions | AsyncCallback<EmailAddressDetails[]>, second?: AsyncCallback<EmailAddressDetails[]>): void {
      const { context, callback } = tail(first, second);
      withItem(id, callback, context, (item) => ({ value: item[field].map((address) => details(mailbox, address)) }));
    },
  });

  // Compose items have no itemId, internetMessageId or sync subject in Office.js: the fields are
  // being written, so they are read with getAsync at the moment they are needed.
  const composeItem = (item: MailboxItem) => ({
    itemType: ITEM_TYPE.Message,
    subject: {
      getAsync(first?: AsyncOptions | AsyncCallback<string>, second?: AsyncCallback<string>): void {
        const { context, callback } = tail(first, second);
        withItem(item.id, callback, context, (current) => ({ value: current.subject }));
      },
    },
    to: recipientsOf(item.id, 'to'),
    cc: recipientsOf(item.id, 'cc'),
    internetHeaders: {
      setAsync(headers: Record<string, string>, first?: AsyncOptions | AsyncCallback<void>, second?: AsyncCallback<void>): void {
        const { context, callback } = tail(first, second);
        withItem(item.id, callback, context, () => {
          mailbox.setInternetHeaders(item.id, headers);
          return { value: undefined };
        });
      },
    },
    loadCustomPropertiesAsync: loadCustomPropertiesAsync(item.id),
    notificationMessages: notificationMessagesFor(item.id),
  });

  type StandInItem = ReturnType<typeof readItem> | ReturnType<typeof composeItem>;

  // Office.js hands out one item object per selected item and a new one after ItemChanged.
  let cached: { id: string; item: StandInItem } | null = null;
  const currentItem = (): StandInItem | null => {
    const source = role === 'commands' ? mailbox.commandTarget() : mailbox.selected();
    if (source === null) return null;
    if (cached?.id !== source.id) cached = { id: source.id, item: source.mode === 'compose' ? composeItem(source) : readItem(source) };
    return cached.item;
  };

  // ItemChanged: only a (pinned) task pane hears it.
  const itemChangedHandlers = new Set<(args: ItemChangedEventArgs) => void>();
  const unsubscribe =
    role === 'pane'
      ? mailbox.on('selection', () => {
          cached = null;
          for (const handler of [...itemChangedHandlers]) setTimeout(() => handler({ type: EVENT_TYPE.ItemChanged }), 0);
        })
      : () => undefined;

  const user = mailbox.user();
  const theme = mailbox.theme();

  // Roaming settings are read once when the add-in starts, as Office.js does.
  const key = roamingKey(user.emailAddress);
  const settings: Record<string, unknown> = parseSettings(storage.getItem(key));
  const roamingSettings = {
    get: (name: string): unknown => settings[name],
    set: (name: string, value: unknown): void => {
      settings[name] = jsonCopy(value);
    },
    saveAsync(callback?: AsyncCallback<void>): void {
      const serialised = JSON.stringify(settings);
      if (new Blob([serialised]).size > LIMITS.roamingSettingsBytes) {
        respond(callback, undefined, { error: officeError('SettingsTooLarge', 'Roaming settings are limited to 32 KB per add-in.', 9057) });
        return;
      }
      storage.setItem(key, serialised);
      respond(callback, undefined, { value: undefined });
    },
  };

  const readyInfo = { host: HOST_TYPE.Outlook, platform: PLATFORM_TYPE.OfficeOnline };
  const ready = new Promise<typeof readyInfo>((resolve) => setTimeout(() => resolve(readyInfo), options.readyDelayMs ?? 300));

  const office = {
    AsyncResultStatus: ASYNC_RESULT_STATUS,
    CoercionType: COERCION_TYPE,
    EventType: EVENT_TYPE,
    HostType: HOST_TYPE,
    PlatformType: PLATFORM_TYPE,
    MailboxEnums: { ItemNotificationMessageType: ITEM_NOTIFICATION_MESSAGE_TYPE, ItemType: ITEM_TYPE },

    onReady(callback?: (info: typeof readyInfo) => void): Promise<typeof readyInfo> {
      return ready.then((info) => {
        callback?.(info);
        return info;
      });
    },

    context: {
      displayLanguage: mailbox.displayLanguage(),
      officeTheme: theme === 'unset' ? undefined : { ...THEME_COLOURS[theme] },
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          return name.toLowerCase() === 'mailbox' && compareVersions(minVersion ?? '1.1', SUPPORTED_MAILBOX_VERSION) <= 0;
        },
      },
      roamingSettings,
      mailbox: {
        get item(): StandInItem | null {
          return currentItem();
        },
        userProfile: {
          displayName: user.displayName,
          emailAddress: user.emailAddress,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          accountType: 'enterprise',
        },
        addHandlerAsync(eventType: string, handler: (args: ItemChangedEventArgs) => void, first?: AsyncOptions | AsyncCallback<void>, second?: AsyncCallback<void>): void {
          const { context, callback } = tail(first, second);
          if (eventType !== EVENT_TYPE.ItemChanged) {
            respond(callback, context, { error: officeError('InvalidEventType', `The stand-in supports only ${EVENT_TYPE.ItemChanged}, not ${eventType}.`, 5001) });
            return;
          }
          if (role === 'pane') itemChangedHandlers.add(handler);
          respond(callback, context, { value: undefined });
        },
        /** Office.js removes every handler of the type; the counterpart the unsubscribe needs. */
        removeHandlerAsync(eventType: string, first?: AsyncOptions | AsyncCallback<void>, second?: AsyncCallback<void>): void {
          const { context, callback } = tail(first, second);
          if (eventType === EVENT_TYPE.ItemChanged) itemChangedHandlers.clear();
          respond(callback, context, { value: undefined });
        },
      },
    },

    actions: {
      associate(name: string, handler: CommandHandler): void {
        mailbox.associate(runtime, name, handler);
      },
    },
  };

  return {
    office,
    /** Detaches this frame's stand-in from the mailbox. */
    dispose(): void {
      unsubscribe();
      itemChangedHandlers.clear();
      mailbox.forgetRuntime(runtime);
    },
  };
}

function parseSettings(raw: string | null): Record<string, unknown> {
  if (raw === null) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const escapeHtml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const headerAddress = ({ displayName, emailAddress }: SampleAddress): string =>
  displayName === '' || displayName === emailAddress ? emailAddress : `"${displayName.replace(/^"|"$/g, '').replace(/"/g, '\\"')}" <${emailAddress}>`;

/** The item's internet headers as one block of text, as getAllInternetHeadersAsync gives them. */
function rawHeaders(item: MailboxItem): string {
  const lines = [
    `From: ${headerAddress(item.from)}`,
    ...(item.to.length > 0 ? [`To: ${item.to.map(headerAddress).join(', ')}`] : []),
    ...(item.cc.length > 0 ? [`Cc: ${item.cc.map(headerAddress).join(', ')}`] : []),
    `Subject: ${item.subject}`,
    `Date: ${new Date(item.sentAt).toUTCString()}`,
    ...(item.internetMessageId ? [`Message-ID: ${item.internetMessageId}`] : []),
    'MIME-Version: 1.0',
    ...Object.entries(item.internetHeaders).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
