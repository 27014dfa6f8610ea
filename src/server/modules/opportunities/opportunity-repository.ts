import type { Opportunity, OpportunityEntry } from '../../../domain/opportunity/opportunity';
import type { SalesCycle, SalesCycleStage } from '../../../domain/opportunity/sales-cycle';
import type { Queryable } from '../../db/db';
import { fromRow, toSnakeCase } from '../../db/rows';

const OPPORTUNITY_FIELDS: readonly (keyof Opportunity)[] = [
  'no', 'description', 'contactNo', 'contactCompanyNo', 'salespersonCode', 'campaignNo', 'segmentNo', 'salesCycleCode', 'creationDate', 'status',
  'priority', 'closed', 'dateClosed', 'salesDocumentType', 'salesDocumentNo',
];
const ENTRY_FIELDS: readonly (keyof OpportunityEntry)[] = [
  'entryNo', 'opportunityNo', 'salesCycleCode', 'salesCycleStage', 'previousSalesCycleStage', 'dateOfChange', 'active', 'dateClosed', 'daysOpen',
  'actionTaken', 'estimatedValueLcy', 'calcdCurrentValueLcy', 'completedPct', 'chancesOfSuccessPct', 'probabilityPct', 'estimatedCloseDate',
  'closeOpportunityCode',
];
const OPPORTUNITY_COLUMNS = OPPORTUNITY_FIELDS.map(toSnakeCase).join(', ');
const ENTRY_COLUMNS = ENTRY_FIELDS.map(toSnakeCase).join(', ');
const toEntry = (row: Record<string, unknown>): OpportunityEntry => ({ ...fromRow<OpportunityEntry>(row), entryNo: Number(row.entry_no) });

export async function getOpportunity(db: Queryable, tenantId: string, no: string, options: { forUpdate?: boolean } = {}): Promise<Opportunity | undefined> {
  const rows = await db.query(`SELECT ${OPPORTUNITY_COLUMNS} FROM opportunity WHERE tenant_id = $1 AND no = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, no]);
  return rows[0] ? fromRow<Opportunity>(rows[0]) : undefined;
}

export async function opportunityExists(db: Queryable, tenantId: string, no: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM opportunity WHERE tenant_id = $1 AND no = $2', [tenantId, no])).length > 0;
}

export async function insertOpportunity(tx: Queryable, tenantId: string, opportunity: Opportunity, noSeries: string): Promise<void> {
  await tx.query(
    `INSERT INTO opportunity (tenant_id, ${OPPORTUNITY_COLUMNS}, no_series) VALUES ($1, ${OPPORTUNITY_FIELDS.map((_f, i) => `$${i + 2}`).join(', ')}, $${OPPORTUNITY_FIELDS.length + 2})`,
    [tenantId, ...OPPORTUNITY_FIELDS.map((field) => opportunity[field]), noSeries],
  );
}

export async function saveOpportunity(tx: Queryable, tenantId: string, opportunity: Opportunity): Promise<void> {
  const fields = OPPORTUNITY_FIELDS.filter((field) => field !== 'no');
  await tx.query(`UPDATE opportunity SET ${fields.map((field, i) => `${toSnakeCase(field)} = $${i + 3}`).join(', ')} WHERE tenant_id = $1 AND no = $2`, [
    tenantId,
    opportunity.no,
    ...fields.map((field) => opportunity[field]),
  ]);
}

export async function activeEntry(db: Queryable, tenantId: string, opportunityNo: string): Promise<OpportunityEntry | null> {
  const rows = await db.query(`SELECT ${ENTRY_COLUMNS} FROM opportunity_entry WHERE tenant_id = $1 AND opportunity_no = $2 AND active`, [tenantId, opportunityNo]);
  return rows[0] ? toEntry(rows[0]) : null;
}

export async function entriesOf(db: Queryable, tenantId: string, opportunityNo: string): Promise<OpportunityEntry[]> {
  const rows = await db.query(`SELECT ${ENTRY_COLUMNS} FROM opportunity_entry WHERE tenant_id = $1 AND opportunity_no = $2 ORDER BY entry_no`, [tenantId, opportunityNo]);
  return rows.map(toEntry);
}

/** Deactivates the previous entry (with its Days Open) and inserts the new one; returns its number. */
export async function recordEntry(
  tx: Queryable,
  tenantId: string,
  opportunity: Opportunity,
  previous: OpportunityEntry | null,
  entry: OpportunityEntry,
): Promise<number> {
  if (previous) {
    await tx.query('UPDATE opportunity_entry SET active = false, days_open = $3 WHERE tenant_id = $1 AND entry_no = $2', [tenantId, previous.entryNo, previous.daysOpen]);
  }
  const fields = ENTRY_FIELDS.filter((field) => field !== 'entryNo');
  const rows = await tx.query<{ entry_no: number }>(
    `INSERT INTO opportunity_entry (tenant_id, ${fields.map(toSnakeCase).join(', ')}, contact_no, contact_company_no, salesperson_code, campaign_no)
     VALUES ($1, ${fields.map((_f, i) => `$${i + 2}`).join(', ')}, $${fields.length + 2}, $${fields.length + 3}, $${fields.length + 4}, $${fields.length + 5})
     RETURNING entry_no`,
    [tenantId, ...fields.map((field) => entry[field]), opportunity.contactNo, opportunity.contactCompanyNo, opportunity.salespersonCode, opportunity.campaignNo],
  );
  return Number(rows[0]?.entry_no);
}

export async function getSalesCycle(db: Queryable, tenantId: string, code: string): Promise<{ cycle: SalesCycle; stages: SalesCycleStage[] } | undefined> {
  const cycles = await db.query('SELECT code, description, probability_calculation, blocked FROM sales_cycle WHERE tenant_id = $1 AND code = $2', [tenantId, code]);
  if (!cycles[0]) return undefined;
  const stages = await db.query(
    `SELECT sales_cycle_code, stage, description, completed_pct, chances_of_success_pct, activity_code, quote_required, allow_skip, date_formula
     FROM sales_cycle_stage WHERE tenant_id = $1 AND sales_cycle_code = $2 ORDER BY stage`,
    [tenantId, code],
  );
  return { cycle: fromRow<SalesCycle>(cycles[0]), stages: stages.map((row) => fromRow<SalesCycleStage>(row)) };
}

export type OpportunitySummary = Opportunity & { active: OpportunityEntry | null };

/** The opportunities of contacts with their active entries, open ones first then by number. */
export async function opportunitiesOfContacts(db: Queryable, tenantId: string, contactNos: readonly string[]): Promise<OpportunitySummary[]> {
  const rows = await db.query(`SELECT ${OPPORTUNITY_COLUMNS} FROM opportunity WHERE tenant_id = $1 AND contact_no = ANY($2::text[]) ORDER BY closed, no`, [tenantId, [...contactNos]]);
  return withActiveEntries(db, tenantId, rows.map((row) => fromRow<Opportunity>(row)));
}

/** Opportunities by number, with their active entries, in number order. */
export async function opportunitiesByNos(db: Queryable, tenantId: string, nos: readonly string[]): Promise<OpportunitySummary[]> {
  const rows = await db.query(`SELECT ${OPPORTUNITY_COLUMNS} FROM opportunity WHERE tenant_id = $1 AND no = ANY($2::text[]) ORDER BY no`, [tenantId, [...nos]]);
  return withActiveEntries(db, tenantId, rows.map((row) => fromRow<Opportunity>(row)));
}

async function withActiveEntries(db: Queryable, tenantId: string, opportunities: readonly Opportunity[]): Promise<OpportunitySummary[]> {
  if (opportunities.length === 0) return [];
  const entries = await db.query(`SELECT ${ENTRY_COLUMNS} FROM opportunity_entry WHERE tenant_id = $1 AND opportunity_no = ANY($2::text[]) AND active`, [
    tenantId,
    opportunities.map((opportunity) => opportunity.no),
  ]);
  const active = new Map(entries.map(toEntry).map((entry) => [entry.opportunityNo, entry]));
  return opportunities.map((opportunity) => ({ ...opportunity, active: active.get(opportunity.no) ?? null }));
}
