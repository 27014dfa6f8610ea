import type { LocalStore } from './local-store';
import { type RejectedChange, rejectedOf } from './optimistic';

/**
 * The read side of the task pane over any `LocalStore`: cached records with the outbox's waiting
 * changes overlaid, every read answered from the store's indexes.
 */
export { findSender, type FindSenderOptions, type SenderLookup, type SenderMatch } from './sender-lookup';
export { activeCampaignsOf, type ActiveCampaign, type ContactCard, type ContactCardOptions, loadContactCard, type MessageLog, type MessageLoggedState, messageLoggedState } from './contact-card';
export type { RejectedChange, Shown, ShownContact, ShownInteraction, ShownOpportunity, ShownTask } from './optimistic';

/** The changes the service refused, oldest first, with its reasons: the pane asks the user to fix or discard each. */
export async function rejectedChanges(store: LocalStore): Promise<RejectedChange[]> {
  return rejectedOf(await store.outbox());
}
