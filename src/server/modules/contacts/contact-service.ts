import { blankContact } from '../../../domain/contact/blank-contact';
import type { Contact, ContactBusinessRelationSummary } from '../../../domain/contact/contact';
import { applyCreationDefaults, applyTypeRules } from '../../../domain/contact/defaults';
import { inheritFromCompany, isHandedDown, linkPersonToCompany, propagateCompanyChange, recordUserEdits, stopInheriting } from '../../../domain/contact/inheritance';
import { buildPersonName, nextSearchName, splitPersonName } from '../../../domain/contact/name';
import { checkContactDelete, checkTypeChange } from '../../../domain/contact/type-rules';
import { RapportError } from '../../../domain/errors';
import { formatRegionForLanguage } from '../../../domain/language';
import type { MarketingSetup } from '../../../domain/marketing-setup';
import type { ContactCreateBody, ContactPatchBody, WritableContactField } from '../../../contract/contacts';
import type { InheritableField } from '../../../domain/contact/contact';
import type { Queryable } from '../../db/db';
import type { RequestContext } from '../../http/route';
import { SHARED_FIELDS, type Account } from '../business-relations/account-repository';
import { businessRelationSummaries, clearPrimaryContact, syncLinkedAccounts } from '../business-relations/linked-accounts';
import { refreshDuplicates, type DuplicateCandidate } from '../duplicates/duplicate-service';
import { assignNo } from '../number-series/number-series-repository';
import { checkReferences, type Reference } from '../reference-data/references';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import {
  contactExists,
  deleteContactRow,
  getContact,
  insertContact,
  listPersonsOfCompany,
  saveContact,
  type StoredContact,
} from './contact-repository';
import { contactFacts } from './contact-facts';

export type ContactView = StoredContact & { businessRelation: ContactBusinessRelationSummary };
export type ContactWriteResult = { contact: ContactView; duplicates: DuplicateCandidate[]; warnings: string[] };

const notFound = (no: string) => new RapportError('not_found', `There is no contact ${no}.`);

/** The code fields of a contact and what each must name (Business Central's table relations). */
export const referencesOf = (contact: Contact): Reference[] => [
  { path: 'salespersonCode', kind: 'salesperson', code: contact.salespersonCode },
  { path: 'territoryCode', kind: 'territory', code: contact.territoryCode },
  { path: 'countryRegionCode', kind: 'countryRegion', code: contact.countryRegionCode },
  { path: 'languageCode', kind: 'language', code: contact.languageCode },
  { path: 'currencyCode', kind: 'currency', code: contact.currencyCode },
  { path: 'salutationCode', kind: 'salutation', code: contact.salutationCode },
  { path: 'organizationalLevelCode', kind: 'organizationalLevel', code: contact.organizationalLevelCode },
];

/** Only references whose value changed need checking on update: an old dangling code is not the caller's fault. */
const changedReferences = (before: Contact | undefined, after: Contact): Reference[] =>
  referencesOf(after).filter((reference) => !before || before[reference.path as keyof Contact] !== reference.code);

async function checkSalesperson(tx: Queryable, tenantId: string, before: Contact | undefined, after: Contact): Promise<void> {
  if (after.salespersonCode === '' || before?.salespersonCode === after.salespersonCode) return;
  const rows = await tx.query<{ privacy_blocked: boolean }>('SELECT privacy_blocked FROM salesperson WHERE tenant_id = $1 AND code = $2', [
    tenantId,
    after.salespersonCode,
  ]);
  if (rows[0]?.privacy_blocked) {
    throw new RapportError('salesperson_blocked', `Salesperson ${after.salespersonCode} is blocked due to privacy.`, {
      fields: [{ path: 'salespersonCode', message: 'The salesperson is blocked due to privacy.' }],
    });
  }
}

/**
 * Writes the fields of a request onto a contact, keeping Business Central's name rules for
 * persons: a Name is split into its parts, parts rebuild the Name; Search Name follows Name while
 * it was not edited by hand.
 */
export function applyWrittenFields(contact: Contact, body: Partial<Record<WritableContactField, unknown>>): Contact {
  // The number is the series' to give (a typed one is checked there), never a field copied over.
  const { companyNo: _companyNo, type: _type, no: _no, ...fields } = body as typeof body & { no?: unknown };
  let next = { ...contact, ...(fields as Partial<Contact>) };
  if (next.type === 'person') {
    const partsWritten = body.firstName !== undefined || body.middleName !== undefined || body.surname !== undefined;
    if (body.name !== undefined && !partsWritten) next = { ...next, ...splitPersonName(next.name) };
    else if (partsWritten) next = { ...next, name: buildPersonName(next) };
  }
  if (body.searchName === undefined) next = { ...next, searchName: nextSearchName(contact.name, contact.searchName, next.name) };
  // Business Central: setting the language fills a blank format region.
  if (body.languageCode !== undefined && next.formatRegion === '') next = { ...next, formatRegion: formatRegionForLanguage(next.languageCode) };
  return next;
}

async function companyFor(tx: Queryable, tenantId: string, companyNo: string, path = 'companyNo'): Promise<StoredContact> {
  const company = await getContact(tx, tenantId, companyNo);
  if (!company || company.type !== 'company') {
    throw new RapportError('contact_company_invalid', `Contact ${companyNo} is not a company contact.`, {
      fields: [{ path, message: 'You must select an existing company contact.' }],
    });
  }
  return company;
}

async function viewOf(db: Queryable, tenantId: string, contact: StoredContact): Promise<ContactView> {
  const [summary] = await businessRelationSummaries(db, tenantId, [contact]);
  return { ...contact, businessRelation: summary ?? 'none' };
}

/** Business Central's OnInsert for a contact, with the improvements named in the README. */
export async function createContact(ctx: RequestContext, body: ContactCreateBody): Promise<ContactWriteResult> {
  const tenantId = ctx.identity.tenantId;
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction(async (tx) => {
    const setup = await getMarketingSetup(tx, tenantId);
    const { no, noSeries, warnings } = await assignNo(tx, tenantId, {
      seriesCode: setup.contactNos,
      setupFieldCaption: 'Contact Nos.',
      typedNo: body.no,
      workDate: ctx.workDate,
      what: 'Contact',
      exists: (candidate) => contactExists(tx, tenantId, candidate),
    });
    let contact = applyWrittenFields(blankContact(no, body.type ?? 'company'), body);
    contact = applyCreationDefaults(contact, setup, userSalespersonCode);
    if (body.companyNo) {
      if (contact.type !== 'person') throw companyOnCompanyError();
      contact = linkPersonToCompany(contact, await companyFor(tx, tenantId, body.companyNo), null, setup);
      // What the caller sent wins over what the company hands down, and stays the caller's.
      contact = recordUserEdits(applyWrittenFields(contact, body), Object.keys(body));
    }
    contact = applyTypeRules(contact);
    await checkReferences(tx, tenantId, changedReferences(undefined, contact));
    await checkSalesperson(tx, tenantId, undefined, contact);
    await insertContact(tx, tenantId, contact, noSeries);

    const duplicates = await refreshDuplicates(tx, tenantId, contact, setup);
    const stored = await getContact(tx, tenantId, no);
    if (!stored) throw notFound(no);
    return { contact: await viewOf(tx, tenantId, stored), duplicates, warnings };
  });
}

export const companyOnCompanyError = () =>
  new RapportError('contact_company_invalid', 'Company No. can only be set on a person contact.', {
    fields: [{ path: 'companyNo', message: 'Only persons belong to a company.' }],
  });

/** Business Central's OnModify and field validations for a contact, in one transaction. */
export async function updateContact(ctx: RequestContext, no: string, patch: ContactPatchBody): Promise<ContactWriteResult> {
  const tenantId = ctx.identity.tenantId;
  const { inheritFromCompany: inheritAgain = [], stopInheriting: stop = [], ...body } = patch;
  return ctx.db.transaction(async (tx) => {
    const before = await getContact(tx, tenantId, no, { forUpdate: true });
    if (!before) throw notFound(no);
    const setup = await getMarketingSetup(tx, tenantId);

    let contact: Contact = before;
    if (body.type !== undefined && body.type !== before.type) {
      checkTypeChange(before, body.type, await contactFacts(tx, tenantId, before));
      contact = { ...contact, type: body.type };
      if (body.type === 'person') {
        contact = { ...contact, companyNo: '', companyName: '', salutationCode: setup.defaultPersonSalutationCode || contact.salutationCode };
      }
    }
    contact = applyWrittenFields(contact, body);
    if (contact.type === 'person') contact = recordUserEdits(contact, Object.keys(body));

    if (body.companyNo !== undefined && body.companyNo !== before.companyNo) {
      if (contact.type !== 'person') throw companyOnCompanyError();
      if ((await contactFacts(tx, tenantId, before)).unloggedSegmentLineCount > 0) {
        throw new RapportError('contact_company_invalid', 'You cannot change Company No. because one or more unlogged segments are assigned to the contact.', {
          fields: [{ path: 'companyNo', message: 'The contact is on an unlogged segment.' }],
        });
      }
      await moveHistory(tx, tenantId, before.no, before.companyNo, body.companyNo);
      if (body.companyNo === '') {
        contact = { ...contact, companyNo: '', companyName: '', inheritedFields: [] };
      } else {
        const previousCompany = before.companyNo ? ((await getContact(tx, tenantId, before.companyNo)) ?? null) : null;
        contact = linkPersonToCompany(contact, await companyFor(tx, tenantId, body.companyNo), previousCompany, setup);
        contact = recordUserEdits(applyWrittenFields(contact, body), Object.keys(body).filter((field) => field !== 'companyNo'));
      }
    }
    if (inheritAgain.length > 0 || stop.length > 0) contact = await applyInheritanceChoices(tx, tenantId, contact, inheritAgain, stop, setup);
    contact = applyTypeRules(contact);
    await checkReferences(tx, tenantId, changedReferences(before, contact));
    await checkSalesperson(tx, tenantId, before, contact);
    await saveContact(tx, tenantId, contact);

    if (contact.type === 'company') await propagateToPersons(tx, tenantId, before, contact, setup);
    await syncLinkedAccounts(tx, tenantId, before, contact);
    const duplicates = await refreshDuplicates(tx, tenantId, contact, setup, before);

    const stored = await getContact(tx, tenantId, no);
    if (!stored) throw notFound(no);
    return { contact: await viewOf(tx, tenantId, stored), duplicates, warnings: [] };
  });
}

/**
 * "Stop inheriting" and "Inherit again" on a person of a company (§2.3, with Rapport's record of
 * inherited fields): stopped fields keep their value, fields inherited again take the company's
 * current one. Refused for anyone but a person of a company, and for a field Marketing Setup does
 * not hand down (Business Central would copy nothing: saying so beats a change that silently
 * does not happen).
 */
async function applyInheritanceChoices(
  tx: Queryable,
  tenantId: string,
  contact: Contact,
  inheritAgain: readonly InheritableField[],
  stop: readonly InheritableField[],
  setup: MarketingSetup,
): Promise<Contact> {
  if (contact.type !== 'person' || contact.companyNo === '') {
    const path = inheritAgain.length > 0 ? 'inheritFromCompany' : 'stopInheriting';
    throw new RapportError('contact_company_invalid', `Contact ${contact.no} is not a person of a company: it inherits nothing.`, {
      fields: [{ path, message: 'Only a person of a company inherits fields.' }],
    });
  }
  const notHandedDown = inheritAgain.flatMap((field, index) => (isHandedDown(field, setup) ? [] : [{ path: `inheritFromCompany.${index}`, message: 'Marketing Setup does not hand this field down.' }]));
  if (notHandedDown.length > 0) throw new RapportError('validation_failed', 'Marketing Setup does not hand these fields down to persons.', { fields: notHandedDown });
  const stopped = stopInheriting(contact, stop);
  return inheritAgain.length === 0 ? stopped : inheritFromCompany(stopped, await companyFor(tx, tenantId, contact.companyNo), inheritAgain, setup);
}

/** §2.3(c): a company's change flows to each of its persons that still inherits the field. */
async function propagateToPersons(tx: Queryable, tenantId: string, oldCompany: Contact, newCompany: Contact, setup: MarketingSetup): Promise<void> {
  if (oldCompany.type !== 'company') return;
  for (const person of await listPersonsOfCompany(tx, tenantId, newCompany.no, { forUpdate: true })) {
    const { person: updated, changed } = propagateCompanyChange(person, oldCompany, newCompany, setup);
    if (!changed) continue;
    await saveContact(tx, tenantId, updated);
    await syncLinkedAccounts(tx, tenantId, person, updated);
  }
}

/**
 * §2.3(b): a person leaving a company leaves its interactions, opportunities and tasks under that
 * company with the company; a person without a company joining one brings its history along.
 */
async function moveHistory(tx: Queryable, tenantId: string, personNo: string, oldCompanyNo: string, newCompanyNo: string): Promise<void> {
  if (oldCompanyNo !== '') {
    await repointHistoryToCompany(tx, tenantId, personNo, oldCompanyNo);
    for (const table of ['opportunity', 'task']) {
      await tx.query(`UPDATE ${table} SET contact_no = $3 WHERE tenant_id = $1 AND contact_no = $2 AND contact_company_no = $3`, [tenantId, personNo, oldCompanyNo]);
    }
    return;
  }
  for (const table of ['interaction_log_entry', 'opportunity', 'task']) {
    await tx.query(`UPDATE ${table} SET contact_company_no = $3 WHERE tenant_id = $1 AND contact_no = $2`, [tenantId, personNo, newCompanyNo]);
  }
}

/**
 * §2.4: a deleted person's interactions move to its company (those the company already has for the
 * same e-mail stay with the person's number rather than be logged twice).
 */
async function repointHistoryToCompany(tx: Queryable, tenantId: string, personNo: string, companyNo: string): Promise<void> {
  await tx.query(
    `UPDATE interaction_log_entry e SET contact_no = $3 WHERE e.tenant_id = $1 AND e.contact_no = $2 AND e.contact_company_no = $3
       AND NOT EXISTS (SELECT 1 FROM interaction_log_entry c WHERE c.tenant_id = $1 AND c.contact_no = $3
         AND c.internet_message_id <> '' AND c.internet_message_id = e.internet_message_id)`,
    [tenantId, personNo, companyNo],
  );
}

/** §2.4: refused while open work hangs on the contact; a company takes its persons with it. */
export async function deleteContact(ctx: RequestContext, no: string): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await ctx.db.transaction(async (tx) => {
    const contact = await getContact(tx, tenantId, no, { forUpdate: true });
    if (!contact) throw notFound(no);
    const persons = contact.type === 'company' ? await listPersonsOfCompany(tx, tenantId, no, { forUpdate: true }) : [];
    for (const each of [contact, ...persons]) checkContactDelete(each, await contactFacts(tx, tenantId, each));
    for (const person of persons) {
      await clearPrimaryContact(tx, tenantId, person.no);
      await deleteContactRow(tx, tenantId, person.no);
    }
    if (contact.type === 'person' && contact.companyNo !== '') await repointHistoryToCompany(tx, tenantId, contact.no, contact.companyNo);
    await clearPrimaryContact(tx, tenantId, no);
    await deleteContactRow(tx, tenantId, no);
  });
}

export async function getContactView(ctx: RequestContext, no: string): Promise<ContactView> {
  const contact = await getContact(ctx.db, ctx.identity.tenantId, no);
  if (!contact) throw notFound(no);
  return viewOf(ctx.db, ctx.identity.tenantId, contact);
}

export async function viewsOf(db: Queryable, tenantId: string, contacts: StoredContact[]): Promise<ContactView[]> {
  const summaries = await businessRelationSummaries(db, tenantId, contacts);
  return contacts.map((contact, index) => ({ ...contact, businessRelation: summaries[index] ?? 'none' }));
}

/** The contact fields an account hands over (§11, linked record → contact): its shared fields. */
function contactFieldsFromAccount(contact: Contact, account: Account): Contact {
  const next = { ...contact };
  for (const field of SHARED_FIELDS) (next as Record<string, unknown>)[field] = account[field];
  if (next.type === 'person') Object.assign(next, splitPersonName(next.name));
  return applyTypeRules({ ...next, searchName: nextSearchName(contact.name, contact.searchName, next.name) });
}

/**
 * A customer/vendor/bank account changed (or won a link as master): its shared fields are copied to
 * the contact — which keeps its number and type — and flow on to the company's persons and the
 * contact's other linked accounts, as Business Central's CustCont-Update does.
 */
export async function updateContactFromAccount(tx: Queryable, tenantId: string, contactNo: string, account: Account): Promise<void> {
  const before = await getContact(tx, tenantId, contactNo, { forUpdate: true });
  if (!before) return;
  const after = contactFieldsFromAccount(before, account);
  const setup = await getMarketingSetup(tx, tenantId);
  await saveContact(tx, tenantId, after);
  if (after.type === 'company') await propagateToPersons(tx, tenantId, before, after, setup);
  await syncLinkedAccounts(tx, tenantId, before, after);
  await refreshDuplicates(tx, tenantId, after, setup, before);
}

/**
 * A customer/vendor/bank account created directly gets a company contact (§11): next contact
 * number, the account's fields, no Marketing Setup defaults ("skip defaults"). Returns its number.
 */
export async function createContactFromAccount(tx: Queryable, tenantId: string, workDate: string, account: Account): Promise<string> {
  const setup = await getMarketingSetup(tx, tenantId);
  const { no, noSeries } = await assignNo(tx, tenantId, {
    seriesCode: setup.contactNos,
    setupFieldCaption: 'Contact Nos.',
    typedNo: undefined,
    workDate,
    what: 'Contact',
    exists: (candidate) => contactExists(tx, tenantId, candidate),
  });
  const contact = contactFieldsFromAccount(blankContact(no, 'company'), account);
  await insertContact(tx, tenantId, contact, noSeries);
  await refreshDuplicates(tx, tenantId, contact, setup);
  return no;
}
