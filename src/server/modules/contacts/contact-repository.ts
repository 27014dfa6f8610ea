import { CONTACT_FIELDS } from '../../../domain/contact/blank-contact';
import type { Contact, ContactType } from '../../../domain/contact/contact';
import { normalizePhoneForMatch } from '../../../domain/duplicate-search';
import { normalizeEmail } from '../../../domain/email';
import type { Queryable } from '../../db/db';
import { fromRow, toSnakeCase } from '../../db/rows';

export type StoredContact = Contact & { lastModified: string };

const COLUMNS = [...CONTACT_FIELDS.map(toSnakeCase), 'last_modified'].join(', ');

const toContact = (row: Record<string, unknown>): StoredContact => {
  const contact = fromRow<StoredContact & { lastModified: Date | string }>(row);
  return { ...contact, lastModified: new Date(contact.lastModified).toISOString() };
};

/** The matching keys stored beside a contact's values; see the contact table's search_* columns. */
export const searchColumns = (contact: Contact) => ({
  search_email: normalizeEmail(contact.email),
  search_email_2: normalizeEmail(contact.email2),
  search_phone_no: normalizePhoneForMatch(contact.phoneNo),
  search_mobile_phone_no: normalizePhoneForMatch(contact.mobilePhoneNo),
});

export async function getContact(db: Queryable, tenantId: string, no: string, options: { forUpdate?: boolean } = {}): Promise<StoredContact | undefined> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM contact WHERE tenant_id = $1 AND no = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [
    tenantId,
    no,
  ]);
  return rows[0] ? toContact(rows[0]) : undefined;
}

/** Several contacts by number, in number order; unknown numbers are left out. */
export async function getContacts(db: Queryable, tenantId: string, nos: readonly string[]): Promise<StoredContact[]> {
  if (nos.length === 0) return [];
  const rows = await db.query(`SELECT ${COLUMNS} FROM contact WHERE tenant_id = $1 AND no = ANY($2::text[]) ORDER BY no`, [tenantId, [...nos]]);
  return rows.map(toContact);
}

/**
 * The contacts holding any of `nos` as their number or any of `externalIds` as their external id,
 * in one query: each key an index probe (a LATERAL lookup behind OFFSET 0, whatever the
 * statistics say). Those sharing an external id come in number order.
 */
export async function contactsByNoOrExternalId(
  db: Queryable,
  tenantId: string,
  nos: readonly string[],
  externalIds: readonly string[],
): Promise<{ byNo: Map<string, StoredContact>; byExternalId: Map<string, StoredContact[]> }> {
  const byNo = new Map<string, StoredContact>();
  const byExternalId = new Map<string, StoredContact[]>();
  const wantedIds = externalIds.filter((id) => id !== '');
  if (nos.length === 0 && wantedIds.length === 0) return { byNo, byExternalId };
  const columns = COLUMNS.split(', ')
    .map((column) => `k.${column}`)
    .join(', ');
  const rows = await db.query<Record<string, unknown> & { matched_by: string; matched_key: string }>(
    `SELECT 'no' AS matched_by, c.key AS matched_key, ${columns} FROM unnest($2::text[]) AS c(key)
       CROSS JOIN LATERAL (SELECT * FROM contact k WHERE k.tenant_id = $1 AND k.no = c.key OFFSET 0) k
     UNION ALL
     SELECT 'ext' AS matched_by, c.key AS matched_key, ${columns} FROM unnest($3::text[]) AS c(key)
       CROSS JOIN LATERAL (SELECT * FROM contact k WHERE k.tenant_id = $1 AND k.external_id = c.key AND k.external_id <> '' OFFSET 0) k
     ORDER BY matched_by, matched_key, no`,
    [tenantId, [...new Set(nos)], [...new Set(wantedIds)]],
  );
  for (const { matched_by: matchedBy, matched_key: key, ...row } of rows) {
    const contact = toContact(row);
    if (matchedBy === 'no') byNo.set(key, contact);
    else byExternalId.set(key, [...(byExternalId.get(key) ?? []), contact]);
  }
  return { byNo, byExternalId };
}

export async function contactExists(db: Queryable, tenantId: string, no: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM contact WHERE tenant_id = $1 AND no = $2', [tenantId, no])).length > 0;
}

export async function insertContact(tx: Queryable, tenantId: string, contact: Contact, noSeries: string): Promise<void> {
  const values: Record<string, unknown> = { ...searchColumns(contact), no_series: noSeries };
  for (const field of CONTACT_FIELDS) values[toSnakeCase(field)] = contact[field];
  const columns = Object.keys(values);
  await tx.query(
    `INSERT INTO contact (tenant_id, ${columns.join(', ')}) VALUES ($1, ${columns.map((_column, index) => `$${index + 2}`).join(', ')})`,
    [tenantId, ...columns.map((column) => values[column])],
  );
}

/** Writes every field of the contact and stamps Last Date Modified. */
export async function saveContact(tx: Queryable, tenantId: string, contact: Contact): Promise<void> {
  const values: Record<string, unknown> = searchColumns(contact);
  for (const field of CONTACT_FIELDS) if (field !== 'no') values[toSnakeCase(field)] = contact[field];
  const columns = Object.keys(values);
  await tx.query(
    `UPDATE contact SET ${columns.map((column, index) => `${column} = $${index + 3}`).join(', ')}, last_modified = now()
     WHERE tenant_id = $1 AND no = $2`,
    [tenantId, contact.no, ...columns.map((column) => values[column])],
  );
}

export async function deleteContactRow(tx: Queryable, tenantId: string, no: string): Promise<void> {
  await tx.query('DELETE FROM contact WHERE tenant_id = $1 AND no = $2', [tenantId, no]);
}

/** The person contacts of a company, locked when `forUpdate` (company changes propagate to them). */
export async function listPersonsOfCompany(db: Queryable, tenantId: string, companyNo: string, options: { forUpdate?: boolean } = {}): Promise<StoredContact[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM contact WHERE tenant_id = $1 AND company_no = $2 AND type = 'person' ORDER BY no${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, companyNo],
  );
  return rows.map(toContact);
}

/**
 * Contacts whose primary e-mail, e-mail 2 or an alternative address' e-mail is `email`
 * (case- and whitespace-insensitive). Each of the three lookups is an index probe.
 */
export async function findContactsByEmail(db: Queryable, tenantId: string, email: string): Promise<StoredContact[]> {
  const key = normalizeEmail(email);
  if (key === '') return [];
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM contact WHERE tenant_id = $1 AND no IN (
       SELECT no FROM contact WHERE tenant_id = $1 AND search_email = $2
       UNION SELECT no FROM contact WHERE tenant_id = $1 AND search_email_2 = $2
       UNION SELECT contact_no FROM contact_alt_address WHERE tenant_id = $1 AND search_email = $2)
     ORDER BY no`,
    [tenantId, key],
  );
  return rows.map(toContact);
}

export type ContactListFilter = {
  q?: string | undefined;
  type?: ContactType | undefined;
  companyNo?: string | undefined;
  salespersonCode?: string | undefined;
  territoryCode?: string | undefined;
  businessRelationCode?: string | undefined;
  city?: string | undefined;
  countryRegionCode?: string | undefined;
  after?: string | undefined;
  limit: number;
};

/**
 * The contact that holds a contact's business relations: its company (a company is its own), or
 * the contact itself when it has none — a person of a company has no relations of its own (§2.6).
 * Migration 13 indexes it, so "the contacts of companies with relation X" is an index probe per
 * related company.
 */
const RELATION_HOLDER = "(CASE WHEN company_no <> '' THEN company_no ELSE no END)";

/**
 * The WHERE clause and parameters of a contact list filter (`$1` is the tenant). Every filter is
 * an equality that migration 13 indexes together with the number, so each page is read in number
 * order from the `after` key onwards, whichever filter is set.
 */
function contactListWhere(tenantId: string, filter: Omit<ContactListFilter, 'limit'>): { where: string; params: unknown[] } {
  const params: unknown[] = [tenantId];
  const conditions = ['tenant_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.type) add((p) => `type = ${p}`, filter.type);
  if (filter.companyNo) add((p) => `company_no = ${p}`, filter.companyNo);
  if (filter.salespersonCode) add((p) => `salesperson_code = ${p}`, filter.salespersonCode);
  if (filter.territoryCode) add((p) => `territory_code = ${p}`, filter.territoryCode);
  if (filter.countryRegionCode) add((p) => `country_region_code = ${p}`, filter.countryRegionCode);
  if (filter.city) add((p) => `lower(city) = ${p}`, filter.city.toLowerCase());
  if (filter.businessRelationCode) {
    add(
      (p) => `${RELATION_HOLDER} IN (SELECT r.contact_no FROM contact_business_relation r WHERE r.tenant_id = $1 AND r.business_relation_code = ${p})`,
      filter.businessRelationCode,
    );
  }
  if (filter.after) add((p) => `no > ${p}`, filter.after);
  if (filter.q) {
    // Number or Search Name prefix (both upper-case), or an exact e-mail.
    const prefix = `${filter.q.toUpperCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    params.push(prefix, normalizeEmail(filter.q));
    const [prefixParam, emailParam] = [`$${params.length - 1}`, `$${params.length}`];
    conditions.push(`(no LIKE ${prefixParam} OR search_name LIKE ${prefixParam} OR search_email = ${emailParam})`);
  }
  return { where: conditions.join(' AND '), params };
}

/** A page of contacts in number order (keyset paging on the number: stable under inserts). */
export async function listContacts(db: Queryable, tenantId: string, filter: ContactListFilter): Promise<StoredContact[]> {
  const { where, params } = contactListWhere(tenantId, filter);
  const rows = await db.query(`SELECT ${COLUMNS} FROM contact WHERE ${where} ORDER BY no LIMIT $${params.push(filter.limit)}`, params);
  return rows.map(toContact);
}

/**
 * The same page as `listContacts`, but only the named fields, each row as an array of texts in
 * their order: what an export needs, without building whole contacts.
 */
export async function listContactFields(db: Queryable, tenantId: string, filter: ContactListFilter, fields: readonly (keyof Contact)[]): Promise<string[][]> {
  const { where, params } = contactListWhere(tenantId, filter);
  const columns = fields.map((field) => `${toSnakeCase(field)}::text`).join(', ');
  const rows = await db.query<{ fields: string[] }>(`SELECT ARRAY[${columns}] AS fields FROM contact WHERE ${where} ORDER BY no LIMIT $${params.push(filter.limit)}`, params);
  return rows.map((row) => row.fields);
}
