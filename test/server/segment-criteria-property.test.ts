import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { isRapportError } from '../../src/domain/errors';
import { applyAction, goBack, type InteractionEvaluation, type SegmentAction, type SegmentCriteria, type SegmentOptions } from '../../src/domain/segment/segment-criteria';
import type { Db } from '../../src/server/db/db';
import { applySegmentAction, deleteSegmentLine, getSegment, goBackSegment, putSegmentLine, reuseCriteria, saveCriteria } from '../../src/server/modules/segments/segment-service';
import { openTestDb, testEngines, type TestDb } from '../helpers/engines';
import { insertWorld, loadContactFacts, serviceContext, worldContact, type WorldContact } from '../helpers/segment-world';

/**
 * The criteria actions run in SQL against the in-memory reference of `src/domain/segment`: random
 * small worlds of contacts, random sequences of Add / Reduce / Refine with random criteria and
 * options, Go Back, lines typed and deleted by hand, and saved criteria re-applied must leave the
 * same lines, in the same order, as the reference does from the facts the service loaded before
 * the criteria ran in SQL. SEGMENT_PROPERTY_RUNS sets the number of runs per engine (default 100).
 */
const RUNS = Number(process.env.SEGMENT_PROPERTY_RUNS ?? 100);

const SALESPEOPLE = ['', 'AL', 'JO'];
const POST_CODES = ['', '1000', '2000'];
const COUNTRIES = ['', 'NO', 'SE'];
const TERRITORIES = ['', 'N', 'S'];
const SEARCH_NAMES = ['ADA', 'ADAM BERG', 'BERG', 'B_RG', 'A%B', 'ÅSA'];
const SEARCH_PREFIXES = ['a', 'AD', 'ADAM', 'B', 'B_', 'A%', 'å', 'Z'];
const MAILING_GROUPS = ['NEWS', 'XMAS'];
const JOB_RESPONSIBILITIES = ['PURCH', 'SALES'];
const INDUSTRY_GROUPS = ['RETAIL', 'MAN'];
const BUSINESS_RELATIONS = ['CUST', 'VEND'];
const DATES = ['2025-01-01', '2025-02-01', '2025-03-01'];
const SEGMENT_NOS = ['', 'SM1'];
const CAMPAIGNS = ['', 'CP1'];
const EVALUATIONS: InteractionEvaluation[] = ['', 'positive', 'negative'];
const TEMPLATES = ['BUS', 'MEETG'];

const interactionArb = fc.record({
  date: fc.constantFrom(...DATES),
  segmentNo: fc.constantFrom(...SEGMENT_NOS),
  campaignNo: fc.constantFrom(...CAMPAIGNS),
  evaluation: fc.constantFrom(...EVALUATIONS),
  interactionTemplateCode: fc.constantFrom(...TEMPLATES),
  salespersonCode: fc.constantFrom(...SALESPEOPLE),
  canceled: fc.constantFrom(false, false, false, true),
  postponed: fc.constantFrom(false, false, false, true),
});

const contactArb = fc.record({
  isCompany: fc.boolean(),
  companyPick: fc.option(fc.nat(), { nil: undefined }),
  searchName: fc.constantFrom(...SEARCH_NAMES),
  salespersonCode: fc.constantFrom(...SALESPEOPLE),
  postCode: fc.constantFrom(...POST_CODES),
  countryRegionCode: fc.constantFrom(...COUNTRIES),
  territoryCode: fc.constantFrom(...TERRITORIES),
  excludeFromSegment: fc.constantFrom(false, false, false, true),
  mailingGroups: fc.subarray(MAILING_GROUPS),
  jobResponsibilities: fc.subarray(JOB_RESPONSIBILITIES),
  industryGroups: fc.subarray(INDUSTRY_GROUPS),
  businessRelations: fc.subarray(BUSINESS_RELATIONS),
  interactions: fc.array(interactionArb, { maxLength: 2 }),
});

/** Contacts CT01… in number order; a person belongs to one of the companies, or to none. */
const worldArb = fc.array(contactArb, { minLength: 1, maxLength: 9 }).map((drafts) => {
  const numbered = drafts.map((draft, index) => ({ ...draft, no: `CT${String(index + 1).padStart(2, '0')}` }));
  const companies = numbered.filter((draft) => draft.isCompany).map((draft) => draft.no);
  return numbered.map(({ isCompany, companyPick, ...draft }): WorldContact => {
    const companyNo = isCompany ? draft.no : companyPick === undefined || companies.length === 0 ? '' : (companies[companyPick % companies.length] ?? '');
    return worldContact({ ...draft, type: isCompany ? 'company' : 'person', companyNo });
  });
});

/** A section in one criteria out of four, so that most criteria have a section or two and select someone. */
const some = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const codes = (values: readonly string[]) => some(fc.subarray([...values, 'OTHER'], { maxLength: 2 }));

/** One or two of the fields of `fields`, so that a section filters without ruling everyone out. */
const oneOrTwoOf = <T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<Partial<T>> =>
  fc
    .tuple(fc.record(fields), fc.subarray(Object.keys(fields), { minLength: 1, maxLength: 2 }))
    .map(([values, keys]) => Object.fromEntries(keys.map((key) => [key, values[key]])) as Partial<T>);

const criteriaArb: fc.Arbitrary<SegmentCriteria> = fc
  .record({
    contact: some(
      oneOrTwoOf({
        no: fc.constantFrom('CT01', 'CT02', 'CT03', 'CT99'),
        searchName: fc.constantFrom(...SEARCH_PREFIXES),
        type: fc.constantFrom('company' as const, 'person' as const),
        salespersonCode: fc.constantFrom(...SALESPEOPLE),
        postCode: fc.constantFrom(...POST_CODES),
        countryRegionCode: fc.constantFrom(...COUNTRIES),
        territoryCode: fc.constantFrom(...TERRITORIES),
      }),
    ),
    mailingGroup: codes(MAILING_GROUPS),
    jobResponsibility: codes(JOB_RESPONSIBILITIES),
    industryGroup: codes(INDUSTRY_GROUPS),
    businessRelation: codes(BUSINESS_RELATIONS),
    interaction: some(
      oneOrTwoOf({
        dateFrom: fc.constantFrom(...DATES),
        dateTo: fc.constantFrom(...DATES),
        segmentNo: fc.constantFrom(...SEGMENT_NOS),
        campaignNo: fc.constantFrom(...CAMPAIGNS),
        evaluation: fc.constantFrom(...EVALUATIONS),
        interactionTemplateCode: fc.constantFrom(...TEMPLATES),
        salespersonCode: fc.constantFrom(...SALESPEOPLE),
      }),
    ),
  })
  // JSON, as a request body carries them: no keys with undefined values.
  .map((criteria) => JSON.parse(JSON.stringify(criteria)) as SegmentCriteria);

const optionsArb: fc.Arbitrary<SegmentOptions> = fc.record({
  allowExistingContacts: fc.boolean(),
  expandCompanies: fc.boolean(),
  allowRelatedCompanies: fc.boolean(),
  ignoreExclusion: fc.boolean(),
});

type Operation =
  | { op: 'action'; kind: SegmentAction['kind']; criteria: SegmentCriteria; options: SegmentOptions }
  | { op: 'goBack' }
  | { op: 'type'; contactNo: string }
  | { op: 'delete'; contactNo: string }
  | { op: 'saveAndReuse' };

const contactNoArb = fc.constantFrom('CT01', 'CT02', 'CT03', 'CT04', 'CT05');
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('action' as const), kind: fc.constantFrom('add' as const, 'reduce' as const, 'refine' as const), criteria: criteriaArb, options: optionsArb }) },
  { weight: 2, arbitrary: fc.constant({ op: 'goBack' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('type' as const), contactNo: contactNoArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), contactNo: contactNoArb }) },
  { weight: 1, arbitrary: fc.constant({ op: 'saveAndReuse' as const }) },
);

/** Runs `work`; a RapportError comes back as its code, so the service and the reference can be compared on refusals too. */
async function outcome(work: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await work();
    return 'done';
  } catch (error) {
    if (isRapportError(error)) return error.code;
    throw error;
  }
}

describe.each(testEngines())('segment criteria in SQL against the in-memory reference on %s', (engine) => {
  let test$: TestDb;
  let db: Db;
  beforeAll(async () => {
    test$ = await openTestDb(engine);
    db = test$.db;
  });
  afterAll(() => test$.dispose());

  test('random worlds and actions leave the same lines as the reference', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.array(operationArb, { minLength: 1, maxLength: 8 }), async (world, operations) => {
        const tenantId = randomUUID();
        await db.query('INSERT INTO tenant (id) VALUES ($1)', [tenantId]);
        await db.transaction((tx) => insertWorld(tx, tenantId, world));
        await db.query("INSERT INTO segment_header (tenant_id, no) VALUES ($1, 'SM1')", [tenantId]);
        const ctx = serviceContext(db, tenantId);
        const facts = await loadContactFacts(db, tenantId);
        const exists = new Set(facts.map((contact) => contact.no));
        let contacts: string[] = [];
        let history: SegmentAction[] = [];
        const runReference = (kind: SegmentAction['kind'], criteria: SegmentCriteria, options: SegmentOptions) => {
          const result = applyAction(contacts, facts, kind, criteria, options);
          contacts = result.contacts;
          history = [...history, result.action];
        };
        let saved = 0;
        for (const operation of operations) {
          let service: string;
          let reference: string;
          switch (operation.op) {
            case 'action':
              service = await outcome(() => applySegmentAction(ctx, 'SM1', { action: operation.kind, criteria: operation.criteria, options: operation.options }));
              reference = await outcome(() => runReference(operation.kind, operation.criteria, operation.options));
              break;
            case 'goBack':
              service = await outcome(() => goBackSegment(ctx, 'SM1'));
              reference = await outcome(() => {
                const result = goBack(contacts, history);
                contacts = result.contacts;
                history = result.history;
              });
              break;
            case 'type':
              // A typed line is added when its contact is not on the segment yet; an unknown contact is refused.
              service = await outcome(() => putSegmentLine(ctx, 'SM1', operation.contactNo, undefined));
              reference = exists.has(operation.contactNo) ? 'done' : 'validation_failed';
              if (reference === 'done' && !contacts.includes(operation.contactNo)) contacts = [...contacts, operation.contactNo];
              break;
            case 'delete':
              // Deleting a contact's line by hand deletes every line of that contact.
              service = await outcome(() => deleteSegmentLine(ctx, 'SM1', operation.contactNo));
              reference = contacts.includes(operation.contactNo) ? 'done' : 'not_found';
              contacts = contacts.filter((no) => no !== operation.contactNo);
              break;
            case 'saveAndReuse': {
              const code = `SAVED${++saved}`;
              service = await outcome(async () => {
                await saveCriteria(ctx, 'SM1', code, '');
                await reuseCriteria(ctx, 'SM1', code);
              });
              reference = history.length === 0 ? 'conflict' : 'done';
              for (const action of reference === 'done' ? [...history] : []) runReference(action.kind, action.criteria, action.options);
              break;
            }
          }
          expect({ operation, outcome: service }).toEqual({ operation, outcome: reference });
          const lines = (await db.query<{ contact_no: string }>("SELECT contact_no FROM segment_line WHERE tenant_id = $1 AND segment_no = 'SM1' ORDER BY line_no", [tenantId])).map((row) => row.contact_no);
          expect({ operation, lines }).toEqual({ operation, lines: contacts });
        }
        const segment = await getSegment(ctx, 'SM1');
        expect([segment.noOfCriteriaActions, segment.noOfLines]).toEqual([history.length, contacts.length]);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
