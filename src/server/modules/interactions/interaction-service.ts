import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { logEmailBodySchema, logInteractionBodySchema } from '../../../contract/interactions';
import { campaignEntryDescription } from '../../../domain/campaign/campaign';
import { normalizeEmail } from '../../../domain/email';
import { RapportError } from '../../../domain/errors';
import { type Opportunity, opportunityConcerns } from '../../../domain/opportunity/opportunity';
import { interactionSubject, planEmailLog, sharedMailboxOf, type AddressMatch } from '../../../domain/interaction/email-logging';
import type { InteractionTemplate, InteractionTemplateSetupField } from '../../../domain/interaction/interaction-template-setup';
import type { Queryable } from '../../db/db';
import type { RequestContext } from '../../http/route';
import { refreshTargetGroups } from '../campaigns/campaign-price-service';
import { campaignExists, findOrCreateInteractionsEntry } from '../campaigns/campaign-repository';
import { getContact, getContacts } from '../contacts/contact-repository';
import { getOpportunity } from '../opportunities/opportunity-repository';
import {
  deleteEntry,
  entriesOfMessage,
  findExistingEntry,
  getEntry,
  getInteractionTemplate,
  getInteractionTemplateSetup,
  insertEntriesOnce,
  interactionLanguage,
  matchAddresses,
  setCanceled,
  templateLanguages,
  type InteractionEntry,
  type NewInteractionEntry,
} from './interaction-repository';

type LogEmailBody = z.output<typeof logEmailBodySchema>;
type LogInteractionBody = z.output<typeof logInteractionBodySchema>;

const SETUP_CAPTION: Partial<Record<InteractionTemplateSetupField, string>> = { emails: 'E-Mails', outgCalls: 'Outg. Calls', meetingInvitation: 'Meeting Invitation' };

/** The template Interaction Template Setup names for an event; an error when none is set up (§5.3). */
async function templateFor(tx: Queryable, tenantId: string, field: InteractionTemplateSetupField): Promise<InteractionTemplate> {
  const code = (await getInteractionTemplateSetup(tx, tenantId))[field] ?? '';
  const template = code === '' ? undefined : await getInteractionTemplate(tx, tenantId, code);
  if (!template) {
    throw new RapportError('interaction_template_missing', `${SETUP_CAPTION[field] ?? field} must have a value in Interaction Template Setup.`, { details: { setupField: field } });
  }
  return template;
}

type CampaignFields = { campaignNo?: string | undefined; campaignTarget?: boolean | undefined; campaignResponse?: boolean | undefined };

/**
 * The campaign of an interaction (§5.2, §5.4): the request's, else the template's default, with its
 * Campaign Target and Campaign Response flags; its campaign entry found or created (§7.3).
 */
async function campaignOf(
  tx: Queryable,
  ctx: RequestContext,
  requested: CampaignFields,
  template: InteractionTemplate,
  entry: { date: string; salespersonCode: string },
): Promise<Pick<NewInteractionEntry, 'campaignNo' | 'campaignEntryNo' | 'campaignTarget' | 'campaignResponse'>> {
  const campaignNo = requested.campaignNo ?? template.campaignNo;
  if (!campaignNo) return { campaignNo: '', campaignEntryNo: 0, campaignTarget: false, campaignResponse: false };
  if (!(await campaignExists(tx, ctx.identity.tenantId, campaignNo))) {
    throw new RapportError('validation_failed', `There is no campaign ${campaignNo}.`, { fields: [{ path: 'campaignNo', message: 'No such campaign.' }] });
  }
  const campaignEntryNo = await findOrCreateInteractionsEntry(tx, ctx.identity.tenantId, campaignNo, {
    date: entry.date,
    userId: ctx.identity.userId,
    salespersonCode: entry.salespersonCode,
    description: campaignEntryDescription('', ''),
  });
  return {
    campaignNo,
    campaignEntryNo,
    campaignTarget: requested.campaignTarget ?? template.campaignTarget,
    campaignResponse: requested.campaignResponse ?? template.campaignResponse,
  };
}

/** The opportunity a request names, which must exist; undefined when it names none. */
async function requestedOpportunity(tx: Queryable, tenantId: string, opportunityNo: string | undefined): Promise<Opportunity | undefined> {
  if (!opportunityNo) return undefined;
  const opportunity = await getOpportunity(tx, tenantId, opportunityNo);
  if (!opportunity) throw new RapportError('validation_failed', `There is no opportunity ${opportunityNo}.`, { fields: [{ path: 'opportunityNo', message: 'No such opportunity.' }] });
  return opportunity;
}

const otherContacts = (opportunity: Opportunity, whose: string) =>
  new RapportError('validation_failed', `Opportunity ${opportunity.no} is ${opportunity.contactNo}'s, not ${whose}.`, {
    fields: [{ path: 'opportunityNo', message: 'The opportunity is with another contact.' }],
  });

/** Insert, or read back what an earlier request (any user, any device) logged, in input order. */
async function logOnce(tx: Queryable, tenantId: string, entries: readonly NewInteractionEntry[]): Promise<(InteractionEntry & { alreadyLogged: boolean })[]> {
  const inserted = await insertEntriesOnce(tx, tenantId, entries);
  const results = [];
  for (const entry of entries) {
    const fresh = inserted.find((row) => row.id === entry.id);
    if (fresh) {
      results.push({ ...fresh, alreadyLogged: false });
      continue;
    }
    const existing = await findExistingEntry(tx, tenantId, entry.id, entry.contactNo, entry.internetMessageId);
    if (!existing) throw new Error('An interaction insert conflicted but no existing entry was found.');
    results.push({ ...existing, alreadyLogged: true });
  }
  return results;
}

/**
 * Logs one e-mail (§10 improved): the contacts and direction come from the addresses
 * (`planEmailLog`), one interaction per contact with the E-Mails template. Idempotent: the same
 * message for the same contact is one interaction whoever logs it, however often; the same client
 * `id` is the same interaction. Unknown and ambiguous addresses are reported, never dropped silently.
 * A message read in a shared or delegated mailbox (`mailboxAddress`) is judged against that
 * mailbox's owner and keeps its address with the interactions.
 */
export async function logEmail(ctx: RequestContext, body: LogEmailBody) {
  const tenantId = ctx.identity.tenantId;
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction(async (tx) => {
    const template = await templateFor(tx, tenantId, 'emails');
    const addresses = [body.from, ...body.to, ...body.cc].map((mailbox) => normalizeEmail(mailbox.address));
    const { salespeople, contacts } = await matchAddresses(tx, tenantId, [...new Set(addresses)]);
    const lookup = (address: string): AddressMatch => {
      const matching = contacts.filter((contact) => contact.address === address);
      return {
        salespersonCode: salespeople.find((salesperson) => salesperson.search_email === address)?.code ?? '',
        contactNos: [...new Set(matching.map((contact) => contact.no))],
        personContactNos: [...new Set(matching.filter((contact) => contact.type === 'person').map((contact) => contact.no))],
        inheritingPersonContactNos: matching
          .filter((contact) => contact.inherited && matching.some((company) => company.no === contact.company_no && company.type === 'company'))
          .map((contact) => contact.no),
      };
    };
    const plan = planEmailLog({ ...body, explicitContactNos: body.contactNos, userSalespersonCode }, ctx.identity.email, lookup);

    const reported = { unmatchedAddresses: plan.unmatchedAddresses, ambiguousAddresses: plan.ambiguousAddresses };
    if (plan.interactions.length === 0) return { interactions: [], ...reported };
    const mailboxAddress = sharedMailboxOf(body, ctx.identity.email);
    const sent = new Date(body.sentAt);
    const subject = interactionSubject(body.subject);
    const found = await getContacts(tx, tenantId, plan.interactions.map((planned) => planned.contactNo));
    const date = sent.toISOString().slice(0, 10);
    const campaign = await campaignOf(tx, ctx, body, template, { date, salespersonCode: plan.interactions[0]?.salespersonCode ?? '' });
    const languages = await templateLanguages(tx, tenantId, template.code);
    // An e-mail to several contacts links the opportunity for those it concerns; one must be.
    const opportunity = await requestedOpportunity(tx, tenantId, body.opportunityNo);
    if (opportunity && !found.some((contact) => opportunityConcerns(opportunity, contact))) throw otherContacts(opportunity, 'of a contact this e-mail is logged for');
    const entries = plan.interactions.map((planned, index): NewInteractionEntry => {
      const contact = found.find((candidate) => candidate.no === planned.contactNo);
      if (!contact) {
        throw new RapportError('validation_failed', `There is no contact ${planned.contactNo}.`, { fields: [{ path: 'contactNos', message: `No contact ${planned.contactNo}.` }] });
      }
      return {
        // A client id names the first interaction; the others of one request get their own.
        id: body.id && index === 0 ? body.id : randomUUID(),
        contactNo: contact.no,
        contactCompanyNo: contact.companyNo,
        date,
        timeOfInteraction: sent.toISOString().slice(11, 19),
        description: subject,
        subject,
        informationFlow: plan.informationFlow,
        initiatedBy: plan.initiatedBy,
        interactionGroupCode: template.interactionGroupCode,
        interactionTemplateCode: template.code,
        interactionLanguageCode: interactionLanguage(languages, template, contact.languageCode),
        costLcy: template.unitCost,
        durationMin: template.unitDurationMin,
        salespersonCode: planned.salespersonCode,
        userId: ctx.identity.userId,
        userEmail: ctx.identity.email,
        evaluation: '',
        attemptFailed: false,
        correspondenceType: 'email',
        emailLogged: true,
        internetMessageId: body.internetMessageId,
        conversationId: body.conversationId,
        emailFrom: normalizeEmail(body.from.address),
        attachmentNames: body.attachmentNames,
        bodyExcerpt: body.bodyText,
        ...campaign,
        opportunityNo: opportunity && opportunityConcerns(opportunity, contact) ? opportunity.no : '',
        mailboxAddress,
      };
    });
    const results = await logOnce(tx, tenantId, entries);
    await refreshTargetGroups(tx, tenantId, [campaign.campaignNo]);
    return { interactions: results, ...reported };
  });
}

/** A phone call, meeting or other interaction from a template (§5.4 "Create Interaction"). */
export async function logInteraction(ctx: RequestContext, body: LogInteractionBody): Promise<InteractionEntry & { alreadyLogged: boolean }> {
  const tenantId = ctx.identity.tenantId;
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction(async (tx) => {
    const contact = await getContact(tx, tenantId, body.contactNo);
    if (!contact) throw new RapportError('not_found', `There is no contact ${body.contactNo}.`);
    if (contact.privacyBlocked) throw new RapportError('conflict', `Contact ${contact.no} is blocked due to privacy; no interactions can be logged for it.`);
    let template: InteractionTemplate | undefined;
    if (body.templateCode) {
      template = await getInteractionTemplate(tx, tenantId, body.templateCode);
      if (!template) throw new RapportError('validation_failed', `There is no interaction template ${body.templateCode}.`, { fields: [{ path: 'templateCode', message: 'No such template.' }] });
    } else if (body.kind === 'template') {
      throw new RapportError('validation_failed', 'Name the interaction template.', { fields: [{ path: 'templateCode', message: 'Required.' }] });
    } else {
      template = await templateFor(tx, tenantId, body.kind === 'phoneCall' ? 'outgCalls' : 'meetingInvitation');
    }
    const salespersonCode = userSalespersonCode || contact.salespersonCode;
    if (salespersonCode === '') {
      throw new RapportError('validation_failed', 'Salesperson Code must have a value: the user is no salesperson and the contact has none.', {
        fields: [{ path: 'contactNo', message: 'No salesperson for this interaction.' }],
      });
    }
    const opportunity = await requestedOpportunity(tx, tenantId, body.opportunityNo);
    if (opportunity && !opportunityConcerns(opportunity, contact)) throw otherContacts(opportunity, `${contact.no}'s or its company's`);
    const description = body.description || template.description;
    const entry: NewInteractionEntry = {
      id: body.id ?? randomUUID(),
      contactNo: contact.no,
      contactCompanyNo: contact.companyNo,
      date: body.date,
      timeOfInteraction: body.time,
      description,
      subject: description,
      informationFlow: body.informationFlow ?? template.informationFlow,
      initiatedBy: body.initiatedBy ?? template.initiatedBy,
      interactionGroupCode: template.interactionGroupCode,
      interactionTemplateCode: template.code,
      interactionLanguageCode: interactionLanguage(await templateLanguages(tx, tenantId, template.code), template, contact.languageCode),
      costLcy: body.costLcy ?? template.unitCost,
      durationMin: body.durationMin ?? template.unitDurationMin,
      salespersonCode,
      userId: ctx.identity.userId,
      userEmail: ctx.identity.email,
      evaluation: body.evaluation,
      attemptFailed: !body.interactionSuccessful,
      correspondenceType: template.correspondenceType,
      emailLogged: false,
      internetMessageId: '',
      conversationId: '',
      emailFrom: '',
      attachmentNames: [],
      bodyExcerpt: '',
      ...(await campaignOf(tx, ctx, body, template, { date: body.date, salespersonCode })),
      opportunityNo: opportunity?.no ?? '',
    };
    const [logged] = await logOnce(tx, tenantId, [entry]);
    await refreshTargetGroups(tx, tenantId, [entry.campaignNo]);
    if (!logged) throw new Error('Logging an interaction returned nothing.');
    return logged;
  });
}

/** Whether, when and by whom an e-mail was logged, for whom: the "Logged" state on every device. */
export async function loggedState(ctx: RequestContext, internetMessageId: string) {
  const interactions = await entriesOfMessage(ctx.db, ctx.identity.tenantId, internetMessageId);
  return { logged: interactions.some((entry) => !entry.canceled), interactions };
}

/**
 * "Switch Check Mark in Canceled" (§5.4): a canceled entry leaves every statistic; it can be
 * restored. A campaign's target group is left as it is (canceled entries still count towards it).
 */
export async function cancelInteraction(ctx: RequestContext, entryNo: number, canceled: boolean): Promise<InteractionEntry> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const entry = await getEntry(tx, tenantId, entryNo, { forUpdate: true });
    if (!entry) throw new RapportError('not_found', `There is no interaction log entry ${entryNo}.`);
    if (!canceled && entry.canceled) {
      // §5.4: an entry stays canceled while its campaign entry or logged segment is.
      const blocked = await tx.query(
        `SELECT 1 FROM interaction_log_entry i WHERE i.tenant_id = $1 AND i.entry_no = $2 AND (
           EXISTS (SELECT 1 FROM campaign_entry c WHERE c.tenant_id = i.tenant_id AND c.entry_no = i.campaign_entry_no AND c.canceled)
           OR EXISTS (SELECT 1 FROM logged_segment s WHERE s.tenant_id = i.tenant_id AND s.entry_no = i.logged_segment_entry_no AND s.canceled))`,
        [tenantId, entryNo],
      );
      if (blocked.length > 0) throw new RapportError('conflict', `Interaction log entry ${entryNo} belongs to a canceled campaign entry or logged segment; restore that first.`);
    }
    await setCanceled(tx, tenantId, entryNo, canceled);
    return { ...entry, canceled };
  });
}

/** Only canceled entries can be deleted (§5.4); the company may leave a campaign's target group with its last target entry. */
export async function deleteInteraction(ctx: RequestContext, entryNo: number): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await ctx.db.transaction(async (tx) => {
    const entry = await getEntry(tx, tenantId, entryNo, { forUpdate: true });
    if (!entry) throw new RapportError('not_found', `There is no interaction log entry ${entryNo}.`);
    if (!entry.canceled) throw new RapportError('interaction_delete_refused', `Interaction log entry ${entryNo} must be canceled before it can be deleted.`);
    await deleteEntry(tx, tenantId, entryNo);
    await refreshTargetGroups(tx, tenantId, [entry.campaignNo]);
  });
}
