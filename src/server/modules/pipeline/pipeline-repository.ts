import type { Queryable } from '../../db/db';
import { campaignTargetContactsSql } from '../campaigns/campaign-repository';

/**
 * Which opportunities a pipeline read covers. `salespersonCode` is already the one the user may
 * see (pipeline-service decides); every other field narrows further.
 */
export type PipelineScope = {
  salespersonCode?: string | undefined;
  teamCode?: string | undefined;
  salesCycleCode?: string | undefined;
  campaignNo?: string | undefined;
  contactNo?: string | undefined;
};

export type OpportunityStatusFilter = 'open' | 'won' | 'lost' | 'closed' | 'all';

const STATUS_CONDITION: Record<OpportunityStatusFilter, string> = {
  open: 'NOT o.closed',
  won: "o.status = 'won'",
  lost: "o.status = 'lost'",
  closed: 'o.closed',
  all: 'true',
};

/** SQL conditions to join with AND, and their parameters numbered from `first` in the order added. */
function conditions(first: number) {
  const sql: string[] = [];
  const params: unknown[] = [];
  return {
    sql,
    params,
    add(condition: (placeholder: string) => string, value: unknown) {
      params.push(value);
      sql.push(condition(`$${first + params.length - 1}`));
    },
    /** The placeholder of a parameter that is not a condition (a LIMIT). */
    param(value: unknown): string {
      params.push(value);
      return `$${first + params.length - 1}`;
    },
  };
}

/** The scope as SQL conditions on `o` (opportunity), with their parameters numbered from `first`. */
function scopeConditions(scope: PipelineScope, first: number): ReturnType<typeof conditions> {
  const built = conditions(first);
  const { add } = built;
  if (scope.salespersonCode !== undefined) add((p) => `o.salesperson_code = ${p}`, scope.salespersonCode);
  if (scope.teamCode !== undefined) add((p) => `o.salesperson_code IN (SELECT t.salesperson_code FROM team_salesperson t WHERE t.tenant_id = o.tenant_id AND t.team_code = ${p})`, scope.teamCode);
  if (scope.salesCycleCode !== undefined) add((p) => `o.sales_cycle_code = ${p}`, scope.salesCycleCode);
  if (scope.campaignNo !== undefined) add((p) => `o.campaign_no = ${p}`, scope.campaignNo);
  if (scope.contactNo !== undefined) add((p) => `(o.contact_no = ${p} OR o.contact_company_no = ${p})`, scope.contactNo);
  return built;
}

/** The opportunity and its current (active) entry, as `o` and `e`. */
const FROM_WITH_CURRENT_STAGE = `opportunity o LEFT JOIN opportunity_entry e ON e.tenant_id = o.tenant_id AND e.opportunity_no = o.no AND e.active`;

const TOTALS = `count(*) AS count, COALESCE(sum(e.estimated_value_lcy), 0) AS estimated, COALESCE(sum(e.calcd_current_value_lcy), 0) AS calcd`;
type TotalsRow = { count: string; estimated: string; calcd: string };
export type Totals = { count: number; estimatedValueLcy: number; calcdCurrentValueLcy: number };
const totalsOf = (row: TotalsRow): Totals => ({ count: Number(row.count), estimatedValueLcy: Number(row.estimated), calcdCurrentValueLcy: Number(row.calcd) });

export type OpportunityListFilter = PipelineScope & {
  status: OpportunityStatusFilter;
  estimatedCloseFrom?: string | undefined;
  estimatedCloseTo?: string | undefined;
  after?: string | undefined;
  limit: number;
};

/** The numbers of a page of opportunities in number order, from the keyset `after`. */
export async function opportunityNosPage(db: Queryable, tenantId: string, filter: OpportunityListFilter): Promise<string[]> {
  const where = scopeConditions(filter, 2);
  where.sql.push(STATUS_CONDITION[filter.status]);
  if (filter.estimatedCloseFrom !== undefined) where.add((p) => `e.estimated_close_date >= ${p}::date`, filter.estimatedCloseFrom);
  if (filter.estimatedCloseTo !== undefined) where.add((p) => `e.estimated_close_date <= ${p}::date`, filter.estimatedCloseTo);
  if (filter.after !== undefined) where.add((p) => `o.no > ${p}`, filter.after);
  const limit = where.param(filter.limit);
  const rows = await db.query<{ no: string }>(
    `SELECT o.no FROM ${FROM_WITH_CURRENT_STAGE} WHERE o.tenant_id = $1 AND ${where.sql.join(' AND ')} ORDER BY o.no LIMIT ${limit}`,
    [tenantId, ...where.params],
  );
  return rows.map((row) => row.no);
}

export type StageTotals = Totals & { stage: number; averageProbabilityPct: number };

/** Open opportunities of one sales cycle by the stage they stand on (0: none entered yet). */
export async function openTotalsByStage(db: Queryable, tenantId: string, scope: PipelineScope & { salesCycleCode: string }): Promise<StageTotals[]> {
  const { sql, params } = scopeConditions(scope, 2);
  const rows = await db.query<TotalsRow & { stage: number; probability: string }>(
    `SELECT COALESCE(e.sales_cycle_stage, 0) AS stage, ${TOTALS}, COALESCE(avg(e.probability_pct), 0) AS probability
     FROM ${FROM_WITH_CURRENT_STAGE} WHERE o.tenant_id = $1 AND NOT o.closed ${sql.map((condition) => `AND ${condition}`).join(' ')}
     GROUP BY 1 ORDER BY 1`,
    [tenantId, ...params],
  );
  return rows.map((row) => ({ stage: Number(row.stage), ...totalsOf(row), averageProbabilityPct: Number(row.probability) }));
}

/** Opportunities closed between two dates (both included), by month closed, outcome and close code. */
export async function closedTotalsByMonth(
  db: Queryable,
  tenantId: string,
  scope: PipelineScope,
  range: { from: string; to: string },
): Promise<(Totals & { month: string; status: 'won' | 'lost'; closeOpportunityCode: string })[]> {
  const { sql, params } = scopeConditions(scope, 4);
  const rows = await db.query<TotalsRow & { month: string; status: 'won' | 'lost'; code: string }>(
    `SELECT to_char(o.date_closed, 'YYYY-MM') AS month, o.status, COALESCE(e.close_opportunity_code, '') AS code, ${TOTALS}
     FROM ${FROM_WITH_CURRENT_STAGE}
     WHERE o.tenant_id = $1 AND o.closed AND o.date_closed BETWEEN $2::date AND $3::date ${sql.map((condition) => `AND ${condition}`).join(' ')}
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [tenantId, range.from, range.to, ...params],
  );
  return rows.map((row) => ({ month: row.month, status: row.status, closeOpportunityCode: row.code, ...totalsOf(row) }));
}

/** Open opportunities by the month of their Estimated Close Date (null: none), in month order, undated last. */
export async function openTotalsByCloseMonth(db: Queryable, tenantId: string, scope: PipelineScope): Promise<(Totals & { month: string | null })[]> {
  const { sql, params } = scopeConditions(scope, 2);
  const rows = await db.query<TotalsRow & { month: string | null }>(
    `SELECT to_char(e.estimated_close_date, 'YYYY-MM') AS month, ${TOTALS}
     FROM ${FROM_WITH_CURRENT_STAGE} WHERE o.tenant_id = $1 AND NOT o.closed ${sql.map((condition) => `AND ${condition}`).join(' ')}
     GROUP BY 1 ORDER BY 1 NULLS LAST`,
    [tenantId, ...params],
  );
  return rows.map((row) => ({ month: row.month, ...totalsOf(row) }));
}

/** The funnel and weekly counts of a campaign (see `campaignPerformanceSchema`). */
export async function campaignPerformance(db: Queryable, tenantId: string, campaignNo: string) {
  const [funnel] = await db.query<{ targets: string; contacted: string; responded: string; opportunities: string; won: string }>(
    `SELECT
       (SELECT count(*) FROM (${campaignTargetContactsSql('$1', '$2')}) t) AS targets,
       (SELECT count(DISTINCT i.contact_no) FROM interaction_log_entry i
          WHERE i.tenant_id = $1 AND i.campaign_no = $2 AND i.campaign_target AND NOT i.canceled AND NOT i.postponed) AS contacted,
       (SELECT count(DISTINCT i.contact_no) FROM interaction_log_entry i
          WHERE i.tenant_id = $1 AND i.campaign_no = $2 AND i.campaign_response AND NOT i.canceled AND NOT i.postponed) AS responded,
       (SELECT count(*) FROM opportunity o WHERE o.tenant_id = $1 AND o.campaign_no = $2) AS opportunities,
       (SELECT count(*) FROM opportunity o WHERE o.tenant_id = $1 AND o.campaign_no = $2 AND o.status = 'won') AS won`,
    [tenantId, campaignNo],
  );
  const weeks = await db.query<{ week_start: string; contacted: string; responded: string }>(
    `SELECT to_char(date_trunc('week', i.date), 'YYYY-MM-DD') AS week_start,
            count(*) FILTER (WHERE i.campaign_target) AS contacted, count(*) FILTER (WHERE i.campaign_response) AS responded
     FROM interaction_log_entry i
     WHERE i.tenant_id = $1 AND i.campaign_no = $2 AND NOT i.canceled AND NOT i.postponed AND (i.campaign_target OR i.campaign_response)
     GROUP BY 1 ORDER BY 1`,
    [tenantId, campaignNo],
  );
  return {
    funnel: {
      targets: Number(funnel?.targets ?? 0),
      contacted: Number(funnel?.contacted ?? 0),
      responded: Number(funnel?.responded ?? 0),
      opportunities: Number(funnel?.opportunities ?? 0),
      won: Number(funnel?.won ?? 0),
    },
    weeks: weeks.map((row) => ({ weekStart: row.week_start, contacted: Number(row.contacted), responded: Number(row.responded) })),
  };
}
