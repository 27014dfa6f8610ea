import { contactCreateSchema, type ContactCreateBody } from '../../../contract/contacts';
import { blankContact, CONTACT_FIELDS } from '../../../domain/contact/blank-contact';
import type { Contact } from '../../../domain/contact/contact';
import { applyCreationDefaults, applyTypeRules } from '../../../domain/contact/defaults';
import { linkPersonToCompany, recordUserEdits } from '../../../domain/contact/inheritance';
import {
  buildDuplicateSearchStrings,
  candidateStringCount,
  countMatchingStrings,
  duplicateThreshold,
  normalizePhoneForMatch,
  type DuplicateSearchString,
  type DuplicateSearchStringSetup,
} from '../../../domain/duplicate-search';
import { normalizeEmail } from '../../../domain/email';
import { RapportError, type FieldProblem } from '../../../domain/errors';
import type { MarketingSetup } from '../../../domain/marketing-setup';
import { checkDefaultNos, checkManualNo, getNextNo, type NoSeries, type NoSeriesLine } from '../../../domain/number-series';
import type { Queryable } from '../../db/db';
import { fromRow, toSnakeCase } from '../../db/rows';
import { fieldProblems } from '../../http/problem';
import type { RequestContext } from '../../http/route';
import { searchStringsOf } from '../duplicates/duplicate-repository';
import { getDuplicateSearchSetup, indexedValues, ownValue, rebuildUnderWay, type DuplicateCandidate, type ExactMatch } from '../duplicates/duplicate-service';
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
};

/** The largest batch accepted: a batch is one transaction, and the tenant's other writers wait for it. */
export const MAX_BULK_ROWS = 5000;

/**
 * How many contacts are read per search string at first. A string with more is common: it seeds
 * candidates only for a contact with too few rarer ones, and then its whole list is read.
 */
const COMMON_STRING = 32;
/** The longest list read whole to rule candidates out (a longer one is left cut). */
const FILTER_LIST_LIMIT = 5000;
/** How many of the strings after the seeds have their lists read whole to rule candidates out. */
const FILTER_STRINGS = 5;

/** A row that passed its rules, waiting to be written. `ordinal` is its place among the batch's created contacts. */
type Created = { row: number; ordinal: number; contact: Contact; noSeries: string; warnings: string[]; strings: DuplicateSearchString[] };

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
    const outcomes: (BulkCreateOutcome | undefined)[] = new Array(rows.length);
    const bodies = clock('validate', () => rows.map(parseRow));
    bodies.forEach((body, row) => {
      if (body instanceof RapportError) outcomes[row] = { ok: false, error: body };
    });
    const valid = bodies.filter((body): body is ContactCreateBody => !(body instanceof RapportError));

    const facts = await clock('read', () => readFacts(tx, tenantId, valid, userSalespersonCode));
    const created = await clock('rules', () => applyRules(tx, tenantId, ctx.workDate, userSalespersonCode, bodies, facts, outcomes));
    if (created.length > 0) {
      await clock('write', () => writeContacts(tx, tenantId, facts.series, created));
      if (ctx.db.engine === 'postgres') await clock('statistics', () => refreshContactStatistics(tx));
      // As refreshDuplicates: while Generate Duplicate Search Strings runs, new contacts are indexed
      // with their pairs whatever the setup says, and proposed only with Autosearch on.
      const { maintainDuplSearchStrings: maintain, autosearchForDuplicates: autosearch } = facts.setup;
      const rebuilding = !(maintain && autosearch) && (await rebuildUnderWay(tx, tenantId));
      if (maintain || rebuilding) {
        await clock('strings', () => writeSearchStrings(tx, tenantId, created));
        if (autosearch || rebuilding) {
          const duplicates = await clock('pairs', () => findAndStorePairs(tx, tenantId, created, facts.searchSetup, facts.setup));
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
      const strings = setup.maintainDuplSearchStrings ? buildDuplicateSearchStrings(indexedValues(contact), facts.searchSetup) : [];
      created.push({ row, ordinal: created.length, contact, noSeries, warnings, strings });
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

/** Every created contact's duplicate search strings, in one statement. */
async function writeSearchStrings(tx: Queryable, tenantId: string, created: readonly Created[]): Promise<void> {
  const all = created.flatMap((each) => each.strings.map((string) => ({ n: each.contact.no, f: string.field, p: string.part, s: string.searchString })));
  if (all.length === 0) return;
  await tx.query(
    `INSERT INTO contact_duplicate_search_string (tenant_id, contact_no, field, part, search_string)
     SELECT $1, n, f, p, s FROM json_to_recordset($2::json) AS r(n text, f text, p text, s text)`,
    [tenantId, JSON.stringify(all)],
  );
}

type Pair = { no: string; other: string; name: string; type: Contact['type']; strings: number; exact: ExactMatch[] };

/**
 * §4 for every created contact at once: the contacts reaching the hit % (rarest strings seed the
 * candidates, as in refreshDuplicates) and those with the same own e-mail or phone, among the
 * contacts that existed before it — the database's and the batch's earlier rows. Pairs are stored
 * in one statement; returns each contact's candidates as `POST /contacts` lists them.
 */
async function findAndStorePairs(
  tx: Queryable,
  tenantId: string,
  created: readonly Created[],
  searchSetup: readonly DuplicateSearchStringSetup[],
  setup: MarketingSetup,
): Promise<Map<string, DuplicateCandidate[]>> {
  const ordinalOf = new Map(created.map((each) => [each.contact.no, each.ordinal]));
  // A contact of the batch created later than `no` did not exist when `no` was created.
  const existedBefore = (no: string, other: string): boolean => {
    const otherOrdinal = ordinalOf.get(other);
    return other !== no && (otherOrdinal === undefined || otherOrdinal < (ordinalOf.get(no) ?? -1));
  };
  const found = await findPairs(tx, tenantId, created, searchSetup, setup, existedBefore);
  if (found.length > 0) {
    await tx.query(
      `INSERT INTO contact_duplicate (tenant_id, contact_no, duplicate_contact_no, no_of_matching_strings, exact_matches)
       SELECT $1, no, other, n, string_to_array(exact, ',') FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS p(no, other, n, exact)`,
      [tenantId, found.map((p) => p.no), found.map((p) => p.other), found.map((p) => p.strings), found.map((p) => p.exact.join(','))],
    );
  }
  // listDuplicates' order: most matching strings first, then by number.
  return candidatesByContact(found, (a, b) => b.noOfMatchingStrings - a.noOfMatchingStrings || byNo(a, b));
}

const byNo = (a: DuplicateCandidate, b: DuplicateCandidate) => (a.contactNo < b.contactNo ? -1 : a.contactNo > b.contactNo ? 1 : 0);

function candidatesByContact(found: readonly Pair[], order: (a: DuplicateCandidate, b: DuplicateCandidate) => number): Map<string, DuplicateCandidate[]> {
  const byContact = new Map<string, DuplicateCandidate[]>();
  for (const pair of found) {
    const list = byContact.get(pair.no) ?? [];
    list.push({ contactNo: pair.other, name: pair.name, type: pair.type, noOfMatchingStrings: pair.strings, exactMatches: pair.exact, separateContacts: false });
    byContact.set(pair.no, list);
  }
  for (const list of byContact.values()) list.sort(order);
  return byContact;
}

/** The pairs of the hit % and of the same own e-mail or phone, each contact against those `existedBefore` allows. */
async function findPairs(
  tx: Queryable,
  tenantId: string,
  created: readonly Created[],
  searchSetup: readonly DuplicateSearchStringSetup[],
  setup: MarketingSetup,
  existedBefore: (no: string, other: string) => boolean,
): Promise<Pair[]> {
  const pairs = new Map<string, Pair>();
  const pairOf = (no: string, other: string, name: string, type: Contact['type']): Pair | undefined => {
    if (!existedBefore(no, other)) return undefined;
    const key = `${no}\u0000${other}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { no, other, name, type, strings: 0, exact: [] }));
    return pair;
  };

  const threshold = duplicateThreshold(searchSetup.length, setup.searchHitPercent);
  for (const row of await contactsOverThreshold(tx, tenantId, created, threshold, existedBefore)) {
    const pair = pairOf(row.no, row.other, row.name, row.type);
    if (pair) pair.strings = row.n;
  }
  for (const row of await exactMatches(tx, tenantId, created)) {
    const pair = pairOf(row.no, row.other, row.name, row.type);
    if (pair && !pair.exact.includes(row.kind)) pair.exact.push(row.kind);
  }
  const found = [...pairs.values()];
  for (const pair of found) pair.exact.sort((a, b) => EXACT_ORDER.indexOf(a) - EXACT_ORDER.indexOf(b));
  // No. of Matching Strings is a count for every candidate, also one found only by e-mail or phone.
  const exactOnly = found.filter((pair) => pair.strings === 0);
  if (exactOnly.length > 0) {
    const stringsOf = new Map(created.map((each) => [each.contact.no, each.strings]));
    const stored = await searchStringsOf(tx, tenantId, [...new Set(exactOnly.map((pair) => pair.other))]);
    for (const pair of exactOnly) pair.strings = countMatchingStrings(stringsOf.get(pair.no) ?? [], stored.get(pair.other) ?? []);
  }
  return found;
}

/**
 * The check of a whole batch of prospective contacts, writing nothing: for each, the stored
 * contacts that checkDuplicates would report had it been asked about that contact alone — the hit %
 * over its search strings and the same own e-mail or phone — found with the queries a batch
 * creation uses for its pairs. The prospects are not compared with one another, and their numbers
 * are ignored. Answers in prospect order, each list ordered as checkDuplicates orders it.
 */
export async function findProspectDuplicates(
  db: Queryable,
  tenantId: string,
  prospects: readonly Contact[],
  setup: MarketingSetup,
  searchSetup: readonly DuplicateSearchStringSetup[],
): Promise<DuplicateCandidate[][]> {
  if (prospects.length === 0) return [];
  // A name no stored contact can have (numbers are upper-case codes of at most 20 characters).
  const keyOf = (index: number) => `prospect ${index} of the batch checked`;
  const batch: Created[] = prospects.map((prospect, index) => {
    const contact = { ...prospect, no: keyOf(index) };
    return { row: index, ordinal: index, contact, noSeries: '', warnings: [], strings: buildDuplicateSearchStrings(indexedValues(contact), searchSetup) };
  });
  const keys = new Set(batch.map((each) => each.contact.no));
  const found = await findPairs(db, tenantId, batch, searchSetup, setup, (no, other) => other !== no && !keys.has(other));
  // checkDuplicates' order: most matching strings first, then most exact matches, then by number.
  const byContact = candidatesByContact(found, (a, b) => b.noOfMatchingStrings - a.noOfMatchingStrings || b.exactMatches.length - a.exactMatches.length || byNo(a, b));
  return batch.map((each) => byContact.get(each.contact.no) ?? []);
}

/** The order refreshDuplicates finds exact matches in: e-mail first. */
const EXACT_ORDER: readonly ExactMatch[] = ['email', 'phone'];

const stringKey = (s: DuplicateSearchString) => `${s.field}\u0000${s.part}\u0000${s.searchString}`;

/**
 * contactsOverThreshold for the whole batch, exact like it: a contact reaching the threshold shares
 * at least one of any k − threshold + 1 strings, so each contact's rarest strings seed its
 * candidates. One query reads the holders of every distinct string, up to COMMON_STRING + 1 of
 * them (the count ranks the strings; a seed with more is read whole); a candidate's count then
 * follows from the complete lists, and only a candidate that could still reach the threshold
 * through the strings whose lists were cut has its own strings read (one query).
 */
async function contactsOverThreshold(
  tx: Queryable,
  tenantId: string,
  created: readonly Created[],
  threshold: number,
  existedBefore: (no: string, other: string) => boolean,
): Promise<{ no: string; other: string; name: string; type: Contact['type']; n: number }[]> {
  const searching = created.filter((each) => each.strings.length > 0 && candidateStringCount(each.strings.length, threshold) > 0);
  if (searching.length === 0) return [];

  // Each distinct string's contacts, up to COMMON_STRING + 1 of them: the count ranks the strings by rarity.
  const distinct = [...new Map(searching.flatMap((each) => each.strings.map((s) => [stringKey(s), s] as const))).values()];
  const holders = await contactsHolding(tx, tenantId, distinct, COMMON_STRING + 1);
  const keyed = new Map(distinct.map((s) => [stringKey(s), s]));
  const fullyRead = new Set<string>();
  // A list no longer than COMMON_STRING, or read whole, names every holder of its string.
  const complete = (key: string) => (holders.get(key)?.length ?? 0) <= COMMON_STRING || fullyRead.has(key);
  const readWhole = async (keys: readonly string[], limit: number | null) => {
    const wanted = [...new Set(keys)].filter((key) => !complete(key));
    if (wanted.length === 0) return;
    for (const [key, list] of await contactsHolding(tx, tenantId, wanted.map((key) => keyed.get(key) as DuplicateSearchString), limit === null ? null : limit + 1)) {
      holders.set(key, list);
      if (limit === null || list.length <= limit) fullyRead.add(key);
    }
  };

  const rankedOf = new Map<string, string[]>();
  const seedsOf = new Map<string, string[]>();
  for (const each of searching) {
    const ranked = each.strings.map(stringKey).sort((a, b) => (holders.get(a)?.length ?? 0) - (holders.get(b)?.length ?? 0));
    rankedOf.set(each.contact.no, ranked);
    seedsOf.set(each.contact.no, ranked.slice(0, candidateStringCount(each.strings.length, threshold)));
  }

  // A candidate holding a of the s seeds misses s − a of them and may miss at most a − 1 more
  // (k − threshold = s − 1 in all): one holding a single seed must hold every other string, the
  // rarest above all. The lists of the next rarest strings, read whole with the seeds' (one
  // query), rule most candidates out without reading their strings.
  const filters = [...rankedOf.entries()].flatMap(([no, ranked]) => ranked.slice(seedsOf.get(no)?.length ?? 0, (seedsOf.get(no)?.length ?? 0) + FILTER_STRINGS));
  const seedKeys = [...seedsOf.values()].flat();
  await readWhole([...seedKeys, ...filters], FILTER_LIST_LIMIT);
  await readWhole(seedKeys, null); // a seed held by more than FILTER_LIST_LIMIT contacts

  // Each candidate's count is known from the complete lists, give or take the strings whose lists
  // were cut: only a candidate that could still reach the threshold through them has its own strings read.
  const holderSets = new Map<string, Set<string>>();
  const holderSet = (key: string): Set<string> => {
    let set = holderSets.get(key);
    if (!set) holderSets.set(key, (set = new Set(holders.get(key))));
    return set;
  };
  const counted: { no: string; other: string; n: number }[] = [];
  const unsettled: { no: string; other: string }[] = [];
  for (const each of searching) {
    const no = each.contact.no;
    const candidates = [...new Set((seedsOf.get(no) ?? []).flatMap((key) => holders.get(key) ?? []))].filter((other) => existedBefore(no, other));
    if (candidates.length === 0) continue;
    const known = new Map<string, number>(candidates.map((other) => [other, 0]));
    let cut = 0;
    for (const key of rankedOf.get(no) ?? []) {
      if (!complete(key)) {
        cut++;
        continue;
      }
      const list = holders.get(key) ?? [];
      if (list.length <= known.size) {
        for (const other of list) {
          const n = known.get(other);
          if (n !== undefined) known.set(other, n + 1);
        }
      } else {
        const set = holderSet(key);
        for (const [other, n] of known) if (set.has(other)) known.set(other, n + 1);
      }
    }
    for (const [other, n] of known) {
      if (n + cut < threshold) continue;
      if (cut === 0) counted.push({ no, other, n });
      else unsettled.push({ no, other });
    }
  }

  const stringsOf = new Map<string, string[]>();
  const others = [...new Set(unsettled.map((row) => row.other))];
  const stringRows =
    others.length === 0
      ? []
      : await tx.query<{ contact_no: string; field: string; part: string; search_string: string }>(
          `SELECT s.contact_no, s.field, s.part, s.search_string FROM unnest($2::text[]) AS c(no)
           CROSS JOIN LATERAL (
             SELECT s.contact_no, s.field, s.part, s.search_string FROM contact_duplicate_search_string s
             WHERE s.tenant_id = $1 AND s.contact_no = c.no OFFSET 0) s`,
          [tenantId, others],
        );
  for (const row of stringRows) {
    const list = stringsOf.get(row.contact_no) ?? [];
    list.push(`${row.field}\u0000${row.part}\u0000${row.search_string}`);
    stringsOf.set(row.contact_no, list);
  }
  const wantedOf = new Map(searching.map((each) => [each.contact.no, new Set(each.strings.map(stringKey))]));
  const over = [
    ...counted,
    ...unsettled.map((row) => {
      const wanted = wantedOf.get(row.no);
      return { ...row, n: (stringsOf.get(row.other) ?? []).filter((key) => wanted?.has(key)).length };
    }),
  ].filter((row) => row.n >= threshold);
  if (over.length === 0) return [];

  const batch = new Map(created.map((each) => [each.contact.no, each.contact]));
  const stored = await namesAndTypes(tx, tenantId, [...new Set(over.map((row) => row.other).filter((no) => !batch.has(no)))]);
  return over.flatMap((row) => {
    const other = batch.get(row.other) ?? stored.get(row.other);
    const type = batch.get(row.no)?.type;
    return other && other.type === type ? [{ no: row.no, other: row.other, name: other.name, type: other.type, n: row.n }] : [];
  });
}

/** The contacts holding each string, at most `limit` per string (null: all), keyed by stringKey. */
async function contactsHolding(tx: Queryable, tenantId: string, strings: readonly DuplicateSearchString[], limit: number | null): Promise<Map<string, string[]>> {
  // One row per string, its holders as a JSON array: far fewer rows to decode than one per holder.
  const rows = await tx.query<{ i: number; holders: string[] | null }>(
    `SELECT q.i::int AS i, (SELECT json_agg(h.contact_no) FROM (
         SELECT s.contact_no FROM contact_duplicate_search_string s
         WHERE s.tenant_id = $1 AND s.field = q.field AND s.part = q.part AND s.search_string = q.str ${limit === null ? 'OFFSET 0' : `LIMIT ${limit}`}) h) AS holders
     FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS q(field, part, str, i)`,
    [tenantId, strings.map((s) => s.field), strings.map((s) => s.part), strings.map((s) => s.searchString)],
  );
  const holders = new Map<string, string[]>(strings.map((s) => [stringKey(s), []]));
  for (const row of rows) {
    const string = strings[row.i - 1];
    if (string) holders.set(stringKey(string), row.holders ?? []);
  }
  return holders;
}

async function namesAndTypes(tx: Queryable, tenantId: string, nos: readonly string[]): Promise<Map<string, { name: string; type: Contact['type'] }>> {
  if (nos.length === 0) return new Map();
  const rows = await tx.query<{ no: string; name: string; type: Contact['type'] }>(
    `SELECT k.no, k.name, k.type FROM unnest($2::text[]) AS c(no)
     CROSS JOIN LATERAL (SELECT k.no, k.name, k.type FROM contact k WHERE k.tenant_id = $1 AND k.no = c.no OFFSET 0) k`,
    [tenantId, [...nos]],
  );
  return new Map(rows.map((row) => [row.no, { name: row.name, type: row.type }]));
}

/** exactMatches for the whole batch: every contact's own e-mail and phones, each an index probe, in one query. */
async function exactMatches(tx: Queryable, tenantId: string, created: readonly Created[]): Promise<{ no: string; other: string; name: string; type: Contact['type']; kind: ExactMatch }[]> {
  const emails: { no: string; type: string; key: string }[] = [];
  const phones: { no: string; type: string; key: string }[] = [];
  for (const { contact } of created) {
    const email = normalizeEmail(ownValue(contact, 'email'));
    if (email) emails.push({ no: contact.no, type: contact.type, key: email });
    const own = new Set([ownValue(contact, 'phoneNo'), ownValue(contact, 'mobilePhoneNo')].map(normalizePhoneForMatch).filter((phone) => phone.length >= 6));
    for (const phone of own) phones.push({ no: contact.no, type: contact.type, key: phone });
  }
  if (emails.length === 0 && phones.length === 0) return [];
  const match = (probes: string, column: string, inheritedField: string, kind: ExactMatch) => `
     SELECT p.no, k.no AS other, k.name, k.type, '${kind}' AS kind FROM ${probes}
     CROSS JOIN LATERAL (
       SELECT k.no, k.name, k.type FROM contact k
       WHERE k.tenant_id = $1 AND k.${column} = p.key AND k.${column} <> '' AND k.no <> p.no AND k.type = p.type
         AND NOT (k.type = 'person' AND '${inheritedField}' = ANY(k.inherited_fields)) OFFSET 0) k`;
  const emailProbes = 'unnest($2::text[], $3::text[], $4::text[]) AS p(no, type, key)';
  const phoneProbes = 'unnest($5::text[], $6::text[], $7::text[]) AS p(no, type, key)';
  return tx.query(
    `${match(emailProbes, 'search_email', 'email', 'email')}
     UNION ALL ${match(phoneProbes, 'search_phone_no', 'phoneNo', 'phone')}
     UNION ALL ${match(phoneProbes, 'search_mobile_phone_no', 'mobilePhoneNo', 'phone')}`,
    [tenantId, emails.map((p) => p.no), emails.map((p) => p.type), emails.map((p) => p.key), phones.map((p) => p.no), phones.map((p) => p.type), phones.map((p) => p.key)],
  );
}
