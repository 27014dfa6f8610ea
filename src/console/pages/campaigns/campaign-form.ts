import type { z } from 'zod';
import type { campaignSchema } from '../../../contract/campaigns';
import type { FieldProblem } from '../../../contract/problem';
import type { CampaignCreateBody, CampaignPatch } from '../../queries/campaigns';

type Campaign = z.output<typeof campaignSchema>;

/** A field of a campaign's header that the console edits (No. and Activated are not typed). */
export type CampaignField = 'description' | 'startingDate' | 'endingDate' | 'salespersonCode' | 'statusCode';

/** The fields in Business Central's order on the Campaign Card's General tab. */
export const CAMPAIGN_FIELDS: readonly CampaignField[] = ['description', 'startingDate', 'endingDate', 'salespersonCode', 'statusCode'];

/** The header as its inputs hold it: text as typed, no date as blank. */
export type CampaignDraft = Readonly<Record<CampaignField, string>>;

export const EMPTY_DRAFT: CampaignDraft = { description: '', startingDate: '', endingDate: '', salespersonCode: '', statusCode: '' };

/** The contract's Text[100] of Description. */
export const DESCRIPTION_MAX = 100;

export const draftOf = (campaign: Campaign): CampaignDraft => ({
  description: campaign.description,
  startingDate: campaign.startingDate ?? '',
  endingDate: campaign.endingDate ?? '',
  salespersonCode: campaign.salespersonCode,
  statusCode: campaign.statusCode,
});

/** Why the console will not send what was typed; the service's own rules (start after end, an unknown status) come back as field problems. */
export type LocalProblem = 'tooLong' | 'notDate';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date that exists: Date would read 2025-02-30 as March 2nd, so the date must come back as written. */
const isDate = (value: string) => {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** What the contract would refuse before anything is sent: a description too long, a date that is none. */
export function localProblems(draft: CampaignDraft): Partial<Record<CampaignField, LocalProblem>> {
  const problems: Partial<Record<CampaignField, LocalProblem>> = {};
  if (draft.description.trim().length > DESCRIPTION_MAX) problems.description = 'tooLong';
  for (const field of ['startingDate', 'endingDate'] as const) {
    const typed = draft[field].trim();
    if (typed !== '' && !isDate(typed)) problems[field] = 'notDate';
  }
  return problems;
}

/** A field's value on the wire: trimmed, and a blank date as none (null). */
function wireValue(field: CampaignField, typed: string): string | null {
  const value = typed.trim();
  return (field === 'startingDate' || field === 'endingDate') && value === '' ? null : value;
}

/**
 * What saving the header sends: only the fields whose value differs from the campaign as saved,
 * so a save never overwrites what someone else changed in another field meanwhile. Empty when
 * nothing changed.
 */
export function changedFields(saved: CampaignDraft, draft: CampaignDraft): CampaignPatch {
  const patch: Record<string, string | null> = {};
  for (const field of CAMPAIGN_FIELDS) {
    const value = wireValue(field, draft[field]);
    if (value !== wireValue(field, saved[field])) patch[field] = value;
  }
  return patch as CampaignPatch;
}

/**
 * What creating a campaign sends. A blank salesperson is left out, so that the service gives the
 * campaign the signed-in user's own, as Business Central does.
 */
export function createBody(draft: CampaignDraft): CampaignCreateBody {
  const salespersonCode = draft.salespersonCode.trim();
  return {
    description: draft.description.trim(),
    startingDate: wireValue('startingDate', draft.startingDate),
    endingDate: wireValue('endingDate', draft.endingDate),
    statusCode: draft.statusCode.trim(),
    ...(salespersonCode === '' ? {} : { salespersonCode }),
  };
}

const FIELD_SET: ReadonlySet<string> = new Set(CAMPAIGN_FIELDS);

/**
 * The service's problems split into those shown at a field of the form (the first of each) and
 * those that belong to none, shown with the form's message.
 */
export function placeProblems(problems: readonly FieldProblem[]): { byField: Partial<Record<CampaignField, string>>; elsewhere: string[] } {
  const byField: Partial<Record<CampaignField, string>> = {};
  const elsewhere: string[] = [];
  for (const problem of problems) {
    if (!FIELD_SET.has(problem.path)) elsewhere.push(problem.message);
    else if (byField[problem.path as CampaignField] === undefined) byField[problem.path as CampaignField] = problem.message;
  }
  return { byField, elsewhere };
}
