/**
 * A tenant of a million contacts on PostgreSQL for the contact-list and export benchmarks: one
 * company per five contacts, each with four persons, Nordic-looking names, addresses and e-mails.
 * Kept in the database `rapport_bench_contacts` and reused; BENCH_RESEED=1 rebuilds it,
 * BENCH_CONTACTS changes its size, BENCH_DATABASE_URL names the server.
 */
import pg from 'pg';
import { migrate } from '../../src/server/db/migrate';
import { openPostgresDb } from '../../src/server/db/postgres-db';
import { ensureTenant } from '../../src/server/modules/tenancy/tenant-provisioning';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'rapport_bench_contacts';
export const CONTACT_COUNT = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
export const TENANT = 'bench-contacts';

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

async function seed(db: Awaited<ReturnType<typeof openPostgresDb>>): Promise<void> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1', [TENANT]);
  if ((row?.n ?? 0) === CONTACT_COUNT) return;
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
  await db.query('ANALYZE contact');
  process.stdout.write(`seeded ${CONTACT_COUNT} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The migrated, seeded database, open. */
export async function millionContacts() {
  const db = await openPostgresDb({ connectionString: await databaseUrl(), maxConnections: 4 });
  await migrate(db);
  await ensureTenant(db, TENANT);
  await seed(db);
  return db;
}
