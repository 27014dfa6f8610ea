import pg from 'pg';
import { normalizePhoneForMatch } from '../../src/domain/duplicate-search';
import { normalizeEmail } from '../../src/domain/email';
import type { Db } from '../../src/server/db/db';
import { migrate } from '../../src/server/db/migrate';
import { openPgliteDb } from '../../src/server/db/pglite-db';
import { openPostgresDb } from '../../src/server/db/postgres-db';
import { upsertSalesperson } from '../../src/server/modules/salespeople/salesperson-repository';
import { ensureTenant } from '../../src/server/modules/tenancy/tenant-provisioning';
import { syntheticContacts, type SyntheticContact } from './synthetic-contacts';

/** The bench user: a salesperson of the tenant, so the pull carries the user's scope like a real one. */
export const BENCH_USER = { email: 'anna@nordlys.example', name: 'Anna Lindqvist', salespersonCode: 'AL' } as const;

const SALESPEOPLE = [
  { code: 'AL', name: BENCH_USER.name, email: BENCH_USER.email },
  { code: 'EB', name: 'Erik Berg', email: 'erik@nordlys.example' },
  { code: 'JH', name: 'Jonas Hansen', email: 'jonas@nordlys.example' },
  { code: 'PV', name: 'Pekka Virtanen', email: 'pekka@nordlys.example' },
  { code: 'MV', name: 'Marieke de Vries', email: 'marieke@nordlys.example' },
  { code: 'KM', name: 'Klaus Müller', email: 'klaus@nordlys.example' },
];

export type BenchDb = { db: Db; engine: 'pglite' | 'postgres'; dispose(): Promise<void> };

/**
 * A migrated, empty database: PGlite in memory unless `databaseUrl` names a PostgreSQL server, in
 * which case the database `name` on it is dropped and created again.
 */
export async function openSyncBenchDb(databaseUrl: string | undefined, name: string): Promise<BenchDb> {
  if (!databaseUrl) {
    const db = await openPgliteDb();
    await migrate(db);
    return { db, engine: 'pglite', dispose: () => db.close() };
  }
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDb({ connectionString: url.toString(), maxConnections: 4 });
  await migrate(db);
  return { db, engine: 'postgres', dispose: () => db.close() };
}

const COLUMNS = [
  'no', 'type', 'name', 'search_name', 'company_no', 'company_name', 'first_name', 'middle_name', 'surname', 'address', 'post_code', 'city',
  'country_region_code', 'phone_no', 'mobile_phone_no', 'email', 'email_2', 'vat_registration_no', 'salesperson_code', 'language_code',
  'inherited_fields', 'search_email', 'search_email_2', 'search_phone_no', 'search_mobile_phone_no',
] as const;
const INHERITED_BY_PERSONS = '{address,address2,postCode,city,county,phoneNo}';

type Column = (typeof COLUMNS)[number];

function rowValues(contact: SyntheticContact, companyName: string): Record<Column, string> {
  return {
    no: contact.no,
    type: contact.type,
    name: contact.name,
    search_name: contact.name.toUpperCase(),
    company_no: contact.companyNo,
    company_name: companyName,
    first_name: contact.firstName,
    middle_name: contact.middleName,
    surname: contact.surname,
    address: contact.address,
    post_code: contact.postCode,
    city: contact.city,
    country_region_code: contact.countryRegionCode,
    phone_no: contact.phoneNo,
    mobile_phone_no: contact.mobilePhoneNo,
    email: contact.email,
    email_2: contact.email2,
    vat_registration_no: contact.vatRegistrationNo,
    salesperson_code: contact.salespersonCode,
    language_code: contact.languageCode,
    inherited_fields: contact.type === 'person' ? INHERITED_BY_PERSONS : '{}',
    search_email: normalizeEmail(contact.email),
    search_email_2: normalizeEmail(contact.email2),
    search_phone_no: normalizePhoneForMatch(contact.phoneNo),
    search_mobile_phone_no: normalizePhoneForMatch(contact.mobilePhoneNo),
  };
}

/**
 * Provisions `tenantId`, its salespeople (the bench user among them) and `count` synthetic
 * contacts, `batch` per transaction through one unnest INSERT each. The contact triggers stamp
 * every row with the transaction's sync version, as any write of the service would. Returns the
 * contacts as inserted.
 */
export async function seedSyncTenant(db: Db, tenantId: string, count: number, batch: number, seed: number): Promise<SyntheticContact[]> {
  await ensureTenant(db, tenantId);
  await db.transaction(async (tx) => {
    for (const salesperson of SALESPEOPLE) await upsertSalesperson(tx, tenantId, { ...salesperson, jobTitle: 'Account Manager', phoneNo: '', blocked: false, privacyBlocked: false });
  });

  const contacts = [...syntheticContacts(count, seed)];
  const companyNames = new Map(contacts.filter((contact) => contact.type === 'company').map((contact) => [contact.no, contact.name]));
  const sql = `INSERT INTO contact (tenant_id, ${COLUMNS.join(', ')})
    SELECT $1, ${COLUMNS.map((column, i) => (column === 'inherited_fields' ? `c${i}::text[]` : `c${i}`)).join(', ')}
    FROM unnest(${COLUMNS.map((_column, i) => `$${i + 2}::text[]`).join(', ')}) AS u(${COLUMNS.map((_column, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < contacts.length; start += batch) {
    const rows = contacts.slice(start, start + batch).map((contact) => rowValues(contact, companyNames.get(contact.companyNo) ?? ''));
    await db.transaction((tx) => tx.query(sql, [tenantId, ...COLUMNS.map((column) => rows.map((row) => row[column]))]));
  }
  await db.query('ANALYZE');
  return contacts;
}
