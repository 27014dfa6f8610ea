/**
 * An e-mail logged from a shared mailbox (sales@) or from a mailbox the user is a delegate of keeps
 * that mailbox's address with its interactions: who logged it is the user (`user_email`), where it
 * was read is the mailbox. Empty for the user's own mailbox, and for every entry logged before.
 */
export const interactionMailbox = `
ALTER TABLE interaction_log_entry ADD COLUMN mailbox_address text NOT NULL DEFAULT '';
`;
