import {
  type SyncCampaign,
  type SyncCampaignTarget,
  type SyncCollection,
  type SyncContact,
  type SyncInteraction,
  type SyncOp,
  type SyncOpportunity,
  type SyncRecord,
  type SyncRejection,
  type SyncSalesperson,
  type SyncTask,
  syncKeyOf,
} from '../../../src/contract/sync';
import type { PullPageToApply } from '../../../src/addin/cache/local-store';

/** Records as the service sends them, with every field filled so a test names only what matters. */

export const person = (no: string, fields: Partial<SyncContact> = {}): SyncContact => ({
  no,
  type: 'person',
  name: `Person ${no}`,
  firstName: 'Anna',
  surname: no,
  companyNo: '',
  companyName: '',
  jobTitle: '',
  email: '',
  email2: '',
  altEmails: [],
  homePage: '',
  phoneNo: '',
  mobilePhoneNo: '',
  salespersonCode: 'SP',
  languageCode: '',
  businessRelation: 'none',
  customerNo: '',
  ...fields,
});

export const company = (no: string, fields: Partial<SyncContact> = {}): SyncContact =>
  person(no, { type: 'company', name: `Company ${no}`, firstName: '', surname: '', companyNo: no, companyName: `Company ${no}`, ...fields });

export const opportunity = (no: string, fields: Partial<SyncOpportunity> = {}): SyncOpportunity => ({
  no,
  description: `Opportunity ${no}`,
  contactNo: '',
  contactCompanyNo: '',
  salespersonCode: 'SP',
  campaignNo: '',
  salesCycleCode: 'NEW',
  creationDate: '2025-01-01',
  status: 'inProgress',
  priority: 'normal',
  closed: false,
  dateClosed: null,
  salesDocumentType: '',
  salesDocumentNo: '',
  currentStage: 1,
  currentStageDescription: 'Initial',
  estimatedValueLcy: 1000,
  calcdCurrentValueLcy: 0,
  probabilityPct: 10,
  chancesOfSuccessPct: 50,
  completedPct: 20,
  estimatedCloseDate: null,
  allowedActions: ['next', 'update', 'close'],
  ...fields,
});

export const task = (no: string, fields: Partial<SyncTask> = {}): SyncTask => ({
  no,
  type: '',
  description: `Task ${no}`,
  date: '2025-01-01',
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
  salespersonCode: 'SP',
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

export const interaction = (entryNo: number, fields: Partial<SyncInteraction> = {}): SyncInteraction => ({
  entryNo,
  id: `00000000-0000-4000-8000-${String(entryNo).padStart(12, '0')}`,
  contactNo: '',
  contactCompanyNo: '',
  date: '2025-01-01',
  timeOfInteraction: '09:00:00',
  description: `Interaction ${entryNo}`,
  subject: '',
  informationFlow: 'inbound',
  initiatedBy: 'them',
  interactionTemplateCode: 'EMAIL',
  costLcy: 0,
  durationMin: 0,
  salespersonCode: 'SP',
  userEmail: 'sam@cronus.example',
  canceled: false,
  internetMessageId: '',
  campaignNo: '',
  loggedAt: '2025-01-01T09:00:00Z',
  opportunityNo: '',
  ...fields,
});

export const campaign = (no: string, fields: Partial<SyncCampaign> = {}): SyncCampaign => ({
  no,
  description: `Campaign ${no}`,
  startingDate: null,
  endingDate: null,
  salespersonCode: 'SP',
  statusCode: '',
  statusDescription: '',
  activated: true,
  priceLines: [],
  ...fields,
});

export const campaignTarget = (campaignNo: string, type: SyncCampaignTarget['type'], no: string): SyncCampaignTarget => ({ campaignNo, type, no });

export const salesperson = (code: string, fields: Partial<SyncSalesperson> = {}): SyncSalesperson => ({
  code,
  name: `Salesperson ${code}`,
  email: '',
  jobTitle: '',
  phoneNo: '',
  blocked: false,
  ...fields,
});

export const rejection = (clientId: string, mutationId: number, fields: Partial<SyncRejection> = {}): SyncRejection => ({
  clientId,
  mutationId,
  name: 'createContact',
  code: 'likely_duplicate',
  message: 'A contact like this exists.',
  details: { candidates: [] },
  ...fields,
});

/** A put of a record under its sync key, as the service sends it. */
export function put<C extends SyncCollection>(collection: C, value: SyncRecord<C>): SyncOp {
  return { op: 'put', collection, key: syncKeyOf[collection](value), value } as SyncOp;
}

export const del = (collection: SyncCollection, key: string): SyncOp => ({ op: 'del', collection, key });

let pageNo = 0;

/** A pull page: by default the only page of a delta pull, with a fresh cursor. */
export function page(ops: readonly SyncOp[], fields: Partial<PullPageToApply> = {}): PullPageToApply {
  pageNo += 1;
  return { ops, cursor: `cursor-${pageNo}`, reset: false, hasMore: false, lastMutationIds: {}, pulledAt: `2025-02-01T10:00:${String(pageNo % 60).padStart(2, '0')}Z`, ...fields };
}

/** Arguments of a valid mutation, for outbox tests where only the numbering matters. */
export const closeTaskArgs = (no: string) => ({ no, completedBy: '' });
