/**
 * The contact import on PostgreSQL (goals: dry run and run ≥ 5,000 rows/s, RSS growth < 200 MB): a generated
 * CSV of 100,000 contacts — 20,000 companies, then four persons of each naming their company by its
 * external id — staged through `uploadImport` (the code behind `POST /contacts/import`: the file
 * streamed, every row classified, persons linked to their companies), then run through
 * `runImport` and a JobRunner taking the job's steps to the end, as the service does. The tenant
 * has the default Marketing Setup (duplicate strings maintained, autosearch on).
 *
 * Needs PostgreSQL: the database `rapport_bench_import` on BENCH_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres), created if missing and emptied at every run.
 * BENCH_IMPORT_COMPANIES / BENCH_IMPORT_PERSONS_PER_COMPANY change the size; BENCH_IMPORT_ENGINE=pglite
 * runs it on an in-memory PGlite instead (no figures are reported then); BENCH_VERBOSE=1 prints every step.
 */
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import pino from 'pino';
import { csvLine } from '../src/server/http/csv';
import type { RequestContext } from '../src/server/http/route';
import type { AnyJobHandler } from '../src/server/jobs/job';
import { getJob } from '../src/server/jobs/job-repository';
import { JobRunner } from '../src/server/jobs/job-runner';
import { contactImportJob, IMPORT_RUN_PHASES, importRunStep, type ImportRunTimings } from '../src/server/modules/contact-import/import-job';
import { PLAN_PHASES } from '../src/server/modules/contact-import/import-plan';
import { IMPORT_STAGE_PHASES, runImport, uploadImport, type ImportStageTimings } from '../src/server/modules/contact-import/import-service';
import { BULK_CREATE_PHASES } from '../src/server/modules/contacts/contact-bulk-create';
import { tenantWriteDb } from '../src/server/modules/sync/sync-repository';
import { cpuMeter, loadAverage, openEmptiedBenchDb, rssSampler, storedCounts } from './lib/bulk-db';
import { report } from './lib/report';
import { syntheticContacts, type SyntheticContact } from './lib/synthetic-contacts';

const ENGINE = process.env.BENCH_IMPORT_ENGINE === 'pglite' ? 'pglite' : 'postgres';
const DATABASE = 'rapport_bench_import';
const TENANT = 'bench-import';
const COMPANIES = Number(process.env.BENCH_IMPORT_COMPANIES ?? 20_000);
const PERSONS_PER_COMPANY = Number(process.env.BENCH_IMPORT_PERSONS_PER_COMPANY ?? 4);
const SEED = 20250306;
// The synthetic generator gives a company 10 to 28 persons: enough contacts to reach the companies wanted.
const GENERATED = COMPANIES * 30;
const VERBOSE = process.env.BENCH_VERBOSE === '1';

const COLUMNS = [
  'externalId',
  'type',
  'name',
  'address',
  'postCode',
  'city',
  'countryRegionCode',
  'phoneNo',
  'mobilePhoneNo',
  'email',
  'email2',
  'vatRegistrationNo',
  'salespersonCode',
  'languageCode',
  'companyNo',
] as const;
type Column = (typeof COLUMNS)[number];

/** A company as a source system exports it, its own key as External ID. */
const companyCells = (company: SyntheticContact): Partial<Record<Column, string>> => ({
  externalId: company.no,
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
});

/** A person with its own name, e-mails and mobile, naming its company by the company's external id; the rest comes from the company. */
const personCells = (person: SyntheticContact, companyLanguage: string): Partial<Record<Column, string>> => ({
  externalId: person.no,
  type: 'person',
  name: person.name,
  mobilePhoneNo: person.mobilePhoneNo,
  email: person.email,
  email2: person.email2,
  languageCode: person.languageCode !== companyLanguage ? person.languageCode : '',
  companyNo: person.companyNo,
});

/** Writes the file: the companies first, then their persons, as an export of another system would (the import orders them itself anyway). */
async function writeFile(file: string): Promise<{ companies: number; persons: number; bytes: number }> {
  const out = createWriteStream(file);
  const write = async (cells: Partial<Record<Column, string>>) => {
    if (!out.write(csvLine(COLUMNS.map((column) => cells[column] ?? '')))) await once(out, 'drain');
  };
  await write(Object.fromEntries(COLUMNS.map((column) => [column, column])));
  let companies = 0;
  for (const contact of syntheticContacts(GENERATED, SEED)) {
    if (contact.type !== 'company') continue;
    await write(companyCells(contact));
    if (++companies === COMPANIES) break;
  }
  let persons = 0;
  let companiesSeen = 0;
  let taken = 0;
  let companyLanguage = '';
  for (const contact of syntheticContacts(GENERATED, SEED)) {
    if (contact.type === 'company') {
      if (++companiesSeen > COMPANIES) break;
      taken = 0;
      companyLanguage = contact.languageCode;
    } else if (taken < PERSONS_PER_COMPANY) {
      taken++;
      persons++;
      await write(personCells(contact, companyLanguage));
    }
  }
  out.end();
  await once(out, 'finish');
  return { companies, persons, bytes: statSync(file).size };
}

const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
const phases = <P extends string>(names: readonly P[], timings: Partial<Record<P, number>>) => names.map((name) => `${name} ${seconds(timings[name])}`).join(', ');

async function main() {
  const file = path.join(tmpdir(), `rapport-import-bench-${process.pid}.csv`);
  const generated = await writeFile(file);
  const rows = generated.companies + generated.persons;
  process.stdout.write(`file: ${rows} rows (${generated.companies} companies, ${generated.persons} persons), ${(generated.bytes / 1048576).toFixed(1)} MB\n`);

  const db = await openEmptiedBenchDb({ database: DATABASE, tenant: TENANT, engine: ENGINE });
  const ctx: RequestContext = {
    db: tenantWriteDb(db, TENANT),
    identity: { tenantId: TENANT, userId: 'import', email: 'import@bench.example', name: 'Import', roles: ['Rapport.Manager'] },
    log: pino({ level: 'warn' }),
    workDate: new Date().toISOString().slice(0, 10),
    currentSalespersonCode: async () => '',
  };

  const rss = rssSampler();

  // The dry run, as POST /contacts/import runs it, the file streamed from disk.
  const stageTimings: ImportStageTimings = { phases: {}, plan: {} };
  const stageCpu = await cpuMeter(db);
  const stageStarted = performance.now();
  const staged = await uploadImport(ctx, { contentType: 'text/csv', chunks: createReadStream(file, { highWaterMark: 64 * 1024 }) }, {}, { timings: stageTimings });
  const stageMs = performance.now() - stageStarted;
  const stageCpuUsed = await stageCpu.stop();
  const stageLoad = loadAverage();
  rmSync(file);
  process.stdout.write(
    `stage: ${staged.rowCount} rows in ${seconds(stageMs)} (${Math.round(staged.rowCount / (stageMs / 1000))} rows/s); counts ${JSON.stringify(staged.counts)}\n` +
      `stage phases: reading the file ${seconds(stageMs - Object.values(stageTimings.phases).reduce((sum, ms) => sum + (ms ?? 0), 0))}, ${phases(IMPORT_STAGE_PHASES, stageTimings.phases)}; ` +
      `within plan: ${phases(PLAN_PHASES, stageTimings.plan)}\n` +
      `stage CPU: ${stageCpuUsed.process.toFixed(1)} s in this process, ${stageCpuUsed.server.toFixed(1)} s in the database server; load average ${stageLoad}\n`,
  );

  // The run: the job queued as POST /contacts/imports/{id}/run queues it, its steps taken by a runner as the service's.
  const runTimings: ImportRunTimings = { phases: {}, plan: {}, bulk: {} };
  const steps: { ms: number; rows: number }[] = [];
  const timedHandler: AnyJobHandler = {
    ...contactImportJob,
    async step(input) {
      const started = performance.now();
      const before = (input.checkpoint as { done?: number } | null)?.done ?? 0;
      const result = await importRunStep(input, runTimings);
      const ms = performance.now() - started;
      const done = result.progress.done;
      steps.push({ ms, rows: done - before });
      if (VERBOSE) {
        const memory = process.memoryUsage();
        process.stdout.write(`step ${steps.length}: ${done - before} rows in ${ms.toFixed(0)} ms; ${done} of ${result.progress.total}; rss ${Math.round(memory.rss / 1048576)} MB\n`);
      }
      return result;
    },
  };
  const runner = new JobRunner({ db, handlers: [timedHandler], log: ctx.log, today: () => ctx.workDate, idleMs: 50 });
  const runCpu = await cpuMeter(db);
  const runStarted = performance.now();
  const queued = await runImport(ctx, staged.id, { duplicates: 'skip' });
  runner.start();
  let job = await getJob(db, TENANT, queued.id);
  while (job && (job.status === 'queued' || job.status === 'running')) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await getJob(db, TENANT, queued.id);
  }
  const runMs = performance.now() - runStarted;
  await runner.stop();
  const runCpuUsed = await runCpu.stop();
  const rssGrowthMb = rss.stop();
  if (job?.status !== 'succeeded') throw new Error(`the import's job ended ${job?.status}: ${JSON.stringify(job?.error)}`);

  const applied = steps.reduce((sum, step) => sum + step.rows, 0);
  const stepMs = steps.reduce((sum, step) => sum + step.ms, 0);
  const sortedSteps = steps.map((step) => step.ms).sort((a, b) => a - b);
  const stored = await storedCounts(db, TENANT);
  await db.close();
  const outcome = job.outcome as Record<string, number>;
  if (stored.contacts !== outcome.created) throw new Error(`stored ${stored?.contacts} contacts, the job says it created ${outcome.created}`);

  process.stdout.write(
    `run: ${applied} rows in ${seconds(runMs)} (${Math.round(applied / (runMs / 1000))} rows/s), ${steps.length} steps taking ${seconds(stepMs)} ` +
      `(median ${sortedSteps[Math.floor(sortedSteps.length / 2)]?.toFixed(0)} ms, longest ${sortedSteps.at(-1)?.toFixed(0)} ms, up to ${Math.max(...steps.map((step) => step.rows))} rows); ` +
      `outcome ${JSON.stringify(outcome)}\n` +
      `run phases: ${phases(IMPORT_RUN_PHASES, runTimings.phases)}; job bookkeeping and commits ${seconds(runMs - stepMs)}\n` +
      `within plan: ${phases(PLAN_PHASES, runTimings.plan)}; within create: ${phases(BULK_CREATE_PHASES, runTimings.bulk)}\n` +
      `run CPU: ${runCpuUsed.process.toFixed(1)} s in this process, ${runCpuUsed.server.toFixed(1)} s in the database server\n` +
      `stored ${stored.contacts} contacts, ${stored.strings} duplicate strings, ${stored.pairs} pairs; load average ${loadAverage()}\n`,
  );
  if (ENGINE !== 'postgres') return;
  report(
    'contact-import',
    [
      { name: 'import_stage_rows_per_s', value: Math.round(staged.rowCount / (stageMs / 1000)), unit: 'rows/s', goal: 5_000, better: 'higher' },
      { name: 'import_run_rows_per_s', value: Math.round(applied / (runMs / 1000)), unit: 'rows/s', goal: 5_000, better: 'higher' },
      { name: 'import_rss_growth_mb', value: rssGrowthMb, unit: 'MB', goal: 200, better: 'lower' },
    ],
    {
      companies: generated.companies,
      persons: generated.persons,
      fileBytes: generated.bytes,
      engine: ENGINE,
      counts: staged.counts,
      outcome,
      steps: steps.length,
      stagePhasesMs: stageTimings,
      runPhasesMs: runTimings,
      cpuSeconds: { stage: stageCpuUsed.process, stageServer: stageCpuUsed.server, run: runCpuUsed.process, runServer: runCpuUsed.server },
      loadAverage: { stage: stageLoad, end: loadAverage() },
    },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
