import { z } from 'zod';
import { code, isoDate } from '../../../contract/common';
import { contactNoParams } from '../../../contract/contacts';
import { activityBodySchema, activitySchema, setupCodeParams, teamBodySchema, teamSchema } from '../../../contract/setup-tables';
import { taskSchema } from '../../../contract/tasks';
import { activityStepDates } from '../../../domain/activity';
import { RapportError } from '../../../domain/errors';
import type { Task } from '../../../domain/task/task';
import type { Queryable } from '../../db/db';
import { defineRoute } from '../../http/route';
import { requireCampaign } from '../campaigns/campaign-repository';
import { getContact } from '../contacts/contact-repository';
import { checkReferences } from '../reference-data/references';
import { createTasksFromActivity } from './task-service';

type ActivityStepView = z.output<typeof activitySchema>['steps'][number];
const required = (max: number) => code(max).refine((value) => value !== '', 'Required.');

const assignBody = z.strictObject({ activityCode: required(10), startDate: isoDate.optional(), salespersonCode: code(20).optional() });

async function assertActivityExists(tx: Queryable, tenantId: string, activityCode: string): Promise<void> {
  const activity = await tx.query('SELECT 1 FROM activity WHERE tenant_id = $1 AND code = $2', [tenantId, activityCode]);
  if (activity.length === 0) throw new RapportError('validation_failed', `There is no activity ${activityCode}.`, { fields: [{ path: 'activityCode', message: 'No such activity.' }] });
}

/** The tasks' salesperson: required, and it must exist. */
async function checkedSalesperson(tx: Queryable, tenantId: string, salespersonCode: string): Promise<string> {
  if (salespersonCode === '') throw new RapportError('validation_failed', 'The tasks need a salesperson.', { fields: [{ path: 'salespersonCode', message: 'Required.' }] });
  const found = await tx.query('SELECT 1 FROM salesperson WHERE tenant_id = $1 AND code = $2', [tenantId, salespersonCode]);
  if (found.length === 0) throw new RapportError('validation_failed', `There is no salesperson ${salespersonCode}.`, { fields: [{ path: 'salespersonCode', message: 'No such salesperson.' }] });
  return salespersonCode;
}

export const activityRoutes = [
  defineRoute({
    method: 'GET',
    url: '/setup/teams',
    operationId: 'listTeams',
    summary: 'Teams with their salespeople (the team code list, with members).',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(teamSchema) }),
    async handle({ ctx }) {
      const tenantId = ctx.identity.tenantId;
      const teams = await ctx.db.query<{ code: string; description: string }>("SELECT code, description FROM code_list WHERE tenant_id = $1 AND kind = 'team' ORDER BY code", [tenantId]);
      const members = await ctx.db.query<{ team_code: string; salesperson_code: string }>(
        'SELECT team_code, salesperson_code FROM team_salesperson WHERE tenant_id = $1 ORDER BY team_code, salesperson_code',
        [tenantId],
      );
      return {
        items: teams.map((team) => ({ ...team, salespersonCodes: members.filter((member) => member.team_code === team.code).map((member) => member.salesperson_code) })),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/teams/:code',
    operationId: 'putTeam',
    summary: 'Create or replace a team and its salespeople; team tasks are copied to each member.',
    tags: ['Setup'],
    access: 'admin',
    params: setupCodeParams,
    body: teamBodySchema,
    reply: teamSchema,
    async handle({ params, body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        await checkReferences(tx, tenantId, body.salespersonCodes.map((salespersonCode, index) => ({ path: `salespersonCodes.${index}`, kind: 'salesperson' as const, code: salespersonCode })));
        await tx.query(
          `INSERT INTO code_list (tenant_id, kind, code, description) VALUES ($1, 'team', $2, $3) ON CONFLICT (tenant_id, kind, code) DO UPDATE SET description = EXCLUDED.description`,
          [tenantId, params.code, body.description],
        );
        await tx.query('DELETE FROM team_salesperson WHERE tenant_id = $1 AND team_code = $2', [tenantId, params.code]);
        for (const salespersonCode of new Set(body.salespersonCodes)) {
          await tx.query('INSERT INTO team_salesperson (tenant_id, team_code, salesperson_code) VALUES ($1, $2, $3)', [tenantId, params.code, salespersonCode]);
        }
      });
      return { code: params.code, description: body.description, salespersonCodes: [...new Set(body.salespersonCodes)] };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/setup/activities',
    operationId: 'listActivities',
    summary: 'Activities with their steps (each step dated by a formula from one start date).',
    tags: ['Setup'],
    access: 'user',
    reply: z.object({ items: z.array(activitySchema) }),
    async handle({ ctx }) {
      const tenantId = ctx.identity.tenantId;
      const activities = await ctx.db.query<{ code: string; description: string }>('SELECT code, description FROM activity WHERE tenant_id = $1 ORDER BY code', [tenantId]);
      const steps = await ctx.db.query<{ activity_code: string; step_no: number; type: ActivityStepView['type']; description: string; priority: ActivityStepView['priority']; date_formula: string }>(
        'SELECT activity_code, step_no, type, description, priority, date_formula FROM activity_step WHERE tenant_id = $1 ORDER BY activity_code, step_no',
        [tenantId],
      );
      return {
        items: activities.map((activity) => ({
          ...activity,
          steps: steps
            .filter((step) => step.activity_code === activity.code)
            .map((step) => ({ stepNo: step.step_no, type: step.type, description: step.description, priority: step.priority, dateFormula: step.date_formula })),
        })),
      };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/activities/:code',
    operationId: 'putActivity',
    summary: 'Create or replace an activity and its steps; every step formula is checked.',
    tags: ['Setup'],
    access: 'admin',
    params: setupCodeParams,
    body: activityBodySchema,
    reply: activitySchema,
    async handle({ params, body, ctx }) {
      if (new Set(body.steps.map((step) => step.stepNo)).size !== body.steps.length) {
        throw new RapportError('validation_failed', 'Step numbers must be unique.', { fields: [{ path: 'steps', message: 'Step numbers must be unique.' }] });
      }
      activityStepDates(body.steps, ctx.workDate);
      const tenantId = ctx.identity.tenantId;
      await ctx.db.transaction(async (tx) => {
        await tx.query('INSERT INTO activity (tenant_id, code, description) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, code) DO UPDATE SET description = EXCLUDED.description', [
          tenantId,
          params.code,
          body.description,
        ]);
        await tx.query('DELETE FROM activity_step WHERE tenant_id = $1 AND activity_code = $2', [tenantId, params.code]);
        for (const step of body.steps) {
          await tx.query('INSERT INTO activity_step (tenant_id, activity_code, step_no, type, description, priority, date_formula) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            tenantId,
            params.code,
            step.stepNo,
            step.type,
            step.description,
            step.priority,
            step.dateFormula,
          ]);
        }
      });
      return { code: params.code, description: body.description, steps: body.steps };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/contacts/:no/assign-activity',
    operationId: 'assignActivity',
    summary: 'Assign an activity to a contact: one task per step, dated from the start date.',
    tags: ['Tasks'],
    access: 'user',
    params: contactNoParams,
    body: z.strictObject({ activityCode: required(10), startDate: isoDate.optional(), salespersonCode: code(20).optional() }),
    reply: z.object({ items: z.array(taskSchema) }),
    status: 201,
    errors: [404],
    async handle({ params, body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      const userSalespersonCode = await ctx.currentSalespersonCode();
      const items = await ctx.db.transaction(async (tx) => {
        const contact = await getContact(tx, tenantId, params.no);
        if (!contact) throw new RapportError('not_found', `There is no contact ${params.no}.`);
        await assertActivityExists(tx, tenantId, body.activityCode);
        const salespersonCode = body.salespersonCode ?? (userSalespersonCode || contact.salespersonCode);
        if (salespersonCode === '') throw new RapportError('validation_failed', 'The tasks need a salesperson.', { fields: [{ path: 'salespersonCode', message: 'Required.' }] });
        return createTasksFromActivity(tx, ctx, body.activityCode, body.startDate ?? ctx.workDate, {
          salespersonCode,
          contactNo: contact.no,
          contactCompanyNo: contact.companyNo,
          campaignNo: '',
          opportunityNo: '',
        });
      });
      return { items };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/campaigns/:no/assign-activity',
    operationId: 'assignActivityToCampaign',
    summary: "Assign an activity to a campaign: one task per step for the campaign, its salesperson's unless another is named.",
    tags: ['Tasks'],
    access: 'manager',
    params: z.strictObject({ no: required(20) }),
    body: assignBody,
    reply: z.object({ items: z.array(taskSchema) }),
    status: 201,
    errors: [404],
    async handle({ params, body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      const userSalespersonCode = await ctx.currentSalespersonCode();
      const items = await ctx.db.transaction(async (tx) => {
        const campaign = await requireCampaign(tx, tenantId, params.no);
        await assertActivityExists(tx, tenantId, body.activityCode);
        const salespersonCode = await checkedSalesperson(tx, tenantId, body.salespersonCode ?? (campaign.salespersonCode || userSalespersonCode));
        return createTasksFromActivity(tx, ctx, body.activityCode, body.startDate ?? ctx.workDate, {
          salespersonCode,
          contactNo: '',
          contactCompanyNo: '',
          campaignNo: params.no,
          opportunityNo: '',
        });
      });
      return { items };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/segments/:no/assign-activity',
    operationId: 'assignActivityToSegment',
    summary: "Assign an activity to a segment: each line's contact gets one task per step, with the segment and its campaign.",
    tags: ['Tasks'],
    access: 'manager',
    params: z.strictObject({ no: required(20) }),
    body: assignBody,
    reply: z.object({ items: z.array(taskSchema) }),
    status: 201,
    errors: [404, 422],
    async handle({ params, body, ctx }) {
      const tenantId = ctx.identity.tenantId;
      const userSalespersonCode = await ctx.currentSalespersonCode();
      const items = await ctx.db.transaction(async (tx) => {
        const [segment] = await tx.query<{ salesperson_code: string; campaign_no: string }>(
          'SELECT salesperson_code, campaign_no FROM segment_header WHERE tenant_id = $1 AND no = $2',
          [tenantId, params.no],
        );
        if (!segment) throw new RapportError('not_found', `There is no segment ${params.no}.`);
        await assertActivityExists(tx, tenantId, body.activityCode);
        const lines = await tx.query<{ contact_no: string; company_no: string; salesperson_code: string }>(
          `SELECT l.contact_no, c.company_no, c.salesperson_code FROM segment_line l
             JOIN contact c ON c.tenant_id = l.tenant_id AND c.no = l.contact_no
            WHERE l.tenant_id = $1 AND l.segment_no = $2 ORDER BY l.line_no`,
          [tenantId, params.no],
        );
        if (lines.length === 0) throw new RapportError('conflict', `Segment ${params.no} is empty.`);
        // The salesperson of each line as Business Central's segment lines take it: the one named,
        // else the segment's, else the contact's, else the user's own.
        const tasks: Task[] = [];
        for (const line of lines) {
          const salespersonCode = await checkedSalesperson(tx, tenantId, body.salespersonCode ?? (segment.salesperson_code || line.salesperson_code || userSalespersonCode));
          tasks.push(
            ...(await createTasksFromActivity(tx, ctx, body.activityCode, body.startDate ?? ctx.workDate, {
              salespersonCode,
              contactNo: line.contact_no,
              contactCompanyNo: line.company_no,
              campaignNo: segment.campaign_no,
              opportunityNo: '',
              segmentNo: params.no,
            })),
          );
        }
        return tasks;
      });
      return { items };
    },
  }),
];
