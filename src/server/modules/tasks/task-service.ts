import type { z } from 'zod';
import type { taskCreateSchema, taskPatchSchema } from '../../../contract/tasks';
import { activityStepDates, type ActivityStep } from '../../../domain/activity';
import { RapportError } from '../../../domain/errors';
import { cancelTask, closeTask, newTask, reopenTask, validateTask, type Task } from '../../../domain/task/task';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import type { RequestContext } from '../../http/route';
import { getContact } from '../contacts/contact-repository';
import { assignNo } from '../number-series/number-series-repository';
import { checkReferences } from '../reference-data/references';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { getTask, insertTask, saveTask, taskExists } from './task-repository';

const notFound = (no: string) => new RapportError('not_found', `There is no task ${no}.`);

/** Numbers from Task Nos.; a typed number needs Manual Nos. */
async function taskNumber(tx: Queryable, tenantId: string, workDate: string, typed: string | undefined): Promise<{ no: string; noSeries: string }> {
  const setup = await getMarketingSetup(tx, tenantId);
  return assignNo(tx, tenantId, { seriesCode: setup.taskNos, setupFieldCaption: 'Task Nos.', typedNo: typed, workDate, what: 'Task', exists: (no) => taskExists(tx, tenantId, no) });
}

/** The contact's company, the references, and the field rules of §9.1. */
async function completeAndCheck(tx: Queryable, tenantId: string, task: Task): Promise<Task> {
  let contactCompanyNo = '';
  if (task.contactNo !== '') {
    const contact = await getContact(tx, tenantId, task.contactNo);
    if (!contact) throw new RapportError('validation_failed', `There is no contact ${task.contactNo}.`, { fields: [{ path: 'contactNo', message: 'No such contact.' }] });
    if (contact.privacyBlocked) throw new RapportError('conflict', `Contact ${contact.no} is blocked due to privacy; it cannot get tasks.`);
    contactCompanyNo = contact.companyNo;
  }
  await checkReferences(tx, tenantId, [
    { path: 'salespersonCode', kind: 'salesperson', code: task.salespersonCode },
    { path: 'teamCode', kind: 'team', code: task.teamCode },
    { path: 'campaignNo', kind: 'campaign', code: task.campaignNo },
  ]);
  const completed = { ...task, contactCompanyNo };
  validateTask(completed);
  return completed;
}

/**
 * A new task. The salesperson comes from the request, else the signed-in user, else the contact
 * (§9.3: new tasks take it from their context).
 */
export async function createTask(ctx: RequestContext, body: z.output<typeof taskCreateSchema>): Promise<Task> {
  const tenantId = ctx.identity.tenantId;
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction(async (tx) => {
    const { no, noSeries } = await taskNumber(tx, tenantId, ctx.workDate, body.no);
    const contactSalesperson = body.contactNo ? ((await getContact(tx, tenantId, body.contactNo))?.salespersonCode ?? '') : '';
    const task = await completeAndCheck(tx, tenantId, newTask(body, { no, salespersonCode: userSalespersonCode || contactSalesperson }));
    await insertTask(tx, tenantId, task, noSeries);
    if (task.teamCode !== '') await createAttendeeTasks(tx, ctx, task);
    return task;
  });
}

/**
 * §9.1: a team task is the organizer; each member of the team gets an attendee copy with their
 * own salesperson code, linked to it.
 */
async function createAttendeeTasks(tx: Queryable, ctx: RequestContext, organizer: Task): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await tx.query(`UPDATE task SET system_task_type = 'organizer' WHERE tenant_id = $1 AND no = $2`, [tenantId, organizer.no]);
  const members = await tx.query<{ salesperson_code: string }>('SELECT salesperson_code FROM team_salesperson WHERE tenant_id = $1 AND team_code = $2 ORDER BY salesperson_code', [
    tenantId,
    organizer.teamCode,
  ]);
  for (const member of members) {
    const { no, noSeries } = await taskNumber(tx, tenantId, ctx.workDate, undefined);
    await insertTask(tx, tenantId, { ...organizer, no, salespersonCode: member.salesperson_code }, noSeries);
    await tx.query(`UPDATE task SET organizer_task_no = $3, system_task_type = 'salespersonAttendee' WHERE tenant_id = $1 AND no = $2`, [tenantId, no, organizer.no]);
  }
}

export async function updateTask(ctx: RequestContext, no: string, patch: z.output<typeof taskPatchSchema>): Promise<Task> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = await getTask(tx, tenantId, no, { forUpdate: true });
    if (!before) throw notFound(no);
    if (before.closed) throw new RapportError('conflict', `Task ${no} is closed; reopen it to change it.`);
    // §9.1: after creation a task's type changes only between blank and phone call.
    if (patch.type !== undefined && patch.type !== before.type && (patch.type === 'meeting' || before.type === 'meeting')) {
      throw new RapportError('validation_failed', 'A task can change its type only between blank and phone call.', { fields: [{ path: 'type', message: 'Meetings keep their type.' }] });
    }
    const task = await completeAndCheck(tx, tenantId, { ...before, ...patch });
    await saveTask(tx, tenantId, task);
    return task;
  });
}

/** Close a task; a recurring one hands on its next occurrence (§9.1). */
export async function closeTaskNo(ctx: RequestContext, no: string, completedBy: string): Promise<{ task: Task; next: Task | null }> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const task = await getTask(tx, tenantId, no, { forUpdate: true });
    if (!task) throw notFound(no);
    const result = closeTask(task, ctx.workDate, completedBy || ctx.identity.email);
    await saveTask(tx, tenantId, result.task);
    // Closing a team's organizer task closes its attendee copies too.
    await tx.query(
      `UPDATE task SET closed = true, status = 'completed', date_closed = $3, completed_by = $4 WHERE tenant_id = $1 AND organizer_task_no = $2 AND NOT closed`,
      [tenantId, no, ctx.workDate, result.task.completedBy],
    );
    if (!result.next) return { task: result.task, next: null };
    const number = await taskNumber(tx, tenantId, ctx.workDate, undefined);
    const next: Task = { ...result.next, no: number.no };
    await insertTask(tx, tenantId, next, number.noSeries);
    return { task: result.task, next };
  });
}

export async function reopenTaskNo(ctx: RequestContext, no: string): Promise<Task> {
  return changeTask(ctx, no, reopenTask);
}

export async function cancelTaskNo(ctx: RequestContext, no: string): Promise<Task> {
  return changeTask(ctx, no, (task) => cancelTask(task, ctx.workDate));
}

async function changeTask(ctx: RequestContext, no: string, change: (task: Task) => Task): Promise<Task> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const task = await getTask(tx, tenantId, no, { forUpdate: true });
    if (!task) throw notFound(no);
    const changed = change(task);
    await saveTask(tx, tenantId, changed);
    return changed;
  });
}

export type ActivityContext = { salespersonCode: string; contactNo: string; contactCompanyNo: string; campaignNo: string; opportunityNo: string; segmentNo?: string };

/**
 * Assign Activity (§9.2): one task per step, each dated by its formula from the same start date.
 * Used for an activity assigned to a contact and for the activity of an opportunity's new stage.
 */
export async function createTasksFromActivity(tx: Queryable, ctx: RequestContext, activityCode: string, startDate: string, context: ActivityContext): Promise<Task[]> {
  const tenantId = ctx.identity.tenantId;
  const steps = (
    await tx.query('SELECT step_no, type, description, priority, date_formula FROM activity_step WHERE tenant_id = $1 AND activity_code = $2', [tenantId, activityCode])
  ).map((row) => fromRow<ActivityStep>(row));
  const tasks: Task[] = [];
  for (const { step, date } of activityStepDates(steps, startDate)) {
    const { no, noSeries } = await taskNumber(tx, tenantId, ctx.workDate, undefined);
    const task: Task = {
      no,
      type: step.type,
      description: step.description,
      date,
      startTime: null,
      durationMin: 0,
      allDayEvent: false,
      location: '',
      status: 'notStarted',
      priority: step.priority,
      closed: false,
      dateClosed: null,
      canceled: false,
      completedBy: '',
      ...context,
      teamCode: '',
      segmentNo: context.segmentNo ?? '',
      recurring: false,
      recurringDateInterval: '',
      calcDueDateFrom: '',
    };
    await insertTask(tx, tenantId, task, noSeries);
    tasks.push(task);
  }
  return tasks;
}
