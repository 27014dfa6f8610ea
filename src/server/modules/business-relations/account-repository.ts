import type { AccountKind } from '../../../domain/business-relation';
import type { Queryable } from '../../db/db';
import { fromRow, toSnakeCase } from '../../db/rows';

/**
 * Minimal customers, vendors and bank accounts: the fields a contact shares with them (§11). One
 * repository for the three tables; only the kind-specific field differs.
 */
export type Account = {
  no: string;
  name: string;
  name2: string;
  address: string;
  address2: string;
  postCode: string;
  city: string;
  county: string;
  countryRegionCode: string;
  phoneNo: string;
  mobilePhoneNo: string;
  faxNo: string;
  email: string;
  homePage: string;
  territoryCode: string;
  languageCode: string;
  formatRegion: string;
  currencyCode: string;
  vatRegistrationNo: string;
  registrationNumber: string;
  primaryContactNo: string;
  /** Customer: salesperson; vendor: purchaser; bank account: our contact. */
  salespersonCode: string;
};

/** An account with every field blank. */
export const blankAccount = (no: string): Account => ({
  no,
  name: '',
  name2: '',
  address: '',
  address2: '',
  postCode: '',
  city: '',
  county: '',
  countryRegionCode: '',
  phoneNo: '',
  mobilePhoneNo: '',
  faxNo: '',
  email: '',
  homePage: '',
  territoryCode: '',
  languageCode: '',
  formatRegion: '',
  currencyCode: '',
  vatRegistrationNo: '',
  registrationNumber: '',
  primaryContactNo: '',
  salespersonCode: '',
});

export type AccountKindWithTable = Exclude<AccountKind, 'employee'>;

const TABLES: Record<AccountKindWithTable, { table: string; personColumn: string }> = {
  customer: { table: 'customer', personColumn: 'salesperson_code' },
  vendor: { table: 'vendor', personColumn: 'purchaser_code' },
  bankAccount: { table: 'bank_account', personColumn: 'our_contact_code' },
};

/** The fields copied between a contact and its linked accounts, in both directions. */
export const SHARED_FIELDS = [
  'name', 'name2', 'address', 'address2', 'postCode', 'city', 'county', 'countryRegionCode', 'phoneNo', 'mobilePhoneNo', 'faxNo', 'email',
  'homePage', 'territoryCode', 'languageCode', 'formatRegion', 'currencyCode', 'vatRegistrationNo', 'registrationNumber', 'salespersonCode',
] as const satisfies readonly (keyof Account)[];

const columnOf = (kind: AccountKindWithTable, field: keyof Account) => (field === 'salespersonCode' ? TABLES[kind].personColumn : toSnakeCase(field));
const FIELDS: readonly (keyof Account)[] = ['no', ...SHARED_FIELDS, 'primaryContactNo'];
const selectList = (kind: AccountKindWithTable) => FIELDS.map((field) => `${columnOf(kind, field)} AS ${toSnakeCase(field)}`).join(', ');

export async function getAccount(db: Queryable, tenantId: string, kind: AccountKindWithTable, no: string, options: { forUpdate?: boolean } = {}): Promise<Account | undefined> {
  const rows = await db.query(`SELECT ${selectList(kind)} FROM ${TABLES[kind].table} WHERE tenant_id = $1 AND no = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, no]);
  return rows[0] ? fromRow<Account>(rows[0]) : undefined;
}

export async function listAccounts(db: Queryable, tenantId: string, kind: AccountKindWithTable, after: string, limit: number): Promise<Account[]> {
  const rows = await db.query(`SELECT ${selectList(kind)} FROM ${TABLES[kind].table} WHERE tenant_id = $1 AND no > $2 ORDER BY no LIMIT $3`, [tenantId, after, limit]);
  return rows.map((row) => fromRow<Account>(row));
}

/** Accounts after `after` in number order that no contact is linked to (§11's batch "Create Contacts from …"). */
export async function listAccountsWithoutContact(db: Queryable, tenantId: string, kind: AccountKindWithTable, after: string, limit: number): Promise<Account[]> {
  const rows = await db.query(
    `SELECT ${selectList(kind)} FROM ${TABLES[kind].table} a
      WHERE a.tenant_id = $1 AND a.no > $2
        AND NOT EXISTS (SELECT 1 FROM contact_business_relation r WHERE r.tenant_id = a.tenant_id AND r.link_to_table = $3 AND r.no = a.no)
      ORDER BY a.no LIMIT $4`,
    [tenantId, after, kind, limit],
  );
  return rows.map((row) => fromRow<Account>(row));
}

/** How many accounts of the kind have no linked contact. */
export async function countAccountsWithoutContact(db: Queryable, tenantId: string, kind: AccountKindWithTable): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM ${TABLES[kind].table} a
      WHERE a.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM contact_business_relation r WHERE r.tenant_id = a.tenant_id AND r.link_to_table = $2 AND r.no = a.no)`,
    [tenantId, kind],
  );
  return row?.count ?? 0;
}

/** How many accounts of the kind there are. */
export async function countAccounts(db: Queryable, tenantId: string, kind: AccountKindWithTable): Promise<number> {
  const [row] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${TABLES[kind].table} WHERE tenant_id = $1`, [tenantId]);
  return row?.count ?? 0;
}

export async function insertAccount(tx: Queryable, tenantId: string, kind: AccountKindWithTable, account: Account): Promise<void> {
  const columns = FIELDS.map((field) => columnOf(kind, field));
  await tx.query(
    `INSERT INTO ${TABLES[kind].table} (tenant_id, ${columns.join(', ')}) VALUES ($1, ${columns.map((_column, index) => `$${index + 2}`).join(', ')})`,
    [tenantId, ...FIELDS.map((field) => account[field])],
  );
}

export async function saveAccount(tx: Queryable, tenantId: string, kind: AccountKindWithTable, account: Account): Promise<void> {
  const fields = FIELDS.filter((field) => field !== 'no');
  await tx.query(
    `UPDATE ${TABLES[kind].table} SET ${fields.map((field, index) => `${columnOf(kind, field)} = $${index + 3}`).join(', ')} WHERE tenant_id = $1 AND no = $2`,
    [tenantId, account.no, ...fields.map((field) => account[field])],
  );
}

export async function deleteAccount(tx: Queryable, tenantId: string, kind: AccountKindWithTable, no: string): Promise<boolean> {
  return (await tx.query(`DELETE FROM ${TABLES[kind].table} WHERE tenant_id = $1 AND no = $2 RETURNING 1 AS deleted`, [tenantId, no])).length > 0;
}

export async function accountExists(db: Queryable, tenantId: string, kind: AccountKindWithTable, no: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM ${TABLES[kind].table} WHERE tenant_id = $1 AND no = $2`, [tenantId, no])).length > 0;
}

/** Accounts whose Primary Contact is this contact lose it (the contact is being deleted). */
export async function clearPrimaryContactOnAccounts(tx: Queryable, tenantId: string, contactNo: string): Promise<void> {
  for (const { table } of Object.values(TABLES)) {
    await tx.query(`UPDATE ${table} SET primary_contact_no = '' WHERE tenant_id = $1 AND primary_contact_no = $2`, [tenantId, contactNo]);
  }
}

export const ACCOUNT_KINDS: readonly AccountKindWithTable[] = ['customer', 'vendor', 'bankAccount'];
