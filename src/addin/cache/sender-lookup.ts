import { emailDomain, normalizeEmail } from '../../domain/email';
import { isFreeMailDomain } from './free-mail-domains';
import type { ContactWithCompany, LocalStore, OutboxEntry } from './local-store';
import { overlaidEntries, pendingContacts, type ShownContact, showContact } from './optimistic';
import { bareDomain, contactEmailKeys } from './record-keys';

/** A contact the sender may be, with the company it belongs to (undefined for a company, or a person on their own). */
export type SenderMatch = { contact: ShownContact; company: ShownContact | undefined };

/**
 * Who sent a message, from the cache:
 * - `one`: the only contact with the address, or the only person among several (Business
 *   Central's rule: a person is a better match than the companies sharing their address);
 * - `several`: the user chooses (persons first);
 * - `none`: no contact has it; `proposedCompanies` are the companies on the address's domain,
 *   offered as the new contact's company (none for a free-mail domain, which says nothing about
 *   the sender's company).
 * Contacts the user created and the service has not confirmed count, shown pending.
 */
export type SenderLookup =
  | { kind: 'none'; address: string; domain: string; freeMail: boolean; proposedCompanies: ShownContact[] }
  | ({ kind: 'one' } & SenderMatch)
  | { kind: 'several'; candidates: SenderMatch[] };

export type FindSenderOptions = {
  /** The outbox, when the caller has read it already. */
  outbox?: readonly OutboxEntry[];
};

const byName = (a: SenderMatch, b: SenderMatch) => Number(a.contact.type === 'company') - Number(b.contact.type === 'company') || a.contact.name.localeCompare(b.contact.name);

/** Finds the sender of `address` (any case and spacing) in the cache; see {@link SenderLookup}. */
export async function findSender(store: LocalStore, address: string, options: FindSenderOptions = {}): Promise<SenderLookup> {
  const key = normalizeEmail(address);
  const domain = bareDomain(emailDomain(key));
  const entries = overlaidEntries(options.outbox ?? (await store.outbox()));
  // Cached contacts come with their companies, in one read of the store.
  const cached = key === '' ? [] : await store.contactsByEmailWithCompanies(key);
  const created = key === '' ? [] : pendingContacts(entries).filter((contact) => contactEmailKeys(contact).includes(key));
  const contacts = [...cached.map(({ contact }) => showContact(contact, entries)), ...created];

  if (contacts.length === 0) {
    const freeMail = isFreeMailDomain(domain);
    const proposed = domain === '' || freeMail ? [] : await store.companiesByDomain(domain);
    return { kind: 'none', address: key, domain, freeMail, proposedCompanies: proposed.map((company) => showContact(company, entries)).sort((a, b) => a.name.localeCompare(b.name)) };
  }
  const persons = contacts.filter((contact) => contact.type === 'person');
  const chosen = contacts.length === 1 ? contacts[0] : persons.length === 1 ? persons[0] : undefined;
  const companyOf = companyLoader(store, entries, cached);
  if (chosen !== undefined) return { kind: 'one', contact: chosen, company: await companyOf(chosen) };
  const candidates = await Promise.all(contacts.map(async (contact) => ({ contact, company: await companyOf(contact) })));
  return { kind: 'several', candidates: candidates.sort(byName) };
}

/**
 * The company of a person by its number, each company once per call: those read with the cached
 * contacts as they were read, any other (a pending contact's, or one an overlay moved) loaded.
 */
function companyLoader(store: LocalStore, entries: readonly OutboxEntry[], read: readonly ContactWithCompany[]): (contact: ShownContact) => Promise<ShownContact | undefined> {
  const loaded = new Map<string, Promise<ShownContact | undefined>>();
  for (const { company } of read) if (company) loaded.set(company.no, Promise.resolve(showContact(company, entries)));
  return (contact) => {
    if (contact.type !== 'person' || contact.companyNo === '') return Promise.resolve(undefined);
    let company = loaded.get(contact.companyNo);
    if (company === undefined) {
      company = store.get('contact', contact.companyNo).then((found) => found && showContact(found, entries));
      loaded.set(contact.companyNo, company);
    }
    return company;
  };
}
