/**
 * Bulk contact creation on PostgreSQL (goal ≥ 5,000 rows/s, RSS growth < 200 MB): 100,000 contacts
 * — 20,000 companies, then 80,000 persons of those companies (four each) — in batches of 1,000,
 * each batch one transaction through `createContactsInBulk`, as an import's job step runs it, with
 * the tenant's default Marketing Setup (duplicate strings maintained, autosearch on).
 *
 * Needs PostgreSQL: the database `rapport_bench_bulk` on BENCH_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres), created if missing and emptied at every run.
 * BENCH_BULK_COMPANIES / BENCH_BULK_PERSONS_PER_COMPANY / BENCH_BULK_BATCH change the sizes.
 */
import type { ContactCreateBody } from '../src/contract/contacts';
import type { RequestContext } from '../src/server/http/route';
import { BULK_CREATE_PHASES, createContactsInBulk, type BulkCreatePhase } from '../src/server/modules/contacts/contact-bulk-create';
import { tenantWriteDb } from '../src/server/modules/sync/sync-repository';
import { cpuMeter, loadAverage, openEmptiedBenchDb, rssSampler, storedCounts } from './lib/bulk-db';
import { report } from './lib/report';
import { syntheticContacts, type SyntheticContact } from './lib/synthetic-contacts';

const DATABASE = 'rapport_bench_bulk';
const TENANT = 'bench-bulk';
const COMPANIES = Number(process.env.BENCH_BULK_COMPANIES ?? 20_000);
const PERSONS_PER_COMPANY = Number(process.env.BENCH_BULK_PERSONS_PER_COMPANY ?? 4);
const BATCH = Number(process.env.BENCH_BULK_BATCH ?? 1_000);
const SEED = 20250305;
// The synthetic generator gives a company 10 to 28 persons: enough contacts to reach the companies wanted.
const GENERATED = COMPANIES * 30;

/** A company as an import would send it, its External ID the source's own key. */
const companyRow = (company: SyntheticContact): ContactCreateBody => ({
  type: 'company',
  name: company.name,
  address: company.address,
  postCode: company.postCode,
  city: company.city,
  countryRegionCode: company.countryRegionCode,
  phoneNo: company.phoneNo,
  email: company.email,
  vatRegistrationNo: company.vatRegistrationNo,
  salespersonCode: company.salespersonCode,
  languageCode: company.languageCode,
  externalId: company.no,
});

/** A person with its own name, e-mails and mobile; address, phone, salesperson and language come from the company. */
const personRow = (person: SyntheticContact, companyNo: string, companyLanguage: string): ContactCreateBody => ({
  type: 'person',
  companyNo,
  name: person.name,
  email: person.email,
  ...(person.email2 ? { email2: person.email2 } : {}),
  ...(person.mobilePhoneNo ? { mobilePhoneNo: person.mobilePhoneNo } : {}),
  ...(person.languageCode !== companyLanguage ? { languageCode: person.languageCode } : {}),
  externalId: person.no,
});

function* companies(): Generator<SyntheticContact> {
  let count = 0;
  for (const contact of syntheticContacts(GENERATED, SEED)) {
    if (contact.type !== 'company') continue;
    yield contact;
    if (++count === COMPANIES) return;
  }
}

/** The first persons of each of those companies, from the same sequence again (nothing is kept between the passes). */
function* persons(): Generator<{ person: SyntheticContact; companyLanguage: string }> {
  let companiesSeen = 0;
  let taken = 0;
  let companyLanguage = '';
  for (const contact of syntheticContacts(GENERATED, SEED)) {
    if (contact.type === 'company') {
      if (++companiesSeen > COMPANIES) return;
      taken = 0;
      companyLanguage = contact.languageCode;
    } else if (taken < PERSONS_PER_COMPANY) {
      taken++;
      yield { person: contact, companyLanguage };
    }
  }
}

function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function main() {
  const db = await openEmptiedBenchDb({ database: DATABASE, tenant: TENANT, maxConnections: 2 });
  const ctx: RequestContext = {
    db: tenantWriteDb(db, TENANT),
    identity: { tenantId: TENANT, userId: 'import', email: '', name: 'Import', roles: [] },
    log: { info: () => undefined } as unknown as RequestContext['log'],
    workDate: new Date().toISOString().slice(0, 10),
    currentSalespersonCode: async () => '',
  };
  const timings: Partial<Record<BulkCreatePhase, number>> = {};
  const companyNos = new Map<string, string>();
  let refused = 0;
  let duplicatesReported = 0;
  let batchCount = 0;
  let slowestBatchMs = 0;
  let generateMs = 0;
  let createMs = 0;
  let createCpuMicros = 0;

  const cpu = await cpuMeter(db);
  const rss = rssSampler();
  const started = performance.now();

  const run = async <T>(label: string, source: Iterable<T>, toRow: (item: T) => ContactCreateBody, created: (item: T, no: string) => void) => {
    const createdBefore = createMs;
    let rows = 0;
    const iterator = batches(source, BATCH)[Symbol.iterator]();
    for (;;) {
      const generating = performance.now();
      const next = iterator.next();
      if (next.done) break;
      const items = next.value;
      const batch = items.map(toRow);
      generateMs += performance.now() - generating;
      const batchStarted = performance.now();
      const batchCpu = process.cpuUsage();
      const batchTimings: Partial<Record<BulkCreatePhase, number>> = {};
      const outcomes = await createContactsInBulk(ctx, batch, { timings: batchTimings });
      const batchMs = performance.now() - batchStarted;
      const batchCpuUsed = process.cpuUsage(batchCpu);
      createCpuMicros += batchCpuUsed.user + batchCpuUsed.system;
      createMs += batchMs;
      slowestBatchMs = Math.max(slowestBatchMs, batchMs);
      for (const phase of BULK_CREATE_PHASES) timings[phase] = (timings[phase] ?? 0) + (batchTimings[phase] ?? 0);
      if (process.env.BENCH_VERBOSE === '1') {
        const memory = process.memoryUsage();
        process.stdout.write(
          `${label} batch ${batchCount + 1}: ${batchMs.toFixed(0)} ms (${BULK_CREATE_PHASES.map((phase) => `${phase} ${(batchTimings[phase] ?? 0).toFixed(0)}`).join(', ')}); ` +
            `rss ${Math.round(memory.rss / 1048576)} MB, heap ${Math.round(memory.heapUsed / 1048576)} MB\n`,
        );
      }
      outcomes.forEach((outcome, index) => {
        if (!outcome.ok) {
          if (refused++ < 5) process.stdout.write(`refused: ${outcome.error.code} ${outcome.error.message}\n`);
          return;
        }
        duplicatesReported += outcome.duplicates.length;
        created(items[index] as T, outcome.no);
      });
      rows += batch.length;
      batchCount++;
      rss.sample();
    }
    const seconds = (createMs - createdBefore) / 1000;
    process.stdout.write(`${label}: ${rows} rows in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s\n`);
    return rows;
  };

  const companyRows = await run('companies', companies(), companyRow, (company, no) => companyNos.set(company.no, no));
  const personRows = await run(
    'persons',
    persons(),
    ({ person, companyLanguage }) => personRow(person, companyNos.get(person.companyNo) ?? person.companyNo, companyLanguage),
    () => undefined,
  );
  const seconds = (performance.now() - started) / 1000;
  const createSeconds = createMs / 1000;
  const rows = companyRows + personRows;

  const benchmarkCpu = createCpuMicros / 1e6;
  const serverCpu = (await cpu.stop()).server;
  const rssGrowthMb = rss.stop();
  const stored = await storedCounts(db, TENANT);
  await db.close();
  if (stored.contacts !== rows - refused) throw new Error(`stored ${stored?.contacts} contacts, expected ${rows - refused}`);

  process.stdout.write(
    `${rows} rows (${companyRows} companies, ${personRows} persons) in ${batchCount} batches of ${BATCH}: ${createSeconds.toFixed(1)} s in createContactsInBulk, ` +
      `${seconds.toFixed(1)} s with the rows' generation (${Math.round(rows / seconds)} rows/s); load average ${loadAverage()}; ` +
      `refused ${refused}; stored ${stored.strings} duplicate strings, ${stored.pairs} pairs; ${duplicatesReported} duplicate candidates reported; slowest batch ${slowestBatchMs.toFixed(0)} ms\n`,
  );
  const accounted = BULK_CREATE_PHASES.reduce((sum, phase) => sum + (timings[phase] ?? 0), 0);
  for (const phase of BULK_CREATE_PHASES) {
    const ms = timings[phase] ?? 0;
    process.stdout.write(`phase ${phase}: ${(ms / 1000).toFixed(2)} s (${((100 * ms) / createMs).toFixed(1)} %)\n`);
  }
  process.stdout.write(
    `CPU: ${benchmarkCpu.toFixed(1)} s in this process during createContactsInBulk, ${serverCpu.toFixed(1)} s in the database server; ` +
      `${rows} rows / (process + server CPU) = ${Math.round(rows / (benchmarkCpu + serverCpu))} rows per CPU second\n`,
  );
  process.stdout.write(`transaction begin and commit: ${((createMs - accounted) / 1000).toFixed(2)} s; rows generated by the benchmark (not counted): ${(generateMs / 1000).toFixed(2)} s\n`);

  report(
    'contact-bulk-create',
    [
      { name: 'bulk_create_rows_per_s', value: Math.round(rows / createSeconds), unit: 'rows/s', goal: 5_000, better: 'higher' },
      { name: 'bulk_create_rss_growth', value: rssGrowthMb, unit: 'MB', goal: 200, better: 'lower' },
    ],
    { companies: companyRows, persons: personRows, batch: BATCH, engine: 'postgres', refused, strings: stored.strings, pairs: stored.pairs, phasesMs: timings, loadAverage: loadAverage(), benchmarkCpuSeconds: benchmarkCpu, serverCpuSeconds: serverCpu },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
