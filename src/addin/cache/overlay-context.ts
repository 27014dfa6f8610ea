import { normalizeEmail } from '../../domain/email';
import { type AddressMatch, type Mailbox, planEmailLog } from '../../domain/interaction/email-logging';
import type { LocalStore, OutboxEntry } from './local-store';
import { type EmailTargets, type InteractionOverlay, type LoggingUser, overlaidEntries } from './optimistic';

type LogEmailEntry = Extract<OutboxEntry, { name: 'logEmail' }>;

/** The signed-in user as the `me` setup record names them; blank before the first pull brings it. */
export async function loggingUser(store: LocalStore): Promise<LoggingUser> {
  const me = await store.get('setup', 'me');
  return me?.key === 'me' ? { email: me.value.email, salespersonCode: me.value.salespersonCode } : { email: '', salespersonCode: '' };
}

const mailboxesOf = (entry: LogEmailEntry): Mailbox[] =>
  [entry.args.from, ...(entry.args.to ?? []), ...(entry.args.cc ?? [])].map((mailbox) => ({ name: mailbox.name ?? '', address: mailbox.address }));

/**
 * Which contacts each waiting `logEmail` will log to, by the service's own rules (`planEmailLog`)
 * over the cached contacts and salespeople, so the pane shows the message logged for the same
 * contacts the service will log it for.
 */
export async function resolveEmailTargets(store: LocalStore, entries: readonly OutboxEntry[], user: LoggingUser): Promise<Map<number, EmailTargets>> {
  const logs = entries.filter((entry): entry is LogEmailEntry => entry.name === 'logEmail');
  if (logs.length === 0) return new Map();
  const salespeople = new Map((await store.all('salesperson')).filter((salesperson) => salesperson.email !== '').map((salesperson) => [normalizeEmail(salesperson.email), salesperson.code]));
  const addresses = [...new Set(logs.flatMap((entry) => mailboxesOf(entry).map((mailbox) => normalizeEmail(mailbox.address))))];
  const matches = new Map<string, AddressMatch>();
  await Promise.all(
    addresses.map(async (address) => {
      const contacts = await store.contactsByEmail(address);
      matches.set(address, {
        salespersonCode: salespeople.get(address) ?? '',
        contactNos: contacts.map((contact) => contact.no),
        personContactNos: contacts.filter((contact) => contact.type === 'person').map((contact) => contact.no),
        // The slim directory does not say which e-mails are inherited; the service decides, and the
        // next pull shows the interaction where it logged it.
        inheritingPersonContactNos: [],
      });
    }),
  );
  const lookup = (address: string): AddressMatch => matches.get(normalizeEmail(address)) ?? { salespersonCode: '', contactNos: [], personContactNos: [], inheritingPersonContactNos: [] };
  return new Map(
    logs.map((entry) => {
      const [from, ...recipients] = mailboxesOf(entry);
      const toCount = (entry.args.to ?? []).length;
      const plan = planEmailLog(
        {
          from: from ?? { name: '', address: '' },
          to: recipients.slice(0, toCount),
          cc: recipients.slice(toCount),
          explicitContactNos: entry.args.contactNos ?? [],
          userSalespersonCode: user.salespersonCode,
          mailboxAddress: entry.args.mailboxAddress,
        },
        user.email,
        lookup,
      );
      return [entry.id, plan];
    }),
  );
}

/** Everything the overlay needs, read once: the waiting entries, the user, the e-mail targets. */
export async function loadOverlay(store: LocalStore, outbox?: readonly OutboxEntry[]): Promise<InteractionOverlay> {
  const entries = overlaidEntries(outbox ?? (await store.outbox()));
  const user = await loggingUser(store);
  return { entries, user, emailTargets: await resolveEmailTargets(store, entries, user) };
}
