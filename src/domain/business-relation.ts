import type { ContactBusinessRelationSummary } from './contact/contact';
import { RapportError } from './errors';
import type { MarketingSetup } from './marketing-setup';

/** Contact Business Relation's Link to Table (§11): blank for a relation that links to no record. */
export type LinkToTable = '' | 'customer' | 'vendor' | 'bankAccount' | 'employee';
/** A kind of record a contact can be linked to. */
export type AccountKind = Exclude<LinkToTable, ''>;

/**
 * Contact Business Relation (table 5054, §11): a relation code on a contact (normally the company;
 * a person without a company can hold its own), optionally linked to a customer, vendor, bank
 * account or employee `no`. A setup code with a blank `no` is a placeholder.
 */
export type ContactBusinessRelation = { contactNo: string; businessRelationCode: string; linkToTable: LinkToTable; no: string };

/** What the summary needs of a relation. */
export type BusinessRelationLink = Pick<ContactBusinessRelation, 'businessRelationCode' | 'linkToTable' | 'no'>;

const SETUP_FIELD = {
  customer: 'busRelCodeForCustomers',
  vendor: 'busRelCodeForVendors',
  bankAccount: 'busRelCodeForBankAccs',
  employee: 'busRelCodeForEmployees',
} as const satisfies Record<AccountKind, keyof MarketingSetup>;

const SETUP_CAPTION: Record<AccountKind, string> = {
  customer: 'Bus. Rel. Code for Customers',
  vendor: 'Bus. Rel. Code for Vendors',
  bankAccount: 'Bus. Rel. Code for Bank Accs.',
  employee: 'Bus. Rel. Code for Employees',
};

const TABLE_CAPTION: Record<AccountKind, string> = { customer: 'Customer', vendor: 'Vendor', bankAccount: 'Bank Account', employee: 'Employee' };

const ACCOUNT_KINDS = Object.keys(SETUP_FIELD) as AccountKind[];

/**
 * The business relation code Marketing Setup names for linking contacts to `linkToTable` records
 * (Bus. Rel. Code for Customers / Vendors / Bank Accs. / Employees). Linking, "Create as
 * Customer" and creating a contact for a new customer all need it: throws
 * `business_relation_missing` ("Bus. Rel. Code for Customers must have a value …") when blank.
 */
export function customerCodeFor(setup: MarketingSetup, linkToTable: AccountKind): string {
  const code = setup[SETUP_FIELD[linkToTable]];
  if (code === '') {
    throw new RapportError('business_relation_missing', `${SETUP_CAPTION[linkToTable]} must have a value in Marketing Setup. It cannot be zero or empty.`, {
      details: { setupField: SETUP_FIELD[linkToTable], linkToTable },
    });
  }
  return code;
}

/** {@link customerCodeFor} by a name that does not suggest customers only. */
export const businessRelationCodeFor = customerCodeFor;

/** The kind of record a Marketing Setup relation code stands for; undefined for any other (or a blank) code. */
export function accountKindOfCode(setup: MarketingSetup, code: string): AccountKind | undefined {
  if (code === '') return undefined;
  return ACCOUNT_KINDS.find((kind) => setup[SETUP_FIELD[kind]] === code);
}

/**
 * The derived "Contact Business Relation" of a contact (§11, Contact.GetBusinessRelation), over
 * the relations of the contact and of its company together (the caller passes both sets):
 * - no relation → none;
 * - no relation is a linked setup code (one of Marketing Setup's four codes, with a No.) → other
 *   when there is exactly one relation, multiple when several;
 * - exactly one relation, and it is a linked setup code → its Link to Table (customer, vendor,
 *   bank account, employee);
 * - otherwise → multiple.
 * A setup-code placeholder (blank No.) counts as a relation but not as a link, so a lone
 * placeholder is "other", as in Business Central. A row with a No. but a blank Link to Table
 * links to nothing and is not a link either.
 */
export function summarizeBusinessRelations(relations: readonly BusinessRelationLink[], setup: MarketingSetup): ContactBusinessRelationSummary {
  if (relations.length === 0) return 'none';
  const links = relations.filter((relation) => relation.no !== '' && relation.linkToTable !== '' && accountKindOfCode(setup, relation.businessRelationCode) !== undefined);
  const [only] = links;
  if (only === undefined) return relations.length === 1 ? 'other' : 'multiple';
  if (links.length === 1 && relations.length === 1 && only.linkToTable !== '') return only.linkToTable;
  return 'multiple';
}

/**
 * Whether contact `contactNo` may be linked to the `linkToTable` record `no` (§11, Contact
 * Business Relation's insert trigger and Contact.CheckForExistingRelationships):
 * - a contact and its company together link to at most one record per kind: "Contact CT000010
 *   already has a Contact Business Relation with Customer C00010.";
 * - a record links to only one contact: "Customer C00010 already has a Contact Business Relation
 *   with Contact CT000020.".
 * `existing` holds the relations of the contact, of its company, and those already linking to
 * the record. `no` is '' (or left out) when the record is yet to be created ("Create as
 * Customer"): then only the first rule applies. A blank Link to Table links nothing and passes.
 * Throws `business_relation_exists`.
 */
export function checkCanLink(existing: readonly ContactBusinessRelation[], linkToTable: LinkToTable, contactNo: string, no = ''): void {
  if (linkToTable === '') return;
  const links = existing.filter((relation) => relation.linkToTable === linkToTable && relation.no !== '');
  const recordTakenElsewhere = (relation: ContactBusinessRelation) => no !== '' && relation.no === no && relation.contactNo !== contactNo;
  const contactSide = links.find((relation) => !recordTakenElsewhere(relation));
  if (contactSide) {
    throw new RapportError(
      'business_relation_exists',
      `Contact ${contactSide.contactNo} already has a Contact Business Relation with ${TABLE_CAPTION[linkToTable]} ${contactSide.no}.`,
      { details: { contactNo: contactSide.contactNo, linkToTable, no: contactSide.no } },
    );
  }
  const recordSide = links.find(recordTakenElsewhere);
  if (recordSide) {
    throw new RapportError(
      'business_relation_exists',
      `${TABLE_CAPTION[linkToTable]} ${no} already has a Contact Business Relation with Contact ${recordSide.contactNo}.`,
      { details: { contactNo: recordSide.contactNo, linkToTable, no } },
    );
  }
}

/**
 * A relation typed by hand (§11): Marketing Setup's codes belong to links and cannot be entered
 * without a linked No. — "Business Relation Code CUST is used when a Contact is linked with a
 * Customer." Business Central checks the customer, vendor and bank codes; Rapport the employee
 * code too, since a hand-typed EMP would make the summary claim an employee link that is not
 * there. Throws `validation_failed` on `businessRelationCode`.
 */
export function checkManualBusinessRelation(setup: MarketingSetup, businessRelationCode: string): void {
  const kind = accountKindOfCode(setup, businessRelationCode);
  if (kind === undefined) return;
  const article = kind === 'employee' ? 'an' : 'a';
  const message = `Business Relation Code ${businessRelationCode} is used when a Contact is linked with ${article} ${TABLE_CAPTION[kind]}.`;
  throw new RapportError('validation_failed', message, { fields: [{ path: 'businessRelationCode', message }] });
}
