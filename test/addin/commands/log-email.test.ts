import { BODY_EXCERPT_MAX_CHARS, emailLogBody, logEmailNow, type LogEmailResult } from '../../../src/addin/commands/log-email';
import { EN_US_COMMAND_MESSAGES as EN } from '../../../src/addin/commands/messages';
import { decodePendingLog } from '../../../src/addin/commands/pending-log';
import type { EmailLogBody, SendLogOutcome } from '../../../src/addin/commands/send-log';
import { fakeMailHost, receivedMessage, type FakeMailHost } from './fake-mail-host';

const FIRST_ID = '11111111-1111-4111-8111-111111111111';
const SECOND_ID = '22222222-2222-4222-8222-222222222222';

/** Runs the command over `host` with a sendLog that answers `outcomes` in turn, recording what it was sent. */
function run(host: FakeMailHost, ...outcomes: SendLogOutcome[]) {
  const sent: EmailLogBody[] = [];
  const ids = [FIRST_ID, SECOND_ID];
  const sendLog = jest.fn(async (body: EmailLogBody) => {
    sent.push(body);
    const outcome = outcomes.shift();
    if (outcome === undefined) throw new Error('sendLog called more often than the test expects');
    return outcome;
  });
  const click = () => logEmailNow({ host, sendLog, messages: EN, newId: () => ids.shift() ?? 'no-more-ids' });
  return { sent, sendLog, click };
}

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('"Log email"', () => {
  test('sends what the open message says, with a fresh id and the body excerpt', async () => {
    const host = fakeMailHost({}, { body: 'x'.repeat(3000) });
    const { sent, click } = run(host, { kind: 'logged', interactionCount: 1, unmatchedAddresses: [] });
    await click();
    expect(sent).toEqual([
      {
        id: FIRST_ID,
        internetMessageId: '<CAF=42@mail.fabrikam.example>',
        conversationId: 'conv-42',
        subject: 'Quote for 40 chairs',
        from: { name: 'Robin Lee', address: 'robin@fabrikam.example' },
        to: [{ name: 'Annette Hill', address: 'annette@cronus.example' }],
        cc: [],
        sentAt: '2025-03-04T09:15:00.000Z',
        bodyText: 'x'.repeat(BODY_EXCERPT_MAX_CHARS),
        attachmentNames: ['quote.pdf'],
        contactNos: [],
      },
    ]);
  });

  test.each<[string, SendLogOutcome, LogEmailResult, 'info' | 'error', string]>([
    ['logged', { kind: 'logged', interactionCount: 1, unmatchedAddresses: [] }, 'logged', 'info', EN.logged],
    ['logged, with addresses nobody owns', { kind: 'logged', interactionCount: 1, unmatchedAddresses: ['x@y.example', 'z@y.example'] }, 'logged', 'info', EN.loggedWithUnknown(2)],
    ['already logged by a colleague', { kind: 'alreadyLogged', loggedBy: 'otto@cronus.example' }, 'alreadyLogged', 'info', EN.alreadyLoggedBy('otto@cronus.example')],
    ['already logged by the user', { kind: 'alreadyLogged', loggedBy: 'Annette@Cronus.example' }, 'alreadyLogged', 'info', EN.alreadyLogged],
    ['already logged by someone unnamed', { kind: 'alreadyLogged', loggedBy: null }, 'alreadyLogged', 'info', EN.alreadyLogged],
    ['nobody known', { kind: 'nobodyKnown', unmatchedAddresses: ['robin@fabrikam.example'], ambiguousAddresses: ['info@fabrikam.example'] }, 'nobodyKnown', 'info', EN.nobodyKnown(['robin@fabrikam.example', 'info@fabrikam.example'])],
    ['rejected', { kind: 'rejected', code: 'validation_failed' }, 'rejected', 'error', EN.rejected],
    ['unreachable', { kind: 'unreachable' }, 'queued', 'info', EN.queued],
    ['not signed in', { kind: 'unauthenticated' }, 'queued', 'info', EN.queuedSignIn],
  ])('when the service answers %s, says so on the item', async (_case, outcome, result, kind, message) => {
    const host = fakeMailHost();
    const { click } = run(host, outcome);
    await expect(click()).resolves.toBe(result);
    expect(host.notices).toEqual([{ kind, message }]);
  });

  test.each<[string, SendLogOutcome, boolean]>([
    ['unreachable', { kind: 'unreachable' }, true],
    ['not signed in', { kind: 'unauthenticated' }, true],
    ['logged', { kind: 'logged', interactionCount: 1, unmatchedAddresses: [] }, false],
    ['rejected', { kind: 'rejected', code: null }, false],
  ])('when the service answers %s, keeps the log on the item: %s', async (_case, outcome, kept) => {
    const host = fakeMailHost();
    const { sent, click } = run(host, outcome);
    await click();
    expect(host.pending === null ? null : decodePendingLog(host.pending)).toEqual(kept ? sent[0] : null);
  });

  test('a second click after going offline sends the same id again, and the log stops waiting once it is logged', async () => {
    const host = fakeMailHost();
    const { sent, click } = run(host, { kind: 'unreachable' }, { kind: 'logged', interactionCount: 1, unmatchedAddresses: [] });
    await expect(click()).resolves.toBe('queued');
    await expect(click()).resolves.toBe('logged');
    expect(sent.map((body) => body.id)).toEqual([FIRST_ID, FIRST_ID]);
    expect(host.pending).toBeNull();
  });

  test('a waiting log of another message is not reused', async () => {
    const other = JSON.stringify({ ...emailLogBody(receivedMessage({ internetMessageId: '<other@x.example>' }), '', SECOND_ID) });
    const host = fakeMailHost({}, { pending: other });
    const { sent, click } = run(host, { kind: 'logged', interactionCount: 1, unmatchedAddresses: [] });
    await click();
    expect(sent[0]?.id).toBe(FIRST_ID);
  });

  test('a damaged waiting log is ignored and replaced by a fresh one', async () => {
    const host = fakeMailHost({}, { pending: '{"id":' });
    const { sent, click } = run(host, { kind: 'unreachable' });
    await click();
    expect(sent[0]?.id).toBe(FIRST_ID);
    expect(decodePendingLog(host.pending)?.id).toBe(FIRST_ID);
  });

  test('when the log cannot be kept on the item either, says it failed rather than queued', async () => {
    const host = fakeMailHost({ setPendingLog: () => Promise.reject(new Error('saveAsync failed')) });
    const { click } = run(host, { kind: 'unreachable' });
    await expect(click()).resolves.toBe('failed');
    expect(host.notices).toEqual([{ kind: 'error', message: EN.failed }]);
  });

  test('a message whose body cannot be read is logged without an excerpt', async () => {
    const host = fakeMailHost({ bodyExcerpt: () => Promise.reject(new Error('body unavailable')) });
    const { sent, click } = run(host, { kind: 'logged', interactionCount: 1, unmatchedAddresses: [] });
    await expect(click()).resolves.toBe('logged');
    expect(sent[0]?.bodyText).toBe('');
  });

  test.each([
    ['no item is open', null],
    ['the item is a draft', { mode: 'compose' as const, itemId: null, subject: 'S', to: [], cc: [] }],
  ])('when %s, says there is nothing to log and sends nothing', async (_case, item) => {
    const host = fakeMailHost({}, { item });
    const { sendLog, click } = run(host);
    await expect(click()).resolves.toBe('notAMessage');
    expect(sendLog).not.toHaveBeenCalled();
    expect(host.notices).toEqual([{ kind: 'error', message: EN.notAMessage }]);
  });

  test('when Outlook fails to give the item, says it failed and still resolves', async () => {
    const host = fakeMailHost({ currentItem: () => Promise.reject(new Error('Outlook failed')) });
    const { click } = run(host);
    await expect(click()).resolves.toBe('failed');
    expect(host.notices).toEqual([{ kind: 'error', message: EN.failed }]);
  });

  test('resolves even when the notice itself cannot be shown', async () => {
    const host = fakeMailHost({ notify: () => Promise.reject(new Error('replaceAsync failed')) });
    const { click } = run(host, { kind: 'logged', interactionCount: 1, unmatchedAddresses: [] });
    await expect(click()).resolves.toBe('logged');
  });
});

describe('emailLogBody', () => {
  test('leaves out recipients without an SMTP address, which could match no contact', () => {
    const item = receivedMessage({ to: [{ name: 'Sales', address: '/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=sales' }, { name: 'Annette', address: 'annette@cronus.example' }] });
    expect(emailLogBody(item, '', FIRST_ID)?.to).toEqual([{ name: 'Annette', address: 'annette@cronus.example' }]);
  });

  test('names the shared or delegated mailbox the message is in, and no mailbox in the user’s own', () => {
    expect(emailLogBody(receivedMessage({ mailboxOwner: 'sales@cronus.example' }), '', FIRST_ID)).toMatchObject({ mailboxAddress: 'sales@cronus.example' });
    expect(emailLogBody(receivedMessage(), '', FIRST_ID)).not.toHaveProperty('mailboxAddress');
  });

  test.each([
    ['a sender without an SMTP address', receivedMessage({ from: { name: 'Sales', address: '/o=ExchangeLabs/cn=sales' } })],
    ['no time', receivedMessage({ sentAt: '' })],
  ])('is null for a message with %s', (_case, item) => {
    expect(emailLogBody(item, '', FIRST_ID)).toBeNull();
  });
});
