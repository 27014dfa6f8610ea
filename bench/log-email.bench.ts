/**
 * Log one e-mail sent to 10 contacts (one transaction: address matching, ten interactions) on
 * PostgreSQL; goal ≤ 20 ms p95. Measures the service call a request runs, over 10,000 contacts.
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * the data lives in the database `rapport_bench_log`, rebuilt on every run.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { migrate } from '../src/server/db/migrate';
import { openPostgresDb } from '../src/server/db/postgres-db';
import type { RequestContext } from '../src/server/http/route';
import { logEmail } from '../src/server/modules/interactions/interaction-service';
import { upsertSalesperson } from '../src/server/modules/salespeople/salesperson-repository';
import { ensureTenant } from '../src/server/modules/tenancy/tenant-provisioning';
import { percentile, report } from './lib/report';
import { syntheticContacts } from './lib/synthetic-contacts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'rapport_bench_log';
const TENANT = 'bench-tenant';
const CONTACTS = 10_000;
const RUNS = 300;
const WARM_UP = 30;

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${DATABASE}`;
  const db = await openPostgresDb({ connectionString: url.toString() });
  await migrate(db);
  await ensureTenant(db, TENANT);
  await db.transaction((tx) => upsertSalesperson(tx, TENANT, { code: 'AL', name: 'Anna Lindqvist', email: 'anna@nordlys.example', jobTitle: '', phoneNo: '', blocked: false, privacyBlocked: false }));

  const contacts = [...syntheticContacts(CONTACTS, 11)];
  await db.query(
    `INSERT INTO contact (tenant_id, no, type, name, company_no, email, search_email)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [TENANT, contacts.map((c) => c.no), contacts.map((c) => c.type), contacts.map((c) => c.name), contacts.map((c) => c.companyNo), contacts.map((c) => c.email), contacts.map((c) => c.email.toLowerCase())],
  );
  await db.query('ANALYZE');

  const ctx: RequestContext = {
    db,
    identity: { tenantId: TENANT, userId: 'bench', email: 'anna@nordlys.example', name: 'Anna', roles: [] },
    log: pino({ level: 'silent' }),
    workDate: '2025-03-05',
    currentSalespersonCode: async () => 'AL',
  };
  const timings: number[] = [];
  for (let run = 0; run < RUNS + WARM_UP; run++) {
    const recipients = Array.from({ length: 10 }, (_unused, index) => contacts[(run * 37 + index * 101) % contacts.length]).map((c) => ({ name: c?.name ?? '', address: c?.email ?? '' }));
    const started = process.hrtime.bigint();
    const result = await logEmail(ctx, {
      internetMessageId: `<${randomUUID()}@nordlys.example>`,
      conversationId: '',
      subject: `Price list ${run}`,
      from: { name: 'Anna Lindqvist', address: 'anna@nordlys.example' },
      to: recipients.slice(0, 5),
      cc: recipients.slice(5),
      sentAt: '2025-03-05T10:00:00Z',
      bodyText: '',
      attachmentNames: [],
      contactNos: [],
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.interactions.length !== 10) throw new Error(`expected 10 interactions, got ${result.interactions.length}`);
    if (run >= WARM_UP) timings.push(elapsed);
  }
  report(
    'log-email',
    [
      { name: 'log_email_10_recipients_p50', value: percentile(timings, 50), unit: 'ms', goal: 20, better: 'lower' },
      { name: 'log_email_10_recipients_p95', value: percentile(timings, 95), unit: 'ms', goal: 20, better: 'lower' },
    ],
    { engine: 'postgres', contacts: CONTACTS, runs: timings.length },
  );
  await db.close();
}

void main();
