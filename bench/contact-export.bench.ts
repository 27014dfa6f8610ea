/**
 * Contact export of 1,000,000 contacts on PostgreSQL (goal ≥ 50,000 rows/s): the CSV stream of
 * `GET /contacts/export` consumed as the HTTP layer would, with the process's RSS growth beside it.
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). The
 * seeded set is kept in the database `rapport_bench_export` and reused; BENCH_RESEED=1 rebuilds it,
 * BENCH_CONTACTS changes its size.
 */
import pg from 'pg';
import { migrate } from '../src/server/db/migrate';
import { openPostgresDb } from '../src/server/db/postgres-db';
import { contactsAsCsv } from '../src/server/modules/contacts/contact-export';
import { ensureTenant } from '../src/server/modules/tenancy/tenant-provisioning';
import { report } from './lib/report';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'rapport_bench_export';
const CONTACT_COUNT = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const TENANT = 'bench-export';
const RUNS = 3;

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

/** One company per five contacts, each with four persons; Nordic-looking names, addresses and e-mails. */
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

async function main() {
  const db = await openPostgresDb({ connectionString: await databaseUrl(), maxConnections: 4 });
  await migrate(db);
  await ensureTenant(db, TENANT);
  await seed(db);
  const rates: number[] = [];
  const rssGrowth: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let lines = 0;
    let bytes = 0;
    const started = performance.now();
    for await (const chunk of contactsAsCsv(db, TENANT, {})) {
      bytes += Buffer.byteLength(chunk);
      for (let index = chunk.indexOf('\r\n'); index !== -1; index = chunk.indexOf('\r\n', index + 2)) lines++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = lines - 1; // the header
    if (rows !== CONTACT_COUNT) throw new Error(`exported ${rows} rows, expected ${CONTACT_COUNT}`);
    rates.push(rows / seconds);
    rssGrowth.push((peak - rssBefore) / 1024 / 1024);
    process.stdout.write(`run ${run + 1}: ${rows} rows, ${(bytes / 1024 / 1024).toFixed(0)} MB in ${seconds.toFixed(2)} s\n`);
  }
  await db.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  report(
    'contact-export',
    [
      { name: 'export_rows_per_s', value: Math.round(median(rates)), unit: 'rows/s', goal: 50_000, better: 'higher' },
      { name: 'export_rss_growth', value: Math.max(...rssGrowth), unit: 'MB', goal: 200, better: 'lower' },
    ],
    { contacts: CONTACT_COUNT, runs: RUNS, engine: 'postgres' },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
