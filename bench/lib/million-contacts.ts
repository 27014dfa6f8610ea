/**
 * A tenant of a million contacts on PostgreSQL for the contact-list, export and segment benchmarks:
 * one company per five contacts, each with four persons, Nordic-looking names, addresses and
 * e-mails, and what segment criteria look at (`SATELLITES`): mailing groups, job responsibilities,
 * the companies' industry groups and business relations, interactions and "Exclude from Segment".
 * Kept in the database `rapport_bench_contacts` and reused while its contact count and shape match
 * (`bench_data_set`); a data set of an older shape gets its satellites rebuilt in place.
 * BENCH_RESEED=1 rebuilds it all, BENCH_CONTACTS changes its size, BENCH_DATABASE_URL names the server.
 */
import pg from 'pg';
import type { Db } from '../../src/server/db/db';
import { migrate } from '../../src/server/db/migrate';
import { openPostgresDb } from '../../src/server/db/postgres-db';
import { ensureTenant } from '../../src/server/modules/tenancy/tenant-provisioning';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'rapport_bench_contacts';
export const CONTACT_COUNT = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
export const TENANT = 'bench-contacts';
/** Raised whenever `SATELLITES` change, so an existing data set is brought up to date. */
const SHAPE = 2;

/** The data set's database on the server, for a process of its own (the service a browser benchmark runs); `millionContacts()` creates it. */
export function millionContactsUrl(): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function databaseUrl(): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount === 1;
  if (exists && process.env.BENCH_RESEED === '1') await admin.query(`DROP DATABASE ${DATABASE} WITH (FORCE)`);
  if (!exists || process.env.BENCH_RESEED === '1') await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function seedContacts(db: Db): Promise<void> {
  await db.query('DELETE FROM contact WHERE tenant_id = $1', [TENANT]);
  const started = Date.now();
  await db.query(
    `INSERT INTO contact (tenant_id, no, type, name, search_name, company_no, company_name, address, post_code, city, country_region_code,
       phone_no, email, search_email, salesperson_code, language_code)
     SELECT $1, 'CT' || lpad(n::text, 7, '0'),
            CASE WHEN n % 5 = 1 THEN 'company' ELSE 'person' END,
            CASE WHEN n % 5 = 1 THEN 'Fjord Trading ' || n || ' AS' ELSE (ARRAY['Åsa','Lars','Kari','Jukka','Anke','Søren'])[1 + n % 6] || ' Berg ' || n END,
            upper(CASE WHEN n % 5 = 1 THEN 'Fjord Trading ' || n || ' AS' ELSE 'Berg ' || n END),
            'CT' || lpad((n - (n - 1) % 5)::text, 7, '0'),
            'Fjord Trading ' || (n - (n - 1) % 5) || ' AS',
            'Storgatan ' || (n % 200) || ', 2 tr', lpad((n % 9000 + 1000)::text, 4, '0'), (ARRAY['Oslo','Göteborg','Tromsø','Århus','Espoo','Köln'])[1 + n % 6],
            (ARRAY['NO','SE','NO','DK','FI','DE'])[1 + n % 6], '+47 22 ' || lpad((n % 1000000)::text, 6, '0'),
            'c' || n || '@fjord.example', 'c' || n || '@fjord.example', 'AL', 'NOR'
       FROM generate_series(1, $2::int) AS n`,
    [TENANT, CONTACT_COUNT],
  );
  process.stdout.write(`seeded ${CONTACT_COUNT} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/**
 * What segment criteria look at, by contact number n (company k = (n - 1) / 5 for n % 5 = 1):
 * mailing groups NEWSLETTER (n % 10 = 3, 10 %), XMAS (n % 25 = 0, 4 %) and EVENTS (n % 4 = 0, 25 %);
 * two persons of every company with a job responsibility (PURCHASE, SALES, MANAGEMENT, IT, FINANCE
 * by n / 5); every company in one industry group (RETAIL … CONSTRUCT by k % 5, 20 % each) and every
 * seventh in WHOLESALE as well; customers (k % 4 = 0) and vendors (k % 10 = 3); one interaction
 * for every tenth contact (BUS, MEETING or OUTGOING over 2024–2025, every seventeenth canceled,
 * every fiftieth for campaign CP1001); 1 % of contacts marked "Exclude from Segment" (n % 101 = 0).
 */
const SATELLITES = [
  `DELETE FROM contact_code WHERE tenant_id = $1`,
  `DELETE FROM contact_business_relation WHERE tenant_id = $1`,
  `DELETE FROM interaction_log_entry WHERE tenant_id = $1`,
  `UPDATE contact SET exclude_from_segment = (substr(no, 3)::int % 101 = 0)
    WHERE tenant_id = $1 AND exclude_from_segment <> (substr(no, 3)::int % 101 = 0)`,
  `INSERT INTO contact_code (tenant_id, contact_no, kind, code)
   SELECT $1, 'CT' || lpad(n::text, 7, '0'), 'mailingGroup', g.code
     FROM generate_series(1, $2::int) AS n
     JOIN (VALUES ('NEWSLETTER', 10, 3), ('XMAS', 25, 0), ('EVENTS', 4, 0)) AS g (code, modulus, remainder) ON n % g.modulus = g.remainder`,
  `INSERT INTO contact_code (tenant_id, contact_no, kind, code)
   SELECT $1, 'CT' || lpad(n::text, 7, '0'), 'jobResponsibility', (ARRAY['PURCHASE','SALES','MANAGEMENT','IT','FINANCE'])[1 + (n / 5) % 5]
     FROM generate_series(1, $2::int) AS n WHERE n % 5 IN (2, 3)`,
  `INSERT INTO contact_code (tenant_id, contact_no, kind, code)
   SELECT $1, 'CT' || lpad(n::text, 7, '0'), 'industryGroup', (ARRAY['RETAIL','WHOLESALE','MANUFACT','SERVICES','CONSTRUCT'])[1 + (n / 5) % 5]
     FROM generate_series(1, $2::int) AS n WHERE n % 5 = 1
   UNION ALL
   SELECT $1, 'CT' || lpad(n::text, 7, '0'), 'industryGroup', 'WHOLESALE'
     FROM generate_series(1, $2::int) AS n WHERE n % 5 = 1 AND (n / 5) % 7 = 3 AND (n / 5) % 5 <> 1`,
  `INSERT INTO contact_business_relation (tenant_id, contact_no, business_relation_code)
   SELECT $1, 'CT' || lpad(n::text, 7, '0'), r.code
     FROM generate_series(1, $2::int) AS n
     JOIN (VALUES ('CUST', 4, 0), ('VEND', 10, 3)) AS r (code, modulus, remainder) ON (n / 5) % r.modulus = r.remainder
    WHERE n % 5 = 1`,
  `INSERT INTO interaction_log_entry (tenant_id, id, contact_no, contact_company_no, date, time_of_interaction, description, interaction_group_code,
     interaction_template_code, salesperson_code, campaign_no, evaluation, canceled)
   SELECT $1, md5('bench-interaction-' || n)::uuid, 'CT' || lpad(n::text, 7, '0'), 'CT' || lpad((n - (n - 1) % 5)::text, 7, '0'),
          DATE '2024-01-01' + (n / 10) % 730, TIME '10:00', 'Bench interaction', (ARRAY['LETTER','MEETING','PHONE'])[1 + (n / 10) % 3],
          (ARRAY['BUS','MEETING','OUTGOING'])[1 + (n / 10) % 3], 'AL', CASE WHEN (n / 10) % 50 = 0 THEN 'CP1001' ELSE '' END,
          (ARRAY['','positive','neutral','negative','veryPositive'])[1 + (n / 10) % 5], (n / 10) % 17 = 0
     FROM generate_series(1, $2::int) AS n WHERE n % 10 = 4`,
];

async function seedSatellites(db: Db): Promise<void> {
  const started = Date.now();
  await db.transaction(async (tx) => {
    // Without triggers: the sync stamps mean nothing here, and re-stamping the persons of every
    // company given a business relation would join a million contacts to every new relation.
    await tx.query("SET LOCAL session_replication_role = 'replica'");
    for (const statement of SATELLITES) await tx.query(statement, statement.includes('$2') ? [TENANT, CONTACT_COUNT] : [TENANT]);
  });
  process.stdout.write(`seeded mailing groups, job responsibilities, industry groups, business relations and interactions in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Seeds what is missing: all of it for a new or resized data set, the satellites for an older shape. */
async function seed(db: Db): Promise<void> {
  await db.query('CREATE TABLE IF NOT EXISTS bench_data_set (tenant_id text PRIMARY KEY, contacts integer NOT NULL, shape integer NOT NULL)');
  const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1', [TENANT]);
  const [recorded] = await db.query<{ contacts: number; shape: number }>('SELECT contacts, shape FROM bench_data_set WHERE tenant_id = $1', [TENANT]);
  const contactsReady = (count?.n ?? 0) === CONTACT_COUNT;
  if (contactsReady && recorded?.contacts === CONTACT_COUNT && recorded.shape === SHAPE) return;
  if (!contactsReady) await seedContacts(db);
  await seedSatellites(db);
  await db.query(
    'INSERT INTO bench_data_set (tenant_id, contacts, shape) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO UPDATE SET contacts = EXCLUDED.contacts, shape = EXCLUDED.shape',
    [TENANT, CONTACT_COUNT, SHAPE],
  );
  await db.query('VACUUM ANALYZE');
}

/** The migrated, seeded database, open. */
export async function millionContacts() {
  const db = await openPostgresDb({ connectionString: await databaseUrl(), maxConnections: 4 });
  await migrate(db);
  await ensureTenant(db, TENANT);
  await seed(db);
  return db;
}
