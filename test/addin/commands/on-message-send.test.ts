import { handleMessageSend, SEND_HANDLER_BUDGET_MS, type MessageSendResult } from '../../../src/addin/commands/on-message-send';
import type { MailHost } from '../../../src/addin/office/mail-host';
import { fakeMailHost, type FakeMailHost } from './fake-mail-host';

const ID = '33333333-3333-4333-8333-333333333333';
const never = <T>() => new Promise<T>(() => undefined);

function send(host: FakeMailHost | null | (() => Promise<MailHost | null>)) {
  const allow = jest.fn();
  const mailHost = typeof host === 'function' ? host : async () => host;
  const result = handleMessageSend({ mailHost, newId: () => ID, setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) }, allow);
  return { allow, result };
}

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe('the OnMessageSend handler', () => {
  test.each<[string, boolean, boolean, MessageSendResult]>([
    ['"log when sent" is on for the draft', true, false, 'stamped'],
    ['Marketing Setup logs sent mail automatically', false, true, 'stamped'],
    ['both say so', true, true, 'stamped'],
    ['neither says so', false, false, 'notLogged'],
  ])('when %s, stamps as needed and lets the message go', async (_case, logWhenSentOn, autoLogSentOn, expected) => {
    const host = fakeMailHost({}, { logWhenSentOn, autoLogSentOn });
    const { allow, result } = send(host);
    await expect(result).resolves.toBe(expected);
    expect(allow).toHaveBeenCalledTimes(1);
    expect(host.stamps).toEqual(expected === 'stamped' ? [{ interactionId: ID, state: 'waiting' }] : []);
  });

  test.each<[string, Partial<MailHost>]>([
    ['stamping rejects', { stampForSend: () => Promise.reject(new Error('setAsync failed')) }],
    ['stamping throws at once', { stampForSend: () => {
      throw new Error('no internetHeaders');
    } }],
    ['reading the draft’s flag rejects', { logWhenSent: () => Promise.reject(new Error('loadCustomPropertiesAsync failed')) }],
    ['reading the roaming setting throws', { autoLogSent: () => {
      throw new Error('no roaming settings');
    } }],
  ])('lets the message go when %s', async (_case, failing) => {
    const host = fakeMailHost(failing, { logWhenSentOn: true });
    const { allow, result } = send(host);
    await expect(result).resolves.toBe('failed');
    expect(allow).toHaveBeenCalledTimes(1);
  });

  test('lets the message go outside Office, without stamping', async () => {
    const { allow, result } = send(null);
    await expect(result).resolves.toBe('notLogged');
    expect(allow).toHaveBeenCalledTimes(1);
  });

  test.each<[string, (host: FakeMailHost) => () => Promise<MailHost | null>]>([
    ['Office never gets ready', () => () => never()],
    ['stamping never answers', (host) => async () => Object.assign(host, { stampForSend: () => never<void>() })],
  ])('lets the message go within its time budget when %s', async (_case, mailHost) => {
    jest.useFakeTimers();
    const host = fakeMailHost({}, { logWhenSentOn: true });
    const { allow, result } = send(mailHost(host));
    await jest.advanceTimersByTimeAsync(SEND_HANDLER_BUDGET_MS - 1);
    expect(allow).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(allow).toHaveBeenCalledTimes(1);
    await expect(result).resolves.toBe('timedOut');
  });

  test('the time budget is well inside what Outlook allows a send handler', () => {
    expect(SEND_HANDLER_BUDGET_MS).toBeLessThanOrEqual(5_000);
  });
});
