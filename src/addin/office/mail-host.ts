/**
 * What the rest of the add-in knows of Outlook: the open item, the user, the theme and language,
 * and the few things it asks of the item. `createOfficeMailHost` (office-mail-host.ts) implements
 * it over Office.js; nothing outside src/addin/office touches `Office`, so the preview's stand-in
 * for the mailbox API and the tests can drive everything else unchanged.
 *
 * The Office.js calls behind it, with their requirement sets (manifest.xml declares them):
 * - `Office.onReady`, `Office.context.displayLanguage`, `Office.context.mailbox.userProfile` (1.1);
 *   `Office.context.officeTheme` (1.14 in Outlook, absent in event-based handlers: theme may be null)
 * - `Office.context.roamingSettings.get`, `set`, `saveAsync` (1.1) for the automatic-logging switch
 * - `Office.context.requirements.isSetSupported('Mailbox', '1.8')` before touching internet headers
 * - read items: `item.itemType`, `itemId`, `internetMessageId`, `conversationId`, `subject`,
 *   `from`, `to`, `cc`, `dateTimeCreated`, `attachments` (1.1); `item.body.getAsync('text')` (1.3);
 *   `item.getSharedPropertiesAsync` (1.8 for shared folders, 1.13 for shared mailboxes; the manifest's
 *   `SupportsSharedFolders` lets Rapport open there) for whose mailbox the item is in;
 *   `item.getAllInternetHeadersAsync` (1.8; `item.internetHeaders` exists in compose only) for
 *   the stamp a sent item carries;
 *   `item.loadCustomPropertiesAsync` + `saveAsync` (1.1) for a log that waits on the item
 * - compose items: `item.subject.getAsync`, `item.to.getAsync`, `item.cc.getAsync` (1.1),
 *   `item.internetHeaders.setAsync` (1.8), `item.loadCustomPropertiesAsync` + `saveAsync` (1.1)
 * - `Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged)` (1.5) for a pinned pane
 * - `item.notificationMessages.replaceAsync` (1.3)
 * Every asynchronous call goes through one queue of at most three at a time: Outlook on the web and
 * new Outlook refuse more.
 */

export type Mailbox = { name: string; address: string };

/** A message being read (received or sent). */
export type ReadItem = {
  mode: 'read';
  /** Outlook's id of the item (EWS id), for telling items apart; not stable across mailboxes. */
  itemId: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  /** When it was sent or received, ISO 8601 with offset. */
  sentAt: string;
  /**
   * Whose mailbox the item is in when it is not the user's own: a shared mailbox (sales@) or the
   * mailbox of someone the user is a delegate of, by its owner's address (`SharedProperties.owner`).
   * Null in the user's own mailbox, and where Outlook cannot tell (before Mailbox 1.8). Outlook
   * tells a shared mailbox from a delegated one by nothing Rapport needs: both are judged against
   * their owner.
   */
  mailboxOwner: string | null;
  /**
   * Sent from the mailbox it is in, whose To/Cc contacts the pane shows: by the user, or, in a
   * shared or delegated mailbox, from its owner's address (a colleague answering as sales@).
   */
  sentFromMailbox: boolean;
  attachmentNames: string[];
};

/** A message being written. It has no internet message id until it is sent. */
export type ComposeItem = {
  mode: 'compose';
  itemId: string | null;
  subject: string;
  to: Mailbox[];
  cc: Mailbox[];
};

export type MailItem = ReadItem | ComposeItem;

export type HostTheme = 'light' | 'dark' | 'highContrast';

export type NoticeKind = 'info' | 'error';

/**
 * What a sent message carries so Rapport recognises it later: the id of the interaction it was
 * logged (or queued) as, and whether the log still waits for the service.
 */
export type SendStamp = { interactionId: string; state: 'logged' | 'waiting' };

export interface MailHost {
  /** 'Outlook', or null in a page outside Office (the preview reports 'Outlook' too). */
  readonly host: string | null;
  /** Outlook's UI language, e.g. 'sv-SE'. */
  displayLanguage(): string;
  /** Light, dark or high contrast, from Outlook's theme colours; null when Outlook does not say. */
  theme(): HostTheme | null;
  /** The signed-in mailbox. */
  user(): Mailbox;
  /** The item open now, null when none (a pinned pane between items). */
  currentItem(): Promise<MailItem | null>;
  /** Calls `listener` when the user selects another item in a pinned pane. Returns the unsubscribe. */
  onItemChanged(listener: () => void): () => void;
  /** The first `maxChars` characters of the body as plain text (read items). */
  bodyExcerpt(maxChars: number): Promise<string>;
  /** Rapport's one notification on the item, replacing the previous one. */
  notify(kind: NoticeKind, message: string): Promise<void>;
  /** Compose: whether "log when sent" is on for this draft (a custom property of the item). */
  logWhenSent(): Promise<boolean>;
  setLogWhenSent(on: boolean): Promise<void>;
  /** Compose: stamps the draft (internet header and custom property) before it is sent. */
  stampForSend(stamp: SendStamp): Promise<void>;
  /** Read: the stamp a sent item carries, if any. */
  readStamp(): Promise<SendStamp | null>;
  /**
   * A log of this item that waits for the service (custom property `rapportPendingLog`), as the JSON
   * text it was stored as; null when none. The caller validates it: the item may carry anything.
   */
  pendingLog(): Promise<string | null>;
  /** Keeps (`json`) or drops (null) the waiting log on the item. All of an item's custom properties share 2,500 characters. */
  setPendingLog(json: string | null): Promise<void>;
  /**
   * Marketing Setup's automatic logging of sent e-mail, as the task pane last copied it into roaming
   * settings (`rapportAutoLogSent`): the send handler has no network time to ask the service.
   */
  autoLogSent(): boolean;
  setAutoLogSent(on: boolean): Promise<void>;
}
