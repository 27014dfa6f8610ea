/// <reference types="office-js" />

/**
 * The image resource (manifest.xml, Resources/Images, in every VersionOverrides) that classic Outlook
 * shows beside Rapport's informational notifications. Outlook requires an icon for that type.
 */
export const NOTIFICATION_ICON_RESID = 'Icon.16';

/** One notification slot per item: a newer notice replaces the previous one instead of piling up. */
const NOTICE_KEY = 'rapport-notice';

/** Outlook rejects longer notification texts. */
const MAX_NOTICE_LENGTH = 150;

/**
 * Shows `message` as an informational notification on the current mail item (read or compose),
 * replacing Rapport's previous one. Resolves once Outlook has accepted it; rejects with Outlook's
 * error, or when there is no current item.
 */
export function showItemNotice(message: string): Promise<void> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const item = office?.context?.mailbox?.item;
  if (office === undefined || item === undefined || item === null) {
    return Promise.reject(new Error('No current mail item to show a notification on.'));
  }
  const details: Office.NotificationMessageDetails = {
    type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
    message: message.length > MAX_NOTICE_LENGTH ? `${message.slice(0, MAX_NOTICE_LENGTH - 1)}…` : message,
    icon: NOTIFICATION_ICON_RESID,
    persistent: false,
  };
  return new Promise((resolve, reject) => {
    item.notificationMessages.replaceAsync(NOTICE_KEY, details, (result) => {
      if (result.status === office.AsyncResultStatus.Succeeded) resolve();
      else reject(result.error);
    });
  });
}
