/**
 * What the benchmarks that write contacts in bulk (contact-import, contact-bulk-create) share: an
 * emptied database of their own with a tenant and its salespeople, and the CPU time of the
 * process and of the database server's processes serving it. With both CPU figures a run on a
 * busy machine still tells what the work costs, apart from the time spent waiting for a core.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import type { Db } from '../../src/server/db/db';
import { migrate } from '../../src/server/db/migrate';
import { openPgliteDb } from '../../src/server/db/pglite-db';
import { openPostgresDb } from '../../src/server/db/postgres-db';
import { ensureTenant } from '../../src/server/modules/tenancy/tenant-provisioning';

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The salespeople the generated contacts name. */
export const BENCH_SALESPEOPLE = ['AL', 'EB', 'JH', 'PV', 'MV', 'KM'];

/**
 * The database `database` on BENCH_DATABASE_URL's server (created if missing), its schema dropped
 * and migrated again, with `tenant` and its salespeople; on PGlite, a new in-memory database.
 */
export async function openEmptiedBenchDb(options: { database: string; tenant: string; engine?: 'postgres' | 'pglite'; maxConnections?: number }): Promise<Db> {
  let db: Db;
  if (options.engine === 'pglite') db = await openPgliteDb();
  else {
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database])).rowCount === 0) await admin.query(`CREATE DATABASE ${options.database}`);
    await admin.end();
    const url = new URL(SERVER_URL);
    url.pathname = `/${options.database}`;
    db = await openPostgresDb({ connectionString: url.toString(), maxConnections: options.maxConnections ?? 4 });
    await db.query('DROP SCHEMA public CASCADE');
    await db.query('CREATE SCHEMA public');
  }
  await migrate(db);
  await ensureTenant(db, options.tenant);
  for (const code of BENCH_SALESPEOPLE) await db.query('INSERT INTO salesperson (tenant_id, code, name) VALUES ($1, $2, $3)', [options.tenant, code, `Salesperson ${code}`]);
  return db;
}

/** CPU seconds each server process serving this database has used so far, by pid; null when /proc cannot tell (PGlite, a remote server). */
async function serverCpuByPid(db: Db): Promise<Map<number, number> | null> {
  if (db.engine !== 'postgres') return null;
  const rows = await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'");
  try {
    const ticks = 100; // USER_HZ on Linux
    return new Map(
      rows.map((row) => {
        const fields = readFileSync(`/proc/${row.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        return [row.pid, (Number(fields[11]) + Number(fields[12])) / ticks];
      }),
    );
  } catch {
    return null;
  }
}

export type CpuTimes = { process: number; server: number };

/**
 * Starts measuring the CPU time of this process and of the database server's processes serving
 * `db` (Linux /proc; the server must run on this machine). `stop` answers the seconds of each
 * since the start; `server` is NaN when it cannot be read. A connection opened meanwhile counts
 * from its start.
 */
export async function cpuMeter(db: Db): Promise<{ stop: () => Promise<CpuTimes> }> {
  const processBefore = process.cpuUsage();
  const serverBefore = await serverCpuByPid(db);
  return {
    async stop() {
      const used = process.cpuUsage(processBefore);
      const serverAfter = await serverCpuByPid(db);
      const server =
        serverBefore && serverAfter ? [...serverAfter].reduce((sum, [pid, seconds]) => sum + seconds - (serverBefore.get(pid) ?? 0), 0) : Number.NaN;
      return { process: (used.user + used.system) / 1e6, server };
    },
  };
}

/** Samples the process's resident memory every 50 ms: `growthMb` is the peak above what it was at the start. */
export function rssSampler(): { stop: () => number; sample: () => void } {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round((peak - before) / 1048576);
    },
  };
}

export const loadAverage = (): string =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

/** What the tenant holds after a run: contacts, duplicate search strings (each string of each contact) and duplicate pairs. */
export async function storedCounts(db: Db, tenantId: string): Promise<{ contacts: number; strings: number; pairs: number }> {
  const [row] = await db.query<{ contacts: number; strings: number; pairs: number }>(
    `SELECT (SELECT count(*) FROM contact WHERE tenant_id = $1)::int AS contacts,
            (SELECT COALESCE(sum(cardinality(strings)), 0) FROM contact_duplicate_strings WHERE tenant_id = $1)::int AS strings,
            (SELECT count(*) FROM contact_duplicate WHERE tenant_id = $1)::int AS pairs`,
    [tenantId],
  );
  return row ?? { contacts: 0, strings: 0, pairs: 0 };
}
