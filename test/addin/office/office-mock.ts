// An Office stand-in for the Outlook adapter's tests, built on office-addin-mock's OfficeMockObject:
// a mailbox with one item (read or compose), custom properties that persist only on saveAsync,
// internet headers, roaming settings, notifications and ItemChanged registration. Async calls can
// be answered at once (the default) or held until the test releases them.
import { OfficeMockObject } from 'office-addin-mock';

export type MockAsyncResult<T> = { status: 'succeeded' | 'failed'; value: T; error?: { code: number; name: string; message: string } };
type Callback<T> = (result: MockAsyncResult<T>) => void;

export const succeeded = <T>(value: T): MockAsyncResult<T> => ({ status: 'succeeded', value });
export const failedWith = (code: number, name: string): MockAsyncResult<undefined> => ({ status: 'failed', value: undefined, error: { code, name, message: `Office says ${name}` } });

export type Details = { displayName: string; emailAddress: string };

export type ReadItemData = {
  itemId?: string;
  internetMessageId?: string;
  conversationId?: string;
  subject?: string;
  from?: Details;
  sender?: Details;
  to?: Details[];
  cc?: Details[];
  dateTimeCreated?: Date;
  attachments?: { name: string; isInline: boolean }[];
  body?: string;
  /** The raw header block getAllInternetHeadersAsync answers with. */
  rawHeaders?: string;
  /**
   * Whose mailbox the item is in, as getSharedPropertiesAsync tells: a shared or delegated one
   * (its owner), the user's own (`own`, the default: Outlook answers Failed), or a client without
   * the method (`noMethod`).
   */
  mailbox?: { owner: string; delegatePermissions?: number } | 'own' | 'noMethod';
};

export type ComposeItemData = { subject?: string; to?: Details[]; cc?: Details[]; body?: string };

export type OfficeMockOptions = {
  item?: { mode: 'read'; data: ReadItemData } | { mode: 'compose'; data: ComposeItemData } | null;
  user?: Details;
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string };
  /** The Mailbox sets the client supports, e.g. ['1.1', '1.8']. */
  supportedSets?: string[];
  /** Saved custom properties of the item. */
  customProperties?: Record<string, unknown>;
  roamingSettings?: Record<string, unknown>;
};

/** Every async call the adapter made, in order, with the means to answer it. */
export type AsyncCall = { name: string; args: unknown[]; answer(result: MockAsyncResult<unknown>): void };

export type OfficeMock = {
  office: typeof Office;
  calls: AsyncCall[];
  /** Held calls not answered yet. */
  pending(): AsyncCall[];
  /** Hold every async call until answered by hand (`pending()[i].answer(...)`). */
  holdCalls(): void;
  /** Answers the next call named `name` with this result instead of success. */
  failNext(name: string, result: MockAsyncResult<undefined>): void;
  savedProperties(): Record<string, unknown>;
  headers(): Record<string, string>;
  notifications(): { key: string; details: Office.NotificationMessageDetails }[];
  roaming(): { saved: Record<string, unknown> };
  /** The ItemChanged handler Outlook holds, or null. */
  itemChangedHandler(): (() => void) | null;
};

export function createOfficeMock(options: OfficeMockOptions = {}): OfficeMock {
  const calls: AsyncCall[] = [];
  let hold = false;
  const failures = new Map<string, MockAsyncResult<undefined>[]>();
  let saved: Record<string, unknown> = { ...(options.customProperties ?? {}) };
  const headers: Record<string, string> = {};
  const notifications: { key: string; details: Office.NotificationMessageDetails }[] = [];
  const roamingSaved: Record<string, unknown> = { ...(options.roamingSettings ?? {}) };
  const roamingWorking: Record<string, unknown> = { ...roamingSaved };
  let itemChanged: (() => void) | null = null;

  /**
   * Records an async call and answers it: with `onSuccess`'s value (or `failure`, Outlook's own answer
   * to the call), a queued failure, or later by hand.
   */
  function asyncCall<T>(name: string, args: unknown[], callback: Callback<T> | undefined, onSuccess: () => T, failure?: MockAsyncResult<undefined>): void {
    let answered = false;
    const call: AsyncCall = {
      name,
      args,
      answer(result) {
        if (answered) throw new Error(`${name} answered twice`);
        answered = true;
        const failure = failures.get(name)?.shift();
        if (failure !== undefined) callback?.(failure as unknown as MockAsyncResult<T>);
        else if (result.status === 'succeeded') callback?.(succeeded(onSuccess()));
        else callback?.(result as MockAsyncResult<T>);
      },
    };
    Object.defineProperty(call, 'answered', { get: () => answered });
    calls.push(call);
    if (!hold) call.answer(failure ?? succeeded(undefined));
  }

  function customProperties(): Record<string, unknown> {
    const working: Record<string, unknown> = { ...saved };
    return {
      get: (name: string) => working[name],
      set: (name: string, value: unknown) => {
        working[name] = value;
      },
      remove: (name: string) => {
        delete working[name];
      },
      getAll: () => ({ ...working }),
      saveAsync: (callback: Callback<void>) =>
        asyncCall('customProperties.saveAsync', [], callback, () => {
          saved = { ...working };
        }),
    };
  }

  const common = {
    loadCustomPropertiesAsync: (callback: Callback<unknown>) => asyncCall('item.loadCustomPropertiesAsync', [], callback, customProperties),
    notificationMessages: {
      replaceAsync: (key: string, details: Office.NotificationMessageDetails, callback: Callback<void>) =>
        asyncCall('item.notificationMessages.replaceAsync', [key, details], callback, () => {
          notifications.push({ key, details });
        }),
    },
  };

  /** getSharedPropertiesAsync as Outlook has it: Failed for an item in the user's own mailbox. */
  function sharedProperties(mailbox: NonNullable<ReadItemData['mailbox']>): Record<string, unknown> {
    if (mailbox === 'noMethod') return {};
    const properties = () => {
      if (mailbox === 'own') throw new Error('an item of the own mailbox has no shared properties');
      return { owner: mailbox.owner, delegatePermissions: mailbox.delegatePermissions ?? 63, targetMailbox: `target-${mailbox.owner}`, targetRestUrl: 'https://outlook.office.com/api' };
    };
    return {
      getSharedPropertiesAsync: (callback: Callback<unknown>) =>
        asyncCall('item.getSharedPropertiesAsync', [], callback, properties, mailbox === 'own' ? failedWith(9020, 'GenericResponseError') : undefined),
    };
  }

  function itemData(): Record<string, unknown> | null {
    const item = options.item === undefined ? { mode: 'read' as const, data: {} } : options.item;
    if (item === null) return null;
    if (item.mode === 'read') {
      const data = item.data;
      return {
        ...common,
        itemType: 'message',
        itemId: data.itemId ?? 'AAMkAD-1',
        internetMessageId: data.internetMessageId ?? '<m1@example.com>',
        conversationId: data.conversationId ?? 'conv-1',
        subject: data.subject ?? 'Quote for 40 chairs',
        ...(data.from === undefined ? {} : { from: data.from }),
        ...(data.sender === undefined ? {} : { sender: data.sender }),
        to: data.to ?? [],
        cc: data.cc ?? [],
        dateTimeCreated: data.dateTimeCreated ?? new Date('2025-03-04T09:15:00Z'),
        attachments: data.attachments ?? [],
        body: { getAsync: (coercion: string, callback: Callback<string>) => asyncCall('item.body.getAsync', [coercion], callback, () => data.body ?? '') },
        getAllInternetHeadersAsync: (callback: Callback<string>) => asyncCall('item.getAllInternetHeadersAsync', [], callback, () => data.rawHeaders ?? ''),
        ...sharedProperties(data.mailbox ?? 'own'),
      };
    }
    const data = item.data;
    return {
      ...common,
      itemType: 'message',
      subject: { getAsync: (callback: Callback<string>) => asyncCall('item.subject.getAsync', [], callback, () => data.subject ?? '') },
      to: { getAsync: (callback: Callback<Details[]>) => asyncCall('item.to.getAsync', [], callback, () => data.to ?? []) },
      cc: { getAsync: (callback: Callback<Details[]>) => asyncCall('item.cc.getAsync', [], callback, () => data.cc ?? []) },
      body: { getAsync: (coercion: string, callback: Callback<string>) => asyncCall('item.body.getAsync', [coercion], callback, () => data.body ?? '') },
      internetHeaders: {
        setAsync: (values: Record<string, string>, callback: Callback<void>) =>
          asyncCall('item.internetHeaders.setAsync', [values], callback, () => {
            Object.assign(headers, values);
          }),
      },
    };
  }

  const supported = options.supportedSets ?? ['1.1', '1.3', '1.5', '1.8', '1.12'];
  const mock = new OfficeMockObject({
    host: 'outlook',
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    MailboxEnums: { ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage' } },
    context: {
      displayLanguage: options.displayLanguage ?? 'en-US',
      requirements: { isSetSupported: (name: string, version: string) => name === 'Mailbox' && supported.includes(version) },
      roamingSettings: {
        get: (name: string) => roamingWorking[name],
        set: (name: string, value: unknown) => {
          roamingWorking[name] = value;
        },
        saveAsync: (callback: Callback<void>) =>
          asyncCall('roamingSettings.saveAsync', [], callback, () => {
            Object.assign(roamingSaved, roamingWorking);
          }),
      },
      mailbox: {
        userProfile: options.user ?? { displayName: 'Annette Hill', emailAddress: 'annette@cronus.example' },
        addHandlerAsync: (eventType: string, handler: () => void, callback: Callback<void>) =>
          asyncCall('mailbox.addHandlerAsync', [eventType], callback, () => {
            itemChanged = handler;
          }),
        removeHandlerAsync: (eventType: string, callback: Callback<void>) =>
          asyncCall('mailbox.removeHandlerAsync', [eventType], callback, () => {
            itemChanged = null;
          }),
      },
    },
  });
  // OfficeMockObject turns nested objects into mocks of their own and cannot hold null; the item,
  // the theme and the custom-properties objects are plain values set afterwards.
  const context = (mock as unknown as { context: { mailbox: Record<string, unknown> } & Record<string, unknown> }).context;
  context.mailbox.item = itemData();
  if (options.officeTheme !== undefined) context.officeTheme = options.officeTheme;

  return {
    office: mock as unknown as typeof Office,
    calls,
    pending: () => calls.filter((call) => !(call as unknown as { answered: boolean }).answered),
    holdCalls: () => {
      hold = true;
    },
    failNext: (name, result) => {
      failures.set(name, [...(failures.get(name) ?? []), result]);
    },
    savedProperties: () => ({ ...saved }),
    headers: () => ({ ...headers }),
    notifications: () => [...notifications],
    roaming: () => ({ saved: { ...roamingSaved } }),
    itemChangedHandler: () => itemChanged,
  };
}
