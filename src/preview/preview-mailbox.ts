import { FOLDER_OWNERS, ME, type SampleAddress, type SampleAttachment, type SampleBody, type SampleFolder, type SampleMessage, type SampleParty } from './sample-inbox';

/**
 * The mailbox behind the preview: its items, which one is selected, who is signed in, the display
 * language and theme, each device's network state, and the add-in's registered commands. It lives
 * in the preview page; the Office stand-in in each pane and in the commands runtime reads it
 * (same origin, through `window.parent`), so every frame sees one mailbox, as every Outlook device
 * sees one Exchange mailbox.
 *
 * No DOM here: the page renders it and the stand-in adapts it to Office.js's shapes.
 */

export type PreviewUser = { displayName: string; emailAddress: string };

export type PreviewTheme = 'light' | 'dark' | 'highContrast' | 'unset';

export type NotificationKind = 'progressIndicator' | 'informationalMessage' | 'errorMessage' | 'insightMessage';
export type ItemNotification = { key: string; type: NotificationKind; message: string; persistent: boolean };

/** One message of the mailbox. Read items are received or sent; compose items are drafts. */
export type MailboxItem = {
  id: string;
  folder: SampleFolder;
  /**
   * Whose mailbox the item is in when it is not the user's: the shared sales@ mailbox, or the
   * colleague's the user is a delegate of (getSharedPropertiesAsync's owner); null for the user's own.
   */
  owner: SampleAddress | null;
  mode: 'read' | 'compose';
  internetMessageId: string | null;
  conversationId: string;
  subject: string;
  from: SampleAddress;
  to: SampleAddress[];
  cc: SampleAddress[];
  sentAt: string;
  body: SampleBody;
  attachments: SampleAttachment[];
  /** The add-in's custom properties as last saved (loadCustomPropertiesAsync / saveAsync). */
  customProperties: Record<string, unknown>;
  /** Internet headers set while composing (and carried into the sent item). */
  internetHeaders: Record<string, string>;
  /** The add-in's notifications on the item, in the order they were first set. */
  notifications: ItemNotification[];
  /** The sample message it was made from, if any (for the preview's hints). */
  sample: SampleMessage | null;
};

/** What a command handler is given; it must call `completed` once (Office's event shape). */
export type CommandCompletedOptions = { allowEvent?: boolean; errorMessage?: string };
export type CommandEvent = { type?: string; completed(options?: CommandCompletedOptions): void };
export type CommandHandler = (event: CommandEvent) => void;

/** How a command invocation ended. */
export type CommandOutcome =
  | { state: 'completed'; options: CommandCompletedOptions }
  | { state: 'not-registered' }
  | { state: 'timed-out' }
  | { state: 'threw'; error: unknown };

export type SendOutcome =
  | { state: 'sent'; item: MailboxItem }
  | { state: 'blocked'; errorMessage: string | null; outcome: CommandOutcome };

export type MailboxEvent = 'items' | 'selection' | 'settings' | 'network' | 'notifications';

/** The runtime that registers commands: classic Outlook's JavaScript-only runtime or commands.html. */
export const COMMANDS_RUNTIME = 'commands';

/** The function names manifest.xml gives Rapport's commands. */
export const LOG_EMAIL_COMMAND = 'logEmail';
export const ON_MESSAGE_SEND_COMMAND = 'onMessageSendHandler';

export type PreviewMailboxOptions = {
  samples: readonly SampleMessage[];
  user: PreviewUser;
  displayLanguage: string;
  theme: PreviewTheme;
  /** Now, for the dates of sample messages and sent items; tests pin it. */
  now?: () => Date;
  /** Internet message ids of sent drafts; tests pin it. */
  newId?: () => string;
  /** How long a command may run before the preview gives up on it. Outlook allows minutes; the preview is impatient. */
  commandTimeoutMs?: number;
};

/**
 * A deep copy through JSON: Outlook keeps custom properties and roaming settings as JSON, so a
 * value comes back as JSON would give it (a Date as its string), here as there.
 */
export const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const resolveParty = (party: SampleParty, user: PreviewUser): SampleAddress =>
  party === ME ? { displayName: user.displayName, emailAddress: user.emailAddress } : { ...party };

const ownerOf = (folder: SampleFolder): SampleAddress | null => {
  const owner = FOLDER_OWNERS[folder];
  return owner === null ? null : { ...owner };
};

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

export class PreviewMailbox {
  private items: MailboxItem[];
  private selectedId: string | null = null;
  private userValue: PreviewUser;
  private languageValue: string;
  private themeValue: PreviewTheme;
  private readonly offline = new Set<number>();
  private readonly actions = new Map<string, Map<string, CommandHandler>>();
  private readonly listeners = new Map<MailboxEvent, Set<() => void>>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly commandTimeoutMs: number;
  private commandTargetId: string | null = null;
  private draftCount = 0;

  constructor(options: PreviewMailboxOptions) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.commandTimeoutMs = options.commandTimeoutMs ?? 20_000;
    this.userValue = options.user;
    this.languageValue = options.displayLanguage;
    this.themeValue = options.theme;
    this.items = options.samples.map((sample) => this.fromSample(sample));
  }

  // ------------------------------------------------------------------------------------------
  // Listening

  /** Calls `listener` after each change of the kind; returns the unsubscribe. */
  on(event: MailboxEvent, listener: () => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  private emit(event: MailboxEvent): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      // A listener of a frame that has gone away throws; the others must still hear.
      try {
        listener();
      } catch (error) {
        console.error(`preview: a ${event} listener failed`, error);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Items

  list(folder?: SampleFolder): MailboxItem[] {
    const items = folder === undefined ? this.items : this.items.filter((item) => item.folder === folder);
    return [...items].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  }

  item(id: string): MailboxItem | undefined {
    return this.items.find((item) => item.id === id);
  }

  selected(): MailboxItem | null {
    return this.selectedId === null ? null : (this.item(this.selectedId) ?? null);
  }

  /** Selects another item (null: none). A change fires ItemChanged in every pane. */
  select(id: string | null): void {
    if (id !== null && this.item(id) === undefined) throw new Error(`No item ${id} in the preview mailbox.`);
    if (id === this.selectedId) return;
    this.selectedId = id;
    this.emit('selection');
  }

  /** The item a running command acts on (the commands runtime's `Office.context.mailbox.item`). */
  commandTarget(): MailboxItem | null {
    return this.commandTargetId === null ? null : (this.item(this.commandTargetId) ?? null);
  }

  /** A new draft in Drafts, selected (compose mode). */
  compose(prefill: { to?: SampleAddress[]; cc?: SampleAddress[]; subject?: string; text?: string } = {}): MailboxItem {
    this.draftCount += 1;
    const draft: MailboxItem = {
      id: `draft-new-${this.draftCount}`,
      folder: 'drafts',
      owner: null,
      mode: 'compose',
      internetMessageId: null,
      conversationId: `conv-draft-new-${this.draftCount}`,
      subject: prefill.subject ?? '',
      from: { ...this.userValue },
      to: prefill.to ?? [],
      cc: prefill.cc ?? [],
      sentAt: this.now().toISOString(),
      body: { type: 'text', text: prefill.text ?? '' },
      attachments: [],
      customProperties: {},
      internetHeaders: {},
      notifications: [],
      sample: null,
    };
    this.items.push(draft);
    this.emit('items');
    this.select(draft.id);
    return draft;
  }

  /** What the user typed into a draft. */
  updateDraft(id: string, changes: Partial<Pick<MailboxItem, 'subject' | 'to' | 'cc'>> & { text?: string }): void {
    const draft = this.draftOrThrow(id);
    if (changes.subject !== undefined) draft.subject = changes.subject;
    if (changes.to !== undefined) draft.to = changes.to.map((address) => ({ ...address }));
    if (changes.cc !== undefined) draft.cc = changes.cc.map((address) => ({ ...address }));
    if (changes.text !== undefined) draft.body = { type: 'text', text: changes.text };
    this.emit('items');
  }

  discardDraft(id: string): void {
    this.draftOrThrow(id);
    this.items = this.items.filter((item) => item.id !== id);
    if (this.selectedId === id) this.select(null);
    this.emit('items');
  }

  saveCustomProperties(id: string, values: Record<string, unknown>): void {
    this.itemOrThrow(id).customProperties = jsonCopy(values);
  }

  setInternetHeaders(id: string, headers: Record<string, string>): void {
    const item = this.itemOrThrow(id);
    for (const [name, value] of Object.entries(headers)) {
      // Header names are case-insensitive: a new spelling replaces the old one.
      const existing = Object.keys(item.internetHeaders).find((key) => key.toLowerCase() === name.toLowerCase());
      if (existing !== undefined) delete item.internetHeaders[existing];
      item.internetHeaders[name] = value;
    }
  }

  /** Rapport's notification under `key` on the item, replacing one with the same key. */
  replaceNotification(id: string, notification: ItemNotification): void {
    const item = this.itemOrThrow(id);
    const index = item.notifications.findIndex((existing) => existing.key === notification.key);
    if (index >= 0) item.notifications[index] = { ...notification };
    else item.notifications.push({ ...notification });
    this.emit('notifications');
  }

  private itemOrThrow(id: string): MailboxItem {
    const item = this.item(id);
    if (item === undefined) throw new Error(`No item ${id} in the preview mailbox.`);
    return item;
  }

  private draftOrThrow(id: string): MailboxItem {
    const item = this.itemOrThrow(id);
    if (item.mode !== 'compose') throw new Error(`${id} is not a draft.`);
    return item;
  }

  private fromSample(sample: SampleMessage): MailboxItem {
    const user = this.userValue;
    return {
      id: sample.id,
      folder: sample.folder,
      owner: ownerOf(sample.folder),
      mode: sample.folder === 'drafts' ? 'compose' : 'read',
      internetMessageId: sample.internetMessageId,
      conversationId: sample.conversationId,
      subject: sample.subject,
      from: resolveParty(sample.from, user),
      to: sample.to.map((party) => resolveParty(party, user)),
      cc: sample.cc.map((party) => resolveParty(party, user)),
      sentAt: new Date(this.now().getTime() - sample.minutesAgo * 60_000).toISOString(),
      body: sample.body,
      attachments: sample.attachments.map((attachment) => ({ ...attachment })),
      customProperties: {},
      internetHeaders: {},
      notifications: [],
      sample,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Who, in which language and theme

  user(): PreviewUser {
    return { ...this.userValue };
  }

  displayLanguage(): string {
    return this.languageValue;
  }

  theme(): PreviewTheme {
    return this.themeValue;
  }

  /**
   * Another user, language or theme. Outlook restarts add-ins for these, so the page reloads the
   * panes on 'settings'. A new user reads the same sample mail, but its sent items are theirs.
   */
  changeSettings(changes: { user?: PreviewUser; displayLanguage?: string; theme?: PreviewTheme }): void {
    if (changes.user !== undefined && changes.user.emailAddress !== this.userValue.emailAddress) {
      const previous = this.userValue.emailAddress.toLowerCase();
      this.userValue = { ...changes.user };
      for (const item of this.items) {
        if (item.from.emailAddress.toLowerCase() === previous) item.from = { ...this.userValue };
        for (const list of [item.to, item.cc]) {
          for (const [index, address] of list.entries()) if (address.emailAddress.toLowerCase() === previous) list[index] = { ...this.userValue };
        }
      }
      this.emit('items');
    }
    if (changes.displayLanguage !== undefined) this.languageValue = changes.displayLanguage;
    if (changes.theme !== undefined) this.themeValue = changes.theme;
    this.emit('settings');
  }

  /** Whether `address` is in the signed-in user's organisation (Exchange's "enterprise" recipients). */
  isInternal(address: string): boolean {
    return domainOf(address) === domainOf(this.userValue.emailAddress);
  }

  // ------------------------------------------------------------------------------------------
  // Network, per device

  isOnline(device: number): boolean {
    return !this.offline.has(device);
  }

  setOnline(device: number, online: boolean): void {
    if (online === this.isOnline(device)) return;
    if (online) this.offline.delete(device);
    else this.offline.add(device);
    this.emit('network');
  }

  // ------------------------------------------------------------------------------------------
  // Commands

  /** `Office.actions.associate` of the runtime `runtime`. */
  associate(runtime: string, name: string, handler: CommandHandler): void {
    const handlers = this.actions.get(runtime) ?? new Map<string, CommandHandler>();
    handlers.set(name, handler);
    this.actions.set(runtime, handlers);
  }

  /** Forgets a runtime's commands, when its page goes away. */
  forgetRuntime(runtime: string): void {
    this.actions.delete(runtime);
  }

  isRegistered(name: string, runtime = COMMANDS_RUNTIME): boolean {
    return this.actions.get(runtime)?.has(name) ?? false;
  }

  /**
   * Runs the command `name` of the commands runtime on item `itemId`, as Outlook does for a ribbon
   * button (ExecuteFunction) or a launch event: the runtime's `mailbox.item` is that item while it
   * runs. Resolves when the handler calls `completed`, or when it throws or takes too long.
   */
  async runCommand(name: string, itemId: string, eventType?: string): Promise<CommandOutcome> {
    const handler = this.actions.get(COMMANDS_RUNTIME)?.get(name);
    if (handler === undefined) return { state: 'not-registered' };
    this.itemOrThrow(itemId);
    this.commandTargetId = itemId;
    try {
      return await new Promise<CommandOutcome>((resolve) => {
        const timer = setTimeout(() => resolve({ state: 'timed-out' }), this.commandTimeoutMs);
        const event: CommandEvent = {
          ...(eventType === undefined ? {} : { type: eventType }),
          completed: (options = {}) => {
            clearTimeout(timer);
            resolve({ state: 'completed', options: { ...options } });
          },
        };
        try {
          handler(event);
        } catch (error) {
          clearTimeout(timer);
          resolve({ state: 'threw', error });
        }
      });
    } finally {
      this.commandTargetId = null;
    }
  }

  /**
   * Sends a draft as Outlook does with an OnMessageSend handler: runs the handler, and only when
   * it completes with `allowEvent: true` delivers the draft into Sent — with a new internet
   * message id, its custom properties and internet headers — and selects it. Anything else blocks
   * the send (the manifest's SendMode PromptUser then lets the user send anyway: `force`).
   */
  async send(draftId: string, options: { force?: boolean } = {}): Promise<SendOutcome> {
    this.draftOrThrow(draftId);
    if (!options.force) {
      const outcome = await this.runCommand(ON_MESSAGE_SEND_COMMAND, draftId, 'OnMessageSend');
      if (outcome.state !== 'completed' || outcome.options.allowEvent !== true) {
        return { state: 'blocked', errorMessage: outcome.state === 'completed' ? (outcome.options.errorMessage ?? null) : null, outcome };
      }
    }
    return { state: 'sent', item: this.deliver(draftId) };
  }

  private deliver(draftId: string): MailboxItem {
    const draft = this.draftOrThrow(draftId);
    const domain = domainOf(this.userValue.emailAddress) || 'nordlys.example';
    const sent: MailboxItem = {
      ...draft,
      to: draft.to.map((address) => ({ ...address })),
      cc: draft.cc.map((address) => ({ ...address })),
      attachments: draft.attachments.map((attachment) => ({ ...attachment })),
      customProperties: jsonCopy(draft.customProperties),
      internetHeaders: { ...draft.internetHeaders },
      id: `sent-${draft.id}`,
      folder: 'sent',
      owner: null,
      mode: 'read',
      internetMessageId: `<${this.newId()}@${domain}>`,
      from: { ...this.userValue },
      sentAt: this.now().toISOString(),
      // Notifications belong to the compose form; the sent item starts without any.
      notifications: [],
    };
    this.items = [...this.items.filter((item) => item.id !== draftId), sent];
    this.emit('items');
    this.select(sent.id);
    return sent;
  }
}
