/// <reference types="office-js" />
import { createAsyncQueue, type AsyncQueue } from './async-queue';
import type { ComposeItem, HostTheme, Mailbox, MailHost, MailItem, NoticeKind, ReadItem, SendStamp } from './mail-host';
import { replaceItemNotice } from './notifications';
import { OfficeCallError, officeAsync } from './office-call-error';
import { formatStampHeader, formatStampProperty, headerValue, parseStampHeader, parseStampProperty, STAMP_HEADER, STAMP_PROPERTY } from './send-stamp';
import { themeFromColours } from './theme-from-colours';

/** Custom property: "log when sent" is on for this draft. */
export const LOG_WHEN_SENT_PROPERTY = 'rapportLogWhenSent';
/** Custom property: a log of this item that waits for the service (JSON of the log's body). */
export const PENDING_LOG_PROPERTY = 'rapportPendingLog';
/** Roaming setting: Marketing Setup logs sent e-mail automatically (written by the task pane). */
export const AUTO_LOG_SENT_SETTING = 'rapportAutoLogSent';

/** Internet headers arrived with this set; older clients keep the stamp in a custom property only. */
const INTERNET_HEADERS_SET = '1.8';
/** Shared folders (delegate access) arrived with this set, shared mailboxes with 1.13: one call answers both. */
const SHARED_FOLDERS_SET = '1.8';

/**
 * The members Rapport reads of a message being read. `getSharedPropertiesAsync` may be missing at
 * run time: Outlook leaves it out where it does not support shared folders.
 */
type OfficeReadItem = Pick<
  Office.MessageRead,
  'itemId' | 'internetMessageId' | 'conversationId' | 'subject' | 'from' | 'sender' | 'to' | 'cc' | 'dateTimeCreated' | 'attachments' | 'body' | 'getAllInternetHeadersAsync' | 'loadCustomPropertiesAsync' | 'notificationMessages'
> &
  Partial<Pick<Office.MessageRead, 'getSharedPropertiesAsync'>>;
/** The members Rapport uses of a message being written. */
type OfficeComposeItem = Pick<Office.MessageCompose, 'subject' | 'to' | 'cc' | 'body' | 'internetHeaders' | 'loadCustomPropertiesAsync' | 'notificationMessages'>;
type OfficeItem = OfficeReadItem | OfficeComposeItem;

/** A compose item's subject is an object with `getAsync`; a read item's is the text itself. */
const isCompose = (item: OfficeItem): item is OfficeComposeItem => typeof item.subject !== 'string';

const mailboxOf = (details: Office.EmailAddressDetails | undefined | null): Mailbox => ({
  name: details?.displayName ?? '',
  address: details?.emailAddress ?? '',
});

/**
 * Every Office.js async call of one runtime shares this queue, whichever host object makes it:
 * Outlook counts the add-in's calls, not the callers.
 */
const runtimeQueue = createAsyncQueue();

export type OfficeMailHostOptions = {
  /** The queue the host's Office calls go through; the runtime's shared one unless a test gives its own. */
  queue?: AsyncQueue;
};

/**
 * The `MailHost` over Office.js (see mail-host.ts for the calls and their requirement sets).
 * Reads `office.context` when asked, never earlier, so it may be created before `Office.onReady`.
 * Asynchronous members reject with `OfficeCallError` only.
 */
export function createOfficeMailHost(office: typeof Office, options: OfficeMailHostOptions = {}): MailHost {
  const queue = options.queue ?? runtimeQueue;
  const mailbox = (): Office.Mailbox => office.context.mailbox;

  function call<T>(name: string, invoke: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
    return queue.run(() => officeAsync<T>(office, name, invoke));
  }

  function optionalItem(): OfficeItem | null {
    const item = office.context?.mailbox?.item as unknown as OfficeItem | null | undefined;
    return item ?? null;
  }

  function currentOfficeItem(callName: string): OfficeItem {
    const item = optionalItem();
    if (item === null) throw new OfficeCallError('noItem', callName, `${callName} needs an open mail item.`);
    return item;
  }

  function readItemFor(callName: string): OfficeReadItem {
    const item = currentOfficeItem(callName);
    if (isCompose(item)) throw new OfficeCallError('wrongMode', callName, `${callName} needs a message being read.`);
    return item;
  }

  function composeItemFor(callName: string): OfficeComposeItem {
    const item = currentOfficeItem(callName);
    if (!isCompose(item)) throw new OfficeCallError('wrongMode', callName, `${callName} needs a message being composed.`);
    return item;
  }

  const supportsInternetHeaders = (): boolean => office.context.requirements?.isSetSupported('Mailbox', INTERNET_HEADERS_SET) === true;

  const loadProperties = (item: OfficeItem): Promise<Office.CustomProperties> =>
    call<Office.CustomProperties>('item.loadCustomPropertiesAsync', (callback) => item.loadCustomPropertiesAsync(callback));

  const saveProperties = (properties: Office.CustomProperties): Promise<void> =>
    call<void>('customProperties.saveAsync', (callback) => properties.saveAsync(callback));

  /** Sets (a string) or removes (null) one custom property and saves the item's properties. */
  async function writeProperty(item: OfficeItem, name: string, value: string | null): Promise<void> {
    const properties = await loadProperties(item);
    if (value === null) properties.remove(name);
    else properties.set(name, value);
    await saveProperties(properties);
  }

  async function readProperty(item: OfficeItem, name: string): Promise<unknown> {
    const properties = await loadProperties(item);
    return properties.get(name) as unknown;
  }

  /**
   * The owner of the shared or delegated mailbox the item is in; null in the user's own mailbox.
   * Outlook answers Failed there ("the current folder or mailbox isn't shared"), so a failure means
   * the user's own mailbox, as does an owner that is the user. Asked on every read item: the answer
   * is the item's, and a pinned pane moves between mailboxes.
   */
  async function mailboxOwnerOf(item: OfficeReadItem, userAddress: string): Promise<string | null> {
    const getSharedProperties = item.getSharedPropertiesAsync;
    if (office.context.requirements?.isSetSupported('Mailbox', SHARED_FOLDERS_SET) !== true || typeof getSharedProperties !== 'function') return null;
    let owner: string;
    try {
      const properties = await call<Office.SharedProperties>('item.getSharedPropertiesAsync', (callback) => getSharedProperties.call(item, callback));
      owner = (properties?.owner ?? '').trim();
    } catch (error) {
      // Anything but Outlook's answer is unexpected; the item is still read, as in the user's own mailbox.
      if (!(error instanceof OfficeCallError)) console.error('Rapport: whose mailbox the item is in could not be read', error);
      return null;
    }
    return owner.includes('@') && owner.toLowerCase() !== userAddress.toLowerCase() ? owner : null;
  }

  async function readItem(item: OfficeReadItem): Promise<ReadItem> {
    const from = mailboxOf(item.from ?? item.sender);
    const userAddress = mailbox().userProfile.emailAddress ?? '';
    const created = item.dateTimeCreated instanceof Date ? item.dateTimeCreated : new Date(item.dateTimeCreated);
    const mailboxOwner = await mailboxOwnerOf(item, userAddress);
    const sentFrom = (address: string) => from.address !== '' && from.address.toLowerCase() === address.toLowerCase();
    return {
      mode: 'read',
      itemId: item.itemId ?? '',
      internetMessageId: item.internetMessageId ?? '',
      conversationId: item.conversationId ?? '',
      subject: item.subject ?? '',
      from,
      to: (item.to ?? []).map(mailboxOf),
      cc: (item.cc ?? []).map(mailboxOf),
      sentAt: Number.isNaN(created.getTime()) ? '' : created.toISOString(),
      mailboxOwner,
      sentFromMailbox: sentFrom(userAddress) || (mailboxOwner !== null && sentFrom(mailboxOwner)),
      attachmentNames: (item.attachments ?? []).filter((attachment) => !attachment.isInline).map((attachment) => attachment.name),
    };
  }

  async function composeItem(item: OfficeComposeItem): Promise<ComposeItem> {
    const [subject, to, cc] = await Promise.all([
      call<string>('item.subject.getAsync', (callback) => item.subject.getAsync(callback)),
      call<Office.EmailAddressDetails[]>('item.to.getAsync', (callback) => item.to.getAsync(callback)),
      call<Office.EmailAddressDetails[]>('item.cc.getAsync', (callback) => item.cc.getAsync(callback)),
    ]);
    // A draft's item id needs saving it first (getItemIdAsync): Rapport does not save the user's drafts.
    return { mode: 'compose', itemId: null, subject: subject ?? '', to: (to ?? []).map(mailboxOf), cc: (cc ?? []).map(mailboxOf) };
  }

  // One Outlook handler for however many listeners: Mailbox.removeHandlerAsync removes every
  // handler of the event type, so registering per listener could not remove just one.
  const itemChangedListeners = new Set<() => void>();
  let itemChangedRegistered = false;
  let itemChangedSync: Promise<void> = Promise.resolve();
  const dispatchItemChanged = (): void => {
    for (const listener of [...itemChangedListeners]) {
      try {
        listener();
      } catch (error) {
        console.error('Rapport: an ItemChanged listener failed', error);
      }
    }
  };
  /** Brings Outlook's registration in line with the listeners, one change at a time. */
  function syncItemChangedHandler(): void {
    itemChangedSync = itemChangedSync
      .then(async () => {
        const wanted = itemChangedListeners.size > 0;
        if (wanted === itemChangedRegistered) return;
        if (wanted) {
          await call<void>('mailbox.addHandlerAsync', (callback) => mailbox().addHandlerAsync(office.EventType.ItemChanged, dispatchItemChanged, callback));
        } else {
          await call<void>('mailbox.removeHandlerAsync', (callback) => mailbox().removeHandlerAsync(office.EventType.ItemChanged, callback));
        }
        itemChangedRegistered = wanted;
      })
      .catch((error: unknown) => console.error('Rapport: following the selected item failed', error));
  }

  return {
    get host(): string | null {
      return office.context?.mailbox ? 'Outlook' : null;
    },

    displayLanguage: () => office.context.displayLanguage,

    theme(): HostTheme | null {
      const theme = office.context.officeTheme as Office.OfficeTheme | undefined;
      if (theme === undefined || theme === null) return null;
      return themeFromColours(theme.bodyBackgroundColor ?? '', theme.bodyForegroundColor ?? '');
    },

    user: () => ({ name: mailbox().userProfile.displayName ?? '', address: mailbox().userProfile.emailAddress ?? '' }),

    async currentItem(): Promise<MailItem | null> {
      const item = optionalItem();
      if (item === null) return null;
      return isCompose(item) ? composeItem(item) : readItem(item);
    },

    onItemChanged(listener: () => void): () => void {
      // A wrapper, so that subscribing one function twice needs two unsubscribes, as each caller expects.
      const entry = (): void => listener();
      itemChangedListeners.add(entry);
      syncItemChangedHandler();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        itemChangedListeners.delete(entry);
        syncItemChangedHandler();
      };
    },

    async bodyExcerpt(maxChars: number): Promise<string> {
      const item = currentOfficeItem('item.body.getAsync');
      const text = await call<string>('item.body.getAsync', (callback) => item.body.getAsync(office.CoercionType.Text, callback));
      return (text ?? '').slice(0, Math.max(0, maxChars));
    },

    async notify(kind: NoticeKind, message: string): Promise<void> {
      const item = currentOfficeItem('item.notificationMessages.replaceAsync');
      await queue.run(() => replaceItemNotice(office, item, kind, message));
    },

    async logWhenSent(): Promise<boolean> {
      return (await readProperty(composeItemFor('item.loadCustomPropertiesAsync'), LOG_WHEN_SENT_PROPERTY)) === '1';
    },

    async setLogWhenSent(on: boolean): Promise<void> {
      await writeProperty(composeItemFor('item.loadCustomPropertiesAsync'), LOG_WHEN_SENT_PROPERTY, on ? '1' : null);
    },

    async stampForSend(stamp: SendStamp): Promise<void> {
      const item = composeItemFor('item.internetHeaders.setAsync');
      // Both carriers, so the stamp survives wherever one of them does: the header reaches the
      // sent item on every client with 1.8, the property on those that keep custom properties.
      const carriers: Promise<void>[] = [writeProperty(item, STAMP_PROPERTY, formatStampProperty(stamp))];
      if (supportsInternetHeaders()) {
        carriers.push(call<void>('item.internetHeaders.setAsync', (callback) => item.internetHeaders.setAsync({ [STAMP_HEADER]: formatStampHeader(stamp) }, callback)));
      }
      const results = await Promise.allSettled(carriers);
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure !== undefined && results.every((result) => result.status === 'rejected')) throw failure.reason;
    },

    async readStamp(): Promise<SendStamp | null> {
      const item = readItemFor('item.loadCustomPropertiesAsync');
      let firstFailure: unknown = null;
      try {
        const stamp = parseStampProperty(await readProperty(item, STAMP_PROPERTY));
        if (stamp !== null) return stamp;
      } catch (error) {
        firstFailure = error;
      }
      if (supportsInternetHeaders()) {
        try {
          // A read item has no `internetHeaders` (compose only): its headers come as one block of text.
          const headers = await call<string>('item.getAllInternetHeadersAsync', (callback) => item.getAllInternetHeadersAsync(callback));
          const stamp = parseStampHeader(headerValue(headers ?? '', STAMP_HEADER));
          if (stamp !== null) return stamp;
        } catch (error) {
          firstFailure ??= error;
        }
      }
      if (firstFailure !== null) throw firstFailure;
      return null;
    },

    async pendingLog(): Promise<string | null> {
      const value = await readProperty(currentOfficeItem('item.loadCustomPropertiesAsync'), PENDING_LOG_PROPERTY);
      return typeof value === 'string' && value !== '' ? value : null;
    },

    async setPendingLog(json: string | null): Promise<void> {
      await writeProperty(currentOfficeItem('item.loadCustomPropertiesAsync'), PENDING_LOG_PROPERTY, json);
    },

    autoLogSent: () => office.context.roamingSettings?.get(AUTO_LOG_SENT_SETTING) === true,

    async setAutoLogSent(on: boolean): Promise<void> {
      const settings = office.context.roamingSettings;
      settings.set(AUTO_LOG_SENT_SETTING, on);
      await call<void>('roamingSettings.saveAsync', (callback) => settings.saveAsync(callback));
    },
  };
}
