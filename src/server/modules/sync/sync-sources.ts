import type { SyncCollection, SyncOp, SyncRecord } from '../../../contract/sync';
import type { Queryable, Row } from '../../db/db';
import { fromRow } from '../../db/rows';
import { businessRelationSummaries } from '../business-relations/linked-accounts';
import { priceLinesOf } from '../campaigns/campaign-price-service';
import { getSalesCycle, type OpportunitySummary } from '../opportunities/opportunity-repository';
import { opportunityView } from '../opportunities/opportunity-service';
import { TASK_COLUMNS, toTask } from '../tasks/task-repository';

/**
 * Where each sync collection's rows come from. A source is one SELECT over one versioned table
 * (alias `t`), read in stream order: by `t.sync_version`, then by the key columns. Scoped sources
 * say which rows a user receives; a changed row outside the scope is sent as a `del`, since the
 * client may hold it from when it was inside.
 */
export type ScopeParams = {
  /** The user's salesperson code; '' when the user is no salesperson (nothing is "theirs"). */
  salespersonCode: string;
  /** Interactions on or after this date are "recent". */
  interactionsSince: string;
  clientGroupId: string;
  /** The signed-in user: a client group's outboxes and rejections are only ever theirs. */
  userId: string;
};

export type KeyColumn = { sql: string; type: 'text' | 'bigint' };

export type SyncSource = {
  collection: SyncCollection | 'tombstone';
  keyColumns: readonly KeyColumn[];
  /** FROM clause; the versioned table is `t`. */
  from: string;
  /** Columns of the row, beside the version and key columns. */
  select: string;
  /** Rows only this client group may see, whatever their version (SQL over `$n` placeholders from `param`). */
  filter?: (param: (value: unknown) => string, scope: ScopeParams) => string;
  /** Rows inside the user's scope; others are deleted from the client. */
  scope?: (param: (value: unknown) => string, scope: ScopeParams) => string;
  /** Turns the page's rows of this source into operations (one query per page for what they fold in). */
  toOps(db: Queryable, tenantId: string, rows: readonly SourceRow[]): Promise<SyncOp[]>;
};

/** A row read from a source: its columns, its stream position and whether it is in the user's scope. */
export type SourceRow = { row: Row; version: number; keys: string[]; inScope: boolean };

const put = <C extends SyncCollection>(collection: C, key: string, value: SyncRecord<C>): SyncOp => ({ op: 'put', collection, key, value }) as SyncOp;
const del = (collection: SyncCollection, key: string): SyncOp => ({ op: 'del', collection, key });

/** Puts for rows in scope and dels for the rest, the records made from rows by `toRecord`. */
const simpleOps =
  <C extends SyncCollection>(collection: C, toRecord: (row: Row) => SyncRecord<C>, keyOf: (record: SyncRecord<C>) => string) =>
  async (_db: Queryable, _tenantId: string, rows: readonly SourceRow[]): Promise<SyncOp[]> =>
    rows.map(({ row, keys, inScope }) => {
      if (!inScope) return del(collection, keys.join('|'));
      const record = toRecord(row);
      return put(collection, keyOf(record), record);
    });

const byCode = [{ sql: 't.code', type: 'text' }] as const;
const byNo = [{ sql: 't.no', type: 'text' }] as const;

// Slim contact projection: the directory the pane matches senders against. Built as one JSON value
// per row by the database: a page is 2,000 rows, and handing over one value per row instead of
// eighteen columns is most of the page's cost on PGlite.
export const CONTACT_SELECT = `t.no, json_build_object(
  'no', t.no, 'type', t.type, 'name', t.name, 'firstName', t.first_name, 'surname', t.surname, 'companyNo', t.company_no,
  'companyName', t.company_name, 'jobTitle', t.job_title, 'email', t.email, 'email2', t.email_2,
  'altEmails', COALESCE((SELECT json_agg(a.email ORDER BY a.code) FROM contact_alt_address a WHERE a.tenant_id = t.tenant_id AND a.contact_no = t.no AND a.email <> ''), '[]'::json),
  'homePage', t.home_page, 'phoneNo', t.phone_no, 'mobilePhoneNo', t.mobile_phone_no, 'salespersonCode', t.salesperson_code,
  'languageCode', t.language_code,
  'customerNo', COALESCE((SELECT r.no FROM contact_business_relation r WHERE r.tenant_id = t.tenant_id AND r.contact_no = t.no AND r.link_to_table = 'customer' AND r.no <> '' LIMIT 1), '')
) AS record`;

type ContactWithoutRelation = Omit<SyncRecord<'contact'>, 'businessRelation'>;

export async function contactRecords(db: Queryable, tenantId: string, rows: readonly Row[]): Promise<SyncRecord<'contact'>[]> {
  const contacts = rows.map((row) => (typeof row.record === 'string' ? JSON.parse(row.record) : row.record) as ContactWithoutRelation);
  const summaries = await businessRelationSummaries(db, tenantId, contacts);
  return contacts.map((contact, index) => ({ ...contact, businessRelation: summaries[index] ?? 'none' }));
}

export const INTERACTION_SELECT = `t.entry_no, t.id, t.contact_no, t.contact_company_no, t.date, t.time_of_interaction, t.description, t.subject,
  t.information_flow, t.initiated_by, t.interaction_template_code, t.cost_lcy, t.duration_min, t.salesperson_code, t.user_email, t.canceled,
  t.internet_message_id, t.campaign_no, t.opportunity_no, t.logged_at`;

export function interactionRecord(row: Row): SyncRecord<'interaction'> {
  const entry = fromRow<SyncRecord<'interaction'> & { loggedAt: Date | string }>(row);
  return { ...entry, entryNo: Number(entry.entryNo), id: String(entry.id), loggedAt: new Date(entry.loggedAt).toISOString() };
}

/** An interaction is the user's when they logged it or its contact is theirs, and it is recent. */
export const interactionScope = (param: (value: unknown) => string, scope: ScopeParams) =>
  `(${param(scope.salespersonCode)} <> '' AND t.date >= ${param(scope.interactionsSince)}::date AND (t.salesperson_code = ${param(scope.salespersonCode)} OR c.salesperson_code = ${param(scope.salespersonCode)}))`;

export const INTERACTION_FROM = 'interaction_log_entry t LEFT JOIN contact c ON c.tenant_id = t.tenant_id AND c.no = t.contact_no';

const ownScope = (param: (value: unknown) => string, scope: ScopeParams) =>
  `(${param(scope.salespersonCode)} <> '' AND t.salesperson_code = ${param(scope.salespersonCode)})`;

const OPPORTUNITY_SELECT = `t.no, t.description, t.contact_no, t.contact_company_no, t.salesperson_code, t.campaign_no, t.sales_cycle_code, t.creation_date,
  t.status, t.priority, t.closed, t.date_closed, t.sales_document_type, t.sales_document_no,
  e.entry_no AS e_entry_no, e.sales_cycle_stage AS e_sales_cycle_stage, e.previous_sales_cycle_stage AS e_previous_sales_cycle_stage,
  e.date_of_change AS e_date_of_change, e.days_open AS e_days_open, e.action_taken AS e_action_taken, e.estimated_value_lcy AS e_estimated_value_lcy,
  e.calcd_current_value_lcy AS e_calcd_current_value_lcy, e.completed_pct AS e_completed_pct, e.chances_of_success_pct AS e_chances_of_success_pct,
  e.probability_pct AS e_probability_pct, e.estimated_close_date AS e_estimated_close_date, e.close_opportunity_code AS e_close_opportunity_code`;

async function opportunityOps(db: Queryable, tenantId: string, rows: readonly SourceRow[]): Promise<SyncOp[]> {
  const cycles = new Map<string, Awaited<ReturnType<typeof getSalesCycle>>>();
  for (const { row, inScope } of rows) {
    const code = String(row.sales_cycle_code);
    if (inScope && !cycles.has(code)) cycles.set(code, await getSalesCycle(db, tenantId, code));
  }
  return rows.map(({ row, keys, inScope }) => {
    if (!inScope) return del('opportunity', keys.join('|'));
    const fields = fromRow<OpportunitySummary & Record<string, unknown>>(Object.fromEntries(Object.entries(row).filter(([column]) => !column.startsWith('e_'))));
    const active =
      row.e_entry_no === null || row.e_entry_no === undefined
        ? null
        : {
            entryNo: Number(row.e_entry_no),
            opportunityNo: fields.no,
            salesCycleCode: fields.salesCycleCode,
            salesCycleStage: Number(row.e_sales_cycle_stage),
            previousSalesCycleStage: Number(row.e_previous_sales_cycle_stage),
            dateOfChange: String(row.e_date_of_change),
            active: true,
            dateClosed: null,
            daysOpen: Number(row.e_days_open),
            actionTaken: String(row.e_action_taken) as OpportunitySummary['status'],
            estimatedValueLcy: Number(row.e_estimated_value_lcy),
            calcdCurrentValueLcy: Number(row.e_calcd_current_value_lcy),
            completedPct: Number(row.e_completed_pct),
            chancesOfSuccessPct: Number(row.e_chances_of_success_pct),
            probabilityPct: Number(row.e_probability_pct),
            estimatedCloseDate: (row.e_estimated_close_date as string | null) ?? null,
            closeOpportunityCode: String(row.e_close_opportunity_code),
          };
    const { segmentNo: _segmentNo, ...view } = opportunityView({ ...fields, segmentNo: '' }, active as OpportunitySummary['active'], cycles.get(fields.salesCycleCode)?.stages ?? []);
    return put('opportunity', view.no, view as SyncRecord<'opportunity'>);
  });
}

async function campaignOps(db: Queryable, tenantId: string, rows: readonly SourceRow[]): Promise<SyncOp[]> {
  const lines = await priceLinesOf(
    db,
    tenantId,
    rows.map(({ row }) => String(row.no)),
  );
  return rows.map(({ row }) => {
    const campaign = fromRow<Omit<SyncRecord<'campaign'>, 'priceLines'>>(row);
    const priceLines = lines.filter((line) => line.campaignNo === campaign.no).map(({ campaignNo: _campaignNo, ...line }) => line);
    return put('campaign', campaign.no, { ...campaign, priceLines });
  });
}

/** A table of setup codes sent whole, row for row. */
const codeTable = <C extends 'salesperson' | 'interactionTemplate' | 'closeOpportunityCode' | 'campaignStatus'>(collection: C, table: string, select: string): SyncSource => ({
  collection,
  keyColumns: byCode,
  from: `${table} t`,
  select,
  toOps: simpleOps(collection, (row) => fromRow<SyncRecord<C>>(row), (record) => (record as { code: string }).code),
});

/** A tenant's single setup record (one row, stored as JSON), sent under its key. */
const setupDocument = (table: string, key: 'marketingSetup' | 'interactionTemplateSetup'): SyncSource => ({
  collection: 'setup',
  keyColumns: [],
  from: `${table} t`,
  select: 't.setup',
  toOps: async (_db, _tenantId, rows) => rows.map(({ row }) => put('setup', key, { key, value: parseJson(row.setup) } as SyncRecord<'setup'>)),
});

/**
 * Every source, in the order the merge reads them: the large ones first, so the smaller ones can
 * be bounded by the page's last version.
 */
export const SYNC_SOURCES: readonly SyncSource[] = [
  {
    collection: 'contact',
    keyColumns: byNo,
    from: 'contact t',
    select: CONTACT_SELECT,
    async toOps(db, tenantId, rows) {
      const records = await contactRecords(
        db,
        tenantId,
        rows.map(({ row }) => row),
      );
      return records.map((record) => put('contact', record.no, record));
    },
  },
  {
    collection: 'interaction',
    keyColumns: [{ sql: 't.entry_no', type: 'bigint' }],
    from: INTERACTION_FROM,
    select: INTERACTION_SELECT,
    scope: interactionScope,
    toOps: simpleOps('interaction', interactionRecord, (record) => String(record.entryNo)),
  },
  {
    collection: 'campaignTarget',
    keyColumns: [
      { sql: 't.campaign_no', type: 'text' },
      { sql: 't.type', type: 'text' },
      { sql: 't.no', type: 'text' },
    ],
    from: 'campaign_target_group t',
    select: 't.campaign_no, t.type, t.no',
    toOps: simpleOps('campaignTarget', (row) => fromRow<SyncRecord<'campaignTarget'>>(row), (record) => `${record.campaignNo}|${record.type}|${record.no}`),
  },
  {
    collection: 'task',
    keyColumns: byNo,
    from: 'task t',
    select: TASK_COLUMNS.split(', ')
      .map((column) => `t.${column}`)
      .join(', '),
    scope: ownScope,
    toOps: simpleOps('task', (row) => toTask(row), (record) => record.no),
  },
  {
    collection: 'opportunity',
    keyColumns: byNo,
    from: 'opportunity t LEFT JOIN opportunity_entry e ON e.tenant_id = t.tenant_id AND e.opportunity_no = t.no AND e.active',
    select: OPPORTUNITY_SELECT,
    scope: ownScope,
    toOps: opportunityOps,
  },
  {
    collection: 'tombstone',
    keyColumns: [
      { sql: 't.collection', type: 'text' },
      { sql: 't.key', type: 'text' },
    ],
    from: 'sync_tombstone t',
    select: 't.collection, t.key',
    toOps: async (_db, _tenantId, rows) => rows.map(({ row }) => del(row.collection as SyncCollection, String(row.key))),
  },
  {
    collection: 'campaign',
    keyColumns: byNo,
    from: 'campaign t LEFT JOIN campaign_status s ON s.tenant_id = t.tenant_id AND s.code = t.status_code',
    select: `t.no, t.description, t.starting_date, t.ending_date, t.salesperson_code, t.status_code, COALESCE(s.description, '') AS status_description,
      EXISTS (SELECT 1 FROM campaign_target_group g WHERE g.tenant_id = t.tenant_id AND g.campaign_no = t.no) AS activated`,
    toOps: campaignOps,
  },
  codeTable('salesperson', 'salesperson', 't.code, t.name, t.email, t.job_title, t.phone_no, t.blocked'),
  codeTable('interactionTemplate', 'interaction_template', 't.code, t.interaction_group_code, t.description, t.unit_cost, t.unit_duration_min, t.information_flow, t.initiated_by, t.campaign_no'),
  {
    collection: 'salesCycle',
    keyColumns: byCode,
    from: 'sales_cycle t',
    select: `t.code, t.description, t.probability_calculation, t.blocked,
      COALESCE((SELECT json_agg(json_build_object('stage', s.stage, 'description', s.description, 'completedPct', s.completed_pct,
        'chancesOfSuccessPct', s.chances_of_success_pct, 'activityCode', s.activity_code, 'quoteRequired', s.quote_required,
        'allowSkip', s.allow_skip, 'dateFormula', s.date_formula) ORDER BY s.stage)
        FROM sales_cycle_stage s WHERE s.tenant_id = t.tenant_id AND s.sales_cycle_code = t.code), '[]'::json) AS stages`,
    toOps: simpleOps(
      'salesCycle',
      (row) => {
        const cycle = fromRow<SyncRecord<'salesCycle'>>(row);
        const stages = (typeof row.stages === 'string' ? JSON.parse(row.stages) : row.stages) as SyncRecord<'salesCycle'>['stages'];
        return { ...cycle, stages: stages.map((stage) => ({ ...stage, completedPct: Number(stage.completedPct), chancesOfSuccessPct: Number(stage.chancesOfSuccessPct) })) };
      },
      (record) => record.code,
    ),
  },
  codeTable('closeOpportunityCode', 'close_opportunity_code', 't.code, t.type, t.description'),
  codeTable('campaignStatus', 'campaign_status', 't.code, t.description'),
  setupDocument('marketing_setup', 'marketingSetup'),
  setupDocument('interaction_template_setup', 'interactionTemplateSetup'),
  {
    collection: 'rejection',
    keyColumns: [
      { sql: 't.client_id', type: 'text' },
      { sql: 't.mutation_id', type: 'bigint' },
    ],
    from: 'sync_mutation_rejection t',
    select: 't.client_id, t.mutation_id, t.name, t.code, t.message, t.details',
    filter: (param, scope) =>
      `t.client_group_id = ${param(scope.clientGroupId)} AND EXISTS (SELECT 1 FROM sync_client s WHERE s.tenant_id = t.tenant_id AND s.client_id = t.client_id AND s.user_id = ${param(scope.userId)})`,
    toOps: simpleOps(
      'rejection',
      (row) => {
        const details = row.details === null || row.details === undefined ? undefined : (parseJson(row.details) as Record<string, unknown>);
        return {
          clientId: String(row.client_id),
          mutationId: Number(row.mutation_id),
          name: String(row.name),
          code: String(row.code),
          message: String(row.message),
          ...(details ? { details } : {}),
        };
      },
      (record) => `${record.clientId}|${record.mutationId}`,
    ),
  },
];

const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
