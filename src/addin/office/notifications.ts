/// <reference types="office-js" />
import type { NoticeKind } from './mail-host';
import { officeAsync } from './office-call-error';

/**
 * The image resource (manifest.xml, Resources/Images, in every VersionOverrides) that classic Outlook
 * shows beside Rapport's informational notifications. Outlook requires an icon for that type.
 */
export const NOTIFICATION_ICON_RESID = 'Icon.16';

/** One notification slot per item: a newer notice replaces the previous one instead of piling up. */
export const NOTICE_KEY = 'rapport-notice';

/** Outlook rejects longer notification texts. */
export const MAX_NOTICE_LENGTH = 150;

/**
 * What Outlook is given for a notice: an error as `ErrorMessage` (Outlook's own red bar, no icon
 * allowed), anything else as a non-persistent `InformationalMessage` with Rapport's icon. Texts
 * longer than Outlook accepts are cut with an ellipsis.
 */
export function noticeDetails(office: typeof Office, kind: NoticeKind, message: string): Office.NotificationMessageDetails {
  const text = message.length > MAX_NOTICE_LENGTH ? `${message.slice(0, MAX_NOTICE_LENGTH - 1)}…` : message;
  if (kind === 'error') return { type: office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message: text };
  return { type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message: text, icon: NOTIFICATION_ICON_RESID, persistent: false };
}

/** The slice of a mail item that carries notifications. */
export type NotifiableItem = { notificationMessages: Pick<Office.NotificationMessages, 'replaceAsync'> };

/** Replaces Rapport's notice on `item`. Rejects with `OfficeCallError` when Outlook refuses it. */
export function replaceItemNotice(office: typeof Office, item: NotifiableItem, kind: NoticeKind, message: string): Promise<void> {
  return officeAsync<void>(office, 'item.notificationMessages.replaceAsync', (callback) =>
    item.notificationMessages.replaceAsync(NOTICE_KEY, noticeDetails(office, kind, message), callback),
  );
}
