/**
 * What the sign-in dialog (auth-dialog.ts) sends the pane through `Office.context.ui.messageParent`:
 * the token on success, msal's error code on failure. A string, because that is all the dialog
 * API carries; checked on arrival (`dialogMessageOf`) like every other message from outside the pane.
 */
export { dialogMessageOf, type DialogMessage } from '../api/guards';

/** The dialog page's query parameter carrying the mailbox user's address. */
export const DIALOG_LOGIN_HINT_PARAM = 'loginHint';
