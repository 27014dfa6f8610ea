import type { SyncCollection, SyncContact, SyncRecord } from '../../contract/sync';
import { emailDomain, normalizeEmail } from '../../domain/email';

/**
 * What a store keeps beside a record: the generation that wrote it (a resync drops older ones) and,
 * for contacts, the lookup keys its indexes are built on. Names are short because they are stored
 * with every one of the hundred thousand cached contacts.
 */
export type InternalFields = {
  /** The generation of the full sync that last wrote the row. */
  $g: number;
  /** A contact's e-mail addresses, normalised (e-mail, e-mail 2, alternative addresses). */
  $emails?: string[];
  /** A company's domains (of its e-mail and home page). */
  $domains?: string[];
};

export type StoredRow<C extends SyncCollection> = SyncRecord<C> & InternalFields;

/** The e-mail keys of a contact: every address it can be recognised by, normalised, without repeats. */
export function contactEmailKeys(contact: Pick<SyncContact, 'email' | 'email2' | 'altEmails'>): string[] {
  const keys = [contact.email, contact.email2, ...contact.altEmails].map(normalizeEmail).filter((key) => key !== '');
  return [...new Set(keys)];
}

/** A host name as domains are matched: lower-case, without a leading `www.`. */
export function bareDomain(host: string): string {
  const lower = host.trim().toLowerCase();
  return lower.startsWith('www.') ? lower.slice(4) : lower;
}

/**
 * The domain of a home page as users type it: `https://www.contoso.com/about`, `www.contoso.com`,
 * `contoso.com:8080` all give `contoso.com`. '' when nothing host-like is left.
 */
export function homePageDomain(homePage: string): string {
  const withoutScheme = homePage.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = withoutScheme.split(/[/?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  return host.includes('.') ? bareDomain(host) : '';
}

/** The domain keys of a company: where its e-mail and its home page live. Persons have none. */
export function companyDomainKeys(contact: Pick<SyncContact, 'type' | 'email' | 'homePage'>): string[] {
  if (contact.type !== 'company') return [];
  const keys = [bareDomain(emailDomain(contact.email)), homePageDomain(contact.homePage)].filter((key) => key !== '');
  return [...new Set(keys)];
}

/**
 * The row a store writes for a record received in `generation`: the record as received plus the
 * derived fields its indexes need. Empty key lists are left out, so they cost neither bytes nor
 * index entries.
 */
export function toStoredRow<C extends SyncCollection>(collection: C, record: SyncRecord<C>, generation: number): StoredRow<C> {
  const row: StoredRow<C> = { ...record, $g: generation };
  if (collection === 'contact') {
    const contact = record as SyncContact;
    const emails = contactEmailKeys(contact);
    const domains = companyDomainKeys(contact);
    if (emails.length > 0) row.$emails = emails;
    if (domains.length > 0) row.$domains = domains;
  }
  return row;
}

/** The record as the service sent it, without what the store added. */
export function fromStoredRow<C extends SyncCollection>(row: StoredRow<C>): SyncRecord<C> {
  const { $g: _generation, $emails: _emails, $domains: _domains, ...record } = row;
  return record as unknown as SyncRecord<C>;
}
