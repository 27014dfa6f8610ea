import { z } from 'zod';

/**
 * What the sign-in dialog (auth-dialog.ts) sends the pane through `Office.context.ui.messageParent`:
 * the token on success, msal's error code on failure. A string, because that is all the dialog
 * API carries; checked by schema on arrival like every other message from outside the pane.
 */
export const dialogMessageSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('success'),
    accessToken: z.string().min(1),
    /** Epoch milliseconds; null when the identity platform did not say. */
    expiresOn: z.number().nullable(),
  }),
  z.strictObject({
    status: z.literal('failure'),
    /** msal's `errorCode`, or `unknown` for a failure that was not msal's. */
    code: z.string(),
  }),
]);

export type DialogMessage = z.infer<typeof dialogMessageSchema>;

/** The dialog page's query parameter carrying the mailbox user's address. */
export const DIALOG_LOGIN_HINT_PARAM = 'loginHint';
