import { z } from 'zod';
import {
  campaignBodySchema,
  type campaignEntrySchema,
  campaignListItemSchema,
  campaignPatchSchema,
  campaignSchema,
  type itemSchema,
  priceLineBodySchema,
  priceLineSchema,
  targetGroupSchema,
} from '../../../src/contract/campaigns';
import { code, isoDate } from '../../../src/contract/common';
import type { campaignPerformanceSchema } from '../../../src/contract/pipeline';
import { segmentListItemSchema } from '../../../src/contract/segments';
import type { salespersonSchema } from '../../../src/contract/setup';
import type { activitySchema } from '../../../src/contract/setup-tables';
import { taskSchema } from '../../../src/contract/tasks';
import { activityStepDates } from '../../../src/domain/activity';
import { type Campaign, type CampaignTotals, campaignStatisticsOfTotals, checkCampaignDates } from '../../../src/domain/campaign/campaign';
import { checkPriceLine, targetGroupOf, type TargetGroupMember, withCampaignDates } from '../../../src/domain/campaign/campaign-prices';
import { RapportError } from '../../../src/domain/errors';
import { fieldProblems, problemFor } from '../../../src/server/http/problem';
import { answer, type FakeRoutes, json, type RecordedRequest } from '../fake-service';

/**
 * The campaign side of the stand-in service, for the campaign pages' tests. It keeps campaigns
 * with their price lines, targets, target groups, segments, entries, statistics and tasks, and
 * answers as `src/server/modules/campaigns` does: requests are parsed with the contract's schemas
 * (a body or query it refuses goes to `malformed` and is answered 400 with the field paths zod
 * gives, as the service's), the rules are the domain's own functions (dates, price lines, the
 * target group, the statistics, an activity's step dates), writes need a manager (403 with the
 * required role otherwise), and unknown campaigns and entries are 404.
 */

type Item = z.output<typeof itemSchema>;
type Salesperson = z.output<typeof salespersonSchema>;
type Activity = z.output<typeof activitySchema>;
type Entry = z.output<typeof campaignEntrySchema>;
type Segment = z.output<typeof segmentListItemSchema>;
type Task = z.output<typeof taskSchema>;
type StoredLine = Omit<z.output<typeof priceLineSchema>, 'startingDate' | 'endingDate'>;
type Funnel = z.output<typeof campaignPerformanceSchema>['funnel'];

/** A company the campaign targets (by a segment line or an interaction with Campaign Target), as Activate reads it. */
export type Target = { companyNo: string; customerNo: string };

export type CampaignWorld = {
  campaigns: Campaign[];
  statuses: { code: string; description: string }[];
  salespeople: Salesperson[];
  items: Item[];
  activities: Activity[];
  priceLines: Record<string, StoredLine[]>;
  targets: Record<string, Target[]>;
  /** The names of contacts (`contact:CT0100`) and customers (`customer:C00010`), as the target group shows them. */
  names: Record<string, string>;
  targetGroups: Record<string, TargetGroupMember[]>;
  segments: Segment[];
  entries: Entry[];
  totals: Record<string, CampaignTotals>;
  funnels: Record<string, Funnel>;
  tasks: Task[];
  /** The work date the service runs on: an activity's default start date. */
  today: string;
};

const salesperson = (code: string, name: string): Salesperson => ({ code, name, email: '', jobTitle: '', phoneNo: '', blocked: false, privacyBlocked: false });

/** A campaign with the fields not given blank. */
export const makeCampaign = (fields: Partial<Campaign> & { no: string }): Campaign => ({ description: '', startingDate: null, endingDate: null, salespersonCode: '', statusCode: '', ...fields });

export const makeTask = (fields: Partial<Task> & { no: string; description: string; date: string }): Task =>
  taskSchema.parse({
    type: '',
    startTime: null,
    durationMin: 0,
    allDayEvent: false,
    location: '',
    status: 'notStarted',
    priority: 'normal',
    closed: false,
    dateClosed: null,
    canceled: false,
    completedBy: '',
    salespersonCode: '',
    teamCode: '',
    contactNo: '',
    contactCompanyNo: '',
    campaignNo: '',
    opportunityNo: '',
    segmentNo: '',
    recurring: false,
    recurringDateInterval: '',
    calcDueDateFrom: '',
    ...fields,
  });

/** The demo company's spring fair (activated, with two lines, entries, statistics and a task) and an autumn mailing not yet activated. */
export function createCampaignWorld(overrides: Partial<CampaignWorld> = {}): CampaignWorld {
  return {
    campaigns: [
      makeCampaign({ no: 'CP0001', description: 'Spring warehouse fair', startingDate: '2025-03-01', endingDate: '2025-04-30', salespersonCode: 'AL', statusCode: '5-START' }),
      makeCampaign({ no: 'CP0002', description: 'Autumn mailing', startingDate: '2025-09-01', endingDate: '2025-10-31', salespersonCode: 'JB', statusCode: '1-PLAN' }),
    ],
    statuses: [
      { code: '1-PLAN', description: 'Planned' },
      { code: '5-START', description: 'Started' },
      { code: '9-DONE', description: 'Done' },
    ],
    salespeople: [salesperson('AL', 'Astrid Lindqvist'), salesperson('JB', 'Jonas Berg')],
    items: [
      { no: '1000', description: 'Pallet racking, 3 m bay', unitPrice: 420, baseUnitOfMeasure: 'PCS' },
      { no: '1100', description: 'Shelf unit, galvanised', unitPrice: 185, baseUnitOfMeasure: 'PCS' },
      { no: '1200', description: 'Forklift battery charger', unitPrice: 1290, baseUnitOfMeasure: 'PCS' },
    ],
    activities: [
      {
        code: 'QUALIFY',
        description: 'Qualification',
        steps: [
          { stepNo: 1, type: '', description: 'Introduce ourselves', priority: 'normal', dateFormula: '' },
          { stepNo: 2, type: 'phoneCall', description: 'Follow-up call', priority: 'high', dateFormula: '1W' },
        ],
      },
    ],
    priceLines: {
      CP0001: [
        { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 379, lineDiscountPct: 0 },
        { lineNo: 2, kind: 'discount', itemNo: '1100', minimumQuantity: 20, unitPrice: 0, lineDiscountPct: 8 },
      ],
    },
    targets: {
      CP0001: [
        { companyNo: 'CT0100', customerNo: 'C00010' },
        { companyNo: 'CT0200', customerNo: '' },
      ],
      CP0002: [
        { companyNo: 'CT0100', customerNo: 'C00010' },
        { companyNo: 'CT0300', customerNo: '' },
      ],
    },
    names: { 'customer:C00010': 'Fjordkraft Handel AS', 'contact:CT0200': 'Ekvator Lager AB', 'contact:CT0300': 'Nordlys Bygg Oy' },
    targetGroups: {
      CP0001: [
        { type: 'contact', no: 'CT0200' },
        { type: 'customer', no: 'C00010' },
      ],
    },
    segments: [
      segmentRow({ no: 'SM00001', description: 'Fair invitations', campaignNo: 'CP0001', campaignDescription: 'Spring warehouse fair', campaignTarget: true, noOfLines: 12, salespersonCode: 'AL' }),
      segmentRow({ no: 'SM00002', description: 'Autumn list', campaignNo: 'CP0002', campaignDescription: 'Autumn mailing', noOfLines: 40, salespersonCode: 'JB' }),
    ],
    entries: [
      { entryNo: 3, campaignNo: 'CP0001', description: 'Fair invitations', date: '2025-03-03', segmentNo: 'SM00001', salespersonCode: 'AL', documentType: '', canceled: false, noOfInteractions: 12 },
      { entryNo: 7, campaignNo: 'CP0001', description: 'Interactions', date: '2025-03-10', segmentNo: '', salespersonCode: 'AL', documentType: '', canceled: true, noOfInteractions: 2 },
    ],
    totals: { CP0001: { contacted: 200, responded: 30, costLcy: 1600, durationMin: 900, opportunities: 4, estimatedValueLcy: 48000, calcdCurrentValueLcy: 12000 } },
    funnels: { CP0001: { targets: 40, contacted: 32, responded: 12, opportunities: 4, won: 1 } },
    tasks: [
      makeTask({ no: 'TD000010', description: 'Book the fair stand', date: '2025-03-12', type: 'meeting', campaignNo: 'CP0001', salespersonCode: 'AL' }),
      makeTask({ no: 'TD000011', description: 'Order brochures', date: '2025-03-02', campaignNo: 'CP0001', salespersonCode: 'AL', closed: true, status: 'completed' }),
      makeTask({ no: 'TD000012', description: 'Call the printer', date: '2025-03-14', type: 'phoneCall', campaignNo: 'CP0002', salespersonCode: 'JB' }),
    ],
    today: '2025-03-05',
    ...overrides,
  };
}

function segmentRow(fields: Partial<Segment> & { no: string; description: string; campaignNo: string }): Segment {
  return segmentListItemSchema.parse({ campaignDescription: '', campaignTarget: false, interactionTemplateCode: '', salespersonCode: '', noOfLines: 0, lastModified: '2025-03-01T09:00:00.000Z', ...fields });
}

type Request = Parameters<FakeRoutes>[0];
type Handler = (match: string[], request: Request) => Response;
type Route = { method: string; pattern: RegExp; manager?: true; handle: Handler };

const refusal = (error: unknown): Response => {
  const problem = problemFor(error);
  return json(problem.status, problem, 'application/problem+json');
};
const noContent = () => answer(204, '', 'text/plain');

const pageQuery = z.strictObject({ after: z.string().max(20).default(''), limit: z.coerce.number().int().min(1).max(500).default(50) });
const tasksQuery = z.strictObject({ campaignNo: code(20).optional(), includeClosed: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(500).default(100) });
// The bodies the service's routes declare inline (campaign-routes.ts, activity-routes.ts).
const canceledBody = z.strictObject({ canceled: z.boolean() });
const priceLinesBody = z.strictObject({ lines: z.array(priceLineBodySchema).max(500) });
const assignBody = z.strictObject({ activityCode: code(10).refine((value) => value !== '', 'Required.'), startDate: isoDate.optional(), salespersonCode: code(20).optional() });

/** The campaign routes of the stand-in, to give `createFakeService({ routes })`. */
export function campaignRoutes(world: CampaignWorld): FakeRoutes {
  const find = (no: string) => {
    const campaign = world.campaigns.find((candidate) => candidate.no === no);
    if (campaign === undefined) throw new RapportError('not_found', `There is no campaign ${no}.`);
    return campaign;
  };
  const view = (campaign: Campaign) =>
    campaignSchema.parse({
      ...campaign,
      statusDescription: world.statuses.find((status) => status.code === campaign.statusCode)?.description ?? '',
      activated: (world.targetGroups[campaign.no] ?? []).length > 0,
    });
  const withNames = (members: readonly TargetGroupMember[]) => members.map((member) => ({ ...member, name: world.names[`${member.type}:${member.no}`] ?? '' }));
  const checkReferences = (campaign: Campaign) => {
    if (campaign.salespersonCode !== '' && !world.salespeople.some((candidate) => candidate.code === campaign.salespersonCode)) {
      throw new RapportError('validation_failed', `There is no salesperson ${campaign.salespersonCode}.`, { fields: [{ path: 'salespersonCode', message: 'No such salesperson.' }] });
    }
    if (campaign.statusCode !== '' && !world.statuses.some((status) => status.code === campaign.statusCode)) {
      throw new RapportError('validation_failed', `There is no campaign status ${campaign.statusCode}.`, { fields: [{ path: 'statusCode', message: 'No such status.' }] });
    }
  };
  const linesOf = (campaign: Campaign) => (world.priceLines[campaign.no] ?? []).map((line) => priceLineSchema.parse({ ...line, startingDate: campaign.startingDate, endingDate: campaign.endingDate }));
  const nextNo = (prefix: string, taken: readonly string[], width: number) => {
    const highest = Math.max(0, ...taken.filter((no) => no.startsWith(prefix)).map((no) => Number(no.slice(prefix.length))));
    return `${prefix}${String(highest + 1).padStart(width, '0')}`;
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/campaigns$/,
      handle: (_match, request) => {
        const query = pageQuery.parse(Object.fromEntries(request.query));
        const rows = world.campaigns
          .filter((campaign) => campaign.no > query.after)
          .sort((a, b) => a.no.localeCompare(b.no))
          .map((campaign) => campaignListItemSchema.parse({ ...view(campaign), noOfTargets: (world.targets[campaign.no] ?? []).length }));
        const items = rows.slice(0, query.limit);
        return json(200, { items, next: rows.length > query.limit ? (items.at(-1)?.no ?? null) : null });
      },
    },
    {
      method: 'POST',
      pattern: /^\/campaigns$/,
      manager: true,
      handle: (_match, request) => {
        const body = campaignBodySchema.parse(request.body);
        checkCampaignDates(body.startingDate, body.endingDate);
        const campaign: Campaign = {
          no: body.no ?? nextNo('CP', world.campaigns.map((candidate) => candidate.no), 4),
          description: body.description,
          startingDate: body.startingDate,
          endingDate: body.endingDate,
          // The signed-in user's salesperson, as `GET /me` of the stand-in names it.
          salespersonCode: body.salespersonCode ?? 'AL',
          statusCode: body.statusCode,
        };
        checkReferences(campaign);
        world.campaigns.push(campaign);
        return json(201, view(campaign));
      },
    },
    { method: 'GET', pattern: /^\/campaigns\/([^/]+)$/, handle: ([no]) => json(200, view(find(no ?? ''))) },
    {
      method: 'PATCH',
      pattern: /^\/campaigns\/([^/]+)$/,
      manager: true,
      handle: ([no], request) => {
        const before = find(no ?? '');
        const patch = campaignPatchSchema.parse(request.body);
        const campaign: Campaign = { ...before, ...patch };
        checkCampaignDates(campaign.startingDate, campaign.endingDate);
        checkReferences(campaign);
        Object.assign(before, campaign);
        return json(200, view(before));
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/campaigns\/([^/]+)$/,
      manager: true,
      handle: ([no]) => {
        const campaign = find(no ?? '');
        const entries = world.entries.filter((entry) => entry.campaignNo === campaign.no);
        if (entries.length > 0) {
          throw new RapportError('conflict', `Campaign ${campaign.no} has ${entries.length} campaign entries; cancel and delete them before the campaign, so no interaction history is lost by accident.`);
        }
        world.campaigns = world.campaigns.filter((candidate) => candidate !== campaign);
        delete world.priceLines[campaign.no];
        delete world.targetGroups[campaign.no];
        return noContent();
      },
    },
    { method: 'GET', pattern: /^\/campaigns\/([^/]+)\/price-lines$/, handle: ([no]) => json(200, { items: linesOf(find(no ?? '')) }) },
    {
      method: 'PUT',
      pattern: /^\/campaigns\/([^/]+)\/price-lines$/,
      manager: true,
      handle: ([no], request) => {
        const campaign = find(no ?? '');
        const body = priceLinesBody.parse(request.body);
        const saved = body.lines.map((given, index) => {
          try {
            checkPriceLine(given);
            withCampaignDates(given, campaign);
          } catch (error) {
            if (error instanceof RapportError) throw new RapportError(error.code, error.message, { fields: (error.fields ?? []).map((field) => ({ ...field, path: `lines.${index}.${field.path}` })) });
            throw error;
          }
          if (!world.items.some((item) => item.no === given.itemNo)) {
            throw new RapportError('validation_failed', `There is no item ${given.itemNo}.`, { fields: [{ path: `lines.${index}.itemNo`, message: 'No such item.' }] });
          }
          return { lineNo: given.lineNo, kind: given.kind, itemNo: given.itemNo, minimumQuantity: given.minimumQuantity, unitPrice: given.unitPrice, lineDiscountPct: given.lineDiscountPct };
        });
        world.priceLines[campaign.no] = saved;
        return json(200, { items: linesOf(campaign) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/campaigns\/([^/]+)\/target-group$/,
      handle: ([no]) => {
        const campaign = find(no ?? '');
        const members = world.targetGroups[campaign.no] ?? [];
        return json(200, targetGroupSchema.parse({ activated: members.length > 0, members: withNames(members), warnings: [] }));
      },
    },
    {
      method: 'GET',
      pattern: /^\/campaigns\/([^/]+)\/target-group\/preview$/,
      manager: true,
      handle: ([no]) => {
        const campaign = find(no ?? '');
        const activated = (world.targetGroups[campaign.no] ?? []).length > 0;
        const targets = world.targets[campaign.no] ?? [];
        if (targets.length === 0) {
          return json(200, { activated, members: [], warnings: [`There are no contacts to target in campaign ${campaign.no}: set Campaign Target on the campaign's segment lines or interactions first.`] });
        }
        const warnings = (world.priceLines[campaign.no] ?? []).length === 0 ? [`Campaign ${campaign.no} has no sales prices or line discounts.`] : [];
        return json(200, targetGroupSchema.parse({ activated, members: withNames(targetGroupOf(campaign.no, targets)), warnings }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/campaigns\/([^/]+)\/activate$/,
      manager: true,
      handle: ([no]) => {
        const campaign = find(no ?? '');
        const members = targetGroupOf(campaign.no, world.targets[campaign.no] ?? []);
        world.targetGroups[campaign.no] = members;
        return json(200, { members, warnings: (world.priceLines[campaign.no] ?? []).length === 0 ? [`Campaign ${campaign.no} has no sales prices or line discounts.`] : [] });
      },
    },
    {
      method: 'POST',
      pattern: /^\/campaigns\/([^/]+)\/deactivate$/,
      manager: true,
      handle: ([no]) => {
        delete world.targetGroups[find(no ?? '').no];
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: /^\/campaigns\/([^/]+)\/segments$/,
      handle: ([no], request) => {
        const campaign = find(no ?? '');
        const query = pageQuery.parse(Object.fromEntries(request.query));
        const rows = world.segments.filter((segment) => segment.campaignNo === campaign.no && segment.no > query.after).sort((a, b) => a.no.localeCompare(b.no));
        const items = rows.slice(0, query.limit);
        return json(200, { items, next: rows.length > query.limit ? (items.at(-1)?.no ?? null) : null });
      },
    },
    { method: 'GET', pattern: /^\/campaigns\/([^/]+)\/entries$/, handle: ([no]) => json(200, { items: world.entries.filter((entry) => entry.campaignNo === find(no ?? '').no) }) },
    {
      method: 'PUT',
      pattern: /^\/campaign-entries\/(\d+)\/canceled$/,
      manager: true,
      handle: ([entryNo], request) => {
        const entry = world.entries.find((candidate) => candidate.entryNo === Number(entryNo));
        const body = canceledBody.parse(request.body);
        if (entry === undefined) throw new RapportError('not_found', `There is no campaign entry ${String(entryNo)}.`);
        entry.canceled = body.canceled;
        return json(200, entry);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/campaign-entries\/(\d+)$/,
      manager: true,
      handle: ([entryNo]) => {
        const entry = world.entries.find((candidate) => candidate.entryNo === Number(entryNo));
        if (entry === undefined) throw new RapportError('not_found', `There is no campaign entry ${String(entryNo)}.`);
        if (!entry.canceled) throw new RapportError('interaction_delete_refused', `Campaign entry ${entry.entryNo} must be canceled before it can be deleted.`);
        world.entries = world.entries.filter((candidate) => candidate !== entry);
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: /^\/campaigns\/([^/]+)\/statistics$/,
      handle: ([no]) =>
        json(200, campaignStatisticsOfTotals(world.totals[find(no ?? '').no] ?? { contacted: 0, responded: 0, costLcy: 0, durationMin: 0, opportunities: 0, estimatedValueLcy: 0, calcdCurrentValueLcy: 0 })),
    },
    {
      method: 'GET',
      pattern: /^\/campaigns\/([^/]+)\/performance$/,
      handle: ([no]) => json(200, { funnel: world.funnels[find(no ?? '').no] ?? { targets: 0, contacted: 0, responded: 0, opportunities: 0, won: 0 }, weeks: [] }),
    },
    {
      method: 'GET',
      pattern: /^\/tasks$/,
      handle: (_match, request) => {
        const query = tasksQuery.parse(Object.fromEntries(request.query));
        // A salesperson reads their own tasks only (the stand-in's `GET /me` gives everyone AL).
        const owner = request.level === 'salesperson' ? 'AL' : undefined;
        const items = world.tasks
          .filter((task) => (query.campaignNo === undefined || task.campaignNo === query.campaignNo) && (query.includeClosed === 'true' || !task.closed) && (owner === undefined || task.salespersonCode === owner))
          .sort((a, b) => a.date.localeCompare(b.date))
          .slice(0, query.limit);
        return json(200, { items });
      },
    },
    {
      method: 'POST',
      pattern: /^\/campaigns\/([^/]+)\/assign-activity$/,
      manager: true,
      handle: ([no], request) => {
        const campaign = find(no ?? '');
        const body = assignBody.parse(request.body);
        const activity = world.activities.find((candidate) => candidate.code === body.activityCode);
        if (activity === undefined) throw new RapportError('validation_failed', `There is no activity ${body.activityCode}.`, { fields: [{ path: 'activityCode', message: 'No such activity.' }] });
        const salespersonCode = body.salespersonCode ?? campaign.salespersonCode;
        if (salespersonCode === '') throw new RapportError('validation_failed', 'The tasks need a salesperson.', { fields: [{ path: 'salespersonCode', message: 'Required.' }] });
        if (!world.salespeople.some((candidate) => candidate.code === salespersonCode)) {
          throw new RapportError('validation_failed', `There is no salesperson ${salespersonCode}.`, { fields: [{ path: 'salespersonCode', message: 'No such salesperson.' }] });
        }
        const created = activityStepDates(activity.steps, body.startDate ?? world.today).map(({ step, date }) => {
          const task = makeTask({
            no: nextNo('TD', world.tasks.map((candidate) => candidate.no), 6),
            description: step.description,
            date,
            type: step.type,
            priority: step.priority,
            salespersonCode,
            campaignNo: campaign.no,
          });
          world.tasks.push(task);
          return task;
        });
        return json(201, { items: created });
      },
    },
    { method: 'GET', pattern: /^\/items$/, handle: () => json(200, { items: world.items }) },
    { method: 'GET', pattern: /^\/salespeople$/, handle: () => json(200, { items: world.salespeople }) },
    { method: 'GET', pattern: /^\/setup\/campaign-statuses$/, handle: () => json(200, { items: world.statuses }) },
    { method: 'GET', pattern: /^\/setup\/activities$/, handle: () => json(200, { items: world.activities }) },
  ];

  return (request, malformed) => {
    const path = request.pathname.replace(/^\/api\/v1/, '');
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (match === null || route.method !== request.method) continue;
      if (route.manager === true && request.level === 'salesperson') {
        return refusal(new RapportError('forbidden', 'This needs the Rapport.Manager or Rapport.Admin role.', { details: { requiredRole: 'Rapport.Manager' } }));
      }
      try {
        return route.handle(match.slice(1).map(decodeURIComponent), request);
      } catch (error) {
        if (error instanceof z.ZodError) {
          malformed.push(`${request.method} ${request.path} with what the contract refuses: ${JSON.stringify(request.body)} (${fieldProblems(error).map((problem) => problem.path).join(', ')})`);
          return json(400, { type: 'https://rapport.example/problems/validation-failed', status: 400, title: 'Bad Request', detail: 'The request is not valid.', code: 'validation_failed', fields: fieldProblems(error) }, 'application/problem+json');
        }
        return refusal(error);
      }
    }
    return undefined;
  };
}

/** The writes the console sent: method, path and body, in order. */
export const writesOf = (requests: readonly RecordedRequest[]) =>
  requests.filter((request) => request.path.startsWith('/api/v1/') && request.method !== 'GET').map((request) => ({ method: request.method, path: request.path.replace('/api/v1', ''), body: request.body }));
