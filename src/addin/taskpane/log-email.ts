import type { SyncMutationArgs } from '../../contract/sync';
import { decodePendingLog } from '../commands/pending-log';
import type { LocalStore } from '../cache/local-store';
import type { Mailbox, MailHost, ReadItem, SendStamp } from '../office/mail-host';

export type LogEmailArgs = SyncMutationArgs<'logEmail'>;

// The contract's limits (logEmailBodySchema): longer values would be refused as invalid.
const SUBJECT_MAX = 1000;
const NAME_MAX = 200;
const ATTACHMENT_NAME_MAX = 255;
const ATTACHMENTS_MAX = 100;
const BODY_MAX = 2000;

const mailbox = (value: Mailbox) => ({ name: value.name.slice(0, NAME_MAX), address: value.address });
// An address the contract would refuse (no @) must not sink the whole log.
const addressable = (value: Mailbox) => value.address.includes('@');

/** The `logEmail` mutation for a message being read: everything Outlook knows of it. */
export function logEmailArgs(item: ReadItem, options: { id: string; bodyText: string; campaignNo?: string; opportunityNo?: string; contactNos?: readonly string[] }): LogEmailArgs {
  return {
    id: options.id,
    internetMessageId: item.internetMessageId,
    conversationId: item.conversationId.slice(0, 512),
    subject: item.subject.slice(0, SUBJECT_MAX),
    from: mailbox(item.from),
    to: item.to.filter(addressable).map(mailbox),
    cc: item.cc.filter(addressable).map(mailbox),
    sentAt: item.sentAt,
    bodyText: options.bodyText.slice(0, BODY_MAX),
    attachmentNames: item.attachmentNames.slice(0, ATTACHMENTS_MAX).map((name) => name.slice(0, ATTACHMENT_NAME_MAX)),
    // A shared or delegated mailbox: the service judges the message against its owner.
    ...(item.mailboxOwner === null ? {} : { mailboxAddress: item.mailboxOwner }),
    ...(options.contactNos === undefined || options.contactNos.length === 0 ? {} : { contactNos: [...options.contactNos] }),
    ...(options.campaignNo === undefined || options.campaignNo === '' ? {} : { campaignNo: options.campaignNo }),
    ...(options.opportunityNo === undefined || options.opportunityNo === '' ? {} : { opportunityNo: options.opportunityNo }),
  };
}

/**
 * A sent item whose send stamp says its log still waits (the draft was queued for logging before
 * it had an internet message id): queues the log now, under the stamped interaction id, so the
 * service makes it the one interaction the stamp promised. Does nothing when the log is queued or
 * cached already. Resolves to whether it queued one.
 */
export async function completeWaitingLog(store: LocalStore, item: ReadItem, stamp: SendStamp | null, bodyText: string): Promise<boolean> {
  if (stamp === null || stamp.state !== 'waiting' || !item.sentFromMailbox || item.internetMessageId === '') return false;
  if (await known(store, item.internetMessageId, stamp.interactionId)) return false;
  await store.enqueue('logEmail', logEmailArgs(item, { id: stamp.interactionId, bodyText }));
  return true;
}

/** Whether a log with interaction id `id` is queued in the outbox or cached as logged. */
async function known(store: LocalStore, internetMessageId: string, id: string): Promise<boolean> {
  const [outbox, cached] = await Promise.all([store.outbox(), store.interactionsOfMessage(internetMessageId)]);
  return outbox.some((entry) => entry.name === 'logEmail' && entry.args.id === id) || cached.some((interaction) => interaction.id === id);
}

/**
 * The log the ribbon's "Log email" kept on the item when it could not reach the service, if it is
 * a valid log of this very message (the item may carry anything).
 */
export function parsePendingLog(json: string | null, item: ReadItem): LogEmailArgs | null {
  const kept = decodePendingLog(json);
  return kept !== null && kept.internetMessageId === item.internetMessageId ? kept : null;
}

/**
 * Takes over what waits on the item being read: the ribbon command's log kept on the item, and a
 * sent item's waiting send stamp. Each goes into the outbox under its own id (the service makes it
 * the one interaction promised), once; the item's copy of the ribbon log is then dropped, since
 * the outbox keeps it from now on. Resolves to whether anything was queued.
 */
export async function completeLogsWaitingOn(store: LocalStore, host: MailHost, item: ReadItem, bodyText: Promise<string>): Promise<boolean> {
  let queued = false;
  const kept = parsePendingLog(await host.pendingLog().catch(() => null), item);
  if (kept !== null) {
    if (!(await known(store, item.internetMessageId, kept.id))) {
      await store.enqueue('logEmail', kept);
      queued = true;
    }
    await host.setPendingLog(null).catch((error: unknown) => console.error('Rapport: the log kept on the item could not be removed', error));
  }
  if (item.sentFromMailbox) {
    const stamp = await host.readStamp().catch(() => null);
    queued = (await completeWaitingLog(store, item, stamp, await bodyText)) || queued;
  }
  return queued;
}
