import { z } from 'zod';
import { code, isoDate, text } from '../../../contract/common';
import { entryNoParams } from '../../../contract/interactions';
import { contactNoParams } from '../../../contract/contacts';
import { taskCreateSchema, taskPatchSchema, taskSchema } from '../../../contract/tasks';
import { RapportError } from '../../../domain/errors';
import { defineRoute } from '../../http/route';
import { getContact, listPersonsOfCompany } from '../contacts/contact-repository';
import { assertMayReadPipeline, readablePipelineOwner } from '../salespeople/pipeline-scope';
import { getTask, listTasks } from './task-repository';
import { cancelTaskNo, closeTaskNo, createTask, reopenTaskNo, updateTask } from './task-service';

const tags = ['Tasks'];
const taskParams = z.strictObject({ no: code(20).refine((value) => value !== '', 'Required.') });

export const taskRoutes = [
  defineRoute({
    method: 'POST',
    url: '/tasks',
    operationId: 'createTask',
    summary: 'Create a task for a contact, campaign or opportunity; recurring by a date formula.',
    tags,
    access: 'user',
    body: taskCreateSchema,
    reply: taskSchema,
    status: 201,
    errors: [409, 422],
    handle: ({ body, ctx }) => createTask(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/tasks',
    operationId: 'listTasks',
    summary: "Tasks by due date, filtered by salesperson, team, contact, campaign, segment, opportunity, status and due dates: the signed-in user's open ones unless filtered otherwise. Another salesperson's tasks need the Rapport.Manager role.",
    tags,
    access: 'user',
    query: z
      .strictObject({
        salespersonCode: code(20).optional(),
        teamCode: code(10).optional(),
        contactNo: code(20).optional().describe("A contact's tasks; a company's include its persons'."),
        campaignNo: code(20).optional(),
        segmentNo: code(20).optional(),
        opportunityNo: code(20).optional(),
        status: z.enum(['notStarted', 'inProgress', 'completed', 'waiting', 'postponed']).optional(),
        fromDate: isoDate.optional().describe('Due on or after this date.'),
        toDate: isoDate.optional().describe('Due on or before this date.'),
        includeClosed: z.enum(['true', 'false']).default('false'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      })
      .refine((query) => !query.fromDate || !query.toDate || query.fromDate <= query.toDate, { message: 'fromDate must not be after toDate.', path: ['toDate'] }),
    reply: z.object({ items: z.array(taskSchema) }),
    errors: [403],
    async handle({ query, ctx }) {
      const owner = await readablePipelineOwner(ctx);
      if (owner !== undefined && query.salespersonCode !== undefined && query.salespersonCode !== owner) {
        throw new RapportError('forbidden', "Another salesperson's tasks need the Rapport.Manager role.", { details: { requiredRole: 'Rapport.Manager' } });
      }
      // With nothing else to narrow the list, it is the user's own: the pane's "my tasks".
      const narrowed = [query.teamCode, query.contactNo, query.campaignNo, query.segmentNo, query.opportunityNo].some((value) => value !== undefined);
      const salespersonCode = query.salespersonCode ?? owner ?? (narrowed ? undefined : await ctx.currentSalespersonCode());
      const { includeClosed, contactNo, ...filter } = query;
      return {
        items: await listTasks(ctx.db, ctx.identity.tenantId, {
          ...filter,
          salespersonCode,
          contactOrCompanyNo: contactNo,
          // A completed task is closed: asking for that status means asking for closed ones.
          open: includeClosed === 'false' && query.status !== 'completed',
        }),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:no/tasks',
    operationId: 'listContactTasks',
    summary: "A contact's open tasks (a company's include its persons').",
    tags,
    access: 'user',
    params: contactNoParams,
    reply: z.object({ items: z.array(taskSchema) }),
    errors: [404],
    async handle({ params, ctx }) {
      const tenantId = ctx.identity.tenantId;
      const contact = await getContact(ctx.db, tenantId, params.no);
      if (!contact) throw new RapportError('not_found', `There is no contact ${params.no}.`);
      const persons = contact.type === 'company' ? await listPersonsOfCompany(ctx.db, tenantId, contact.no) : [];
      const owner = await readablePipelineOwner(ctx);
      return { items: await listTasks(ctx.db, tenantId, { contactNos: [contact.no, ...persons.map((person) => person.no)], salespersonCode: owner, limit: 500 }) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/interactions/:entryNo/task',
    operationId: 'createTaskFromInteraction',
    summary: "Create a follow-up task from an interaction: its contact, salesperson, campaign and opportunity.",
    tags,
    access: 'user',
    params: entryNoParams,
    body: z.strictObject({ description: text(100).optional(), date: isoDate, type: z.enum(['', 'meeting', 'phoneCall']).default('') }),
    reply: taskSchema,
    status: 201,
    errors: [404, 409],
    async handle({ params, body, ctx }) {
      const [entry] = await ctx.db.query<{ description: string; contact_no: string; salesperson_code: string; campaign_no: string; opportunity_no: string; canceled: boolean }>(
        'SELECT description, contact_no, salesperson_code, campaign_no, opportunity_no, canceled FROM interaction_log_entry WHERE tenant_id = $1 AND entry_no = $2',
        [ctx.identity.tenantId, params.entryNo],
      );
      if (!entry) throw new RapportError('not_found', `There is no interaction log entry ${params.entryNo}.`);
      if (entry.canceled) throw new RapportError('conflict', `Interaction log entry ${params.entryNo} is canceled.`);
      return createTask(ctx, {
        description: body.description ?? `Follow up: ${entry.description}`.slice(0, 100),
        date: body.date,
        type: body.type,
        contactNo: entry.contact_no,
        ...(entry.salesperson_code ? { salespersonCode: entry.salesperson_code } : {}),
        campaignNo: entry.campaign_no,
        opportunityNo: entry.opportunity_no,
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/tasks/:no',
    operationId: 'getTask',
    summary: 'One task.',
    tags,
    access: 'user',
    params: taskParams,
    reply: taskSchema,
    errors: [403, 404],
    async handle({ params, ctx }) {
      const task = await getTask(ctx.db, ctx.identity.tenantId, params.no);
      if (!task) throw new RapportError('not_found', `There is no task ${params.no}.`);
      await assertMayReadPipeline(ctx, task, 'task');
      return task;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/tasks/:no',
    operationId: 'updateTask',
    summary: 'Change an open task.',
    tags,
    access: 'user',
    params: taskParams,
    body: taskPatchSchema,
    reply: taskSchema,
    errors: [404, 409],
    handle: ({ params, body, ctx }) => updateTask(ctx, params.no, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/tasks/:no/close',
    operationId: 'closeTask',
    summary: 'Close a task; a recurring task creates its next occurrence.',
    tags,
    access: 'user',
    params: taskParams,
    body: z.strictObject({ completedBy: text(50).default('') }),
    reply: z.object({ task: taskSchema, next: taskSchema.nullable() }),
    errors: [404, 409],
    handle: ({ params, body, ctx }) => closeTaskNo(ctx, params.no, body.completedBy),
  }),
  defineRoute({
    method: 'POST',
    url: '/tasks/:no/reopen',
    operationId: 'reopenTask',
    summary: 'Reopen a closed or canceled task.',
    tags,
    access: 'user',
    params: taskParams,
    reply: taskSchema,
    errors: [404, 409],
    handle: ({ params, ctx }) => reopenTaskNo(ctx, params.no),
  }),
  defineRoute({
    method: 'POST',
    url: '/tasks/:no/cancel',
    operationId: 'cancelTask',
    summary: 'Cancel a task (canceled tasks are closed and do not recur).',
    tags,
    access: 'user',
    params: taskParams,
    reply: taskSchema,
    errors: [404, 409],
    handle: ({ params, ctx }) => cancelTaskNo(ctx, params.no),
  }),
];
