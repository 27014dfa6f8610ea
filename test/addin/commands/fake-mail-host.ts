// A MailHost in memory for the command tests: one item, its custom properties as fields, the
// notices it was asked to show. Any member can be replaced to fail or hang.
import type { MailHost, MailItem, NoticeKind, ReadItem, SendStamp } from '../../../src/addin/office/mail-host';

export type FakeMailHost = MailHost & {
  item: MailItem | null;
  notices: { kind: NoticeKind; message: string }[];
  pending: string | null;
  stamps: SendStamp[];
  logWhenSentOn: boolean;
  autoLogSentOn: boolean;
  body: string;
};

export const receivedMessage = (overrides: Partial<ReadItem> = {}): ReadItem => ({
  mode: 'read',
  itemId: 'AAMkAD-42',
  internetMessageId: '<CAF=42@mail.fabrikam.example>',
  conversationId: 'conv-42',
  subject: 'Quote for 40 chairs',
  from: { name: 'Robin Lee', address: 'robin@fabrikam.example' },
  to: [{ name: 'Annette Hill', address: 'annette@cronus.example' }],
  cc: [],
  sentAt: '2025-03-04T09:15:00.000Z',
  mailboxOwner: null,
  sentFromMailbox: false,
  attachmentNames: ['quote.pdf'],
  ...overrides,
});

export function fakeMailHost(overrides: Partial<MailHost> = {}, state: Partial<Pick<FakeMailHost, 'item' | 'pending' | 'logWhenSentOn' | 'autoLogSentOn' | 'body'>> = {}): FakeMailHost {
  const fake: FakeMailHost = {
    item: state.item === undefined ? receivedMessage() : state.item,
    notices: [],
    pending: state.pending ?? null,
    stamps: [],
    logWhenSentOn: state.logWhenSentOn ?? false,
    autoLogSentOn: state.autoLogSentOn ?? false,
    body: state.body ?? 'Hello Annette, here is our quote.',
    host: 'Outlook',
    displayLanguage: () => 'en-US',
    theme: () => 'light',
    user: () => ({ name: 'Annette Hill', address: 'annette@cronus.example' }),
    currentItem: async () => fake.item,
    onItemChanged: () => () => undefined,
    bodyExcerpt: async (maxChars) => fake.body.slice(0, maxChars),
    notify: async (kind, message) => {
      fake.notices.push({ kind, message });
    },
    logWhenSent: async () => fake.logWhenSentOn,
    setLogWhenSent: async (on) => {
      fake.logWhenSentOn = on;
    },
    stampForSend: async (stamp) => {
      fake.stamps.push(stamp);
    },
    readStamp: async () => null,
    pendingLog: async () => fake.pending,
    setPendingLog: async (json) => {
      fake.pending = json;
    },
    autoLogSent: () => fake.autoLogSentOn,
    setAutoLogSent: async (on) => {
      fake.autoLogSentOn = on;
    },
  };
  return Object.assign(fake, overrides);
}
