import { RapportError } from '../../../domain/errors';
import type { SegmentCriteria, SegmentOptions } from '../../../domain/segment/segment-criteria';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import { contactLines, contactsToAddSql, linesToRemoveSql } from './segment-criteria-sql';

export type SegmentLine = { lineNo: number; contactNo: string; campaignTarget: boolean };
/** A line as GET /segments/:no/lines shows it, with the contact's names (Segment Line's Contact Name and Contact Company Name). */
export type SegmentLineView = SegmentLine & { contactName: string; contactCompanyName: string };
export type CriteriaActionKind = 'add' | 'reduce' | 'refine';
/** A criteria action as saved criteria keep it (§6.2): what was asked, not what it did. */
export type CriteriaAction = { kind: CriteriaActionKind; criteria: SegmentCriteria; options: SegmentOptions };

/**
 * Lines are numbered as in Business Central: a new line follows the last one by 10,000. A line
 * keeps its number, so a page boundary stays where it was while lines come and go.
 */
const LINE_NO_STEP = 10000;

const toLine = (row: Record<string, unknown>) => {
  const line = fromRow<SegmentLine>(row);
  return { ...line, lineNo: Number(line.lineNo) };
};

/** Every line of the segment in line order (logging reads them all). */
export async function allLines(db: Queryable, tenantId: string, segmentNo: string): Promise<SegmentLine[]> {
  const rows = await db.query('SELECT line_no, contact_no, campaign_target FROM segment_line WHERE tenant_id = $1 AND segment_no = $2 ORDER BY line_no', [tenantId, segmentNo]);
  return rows.map(toLine);
}

/** The lines after line number `after`, in line order, `limit` at most. */
export async function linesAfter(db: Queryable, tenantId: string, segmentNo: string, after: number, limit: number): Promise<SegmentLine[]> {
  const rows = await db.query(
    'SELECT line_no, contact_no, campaign_target FROM segment_line WHERE tenant_id = $1 AND segment_no = $2 AND line_no > $3 ORDER BY line_no LIMIT $4',
    [tenantId, segmentNo, after, limit],
  );
  return rows.map(toLine);
}

/** The same page as `linesAfter`, with each contact's name and company name ('' for a contact that is gone). */
export async function lineViewsAfter(db: Queryable, tenantId: string, segmentNo: string, after: number, limit: number): Promise<SegmentLineView[]> {
  const rows = await db.query(
    `SELECT l.line_no, l.contact_no, l.campaign_target, COALESCE(c.name, '') AS contact_name, COALESCE(c.company_name, '') AS contact_company_name
       FROM segment_line l LEFT JOIN contact c ON c.tenant_id = l.tenant_id AND c.no = l.contact_no
      WHERE l.tenant_id = $1 AND l.segment_no = $2 AND l.line_no > $3 ORDER BY l.line_no LIMIT $4`,
    [tenantId, segmentNo, after, limit],
  );
  return rows.map((row) => ({ ...fromRow<SegmentLineView>(row), lineNo: Number(row.line_no) }));
}

/** No. of Lines (a FlowField, §6.1). */
export async function countLines(db: Queryable, tenantId: string, segmentNo: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM segment_line WHERE tenant_id = $1 AND segment_no = $2', [tenantId, segmentNo]);
  return Number(row?.n ?? 0);
}

/** No. of Criteria Actions (a FlowField, §6.1): the actions Go Back can still undo. */
export async function countCriteriaActions(db: Queryable, tenantId: string, segmentNo: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM segment_criteria_action WHERE tenant_id = $1 AND segment_no = $2', [tenantId, segmentNo]);
  return Number(row?.n ?? 0);
}

/** The segment's criteria actions in the order they ran. */
export async function criteriaActions(db: Queryable, tenantId: string, segmentNo: string): Promise<CriteriaAction[]> {
  const rows = await db.query<{ kind: CriteriaActionKind; criteria: SegmentCriteria; options: SegmentOptions }>(
    'SELECT kind, criteria, options FROM segment_criteria_action WHERE tenant_id = $1 AND segment_no = $2 ORDER BY action_no',
    [tenantId, segmentNo],
  );
  return rows.map(({ kind, criteria, options }) => ({ kind, criteria, options }));
}

/**
 * Appends lines for `contactNos` in that order (a follow-up segment's copy), with the segment's
 * Campaign Target; not a criteria action.
 */
export async function appendLines(tx: Queryable, tenantId: string, segmentNo: string, contactNos: readonly string[], campaignTarget: boolean): Promise<void> {
  if (contactNos.length === 0) return;
  await tx.query(
    `INSERT INTO segment_line (tenant_id, segment_no, line_no, contact_no, campaign_target)
     SELECT $1, $2, base.line_no + ${LINE_NO_STEP} * copied.ordinality, copied.contact_no, $4::boolean
       FROM unnest($3::text[]) WITH ORDINALITY AS copied (contact_no, ordinality),
            (SELECT COALESCE(max(line_no), 0) AS line_no FROM segment_line WHERE tenant_id = $1 AND segment_no = $2) base`,
    [tenantId, segmentNo, [...contactNos], campaignTarget],
  );
}

/**
 * The Campaign Target of a new line of contact `contactNo` (a column reference) on the segment
 * (`$1`, `$2`): that of the contact's last line when it has one (all lines of a contact share it,
 * since a change of it reaches them all), else the segment's, `targetParam`. One index probe per
 * new line, whatever the planner believes of the segment's size.
 */
const campaignTargetOf = (contactNo: string, targetParam: string) =>
  `COALESCE((SELECT e.campaign_target FROM ${contactLines(contactNo, 'e', ['segment_no', 'line_no', 'campaign_target'])} WHERE e.segment_no = $2 ORDER BY e.line_no DESC LIMIT 1), ${targetParam}::boolean)`;

/**
 * JIT compilation is for long analytical queries: on these statements it takes longer to compile
 * (half a second and more on PostgreSQL 15) than the work it would speed up.
 */
const withoutJit = (tx: Queryable) => tx.query('SET LOCAL jit = off');

const isEmpty = async (tx: Queryable, tenantId: string, segmentNo: string) =>
  (await tx.query('SELECT 1 FROM segment_line WHERE tenant_id = $1 AND segment_no = $2 LIMIT 1', [tenantId, segmentNo])).length === 0;

/**
 * The options Add runs with: on an empty segment no contact is on it already, so Allow Existing
 * Contacts changes nothing, and the check of every contact against the segment's lines is skipped.
 */
const addOptions = (options: SegmentOptions, empty: boolean): SegmentOptions => ({ ...options, allowExistingContacts: options.allowExistingContacts || empty });

/**
 * Runs one Add / Reduce / Refine action (§6.2) on the segment's lines, set-based, and records it as
 * the segment's next criteria action with the contacts of the lines it added or removed, for Go
 * Back. Added lines follow the last line in contact number order and take the Campaign Target of
 * the contact's line when it has one already (Allow Existing Contacts), else the segment's; reduce
 * and refine delete lines and keep the others' numbers. `options` matter to Add only and are
 * recorded as given, so a saved action is re-applied the same way. Returns how many lines it added
 * and removed. The caller holds the segment's header locked, so no other action takes its number.
 */
export async function runCriteriaAction(
  tx: Queryable,
  tenantId: string,
  segmentNo: string,
  campaignTarget: boolean,
  action: CriteriaAction,
): Promise<{ added: number; removed: number }> {
  await withoutJit(tx);
  const [last] = await tx.query<{ action_no: number }>('SELECT COALESCE(max(action_no), 0) AS action_no FROM segment_criteria_action WHERE tenant_id = $1 AND segment_no = $2', [
    tenantId,
    segmentNo,
  ]);
  const record = (params: unknown[], change: 'added' | 'removed', changed: string) => {
    const values = [Number(last?.action_no ?? 0) + 1, action.kind, JSON.stringify(action.criteria), JSON.stringify(action.options)].map((value) => `$${params.push(value)}`);
    return `INSERT INTO segment_criteria_action (tenant_id, segment_no, action_no, kind, criteria, options, ${change})
            SELECT $1, $2, ${values.join(', ')}, ${changed}
            RETURNING cardinality(${change}) AS n`;
  };
  if (action.kind === 'add') {
    // No new line of an empty segment has an old one to take its Campaign Target from.
    const empty = await isEmpty(tx, tenantId, segmentNo);
    const fragment = contactsToAddSql(tenantId, segmentNo, action.criteria, addOptions(action.options, empty));
    const params = [...fragment.params];
    const targetParam = `$${params.push(campaignTarget)}`;
    // Only with Allow Existing Contacts can an added contact have a line to take its Campaign Target from.
    const target = action.options.allowExistingContacts && !empty ? campaignTargetOf('a.contact_no', targetParam) : `${targetParam}::boolean`;
    const [row] = await tx.query<{ n: number }>(
      `WITH base AS (SELECT COALESCE(max(line_no), 0) AS line_no FROM segment_line WHERE tenant_id = $1 AND segment_no = $2),
            candidates AS (${fragment.sql}),
            added AS (
              INSERT INTO segment_line (tenant_id, segment_no, line_no, contact_no, campaign_target)
              SELECT $1, a.segment_no, base.line_no + ${LINE_NO_STEP} * row_number() OVER (ORDER BY a.contact_no), a.contact_no, ${target}
                FROM candidates a CROSS JOIN base
              RETURNING contact_no),
            recorded AS (${record(params, 'added', "(SELECT COALESCE(array_agg(contact_no), '{}') FROM added)")})
       SELECT n FROM recorded`,
      params,
    );
    return { added: Number(row?.n ?? 0), removed: 0 };
  }
  const fragment = linesToRemoveSql(tenantId, segmentNo, action.kind, action.criteria);
  const params = [...fragment.params];
  // The lines found in contact order are deleted by their row addresses, as Go Back deletes.
  const [row] = await tx.query<{ n: number }>(
    `WITH removed AS (DELETE FROM segment_line WHERE ctid = ANY (ARRAY(SELECT removing.ctid FROM (${fragment.sql}) removing)) RETURNING line_no, contact_no),
          recorded AS (${record(params, 'removed', "(SELECT COALESCE(array_agg(contact_no ORDER BY line_no), '{}') FROM removed)")})
     SELECT n FROM recorded`,
    params,
  );
  return { added: 0, removed: Number(row?.n ?? 0) };
}

/**
 * What `runCriteriaAction` would do, changing nothing: how many lines it would add and remove, and
 * the No. of Lines before it.
 */
export async function previewCriteriaAction(tx: Queryable, tenantId: string, segmentNo: string, action: CriteriaAction): Promise<{ added: number; removed: number; noOfLines: number }> {
  await withoutJit(tx);
  const fragment =
    action.kind === 'add'
      ? contactsToAddSql(tenantId, segmentNo, action.criteria, addOptions(action.options, await isEmpty(tx, tenantId, segmentNo)))
      : linesToRemoveSql(tenantId, segmentNo, action.kind, action.criteria);
  const [row] = await tx.query<{ changed: number; lines: number }>(
    `SELECT (SELECT count(*) FROM (${fragment.sql}) changed)::int AS changed,
            (SELECT count(*) FROM segment_line WHERE tenant_id = $1 AND segment_no = $2)::int AS lines`,
    fragment.params,
  );
  const changed = Number(row?.changed ?? 0);
  return { added: action.kind === 'add' ? changed : 0, removed: action.kind === 'add' ? 0 : changed, noOfLines: Number(row?.lines ?? 0) };
}

/**
 * Go Back (§6.2): undoes the segment's last criteria action and forgets it. For every line it
 * added, the contact's last line is deleted (the line it added, unless lines were typed and deleted
 * since); the lines it removed come back after the last line, in their old order, with the Campaign
 * Target of the contact's line when it still has one, else the segment's. Refused with `conflict`
 * when there is no action to undo.
 */
export async function goBackCriteriaAction(tx: Queryable, tenantId: string, segmentNo: string, campaignTarget: boolean): Promise<void> {
  await withoutJit(tx);
  const [last] = await tx.query<{ action_no: number }>('SELECT max(action_no) AS action_no FROM segment_criteria_action WHERE tenant_id = $1 AND segment_no = $2', [tenantId, segmentNo]);
  if (last?.action_no == null) throw new RapportError('conflict', 'There is no criteria action to go back from.');
  const actionNo = Number(last.action_no);
  // For each contact the action added n lines of, its last n lines: found by one index probe per
  // added contact, in contact order (the index is read page after page), and deleted by their row
  // addresses, a plan that cannot turn quadratic while the statistics still see the segment empty
  // (a join of its lines with the action's would). No other transaction moves these rows
  // meanwhile: every writer of a segment's lines holds its header.
  await tx.query(
    `DELETE FROM segment_line WHERE ctid = ANY (ARRAY(
       SELECT last.ctid
         FROM (SELECT added.contact_no, count(*) AS n
                 FROM segment_criteria_action a CROSS JOIN LATERAL unnest(a.added) AS added (contact_no)
                WHERE a.tenant_id = $1 AND a.segment_no = $2 AND a.action_no = $3 GROUP BY added.contact_no ORDER BY added.contact_no) a
              CROSS JOIN LATERAL (
                SELECT l.ctid FROM ${contactLines('a.contact_no', 'l', ['ctid', 'segment_no', 'line_no'])} WHERE l.segment_no = $2 ORDER BY l.line_no DESC LIMIT a.n) last))`,
    [tenantId, segmentNo, actionNo],
  );
  // The removed lines come back numbered in their old order, their Campaign Targets looked up in contact order.
  await tx.query(
    `INSERT INTO segment_line (tenant_id, segment_no, line_no, contact_no, campaign_target)
     SELECT $1, $2, base.line_no + ${LINE_NO_STEP} * r.seq, r.contact_no, ${campaignTargetOf('r.contact_no', '$4')}
       FROM (SELECT removed.contact_no, removed.seq
               FROM segment_criteria_action a CROSS JOIN LATERAL unnest(a.removed) WITH ORDINALITY AS removed (contact_no, seq)
              WHERE a.tenant_id = $1 AND a.segment_no = $2 AND a.action_no = $3
              ORDER BY removed.contact_no OFFSET 0) r,
            (SELECT COALESCE(max(line_no), 0) AS line_no FROM segment_line WHERE tenant_id = $1 AND segment_no = $2) base`,
    [tenantId, segmentNo, actionNo, campaignTarget],
  );
  await tx.query('DELETE FROM segment_criteria_action WHERE tenant_id = $1 AND segment_no = $2 AND action_no = $3', [tenantId, segmentNo, actionNo]);
}
