import type { z } from 'zod';
import type { Job } from '../../../src/contract/jobs';
import { codeListEntryBodySchema, duplicateSearchSetupSchema, noSeriesBodySchema, type noSeriesSchema, salespersonBodySchema, type salespersonSchema } from '../../../src/contract/setup';
import {
  activityBodySchema,
  type activitySchema,
  describedCodeBodySchema,
  interactionTemplateBodySchema,
  type interactionTemplateSchema,
  salutationBodySchema,
  type salutationSchema,
  templateLanguageBodySchema,
} from '../../../src/contract/setup-tables';
import { activityStepDates } from '../../../src/domain/activity';
import { isRapportError, RapportError } from '../../../src/domain/errors';
import { normalizeNoSeriesLine } from '../../../src/domain/number-series';
import { ADMIN, answer, type FakeService, json, problem, type RecordedRequest } from '../fake-service';

type NoSeries = z.output<typeof noSeriesSchema>;
type Salesperson = z.output<typeof salespersonSchema>;
type Template = z.output<typeof interactionTemplateSchema>;
type Activity = z.output<typeof activitySchema>;
type Salutation = z.output<typeof salutationSchema>;
type Entry = { code: string; description: string };

/** What the stand-in service keeps of the setup tables; tests read and seed it. */
export type SetupState = {
  numberSeries: NoSeries[];
  salespeople: Salesperson[];
  codeLists: Record<string, Entry[]>;
  campaignStatuses: Entry[];
  interactionGroups: Entry[];
  templates: Template[];
  templateLanguages: Record<string, { languageCode: string; description: string }[]>;
  activities: Activity[];
  salutations: Salutation[];
  duplicateRows: z.output<typeof duplicateSearchSetupSchema>['rows'];
  jobs: Job[];
  /** How many contacts a rebuild job indexes; each `GET /jobs/{id}` moves it a step on. */
  rebuildContacts: number;
};

const line = (values: Partial<NoSeries['lines'][number]>): NoSeries['lines'][number] => ({
  lineNo: 10000,
  startingDate: null,
  startingNo: '',
  endingNo: '',
  warningNo: '',
  incrementByNo: 1,
  lastNoUsed: '',
  lastDateUsed: null,
  open: true,
  implementation: 'normal',
  ...values,
});

export function initialSetup(): SetupState {
  return {
    numberSeries: [
      { code: 'CAMP', description: 'Campaigns', defaultNos: true, manualNos: true, dateOrder: false, lines: [line({ startingNo: 'CP0001', endingNo: 'CP9999' })] },
      { code: 'CONT', description: 'Contacts', defaultNos: true, manualNos: true, dateOrder: false, lines: [line({ startingNo: 'CT000001', endingNo: 'CT999999', lastNoUsed: 'CT000042', lastDateUsed: '2025-03-01' })] },
    ],
    salespeople: [
      { code: 'AL', name: 'Astrid Lindqvist', email: 'astrid.lindqvist@nordlys.example', jobTitle: '', phoneNo: '', blocked: false, privacyBlocked: false },
      { code: 'JB', name: 'Jonas Berg', email: 'jonas.berg@nordlys.example', jobTitle: '', phoneNo: '', blocked: false, privacyBlocked: false },
    ],
    codeLists: {
      language: [
        { code: 'DEU', description: 'German' },
        { code: 'ENU', description: 'English (United States)' },
        { code: 'SVE', description: 'Swedish' },
      ],
      territory: [
        { code: 'DACH', description: 'Germany, Austria, Switzerland' },
        { code: 'NORDIC', description: 'Nordic countries' },
      ],
    },
    campaignStatuses: [
      { code: 'DONE', description: 'Done' },
      { code: 'PLANNED', description: 'Planned' },
      { code: 'RUNNING', description: 'Running' },
    ],
    interactionGroups: [
      { code: 'LETTER', description: 'Letters' },
      { code: 'PHONE', description: 'Telephone conversations' },
    ],
    templates: [
      {
        code: 'BUS',
        interactionGroupCode: 'LETTER',
        description: 'Business letter',
        unitCost: 8,
        unitDurationMin: 30,
        informationFlow: 'outbound',
        initiatedBy: 'us',
        campaignNo: '',
        campaignTarget: false,
        campaignResponse: false,
        correspondenceType: 'hardCopy',
        ignoreContactCorresType: false,
        languageCode: 'ENU',
      },
    ],
    templateLanguages: {
      BUS: [
        { languageCode: 'ENU', description: 'Business letter' },
        { languageCode: 'SVE', description: 'Affärsbrev' },
      ],
    },
    activities: [
      {
        code: 'QUALIFY',
        description: 'Qualification',
        steps: [
          { stepNo: 1, type: '', description: 'Introduce ourselves', priority: 'normal', dateFormula: '' },
          { stepNo: 2, type: 'phoneCall', description: 'Follow-up call', priority: 'high', dateFormula: '2W+1D' },
        ],
      },
    ],
    salutations: [
      {
        code: 'M',
        description: 'Male Married or Unmarried',
        formulas: [
          { languageCode: 'ENU', salutationType: 'formal', salutation: 'Dear Mr. %1 %2 %3,', nameParts: ['firstName', 'middleName', 'surname', '', ''] },
          { languageCode: 'ENU', salutationType: 'informal', salutation: 'Hi %1,', nameParts: ['firstName', '', '', '', ''] },
        ],
      },
    ],
    duplicateRows: [
      { field: 'name', part: 'first', length: 5 },
      { field: 'name', part: 'last', length: 5 },
      { field: 'city', part: 'first', length: 5 },
    ],
    jobs: [],
    rebuildContacts: 4,
  };
}

type Route = { method: string; pattern: RegExp; handle(match: string[], request: RecordedRequest, state: SetupState): Response };

const list = (items: unknown[]) => json(200, { items });
const noContent = () => answer(204, '', 'text/plain');
const upsert = <T>(rows: T[], keyOf: (row: T) => string, row: T) => {
  const at = rows.findIndex((candidate) => keyOf(candidate) === keyOf(row));
  if (at >= 0) rows[at] = row;
  else rows.push(row);
  rows.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
};

export type FakeSetupService = {
  state: SetupState;
  /** Answers the next request that `matches` with `response` instead of the stand-in's own answer. */
  answerNext(matches: (request: RecordedRequest) => boolean, response: () => Response): void;
};

/**
 * The setup routes of the service, as a stand-in the console's tests run against: the lists, the
 * writes with the contract's own body checks (a body it refuses is recorded in `malformed`, as
 * the Marketing Setup stand-in does) and the service's rules where a test looks at them (a
 * series line normalised, a step's date formula checked, a template's default language kept, an
 * administrator needed for writes), and the rebuild job, which advances each time it is asked about.
 */
export function withSetupTables(service: FakeService, state: SetupState = initialSetup()): FakeSetupService {
  const canned: { matches: (request: RecordedRequest) => boolean; response: () => Response }[] = [];
  // jsdom has no Response class, so a refused body is told apart by this wrapper, not by instanceof.
  const checked = <S extends z.ZodType>(schema: S, request: RecordedRequest): { ok: true; body: z.output<S> } | { ok: false; refusal: Response } => {
    const parsed = schema.safeParse(request.body);
    if (parsed.success) return { ok: true, body: parsed.data };
    service.malformed.push(`${request.method} ${request.path} with a body the contract refuses: ${JSON.stringify(request.body)}`);
    return {
      ok: false,
      refusal: problem(400, 'validation_failed', 'The request body is not valid.', { fields: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) }),
    };
  };
  const refusal = (error: unknown) => {
    if (isRapportError(error)) return problem(error.code === 'conflict' ? 409 : 400, error.code, error.message, { fields: error.fields ?? [] });
    throw error;
  };

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/setup\/number-series$/, handle: () => list(state.numberSeries) },
    {
      method: 'PUT',
      pattern: /^\/setup\/number-series\/([^/]+)$/,
      handle: ([code], request) => {
        const input = checked(noSeriesBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        try {
          const lines = body.lines.map((entry, index) => {
            try {
              return normalizeNoSeriesLine({ ...entry, open: true });
            } catch (error) {
              throw isRapportError(error) ? new RapportError(error.code, error.message, { fields: [{ path: `lines.${index}`, message: error.message }] }) : error;
            }
          });
          const series = { code: code ?? '', ...body, lines };
          upsert(state.numberSeries, (row) => row.code, series);
          return json(200, series);
        } catch (error) {
          return refusal(error);
        }
      },
    },
    { method: 'GET', pattern: /^\/salespeople$/, handle: () => list(state.salespeople) },
    {
      method: 'PUT',
      pattern: /^\/salespeople\/([^/]+)$/,
      handle: ([code], request) => {
        const input = checked(salespersonBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        const salesperson = { code: code ?? '', ...body };
        upsert(state.salespeople, (row) => row.code, salesperson);
        return json(200, salesperson);
      },
    },
    { method: 'GET', pattern: /^\/setup\/code-lists\/([A-Za-z]+)$/, handle: ([kind]) => list(state.codeLists[kind ?? ''] ?? []) },
    {
      method: 'PUT',
      pattern: /^\/setup\/code-lists\/([A-Za-z]+)\/([^/]+)$/,
      handle: ([kind, code], request) => {
        const input = checked(codeListEntryBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        const entry = { code: code ?? '', description: body.description };
        upsert((state.codeLists[kind ?? ''] ??= []), (row) => row.code, entry);
        return json(200, entry);
      },
    },
    { method: 'GET', pattern: /^\/setup\/campaign-statuses$/, handle: () => list(state.campaignStatuses) },
    {
      method: 'PUT',
      pattern: /^\/setup\/campaign-statuses\/([^/]+)$/,
      handle: ([code], request) => {
        const input = checked(describedCodeBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        const entry = { code: code ?? '', description: body.description };
        upsert(state.campaignStatuses, (row) => row.code, entry);
        return json(200, entry);
      },
    },
    { method: 'GET', pattern: /^\/setup\/interaction-groups$/, handle: () => list(state.interactionGroups) },
    { method: 'GET', pattern: /^\/setup\/interaction-templates$/, handle: () => list(state.templates) },
    {
      method: 'PUT',
      pattern: /^\/setup\/interaction-templates\/([^/]+)$/,
      handle: ([code], request) => {
        const input = checked(interactionTemplateBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        if (!state.interactionGroups.some((group) => group.code === body.interactionGroupCode)) {
          return problem(400, 'validation_failed', `There is no interaction group ${body.interactionGroupCode}.`, { fields: [{ path: 'interactionGroupCode', message: 'No such group.' }] });
        }
        const template = { code: code ?? '', ...body };
        upsert(state.templates, (row) => row.code, template);
        return json(200, template);
      },
    },
    { method: 'GET', pattern: /^\/setup\/interaction-templates\/([^/]+)\/languages$/, handle: ([code]) => list(state.templateLanguages[code ?? ''] ?? []) },
    {
      method: 'PUT',
      pattern: /^\/setup\/interaction-templates\/([^/]+)\/languages\/([^/]+)$/,
      handle: ([code, languageCode], request) => {
        const input = checked(templateLanguageBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        upsert((state.templateLanguages[code ?? ''] ??= []), (row) => row.languageCode, { languageCode: languageCode ?? '', description: body.description });
        return json(200, { templateCode: code, languageCode, description: body.description });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/setup\/interaction-templates\/([^/]+)\/languages\/([^/]+)$/,
      handle: ([code, languageCode]) => {
        const template = state.templates.find((row) => row.code === code);
        if (template?.languageCode === languageCode) return problem(409, 'conflict', `${languageCode} is the default language of template ${code}.`);
        const languages = state.templateLanguages[code ?? ''] ?? [];
        if (!languages.some((row) => row.languageCode === languageCode)) return problem(404, 'not_found', `Template ${code} has no language ${languageCode}.`);
        state.templateLanguages[code ?? ''] = languages.filter((row) => row.languageCode !== languageCode);
        return noContent();
      },
    },
    { method: 'GET', pattern: /^\/setup\/activities$/, handle: () => list(state.activities) },
    {
      method: 'PUT',
      pattern: /^\/setup\/activities\/([^/]+)$/,
      handle: ([code], request) => {
        const input = checked(activityBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        try {
          activityStepDates(body.steps, '2025-03-05');
        } catch (error) {
          return refusal(error);
        }
        const activity = { code: code ?? '', ...body };
        upsert(state.activities, (row) => row.code, activity);
        return json(200, activity);
      },
    },
    { method: 'GET', pattern: /^\/setup\/salutations$/, handle: () => list(state.salutations) },
    {
      method: 'PUT',
      pattern: /^\/setup\/salutations\/([^/]+)$/,
      handle: ([code], request) => {
        const input = checked(salutationBodySchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        const salutation = { code: code ?? '', description: body.description, formulas: body.formulas };
        upsert(state.salutations, (row) => row.code, salutation);
        return json(200, salutation);
      },
    },
    { method: 'GET', pattern: /^\/setup\/duplicate-search$/, handle: () => json(200, { rows: state.duplicateRows }) },
    {
      method: 'PUT',
      pattern: /^\/setup\/duplicate-search$/,
      handle: (_match, request) => {
        const input = checked(duplicateSearchSetupSchema, request);
        if (!input.ok) return input.refusal;
        const body = input.body;
        state.duplicateRows = body.rows;
        return json(200, { rows: state.duplicateRows, rebuild: startJob(request) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/setup\/duplicate-search\/rebuild$/,
      handle: (_match, request) => {
        const running = state.jobs.find((job) => job.status === 'queued' || job.status === 'running');
        if (running !== undefined) return problem(409, 'conflict', 'A duplicate-search-rebuild job is already running for this tenant.', { details: { jobId: running.id } });
        return json(202, startJob(request));
      },
    },
    { method: 'GET', pattern: /^\/jobs\?kind=duplicate-search-rebuild&limit=1$/, handle: () => list(state.jobs.slice(-1)) },
    {
      method: 'GET',
      pattern: /^\/jobs\/([0-9a-f-]+)$/,
      handle: ([id]) => {
        const job = state.jobs.find((candidate) => candidate.id === id);
        if (job === undefined) return problem(404, 'not_found', `There is no job ${id}.`);
        const answered = JSON.parse(JSON.stringify(job)) as Job;
        advance(job);
        return json(200, answered);
      },
    },
  ];

  function startJob(request: RecordedRequest): Job {
    const job: Job = {
      id: `00000000-0000-4000-8000-${String(state.jobs.length + 1).padStart(12, '0')}`,
      kind: 'duplicate-search-rebuild',
      status: 'queued',
      progress: { done: 0, total: null },
      outcome: null,
      error: null,
      createdBy: request.user ?? '',
      createdAt: '2025-03-05T09:00:00.000Z',
      startedAt: null,
      finishedAt: null,
    };
    state.jobs.push(job);
    return JSON.parse(JSON.stringify(job)) as Job;
  }

  /** A job one step further: from queued to running over half its contacts, then done with all of them. */
  function advance(job: Job): void {
    const total = state.rebuildContacts;
    if (job.status === 'queued') Object.assign(job, { status: 'running', progress: { done: Math.ceil(total / 2), total }, startedAt: '2025-03-05T09:00:01.000Z' });
    else if (job.status === 'running') Object.assign(job, { status: 'succeeded', progress: { done: total, total }, outcome: { contactsIndexed: total, duplicatePairs: 1, separatePairs: 0 }, finishedAt: '2025-03-05T09:00:05.000Z' });
  }

  service.override((request) => {
    const path = request.path.replace(/^\/api\/v1/, '');
    if (path === request.path) return undefined;
    const cannedAt = canned.findIndex((entry) => entry.matches(request));
    if (cannedAt >= 0) return canned.splice(cannedAt, 1)[0]?.response();
    for (const route of routes) {
      const match = route.method === request.method ? route.pattern.exec(path) : null;
      if (match === null) continue;
      if (request.method !== 'GET' && request.user !== ADMIN.email) return problem(403, 'forbidden', 'This needs the Rapport.Admin role.', { details: { requiredRole: 'Rapport.Admin' } });
      return route.handle(match.slice(1).map((part) => decodeURIComponent(part)), request, state);
    }
    return undefined;
  });

  return {
    state,
    answerNext(matches, response) {
      canned.push({ matches, response });
    },
  };
}
