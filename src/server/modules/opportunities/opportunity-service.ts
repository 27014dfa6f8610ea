import type { z } from 'zod';
import type { opportunityCloseSchema, opportunityCreateSchema, opportunityUpdateSchema, salesCycleBodySchema } from '../../../contract/opportunities';
import { isCampaignActiveOn } from '../../../domain/campaign/campaign';
import { calcDate } from '../../../domain/date-formula';
import { RapportError } from '../../../domain/errors';
import type { Opportunity, OpportunityEntry } from '../../../domain/opportunity/opportunity';
import { applyUpdate, closeOpportunity, type OpportunityChange } from '../../../domain/opportunity/opportunity-update';
import type { SalesCycleStage } from '../../../domain/opportunity/sales-cycle';
import { offeredActions } from '../../../domain/opportunity/sales-cycle-moves';
import type { Queryable } from '../../db/db';
import type { RequestContext } from '../../http/route';
import { createAccountForContact } from '../business-relations/business-relation-service';
import { getCampaign } from '../campaigns/campaign-repository';
import { getContact } from '../contacts/contact-repository';
import { assignNo } from '../number-series/number-series-repository';
import { checkReferences } from '../reference-data/references';
import { createTasksFromActivity } from '../tasks/task-service';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { assertMayReadPipeline, readablePipelineOwner } from '../salespeople/pipeline-scope';
import {
  activeEntry,
  entriesOf,
  getOpportunity,
  getSalesCycle,
  insertOpportunity,
  opportunitiesOfContacts,
  opportunityExists,
  recordEntry,
  saveOpportunity,
  type OpportunitySummary,
} from './opportunity-repository';

const notFound = (no: string) => new RapportError('not_found', `There is no opportunity ${no}.`);

/** An opportunity as the pane shows it: its active entry's values and what can be done now. */
export function opportunityView(opportunity: Opportunity, active: OpportunityEntry | null, stages: readonly SalesCycleStage[]) {
  const stage = stages.find((candidate) => candidate.stage === active?.salesCycleStage);
  const moves = offeredActions(stages, active, opportunity.status);
  return {
    ...opportunity,
    currentStage: active?.salesCycleStage ?? 0,
    currentStageDescription: stage?.description ?? '',
    estimatedValueLcy: active?.estimatedValueLcy ?? 0,
    calcdCurrentValueLcy: active?.calcdCurrentValueLcy ?? 0,
    probabilityPct: active?.probabilityPct ?? 0,
    chancesOfSuccessPct: active?.chancesOfSuccessPct ?? 0,
    completedPct: active?.completedPct ?? 0,
    estimatedCloseDate: active?.estimatedCloseDate ?? null,
    allowedActions: [...moves, ...(opportunity.closed ? [] : (['close'] as const))],
  };
}

async function cycleOf(tx: Queryable, tenantId: string, code: string) {
  const found = await getSalesCycle(tx, tenantId, code);
  if (!found) throw new RapportError('validation_failed', `There is no sales cycle ${code}.`, { fields: [{ path: 'salesCycleCode', message: 'No such sales cycle.' }] });
  return found;
}

/**
 * Stores a change: the opportunity, the deactivated and the new entry, canceled tasks, and the
 * tasks of the new stage's activity when the change asks for them.
 */
async function store(tx: Queryable, ctx: RequestContext, change: OpportunityChange & { createStageActivityTasks?: boolean }, stages: readonly SalesCycleStage[]): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await saveOpportunity(tx, tenantId, change.opportunity);
  await recordEntry(tx, tenantId, change.opportunity, change.previous, change.entry);
  if (change.cancelOpenTasks) {
    await tx.query(
      `UPDATE task SET canceled = true, closed = true, date_closed = $3, status = 'completed', recurring = false WHERE tenant_id = $1 AND opportunity_no = $2 AND NOT closed`,
      [tenantId, change.opportunity.no, ctx.workDate],
    );
  }
  const stageActivity = change.createStageActivityTasks ? (stages.find((stage) => stage.stage === change.entry.salesCycleStage)?.activityCode ?? '') : '';
  if (stageActivity !== '') {
    const { opportunity } = change;
    await createTasksFromActivity(tx, ctx, stageActivity, change.entry.dateOfChange, {
      salespersonCode: opportunity.salespersonCode,
      contactNo: opportunity.contactNo,
      contactCompanyNo: opportunity.contactCompanyNo,
      campaignNo: opportunity.campaignNo,
      opportunityNo: opportunity.no,
    });
  }
}

const hasSalesQuote = async (tx: Queryable, tenantId: string, opportunity: Opportunity) =>
  opportunity.salesDocumentType === 'quote' || (await tx.query('SELECT 1 FROM sales_quote WHERE tenant_id = $1 AND opportunity_no = $2', [tenantId, opportunity.no])).length > 0;

/**
 * A new opportunity (§8.1): number from Opportunity Nos., the default sales cycle when it exists
 * and is not blocked, the user's salesperson (else the contact's); optionally its first stage.
 */
export async function createOpportunity(ctx: RequestContext, body: z.output<typeof opportunityCreateSchema>) {
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction((tx) => createOpportunityIn(tx, ctx, body, userSalespersonCode));
}

/**
 * Create Opportunity from an interaction (§5.4): only for one not canceled and without an
 * opportunity yet; it takes the interaction's description, contact, salesperson and campaign.
 */
export async function createOpportunityFromInteraction(ctx: RequestContext, entryNo: number) {
  const tenantId = ctx.identity.tenantId;
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction(async (tx) => {
    const [entry] = await tx.query<{ description: string; contact_no: string; salesperson_code: string; campaign_no: string; canceled: boolean; opportunity_no: string }>(
      'SELECT description, contact_no, salesperson_code, campaign_no, canceled, opportunity_no FROM interaction_log_entry WHERE tenant_id = $1 AND entry_no = $2 FOR UPDATE',
      [tenantId, entryNo],
    );
    if (!entry) throw new RapportError('not_found', `There is no interaction log entry ${entryNo}.`);
    if (entry.canceled) throw new RapportError('conflict', `Interaction log entry ${entryNo} is canceled.`);
    if (entry.opportunity_no !== '') throw new RapportError('conflict', `Interaction log entry ${entryNo} already has opportunity ${entry.opportunity_no}.`);
    const campaign = entry.campaign_no === '' ? undefined : await getCampaign(tx, tenantId, entry.campaign_no);
    const opportunity = await createOpportunityIn(
      tx,
      ctx,
      {
        description: entry.description || `Interaction ${entryNo}`,
        contactNo: entry.contact_no,
        ...(entry.salesperson_code ? { salespersonCode: entry.salesperson_code } : {}),
        campaignNo: campaign && campaign.activated && isCampaignActiveOn(campaign, ctx.workDate) ? campaign.no : '',
        priority: 'normal',
      },
      userSalespersonCode,
    );
    await tx.query('UPDATE interaction_log_entry SET opportunity_no = $3 WHERE tenant_id = $1 AND entry_no = $2', [tenantId, entryNo, opportunity.no]);
    return opportunity;
  });
}

async function createOpportunityIn(tx: Queryable, ctx: RequestContext, body: z.output<typeof opportunityCreateSchema>, userSalespersonCode: string) {
  const tenantId = ctx.identity.tenantId;
  const setup = await getMarketingSetup(tx, tenantId);
  const contact = await getContact(tx, tenantId, body.contactNo);
  if (!contact) throw new RapportError('validation_failed', `There is no contact ${body.contactNo}.`, { fields: [{ path: 'contactNo', message: 'No such contact.' }] });
  if (contact.privacyBlocked) throw new RapportError('conflict', `Contact ${contact.no} is blocked due to privacy; it cannot get opportunities.`);
  let salesCycleCode = body.salesCycleCode ?? '';
  if (salesCycleCode === '' && setup.defaultSalesCycleCode !== '') {
    const fallback = await getSalesCycle(tx, tenantId, setup.defaultSalesCycleCode);
    if (fallback && !fallback.cycle.blocked) salesCycleCode = fallback.cycle.code;
  }
  if (salesCycleCode === '') throw new RapportError('validation_failed', 'Sales Cycle Code must have a value.', { fields: [{ path: 'salesCycleCode', message: 'Required.' }] });
  const { cycle, stages } = await cycleOf(tx, tenantId, salesCycleCode);
  if (cycle.blocked) throw new RapportError('validation_failed', `Sales cycle ${cycle.code} is blocked.`, { fields: [{ path: 'salesCycleCode', message: 'Blocked.' }] });
  const salespersonCode = body.salespersonCode ?? (userSalespersonCode || contact.salespersonCode);
  if (salespersonCode === '') throw new RapportError('validation_failed', 'Salesperson Code must have a value.', { fields: [{ path: 'salespersonCode', message: 'Required.' }] });
  await checkReferences(tx, tenantId, [{ path: 'salespersonCode', kind: 'salesperson', code: salespersonCode }]);
  if (body.campaignNo !== '') {
    const campaign = await getCampaign(tx, tenantId, body.campaignNo);
    // §7.4: only an activated campaign whose dates include the opportunity's creation date.
    if (!campaign || !campaign.activated || !isCampaignActiveOn(campaign, ctx.workDate)) {
      throw new RapportError('validation_failed', `Campaign ${body.campaignNo} does not exist, is not activated or is not running on ${ctx.workDate}.`, {
        fields: [{ path: 'campaignNo', message: 'Not an activated, running campaign.' }],
      });
    }
  }
  const { no, noSeries } = await assignNo(tx, tenantId, {
    seriesCode: setup.opportunityNos,
    setupFieldCaption: 'Opportunity Nos.',
    typedNo: body.no,
    workDate: ctx.workDate,
    what: 'Opportunity',
    exists: (candidate) => opportunityExists(tx, tenantId, candidate),
  });
  let opportunity: Opportunity = {
    no,
    description: body.description,
    contactNo: contact.no,
    contactCompanyNo: contact.companyNo,
    salespersonCode,
    campaignNo: body.campaignNo,
    segmentNo: '',
    salesCycleCode,
    creationDate: ctx.workDate,
    status: 'notStarted',
    priority: body.priority,
    closed: false,
    dateClosed: null,
    salesDocumentType: '',
    salesDocumentNo: '',
  };
  await insertOpportunity(tx, tenantId, opportunity, noSeries);
  if (body.activateFirstStage) {
    const change = applyUpdate(opportunity, cycle, stages, null, { action: 'first', dateOfChange: ctx.workDate, hasSalesQuote: false, cancelOldTasks: false, ...body.activateFirstStage }, 0);
    await store(tx, ctx, change, stages);
    opportunity = change.opportunity;
  }
  return opportunityView(opportunity, await activeEntry(tx, tenantId, no), stages);
}

/** The Update wizard's finish (§8.4, §8.5). */
export async function updateOpportunity(ctx: RequestContext, no: string, body: z.output<typeof opportunityUpdateSchema>) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const opportunity = await getOpportunity(tx, tenantId, no, { forUpdate: true });
    if (!opportunity) throw notFound(no);
    const { cycle, stages } = await cycleOf(tx, tenantId, opportunity.salesCycleCode);
    const active = await activeEntry(tx, tenantId, no);
    const change = applyUpdate(
      opportunity,
      cycle,
      stages,
      active,
      { ...body, dateOfChange: body.dateOfChange ?? ctx.workDate, hasSalesQuote: await hasSalesQuote(tx, tenantId, opportunity) },
      0,
    );
    await store(tx, ctx, change, stages);
    return opportunityView(change.opportunity, await activeEntry(tx, tenantId, no), stages);
  });
}

/** Close won or lost (§8.6). */
export async function closeOpportunityNo(ctx: RequestContext, no: string, body: z.output<typeof opportunityCloseSchema>) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const opportunity = await getOpportunity(tx, tenantId, no, { forUpdate: true });
    if (!opportunity) throw notFound(no);
    const codes = await tx.query<{ type: 'won' | 'lost' }>('SELECT type FROM close_opportunity_code WHERE tenant_id = $1 AND code = $2', [tenantId, body.closeOpportunityCode]);
    if (!codes[0]) throw new RapportError('validation_failed', `There is no close opportunity code ${body.closeOpportunityCode}.`, { fields: [{ path: 'closeOpportunityCode', message: 'No such code.' }] });
    const quotes = await tx.query<{ amount_lcy: number }>('SELECT amount_lcy FROM sales_quote WHERE tenant_id = $1 AND opportunity_no = $2', [tenantId, no]);
    const change = closeOpportunity(
      opportunity,
      await activeEntry(tx, tenantId, no),
      { ...body, closeCodeType: codes[0].type, dateOfChange: body.dateOfChange ?? ctx.workDate, salesQuoteTotalLcy: quotes[0] ? Number(quotes[0].amount_lcy) : null },
      0,
    );
    await store(tx, ctx, change, []); // closing creates no stage tasks
    if (body.actionTaken === 'won') await makeCustomer(tx, ctx, opportunity.contactNo);
    const { stages } = await cycleOf(tx, tenantId, opportunity.salesCycleCode);
    return opportunityView(change.opportunity, await activeEntry(tx, tenantId, no), stages);
  });
}

/**
 * §8.6: winning an opportunity makes the contact's company a customer (without a template) when
 * it is not one yet — as long as Marketing Setup names the customers' business relation.
 */
async function makeCustomer(tx: Queryable, ctx: RequestContext, contactNo: string): Promise<void> {
  const setup = await getMarketingSetup(tx, ctx.identity.tenantId);
  if (setup.busRelCodeForCustomers === '') return;
  try {
    await createAccountForContact(tx, ctx.identity.tenantId, ctx.workDate, contactNo, 'customer');
  } catch (error) {
    if (!(error instanceof RapportError && error.code === 'business_relation_exists')) throw error;
  }
}

/** A minimal sales quote for "quote required" stages and Won values; one document per opportunity. */
export async function linkSalesQuote(ctx: RequestContext, no: string, quote: { no: string; amountLcy: number }) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const opportunity = await getOpportunity(tx, tenantId, no, { forUpdate: true });
    if (!opportunity) throw notFound(no);
    const other = await tx.query<{ opportunity_no: string }>('SELECT opportunity_no FROM sales_quote WHERE tenant_id = $1 AND no = $2', [tenantId, quote.no]);
    if (other[0] && other[0].opportunity_no !== no) {
      throw new RapportError('conflict', `Sales quote ${quote.no} is already assigned to opportunity ${other[0].opportunity_no}.`);
    }
    await tx.query(
      `INSERT INTO sales_quote (tenant_id, no, contact_no, opportunity_no, amount_lcy) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, no) DO UPDATE SET amount_lcy = EXCLUDED.amount_lcy`,
      [tenantId, quote.no, opportunity.contactCompanyNo || opportunity.contactNo, no, quote.amountLcy],
    );
    const updated: Opportunity = { ...opportunity, salesDocumentType: 'quote', salesDocumentNo: quote.no };
    await saveOpportunity(tx, tenantId, updated);
    const { stages } = await cycleOf(tx, tenantId, opportunity.salesCycleCode);
    return opportunityView(updated, await activeEntry(tx, tenantId, no), stages);
  });
}

export async function getOpportunityView(ctx: RequestContext, no: string) {
  const tenantId = ctx.identity.tenantId;
  const opportunity = await getOpportunity(ctx.db, tenantId, no);
  if (!opportunity) throw notFound(no);
  await assertMayReadPipeline(ctx, opportunity, 'opportunity');
  const { stages } = await cycleOf(ctx.db, tenantId, opportunity.salesCycleCode);
  return { ...opportunityView(opportunity, await activeEntry(ctx.db, tenantId, no), stages), entries: await entriesOf(ctx.db, tenantId, no) };
}

/** A contact's opportunities (a company's include its persons'), with values and allowed actions. */
export async function opportunitiesOfContact(ctx: RequestContext, contactNo: string) {
  const tenantId = ctx.identity.tenantId;
  const contact = await getContact(ctx.db, tenantId, contactNo);
  if (!contact) throw new RapportError('not_found', `There is no contact ${contactNo}.`);
  const numbers = contact.type === 'company'
    ? (await ctx.db.query<{ no: string }>('SELECT no FROM contact WHERE tenant_id = $1 AND company_no = $2', [tenantId, contact.no])).map((row) => row.no)
    : [contact.no];
  const owner = await readablePipelineOwner(ctx);
  const summaries = (await opportunitiesOfContacts(ctx.db, tenantId, [...new Set([contact.no, ...numbers])])).filter(
    (summary) => owner === undefined || summary.salespersonCode === owner,
  );
  return opportunityViews(ctx.db, tenantId, summaries);
}

/** Opportunities with their active entries as the API shows them: values, stage and allowed actions (each cycle read once). */
export async function opportunityViews(db: Queryable, tenantId: string, summaries: readonly OpportunitySummary[]) {
  const cycles = new Map<string, readonly SalesCycleStage[]>();
  const views = [];
  for (const summary of summaries) {
    if (!cycles.has(summary.salesCycleCode)) cycles.set(summary.salesCycleCode, (await getSalesCycle(db, tenantId, summary.salesCycleCode))?.stages ?? []);
    const { active, ...opportunity } = summary;
    views.push(opportunityView(opportunity, active, cycles.get(summary.salesCycleCode) ?? []));
  }
  return views;
}

/**
 * Sales cycle setup (§8.2): the cycle and its stages replaced at once. Stage formulas must be valid
 * date formulas and activity codes must exist; a stage that active entries stand on stays.
 */
export async function saveSalesCycle(ctx: RequestContext, code: string, body: z.output<typeof salesCycleBodySchema>) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    if (new Set(body.stages.map((stage) => stage.stage)).size !== body.stages.length) {
      throw new RapportError('validation_failed', 'Stage numbers must be unique.', { fields: [{ path: 'stages', message: 'Stage numbers must be unique.' }] });
    }
    for (const [index, stage] of body.stages.entries()) {
      try {
        calcDate(stage.dateFormula, ctx.workDate);
      } catch (error) {
        if (error instanceof RapportError) throw new RapportError('validation_failed', error.message, { fields: [{ path: `stages.${index}.dateFormula`, message: error.message }], cause: error });
        throw error;
      }
      if (stage.activityCode !== '' && (await tx.query('SELECT 1 FROM activity WHERE tenant_id = $1 AND code = $2', [tenantId, stage.activityCode])).length === 0) {
        throw new RapportError('validation_failed', `There is no activity ${stage.activityCode}.`, { fields: [{ path: `stages.${index}.activityCode`, message: 'No such activity.' }] });
      }
    }
    const inUse = await tx.query<{ stage: number }>(
      'SELECT DISTINCT sales_cycle_stage AS stage FROM opportunity_entry WHERE tenant_id = $1 AND sales_cycle_code = $2 AND active AND sales_cycle_stage > 0',
      [tenantId, code],
    );
    const removed = inUse.filter((row) => !body.stages.some((stage) => stage.stage === Number(row.stage)));
    if (removed.length > 0) throw new RapportError('conflict', `Stage ${removed[0]?.stage} of sales cycle ${code} has active opportunities; it cannot be removed.`);
    await tx.query(
      `INSERT INTO sales_cycle (tenant_id, code, description, probability_calculation, blocked) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, code) DO UPDATE SET description = EXCLUDED.description, probability_calculation = EXCLUDED.probability_calculation, blocked = EXCLUDED.blocked`,
      [tenantId, code, body.description, body.probabilityCalculation, body.blocked],
    );
    await tx.query('DELETE FROM sales_cycle_stage WHERE tenant_id = $1 AND sales_cycle_code = $2', [tenantId, code]);
    for (const stage of body.stages) {
      await tx.query(
        `INSERT INTO sales_cycle_stage (tenant_id, sales_cycle_code, stage, description, completed_pct, chances_of_success_pct, activity_code, quote_required, allow_skip, date_formula)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [tenantId, code, stage.stage, stage.description, stage.completedPct, stage.chancesOfSuccessPct, stage.activityCode, stage.quoteRequired, stage.allowSkip, stage.dateFormula],
      );
    }
    return body;
  });
}

/**
 * Changing an opportunity (§8.1): description, priority, salesperson, campaign, contact. Once it
 * has started, the contact may only change within the same company. Closed ones stay as closed.
 */
export async function patchOpportunity(
  ctx: RequestContext,
  no: string,
  patch: { description?: string | undefined; priority?: Opportunity['priority'] | undefined; salespersonCode?: string | undefined; contactNo?: string | undefined },
) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = await getOpportunity(tx, tenantId, no, { forUpdate: true });
    if (!before) throw notFound(no);
    if (before.closed) throw new RapportError('opportunity_closed', `Opportunity ${no} is closed.`);
    let opportunity: Opportunity = { ...before, ...(patch.description === undefined ? {} : { description: patch.description }), ...(patch.priority ? { priority: patch.priority } : {}) };
    if (patch.salespersonCode !== undefined) {
      await checkReferences(tx, tenantId, [{ path: 'salespersonCode', kind: 'salesperson', code: patch.salespersonCode }]);
      opportunity = { ...opportunity, salespersonCode: patch.salespersonCode };
    }
    if (patch.contactNo !== undefined && patch.contactNo !== before.contactNo) {
      const contact = await getContact(tx, tenantId, patch.contactNo);
      if (!contact) throw new RapportError('validation_failed', `There is no contact ${patch.contactNo}.`, { fields: [{ path: 'contactNo', message: 'No such contact.' }] });
      if (before.status !== 'notStarted' && contact.companyNo !== before.contactCompanyNo) {
        throw new RapportError('validation_failed', 'Once an opportunity has started, its contact can only change within the same company.', {
          fields: [{ path: 'contactNo', message: 'Another company.' }],
        });
      }
      opportunity = { ...opportunity, contactNo: contact.no, contactCompanyNo: contact.companyNo };
    }
    await saveOpportunity(tx, tenantId, opportunity);
    // Open tasks of the opportunity follow its salesperson and contact (§8.1 offers this; Rapport does it).
    await tx.query(
      'UPDATE task SET salesperson_code = $3, contact_no = $4, contact_company_no = $5 WHERE tenant_id = $1 AND opportunity_no = $2 AND NOT closed',
      [tenantId, no, opportunity.salespersonCode, opportunity.contactNo, opportunity.contactCompanyNo],
    );
    const { stages } = await cycleOf(tx, tenantId, opportunity.salesCycleCode);
    return opportunityView(opportunity, await activeEntry(tx, tenantId, no), stages);
  });
}

/** An opportunity in progress cannot be deleted (§8.1); its entries go with it. */
export async function deleteOpportunity(ctx: RequestContext, no: string): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await ctx.db.transaction(async (tx) => {
    const opportunity = await getOpportunity(tx, tenantId, no, { forUpdate: true });
    if (!opportunity) throw notFound(no);
    if (opportunity.status === 'inProgress') throw new RapportError('conflict', `Opportunity ${no} is in progress; close it before deleting it.`);
    await tx.query('DELETE FROM opportunity WHERE tenant_id = $1 AND no = $2', [tenantId, no]);
  });
}
