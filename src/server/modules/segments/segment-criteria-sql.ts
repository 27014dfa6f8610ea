import type { SegmentCriteria, SegmentOptions } from '../../../domain/segment/segment-criteria';

/*
 * The criteria of §6.2 as SQL, for Add, Reduce and Refine Contacts over any number of contacts.
 *
 * The statements are shaped so that their cost stays linear whatever the planner believes about
 * the tables' sizes. A segment's lines go from none to a hundred thousand in one statement, and
 * PGlite has no autovacuum, so estimates are often far off; joins the planner is free to order then
 * turn into nested loops that rescan a whole table per row. So each check of a row is a sub-select
 * fenced with OFFSET 0, which PostgreSQL runs as it is written, once per row: a probe that selects
 * by one indexed key only (`probe`), its other conditions applied to what it found, outside the
 * fence, so no estimate can lead it to another index. And Add starts from the holders of the code
 * lists (or of the interactions) the criteria name, instead of from every contact: the holders of
 * several lists intersected, a set operation that is linear whatever the estimates, and in key
 * order, so the probes read the contact table and its indexes page after page instead of at random.
 */

/** A piece of SQL with its parameters; placeholders `$1…$n` index `params`. */
export type SqlFragment = { sql: string; params: unknown[] };

/** Adds a parameter and returns its placeholder. */
type Bind = (value: unknown) => string;

const binder = (params: unknown[]): Bind => (value) => `$${params.push(value)}`;

/** A Search Name prefix as a LIKE pattern: Search Names are stored upper-cased (a Code field). */
const prefixPattern = (prefix: string) => `${prefix.toUpperCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The contact whose industry groups and business relations count for `c`: its company, or itself (§6.2). */
const companyOf = (c: string) => `CASE WHEN ${c}.company_no <> '' THEN ${c}.company_no ELSE ${c}.no END`;

/** A sub-select run once per row as written (OFFSET 0 keeps it from being turned into a join). */
const exists = (select: string) => `EXISTS (${select} OFFSET 0)`;

/**
 * The rows of `table` with `key` (the indexed columns of one index, compared to the outer row),
 * fenced: conditions the caller applies to them stay outside, so the key alone chooses the index.
 */
const probe = (table: string, alias: string, columns: string, key: string) => `(SELECT ${columns} FROM ${table} ${alias} WHERE ${key} OFFSET 0) ${alias}`;

/** The contact columns the criteria and the options read. */
const CONTACT_COLUMNS = 'c.tenant_id, c.no, c.type, c.company_no, c.search_name, c.salesperson_code, c.post_code, c.country_region_code, c.territory_code, c.exclude_from_segment';

/** The contacts with `key` (by the primary key or by company), as `c`. */
const contactsWith = (key: string) => probe('contact', 'c', CONTACT_COLUMNS, `c.tenant_id = $1 AND ${key}`);

/**
 * The lines of contact `contactNo` on every segment of the tenant (`$1`), with `columns`, by
 * segment_line_contact; the caller keeps those of its segment. Asking for the segment here would
 * let the primary key compete, which reads every line of the segment.
 */
export const contactLines = (contactNo: string, alias: string, columns: readonly string[]) =>
  probe('segment_line', alias, columns.map((column) => `${alias}.${column}`).join(', '), `${alias}.tenant_id = $1 AND ${alias}.contact_no = ${contactNo}`);

type CodeSection = 'mailingGroup' | 'jobResponsibility' | 'industryGroup' | 'businessRelation';
/** The code list sections in the order they are checked: the contact's own lists first. */
const CODE_SECTIONS: readonly CodeSection[] = ['mailingGroup', 'jobResponsibility', 'industryGroup', 'businessRelation'];
/** The contact's own lists. */
const OWN_SECTIONS: readonly CodeSection[] = ['mailingGroup', 'jobResponsibility'];
/** Sections that belong to the contact's company (§6.2: "matched on the company"). */
const COMPANY_SECTIONS: readonly CodeSection[] = ['industryGroup', 'businessRelation'];
const ON_COMPANY: ReadonlySet<CodeSection> = new Set(COMPANY_SECTIONS);

/**
 * Where Add starts: the holders of the code lists it names of one level (contacts, or companies
 * for industry groups and business relations), the contacts of the interactions it matches, or
 * every contact.
 */
type Start = { from: 'codes'; sections: readonly CodeSection[] } | { from: 'interaction' } | { from: 'contact' };

/** Sections a condition leaves out because Add started from them. */
type Started = ReadonlySet<CodeSection | 'interaction'>;

const codesOf = (criteria: SegmentCriteria, section: CodeSection): readonly string[] => criteria[section] ?? [];

const interactionFilter = (criteria: SegmentCriteria) => Object.fromEntries(Object.entries(criteria.interaction ?? {}).filter(([, value]) => value !== undefined));

/** The rows of the section's code list with one of its codes, as `holder` (a contact, or a company for industry groups and business relations). */
function codeRows(section: CodeSection, codes: readonly string[], bind: Bind, tenant: string): string {
  return section === 'businessRelation'
    ? `SELECT br.contact_no AS holder FROM contact_business_relation br WHERE br.tenant_id = ${tenant} AND br.business_relation_code = ANY(${bind([...codes])}::text[])`
    : `SELECT cc.contact_no AS holder FROM contact_code cc WHERE cc.tenant_id = ${tenant} AND cc.kind = '${section}' AND cc.code = ANY(${bind([...codes])}::text[])`;
}

/** Whether contact `c` (or its company, for the company's sections) has a row of the section with one of the codes. */
function codeCondition(section: CodeSection, codes: readonly string[], bind: Bind, c: string): string {
  const holder = ON_COMPANY.has(section) ? companyOf(c) : `${c}.no`;
  return section === 'businessRelation'
    ? exists(`SELECT 1 FROM contact_business_relation br WHERE br.tenant_id = ${c}.tenant_id AND br.contact_no = ${holder} AND br.business_relation_code = ANY(${bind([...codes])}::text[])`)
    : exists(`SELECT 1 FROM contact_code cc WHERE cc.tenant_id = ${c}.tenant_id AND cc.contact_no = ${holder} AND cc.kind = '${section}' AND cc.code = ANY(${bind([...codes])}::text[])`);
}

/** The interaction log entries, `i`, that the interaction section matches: neither canceled nor postponed, every field on the one entry. */
function interactionConditions(criteria: SegmentCriteria, bind: Bind): string[] {
  const filter = criteria.interaction ?? {};
  const conditions = ['NOT i.canceled', 'NOT i.postponed'];
  if (filter.dateFrom !== undefined) conditions.push(`i.date >= ${bind(filter.dateFrom)}::date`);
  if (filter.dateTo !== undefined) conditions.push(`i.date <= ${bind(filter.dateTo)}::date`);
  const equals = (column: string, value: string | undefined) => {
    if (value !== undefined) conditions.push(`i.${column} = ${bind(value)}`);
  };
  equals('segment_no', filter.segmentNo);
  equals('campaign_no', filter.campaignNo);
  equals('evaluation', filter.evaluation);
  equals('interaction_template_code', filter.interactionTemplateCode);
  equals('salesperson_code', filter.salespersonCode);
  return conditions;
}

/**
 * The condition that contact row `c` meets every filter section of the criteria (§6.2), but the
 * ones Add started from (`started`): the SQL form of `matchesCriteria` in
 * `src/domain/segment/segment-criteria.ts`, which stays the reference it is tested against.
 * Contact fields filter the row; each list of codes needs one matching row of its code list
 * (industry groups and business relations those of the contact's company); interaction fields
 * must all match one interaction log entry that is neither canceled nor postponed. An omitted
 * section, an empty code list and an interaction section without fields filter nothing.
 */
export function criteriaCondition(criteria: SegmentCriteria, bind: Bind, c = 'c', started: Started = new Set()): string {
  const conditions: string[] = [];
  const own = criteria.contact ?? {};
  const equals = (column: string, value: string | undefined) => {
    if (value !== undefined) conditions.push(`${c}.${column} = ${bind(value)}`);
  };
  equals('no', own.no);
  if (own.searchName !== undefined) conditions.push(`${c}.search_name LIKE ${bind(prefixPattern(own.searchName))}`);
  equals('type', own.type);
  equals('salesperson_code', own.salespersonCode);
  equals('post_code', own.postCode);
  equals('country_region_code', own.countryRegionCode);
  equals('territory_code', own.territoryCode);
  for (const section of CODE_SECTIONS) {
    const codes = codesOf(criteria, section);
    if (codes.length > 0 && !started.has(section)) conditions.push(codeCondition(section, codes, bind, c));
  }
  if (Object.keys(interactionFilter(criteria)).length > 0 && !started.has('interaction')) {
    const entries = probe(
      'interaction_log_entry',
      'i',
      'i.date, i.segment_no, i.campaign_no, i.evaluation, i.interaction_template_code, i.salesperson_code, i.canceled, i.postponed',
      `i.tenant_id = ${c}.tenant_id AND i.contact_no = ${c}.no`,
    );
    conditions.push(exists(`SELECT 1 FROM ${entries} WHERE ${interactionConditions(criteria, bind).join(' AND ')}`));
  }
  return conditions.length === 0 ? 'TRUE' : conditions.join(' AND ');
}

/**
 * Where Add starts: the contact's own code lists the criteria name (mailing groups, job
 * responsibilities), else its company's (industry groups, business relations), else the
 * interactions, else every contact. The holders of the lists of one level are intersected: a
 * contact must have a row in each.
 */
function startOf(criteria: SegmentCriteria): Start {
  for (const level of [OWN_SECTIONS, COMPANY_SECTIONS]) {
    const sections = level.filter((section) => codesOf(criteria, section).length > 0);
    if (sections.length > 0) return { from: 'codes', sections };
  }
  return Object.keys(interactionFilter(criteria)).length > 0 ? { from: 'interaction' } : { from: 'contact' };
}

/** The holders Add starts from, each once, in key order. */
function holdersOf(start: Start & { from: 'codes' | 'interaction' }, criteria: SegmentCriteria, bind: Bind): string {
  if (start.from === 'interaction') {
    return `SELECT DISTINCT i.contact_no AS holder FROM interaction_log_entry i WHERE i.tenant_id = $1 AND ${interactionConditions(criteria, bind).join(' AND ')} ORDER BY holder`;
  }
  const [first, ...others] = start.sections.map((section) => codeRows(section, codesOf(criteria, section), bind, '$1'));
  // INTERSECT keeps each holder once; one list alone needs DISTINCT.
  return others.length > 0 ? `${[first, ...others].join(' INTERSECT ')} ORDER BY holder` : `SELECT DISTINCT holder FROM (${first}) code_rows ORDER BY holder`;
}

/**
 * The contacts the criteria select, as `SELECT c.no, c.type, c.company_no`: from the holders Add
 * starts from, each contact found by its key and checked against the other sections.
 */
function selectedContacts(criteria: SegmentCriteria, eligible: (alias: string) => string, bind: Bind): string {
  const start = startOf(criteria);
  const columns = 'c.no, c.type, c.company_no';
  if (start.from === 'contact') return `SELECT ${columns} FROM contact c WHERE c.tenant_id = $1${eligible('c')} AND ${criteriaCondition(criteria, bind)}`;
  const holders = holdersOf(start, criteria, bind);
  const started: Started = new Set(start.from === 'codes' ? start.sections : ['interaction']);
  const rest = `${criteriaCondition(criteria, bind, 'c', started)}${eligible('c')}`;
  const contactsOf = (key: string, extra = '') => `SELECT ${columns} FROM (${holders}) h CROSS JOIN LATERAL ${contactsWith(key)} WHERE ${rest}${extra}`;
  if (start.from === 'interaction' || !start.sections.some((section) => ON_COMPANY.has(section))) return contactsOf('c.no = h.holder');
  // Companies only: each holder's own row, which a company is found by (its Company No. is its own
  // number or blank), not its persons too.
  if (criteria.contact?.type === 'company') return contactsOf('c.no = h.holder', ` AND ${companyOf('c')} = h.holder`);
  // A company's rows count for the company and its persons; a person without a company has its own:
  // the contacts whose holder it is, by the index on that expression (contact_relation_holder).
  return contactsOf(`${companyOf('c')} = h.holder`);
}

/**
 * "Add Contacts" (§6.2) as one SELECT of the lines to add, `segment_no` and `contact_no`: the SQL
 * form of `addContacts`. The contacts the criteria select, then with Expand Companies the persons
 * of each selected company and with Allow Related Companies the company of each selected person;
 * "Exclude from Segment" keeps a contact out however it was reached unless Ignore Exclusion;
 * without Allow Existing Contacts a contact already on the segment is left out. Each contact comes
 * once, in no order: the caller numbers the new lines in contact number order. `$1` is the tenant
 * and `$2` the segment.
 */
export function contactsToAddSql(tenantId: string, segmentNo: string, criteria: SegmentCriteria, options: SegmentOptions): SqlFragment {
  const params: unknown[] = [tenantId, segmentNo];
  const eligible = (alias: string) => (options.ignoreExclusion ? '' : ` AND NOT ${alias}.exclude_from_segment`);
  const reached = ['SELECT no FROM selected'];
  if (options.expandCompanies) {
    reached.push(
      `SELECT c.no FROM selected s CROSS JOIN LATERAL ${contactsWith('c.company_no = s.no')} WHERE s.type = 'company' AND c.type = 'person'${eligible('c')}`,
    );
  }
  if (options.allowRelatedCompanies) {
    reached.push(
      `SELECT c.no FROM selected s CROSS JOIN LATERAL ${contactsWith('c.no = s.company_no')} WHERE s.type = 'person' AND s.company_no <> '' AND c.type = 'company'${eligible('c')}`,
    );
  }
  const notOnSegment = options.allowExistingContacts
    ? ''
    : ` WHERE NOT ${exists(`SELECT 1 FROM ${contactLines('r.no', 'l', ['segment_no'])} WHERE l.segment_no = $2`)}`;
  return {
    sql: `WITH selected AS MATERIALIZED (${selectedContacts(criteria, eligible, binder(params))})
          SELECT $2::text AS segment_no, r.no AS contact_no FROM (${reached.join(' UNION ')}) r${notOnSegment}`,
    params,
  };
}

/**
 * The lines "Reduce Contacts" removes (those whose contact matches the criteria) or "Refine
 * Contacts" removes (those whose contact does not), as `SELECT ctid, line_no, contact_no` of the
 * segment's lines: the SQL form of `reduceContacts` and `refineContacts`. Each line's contact is
 * found by its key and checked, in contact number order, so the probes read the contact table and
 * its indexes page after page however the lines lie on disk. A line whose contact is gone never
 * matches. "Exclude from Segment" plays no part: it only guards adding. `$1` is the tenant and `$2`
 * the segment.
 */
export function linesToRemoveSql(tenantId: string, segmentNo: string, kind: 'reduce' | 'refine', criteria: SegmentCriteria): SqlFragment {
  const params: unknown[] = [tenantId, segmentNo];
  const matches = exists(`SELECT 1 FROM ${contactsWith('c.no = l.contact_no')} WHERE ${criteriaCondition(criteria, binder(params))}`);
  const lines = 'SELECT l.ctid, l.line_no, l.contact_no FROM segment_line l WHERE l.tenant_id = $1 AND l.segment_no = $2 ORDER BY l.contact_no OFFSET 0';
  return { sql: `SELECT l.ctid, l.line_no, l.contact_no FROM (${lines}) l WHERE ${kind === 'reduce' ? '' : 'NOT '}${matches}`, params };
}
