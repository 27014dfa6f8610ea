import { summarizeBusinessRelations } from '../../../domain/business-relation';
import type { Contact, ContactBusinessRelationSummary } from '../../../domain/contact/contact';
import type { Queryable } from '../../db/db';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { clearPrimaryContactOnAccounts, getAccount, saveAccount, SHARED_FIELDS, type Account, type AccountKindWithTable } from './account-repository';
import { relationsOfContacts } from './business-relation-repository';

/**
 * What the contact module needs from business relations: the derived summary, and keeping the
 * linked customers/vendors/bank accounts in step with a contact (§11, contact → linked records).
 */

/** The Contact Business Relation summary of each contact, over it and its company; one query for all. */
export async function businessRelationSummaries(
  db: Queryable,
  tenantId: string,
  contacts: readonly { no: string; companyNo: string }[],
): Promise<ContactBusinessRelationSummary[]> {
  if (contacts.length === 0) return [];
  const relations = await relationsOfContacts(db, tenantId, contacts.flatMap((contact) => [contact.no, contact.companyNo]).filter(Boolean));
  if (relations.length === 0) return contacts.map(() => 'none');
  const setup = await getMarketingSetup(db, tenantId);
  return contacts.map((contact) =>
    summarizeBusinessRelations(
      relations.filter((relation) => relation.contactNo === contact.no || (contact.companyNo !== '' && relation.contactNo === contact.companyNo)),
      setup,
    ),
  );
}

export const clearPrimaryContact = (tx: Queryable, tenantId: string, contactNo: string): Promise<void> => clearPrimaryContactOnAccounts(tx, tenantId, contactNo);

/** The account's shared fields as the contact has them; the account keeps its number and primary contact. */
export function accountFieldsFromContact(account: Account, contact: Contact, kind: AccountKindWithTable): Account {
  const next: Account = { ...account };
  for (const field of SHARED_FIELDS) (next as Record<string, string>)[field] = String(contact[field]);
  // The account is named after the company; vendors and bank accounts keep their own purchaser / our contact.
  next.name = contact.companyName || contact.name;
  if (kind !== 'customer') next.salespersonCode = account.salespersonCode;
  return next;
}

const sharedFieldsChanged = (before: Contact, after: Contact): boolean =>
  before.type !== after.type || before.companyName !== after.companyName || SHARED_FIELDS.some((field) => before[field] !== after[field]);

/**
 * §11 contact → linked records: when a contact change touched a shared field, every customer,
 * vendor and bank account linked to it takes the contact's values.
 */
export async function syncLinkedAccounts(tx: Queryable, tenantId: string, before: Contact, after: Contact): Promise<void> {
  if (!sharedFieldsChanged(before, after)) return;
  const links = (await relationsOfContacts(tx, tenantId, [after.no])).filter((relation) => relation.no !== '' && relation.linkToTable !== '' && relation.linkToTable !== 'employee');
  for (const link of links) {
    const kind = link.linkToTable as AccountKindWithTable;
    const account = await getAccount(tx, tenantId, kind, link.no, { forUpdate: true });
    if (account) await saveAccount(tx, tenantId, kind, accountFieldsFromContact(account, after, kind));
  }
}
