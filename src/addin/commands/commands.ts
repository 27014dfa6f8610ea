// The function-command and launch-event bundle (commands.js). Classic Outlook on Windows runs it in a
// JavaScript-only runtime without a DOM or IndexedDB, so it stays standalone and thin: no React, no
// document or window, and only src/addin/office touches Office.
//
// At this step neither function logs anything yet: each says so on the item and completes its event.
// Logging arrives with the sync work.
import { associate, type CommandEvent } from '../office/actions';
import { showItemNotice } from '../office/notifications';

const NOT_SET_UP = 'Rapport: logging is not set up yet';

/** "Log email" on the reading ribbon (ExecuteFunction logEmail). */
export async function logEmail(event: CommandEvent): Promise<void> {
  try {
    await showItemNotice(NOT_SET_UP);
  } finally {
    event.completed();
  }
}

/** OnMessageSend (LaunchEvent onMessageSendHandler): never holds the message back. */
export async function onMessageSendHandler(event: CommandEvent): Promise<void> {
  try {
    await showItemNotice(NOT_SET_UP);
  } finally {
    event.completed({ allowEvent: true });
  }
}

associate('logEmail', logEmail);
associate('onMessageSendHandler', onMessageSendHandler);
