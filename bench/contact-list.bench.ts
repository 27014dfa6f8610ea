/**
 * Contact list, search and filters over 1,000,000 contacts on PostgreSQL (goal ≤ 50 ms p95 per
 * page): the first and a deep keyset page, a type filter, a company's persons, a name prefix and an
 * e-mail search, each through the same repository call `GET /contacts` makes, 50 contacts a page.
 * Needs PostgreSQL; the data set is `bench/lib/million-contacts.ts`'s.
 */
import { listContacts, type ContactListFilter } from '../src/server/modules/contacts/contact-repository';
import { CONTACT_COUNT, millionContacts, TENANT } from './lib/million-contacts';
import { percentile, report } from './lib/report';

const RUNS = 100;
const PAGE = 51; // the route asks for one more than it shows, to know whether there is a next page

async function main() {
  const db = await millionContacts();
  const company = (n: number) => `CT${String(n - ((n - 1) % 5)).padStart(7, '0')}`;
  const cases: Record<string, (run: number) => Omit<ContactListFilter, 'limit'>> = {
    first_page: () => ({}),
    deep_page: (run) => ({ after: `CT${String(500_000 + run * 997).padStart(7, '0')}` }),
    persons: (run) => ({ type: 'person', after: `CT${String(run * 7919).padStart(7, '0')}` }),
    company_persons: (run) => ({ companyNo: company(1 + run * 9973) }),
    name_prefix: (run) => ({ q: `Fjord Trading ${1 + run * 50}` }),
    email_search: (run) => ({ q: `c${2 + run * 9001}@fjord.example` }),
  };
  const figures = [];
  for (const [name, filterOf] of Object.entries(cases)) {
    for (let warm = 0; warm < 5; warm++) await listContacts(db, TENANT, { ...filterOf(warm), limit: PAGE });
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const page = await listContacts(db, TENANT, { ...filterOf(run), limit: PAGE });
      samples.push(performance.now() - started);
      if (page.length === 0) throw new Error(`${name} found nothing on run ${run}`);
    }
    process.stdout.write(`${name}: p50 ${percentile(samples, 50).toFixed(2)} ms\n`);
    figures.push({ name: `list_${name}_p95`, value: percentile(samples, 95), unit: 'ms', goal: 50, better: 'lower' as const });
  }
  await db.close();
  report('contact-list', figures, { contacts: CONTACT_COUNT, runs: RUNS, pageSize: PAGE - 1, engine: 'postgres' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
