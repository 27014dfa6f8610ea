/**
 * Contact export of 1,000,000 contacts on PostgreSQL (goal ≥ 50,000 rows/s): the CSV stream of
 * `GET /contacts/export` consumed as the HTTP layer would, with the process's RSS growth beside it.
 *
 * Needs PostgreSQL; the data set is `bench/lib/million-contacts.ts`'s.
 */
import { contactsAsCsv } from '../src/server/modules/contacts/contact-export';
import { CONTACT_COUNT, millionContacts, TENANT } from './lib/million-contacts';
import { report } from './lib/report';

const RUNS = 3;

async function main() {
  const db = await millionContacts();
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
