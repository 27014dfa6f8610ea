/**
 * Duplicate check of a new company against 1,000,000 contacts on PostgreSQL (goal ≤ 50 ms p95),
 * with Business Central's search strings and hit % (exact semantics) plus exact e-mail/phone hits.
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres). The
 * seeded data set is kept in the database `rapport_bench_dup` and reused on the next run; pass
 * BENCH_RESEED=1 to rebuild it. BENCH_CONTACTS changes the size (default 1,000,000).
 */
import pg from 'pg';
import pino from 'pino';
import { blankContact } from '../src/domain/contact/blank-contact';
import type { Contact } from '../src/domain/contact/contact';
import { DEFAULT_DUPLICATE_SEARCH_SETUP, normalizePhoneForMatch } from '../src/domain/duplicate-search';
import { normalizeEmail } from '../src/domain/email';
import { DEFAULT_MARKETING_SETUP } from '../src/domain/marketing-setup-rules';
import { migrate } from '../src/server/db/migrate';
import { openPostgresDb } from '../src/server/db/postgres-db';
import { probeOf } from '../src/server/modules/duplicates/duplicate-probe';
import { checkDuplicates } from '../src/server/modules/duplicates/duplicate-service';
import { ensureTenant } from '../src/server/modules/tenancy/tenant-provisioning';
import { syntheticContacts, type SyntheticContact } from './lib/synthetic-contacts';
import { percentile, report } from './lib/report';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'rapport_bench_dup';
const CONTACT_COUNT = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const TENANT = 'bench-tenant';
const BATCH = 5_000;
const RUNS = 200;
const log = pino({ level: 'silent' });

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
  phoneNo: s.type === 'company' ? s.phoneNo : '',
  mobilePhoneNo: s.mobilePhoneNo,
  email: s.email,
  email2: s.email2,
  vatRegistrationNo: s.vatRegistrationNo,
  salespersonCode: s.salespersonCode,
  languageCode: s.languageCode,
  // Persons inherit their company's address block and phone; only their own values are indexed.
  inheritedFields: s.type === 'person' ? ['address', 'address2', 'postCode', 'city', 'county', 'phoneNo'] : [],
});

async function prepareDatabase(): Promise<string> {
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
  if ((row?.n ?? 0) >= CONTACT_COUNT) return;
  await db.query('DELETE FROM contact WHERE tenant_id = $1', [TENANT]);
  const started = Date.now();
  let batch: Contact[] = [];
  const flush = async () => {
    const contacts = batch;
    batch = [];
    const column = (pick: (c: Contact) => unknown) => contacts.map(pick);
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO contact (tenant_id, no, type, name, search_name, company_no, first_name, middle_name, surname, address, post_code, city,
           country_region_code, phone_no, mobile_phone_no, email, email_2, vat_registration_no, salesperson_code, language_code, inherited_fields,
           search_email, search_email_2, search_phone_no, search_mobile_phone_no)
         SELECT $1, ${Array.from({ length: 24 }, (_unused, i) => (i === 19 ? `c${i}::text[]` : `c${i}`)).join(', ')}
         FROM unnest(${Array.from({ length: 24 }, (_unused, i) => `$${i + 2}::text[]`).join(', ')})
           AS u(${Array.from({ length: 24 }, (_unused, i) => `c${i}`).join(', ')})`,
        [
          TENANT,
          column((c) => c.no), column((c) => c.type), column((c) => c.name), column((c) => c.name.toUpperCase()), column((c) => c.companyNo),
          column((c) => c.firstName), column((c) => c.middleName), column((c) => c.surname), column((c) => c.address), column((c) => c.postCode),
          column((c) => c.city), column((c) => c.countryRegionCode), column((c) => c.phoneNo), column((c) => c.mobilePhoneNo), column((c) => c.email),
          column((c) => c.email2), column((c) => c.vatRegistrationNo), column((c) => c.salespersonCode), column((c) => c.languageCode),
          column((c) => `{${c.inheritedFields.join(',')}}`), column((c) => normalizeEmail(c.email)), column((c) => normalizeEmail(c.email2)),
          column((c) => normalizePhoneForMatch(c.phoneNo)), column((c) => normalizePhoneForMatch(c.mobilePhoneNo)),
        ],
      );
      const strings = contacts.map((c) => ({ n: c.no, s: probeOf(c, DEFAULT_DUPLICATE_SEARCH_SETUP).strings })).filter((row) => row.s.length > 0);
      await tx.query(
        `INSERT INTO contact_duplicate_strings (tenant_id, contact_no, strings)
         SELECT $1, r.n, r.s FROM json_to_recordset($2::json) AS r(n text, s text[])`,
        [TENANT, JSON.stringify(strings)],
      );
    });
  };
  let count = 0;
  for (const synthetic of syntheticContacts(CONTACT_COUNT, 42)) {
    batch.push(toContact(synthetic));
    if (batch.length === BATCH) {
      await flush();
      count += BATCH;
      if (count % 100_000 === 0) process.stdout.write(`  seeded ${count} contacts (${Math.round((Date.now() - started) / 1000)} s)\n`);
    }
  }
  if (batch.length > 0) await flush();
  await db.query('ANALYZE');
}

async function main(): Promise<void> {
  const db = await openPostgresDb({ connectionString: await prepareDatabase(), maxConnections: 2 });
  await migrate(db);
  await ensureTenant(db, TENANT);
  await seed(db);

  // New companies to check: half are re-entries of existing companies with small differences (a
  // likely duplicate), half are fresh companies from another seed (usually none).
  const existing = [...syntheticContacts(Math.min(CONTACT_COUNT, 200_000), 42)].filter((c) => c.type === 'company');
  const fresh = [...syntheticContacts(4_000, 7)].filter((c) => c.type === 'company');
  const probes: Contact[] = [];
  for (let index = 0; probes.length < RUNS + 20; index++) {
    const source = index % 2 === 0 ? existing[(index * 7919) % existing.length] : fresh[index % fresh.length];
    if (!source) break;
    const base = toContact(source);
    probes.push({ ...base, no: '', name: index % 2 === 0 ? base.name.replace(/ (AB|AS|A\/S|ASA|ApS|Oyj?|B\.V\.|BV|N\.V\.|NV|BVBA|GmbH & Co\. KG|GmbH|AG|KG)$/, '') : base.name });
  }

  const setup = { ...DEFAULT_MARKETING_SETUP };
  const timings: number[] = [];
  let withCandidates = 0;
  for (const [index, probe] of probes.entries()) {
    const started = process.hrtime.bigint();
    const candidates = await checkDuplicates(db, TENANT, probe, setup);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (index >= 20) {
      timings.push(elapsed);
      if (candidates.length > 0) withCandidates++;
    }
  }
  log.info({ withCandidates });
  const [row] = await db.query<{ n: number }>('SELECT sum(cardinality(strings))::int AS n FROM contact_duplicate_strings WHERE tenant_id = $1', [TENANT]);
  report(
    'duplicate-check',
    [
      { name: 'duplicate_check_p50', value: percentile(timings, 50), unit: 'ms', goal: 50, better: 'lower' },
      { name: 'duplicate_check_p95', value: percentile(timings, 95), unit: 'ms', goal: 50, better: 'lower' },
    ],
    { engine: 'postgres', contacts: CONTACT_COUNT, searchStrings: row?.n, runs: timings.length, probesWithCandidates: withCandidates },
  );
  process.stdout.write(`  (${withCandidates} of ${timings.length} probes found candidates; ${row?.n} search strings indexed)\n`);
  await db.close();
}

void main();
