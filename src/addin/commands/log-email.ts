import type { Mailbox, MailHost, NoticeKind, ReadItem } from '../office/mail-host';
import type { CommandMessages } from './messages';
import { decodePendingLog, encodePendingLog } from './pending-log';
import type { EmailLogBody, SendLog, SendLogOutcome } from './send-log';

/** The body excerpt kept with the interaction (the contract's limit). */
export const BODY_EXCERPT_MAX_CHARS = 2_000;

// The contract's other limits (logEmailBodySchema): longer values would be refused as invalid.
const NAME_MAX = 200;
const CONVERSATION_ID_MAX = 512;
const SUBJECT_MAX = 1_000;
const ATTACHMENTS_MAX = 100;
const ATTACHMENT_NAME_MAX = 255;

/** What the "Log email" command did; the user read the same as a notice on the item. */
export type LogEmailResult = 'logged' | 'alreadyLogged' | 'nobodyKnown' | 'queued' | 'rejected' | 'failed' | 'notAMessage';

export type LogEmailDependencies = {
  host: MailHost;
  sendLog: SendLog;
  messages: CommandMessages;
  /** A fresh interaction id (UUID). */
  newId: () => string;
};

const hasAddress = (mailbox: Mailbox): boolean => mailbox.address.includes('@');
const clip = (mailbox: Mailbox): Mailbox => ({ name: mailbox.name.slice(0, NAME_MAX), address: mailbox.address });

/**
 * The log of a message being read, as the service takes it, within the contract's limits.
 * Recipients without an SMTP address (an Exchange-internal one) are left out: they could match no
 * contact, and the contract refuses them. Null when the sender has no SMTP address either, or the
 * message lacks what a log needs (its internet message id, a time). The service checks the rest.
 */
export function emailLogBody(item: ReadItem, bodyText: string, id: string): EmailLogBody | null {
  if (!hasAddress(item.from) || item.internetMessageId.trim() === '' || Number.isNaN(Date.parse(item.sentAt))) return null;
  return {
    id,
    internetMessageId: item.internetMessageId,
    conversationId: item.conversationId.slice(0, CONVERSATION_ID_MAX),
    subject: item.subject.slice(0, SUBJECT_MAX),
    from: clip(item.from),
    to: item.to.filter(hasAddress).map(clip),
    cc: item.cc.filter(hasAddress).map(clip),
    sentAt: item.sentAt,
    bodyText: bodyText.slice(0, BODY_EXCERPT_MAX_CHARS),
    attachmentNames: item.attachmentNames.slice(0, ATTACHMENTS_MAX).map((name) => name.slice(0, ATTACHMENT_NAME_MAX)),
    contactNos: [],
    // A shared or delegated mailbox: the service judges the message against its owner.
    ...(item.mailboxOwner === null ? {} : { mailboxAddress: item.mailboxOwner }),
  };
}

/**
 * "Log email" on the reading ribbon: logs the open message without the pane and says how it went
 * in a notice on the item.
 *
 * Never lost: when the service cannot be reached (or the user is not signed in) the log stays on
 * the item as a custom property and the pane completes it when it next sees the item. Never twice:
 * a second click, here or in the pane, sends the waiting log's `id` again, and the service logs a
 * message once per contact anyway. Resolves with what it did; never rejects.
 */
export async function logEmailNow(dependencies: LogEmailDependencies): Promise<LogEmailResult> {
  const { host, messages } = dependencies;
  const say = async (kind: NoticeKind, message: string): Promise<void> => {
    try {
      await host.notify(kind, message);
    } catch (error) {
      console.error('Rapport: the notice could not be shown', error);
    }
  };

  let result: { result: LogEmailResult; kind: NoticeKind; message: string };
  try {
    result = await logOpenItem(dependencies);
  } catch (error) {
    console.error('Rapport: logging the email failed', error);
    result = { result: 'failed', kind: 'error', message: messages.failed };
  }
  await say(result.kind, result.message);
  return result.result;
}

async function logOpenItem({ host, sendLog, messages, newId }: LogEmailDependencies): Promise<{ result: LogEmailResult; kind: NoticeKind; message: string }> {
  const item = await host.currentItem();
  if (item === null || item.mode !== 'read' || item.internetMessageId === '') return { result: 'notAMessage', kind: 'error', message: messages.notAMessage };

  const waiting = decodePendingLog(await host.pendingLog().catch(() => null));
  let body: EmailLogBody | null;
  if (waiting !== null && waiting.internetMessageId === item.internetMessageId) {
    body = waiting;
  } else {
    // The excerpt is a nicety: a message whose body cannot be read is still logged.
    const excerpt = await host.bodyExcerpt(BODY_EXCERPT_MAX_CHARS).catch(() => '');
    body = emailLogBody(item, excerpt, newId());
  }
  if (body === null) return { result: 'failed', kind: 'error', message: messages.failed };

  const outcome = await sendLog(body);
  if (outcome.kind === 'unreachable' || outcome.kind === 'unauthenticated') {
    const kept = waiting === body || (await keepOnItem(host, body));
    if (!kept) return { result: 'failed', kind: 'error', message: messages.failed };
    return { result: 'queued', kind: 'info', message: outcome.kind === 'unauthenticated' ? messages.queuedSignIn : messages.queued };
  }
  // The service has decided; nothing waits any more.
  if (waiting !== null) await host.setPendingLog(null).catch((error: unknown) => console.error('Rapport: the waiting log could not be removed', error));
  return describe(outcome, host.user().address, messages);
}

async function keepOnItem(host: MailHost, body: EmailLogBody): Promise<boolean> {
  const json = encodePendingLog(body);
  if (json === null) return false;
  try {
    await host.setPendingLog(json);
    return true;
  } catch (error) {
    console.error('Rapport: the log could not be kept on the item', error);
    return false;
  }
}

function describe(
  outcome: Exclude<SendLogOutcome, { kind: 'unreachable' | 'unauthenticated' }>,
  userAddress: string,
  messages: CommandMessages,
): { result: LogEmailResult; kind: NoticeKind; message: string } {
  switch (outcome.kind) {
    case 'logged':
      return { result: 'logged', kind: 'info', message: outcome.unmatchedAddresses.length > 0 ? messages.loggedWithUnknown(outcome.unmatchedAddresses.length) : messages.logged };
    case 'alreadyLogged': {
      const byOther = outcome.loggedBy !== null && outcome.loggedBy.toLowerCase() !== userAddress.toLowerCase();
      return { result: 'alreadyLogged', kind: 'info', message: byOther ? messages.alreadyLoggedBy(outcome.loggedBy!) : messages.alreadyLogged };
    }
    case 'nobodyKnown':
      return { result: 'nobodyKnown', kind: 'info', message: messages.nobodyKnown([...outcome.unmatchedAddresses, ...outcome.ambiguousAddresses]) };
    case 'rejected':
      return { result: 'rejected', kind: 'error', message: messages.rejected };
  }
}
