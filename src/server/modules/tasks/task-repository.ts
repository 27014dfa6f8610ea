import type { Task } from '../../../domain/task/task';
import type { Queryable } from '../../db/db';
import { fromRow, toSnakeCase } from '../../db/rows';

const FIELDS: readonly (keyof Task)[] = [
  'no', 'type', 'description', 'date', 'startTime', 'durationMin', 'allDayEvent', 'location', 'status', 'priority', 'closed', 'dateClosed', 'canceled',
  'completedBy', 'salespersonCode', 'teamCode', 'contactNo', 'contactCompanyNo', 'campaignNo', 'opportunityNo', 'segmentNo', 'recurring',
  'recurringDateInterval', 'calcDueDateFrom',
];
export const TASK_COLUMNS = FIELDS.map(toSnakeCase).join(', ');
const COLUMNS = TASK_COLUMNS;
export const toTask = (row: Record<string, unknown>): Task => fromRow<Task>(row);

export async function getTask(db: Queryable, tenantId: string, no: string, options: { forUpdate?: boolean } = {}): Promise<Task | undefined> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM task WHERE tenant_id = $1 AND no = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, no]);
  return rows[0] ? toTask(rows[0]) : undefined;
}

export async function taskExists(db: Queryable, tenantId: string, no: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM task WHERE tenant_id = $1 AND no = $2', [tenantId, no])).length > 0;
}

export async function insertTask(tx: Queryable, tenantId: string, task: Task, noSeries: string): Promise<void> {
  await tx.query(
    `INSERT INTO task (tenant_id, ${COLUMNS}, no_series) VALUES ($1, ${FIELDS.map((_field, index) => `$${index + 2}`).join(', ')}, $${FIELDS.length + 2})`,
    [tenantId, ...FIELDS.map((field) => task[field]), noSeries],
  );
}

export async function saveTask(tx: Queryable, tenantId: string, task: Task): Promise<void> {
  const fields = FIELDS.filter((field) => field !== 'no');
  await tx.query(`UPDATE task SET ${fields.map((field, index) => `${toSnakeCase(field)} = $${index + 3}`).join(', ')} WHERE tenant_id = $1 AND no = $2`, [
    tenantId,
    task.no,
    ...fields.map((field) => task[field]),
  ]);
}

export type TaskFilter = {
  contactNos?: readonly string[] | undefined;
  /** A contact's tasks: those of the contact itself, or, for a company, also of its persons. */
  contactOrCompanyNo?: string | undefined;
  salespersonCode?: string | undefined;
  teamCode?: string | undefined;
  opportunityNo?: string | undefined;
  campaignNo?: string | undefined;
  segmentNo?: string | undefined;
  status?: Task['status'] | undefined;
  /** Due dates from and to, both inclusive. */
  fromDate?: string | undefined;
  toDate?: string | undefined;
  open?: boolean | undefined;
  limit: number;
};

/** Tasks by due date, then number, up to `limit`; open ones only unless asked otherwise. */
export async function listTasks(db: Queryable, tenantId: string, filter: TaskFilter): Promise<Task[]> {
  const params: unknown[] = [tenantId];
  const conditions = ['tenant_id = $1'];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined && value !== '') conditions.push(`${column} = $${params.push(value)}`);
  };
  if (filter.contactNos) conditions.push(`contact_no = ANY($${params.push([...filter.contactNos])}::text[])`);
  if (filter.contactOrCompanyNo) {
    const no = params.push(filter.contactOrCompanyNo);
    conditions.push(`(contact_no = $${no} OR contact_company_no = $${no})`);
  }
  equal('salesperson_code', filter.salespersonCode);
  equal('team_code', filter.teamCode);
  equal('opportunity_no', filter.opportunityNo);
  equal('campaign_no', filter.campaignNo);
  equal('segment_no', filter.segmentNo);
  equal('status', filter.status);
  if (filter.fromDate) conditions.push(`date >= $${params.push(filter.fromDate)}`);
  if (filter.toDate) conditions.push(`date <= $${params.push(filter.toDate)}`);
  if (filter.open !== false) conditions.push('NOT closed');
  const rows = await db.query(`SELECT ${COLUMNS} FROM task WHERE ${conditions.join(' AND ')} ORDER BY date, no LIMIT $${params.push(filter.limit)}`, params);
  return rows.map(toTask);
}
