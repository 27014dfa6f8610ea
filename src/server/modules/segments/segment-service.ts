import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { segmentActionSchema, segmentCreateSchema, segmentPatchSchema } from '../../../contract/segments';
import type { CorrespondenceType } from '../../../domain/contact/contact';
import { RapportError } from '../../../domain/errors';
import { DEFAULT_SEGMENT_OPTIONS } from '../../../domain/segment/segment-criteria';
import { checkCanLog, lineCorrespondenceType } from '../../../domain/segment/segment-logging';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import { pageOf } from '../../http/paging';
import type { RequestContext } from '../../http/route';
import { refreshTargetGroups } from '../campaigns/campaign-price-service';
import { getContacts } from '../contacts/contact-repository';
import { getInteractionTemplate, insertEntriesOnce, interactionLanguage, templateLanguages, type NewInteractionEntry } from '../interactions/interaction-repository';
import { assignNo } from '../number-series/number-series-repository';
import { checkReferences } from '../reference-data/references';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import {
  allLines,
  appendLines,
  countCriteriaActions,
  countLines,
  criteriaActions,
  goBackCriteriaAction,
  linesAfter,
  lineViewsAfter,
  previewCriteriaAction,
  runCriteriaAction,
  type CriteriaAction,
  type SegmentLine,
} from './segment-line-repository';

type SegmentHeader = {
  no: string;
  description: string;
  campaignNo: string;
  campaignTarget: boolean;
  campaignResponse: boolean;
  salespersonCode: string;
  date: string | null;
  interactionTemplateCode: string;
  subject: string;
  correspondenceType: CorrespondenceType;
  ignoreContactCorresType: boolean;
  languageCode: string;
};

const HEADER_COLUMNS =
  'no, description, campaign_no, campaign_target, campaign_response, salesperson_code, date, interaction_template_code, subject, correspondence_type, ignore_contact_corres_type, language_code';

/**
 * The lines a segment comes with (GET /segments/:no and every change's answer): the first page of
 * the largest size GET /segments/:no/lines serves, so an answer stays small however large the
 * segment; `linesNext` continues there.
 */
export const SEGMENT_LINES_SHOWN = 500;

const notFound = (no: string) => new RapportError('not_found', `There is no segment ${no}.`);

/** Every change of a segment's header or lines stamps the header, for GET /segments' Last Modified. */
async function touchSegment(tx: Queryable, tenantId: string, no: string): Promise<void> {
  await tx.query('UPDATE segment_header SET last_modified = now() WHERE tenant_id = $1 AND no = $2', [tenantId, no]);
}

async function getHeader(db: Queryable, tenantId: string, no: string, forUpdate = false): Promise<SegmentHeader | undefined> {
  const rows = await db.query(`SELECT ${HEADER_COLUMNS} FROM segment_header WHERE tenant_id = $1 AND no = $2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, no]);
  return rows[0] ? fromRow<SegmentHeader>(rows[0]) : undefined;
}

/** The segment as the API shows it: its header, No. of Criteria Actions, No. of Lines and its first lines. */
async function view(db: Queryable, tenantId: string, header: SegmentHeader) {
  const rows = await linesAfter(db, tenantId, header.no, 0, SEGMENT_LINES_SHOWN + 1);
  const page = pageOf(rows, SEGMENT_LINES_SHOWN, (line) => line.lineNo);
  const noOfLines = page.next === null ? page.items.length : await countLines(db, tenantId, header.no);
  return { ...header, noOfCriteriaActions: await countCriteriaActions(db, tenantId, header.no), noOfLines, lines: page.items, linesNext: page.next };
}

export async function getSegment(ctx: RequestContext, no: string) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no);
    if (!header) throw notFound(no);
    return view(tx, tenantId, header);
  });
}

/** The segment's lines after line number `after`, with their contacts' names, `limit` at most. */
export async function segmentLinesAfter(ctx: RequestContext, no: string, after: number, limit: number) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    if (!(await getHeader(tx, tenantId, no))) throw notFound(no);
    return lineViewsAfter(tx, tenantId, no, after, limit);
  });
}

/** A segment header (§6.1): number from Segment Nos., the user's salesperson by default. */
export async function createSegment(ctx: RequestContext, body: z.output<typeof segmentCreateSchema>) {
  const tenantId = ctx.identity.tenantId;
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction(async (tx) => {
    const setup = await getMarketingSetup(tx, tenantId);
    const exists = async (no: string) => (await tx.query('SELECT 1 FROM segment_header WHERE tenant_id = $1 AND no = $2', [tenantId, no])).length > 0;
    const { no, noSeries } = await assignNo(tx, tenantId, {
      seriesCode: setup.segmentNos,
      setupFieldCaption: 'Segment Nos.',
      typedNo: body.no,
      workDate: ctx.workDate,
      what: 'Segment',
      exists,
    });
    const salespersonCode = body.salespersonCode ?? userSalespersonCode;
    await checkReferences(tx, tenantId, [
      { path: 'salespersonCode', kind: 'salesperson', code: salespersonCode },
      { path: 'campaignNo', kind: 'campaign', code: body.campaignNo },
      { path: 'interactionTemplateCode', kind: 'interactionTemplate', code: body.interactionTemplateCode },
    ]);
    const { no: _typed, salespersonCode: _salesperson, ...fields } = body;
    await tx.query(
      `INSERT INTO segment_header (tenant_id, no, description, campaign_no, campaign_target, campaign_response, salesperson_code, date, interaction_template_code,
         subject, correspondence_type, ignore_contact_corres_type, no_series) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [tenantId, no, fields.description, fields.campaignNo, fields.campaignTarget, fields.campaignResponse, salespersonCode, fields.date, fields.interactionTemplateCode, fields.subject, fields.correspondenceType, fields.ignoreContactCorresType, noSeries],
    );
    return view(tx, tenantId, { no, ...fields, salespersonCode, languageCode: '' });
  });
}

type SegmentPatch = z.output<typeof segmentPatchSchema>;

/** The header columns a patch field is stored in. */
const PATCH_COLUMNS: Record<keyof SegmentPatch, string> = {
  description: 'description',
  campaignNo: 'campaign_no',
  campaignTarget: 'campaign_target',
  interactionTemplateCode: 'interaction_template_code',
  languageCode: 'language_code',
  subject: 'subject',
  salespersonCode: 'salesperson_code',
};

/** Table relations of the patched fields (§6.1): a non-blank code must name an existing record. */
async function checkPatchReferences(tx: Queryable, tenantId: string, patch: SegmentPatch): Promise<void> {
  await checkReferences(tx, tenantId, [
    { path: 'salespersonCode', kind: 'salesperson', code: patch.salespersonCode ?? '' },
    { path: 'languageCode', kind: 'language', code: patch.languageCode ?? '' },
    { path: 'campaignNo', kind: 'campaign', code: patch.campaignNo ?? '' },
    { path: 'interactionTemplateCode', kind: 'interactionTemplate', code: patch.interactionTemplateCode ?? '' },
  ]);
}

/**
 * Changes header fields (§6.1). Business Central offers to push a changed header field to the lines;
 * the API always pushes, as creating a segment does: a new Campaign Target is set on every line
 * (lines take the header's when written). The lines keep no campaign or template of their own, so
 * a new campaign or interaction template reaches them, and the interactions logged from them, through
 * the header. Both the old and the new campaign's target groups follow.
 */
export async function updateSegment(ctx: RequestContext, no: string, patch: SegmentPatch) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = await getHeader(tx, tenantId, no, true);
    if (!before) throw notFound(no);
    await checkPatchReferences(tx, tenantId, patch);
    const fields = (Object.keys(patch) as (keyof SegmentPatch)[]).filter((field) => patch[field] !== undefined);
    await tx.query(
      `UPDATE segment_header SET ${fields.map((field, index) => `${PATCH_COLUMNS[field]} = $${index + 3}`).join(', ')}, last_modified = now() WHERE tenant_id = $1 AND no = $2`,
      [tenantId, no, ...fields.map((field) => patch[field])],
    );
    if (patch.campaignTarget !== undefined) {
      await tx.query('UPDATE segment_line SET campaign_target = $3 WHERE tenant_id = $1 AND segment_no = $2', [tenantId, no, patch.campaignTarget]);
    }
    await refreshTargetGroups(tx, tenantId, [before.campaignNo, patch.campaignNo ?? before.campaignNo]);
    const after = await getHeader(tx, tenantId, no);
    return view(tx, tenantId, after ?? before);
  });
}

/** After a criteria action or Go Back: the header's Last Modified, and the campaign's target group (§6.4). */
async function linesChanged(tx: Queryable, tenantId: string, header: SegmentHeader): Promise<void> {
  await touchSegment(tx, tenantId, header.no);
  await refreshTargetGroups(tx, tenantId, [header.campaignNo]);
}

const actionOf = (body: z.output<typeof segmentActionSchema>): CriteriaAction => ({ kind: body.action, criteria: body.criteria, options: { ...DEFAULT_SEGMENT_OPTIONS, ...body.options } });

/** Add / Reduce / Refine Contacts (§6.2), run in SQL and recorded for Go Back. */
export async function applySegmentAction(ctx: RequestContext, no: string, body: z.output<typeof segmentActionSchema>) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no, true);
    if (!header) throw notFound(no);
    await runCriteriaAction(tx, tenantId, no, header.campaignTarget, actionOf(body));
    await linesChanged(tx, tenantId, header);
    return view(tx, tenantId, header);
  });
}

/**
 * What Add / Reduce / Refine Contacts would do (§6.2), changing nothing: the lines it would add and
 * remove and the No. of Lines before and after it.
 */
export async function previewSegmentAction(ctx: RequestContext, no: string, body: z.output<typeof segmentActionSchema>) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    if (!(await getHeader(tx, tenantId, no))) throw notFound(no);
    const { added, removed, noOfLines } = await previewCriteriaAction(tx, tenantId, no, actionOf(body));
    return { action: body.action, added, removed, noOfLinesBefore: noOfLines, noOfLinesAfter: noOfLines + added - removed };
  });
}

/** Go Back (§6.2): undo the last criteria action. */
export async function goBackSegment(ctx: RequestContext, no: string) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no, true);
    if (!header) throw notFound(no);
    await goBackCriteriaAction(tx, tenantId, no, header.campaignTarget);
    await linesChanged(tx, tenantId, header);
    return view(tx, tenantId, header);
  });
}

/**
 * Log the segment (§6.3): a logged segment, one campaign entry for its campaign, one interaction
 * per line from the header's template, then the segment is deleted.
 */
export async function logSegment(ctx: RequestContext, no: string, options: { createFollowUpSegment: boolean } = { createFollowUpSegment: false }) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no, true);
    if (!header) throw notFound(no);
    const lines = await allLines(tx, tenantId, no);
    const alreadyLogged = (await tx.query('SELECT 1 FROM logged_segment WHERE tenant_id = $1 AND segment_no = $2', [tenantId, no])).length > 0;
    checkCanLog({ no, description: header.description, logged: alreadyLogged }, lines);
    const template = header.interactionTemplateCode === '' ? undefined : await getInteractionTemplate(tx, tenantId, header.interactionTemplateCode);
    if (!template) throw new RapportError('validation_failed', `Interaction Template Code must have a value in Segment ${no}.`, { fields: [{ path: 'interactionTemplateCode', message: 'Required to log.' }] });
    const date = header.date ?? ctx.workDate;
    const [logged] = await tx.query<{ entry_no: number }>(
      'INSERT INTO logged_segment (tenant_id, segment_no, description, creation_date, user_id) VALUES ($1, $2, $3, $4, $5) RETURNING entry_no',
      [tenantId, no, header.description, ctx.workDate, ctx.identity.userId],
    );
    const loggedEntryNo = Number(logged?.entry_no);
    let campaignEntryNo = 0;
    if (header.campaignNo !== '') {
      const [entry] = await tx.query<{ entry_no: number }>(
        `INSERT INTO campaign_entry (tenant_id, campaign_no, description, date, user_id, segment_no, salesperson_code, register_no) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING entry_no`,
        [tenantId, header.campaignNo, header.description, date, ctx.identity.userId, no, header.salespersonCode, loggedEntryNo],
      );
      campaignEntryNo = Number(entry?.entry_no);
    }
    const contacts = await getContacts(tx, tenantId, lines.map((line) => line.contactNo));
    const languages = await templateLanguages(tx, tenantId, template.code);
    const entries: NewInteractionEntry[] = lines.flatMap((line) => {
      const contact = contacts.find((candidate) => candidate.no === line.contactNo);
      if (!contact) return [];
      const description = header.subject || template.description;
      return [
        {
          id: randomUUID(),
          contactNo: contact.no,
          contactCompanyNo: contact.companyNo,
          date,
          timeOfInteraction: '00:00:00',
          description,
          subject: description,
          informationFlow: template.informationFlow,
          initiatedBy: template.initiatedBy,
          interactionGroupCode: template.interactionGroupCode,
          interactionTemplateCode: template.code,
          interactionLanguageCode: interactionLanguage(languages, template, contact.languageCode),
          costLcy: template.unitCost,
          durationMin: template.unitDurationMin,
          salespersonCode: header.salespersonCode || contact.salespersonCode,
          userId: ctx.identity.userId,
          userEmail: ctx.identity.email,
          evaluation: '',
          attemptFailed: false,
          correspondenceType: lineCorrespondenceType(header.correspondenceType, header.ignoreContactCorresType, template.correspondenceType, template.ignoreContactCorresType, contact.correspondenceType),
          emailLogged: false,
          internetMessageId: '',
          campaignNo: header.campaignNo,
          campaignEntryNo,
          campaignTarget: header.campaignNo !== '' && line.campaignTarget,
          campaignResponse: header.campaignNo !== '' && header.campaignResponse,
          opportunityNo: '',
          conversationId: '',
          emailFrom: '',
          attachmentNames: [],
          bodyExcerpt: '',
        },
      ];
    });
    const inserted = await insertEntriesOnce(tx, tenantId, entries);
    await tx.query('UPDATE interaction_log_entry SET segment_no = $2, logged_segment_entry_no = $3 WHERE tenant_id = $1 AND id = ANY($4::uuid[])', [
      tenantId,
      no,
      loggedEntryNo,
      inserted.map((entry) => entry.id),
    ]);
    await tx.query('DELETE FROM segment_header WHERE tenant_id = $1 AND no = $2', [tenantId, no]);
    const followUpSegmentNo = options.createFollowUpSegment ? await createFollowUp(tx, ctx, header, lines) : '';
    await refreshTargetGroups(tx, tenantId, [header.campaignNo]);
    return { loggedSegmentEntryNo: loggedEntryNo, campaignEntryNo, interactions: inserted.length, followUpSegmentNo };
  });
}

/** §6.3: "Follow-up on segment X", with the same campaign, settings and contacts. */
async function createFollowUp(tx: Queryable, ctx: RequestContext, header: SegmentHeader, lines: readonly SegmentLine[]): Promise<string> {
  const tenantId = ctx.identity.tenantId;
  const setup = await getMarketingSetup(tx, tenantId);
  const { no, noSeries } = await assignNo(tx, tenantId, {
    seriesCode: setup.segmentNos,
    setupFieldCaption: 'Segment Nos.',
    typedNo: undefined,
    workDate: ctx.workDate,
    what: 'Segment',
    exists: async (candidate) => (await tx.query('SELECT 1 FROM segment_header WHERE tenant_id = $1 AND no = $2', [tenantId, candidate])).length > 0,
  });
  await tx.query(
    `INSERT INTO segment_header (tenant_id, no, description, campaign_no, campaign_target, campaign_response, salesperson_code, date, interaction_template_code,
       subject, correspondence_type, ignore_contact_corres_type, no_series) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10, $11, $12)`,
    [tenantId, no, `Follow-up on segment ${header.no}`.slice(0, 100), header.campaignNo, header.campaignTarget, header.campaignResponse, header.salespersonCode, header.interactionTemplateCode, header.subject, header.correspondenceType, header.ignoreContactCorresType, noSeries],
  );
  await appendLines(tx, tenantId, no, lines.map((line) => line.contactNo), header.campaignTarget);
  return no;
}

/**
 * Canceling a logged segment cascades to its campaign entries and interactions (§6.3); toggling back
 * restores them. Target groups stay as they are, as when a campaign entry is canceled.
 */
export async function cancelLoggedSegment(ctx: RequestContext, entryNo: number, canceled: boolean) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ segment_no: string }>('UPDATE logged_segment SET canceled = $3 WHERE tenant_id = $1 AND entry_no = $2 RETURNING segment_no', [tenantId, entryNo, canceled]);
    if (!rows[0]) throw new RapportError('not_found', `There is no logged segment ${entryNo}.`);
    await tx.query('UPDATE campaign_entry SET canceled = $3 WHERE tenant_id = $1 AND register_no = $2', [tenantId, entryNo, canceled]);
    await tx.query('UPDATE interaction_log_entry SET canceled = $3 WHERE tenant_id = $1 AND logged_segment_entry_no = $2', [tenantId, entryNo, canceled]);
    return { entryNo, segmentNo: rows[0].segment_no, canceled };
  });
}

/** Saved Segment Criteria (§6.2): the segment's criteria actions kept under a code for reuse. */
export async function saveCriteria(ctx: RequestContext, no: string, code: string, description: string) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no);
    if (!header) throw notFound(no);
    const actions = await criteriaActions(tx, tenantId, no);
    if (actions.length === 0) throw new RapportError('conflict', `Segment ${no} has no criteria actions to save.`);
    await tx.query(
      `INSERT INTO saved_segment_criteria (tenant_id, code, description, actions) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, code) DO UPDATE SET description = EXCLUDED.description, actions = EXCLUDED.actions`,
      [tenantId, code, description, JSON.stringify(actions)],
    );
    return { code, description, noOfActions: actions.length };
  });
}

/** Re-applies saved criteria to a segment, action by action, each recorded for Go Back. */
export async function reuseCriteria(ctx: RequestContext, no: string, code: string) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no, true);
    if (!header) throw notFound(no);
    const saved = await tx.query<{ actions: CriteriaAction[] }>('SELECT actions FROM saved_segment_criteria WHERE tenant_id = $1 AND code = $2', [tenantId, code]);
    if (!saved[0]) throw new RapportError('not_found', `There are no saved segment criteria ${code}.`);
    for (const action of saved[0].actions) await runCriteriaAction(tx, tenantId, no, header.campaignTarget, { ...action, options: { ...DEFAULT_SEGMENT_OPTIONS, ...action.options } });
    await linesChanged(tx, tenantId, header);
    return view(tx, tenantId, header);
  });
}

/**
 * A line typed by hand or its Campaign Target changed (§6.2, §6.4): the contact is added when not
 * on the segment yet. With an activated campaign, the target group follows on the next activation.
 */
export async function putSegmentLine(ctx: RequestContext, no: string, contactNo: string, campaignTarget: boolean | undefined) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no, true);
    if (!header) throw notFound(no);
    if ((await getContacts(tx, tenantId, [contactNo])).length === 0) {
      throw new RapportError('validation_failed', `There is no contact ${contactNo}.`, { fields: [{ path: 'contactNo', message: 'No such contact.' }] });
    }
    const updated = await tx.query('UPDATE segment_line SET campaign_target = $4 WHERE tenant_id = $1 AND segment_no = $2 AND contact_no = $3 RETURNING 1 AS done', [
      tenantId,
      no,
      contactNo,
      campaignTarget ?? header.campaignTarget,
    ]);
    if (updated.length === 0) {
      const [last] = await tx.query<{ line_no: number }>('SELECT COALESCE(max(line_no), 0) AS line_no FROM segment_line WHERE tenant_id = $1 AND segment_no = $2', [tenantId, no]);
      await tx.query('INSERT INTO segment_line (tenant_id, segment_no, line_no, contact_no, campaign_target) VALUES ($1, $2, $3, $4, $5)', [
        tenantId,
        no,
        Number(last?.line_no ?? 0) + 10000,
        contactNo,
        campaignTarget ?? header.campaignTarget,
      ]);
    }
    await touchSegment(tx, tenantId, no);
    await refreshTargetGroups(tx, tenantId, [header.campaignNo]);
    return view(tx, tenantId, header);
  });
}

export async function deleteSegmentLine(ctx: RequestContext, no: string, contactNo: string) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const header = await getHeader(tx, tenantId, no, true);
    if (!header) throw notFound(no);
    const deleted = await tx.query('DELETE FROM segment_line WHERE tenant_id = $1 AND segment_no = $2 AND contact_no = $3 RETURNING 1 AS done', [tenantId, no, contactNo]);
    if (deleted.length === 0) throw new RapportError('not_found', `Contact ${contactNo} is not on segment ${no}.`);
    await touchSegment(tx, tenantId, no);
    await refreshTargetGroups(tx, tenantId, [header.campaignNo]);
    return view(tx, tenantId, header);
  });
}
