/**
 * Contact list, search and filters over 1,000,000 contacts on PostgreSQL (goal ≤ 50 ms p95 per
 * page): the first and a deep keyset page, a type filter, a company's persons, a name prefix, an
 * e-mail search, and the filters by salesperson, territory, business relation, city and
 * country/region, each through the same repository call `GET /contacts` makes, 50 contacts a page.
 * Needs PostgreSQL; the data set is `bench/lib/million-contacts.ts`'s.
 *
 * The filters use values the data set holds. Where it holds none (no territories, no business
 * relations), a fixture gives them — every tenth contact a territory, every third company the
 * customers' code, every thousandth a rare code — inside a transaction rolled back at the end, so
 * the shared data set is left as it was.
 */
import type { Queryable } from '../src/server/db/db';
import { listContacts, type ContactListFilter } from '../src/server/modules/contacts/contact-repository';
import { CONTACT_COUNT, millionContacts, TENANT } from './lib/million-contacts';
import { percentile, report, type Figure } from './lib/report';

const RUNS = 100;
const PAGE = 51; // the route asks for one more than it shows, to know whether there is a next page

type Cases = Record<string, (run: number) => Omit<ContactListFilter, 'limit'>>;

const contactNo = (n: number) => `CT${String(n).padStart(7, '0')}`;
/** A keyset that moves through the whole number range from run to run. */
const afterOf = (run: number) => contactNo((run * 9_973) % CONTACT_COUNT);

async function measure(db: Queryable, cases: Cases): Promise<Figure[]> {
  const figures: Figure[] = [];
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
    figures.push({ name: `list_${name}_p95`, value: percentile(samples, 95), unit: 'ms', goal: 50, better: 'lower' });
  }
  return figures;
}

/** The most and the least frequent non-blank value of a contact column, if the data set holds any. */
async function valuesOf(db: Queryable, column: string): Promise<{ common: string; rare: string } | undefined> {
  const rows = await db.query<{ value: string }>(
    `SELECT ${column} AS value FROM contact WHERE tenant_id = $1 AND ${column} <> '' GROUP BY ${column} ORDER BY count(*) DESC, ${column}`,
    [TENANT],
  );
  const [first, last] = [rows[0], rows.at(-1)];
  return first && last ? { common: first.value, rare: last.value } : undefined;
}

async function relationCodesOf(db: Queryable): Promise<{ common: string; rare: string } | undefined> {
  const rows = await db.query<{ code: string }>(
    'SELECT business_relation_code AS code FROM contact_business_relation WHERE tenant_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1',
    [TENANT],
  );
  const [first, last] = [rows[0], rows.at(-1)];
  return first && last ? { common: first.code, rare: last.code } : undefined;
}

/** Territories and business relations for a data set without them; undone with the transaction. */
async function addFixture(tx: Queryable, missing: { territories: boolean; relations: boolean }): Promise<void> {
  if (missing.territories) {
    await tx.query(`UPDATE contact SET territory_code = 'T' || (substr(no, 3)::int / 10 % 7) WHERE tenant_id = $1 AND substr(no, 3)::int % 10 = 0`, [TENANT]);
  }
  if (missing.relations) {
    // A company's number ends in 1 or 6 (one company per five contacts): every third is a customer, every thousandth is press.
    await tx.query(
      `INSERT INTO contact_business_relation (tenant_id, contact_no, business_relation_code)
       SELECT tenant_id, no, 'CUST' FROM contact WHERE tenant_id = $1 AND type = 'company' AND substr(no, 3)::int % 3 = 0
       UNION ALL
       SELECT tenant_id, no, 'PRESS' FROM contact WHERE tenant_id = $1 AND type = 'company' AND substr(no, 3)::int % 1000 = 1`,
      [TENANT],
    );
  }
  await tx.query('ANALYZE contact');
  await tx.query('ANALYZE contact_business_relation');
}

class RollBack extends Error {}

async function main() {
  const db = await millionContacts();
  const company = (n: number) => contactNo(n - ((n - 1) % 5));
  const salespeople = await valuesOf(db, 'salesperson_code');
  const cities = await valuesOf(db, 'city');
  const countries = await valuesOf(db, 'country_region_code');
  if (!salespeople || !cities || !countries) throw new Error('The data set holds no salespeople, cities or countries.');
  const figures = await measure(db, {
    first_page: () => ({}),
    deep_page: (run) => ({ after: contactNo(500_000 + run * 997) }),
    persons: (run) => ({ type: 'person', after: contactNo(run * 7919) }),
    company_persons: (run) => ({ companyNo: company(1 + run * 9973) }),
    name_prefix: (run) => ({ q: `Fjord Trading ${1 + run * 50}` }),
    email_search: (run) => ({ q: `c${2 + run * 9001}@fjord.example` }),
    salesperson: (run) => ({ salespersonCode: salespeople.common, after: afterOf(run) }),
    salesperson_rare: () => ({ salespersonCode: salespeople.rare }),
    city: (run) => ({ city: cities.rare.toUpperCase(), after: afterOf(run) }),
    country_persons: (run) => ({ countryRegionCode: countries.rare, type: 'person', after: afterOf(run) }),
  });

  const territories = await valuesOf(db, 'territory_code');
  const relations = await relationCodesOf(db);
  const fixture = { territories: !territories, relations: !relations };
  try {
    await db.transaction(async (tx) => {
      if (fixture.territories || fixture.relations) await addFixture(tx, fixture);
      const territory = territories ?? (await valuesOf(tx, 'territory_code'));
      const codes = relations ?? (await relationCodesOf(tx));
      if (!territory || !codes) throw new Error('The fixture holds no territories or business relations.');
      figures.push(
        ...(await measure(tx, {
          territory: (run) => ({ territoryCode: territory.common, after: afterOf(run) }),
          business_relation: (run) => ({ businessRelationCode: codes.common, after: afterOf(run) }),
          business_relation_rare: (run) => ({ businessRelationCode: codes.rare, after: afterOf(run % 10) }),
          business_relation_persons_city: (run) => ({ businessRelationCode: codes.common, type: 'person', city: cities.common, after: afterOf(run) }),
        })),
      );
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  await db.close();
  report('contact-list', figures, {
    contacts: CONTACT_COUNT,
    runs: RUNS,
    pageSize: PAGE - 1,
    engine: 'postgres',
    territories: fixture.territories ? 'fixture, rolled back' : 'data set',
    businessRelations: fixture.relations ? 'fixture, rolled back' : 'data set',
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
