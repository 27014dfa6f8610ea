import { z } from 'zod';
import { contactCampaignSchema } from './campaigns';
import { businessRelationSummarySchema, contactCreateSchema, contactPatchSchema, contactTypeSchema, duplicateCandidateSchema } from './contacts';
import { interactionSchema, logEmailBodySchema, logInteractionBodySchema } from './interactions';
import { marketingSetupSchema } from './marketing-setup';
import { opportunityCloseSchema, opportunityCreateSchema, opportunitySchema, opportunityUpdateSchema } from './opportunities';
import { taskCreateSchema, taskSchema } from './tasks';

/**
 * The sync protocol between the add-in's local cache and the service (docs/sync.md).
 *
 * Pull: the client sends its opaque cursor and receives the changes after it as `put`/`del`
 * operations on named collections, in pages. Push: the client sends its outbox, numbered per
 * client id; the server applies each mutation once, in order, through the same services as the
 * REST routes. Every message carries `schemaVersion`; a client speaking another version is told so
 * (`sync_schema_mismatch`) and must update before it syncs again.
 */
export const SYNC_SCHEMA_VERSION = 1;

export const DEFAULT_PULL_LIMIT = 2000;
export const MAX_PULL_LIMIT = 5000;
export const MAX_PUSH_MUTATIONS = 100;

const clientIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only.');

// ---------------------------------------------------------------------------------------------
// Records the cache holds, one schema per collection. Contacts are a slim projection of the
// tenant's whole directory; the user's own opportunities, tasks and their contacts' recent
// interactions are full records; setup is what the pane needs to offer the right actions.
// ---------------------------------------------------------------------------------------------

/** One contact of the tenant's directory: what the pane needs to recognise a sender and show a card. */
export const syncContactSchema = z
  .object({
    no: z.string(),
    type: contactTypeSchema,
    name: z.string(),
    firstName: z.string(),
    surname: z.string(),
    companyNo: z.string(),
    companyName: z.string(),
    jobTitle: z.string(),
    email: z.string(),
    email2: z.string(),
    /** E-mails of the contact's alternative addresses. */
    altEmails: z.array(z.string()),
    homePage: z.string(),
    phoneNo: z.string(),
    mobilePhoneNo: z.string(),
    salespersonCode: z.string(),
    languageCode: z.string(),
    businessRelation: businessRelationSummarySchema,
    /** The customer linked to a company contact ('' when none): campaign target groups name customers by it. */
    customerNo: z.string(),
  })
  .meta({ id: 'SyncContact' });

export const syncOpportunitySchema = opportunitySchema.omit({ entries: true }).meta({ id: 'SyncOpportunity' });

export const syncTaskSchema = taskSchema.meta({ id: 'SyncTask' });

export const syncInteractionSchema = interactionSchema
  .pick({
    entryNo: true,
    id: true,
    contactNo: true,
    contactCompanyNo: true,
    date: true,
    timeOfInteraction: true,
    description: true,
    subject: true,
    informationFlow: true,
    initiatedBy: true,
    interactionTemplateCode: true,
    costLcy: true,
    durationMin: true,
    salespersonCode: true,
    userEmail: true,
    canceled: true,
    internetMessageId: true,
    campaignNo: true,
    opportunityNo: true,
    loggedAt: true,
  })
  .meta({ id: 'SyncInteraction' });

/** A campaign with its status and price lines; `activated` says whether the prices apply. */
export const syncCampaignSchema = contactCampaignSchema.meta({ id: 'SyncCampaign' });

/** One row of a campaign's target group (§7.4): a company contact or a customer. */
export const syncCampaignTargetSchema = z
  .object({ campaignNo: z.string(), type: z.enum(['contact', 'customer']), no: z.string() })
  .meta({ id: 'SyncCampaignTarget' });

export const syncSalespersonSchema = z
  .object({ code: z.string(), name: z.string(), email: z.string(), jobTitle: z.string(), phoneNo: z.string(), blocked: z.boolean() })
  .meta({ id: 'SyncSalesperson' });

export const syncInteractionTemplateSchema = z
  .object({
    code: z.string(),
    interactionGroupCode: z.string(),
    description: z.string(),
    unitCost: z.number(),
    unitDurationMin: z.number(),
    informationFlow: z.string(),
    initiatedBy: z.string(),
    campaignNo: z.string(),
  })
  .meta({ id: 'SyncInteractionTemplate' });

export const syncSalesCycleSchema = z
  .object({
    code: z.string(),
    description: z.string(),
    probabilityCalculation: z.enum(['multiply', 'add', 'chancesOfSuccessPct', 'completedPct']),
    blocked: z.boolean(),
    stages: z.array(
      z.object({
        stage: z.number(),
        description: z.string(),
        completedPct: z.number(),
        chancesOfSuccessPct: z.number(),
        activityCode: z.string(),
        quoteRequired: z.boolean(),
        allowSkip: z.boolean(),
        dateFormula: z.string(),
      }),
    ),
  })
  .meta({ id: 'SyncSalesCycle' });

export const syncCloseOpportunityCodeSchema = z
  .object({ code: z.string(), type: z.enum(['won', 'lost']), description: z.string() })
  .meta({ id: 'SyncCloseOpportunityCode' });

export const syncCampaignStatusSchema = z.object({ code: z.string(), description: z.string() }).meta({ id: 'SyncCampaignStatus' });

/** The tenant's single setup records, one per key. */
export const syncSetupSchema = z
  .discriminatedUnion('key', [
    z.object({ key: z.literal('marketingSetup'), value: marketingSetupSchema }),
    z.object({
      key: z.literal('interactionTemplateSetup'),
      value: z.record(z.string(), z.string()).describe('Which template records which event (emails, phoneCalls, meetings, …).'),
    }),
    z.object({
      key: z.literal('me'),
      value: z.object({ salespersonCode: z.string(), email: z.string(), name: z.string() }).describe('The signed-in user.'),
    }),
  ])
  .meta({ id: 'SyncSetup' });

/** A mutation of this client group that the server refused for a domain reason, kept for the UI. */
export const syncRejectionSchema = z
  .object({
    clientId: z.string(),
    mutationId: z.number().int(),
    name: z.string(),
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'SyncRejection' });

/** Every collection and the schema of its records. The order is the order of operations within one version. */
export const SYNC_COLLECTIONS = {
  setup: syncSetupSchema,
  salesperson: syncSalespersonSchema,
  interactionTemplate: syncInteractionTemplateSchema,
  salesCycle: syncSalesCycleSchema,
  closeOpportunityCode: syncCloseOpportunityCodeSchema,
  campaignStatus: syncCampaignStatusSchema,
  campaign: syncCampaignSchema,
  campaignTarget: syncCampaignTargetSchema,
  contact: syncContactSchema,
  opportunity: syncOpportunitySchema,
  task: syncTaskSchema,
  interaction: syncInteractionSchema,
  rejection: syncRejectionSchema,
} as const;

export type SyncCollection = keyof typeof SYNC_COLLECTIONS;
export const SYNC_COLLECTION_NAMES = Object.keys(SYNC_COLLECTIONS) as SyncCollection[];
export type SyncRecord<C extends SyncCollection> = z.output<(typeof SYNC_COLLECTIONS)[C]>;

export type SyncContact = z.output<typeof syncContactSchema>;
export type SyncOpportunity = z.output<typeof syncOpportunitySchema>;
export type SyncTask = z.output<typeof syncTaskSchema>;
export type SyncInteraction = z.output<typeof syncInteractionSchema>;
export type SyncCampaign = z.output<typeof syncCampaignSchema>;
export type SyncCampaignTarget = z.output<typeof syncCampaignTargetSchema>;
export type SyncSalesperson = z.output<typeof syncSalespersonSchema>;
export type SyncInteractionTemplate = z.output<typeof syncInteractionTemplateSchema>;
export type SyncSalesCycle = z.output<typeof syncSalesCycleSchema>;
export type SyncCloseOpportunityCode = z.output<typeof syncCloseOpportunityCodeSchema>;
export type SyncCampaignStatus = z.output<typeof syncCampaignStatusSchema>;
export type SyncSetup = z.output<typeof syncSetupSchema>;
export type SyncRejection = z.output<typeof syncRejectionSchema>;

/**
 * The key of a record in its collection, as the server sends it in `key`. The client stores records
 * under this key; a `del` names it.
 */
export const syncKeyOf: { [C in SyncCollection]: (record: SyncRecord<C>) => string } = {
  setup: (record) => record.key,
  salesperson: (record) => record.code,
  interactionTemplate: (record) => record.code,
  salesCycle: (record) => record.code,
  closeOpportunityCode: (record) => record.code,
  campaignStatus: (record) => record.code,
  campaign: (record) => record.no,
  campaignTarget: (record) => `${record.campaignNo}|${record.type}|${record.no}`,
  contact: (record) => record.no,
  opportunity: (record) => record.no,
  task: (record) => record.no,
  interaction: (record) => String(record.entryNo),
  rejection: (record) => `${record.clientId}|${record.mutationId}`,
};

const putOp = <C extends SyncCollection>(collection: C) =>
  z.object({ op: z.literal('put'), collection: z.literal(collection), key: z.string(), value: SYNC_COLLECTIONS[collection] });

export const syncPutOpSchema = z.discriminatedUnion(
  'collection',
  SYNC_COLLECTION_NAMES.map((collection) => putOp(collection)) as unknown as [ReturnType<typeof putOp<'contact'>>, ...ReturnType<typeof putOp<SyncCollection>>[]],
);
export const syncDelOpSchema = z.object({ op: z.literal('del'), collection: z.enum(SYNC_COLLECTION_NAMES as [SyncCollection, ...SyncCollection[]]), key: z.string() });
export const syncOpSchema = z.union([syncPutOpSchema, syncDelOpSchema]).meta({ id: 'SyncOp' });

export type SyncPutOp = { [C in SyncCollection]: { op: 'put'; collection: C; key: string; value: SyncRecord<C> } }[SyncCollection];
export type SyncDelOp = { op: 'del'; collection: SyncCollection; key: string };
export type SyncOp = SyncPutOp | SyncDelOp;

// ---------------------------------------------------------------------------------------------
// Pull
// ---------------------------------------------------------------------------------------------

export const pullRequestSchema = z
  .strictObject({
    schemaVersion: z.number().int(),
    clientGroupId: clientIdSchema.describe('One local cache (one browser profile of one user).'),
    cursor: z.string().max(500).nullable().describe('The `cursor` of the previous page; null for a full sync.'),
    limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  })
  .meta({ id: 'PullRequest' });

export const pullResponseSchema = z
  .object({
    schemaVersion: z.number().int(),
    reset: z
      .boolean()
      .describe('The cursor was too old, or the scope changed: this page starts a full sync. Rows the client holds that the full sync does not send are gone.'),
    ops: z.array(syncOpSchema),
    cursor: z.string().describe('Send as `cursor` with the next pull.'),
    hasMore: z.boolean().describe('More changes wait: pull again with the new cursor at once.'),
    lastMutationIds: z
      .record(z.string(), z.number().int())
      .describe("The last mutation the server has processed for each client of the group, applied or rejected; the page's data includes every applied one."),
  })
  .meta({ id: 'PullResponse' });

export type PullRequest = z.input<typeof pullRequestSchema>;
export type PullResponse = { schemaVersion: number; reset: boolean; ops: SyncOp[]; cursor: string; hasMore: boolean; lastMutationIds: Record<string, number> };

// ---------------------------------------------------------------------------------------------
// Push: the mutations a client can queue, each with its arguments.
// ---------------------------------------------------------------------------------------------

export const SYNC_MUTATIONS = {
  /** Log an e-mail (the same body as POST /interactions/email; `id` makes it one interaction however often it is sent). */
  logEmail: logEmailBodySchema.safeExtend({ id: z.uuid() }),
  /** Log a phone call, meeting or any template's interaction. */
  logInteraction: logInteractionBodySchema.safeExtend({ id: z.uuid() }),
  /** Cancel (or restore) an interaction, named by the id it was logged with. */
  cancelInteraction: z.strictObject({ id: z.uuid(), canceled: z.boolean().default(true) }),
  /** Create a contact. A likely duplicate is rejected with its candidates unless `allowDuplicates`. */
  createContact: z.strictObject({
    id: z.uuid().describe('Client id of the new contact, until the server gives it a number.'),
    contact: contactCreateSchema,
    allowDuplicates: z.boolean().default(false),
  }),
  updateContact: z.strictObject({ no: z.string().min(1).max(20), patch: contactPatchSchema }),
  createOpportunity: z.strictObject({ id: z.uuid(), opportunity: opportunityCreateSchema }),
  updateOpportunity: z.strictObject({ no: z.string().min(1).max(20), update: opportunityUpdateSchema }),
  closeOpportunity: z.strictObject({ no: z.string().min(1).max(20), close: opportunityCloseSchema }),
  createTask: z.strictObject({ id: z.uuid(), task: taskCreateSchema }),
  closeTask: z.strictObject({ no: z.string().min(1).max(20), completedBy: z.string().max(50).default('') }),
} as const;

export type SyncMutationName = keyof typeof SYNC_MUTATIONS;
export const SYNC_MUTATION_NAMES = Object.keys(SYNC_MUTATIONS) as SyncMutationName[];
export type SyncMutationArgs<N extends SyncMutationName> = z.input<(typeof SYNC_MUTATIONS)[N]>;

/** One queued mutation on the wire. `args` are checked against the mutation's schema on the server. */
export const mutationSchema = z
  .strictObject({
    id: z.number().int().min(1).describe('Numbered 1, 2, 3… per client id, in the order the user made them.'),
    name: z.enum(SYNC_MUTATION_NAMES as [SyncMutationName, ...SyncMutationName[]]),
    args: z.unknown(),
    createdAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: 'Mutation' });

export type Mutation = { [N in SyncMutationName]: { id: number; name: N; args: SyncMutationArgs<N>; createdAt?: string } }[SyncMutationName];

export const pushRequestSchema = z
  .strictObject({
    schemaVersion: z.number().int(),
    clientGroupId: clientIdSchema,
    clientId: clientIdSchema.describe('Numbers the mutations; one per local outbox.'),
    mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS),
  })
  .meta({ id: 'PushRequest' });

export type PushRequest = { schemaVersion: number; clientGroupId: string; clientId: string; mutations: Mutation[] };

export const mutationRejectionSchema = z
  .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() })
  .meta({ id: 'MutationRejection' });

export const mutationResultSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(['applied', 'rejected']),
    duplicate: z.boolean().describe('Processed before (a resend): nothing was done again.'),
    rejection: mutationRejectionSchema.optional(),
  })
  .meta({ id: 'MutationResult' });

export const pushResponseSchema = z
  .object({
    schemaVersion: z.number().int(),
    lastMutationId: z.number().int().describe('The last mutation processed for this client id.'),
    results: z.array(mutationResultSchema),
    outOfOrder: z
      .object({ expectedId: z.number().int() })
      .optional()
      .describe('A mutation skipped ahead; it and the rest were not processed. Resend from expectedId.'),
  })
  .meta({ id: 'PushResponse' });

export type MutationRejection = z.output<typeof mutationRejectionSchema>;
export type MutationResult = z.output<typeof mutationResultSchema>;
export type PushResponse = z.output<typeof pushResponseSchema>;

/** The candidates carried by a `likely_duplicate` rejection of createContact. */
export const likelyDuplicateDetailsSchema = z.object({ candidates: z.array(duplicateCandidateSchema) });
