import { decodePendingLog, encodePendingLog, PENDING_LOG_MAX_CHARS } from '../../../src/addin/commands/pending-log';
import type { EmailLogBody } from '../../../src/addin/commands/send-log';

const body = (overrides: Partial<EmailLogBody> = {}): EmailLogBody => ({
  id: '11111111-1111-4111-8111-111111111111',
  internetMessageId: '<m1@fabrikam.example>',
  conversationId: 'conv-1',
  subject: 'Quote',
  from: { name: 'Robin Lee', address: 'robin@fabrikam.example' },
  to: [{ name: 'Annette Hill', address: 'annette@cronus.example' }],
  cc: [],
  sentAt: '2025-03-04T09:15:00.000Z',
  bodyText: 'Hello',
  attachmentNames: ['quote.pdf'],
  contactNos: [],
  ...overrides,
});

const recipients = (count: number) => Array.from({ length: count }, (_, index) => ({ name: `Person ${index}`, address: `person.${index}@example.com` }));

describe('the waiting log kept on an item', () => {
  test('a small log is kept whole and reads back the same', () => {
    const json = encodePendingLog(body());
    expect(decodePendingLog(json)).toEqual(body());
  });

  test('a log from a shared mailbox keeps its mailbox', () => {
    const shared = body({ mailboxAddress: 'sales@cronus.example' });
    expect(decodePendingLog(encodePendingLog(shared))).toEqual(shared);
  });

  test.each<[string, EmailLogBody, Partial<EmailLogBody>]>([
    ['a long body excerpt is shortened to fit', body({ bodyText: 'ä'.repeat(2000) }), { attachmentNames: ['quote.pdf'] }],
    ['an excerpt full of characters JSON escapes is shortened to fit', body({ bodyText: '"\\\n'.repeat(700) }), { attachmentNames: ['quote.pdf'] }],
    ['many recipients leave less room for the excerpt', body({ bodyText: 'x'.repeat(2000), to: recipients(30) }), { attachmentNames: ['quote.pdf'] }],
    ['attachment names that do not fit beside the recipients are dropped', body({ bodyText: 'x'.repeat(2000), attachmentNames: Array.from({ length: 100 }, (_, index) => `attachment-${index}.pdf`) }), { attachmentNames: [] }],
  ])('%s, and stays within the custom-property budget', (_case, log, kept) => {
    const json = encodePendingLog(log);
    expect(json).not.toBeNull();
    expect(json!.length).toBeLessThanOrEqual(PENDING_LOG_MAX_CHARS);
    const decoded = decodePendingLog(json)!;
    expect(decoded).toMatchObject({ id: log.id, to: log.to, ...kept });
    expect(log.bodyText.startsWith(decoded.bodyText)).toBe(true);
    expect(decoded.bodyText.length).toBeLessThan(log.bodyText.length);
  });

  test('a log whose recipients alone exceed the budget is not kept, rather than kept for fewer contacts', () => {
    expect(encodePendingLog(body({ to: recipients(60) }))).toBeNull();
  });

  test.each<[string, string | null]>([
    ['nothing', null],
    ['damaged JSON', '{"id":'],
    ['JSON that is no log', '{"hello":"world"}'],
    ['a log without an id, which could not be retried safely', JSON.stringify({ ...body(), id: undefined })],
  ])('%s reads as no waiting log', (_case, json) => {
    expect(decodePendingLog(json)).toBeNull();
  });
});
