import type { MutationRejection, SyncContact, SyncInteraction, SyncMutationArgs, SyncMutationName, SyncOpportunity, SyncTask } from '../../contract/sync';
import type { EmailLogPlan } from '../../domain/interaction/email-logging';
import { newTask } from '../../domain/task/task';
import type { OutboxEntry } from './local-store';

/**
 * Optimistic records: what the pane shows while outbox entries wait. Pure functions over cached
 * records and outbox entries; the repositories read both from the store and call these.
 *
 * Entries that are `pending` (not yet pushed) or `applied` (pushed, their data not yet pulled) are
 * overlaid; `rejected` ones are not — the service refused them — and come back through
 * `rejectedChanges` with their reasons instead.
 */

/**
 * A record as shown: `pending` when an outbox entry created or changes it; `outboxId` names the
 * entry that created it (a record the service has not numbered yet has no number of its own).
 */
export type Shown<T> = T & { pending: boolean; outboxId?: number };

export type ShownContact = Shown<SyncContact>;
export type ShownOpportunity = Shown<SyncOpportunity>;
export type ShownTask = Shown<SyncTask>;
export type ShownInteraction = Shown<SyncInteraction>;

type EntryOf<N extends SyncMutationName> = Extract<OutboxEntry, { name: N }>;

/** A change the service refused, with its reason, for the user to fix or discard. */
export type RejectedChange = { id: number; name: SyncMutationName; args: SyncMutationArgs<SyncMutationName>; createdAt: string; rejection: MutationRejection };

/** The entries to overlay: waiting ones, in the order they were made. */
export function overlaidEntries(outbox: readonly OutboxEntry[]): OutboxEntry[] {
  return outbox.filter((entry) => entry.status !== 'rejected').sort((a, b) => a.id - b.id);
}

/** The refused entries with their reasons (an entry refused without one gets an empty reason). */
export function rejectedOf(outbox: readonly OutboxEntry[]): RejectedChange[] {
  return outbox
    .filter((entry) => entry.status === 'rejected')
    .sort((a, b) => a.id - b.id)
    .map((entry) => ({ id: entry.id, name: entry.name, args: entry.args, createdAt: entry.createdAt, rejection: entry.rejection ?? { code: 'rejected', message: '' } }));
}

function entriesNamed<N extends SyncMutationName>(entries: readonly OutboxEntry[], name: N): EntryOf<N>[] {
  return entries.filter((entry): entry is EntryOf<N> => entry.name === name);
}

const shown = <T>(record: T): Shown<T> => ({ ...record, pending: false });

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

/** The contact with the pending `updateContact` patches for it applied, in order. */
export function showContact(contact: SyncContact, entries: readonly OutboxEntry[]): ShownContact {
  return entriesNamed(entries, 'updateContact')
    .filter((entry) => entry.args.no === contact.no)
    .reduce<ShownContact>((current, entry) => ({ ...current, ...pickContactFields(entry.args.patch), pending: true }), shown(contact));
}

/** The fields of a create or patch body that a cached contact has (the rest is not cached). */
function pickContactFields(body: Partial<Record<string, unknown>>): Partial<SyncContact> {
  const fields: Partial<Record<keyof SyncContact, unknown>> = {};
  for (const key of CONTACT_TEXT_FIELDS) if (typeof body[key] === 'string') fields[key] = body[key];
  if (body.type === 'company' || body.type === 'person') fields.type = body.type;
  return fields as Partial<SyncContact>;
}

const CONTACT_TEXT_FIELDS = ['name', 'firstName', 'surname', 'companyNo', 'jobTitle', 'email', 'email2', 'homePage', 'phoneNo', 'mobilePhoneNo', 'salespersonCode', 'languageCode'] as const;

/** Contacts the user created that the service has not numbered yet. `no` is '' until then. */
export function pendingContacts(entries: readonly OutboxEntry[]): ShownContact[] {
  return entriesNamed(entries, 'createContact').map((entry) => {
    const body = entry.args.contact;
    const type = body.type ?? 'company';
    const base: SyncContact = {
      no: body.no ?? '',
      type,
      name: body.name ?? [body.firstName, body.surname].filter(Boolean).join(' '),
      firstName: '',
      surname: '',
      companyNo: '',
      companyName: '',
      jobTitle: '',
      email: '',
      email2: '',
      altEmails: [],
      homePage: '',
      phoneNo: '',
      mobilePhoneNo: '',
      salespersonCode: '',
      languageCode: '',
      businessRelation: 'none',
      customerNo: '',
    };
    return { ...base, ...pickContactFields(body), pending: true, outboxId: entry.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Opportunities and tasks
// ---------------------------------------------------------------------------------------------

/**
 * The cached opportunities, marked pending where an update or close waits, followed by the ones
 * created for `contactNos` that wait for their number.
 */
export function showOpportunities(cached: readonly SyncOpportunity[], entries: readonly OutboxEntry[], contactNos: ReadonlySet<string>): ShownOpportunity[] {
  const changing = new Set([...entriesNamed(entries, 'updateOpportunity'), ...entriesNamed(entries, 'closeOpportunity')].map((entry) => entry.args.no));
  const created = entriesNamed(entries, 'createOpportunity')
    .filter((entry) => contactNos.has(entry.args.opportunity.contactNo))
    .map((entry): ShownOpportunity => {
      const body = entry.args.opportunity;
      return {
        no: body.no ?? '',
        description: body.description,
        contactNo: body.contactNo,
        contactCompanyNo: '',
        salespersonCode: body.salespersonCode ?? '',
        campaignNo: body.campaignNo ?? '',
        salesCycleCode: body.salesCycleCode ?? '',
        creationDate: entry.createdAt.slice(0, 10),
        status: body.activateFirstStage ? 'inProgress' : 'notStarted',
        priority: body.priority ?? 'normal',
        closed: false,
        dateClosed: null,
        salesDocumentType: '',
        salesDocumentNo: '',
        currentStage: 0,
        currentStageDescription: '',
        estimatedValueLcy: body.activateFirstStage?.estimatedValueLcy ?? 0,
        calcdCurrentValueLcy: 0,
        probabilityPct: 0,
        chancesOfSuccessPct: body.activateFirstStage?.chancesOfSuccessPct ?? 0,
        completedPct: 0,
        estimatedCloseDate: body.activateFirstStage?.estimatedCloseDate ?? null,
        // Nothing can be done to it before the service has it.
        allowedActions: [],
        pending: true,
        outboxId: entry.id,
      };
    });
  return [...cached.map((opportunity) => ({ ...opportunity, pending: changing.has(opportunity.no) })), ...created];
}

/**
 * The cached tasks, a task whose closing waits shown closed and pending, followed by the tasks
 * created for `contactNos` that wait for their number.
 */
export function showTasks(cached: readonly SyncTask[], entries: readonly OutboxEntry[], contactNos: ReadonlySet<string>): ShownTask[] {
  const closing = new Map(entriesNamed(entries, 'closeTask').map((entry) => [entry.args.no, entry]));
  const created = entriesNamed(entries, 'createTask')
    .filter((entry) => contactNos.has(entry.args.task.contactNo ?? ''))
    // The service decides the number and, when none is given, the salesperson.
    .map((entry): ShownTask => ({ ...newTask(entry.args.task, { no: entry.args.task.no ?? '', salespersonCode: '' }), pending: true, outboxId: entry.id }));
  const overlaid = cached.map((task): ShownTask => {
    const close = closing.get(task.no);
    return close ? { ...task, closed: true, dateClosed: close.createdAt.slice(0, 10), completedBy: close.args.completedBy ?? '', pending: true } : shown(task);
  });
  return [...overlaid, ...created];
}

// ---------------------------------------------------------------------------------------------
// Interactions
// ---------------------------------------------------------------------------------------------

/** Who the signed-in user is, for the interactions they log. */
export type LoggingUser = { email: string; salespersonCode: string };

/** Which contacts a waiting `logEmail` will log to, as the service's rules decide (`planEmailLog`). */
export type EmailTargets = Pick<EmailLogPlan, 'informationFlow' | 'initiatedBy' | 'interactions'>;

function blankInteraction(entry: OutboxEntry, user: LoggingUser): ShownInteraction {
  return {
    entryNo: 0,
    id: '',
    contactNo: '',
    contactCompanyNo: '',
    date: entry.createdAt.slice(0, 10),
    timeOfInteraction: entry.createdAt.slice(11, 19),
    description: '',
    subject: '',
    informationFlow: '',
    initiatedBy: '',
    interactionTemplateCode: '',
    costLcy: 0,
    durationMin: 0,
    salespersonCode: user.salespersonCode,
    userEmail: user.email,
    canceled: false,
    internetMessageId: '',
    campaignNo: '',
    loggedAt: entry.createdAt,
    opportunityNo: '',
    pending: true,
    outboxId: entry.id,
  };
}

/** The interactions a waiting `logEmail` will create: one per target contact, for the message. */
export function pendingEmailInteractions(entry: EntryOf<'logEmail'>, targets: EmailTargets, user: LoggingUser): ShownInteraction[] {
  const { args } = entry;
  return targets.interactions.map((planned) => ({
    ...blankInteraction(entry, user),
    id: args.id,
    contactNo: planned.contactNo,
    date: args.sentAt.slice(0, 10),
    timeOfInteraction: args.sentAt.slice(11, 19),
    description: (args.subject ?? '').trim().slice(0, 100),
    subject: args.subject ?? '',
    informationFlow: targets.informationFlow,
    initiatedBy: targets.initiatedBy,
    salespersonCode: planned.salespersonCode || user.salespersonCode,
    internetMessageId: args.internetMessageId,
    campaignNo: args.campaignNo ?? '',
  }));
}

/** The interaction a waiting `logInteraction` will create. */
export function pendingLoggedInteraction(entry: EntryOf<'logInteraction'>, user: LoggingUser): ShownInteraction {
  const { args } = entry;
  return {
    ...blankInteraction(entry, user),
    id: args.id,
    contactNo: args.contactNo,
    date: args.date,
    timeOfInteraction: args.time ?? '00:00:00',
    description: args.description ?? '',
    informationFlow: args.informationFlow ?? '',
    initiatedBy: args.initiatedBy ?? '',
    interactionTemplateCode: args.templateCode ?? '',
    costLcy: args.costLcy ?? 0,
    durationMin: args.durationMin ?? 0,
    campaignNo: args.campaignNo ?? '',
  };
}

export type InteractionOverlay = {
  entries: readonly OutboxEntry[];
  user: LoggingUser;
  /** The targets of each waiting `logEmail`, by outbox id; an entry without targets logs nowhere yet. */
  emailTargets: ReadonlyMap<number, EmailTargets>;
};

/**
 * The cached interactions with waiting cancellations shown (canceled or restored, pending),
 * followed by the waiting logs for `contactNos` (all contacts when undefined). A waiting log whose
 * interaction a pull already brought (same client id) is shown once, as cached.
 */
export function showInteractions(cached: readonly SyncInteraction[], overlay: InteractionOverlay, contactNos?: ReadonlySet<string>): ShownInteraction[] {
  const cancels = new Map(entriesNamed(overlay.entries, 'cancelInteraction').map((entry) => [entry.args.id, entry.args.canceled ?? true]));
  const cachedIds = new Set(cached.map((interaction) => interaction.id));
  const waiting = overlay.entries.flatMap((entry): ShownInteraction[] => {
    if (entry.name === 'logEmail') return pendingEmailInteractions(entry, overlay.emailTargets.get(entry.id) ?? { informationFlow: 'inbound', initiatedBy: 'them', interactions: [] }, overlay.user);
    if (entry.name === 'logInteraction') return [pendingLoggedInteraction(entry, overlay.user)];
    return [];
  });
  const logged = waiting.filter((interaction) => !cachedIds.has(interaction.id) && (contactNos === undefined || contactNos.has(interaction.contactNo)));
  const shownCached = cached.map((interaction): ShownInteraction => {
    const canceled = cancels.get(interaction.id);
    return canceled === undefined ? shown(interaction) : { ...interaction, canceled, pending: true };
  });
  return [...shownCached, ...logged];
}
