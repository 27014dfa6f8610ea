import type { SegmentCriteria, SegmentOptions } from '../../../domain/segment/segment-criteria';

/** A piece of SQL with its parameters; placeholders `$1…$n` index `params`. */
export type SqlFragment = { sql: string; params: unknown[] };

/** Adds a parameter and returns its placeholder. */
type Bind = (value: unknown) => string;

const binder = (params: unknown[]): Bind => (value) => `$${params.push(value)}`;

/** A Search Name prefix as a LIKE pattern: Search Names are stored upper-cased (a Code field). */
const prefixPattern = (prefix: string) => `${prefix.toUpperCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The contact whose industry groups and business relations count for `c`: its company, or itself (§6.2). */
const companyOf = (c: string) => `CASE WHEN ${c}.company_no <> '' THEN ${c}.company_no ELSE ${c}.no END`;

const codeListCondition = (c: string, bind: Bind, kind: 'mailingGroup' | 'jobResponsibility' | 'industryGroup', codes: readonly string[], owner: string) =>
  `EXISTS (SELECT 1 FROM contact_code cc WHERE cc.tenant_id = ${c}.tenant_id AND cc.kind = '${kind}' AND cc.code = ANY(${bind([...codes])}::text[]) AND cc.contact_no = ${owner})`;

/**
 * The condition that contact row `c` meets every filter section of the criteria (§6.2): the SQL form
 * of `matchesCriteria` in `src/domain/segment/segment-criteria.ts`, which stays the reference it is
 * tested against. Contact fields filter the row; each list of codes needs one matching row of its
 * code list (industry groups and business relations those of the contact's company); interaction
 * fields must all match one interaction log entry that is neither canceled nor postponed. An
 * omitted section, an empty code list and an interaction section without fields filter nothing.
 */
export function criteriaCondition(criteria: SegmentCriteria, bind: Bind, c = 'c'): string {
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
  if (criteria.mailingGroup?.length) conditions.push(codeListCondition(c, bind, 'mailingGroup', criteria.mailingGroup, `${c}.no`));
  if (criteria.jobResponsibility?.length) conditions.push(codeListCondition(c, bind, 'jobResponsibility', criteria.jobResponsibility, `${c}.no`));
  if (criteria.industryGroup?.length) conditions.push(codeListCondition(c, bind, 'industryGroup', criteria.industryGroup, companyOf(c)));
  if (criteria.businessRelation?.length) {
    conditions.push(
      `EXISTS (SELECT 1 FROM contact_business_relation br WHERE br.tenant_id = ${c}.tenant_id AND br.business_relation_code = ANY(${bind([...criteria.businessRelation])}::text[]) AND br.contact_no = ${companyOf(c)})`,
    );
  }
  const filter = criteria.interaction ?? {};
  const entry: string[] = [];
  if (filter.dateFrom !== undefined) entry.push(`i.date >= ${bind(filter.dateFrom)}::date`);
  if (filter.dateTo !== undefined) entry.push(`i.date <= ${bind(filter.dateTo)}::date`);
  const entryEquals = (column: string, value: string | undefined) => {
    if (value !== undefined) entry.push(`i.${column} = ${bind(value)}`);
  };
  entryEquals('segment_no', filter.segmentNo);
  entryEquals('campaign_no', filter.campaignNo);
  entryEquals('evaluation', filter.evaluation);
  entryEquals('interaction_template_code', filter.interactionTemplateCode);
  entryEquals('salesperson_code', filter.salespersonCode);
  if (entry.length > 0) {
    conditions.push(
      `EXISTS (SELECT 1 FROM interaction_log_entry i WHERE i.tenant_id = ${c}.tenant_id AND i.contact_no = ${c}.no AND NOT i.canceled AND NOT i.postponed AND ${entry.join(' AND ')})`,
    );
  }
  return conditions.length === 0 ? 'TRUE' : conditions.join(' AND ');
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
  const selected = `SELECT c.no, c.type, c.company_no FROM contact c WHERE c.tenant_id = $1${eligible('c')} AND ${criteriaCondition(criteria, binder(params))}`;
  const reached = ['SELECT no FROM selected'];
  if (options.expandCompanies) {
    reached.push(
      `SELECT p.no FROM selected s JOIN contact p ON p.tenant_id = $1 AND p.company_no = s.no AND p.type = 'person'${eligible('p')} WHERE s.type = 'company'`,
    );
  }
  if (options.allowRelatedCompanies) {
    reached.push(
      `SELECT co.no FROM selected s JOIN contact co ON co.tenant_id = $1 AND co.no = s.company_no AND co.type = 'company'${eligible('co')} WHERE s.type = 'person' AND s.company_no <> ''`,
    );
  }
  const notOnSegment = options.allowExistingContacts
    ? ''
    : ' WHERE NOT EXISTS (SELECT 1 FROM segment_line l WHERE l.tenant_id = $1 AND l.segment_no = $2 AND l.contact_no = r.no)';
  return {
    sql: `WITH selected AS (${selected}) SELECT $2::text AS segment_no, r.no AS contact_no FROM (${reached.join(' UNION ')}) r${notOnSegment}`,
    params,
  };
}

/**
 * The lines "Reduce Contacts" removes (those whose contact matches the criteria) or "Refine
 * Contacts" removes (those whose contact does not), as a condition on `segment_line l`, the segment
 * included: the SQL form of `reduceContacts` and `refineContacts`. A line whose contact is gone
 * never matches. "Exclude from Segment" plays no part: it only guards adding. `$1` is the tenant and
 * `$2` the segment.
 */
export function linesToRemoveSql(tenantId: string, segmentNo: string, kind: 'reduce' | 'refine', criteria: SegmentCriteria): SqlFragment {
  const params: unknown[] = [tenantId, segmentNo];
  const matches = `EXISTS (SELECT 1 FROM contact c WHERE c.tenant_id = $1 AND c.no = l.contact_no AND ${criteriaCondition(criteria, binder(params))})`;
  return { sql: `l.tenant_id = $1 AND l.segment_no = $2 AND ${kind === 'reduce' ? '' : 'NOT '}${matches}`, params };
}
