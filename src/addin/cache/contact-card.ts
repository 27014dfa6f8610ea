import type { SyncCampaign, SyncCampaignTarget, SyncContact } from '../../contract/sync';
import type { LocalStore, OutboxEntry } from './local-store';
import { type InteractionOverlay, type ShownContact, type ShownInteraction, type ShownOpportunity, type ShownTask, showContact, showInteractions, showOpportunities, showTasks } from './optimistic';
import { loadOverlay } from './overlay-context';
import { compareInteractionsNewestFirst, compareOpportunities, compareTasks } from './record-order';

/** A campaign the contact takes part in today, with the price lines that apply today. */
export type ActiveCampaign = {
  campaign: SyncCampaign;
  priceLines: SyncCampaign['priceLines'];
  /** How the target group names the contact: its company contact, its customer, or both. */
  targetedAs: SyncCampaignTarget['type'][];
};

/** Everything the contact card shows, pending changes overlaid. */
export type ContactCard = {
  contact: ShownContact;
  /** The contact's company: itself for a company, undefined for a person on their own. */
  company: ShownContact | undefined;
  /** For a company, its persons; empty for a person. */
  persons: ShownContact[];
  /** Of the contact and, for a company, of its persons: open ones first, newest first. */
  opportunities: ShownOpportunity[];
  /** Open tasks (not closed, not canceled when cached), by date; a closing that waits shows as closed and pending. */
  tasks: ShownTask[];
  campaigns: ActiveCampaign[];
  /** The newest interactions, at most `timelineLimit`. */
  timeline: ShownInteraction[];
};

export type ContactCardOptions = {
  /** Today's date (YYYY-MM-DD) in the user's time zone: campaigns and price lines are active by it. */
  today: string;
  timelineLimit?: number;
  outbox?: readonly OutboxEntry[];
};

/** Whether `today` lies within optional starting and ending dates (both inclusive). */
export const withinDates = (today: string, startingDate: string | null, endingDate: string | null): boolean =>
  (startingDate === null || startingDate <= today) && (endingDate === null || today <= endingDate);

/**
 * The campaigns targeting a company (by its contact number) or its customer that are active today:
 * activated (their prices apply) and within their dates. Price lines outside their own dates drop.
 */
export async function activeCampaignsOf(store: LocalStore, company: Pick<SyncContact, 'no' | 'customerNo'>, today: string): Promise<ActiveCampaign[]> {
  const [asContact, asCustomer, campaigns] = await Promise.all([
    store.campaignTargetsOf('contact', company.no),
    company.customerNo === '' ? Promise.resolve([]) : store.campaignTargetsOf('customer', company.customerNo),
    store.all('campaign'),
  ]);
  const targetedAs = new Map<string, SyncCampaignTarget['type'][]>();
  for (const target of [...asContact, ...asCustomer]) targetedAs.set(target.campaignNo, [...(targetedAs.get(target.campaignNo) ?? []), target.type]);
  return campaigns
    .filter((campaign) => targetedAs.has(campaign.no) && campaign.activated && withinDates(today, campaign.startingDate, campaign.endingDate))
    .sort((a, b) => a.no.localeCompare(b.no))
    .map((campaign) => ({
      campaign,
      priceLines: campaign.priceLines.filter((line) => withinDates(today, line.startingDate, line.endingDate)),
      targetedAs: targetedAs.get(campaign.no) ?? [],
    }));
}

/** The contact card of a cached contact; undefined when the cache does not hold it. */
export async function loadContactCard(store: LocalStore, contactNo: string, options: ContactCardOptions): Promise<ContactCard | undefined> {
  const contact = await store.get('contact', contactNo);
  if (contact === undefined) return undefined;
  const overlay = await loadOverlay(store, options.outbox);
  const isCompany = contact.type === 'company';
  const company = isCompany ? contact : contact.companyNo === '' ? undefined : await store.get('contact', contact.companyNo);
  const persons = isCompany ? await store.personsOfCompany(contact.no) : [];
  const contactNos = new Set([contact.no, ...persons.map((person) => person.no)]);
  const limit = options.timelineLimit ?? 20;

  const [opportunities, tasks, interactions, campaigns] = await Promise.all([
    store.opportunitiesOf(contact.no),
    store.tasksOf(contact.no),
    store.interactionsOf(contact.no, limit),
    // Target groups name company contacts and customers: a person is targeted through its company
    // (by number, even when the company itself is outside the cache).
    activeCampaignsOf(store, { no: isCompany ? contact.no : contact.companyNo || contact.no, customerNo: company?.customerNo ?? '' }, options.today),
  ]);
  return {
    contact: showContact(contact, overlay.entries),
    company: company && showContact(company, overlay.entries),
    persons: persons.map((person) => showContact(person, overlay.entries)),
    opportunities: showOpportunities(opportunities, overlay.entries, contactNos).sort(compareOpportunities),
    tasks: showTasks(tasks.filter((task) => !task.closed && !task.canceled), overlay.entries, contactNos).sort(compareTasks),
    campaigns,
    timeline: showInteractions(interactions, overlay, contactNos).sort(compareInteractionsNewestFirst).slice(0, limit),
  };
}

/** One logging of a message for one contact. */
export type MessageLog = { contactNo: string; userEmail: string; salespersonCode: string; loggedAt: string; pending: boolean };

/**
 * Whether a message is logged, for any contact, by anyone: `logged` when a non-canceled
 * interaction exists or waits in the outbox; `pending` when logging it waits in this outbox.
 * `logs` says who logged it for which contact and when.
 */
export type MessageLoggedState = { logged: boolean; pending: boolean; logs: MessageLog[] };

export async function messageLoggedState(store: LocalStore, internetMessageId: string, options: { outbox?: readonly OutboxEntry[]; overlay?: InteractionOverlay } = {}): Promise<MessageLoggedState> {
  const overlay = options.overlay ?? (await loadOverlay(store, options.outbox));
  const interactions = showInteractions(await store.interactionsOfMessage(internetMessageId), overlay).filter(
    (interaction) => interaction.internetMessageId === internetMessageId && internetMessageId !== '' && !interaction.canceled,
  );
  const waiting = overlay.entries.some((entry) => entry.name === 'logEmail' && entry.args.internetMessageId === internetMessageId);
  return {
    logged: interactions.length > 0,
    pending: waiting || interactions.some((interaction) => interaction.pending),
    logs: interactions
      .sort((a, b) => a.loggedAt.localeCompare(b.loggedAt))
      .map((interaction) => ({ contactNo: interaction.contactNo, userEmail: interaction.userEmail, salespersonCode: interaction.salespersonCode, loggedAt: interaction.loggedAt, pending: interaction.pending })),
  };
}
