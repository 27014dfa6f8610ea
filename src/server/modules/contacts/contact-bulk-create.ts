import { contactCreateSchema, type ContactCreateBody } from '../../../contract/contacts';
import { blankContact, CONTACT_FIELDS } from '../../../domain/contact/blank-contact';
import type { Contact } from '../../../domain/contact/contact';
import { applyCreationDefaults, applyTypeRules } from '../../../domain/contact/defaults';
import { linkPersonToCompany, recordUserEdits } from '../../../domain/contact/inheritance';
import { candidateStringCount, duplicateThreshold, type DuplicateSearchStringSetup } from '../../../domain/duplicate-search';
import { RapportError, type FieldProblem } from '../../../domain/errors';
import type { MarketingSetup } from '../../../domain/marketing-setup';
import { checkDefaultNos, checkManualNo, getNextNo, type NoSeries, type NoSeriesLine } from '../../../domain/number-series';
import type { Queryable } from '../../db/db';
import { fromRow, toSnakeCase } from '../../db/rows';
import { fieldProblems } from '../../http/problem';
import type { RequestContext } from '../../http/route';
import { exactKeysOf, probeOf, sameProbe, type DuplicateProbe } from '../duplicates/duplicate-probe';
import { insertSearchStrings, refreshSearchStringStatistics, withoutJit, type ExactMatch } from '../duplicates/duplicate-repository';
import {
  checkOrder,
  findStoredDuplicates,
  getDuplicateSearchSetup,
  rebuildUnderWay,
  type DuplicateCandidate,
  type FoundDuplicate,
} from '../duplicates/duplicate-service';
import { findLines, findNoSeries } from '../number-series/number-series-repository';
import { CAPTIONS as REFERENCE_CAPTIONS, type ReferenceKind } from '../reference-data/references';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { searchColumns, type StoredContact } from './contact-repository';
import { applyWrittenFields, companyOnCompanyError, referencesOf } from './contact-service';

/**
 * Creating many contacts at once with the rules of `createContact`, one row after the other as if
 * each had been posted alone, but with set-based SQL: every read the rules need is one query for
 * the whole batch, the rules run row by row in memory, and each table is written by one statement.
 * See docs/bulk-contacts.md.
 */

/** What became of one row: its contact's number (with the duplicates found and the series' warnings), or why it was refused. */
export type BulkCreateOutcome =
  | { ok: true; no: string; duplicates: DuplicateCandidate[]; warnings: string[] }
  | { ok: false; error: RapportError };

export const BULK_CREATE_PHASES = ['validate', 'read', 'rules', 'write', 'statistics', 'strings', 'pairs'] as const;
export type BulkCreatePhase = (typeof BULK_CREATE_PHASES)[number];

export type BulkCreateOptions = {
  /** Milliseconds spent in each phase are added here (for benchmarks and logs). */
  timings?: Partial<Record<BulkCreatePhase, number>>;
  /**
   * By row, the duplicate search the caller has run over the row's prospect in this transaction
   * (`findProspectDuplicates`). A row whose contact is matched on the same values is not searched
   * again; any other is.
   */
  searched?: readonly (SearchedRow | undefined)[];
};

/** The largest batch accepted: a batch is one transaction, and the tenant's other writers wait for it. */
export const MAX_BULK_ROWS = 5000;

/** A row that passed its rules, waiting to be written. `ordinal` is its place among the batch's created contacts. */
type Created = { row: number; ordinal: number; contact: Contact; noSeries: string; warnings: string[]; probe: DuplicateProbe };

type ReferenceFacts = {
  /** `kind\u0000code` of every code that exists. */
  existing: Set<string>;
  blockedSalespeople: Set<string>;
};

const referenceKey = (kind: ReferenceKind, code: string) => `${kind}\u0000${code}`;

/** The parts of the tenant's number series the batch needs, locked when numbers are drawn from it. */
type SeriesState = { code: string; series: NoSeries | undefined; lines: NoSeriesLine[]; originalLines: NoSeriesLine[] };

/**
 * Creates `rows` (at most MAX_BULK_ROWS) in the caller's transaction, each exactly as
 * `POST /contacts` would have created it had the rows been posted one after the other: numbers
 * drawn in row order from the Contact Nos. series (numbers taken by hand, in the database or by an
 * earlier row, skipped), Marketing Setup defaults, inheritance from the company — an existing one
 * or one created by an earlier row of the batch — name split, references and privacy-blocked
 * salesperson checked, duplicate search strings stored and pairs found against every contact that
 * existed before the row, earlier rows included. A refused row changes nothing and takes no
 * number; the other rows go on.
 */
export async function createContactsInBulk(ctx: RequestContext, rows: readonly ContactCreateBody[], options: BulkCreateOptions = {}): Promise<BulkCreateOutcome[]> {
  if (rows.length > MAX_BULK_ROWS) {
    throw new RapportError('validation_failed', `At most ${MAX_BULK_ROWS} contacts can be created at once, not ${rows.length}.`, { details: { rows: rows.length } });
  }
  if (rows.length === 0) return [];
  const tenantId = ctx.identity.tenantId;
  const clock = phaseClock(options.timings);
  const userSalespersonCode = await ctx.currentSalespersonCode();

  return ctx.db.transaction(async (tx) => {
    await withoutJit(tx);
    const outcomes: (BulkCreateOutcome | undefined)[] = new Array(rows.length);
    const bodies = clock('validate', () => rows.map(parseRow));
    bodies.forEach((body, row) => {
      if (body instanceof RapportError) outcomes[row] = { ok: false, error: body };
    });
    const valid = bodies.filter((body): body is ContactCreateBody => !(body instanceof RapportError));

    const facts = await clock('read', () => readFacts(tx, tenantId, valid, userSalespersonCode));
    const created = await clock('rules', () => applyRules(tx, tenantId, ctx.workDate, userSalespersonCode, bodies, facts, outcomes));
    if (created.length > 0) {
      // As refreshDuplicates: while Generate Duplicate Search Strings runs, new contacts are indexed
      // with their pairs whatever the setup says, and proposed only with Autosearch on.
      const { maintainDuplSearchStrings: maintain, autosearchForDuplicates: autosearch } = facts.setup;
      const rebuilding = !(maintain && autosearch) && (await rebuildUnderWay(tx, tenantId));
      const pairing = (maintain || rebuilding) && (autosearch || rebuilding);
      const threshold = duplicateThreshold(facts.searchSetup.length, facts.setup.searchHitPercent);
      // The stored contacts are searched before the batch is written: its own rows are compared in memory.
      const stored = pairing ? await clock('pairs', () => storedDuplicatesOf(tx, tenantId, created, threshold, options.searched)) : new Map();
      await clock('write', () => writeContacts(tx, tenantId, facts.series, created));
      if (ctx.db.engine === 'postgres') await clock('statistics', () => refreshContactStatistics(tx));
      if (maintain || rebuilding) {
        await clock('strings', () => writeSearchStrings(tx, tenantId, created));
        if (ctx.db.engine === 'postgres') await clock('statistics', () => refreshSearchStringStatistics(tx));
        if (pairing) {
          const duplicates = await clock('pairs', () => storePairs(tx, tenantId, created, stored, threshold));
          if (autosearch) {
            for (const each of created) outcomes[each.row] = { ok: true, no: each.contact.no, duplicates: duplicates.get(each.contact.no) ?? [], warnings: each.warnings };
          }
        }
      }
      for (const each of created) outcomes[each.row] ??= { ok: true, no: each.contact.no, duplicates: [], warnings: each.warnings };
    }
    return outcomes.map((outcome, row) => {
      if (!outcome) throw new Error(`Row ${row} has no outcome.`); // every row is refused or created above
      return outcome;
    });
  });
}

function phaseClock(timings: BulkCreateOptions['timings']) {
  return <T>(phase: BulkCreatePhase, work: () => T): T => {
    if (!timings) return work();
    const started = performance.now();
    const done = () => {
      timings[phase] = (timings[phase] ?? 0) + (performance.now() - started);
    };
    const result = work();
    if (result instanceof Promise) return result.finally(done) as T;
    done();
    return result;
  };
}

/** The row as `POST /contacts` would have parsed it; a field left `undefined` counts as not sent. */
function parseRow(row: ContactCreateBody): ContactCreateBody | RapportError {
  const sent = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
  const parsed = contactCreateSchema.safeParse(sent);
  if (parsed.success) {
    // A blank number asks for the next one, as an absent one does (a blank column of an import).
    if (parsed.data.no === '') delete parsed.data.no;
    return parsed.data;
  }
  return new RapportError('validation_failed', 'The contact is not valid.', { fields: fieldProblems(parsed.error) });
}

type Facts = {
  setup: MarketingSetup;
  searchSetup: DuplicateSearchStringSetup[];
  series: SeriesState;
  /** Numbers known to be taken (true) or free (false) in the database. */
  takenInDb: Map<string, boolean>;
  /** Existing contacts named as Company No. by some row. */
  companies: Map<string, Contact>;
  references: ReferenceFacts;
};

/** Everything the rules read from the database, each kind in one query for the whole batch. */
async function readFacts(tx: Queryable, tenantId: string, bodies: readonly ContactCreateBody[], userSalespersonCode: string): Promise<Facts> {
  const setup = await getMarketingSetup(tx, tenantId);
  const searchSetup = setup.maintainDuplSearchStrings ? await getDuplicateSearchSetup(tx, tenantId) : [];
  const seriesCode = setup.contactNos;
  const series = seriesCode === '' ? undefined : await findNoSeries(tx, tenantId, seriesCode);
  // The series' lines stay locked to the end of the transaction, as allocateNo locks them.
  const drawsNumbers = bodies.some((body) => (body.no ?? '') === '');
  const lines = drawsNumbers && series?.defaultNos ? await findLines(tx, tenantId, seriesCode, true) : [];

  const typedNos = [...new Set(bodies.map((body) => body.no ?? '').filter((no) => no !== ''))];
  const takenInDb = new Map<string, boolean>(typedNos.map((no) => [no, false]));
  for (const no of await existingNos(tx, tenantId, typedNos)) takenInDb.set(no, true);

  const companyNos = [...new Set(bodies.map((body) => body.companyNo ?? '').filter((no) => no !== ''))];
  const companies = new Map<string, Contact>((await contactsByNo(tx, tenantId, companyNos)).map((contact) => [contact.no, contact]));

  // Every code a created contact can end up with: typed, a Marketing Setup default, the user's
  // salesperson, or inherited from an existing company (a company of the batch has only these).
  const wanted: { kind: ReferenceKind; code: string }[] = [];
  const probe: Contact[] = [
    ...bodies.map((body) => ({ ...blankContact('', 'company'), ...(body as Partial<Contact>) })),
    ...companies.values(),
    {
      ...blankContact('', 'company'),
      salespersonCode: userSalespersonCode || setup.defaultSalespersonCode,
      territoryCode: setup.defaultTerritoryCode,
      countryRegionCode: setup.defaultCountryRegionCode,
      languageCode: setup.defaultLanguageCode,
      salutationCode: setup.defCompanySalutationCode,
    },
    { ...blankContact('', 'person'), salespersonCode: setup.defaultSalespersonCode, salutationCode: setup.defaultPersonSalutationCode },
  ];
  for (const contact of probe) for (const reference of referencesOf(contact)) if (reference.code !== '') wanted.push({ kind: reference.kind, code: reference.code });

  return {
    setup,
    searchSetup,
    series: { code: seriesCode, series, lines, originalLines: lines },
    takenInDb,
    companies,
    references: await referenceFacts(tx, tenantId, wanted),
  };
}

/*
 * Every lookup of many keys at once is a LATERAL subquery behind OFFSET 0 over the unnested keys,
 * so each key is one index probe whatever the planner believes of a table's size: a tenant filled
 * by an import within minutes may have no statistics yet, and a hash join over a table believed
 * empty costs seconds.
 */

async function existingNos(tx: Queryable, tenantId: string, nos: readonly string[]): Promise<string[]> {
  if (nos.length === 0) return [];
  const rows = await tx.query<{ no: string }>(
    `SELECT k.no FROM unnest($2::text[]) AS c(no)
     CROSS JOIN LATERAL (SELECT k.no FROM contact k WHERE k.tenant_id = $1 AND k.no = c.no OFFSET 0) k`,
    [tenantId, [...nos]],
  );
  return rows.map((row) => row.no);
}

const CONTACT_COLUMNS = CONTACT_FIELDS.map((field) => `k.${toSnakeCase(field)}`).join(', ');

async function contactsByNo(tx: Queryable, tenantId: string, nos: readonly string[]): Promise<Contact[]> {
  if (nos.length === 0) return [];
  const rows = await tx.query(
    `SELECT k.* FROM unnest($2::text[]) AS c(no)
     CROSS JOIN LATERAL (SELECT ${CONTACT_COLUMNS} FROM contact k WHERE k.tenant_id = $1 AND k.no = c.no OFFSET 0) k`,
    [tenantId, [...nos]],
  );
  return rows.map((row) => fromRow<StoredContact>(row));
}

/** Which of the codes exist, and which salespeople are blocked due to privacy: one query. */
async function referenceFacts(tx: Queryable, tenantId: string, wanted: readonly { kind: ReferenceKind; code: string }[]): Promise<ReferenceFacts> {
  const distinct = [...new Map(wanted.map((each) => [referenceKey(each.kind, each.code), each])).values()];
  const facts: ReferenceFacts = { existing: new Set(), blockedSalespeople: new Set() };
  if (distinct.length === 0) return facts;
  const rows = await tx.query<{ kind: ReferenceKind; code: string; blocked: boolean }>(
    `WITH w AS (SELECT * FROM unnest($2::text[], $3::text[]) AS w(kind, code))
     SELECT w.kind, w.code, s.privacy_blocked AS blocked FROM w JOIN salesperson s ON s.tenant_id = $1 AND s.code = w.code WHERE w.kind = 'salesperson'
     UNION ALL
     SELECT w.kind, w.code, false FROM w JOIN salutation s ON s.tenant_id = $1 AND s.code = w.code WHERE w.kind = 'salutation'
     UNION ALL
     SELECT w.kind, w.code, false FROM w JOIN code_list l ON l.tenant_id = $1 AND l.kind = w.kind AND l.code = w.code`,
    [tenantId, distinct.map((each) => each.kind), distinct.map((each) => each.code)],
  );
  for (const row of rows) {
    facts.existing.add(referenceKey(row.kind, row.code));
    if (row.kind === 'salesperson' && row.blocked) facts.blockedSalespeople.add(row.code);
  }
  return facts;
}

/**
 * `createContact`'s rules for each row in order, in memory. A row's refusal restores the series
 * as it was before the row (its transaction would have rolled back), so the next row gets the
 * number the refused one had drawn.
 */
async function applyRules(
  tx: Queryable,
  tenantId: string,
  workDate: string,
  userSalespersonCode: string,
  bodies: readonly (ContactCreateBody | RapportError)[],
  facts: Facts,
  outcomes: (BulkCreateOutcome | undefined)[],
): Promise<Created[]> {
  const { setup, series } = facts;
  const createdByNo = new Map<string, Contact>();
  const created: Created[] = [];
  let numbersToDraw = bodies.filter((body) => !(body instanceof RapportError) && (body.no ?? '') === '').length;

  const isTaken = async (no: string): Promise<boolean> => {
    if (createdByNo.has(no)) return true;
    if (!facts.takenInDb.has(no)) await lookAhead(tx, tenantId, no, numbersToDraw, series, workDate, facts.takenInDb);
    return facts.takenInDb.get(no) === true;
  };

  for (const [row, body] of bodies.entries()) {
    if (body instanceof RapportError) continue;
    const linesBefore = series.lines;
    const typed = body.no ?? '';
    try {
      // assignNo
      let no: string;
      let noSeries = '';
      const warnings: string[] = [];
      if (typed !== '') {
        if (series.series) checkManualNo(series.series);
        if (await isTaken(typed)) throw new RapportError('already_exists', `Contact ${typed} already exists.`, { fields: [{ path: 'no', message: 'Already exists.' }] });
        no = typed;
      } else {
        numbersToDraw--;
        do {
          const next = drawNo(series, workDate);
          if (next.warning) warnings.push(next.warning);
          no = next.no;
        } while (await isTaken(no));
        noSeries = series.code;
      }

      // createContact, from here on without the database.
      let contact = applyWrittenFields(blankContact(no, body.type ?? 'company'), body);
      contact = applyCreationDefaults(contact, setup, userSalespersonCode);
      if (body.companyNo) {
        if (contact.type !== 'person') throw companyOnCompanyError();
        const company = createdByNo.get(body.companyNo) ?? facts.companies.get(body.companyNo);
        if (!company || company.type !== 'company') throw notACompany(body.companyNo);
        contact = linkPersonToCompany(contact, company, null, setup);
        contact = recordUserEdits(applyWrittenFields(contact, body), Object.keys(body));
      }
      contact = applyTypeRules(contact);
      checkReferencesAgainst(facts.references, contact);
      if (contact.salespersonCode !== '' && facts.references.blockedSalespeople.has(contact.salespersonCode)) throw salespersonBlocked(contact.salespersonCode);

      createdByNo.set(no, contact);
      // No strings when they are not maintained (the search setup is not read then).
      const probe = probeOf(contact, facts.searchSetup);
      created.push({ row, ordinal: created.length, contact, noSeries, warnings, probe });
    } catch (error) {
      if (!(error instanceof RapportError)) throw error;
      series.lines = linesBefore;
      outcomes[row] = { ok: false, error };
    }
  }
  return created;
}

/** allocateNo without the database: the series' next number, its lines updated in `series`. */
function drawNo(series: SeriesState, workDate: string): { no: string; warning: string | null } {
  if (series.code === '') throw new RapportError('number_series_missing', 'Contact Nos. must have a value in Marketing Setup.');
  const checked = checkDefaultNos(series.series, 'Contact Nos.');
  const next = getNextNo(checked, series.lines, workDate);
  series.lines = series.lines.map((line) => (line.lineNo === next.line.lineNo ? next.line : line));
  return { no: next.no, warning: next.warning };
}

/**
 * Learns which of the numbers the series will give from `no` on are already taken, for as many
 * numbers as the batch may still draw (and a few more for skips), in one query.
 */
async function lookAhead(tx: Queryable, tenantId: string, no: string, remaining: number, series: SeriesState, workDate: string, taken: Map<string, boolean>): Promise<void> {
  const window = [no];
  const scratch: SeriesState = { ...series };
  try {
    while (window.length < remaining + 16) window.push(drawNo(scratch, workDate).no);
  } catch (error) {
    if (!(error instanceof RapportError)) throw error; // the series ends within the window
  }
  const unknown = window.filter((candidate) => !taken.has(candidate));
  for (const candidate of unknown) taken.set(candidate, false);
  for (const existing of await existingNos(tx, tenantId, unknown)) taken.set(existing, true);
}

const notACompany = (companyNo: string) =>
  new RapportError('contact_company_invalid', `Contact ${companyNo} is not a company contact.`, {
    fields: [{ path: 'companyNo', message: 'You must select an existing company contact.' }],
  });

const salespersonBlocked = (code: string) =>
  new RapportError('salesperson_blocked', `Salesperson ${code} is blocked due to privacy.`, {
    fields: [{ path: 'salespersonCode', message: 'The salesperson is blocked due to privacy.' }],
  });

/** checkReferences over facts read beforehand: every code that names nothing, all reported at once. */
function checkReferencesAgainst(facts: ReferenceFacts, contact: Contact): void {
  const problems: FieldProblem[] = [];
  for (const reference of referencesOf(contact)) {
    if (reference.code === '' || facts.existing.has(referenceKey(reference.kind, reference.code))) continue;
    problems.push({ path: reference.path, message: `There is no ${REFERENCE_CAPTIONS[reference.kind]} ${reference.code}.` });
  }
  if (problems.length > 0) throw new RapportError('validation_failed', problems.map((problem) => problem.message).join(' '), { fields: problems });
}

const TEXT_COLUMNS = CONTACT_FIELDS.filter((field) => !['excludeFromSegment', 'privacyBlocked', 'minor', 'parentalConsentReceived', 'inheritedFields'].includes(field));
const BOOLEAN_COLUMNS = ['excludeFromSegment', 'privacyBlocked', 'minor', 'parentalConsentReceived'] as const satisfies readonly (keyof Contact)[];
const SEARCH_COLUMNS = ['search_email', 'search_email_2', 'search_phone_no', 'search_mobile_phone_no'] as const;

/** The series' lines as drawn, and every contact, each table in one statement. */
async function writeContacts(tx: Queryable, tenantId: string, series: SeriesState, created: readonly Created[]): Promise<void> {
  const changedLines = series.lines.filter((line, index) => line !== series.originalLines[index]);
  if (changedLines.length > 0) {
    await tx.query(
      `UPDATE no_series_line l SET last_no_used = c.last_no_used, last_date_used = c.last_date_used::date, open = c.open
       FROM unnest($3::int[], $4::text[], $5::text[], $6::boolean[]) AS c(line_no, last_no_used, last_date_used, open)
       WHERE l.tenant_id = $1 AND l.series_code = $2 AND l.line_no = c.line_no`,
      [
        tenantId,
        series.code,
        changedLines.map((line) => line.lineNo),
        changedLines.map((line) => line.lastNoUsed),
        changedLines.map((line) => line.lastDateUsed),
        changedLines.map((line) => line.open),
      ],
    );
  }

  // One JSON document for all rows: serialised natively, where arrays of every column would be escaped value by value.
  const columns = [
    ...TEXT_COLUMNS.map((field) => ({ name: toSnakeCase(field), type: 'text', value: (contact: Contact) => contact[field] })),
    ...BOOLEAN_COLUMNS.map((field) => ({ name: toSnakeCase(field), type: 'boolean', value: (contact: Contact) => contact[field] })),
    { name: 'inherited_fields', type: 'text[]', value: (contact: Contact) => contact.inheritedFields },
  ];
  const records = created.map(({ contact, noSeries }) => {
    const record: Record<string, unknown> = { ...searchColumns(contact), no_series: noSeries };
    for (const column of columns) record[column.name] = column.value(contact);
    return record;
  });
  const typed = [...columns.map((column) => `${column.name} ${column.type}`), ...SEARCH_COLUMNS.map((name) => `${name} text`), 'no_series text'];
  const names = typed.map((column) => column.split(' ')[0]);
  await tx.query(
    `INSERT INTO contact (tenant_id, ${names.join(', ')})
     SELECT $1, ${names.map((name) => `r.${name}`).join(', ')} FROM json_to_recordset($2::json) AS r(${typed.join(', ')})`,
    [tenantId, JSON.stringify(records)],
  );
}

/**
 * ANALYZE contact when it has no statistics yet or has grown more than fourfold since (and by
 * 1,000 rows or more). Every row written next is checked against the contact table by a
 * foreign key, through a plan PostgreSQL keeps for the connection: planned while the table looked
 * empty, that check reads the whole table and a batch of 1,000 companies takes seconds, then
 * longer at every batch. A tenant imported into a new database meets this before autovacuum has
 * analyzed anything; afterwards this costs one catalogue read per batch and an ANALYZE at each
 * fourfold growth.
 */
async function refreshContactStatistics(tx: Queryable): Promise<void> {
  const rows = await tx.query<{ stale: boolean }>(
    `SELECT c.reltuples < 0 OR s.n_live_tup > 4 * c.reltuples + 1000 AS stale
     FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = 'contact'::regclass`,
  );
  if (rows[0]?.stale) await tx.query('ANALYZE contact');
}

/** Every created contact's duplicate search strings, one row each, in one statement. */
const writeSearchStrings = (tx: Queryable, tenantId: string, created: readonly Created[]): Promise<void> =>
  insertSearchStrings(
    tx,
    tenantId,
    created.map((each) => ({ contactNo: each.contact.no, strings: each.probe.strings })),
  );

/** A row's duplicate search already run by the caller over the same contact, in the same transaction (an import's plan). */
export type SearchedRow = { probe: DuplicateProbe; found: readonly FoundDuplicate[] };

/**
 * Each created contact's duplicates among the stored contacts, before the batch is written: the
 * search a caller ran for the row (`searched`) when the contact made of it is matched on the same
 * values, else one search for all the other rows.
 */
async function storedDuplicatesOf(
  tx: Queryable,
  tenantId: string,
  created: readonly Created[],
  threshold: number,
  searched: readonly (SearchedRow | undefined)[] | undefined,
): Promise<Map<string, readonly FoundDuplicate[]>> {
  const byNo = new Map<string, readonly FoundDuplicate[]>();
  const unsearched: Created[] = [];
  for (const each of created) {
    const known = searched?.[each.row];
    if (known && sameProbe(known.probe, each.probe)) byNo.set(each.contact.no, known.found);
    else unsearched.push(each);
  }
  const found = await findStoredDuplicates(
    tx,
    tenantId,
    unsearched.map((each) => ({ no: each.contact.no, probe: each.probe })),
    threshold,
  );
  unsearched.forEach((each, index) => byNo.set(each.contact.no, found[index] ?? []));
  return byNo;
}

/**
 * The duplicates each created contact has among the batch's earlier rows, with the rules of the
 * stored search (§4's hit %, and the same own e-mail or phone), in memory: the rows' strings
 * and keys are all at hand, each looked up in maps of the rows before it.
 */
function batchDuplicatesOf(created: readonly Created[], threshold: number): Map<string, FoundDuplicate[]> {
  const holdersOf = new Map<string, Created[]>();
  const byEmail = new Map<string, Created[]>();
  const byPhone = new Map<string, Created[]>();
  const add = (map: Map<string, Created[]>, key: string, each: Created) => {
    const list = map.get(key);
    if (list) list.push(each);
    else map.set(key, [each]);
  };
  const found = new Map<string, FoundDuplicate[]>();
  const keySets = new Map<Created, Set<string>>();
  const keysOf = (each: Created) => {
    let set = keySets.get(each);
    if (!set) keySets.set(each, (set = new Set(each.probe.strings)));
    return set;
  };
  const sharedWith = (each: Created, other: Created) => {
    const keys = keysOf(other);
    return each.probe.strings.filter((key) => keys.has(key)).length;
  };
  for (const each of created) {
    const { type } = each.contact;
    // Prefix filtering as in the stored search: a row reaching the hit % holds one of the
    // k − threshold + 1 strings of `each` held by the fewest earlier rows, so only their holders
    // are counted (a string every row holds, an e-mail domain's end, would make the batch quadratic).
    const seedCount = candidateStringCount(each.probe.strings.length, threshold);
    const seeds = seedCount > 0 ? [...each.probe.strings].sort((a, b) => (holdersOf.get(a)?.length ?? 0) - (holdersOf.get(b)?.length ?? 0)).slice(0, seedCount) : [];
    const shared = new Map<Created, number>();
    for (const key of seeds) for (const other of holdersOf.get(key) ?? []) if (!shared.has(other)) shared.set(other, sharedWith(each, other));
    const exact = new Map<Created, ExactMatch[]>();
    const match = (others: readonly Created[] | undefined, kind: ExactMatch) => {
      for (const other of others ?? []) {
        const list = exact.get(other) ?? [];
        if (!list.includes(kind)) exact.set(other, [...list, kind]);
      }
    };
    if (each.probe.email !== '') match(byEmail.get(each.probe.email), 'email');
    for (const phone of each.probe.phones) match(byPhone.get(phone), 'phone');

    const list: FoundDuplicate[] = [];
    // A contact reaching the hit % shares at least one string (a threshold of 0 or less asks for no more).
    const reaches = (n: number) => n >= 1 && n >= threshold;
    for (const other of new Set([...shared.keys(), ...exact.keys()])) {
      if (other.contact.type !== type) continue;
      const exactMatches = exact.get(other) ?? [];
      const n = shared.get(other) ?? sharedWith(each, other);
      if (!(shared.has(other) && reaches(n)) && exactMatches.length === 0) continue;
      list.push({ contactNo: other.contact.no, name: other.contact.name, type, noOfMatchingStrings: n, exactMatches: EXACT_ORDER.filter((kind) => exactMatches.includes(kind)) });
    }
    if (list.length > 0) found.set(each.contact.no, list);

    for (const key of each.probe.strings) add(holdersOf, key, each);
    const keys = exactKeysOf(each.contact);
    if (keys.email !== '') add(byEmail, keys.email, each);
    for (const phone of new Set(keys.phones)) add(byPhone, phone, each);
  }
  return found;
}

/** The order exact matches are listed in: e-mail first. */
const EXACT_ORDER: readonly ExactMatch[] = ['email', 'phone'];

/**
 * §4 for every created contact at once: the contacts reaching the hit % and those with the same
 * own e-mail or phone, among the contacts that existed before it — the stored ones (found before
 * the batch was written) and the batch's earlier rows. Pairs are stored in one statement; returns
 * each contact's candidates as `POST /contacts` lists them (most matching strings first, then by number).
 */
async function storePairs(
  tx: Queryable,
  tenantId: string,
  created: readonly Created[],
  stored: ReadonlyMap<string, readonly FoundDuplicate[]>,
  threshold: number,
): Promise<Map<string, DuplicateCandidate[]>> {
  const inBatch = batchDuplicatesOf(created, threshold);
  const pairs: { no: string; found: FoundDuplicate }[] = [];
  const byContact = new Map<string, DuplicateCandidate[]>();
  for (const each of created) {
    const no = each.contact.no;
    const list = [...(stored.get(no) ?? []), ...(inBatch.get(no) ?? [])].map((found) => ({ ...found, separateContacts: false }));
    if (list.length === 0) continue;
    for (const found of list) pairs.push({ no, found });
    byContact.set(no, list.sort((a, b) => b.noOfMatchingStrings - a.noOfMatchingStrings || (a.contactNo < b.contactNo ? -1 : a.contactNo > b.contactNo ? 1 : 0)));
  }
  if (pairs.length > 0) {
    await tx.query(
      `INSERT INTO contact_duplicate (tenant_id, contact_no, duplicate_contact_no, no_of_matching_strings, exact_matches)
       SELECT $1, no, other, n, string_to_array(exact, ',') FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS p(no, other, n, exact)`,
      [
        tenantId,
        pairs.map((p) => p.no),
        pairs.map((p) => p.found.contactNo),
        pairs.map((p) => p.found.noOfMatchingStrings),
        pairs.map((p) => p.found.exactMatches.join(',')),
      ],
    );
  }
  return byContact;
}

/** A prospective contact's duplicate search: what it is matched on, and the stored contacts found, in `checkDuplicates`' order. */
export type ProspectSearch = SearchedRow;

/**
 * The check of a whole batch of prospective contacts, writing nothing: for each, the stored
 * contacts that checkDuplicates would report had it been asked about that contact alone — the
 * hit % over its search strings and the same own e-mail or phone — in one search for the batch.
 * The prospects are not compared with one another, and their numbers are ignored. Answers in
 * prospect order, with what each prospect was matched on.
 */
export async function findProspectDuplicates(
  db: Queryable,
  tenantId: string,
  prospects: readonly Contact[],
  setup: MarketingSetup,
  searchSetup: readonly DuplicateSearchStringSetup[],
): Promise<ProspectSearch[]> {
  if (prospects.length === 0) return [];
  const probes = prospects.map((prospect) => ({ no: '', probe: probeOf({ ...prospect, no: '' }, searchSetup) }));
  const found = await findStoredDuplicates(db, tenantId, probes, duplicateThreshold(searchSetup.length, setup.searchHitPercent));
  return probes.map(({ probe }, index) => ({ probe, found: (found[index] ?? []).sort(checkOrder) }));
}
