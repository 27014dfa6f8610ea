/**
 * Segment actions over 1,000,000 contacts on PostgreSQL (goal ≤ 2,000 ms p95 per action): Add,
 * Reduce and Refine Contacts and their preview, each through the service function its route calls
 * (`applySegmentAction` for `POST /segments/{no}/contacts`, `previewSegmentAction` for
 * `…/contacts/preview`) with a manager's RequestContext, in its own committed transaction as a
 * request runs it. Needs PostgreSQL; the data set is `bench/lib/million-contacts.ts`'s.
 *
 * Three scratch segments: one empty before every Add, a small one (last week's meetings with their
 * companies: hundreds of lines) and a large one (the newsletter and Christmas card recipients: over
 * a hundred thousand lines). After every action Go Back (`goBackSegment`, `POST …/go-back`) puts
 * the segment back as it was, so runs are independent; Go Back is timed too. The segments' tables
 * are vacuumed between cases, as autovacuum would between a manager's sessions. The scratch
 * segments are deleted at the end (and at the start, should a run have been cut short), so the
 * shared data set is left as it was. BENCH_SEGMENT_RUNS sets the runs per case (default 20).
 */
import { loadavg } from 'node:os';
import pino from 'pino';
import type { z } from 'zod';
import { segmentActionSchema, segmentCreateSchema } from '../src/contract/segments';
import type { Db } from '../src/server/db/db';
import type { RequestContext } from '../src/server/http/route';
import { applySegmentAction, createSegment, goBackSegment, previewSegmentAction } from '../src/server/modules/segments/segment-service';
import { tenantWriteDb } from '../src/server/modules/sync/sync-repository';
import { CONTACT_COUNT, millionContacts, TENANT } from './lib/million-contacts';
import { percentile, report, type Figure } from './lib/report';

const RUNS = Number(process.env.BENCH_SEGMENT_RUNS ?? 20);
const GOAL_MS = 2_000;
const SCRATCH_PREFIX = 'BENCHSEG-';

type ActionBody = z.input<typeof segmentActionSchema>;
type SegmentName = 'empty' | 'small' | 'large';

/** The scratch segments, each built (once, committed) by the action given. */
const SEGMENTS: Record<SegmentName, { no: string; description: string; build?: ActionBody }> = {
  empty: { no: `${SCRATCH_PREFIX}NEW`, description: 'Empty before every add' },
  small: {
    no: `${SCRATCH_PREFIX}SMALL`,
    description: "Last week's meetings, with their companies",
    build: { action: 'add', criteria: { interaction: { interactionTemplateCode: 'MEETING', dateFrom: '2025-03-03', dateTo: '2025-03-09' } }, options: { allowRelatedCompanies: true } },
  },
  large: {
    no: `${SCRATCH_PREFIX}LARGE`,
    description: 'Newsletter and Christmas card recipients',
    build: { action: 'add', criteria: { mailingGroup: ['NEWSLETTER', 'XMAS'] } },
  },
};

/** One action a manager runs: applied (then undone by Go Back) or previewed. */
type Case = { name: string; segment: SegmentName; preview?: true; body: ActionBody };

const CASES: readonly Case[] = [
  // Add to an empty segment.
  {
    name: 'add_companies_by_industry_and_country',
    segment: 'empty',
    body: { action: 'add', criteria: { contact: { type: 'company', countryRegionCode: 'DK' }, industryGroup: ['RETAIL', 'WHOLESALE'] } },
  },
  {
    name: 'add_persons_by_mailing_group_and_job',
    segment: 'empty',
    body: { action: 'add', criteria: { contact: { type: 'person' }, mailingGroup: ['NEWSLETTER'], jobResponsibility: ['PURCHASE', 'SALES'] } },
  },
  {
    name: 'add_interactions_of_a_quarter_with_companies',
    segment: 'empty',
    body: { action: 'add', criteria: { interaction: { dateFrom: '2025-01-01', dateTo: '2025-03-31' } }, options: { allowRelatedCompanies: true } },
  },
  {
    name: 'add_customers_with_their_persons',
    segment: 'empty',
    body: { action: 'add', criteria: { contact: { type: 'company' }, businessRelation: ['CUST'] }, options: { expandCompanies: true } },
  },
  { name: 'add_mailing_groups', segment: 'empty', body: SEGMENTS.large.build as ActionBody },
  // Add to segments that have lines: each contact is checked against them.
  {
    name: 'add_to_small_wholesale_vendors_in_sweden',
    segment: 'small',
    body: { action: 'add', criteria: { contact: { countryRegionCode: 'SE' }, industryGroup: ['WHOLESALE'], businessRelation: ['VEND'] }, options: { expandCompanies: true } },
  },
  {
    name: 'add_to_large_event_guests_in_finland',
    segment: 'large',
    body: { action: 'add', criteria: { contact: { type: 'person', countryRegionCode: 'FI' }, mailingGroup: ['EVENTS'] } },
  },
  // Reduce and refine.
  { name: 'reduce_small_companies', segment: 'small', body: { action: 'reduce', criteria: { contact: { type: 'company' } } } },
  { name: 'refine_small_customers', segment: 'small', body: { action: 'refine', criteria: { businessRelation: ['CUST'] } } },
  { name: 'reduce_large_by_country', segment: 'large', body: { action: 'reduce', criteria: { contact: { countryRegionCode: 'DE' } } } },
  { name: 'reduce_large_by_job', segment: 'large', body: { action: 'reduce', criteria: { jobResponsibility: ['PURCHASE', 'FINANCE'] } } },
  { name: 'refine_large_by_industry', segment: 'large', body: { action: 'refine', criteria: { industryGroup: ['RETAIL', 'MANUFACT', 'SERVICES'] } } },
  // None of the large segment's contacts has an interaction in the data set: this refine empties it.
  { name: 'refine_large_by_interaction', segment: 'large', body: { action: 'refine', criteria: { interaction: { dateFrom: '2024-07-01', dateTo: '2025-06-30' } } } },
  // Previews: nothing changes.
  { name: 'preview_add_customers_with_their_persons', segment: 'empty', preview: true, body: { action: 'add', criteria: { contact: { type: 'company' }, businessRelation: ['CUST'] }, options: { expandCompanies: true } } },
  { name: 'preview_refine_large_by_industry', segment: 'large', preview: true, body: { action: 'refine', criteria: { industryGroup: ['RETAIL', 'MANUFACT', 'SERVICES'] } } },
];

const managerContext = (db: Db): RequestContext => ({
  db: tenantWriteDb(db, TENANT),
  identity: { tenantId: TENANT, userId: 'bench-manager', email: 'manager@bench.example', name: 'Bench Manager', roles: ['Rapport.Manager'] },
  log: pino({ level: 'warn' }),
  workDate: '2025-03-10',
  currentSalespersonCode: async () => '',
});

const load = () => loadavg()[0] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Deletes the scratch segments; triggers take their lines and criteria actions with them. */
async function dropScratchSegments(db: Db): Promise<void> {
  await db.query('DELETE FROM segment_header WHERE tenant_id = $1 AND no LIKE $2', [TENANT, `${SCRATCH_PREFIX}%`]);
  await vacuumSegments(db);
}

async function vacuumSegments(db: Db): Promise<void> {
  await db.query('VACUUM ANALYZE segment_header, segment_line, segment_criteria_action');
}

/** The scratch segments, created and filled through the service; returns each one's No. of Lines. */
async function createScratchSegments(ctx: RequestContext): Promise<Record<SegmentName, number>> {
  const lines = {} as Record<SegmentName, number>;
  for (const [name, segment] of Object.entries(SEGMENTS) as [SegmentName, (typeof SEGMENTS)[SegmentName]][]) {
    const created = await createSegment(ctx, segmentCreateSchema.parse({ no: segment.no, description: segment.description }));
    lines[name] = segment.build ? (await applySegmentAction(ctx, segment.no, segmentActionSchema.parse(segment.build))).noOfLines : created.noOfLines;
    process.stdout.write(`segment ${segment.no} (${segment.description}): ${lines[name]} lines\n`);
  }
  return lines;
}

type Measured = { name: string; actions: number[]; goBacks: number[]; changed: number; loads: number[] };

/**
 * Runs one case RUNS times after one run that warms the cache and is not counted. An applied action
 * is undone by Go Back after every run, and the segment must be back at its No. of Lines.
 */
async function measure(ctx: RequestContext, testCase: Case, linesBefore: number): Promise<Measured> {
  const segmentNo = SEGMENTS[testCase.segment].no;
  const body = segmentActionSchema.parse(testCase.body);
  const measured: Measured = { name: testCase.name, actions: [], goBacks: [], changed: Number.NaN, loads: [load()] };
  for (let run = -1; run < RUNS; run++) {
    let changed: number;
    let goBackMs: number | undefined;
    let actionMs: number;
    if (testCase.preview) {
      const { ms: took, result } = await timed(() => previewSegmentAction(ctx, segmentNo, body));
      actionMs = took;
      changed = result.added + result.removed;
      if (result.noOfLinesBefore !== linesBefore) throw new Error(`${testCase.name}: the segment has ${result.noOfLinesBefore} lines, expected ${linesBefore}`);
    } else {
      const { ms: took, result } = await timed(() => applySegmentAction(ctx, segmentNo, body));
      actionMs = took;
      changed = Math.abs(result.noOfLines - linesBefore);
      const back = await timed(() => goBackSegment(ctx, segmentNo));
      goBackMs = back.ms;
      if (back.result.noOfLines !== linesBefore) throw new Error(`${testCase.name}: Go Back left ${back.result.noOfLines} lines, expected ${linesBefore}`);
    }
    if (run >= 0 && changed !== measured.changed) throw new Error(`${testCase.name}: run ${run} changed ${changed} lines, the first ${measured.changed}`);
    measured.changed = changed;
    if (run < 0) continue;
    measured.actions.push(actionMs);
    if (goBackMs !== undefined) measured.goBacks.push(goBackMs);
  }
  measured.loads.push(load());
  const goBack = measured.goBacks.length > 0 ? `; go back p50 ${ms(percentile(measured.goBacks, 50))}, p95 ${ms(percentile(measured.goBacks, 95))}` : '';
  process.stdout.write(
    `${testCase.name} (${testCase.segment}, ${linesBefore} lines, ${testCase.preview ? 'would change' : 'changes'} ${measured.changed}): ` +
      `p50 ${ms(percentile(measured.actions, 50))}, p95 ${ms(percentile(measured.actions, 95))}, max ${ms(Math.max(...measured.actions))}${goBack}; ` +
      `load ${measured.loads.map((value) => value.toFixed(2)).join(' → ')}\n`,
  );
  return measured;
}

async function main() {
  const db = await millionContacts();
  const ctx = managerContext(db);
  const loads = [load()];
  process.stdout.write(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')} at the start\n`);
  const results: Measured[] = [];
  try {
    await dropScratchSegments(db);
    const lines = await createScratchSegments(ctx);
    await vacuumSegments(db);
    for (const testCase of CASES) {
      results.push(await measure(ctx, testCase, lines[testCase.segment]));
      await vacuumSegments(db);
      loads.push(load());
    }
  } finally {
    await dropScratchSegments(db);
    await db.close();
  }
  process.stdout.write(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')} at the end\n`);
  const all = results.flatMap((result) => result.actions);
  const goBacks = results.flatMap((result) => result.goBacks);
  process.stdout.write(`all actions: p50 ${ms(percentile(all, 50))}; go back: p50 ${ms(percentile(goBacks, 50))}\n`);
  const figure = (name: string, samples: number[]): Figure => ({ name, value: Math.round(percentile(samples, 95)), unit: 'ms', goal: GOAL_MS, better: 'lower' });
  report(
    'segment-actions',
    [...results.map((result) => figure(`${result.name}_p95`, result.actions)), figure('segment_actions_p95', all), figure('segment_go_back_p95', goBacks)],
    {
      contacts: CONTACT_COUNT,
      runs: RUNS,
      engine: 'postgres',
      loadAverage1m: { min: Math.min(...loads), max: Math.max(...loads) },
      cases: results.map((result) => ({
        name: result.name,
        linesChanged: result.changed,
        p50Ms: Math.round(percentile(result.actions, 50)),
        p95Ms: Math.round(percentile(result.actions, 95)),
        goBackP95Ms: result.goBacks.length > 0 ? Math.round(percentile(result.goBacks, 95)) : null,
        loadAverage1m: result.loads,
      })),
      p50Ms: Math.round(percentile(all, 50)),
    },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
