import { accountKindOfCode, businessRelationCodeFor, checkCanLink, type ContactBusinessRelation } from '../../../domain/business-relation';
import type { Contact } from '../../../domain/contact/contact';
import { RapportError } from '../../../domain/errors';
import type { Queryable } from '../../db/db';
import type { RequestContext } from '../../http/route';
import { refreshTargetGroups } from '../campaigns/campaign-price-service';
import { getContact, type StoredContact } from '../contacts/contact-repository';
import { createContactFromAccount, updateContactFromAccount } from '../contacts/contact-service';
import { assignNo, findNoSeries } from '../number-series/number-series-repository';
import { checkReferences } from '../reference-data/references';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import {
  accountExists,
  blankAccount,
  deleteAccount,
  getAccount,
  insertAccount,
  listAccountsWithoutContact,
  saveAccount,
  type Account,
  type AccountKindWithTable,
} from './account-repository';
import { deleteRelation, deleteRelationsTo, findLinkedContactNo, relationsOfContacts, upsertRelation } from './business-relation-repository';
import { accountFieldsFromContact } from './linked-accounts';

/**
 * Business relations and the customer/vendor/bank account links of §11: Create as…, Link with
 * existing, and the two-way sync. Employees have no table here (Rapport keeps no HR data); the
 * Employees relation code can still be set up and shown.
 */

const CAPTION: Record<AccountKindWithTable, string> = { customer: 'Customer', vendor: 'Vendor', bankAccount: 'Bank Account' };

/** Number series for accounts, created on first use: Rapport keeps no Sales & Receivables setup. */
const ACCOUNT_SERIES: Record<AccountKindWithTable, { code: string; description: string; startingNo: string; endingNo: string }> = {
  customer: { code: 'CUST', description: 'Customers', startingNo: 'C00010', endingNo: 'C99990' },
  vendor: { code: 'VEND', description: 'Vendors', startingNo: 'V00010', endingNo: 'V99990' },
  bankAccount: { code: 'BANK', description: 'Bank accounts', startingNo: 'B010', endingNo: 'B990' },
};

/** The account's number: typed (with Manual Nos.) or the next of its series, created on first use. */
async function accountNo(tx: Queryable, tenantId: string, kind: AccountKindWithTable, workDate: string, typedNo?: string): Promise<string> {
  const series = ACCOUNT_SERIES[kind];
  if (!(await findNoSeries(tx, tenantId, series.code))) {
    await tx.query('INSERT INTO no_series (tenant_id, code, description, default_nos, manual_nos) VALUES ($1, $2, $3, true, true) ON CONFLICT DO NOTHING', [
      tenantId,
      series.code,
      series.description,
    ]);
    await tx.query(
      `INSERT INTO no_series_line (tenant_id, series_code, line_no, starting_no, ending_no, increment_by_no) VALUES ($1, $2, 10000, $3, $4, 10)
       ON CONFLICT DO NOTHING`,
      [tenantId, series.code, series.startingNo, series.endingNo],
    );
  }
  const { no } = await assignNo(tx, tenantId, {
    seriesCode: series.code,
    setupFieldCaption: `${CAPTION[kind]} Nos.`,
    typedNo,
    workDate,
    what: CAPTION[kind],
    exists: (candidate) => accountExists(tx, tenantId, kind, candidate),
  });
  return no;
}

const notFound = (what: string) => new RapportError('not_found', `There is no ${what}.`);

async function requireContact(tx: Queryable, tenantId: string, contactNo: string, options: { forUpdate?: boolean } = {}): Promise<StoredContact> {
  const contact = await getContact(tx, tenantId, contactNo, options);
  if (!contact) throw notFound(`contact ${contactNo}`);
  return contact;
}

/**
 * §11 step 2: the contact an account belongs to — a person's company when it has one; vendors and
 * banks need a company. The target's row is locked: two links for one contact (from the company
 * and from one of its persons alike) queue up, so the second sees the first and is refused.
 */
async function linkTarget(tx: Queryable, tenantId: string, contact: Contact, kind: AccountKindWithTable): Promise<Contact> {
  if (contact.privacyBlocked) {
    throw new RapportError('conflict', `Contact ${contact.no} is blocked due to privacy; it cannot get a ${CAPTION[kind].toLowerCase()}.`);
  }
  if (contact.type === 'person' && contact.companyNo !== '') return requireContact(tx, tenantId, contact.companyNo, { forUpdate: true });
  if (contact.type === 'person' && kind !== 'customer') {
    throw new RapportError('contact_company_invalid', `A ${CAPTION[kind].toLowerCase()} can only be created for a company contact; ${contact.no} is a person without a company.`);
  }
  return requireContact(tx, tenantId, contact.no, { forUpdate: true });
}

/**
 * What an account hands to its contact. A vendor's purchaser and a bank account's "our contact" are
 * theirs alone: the contact keeps its own salesperson, as Business Central's VendCont-Update and
 * BankCont-Update restore it after copying the fields.
 */
const fieldsForContact = (kind: AccountKindWithTable, account: Account, contactSalespersonCode: string): Account =>
  kind === 'customer' ? account : { ...account, salespersonCode: contactSalespersonCode };

/** The relations that count for a contact: its own and its company's. */
const relationsAround = (tx: Queryable, tenantId: string, contact: Contact) => relationsOfContacts(tx, tenantId, [contact.no, contact.companyNo].filter(Boolean));

async function relationCode(tx: Queryable, tenantId: string, kind: AccountKindWithTable): Promise<string> {
  const code = businessRelationCodeFor(await getMarketingSetup(tx, tenantId), kind);
  await checkReferences(tx, tenantId, [{ path: 'businessRelationCode', kind: 'businessRelation', code }]);
  return code;
}

/** Create as Customer / Vendor / Bank Account (§11), in the caller's transaction when given one. */
export async function createAccountForContact(tx: Queryable, tenantId: string, workDate: string, contactNo: string, kind: AccountKindWithTable): Promise<Account> {
  const target = await linkTarget(tx, tenantId, await requireContact(tx, tenantId, contactNo), kind);
  const code = await relationCode(tx, tenantId, kind);
  checkCanLink(await relationsAround(tx, tenantId, target), kind, target.no);
  const account = accountFieldsFromContact(blankAccount(await accountNo(tx, tenantId, kind, workDate)), target, kind);
  await insertAccount(tx, tenantId, kind, account);
  await upsertRelation(tx, tenantId, { contactNo: target.no, businessRelationCode: code, linkToTable: kind, no: account.no });
  if (kind === 'customer') {
    // §7.4: a targeted company that becomes a customer stays in its campaigns' target groups as the customer.
    const campaigns = await tx.query<{ campaign_no: string }>(`SELECT campaign_no FROM campaign_target_group WHERE tenant_id = $1 AND type = 'contact' AND no = $2`, [tenantId, target.no]);
    await refreshTargetGroups(tx, tenantId, campaigns.map((row) => row.campaign_no));
  }
  return account;
}

export const createContactAs = (ctx: RequestContext, contactNo: string, kind: AccountKindWithTable): Promise<Account> =>
  ctx.db.transaction((tx) => createAccountForContact(tx, ctx.identity.tenantId, ctx.workDate, contactNo, kind));

/** Link with existing (§11): which side's fields win is the caller's choice ("Current Master Fields"). */
export async function linkContactWithAccount(
  ctx: RequestContext,
  contactNo: string,
  kind: AccountKindWithTable,
  no: string,
  currentMasterFields: 'contact' | 'account',
): Promise<Account> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const target = await linkTarget(tx, tenantId, await requireContact(tx, tenantId, contactNo), kind);
    const account = await getAccount(tx, tenantId, kind, no, { forUpdate: true });
    if (!account) throw notFound(`${CAPTION[kind].toLowerCase()} ${no}`);
    const code = await relationCode(tx, tenantId, kind);
    const linkedTo = await findLinkedContactNo(tx, tenantId, kind, no);
    if (linkedTo !== undefined) {
      throw new RapportError('business_relation_exists', `${CAPTION[kind]} ${no} is already linked to contact ${linkedTo}.`);
    }
    checkCanLink(await relationsAround(tx, tenantId, target), kind, target.no);
    await upsertRelation(tx, tenantId, { contactNo: target.no, businessRelationCode: code, linkToTable: kind, no });
    if (currentMasterFields === 'contact') {
      const updated = accountFieldsFromContact(account, target, kind);
      await saveAccount(tx, tenantId, kind, updated);
      return updated;
    }
    await updateContactFromAccount(tx, tenantId, target.no, fieldsForContact(kind, account, target.salespersonCode));
    return account;
  });
}

export async function listRelations(ctx: RequestContext, contactNo: string): Promise<ContactBusinessRelation[]> {
  await requireContact(ctx.db, ctx.identity.tenantId, contactNo);
  return relationsOfContacts(ctx.db, ctx.identity.tenantId, [contactNo]);
}

/**
 * Adds a business relation code to a contact. The four setup codes (customer, vendor, bank,
 * employee) mean a link and cannot be typed without one: they come from Create as / Link.
 */
export async function addRelation(ctx: RequestContext, contactNo: string, code: string): Promise<ContactBusinessRelation> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const contact = await requireContact(tx, tenantId, contactNo);
    if (contact.type === 'person' && contact.companyNo !== '') {
      // §2.6: business relations belong to companies; a person without a company may have its own.
      throw new RapportError('validation_failed', `Business relations belong to the company: add ${code} to contact ${contact.companyNo}.`, {
        fields: [{ path: 'no', message: 'A person of a company has no business relations of its own.' }],
      });
    }
    await checkReferences(tx, tenantId, [{ path: 'code', kind: 'businessRelation', code }]);
    const kind = accountKindOfCode(await getMarketingSetup(tx, tenantId), code);
    if (kind !== undefined) {
      throw new RapportError('validation_failed', `${code} is the business relation of linked ${kind} records; use Create as or Link instead.`, {
        fields: [{ path: 'code', message: 'Set by linking a record.' }],
      });
    }
    const relation: ContactBusinessRelation = { contactNo, businessRelationCode: code, linkToTable: '', no: '' };
    await upsertRelation(tx, tenantId, relation);
    return relation;
  });
}

/** Removes a relation; removing a link leaves both the contact and the account in place. */
export async function removeRelation(ctx: RequestContext, contactNo: string, code: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteRelation(tx, ctx.identity.tenantId, contactNo, code))) throw notFound(`business relation ${code} on contact ${contactNo}`);
  });
}

/**
 * A customer/vendor/bank account created directly. When Marketing Setup names the relation code,
 * a company contact is created for it and linked (no defaults applied), as Business Central does.
 */
export async function createAccount(ctx: RequestContext, kind: AccountKindWithTable, fields: Omit<Account, 'no' | 'primaryContactNo'> & { no?: string | undefined }): Promise<Account> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    await checkAccountReferences(tx, tenantId, fields);
    const no = await accountNo(tx, tenantId, kind, ctx.workDate, fields.no);
    const account: Account = { ...fields, no, primaryContactNo: '' };
    await insertAccount(tx, tenantId, kind, account);
    const code = businessRelationCodeOrBlank(await getMarketingSetup(tx, tenantId), kind);
    if (code !== '') {
      const contactNo = await createContactFromAccount(tx, tenantId, ctx.workDate, fieldsForContact(kind, account, ''));
      await upsertRelation(tx, tenantId, { contactNo, businessRelationCode: code, linkToTable: kind, no });
    }
    return account;
  });
}

/**
 * One step of Business Central's "Create Contacts from Customers / Vendors / Bank Accounts" (§11):
 * the first `limit` accounts numbered after `after` that have no linked contact each get a company
 * contact (next contact number, the account's fields, no defaults) and the relation code of
 * Marketing Setup, which must be set. Runs in the caller's transaction; returns the contacts
 * created and the last account looked at, from which the next step goes on.
 */
export async function createContactsForAccountsStep(
  ctx: RequestContext,
  kind: AccountKindWithTable,
  after: string,
  limit: number,
): Promise<{ contactNos: string[]; lastAccountNo: string | undefined; accounts: number }> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const code = businessRelationCodeFor(await getMarketingSetup(tx, tenantId), kind);
    const accounts = await listAccountsWithoutContact(tx, tenantId, kind, after, limit);
    const contactNos: string[] = [];
    for (const account of accounts) {
      const contactNo = await createContactFromAccount(tx, tenantId, ctx.workDate, fieldsForContact(kind, account, ''));
      await upsertRelation(tx, tenantId, { contactNo, businessRelationCode: code, linkToTable: kind, no: account.no });
      contactNos.push(contactNo);
    }
    return { contactNos, lastAccountNo: accounts.at(-1)?.no, accounts: accounts.length };
  });
}

const businessRelationCodeOrBlank = (setup: Parameters<typeof businessRelationCodeFor>[0], kind: AccountKindWithTable): string => {
  try {
    return businessRelationCodeFor(setup, kind);
  } catch {
    return '';
  }
};

async function checkAccountReferences(tx: Queryable, tenantId: string, account: Partial<Account>): Promise<void> {
  await checkReferences(tx, tenantId, [
    { path: 'countryRegionCode', kind: 'countryRegion', code: account.countryRegionCode ?? '' },
    { path: 'territoryCode', kind: 'territory', code: account.territoryCode ?? '' },
    { path: 'languageCode', kind: 'language', code: account.languageCode ?? '' },
    { path: 'currencyCode', kind: 'currency', code: account.currencyCode ?? '' },
    { path: 'salespersonCode', kind: 'salesperson', code: account.salespersonCode ?? '' },
  ]);
}

/** An account changed: its shared fields flow back to the linked contact (§11, linked record → contact). */
export async function updateAccount(ctx: RequestContext, kind: AccountKindWithTable, no: string, changes: Partial<Omit<Account, 'no'>>): Promise<Account> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const account = await getAccount(tx, tenantId, kind, no, { forUpdate: true });
    if (!account) throw notFound(`${CAPTION[kind].toLowerCase()} ${no}`);
    await checkAccountReferences(tx, tenantId, changes);
    if (changes.primaryContactNo) await checkReferences(tx, tenantId, [{ path: 'primaryContactNo', kind: 'contact', code: changes.primaryContactNo }]);
    const updated = { ...account, ...changes };
    await saveAccount(tx, tenantId, kind, updated);
    const contactNo = await findLinkedContactNo(tx, tenantId, kind, no);
    const contact = contactNo ? await getContact(tx, tenantId, contactNo) : undefined;
    if (contact) await updateContactFromAccount(tx, tenantId, contact.no, fieldsForContact(kind, updated, contact.salespersonCode));
    return updated;
  });
}

/** Deleting an account deletes only its link; the contact stays. */
export async function removeAccount(ctx: RequestContext, kind: AccountKindWithTable, no: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteAccount(tx, ctx.identity.tenantId, kind, no))) throw notFound(`${CAPTION[kind].toLowerCase()} ${no}`);
    await deleteRelationsTo(tx, ctx.identity.tenantId, kind, no);
  });
}
