/**
 * A diagnosis, not a benchmark with a goal: how fast the pages of an initial sync go into
 * IndexedDB when written in different ways (see browser/sync-apply-probe-page.ts). The pages are
 * downloaded first, so no variant waits for the network or the server.
 *
 *   npx tsx bench/lib/sync-apply-probe.ts        (BENCH_PROBE_CONTACTS, default 20,000)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { buildApp } from '../../src/server/http/app';
import { API_ROUTES } from '../../src/server/routes';
import { createTestSigner } from '../../test/helpers/tokens';
import type { ProbeResult, ProbeVariant, ProbeWindow } from './browser/sync-apply-probe-page';
import { BENCH_PAGE_PATH, bundleBenchPage, serveBenchPage } from './sync-page-bundle';
import { BENCH_USER, openSyncBenchDb, seedSyncTenant } from './sync-seed';

const CONTACTS = Number(process.env.BENCH_PROBE_CONTACTS ?? 20_000);
const TENANT = '0c4b8e21-6a3f-4d97-b2e5-81f07a9c3d64';
const FULL_SCHEMA = ',$g,*$emails,*$domains,companyNo';

const VARIANTS: ProbeVariant[] = [
  { label: 'store applyPullPage (as shipped)', kind: 'store' },
  { label: 'dexie bulkPut, all 4 indexes', kind: 'dexie', schema: FULL_SCHEMA },
  { label: 'dexie, no secondary index', kind: 'dexie', schema: '' },
  { label: 'dexie, bulkPut by 250 rows', kind: 'dexie', schema: FULL_SCHEMA, chunk: 250 },
  { label: 'dexie, durability relaxed', kind: 'dexie', schema: FULL_SCHEMA, durability: 'relaxed' },
  { label: 'raw IndexedDB put loop', kind: 'idb', schema: FULL_SCHEMA },
  { label: 'dexie, 3-field stub rows, no index', kind: 'dexie', schema: '', shape: 'tiny' },
  { label: 'dexie, row as JSON string, no index', kind: 'dexie', schema: '', shape: 'json' },
  { label: 'dexie, 100 rows per record, no index', kind: 'dexie', schema: '', bucket: 100 },
];
const ROUNDS = Number(process.env.BENCH_PROBE_ROUNDS ?? 3);
const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by each Chromium process kind (browser, renderer, utility sub-type…), from /proc. */
function chromiumCpu(): Map<string, number> {
  const used = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // Chromium rewrites its children's argv into one string: split on NULs and spaces alike.
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!cmdline[0]?.includes('chromium')) continue;
      const type = cmdline.find((arg) => arg.startsWith('--type='))?.slice(7) ?? 'browser';
      const sub = cmdline.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19);
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const kind = sub ? `${type}:${sub.split('.').pop()}` : type;
      used.set(kind, (used.get(kind) ?? 0) + ticks / TICKS_PER_SECOND);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return used;
}

const cpuDelta = (before: Map<string, number>, after: Map<string, number>) =>
  [...after.entries()]
    .map(([kind, seconds]) => [kind, seconds - (before.get(kind) ?? 0)] as const)
    .filter(([, seconds]) => seconds >= 0.05)
    .map(([kind, seconds]) => `${kind} ${seconds.toFixed(1)}s`)
    .join(', ');

async function main(): Promise<void> {
  const database = await openSyncBenchDb(undefined, '');
  await seedSyncTenant(database.db, TENANT, CONTACTS, 10_000, 5);
  const bundle = await bundleBenchPage({ minify: true, entry: 'browser/sync-apply-probe-page.ts' });
  const signer = await createTestSigner();
  const app = await buildApp({ db: database.db, verifyToken: signer.verifier, routes: API_ROUTES, version: 'probe', publicUrl: 'http://127.0.0.1', logLevel: 'silent', extend: serveBenchPage(bundle) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const token = await signer.sign({ tenantId: TENANT, email: BENCH_USER.email, name: BENCH_USER.name }, { expiresIn: 3600 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-probe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}${BENCH_PAGE_PATH}`);
    await page.waitForFunction(() => (window as unknown as ProbeWindow).rapportProbe !== undefined);
    const rows = await page.evaluate(([bearer, count]) => (window as unknown as ProbeWindow).rapportProbe?.download(bearer, count), [token, Math.ceil(CONTACTS / 2000) + 1] as const);
    process.stdout.write(`${rows} contact rows downloaded; writing them ${VARIANTS.length} ways\n`);
    for (let round = 0; round < ROUNDS; round++) for (const variant of VARIANTS) {
      const cpuBefore = chromiumCpu();
      const result = (await page.evaluate((value) => (window as unknown as ProbeWindow).rapportProbe?.run(value), variant)) as ProbeResult;
      const cpu = cpuDelta(cpuBefore, chromiumCpu());
      process.stdout.write(
        `${result.label.padEnd(36)} ${String(result.rowsPerSecond).padStart(6)} rows/s  ${String(result.elapsedMs).padStart(6)} ms  page p50 ${String(result.applyP50Ms).padStart(4)} ms  long tasks ${result.longTasks}, longest ${result.longestTaskMs} ms  cpu ${cpu}\n`,
      );
    }
  } finally {
    await context.close();
    await app.close();
    await database.dispose();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
