/**
 * A diagnosis, not a benchmark with a goal: where the service's time goes in the pages of an
 * initial sync. Calls the pull service page after page, as the route does, with every SQL
 * statement timed, then the JSON encoding of each answer; prints the query plan of the slowest
 * statement.
 *
 *   npx tsx bench/lib/sync-pull-probe.ts    (BENCH_DATABASE_URL for PostgreSQL, BENCH_PROBE_CONTACTS, default 100,000)
 */
import pino from 'pino';
import { DEFAULT_PULL_LIMIT, SYNC_SCHEMA_VERSION } from '../../src/contract/sync';
import type { Db } from '../../src/server/db/db';
import type { RequestContext } from '../../src/server/http/route';
import { pull } from '../../src/server/modules/sync/pull-service';
import { percentile } from './report';
import { BENCH_USER, openSyncBenchDb, seedSyncTenant } from './sync-seed';

const CONTACTS = Number(process.env.BENCH_PROBE_CONTACTS ?? 100_000);
const TENANT = '7d21f6b0-3c84-4e5a-9f17-a0b6c2d8e943';

type Statement = { sql: string; params: readonly unknown[]; ms: number };

/** The database with every statement's text, parameters and time noted in `log`. */
function timedDb(db: Db, log: Statement[]): Db {
  const timed = async <T>(sql: string, params: readonly unknown[] | undefined, run: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    const result = await run();
    log.push({ sql, params: params ?? [], ms: Number(process.hrtime.bigint() - started) / 1e6 });
    return result;
  };
  return {
    ...db,
    query: (sql, params) => timed(sql, params, () => db.query(sql, params)),
    transaction: (work) => db.transaction((tx) => work({ query: (sql, params) => timed(sql, params, () => tx.query(sql, params)) })),
  };
}

const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);

async function main(): Promise<void> {
  const database = await openSyncBenchDb(process.env.BENCH_DATABASE_URL, 'rapport_bench_sync_probe');
  await seedSyncTenant(database.db, TENANT, CONTACTS, 10_000, 23);
  const statements: Statement[] = [];
  const ctx: RequestContext = {
    db: timedDb(database.db, statements),
    identity: { tenantId: TENANT, userId: 'probe', email: BENCH_USER.email, name: BENCH_USER.name, roles: [] },
    log: pino({ level: 'silent' }),
    workDate: new Date().toISOString().slice(0, 10),
    currentSalespersonCode: async () => BENCH_USER.salespersonCode,
  };
  const handlerMs: number[] = [];
  const jsonMs: number[] = [];
  const bytes: number[] = [];
  let cursor: string | null = null;
  for (;;) {
    const started = process.hrtime.bigint();
    const page = await pull(ctx, { schemaVersion: SYNC_SCHEMA_VERSION, clientGroupId: 'probe-client-group', cursor, limit: DEFAULT_PULL_LIMIT });
    const pulled = process.hrtime.bigint();
    const body = JSON.stringify(page);
    jsonMs.push(Number(process.hrtime.bigint() - pulled) / 1e6);
    handlerMs.push(Number(pulled - started) / 1e6);
    bytes.push(Buffer.byteLength(body));
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const pages = handlerMs.length;
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  process.stdout.write(
    `${database.engine}, ${CONTACTS} contacts, ${pages} pages of ${DEFAULT_PULL_LIMIT}: pull() p50 ${percentile(handlerMs, 50).toFixed(1)} ms (total ${Math.round(sum(handlerMs))} ms), JSON.stringify p50 ${percentile(jsonMs, 50).toFixed(1)} ms, ${Math.round(percentile(bytes, 50) / 1024)} KiB\n`,
  );

  const byLabel = new Map<string, Statement[]>();
  for (const statement of statements) byLabel.set(label(statement.sql), [...(byLabel.get(label(statement.sql)) ?? []), statement]);
  const rows = [...byLabel.entries()].map(([text, runs]) => ({ text, runs, total: sum(runs.map((run) => run.ms)) })).sort((a, b) => b.total - a.total);
  process.stdout.write('statements by total time:\n');
  for (const row of rows.slice(0, 12)) {
    process.stdout.write(`  ${String(Math.round(row.total)).padStart(6)} ms  ${String(row.runs.length).padStart(4)}×  p50 ${percentile(row.runs.map((run) => run.ms), 50).toFixed(1).padStart(6)} ms  ${row.text}\n`);
  }
  const slowest = rows[0]?.runs.sort((a, b) => b.ms - a.ms)[Math.floor((rows[0]?.runs.length ?? 0) / 2)];
  if (slowest) {
    const plan = await database.db.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.sql}`, slowest.params);
    process.stdout.write(`plan of a median run of the costliest statement:\n${plan.map((line) => `  ${String(Object.values(line)[0])}`).join('\n')}\n`);
  }
  await database.dispose();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
