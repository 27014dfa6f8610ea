/**
 * Generate Duplicate Search Strings as a background job over 200,000 contacts on PostgreSQL: the
 * job's rate (goal ≥ 2,000 contacts/s, a million contacts in under about 8 minutes) and the p95 of
 * a contact list page read while it runs (goal ≤ 50 ms), the page `GET /contacts` reads (its
 * repository call and the business-relation summaries), in the same process as the job's runner,
 * as in the service.
 *
 * Two runs: from an empty index (every string written, every pair found) and over a current index
 * whose pairs are stale (Autosearch off: strings only read, pairs found again).
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). The
 * contacts are generated once into the database `rapport_bench_rebuild` and reused; BENCH_RESEED=1
 * generates them again, BENCH_CONTACTS changes the count (default 200,000).
 */
import pg from 'pg';
import pino from 'pino';
import { blankContact } from '../src/domain/contact/blank-contact';
import type { Contact } from '../src/domain/contact/contact';
import { normalizePhoneForMatch } from '../src/domain/duplicate-search';
import { normalizeEmail } from '../src/domain/email';
import type { Db } from '../src/server/db/db';
import { migrate } from '../src/server/db/migrate';
import { openPostgresDb } from '../src/server/db/postgres-db';
import type { Identity } from '../src/server/http/identity';
import { jobQueued } from '../src/server/jobs/job';
import { getJob, insertJob } from '../src/server/jobs/job-repository';
import { JobRunner } from '../src/server/jobs/job-runner';
import { listContacts } from '../src/server/modules/contacts/contact-repository';
import { viewsOf } from '../src/server/modules/contacts/contact-service';
import { duplicateSearchRebuildJob, REBUILD_STEP_SIZE } from '../src/server/modules/duplicates/duplicate-rebuild-job';
import { ensureTenant } from '../src/server/modules/tenancy/tenant-provisioning';
import { syntheticContacts, type SyntheticContact } from './lib/synthetic-contacts';
import { percentile, report, type Figure } from './lib/report';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'rapport_bench_rebuild';
const CONTACT_COUNT = Number(process.env.BENCH_CONTACTS ?? 200_000);
/** One company in this many is entered a second time with a slightly different name: pairs for the job to find. */
const COPY_EVERY = 5;
const TENANT = 'bench-rebuild';
const BATCH = 5_000;
const PAGE = 51; // the route asks for one more than it shows, to know whether there is a next page
const READ_PAUSE_MS = 20;
const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
const admin: Identity = { tenantId: TENANT, userId: 'bench', email: 'admin@bench.example', name: 'Bench', roles: ['Rapport.Admin'] };

const toContact = (s: SyntheticContact): Contact => ({
  ...blankContact(s.no, s.type),
  name: s.name,
  companyNo: s.companyNo,
  firstName: s.firstName,
  middleName: s.middleName,
  surname: s.surname,
  address: s.address,
  postCode: s.postCode,
  city: s.city,
  countryRegionCode: s.countryRegionCode,
  phoneNo: s.phoneNo,
  mobilePhoneNo: s.mobilePhoneNo,
  email: s.email,
  email2: s.email2,
  vatRegistrationNo: s.vatRegistrationNo,
  salespersonCode: s.salespersonCode,
  languageCode: s.languageCode,
  // Persons inherit their company's address block and phone, as the generator leaves them.
  inheritedFields: s.type === 'person' ? ['address', 'address2', 'postCode', 'city', 'county', 'phoneNo'] : [],
});

async function databaseUrl(): Promise<string> {
  const server = new pg.Client({ connectionString: SERVER_URL });
  await server.connect();
  const exists = (await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount === 1;
  if (exists && process.env.BENCH_RESEED === '1') await server.query(`DROP DATABASE ${DATABASE} WITH (FORCE)`);
  if (!exists || process.env.BENCH_RESEED === '1') await server.query(`CREATE DATABASE ${DATABASE}`);
  await server.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function insertContacts(db: Db, contacts: readonly Contact[]): Promise<void> {
  const column = (pick: (c: Contact) => unknown) => contacts.map(pick);
  await db.query(
    `INSERT INTO contact (tenant_id, no, type, name, search_name, company_no, company_name, first_name, middle_name, surname, address, post_code, city,
       country_region_code, phone_no, mobile_phone_no, email, email_2, vat_registration_no, salesperson_code, language_code, inherited_fields,
       search_email, search_email_2, search_phone_no, search_mobile_phone_no)
     SELECT $1, ${Array.from({ length: 25 }, (_unused, i) => (i === 20 ? `c${i}::text[]` : `c${i}`)).join(', ')}
     FROM unnest(${Array.from({ length: 25 }, (_unused, i) => `$${i + 2}::text[]`).join(', ')})
       AS u(${Array.from({ length: 25 }, (_unused, i) => `c${i}`).join(', ')})`,
    [
      TENANT,
      column((c) => c.no), column((c) => c.type), column((c) => c.name), column((c) => c.name.toUpperCase()), column((c) => c.companyNo),
      column((c) => c.companyName), column((c) => c.firstName), column((c) => c.middleName), column((c) => c.surname), column((c) => c.address),
      column((c) => c.postCode), column((c) => c.city), column((c) => c.countryRegionCode), column((c) => c.phoneNo), column((c) => c.mobilePhoneNo),
      column((c) => c.email), column((c) => c.email2), column((c) => c.vatRegistrationNo), column((c) => c.salespersonCode), column((c) => c.languageCode),
      column((c) => `{${c.inheritedFields.join(',')}}`), column((c) => normalizeEmail(c.email)), column((c) => normalizeEmail(c.email2)),
      column((c) => normalizePhoneForMatch(c.phoneNo)), column((c) => normalizePhoneForMatch(c.mobilePhoneNo)),
    ],
  );
}

/**
 * The generated contacts, then a copy of every fifth company under a new number with its legal
 * form dropped from the name (the way a company is typed in again): the duplicates the job finds.
 */
async function seed(db: Db): Promise<void> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1', [TENANT]);
  if ((row?.n ?? 0) === CONTACT_COUNT) return;
  await db.query('DELETE FROM contact WHERE tenant_id = $1', [TENANT]);
  const started = Date.now();
  const copies = Math.floor(CONTACT_COUNT / 20 / COPY_EVERY);
  const companies: Contact[] = [];
  let batch: Contact[] = [];
  for (const synthetic of syntheticContacts(CONTACT_COUNT - copies, 42)) {
    const contact = toContact(synthetic);
    if (contact.type === 'company') companies.push(contact);
    contact.companyName = companies.at(-1)?.name ?? '';
    batch.push(contact);
    if (batch.length === BATCH) {
      await insertContacts(db, batch);
      batch = [];
    }
  }
  let ordinal = CONTACT_COUNT - copies;
  for (let index = 0; index < copies; index++) {
    const original = companies[(index * COPY_EVERY) % companies.length];
    if (!original) break;
    const no = `CT${String(++ordinal).padStart(7, '0')}`;
    const name = original.name.replace(/ (AB|AS|A\/S|ASA|ApS|Oyj?|B\.V\.|BV|N\.V\.|NV|BVBA|GmbH & Co\. KG|GmbH|AG|KG)$/, '');
    batch.push({ ...original, no, companyNo: no, name, companyName: name });
  }
  if (batch.length > 0) await insertContacts(db, batch);
  await db.query('ANALYZE contact');
  process.stdout.write(`  seeded ${CONTACT_COUNT} contacts (${copies} companies entered twice) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

type Run = { seconds: number; outcome: Record<string, unknown>; readP95: number; readP50: number; reads: number; stepSizeP50: number };

/** Runs one rebuild to its end with a runner of this process while a reader reads contact pages. */
async function rebuild(db: Db): Promise<Run> {
  const runner = new JobRunner({ db, handlers: [duplicateSearchRebuildJob()], log, today: () => new Date().toISOString().slice(0, 10) });
  const job = await db.transaction((tx) => insertJob(tx, TENANT, 'duplicate-search-rebuild', {}, admin));
  if (!job) throw new Error('A rebuild is already queued for the benchmark tenant.');
  const samples: number[] = [];
  let finished = false;
  const reader = (async () => {
    for (let run = 0; !finished; run++) {
      const after = `CT${String((run * 7919) % CONTACT_COUNT).padStart(7, '0')}`;
      const started = performance.now();
      const page = await listContacts(db, TENANT, { after, limit: PAGE });
      await viewsOf(db, TENANT, page.slice(0, PAGE - 1));
      samples.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, READ_PAUSE_MS));
    }
  })();
  const started = performance.now();
  runner.start();
  jobQueued.emit('queued');
  const stepSizes: number[] = [];
  let ended = await getJob(db, TENANT, job.id);
  while (ended && (ended.status === 'queued' || ended.status === 'running')) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ended = await getJob(db, TENANT, job.id);
    const limit = (ended?.checkpoint as { limit?: number } | null)?.limit;
    if (limit) stepSizes.push(limit);
  }
  const seconds = (performance.now() - started) / 1000;
  finished = true;
  await reader;
  await runner.stop();
  if (ended?.status !== 'succeeded') throw new Error(`The rebuild ended ${ended?.status}: ${JSON.stringify(ended?.error)}`);
  return { seconds, outcome: ended.outcome ?? {}, readP95: percentile(samples, 95), readP50: percentile(samples, 50), reads: samples.length, stepSizeP50: percentile(stepSizes, 50) };
}

async function main(): Promise<void> {
  const db = await openPostgresDb({ connectionString: await databaseUrl(), maxConnections: 4 });
  await migrate(db);
  await ensureTenant(db, TENANT);
  await seed(db);
  await db.query(`DELETE FROM job WHERE tenant_id = $1`, [TENANT]);
  await db.query('DELETE FROM contact_duplicate WHERE tenant_id = $1', [TENANT]);
  await db.query('DELETE FROM contact_duplicate_strings WHERE tenant_id = $1', [TENANT]);
  await db.query('VACUUM ANALYZE contact_duplicate_strings');

  const cold = await rebuild(db);
  const [strings] = await db.query<{ n: number }>('SELECT sum(cardinality(strings))::int AS n FROM contact_duplicate_strings WHERE tenant_id = $1', [TENANT]);
  process.stdout.write(
    `  empty index: ${cold.seconds.toFixed(1)} s, ${JSON.stringify(cold.outcome)}, ${strings?.n} search strings, steps of ${cold.stepSizeP50} contacts (median), ${cold.reads} page reads (p50 ${cold.readP50.toFixed(2)} ms)\n`,
  );
  // Stale pairs, as Autosearch off leaves them: the strings are current, the pairs are not.
  await db.query('DELETE FROM contact_duplicate WHERE tenant_id = $1', [TENANT]);
  const warm = await rebuild(db);
  process.stdout.write(
    `  current index: ${warm.seconds.toFixed(1)} s, ${JSON.stringify(warm.outcome)}, steps of ${warm.stepSizeP50} contacts (median), ${warm.reads} page reads (p50 ${warm.readP50.toFixed(2)} ms)\n`,
  );

  const figures: Figure[] = [
    { name: 'rebuild_empty_index_rate', value: CONTACT_COUNT / cold.seconds, unit: 'contacts/s', goal: 2000, better: 'higher' },
    { name: 'rebuild_current_index_rate', value: CONTACT_COUNT / warm.seconds, unit: 'contacts/s', goal: 2000, better: 'higher' },
    { name: 'contact_page_during_rebuild_p95', value: Math.max(cold.readP95, warm.readP95), unit: 'ms', goal: 50, better: 'lower' },
  ];
  report('duplicate-rebuild', figures, {
    engine: 'postgres',
    contacts: CONTACT_COUNT,
    stepSize: REBUILD_STEP_SIZE,
    searchStrings: strings?.n,
    emptyIndex: cold,
    currentIndex: warm,
  });
  await db.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
