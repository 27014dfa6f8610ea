// The function-command and launch-event bundle (commands.js). Classic Outlook on Windows runs the
// send handler in a JavaScript-only runtime without a DOM or IndexedDB, so this bundle stays
// standalone and thin: no React, no document or window, no local store, and only src/addin/office
// touches Office. The commands themselves (log-email.ts, on-message-send.ts) take everything as
// arguments; this file wires them to Office and the network.
import type { GetToken } from '../api/sync-api';
import { authConfigFromBuild, readBuildAuthEnv } from '../auth/auth-config';
import { createTokenProvider, type TokenProvider } from '../auth/token-provider';
import { associate, type CommandEvent } from '../office/actions';
import type { MailHost } from '../office/mail-host';
import { createOfficeMailHost } from '../office/office-mail-host';
import { officeGlobal } from '../office/office-global';
import { whenOfficeReady } from '../office/office-ready';
import { logEmailNow } from './log-email';
import { EN_US_COMMAND_MESSAGES, type CommandMessages } from './messages';
import { newInteractionId } from './new-interaction-id';
import { handleMessageSend } from './on-message-send';
import { serviceBaseUrl } from './service-base-url';
import { createSendLog, SEND_LOG_TIMEOUT_MS } from './service-client';
import type { SendLog } from './send-log';

export type CommandsConfiguration = {
  /**
   * The access token for the service; by default the build's sign-in (src/addin/auth). Without a
   * token "Log email" keeps the log on the item and asks the user to sign in.
   */
  getToken: GetToken;
  /** The notices in Outlook's display language; en-US until the i18n module supplies them. */
  messagesFor: (displayLanguage: string) => CommandMessages;
};

let tokens: TokenProvider | null = null;

/**
 * The build's sign-in (dev tokens under `npm start`, nested app authentication in production),
 * made once the mailbox user is known. Background calls only: a command never opens a sign-in
 * window, it queues the log and asks the user to sign in from the pane.
 */
async function buildTimeToken(options: { forceRefresh: boolean }): Promise<string | null> {
  const mailHost = await readyMailHost();
  const baseUrl = serviceBaseUrl((globalThis as { location?: { href?: string } }).location?.href);
  if (mailHost === null || baseUrl === null) return null;
  tokens ??= createTokenProvider(authConfigFromBuild(readBuildAuthEnv(), { baseUrl, userEmail: mailHost.user().address }));
  return tokens.getToken(options);
}

const configuration: CommandsConfiguration = {
  getToken: buildTimeToken,
  messagesFor: () => EN_US_COMMAND_MESSAGES,
};

/** Replaces parts of the bundle's wiring; called once at start-up by the modules that provide them. */
export function configureCommands(changes: Partial<CommandsConfiguration>): void {
  Object.assign(configuration, changes);
}

let host: MailHost | null = null;

/** The mail host over the Office global, once office.js is ready; null outside Office. */
async function readyMailHost(): Promise<MailHost | null> {
  await whenOfficeReady();
  const office = officeGlobal();
  if (office === null) return null;
  host ??= createOfficeMailHost(office);
  return host;
}

function sendLogForThisPage(): SendLog {
  const baseUrl = serviceBaseUrl((globalThis as { location?: { href?: string } }).location?.href);
  // Without a page URL there is no service to call: the log waits on the item like an offline one.
  if (baseUrl === null) return () => Promise.resolve({ kind: 'unreachable' });
  return createSendLog({ baseUrl, fetch: (url, init) => globalThis.fetch(url, init), getToken: (options) => configuration.getToken(options), timeoutMs: SEND_LOG_TIMEOUT_MS });
}

/** "Log email" on the reading ribbon (ExecuteFunction logEmail). */
export async function logEmail(event: CommandEvent): Promise<void> {
  try {
    const mailHost = await readyMailHost();
    if (mailHost === null) return;
    await logEmailNow({ host: mailHost, sendLog: sendLogForThisPage(), messages: configuration.messagesFor(mailHost.displayLanguage()), newId: () => newInteractionId() });
  } finally {
    event.completed();
  }
}

/** OnMessageSend (LaunchEvent onMessageSendHandler): stamps the draft for logging; never holds the message back. */
export async function onMessageSendHandler(event: CommandEvent): Promise<void> {
  let allowed = false;
  const allow = (): void => {
    if (allowed) return;
    allowed = true;
    event.completed({ allowEvent: true });
  };
  try {
    await handleMessageSend(
      { mailHost: readyMailHost, newId: () => newInteractionId(), setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
      allow,
    );
  } finally {
    allow();
  }
}

associate('logEmail', logEmail);
associate('onMessageSendHandler', onMessageSendHandler);
