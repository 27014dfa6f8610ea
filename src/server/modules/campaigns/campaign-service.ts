import type { z } from 'zod';
import type { campaignBodySchema, campaignPatchSchema } from '../../../contract/campaigns';
import { campaignStatisticsOfTotals, checkCampaignDates, isCampaignActiveOn, type Campaign } from '../../../domain/campaign/campaign';
import { RapportError } from '../../../domain/errors';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import type { RequestContext } from '../../http/route';
import { getContact } from '../contacts/contact-repository';
import { assignNo } from '../number-series/number-series-repository';
import { checkReferences } from '../reference-data/references';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { followCampaignDates, priceLinesOf, priceLinesOn, refreshTargetGroups } from './campaign-price-service';
import { CAMPAIGN_COLUMNS, CAMPAIGN_FROM, campaignExists, getCampaign, getCampaignEntry, insertCampaign, listCampaignEntries, saveCampaign, type CampaignView } from './campaign-repository';

const notFound = (no: string) => new RapportError('not_found', `There is no campaign ${no}.`);

async function checkCampaignReferences(tx: Queryable, tenantId: string, campaign: Campaign): Promise<void> {
  await checkReferences(tx, tenantId, [{ path: 'salespersonCode', kind: 'salesperson', code: campaign.salespersonCode }]);
  if (campaign.statusCode !== '') {
    const status = await tx.query('SELECT 1 FROM campaign_status WHERE tenant_id = $1 AND code = $2', [tenantId, campaign.statusCode]);
    if (status.length === 0) throw new RapportError('validation_failed', `There is no campaign status ${campaign.statusCode}.`, { fields: [{ path: 'statusCode', message: 'No such status.' }] });
  }
}

/** A new campaign: number from Campaign Nos. (or typed, with Manual Nos.), the user's salesperson by default. */
export async function createCampaign(ctx: RequestContext, body: z.output<typeof campaignBodySchema>): Promise<CampaignView> {
  const tenantId = ctx.identity.tenantId;
  const userSalespersonCode = await ctx.currentSalespersonCode();
  return ctx.db.transaction(async (tx) => {
    const setup = await getMarketingSetup(tx, tenantId);
    checkCampaignDates(body.startingDate, body.endingDate);
    const { no, noSeries } = await assignNo(tx, tenantId, {
      seriesCode: setup.campaignNos,
      setupFieldCaption: 'Campaign Nos.',
      typedNo: body.no,
      workDate: ctx.workDate,
      what: 'Campaign',
      exists: (candidate) => campaignExists(tx, tenantId, candidate),
    });
    const campaign: Campaign = {
      no,
      description: body.description,
      startingDate: body.startingDate,
      endingDate: body.endingDate,
      salespersonCode: body.salespersonCode ?? userSalespersonCode,
      statusCode: body.statusCode,
    };
    await checkCampaignReferences(tx, tenantId, campaign);
    await insertCampaign(tx, tenantId, campaign, noSeries);
    return (await getCampaign(tx, tenantId, no)) as CampaignView;
  });
}

/** Changes a campaign; new dates carry over to its price and discount lines (§7.4). */
export async function updateCampaign(ctx: RequestContext, no: string, patch: z.output<typeof campaignPatchSchema>): Promise<CampaignView> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const before = await getCampaign(tx, tenantId, no, { forUpdate: true });
    if (!before) throw notFound(no);
    const campaign: Campaign = { ...before, ...patch };
    checkCampaignDates(campaign.startingDate, campaign.endingDate);
    await checkCampaignReferences(tx, tenantId, campaign);
    await saveCampaign(tx, tenantId, campaign);
    if (campaign.startingDate !== before.startingDate || campaign.endingDate !== before.endingDate) await followCampaignDates(tx, tenantId, campaign);
    return (await getCampaign(tx, tenantId, no)) as CampaignView;
  });
}

/**
 * Improvement over Business Central, which deletes a campaign's entries and with them their
 * interactions: a campaign with entries is kept; cancel and delete its entries first, on purpose.
 */
export async function deleteCampaign(ctx: RequestContext, no: string): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await ctx.db.transaction(async (tx) => {
    if (!(await getCampaign(tx, tenantId, no, { forUpdate: true }))) throw notFound(no);
    const entries = await listCampaignEntries(tx, tenantId, no);
    if (entries.length > 0) {
      throw new RapportError('conflict', `Campaign ${no} has ${entries.length} campaign entries; cancel and delete them before the campaign, so no interaction history is lost by accident.`);
    }
    await tx.query('DELETE FROM campaign WHERE tenant_id = $1 AND no = $2', [tenantId, no]);
  });
}

/**
 * §7.2 over the campaign's interactions and the active entries of its opportunities, summed by
 * the database: a campaign of a million interactions is two aggregate reads, not a million rows.
 */
export async function statisticsOf(ctx: RequestContext, no: string) {
  const tenantId = ctx.identity.tenantId;
  if (!(await campaignExists(ctx.db, tenantId, no))) throw notFound(no);
  const [interactions] = await ctx.db.query<{ contacted: string; responded: string; cost_lcy: string; duration_min: string }>(
    `SELECT count(*) FILTER (WHERE campaign_target) AS contacted, count(*) FILTER (WHERE campaign_response) AS responded,
            COALESCE(sum(cost_lcy), 0) AS cost_lcy, COALESCE(sum(duration_min), 0) AS duration_min
     FROM interaction_log_entry WHERE tenant_id = $1 AND campaign_no = $2 AND NOT canceled AND NOT postponed`,
    [tenantId, no],
  );
  const [opportunities] = await ctx.db.query<{ count: string; estimated: string; calcd: string }>(
    `SELECT count(*) AS count, COALESCE(sum(e.estimated_value_lcy), 0) AS estimated, COALESCE(sum(e.calcd_current_value_lcy), 0) AS calcd
     FROM opportunity o JOIN opportunity_entry e ON e.tenant_id = o.tenant_id AND e.opportunity_no = o.no AND e.active
     WHERE o.tenant_id = $1 AND o.campaign_no = $2`,
    [tenantId, no],
  );
  return campaignStatisticsOfTotals({
    contacted: Number(interactions?.contacted ?? 0),
    responded: Number(interactions?.responded ?? 0),
    costLcy: Number(interactions?.cost_lcy ?? 0),
    durationMin: Number(interactions?.duration_min ?? 0),
    opportunities: Number(opportunities?.count ?? 0),
    estimatedValueLcy: Number(opportunities?.estimated ?? 0),
    calcdCurrentValueLcy: Number(opportunities?.calcd ?? 0),
  });
}

/**
 * Toggling Canceled on a campaign entry cascades to its interactions (§7.3) and does nothing else:
 * the target group of an activated campaign stays as it is, since canceled interactions still
 * count towards it (see `targetsOf`).
 */
export async function cancelCampaignEntry(ctx: RequestContext, entryNo: number, canceled: boolean) {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const entry = await getCampaignEntry(tx, tenantId, entryNo, { forUpdate: true });
    if (!entry) throw new RapportError('not_found', `There is no campaign entry ${entryNo}.`);
    await tx.query('UPDATE campaign_entry SET canceled = $3 WHERE tenant_id = $1 AND entry_no = $2', [tenantId, entryNo, canceled]);
    await tx.query('UPDATE interaction_log_entry SET canceled = $3 WHERE tenant_id = $1 AND campaign_entry_no = $2', [tenantId, entryNo, canceled]);
    return { ...entry, canceled };
  });
}

/** Only canceled campaign entries can be deleted; their interactions go with them (§7.3). */
export async function deleteCampaignEntry(ctx: RequestContext, entryNo: number): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await ctx.db.transaction(async (tx) => {
    const entry = await getCampaignEntry(tx, tenantId, entryNo, { forUpdate: true });
    if (!entry) throw new RapportError('not_found', `There is no campaign entry ${entryNo}.`);
    if (!entry.canceled) throw new RapportError('interaction_delete_refused', `Campaign entry ${entryNo} must be canceled before it can be deleted.`);
    await tx.query('DELETE FROM interaction_log_entry WHERE tenant_id = $1 AND campaign_entry_no = $2', [tenantId, entryNo]);
    await tx.query('DELETE FROM campaign_entry WHERE tenant_id = $1 AND entry_no = $2', [tenantId, entryNo]);
    await refreshTargetGroups(tx, tenantId, [entry.campaignNo]);
  });
}

/**
 * The campaigns a contact or its company is a target of — by an interaction with Campaign Target
 * (not canceled or postponed), or by the company (or its customer) being in an activated
 * campaign's target group — running today by their dates, with the price and discount lines in
 * force today.
 */
export async function campaignsOfContact(ctx: RequestContext, contactNo: string) {
  const tenantId = ctx.identity.tenantId;
  const contact = await getContact(ctx.db, tenantId, contactNo);
  if (!contact) throw new RapportError('not_found', `There is no contact ${contactNo}.`);
  const companyNo = contact.companyNo || contact.no;
  const rows = await ctx.db.query(
    `SELECT ${CAMPAIGN_COLUMNS} FROM ${CAMPAIGN_FROM}
     WHERE c.tenant_id = $1 AND (
       EXISTS (SELECT 1 FROM interaction_log_entry i WHERE i.tenant_id = c.tenant_id AND i.campaign_no = c.no
         AND i.contact_no = ANY($2::text[]) AND i.campaign_target AND NOT i.canceled AND NOT i.postponed)
       OR EXISTS (SELECT 1 FROM campaign_target_group g WHERE g.tenant_id = c.tenant_id AND g.campaign_no = c.no AND (
         (g.type = 'contact' AND g.no = $3)
         OR (g.type = 'customer' AND g.no IN (SELECT r.no FROM contact_business_relation r
               WHERE r.tenant_id = c.tenant_id AND r.contact_no = $3 AND r.link_to_table = 'customer')))))
     ORDER BY c.no`,
    [tenantId, [contact.no, contact.companyNo].filter(Boolean), companyNo],
  );
  const campaigns = rows.map((row) => fromRow<CampaignView>(row)).filter((campaign) => isCampaignActiveOn(campaign, ctx.workDate));
  const lines = await priceLinesOf(ctx.db, tenantId, campaigns.map((campaign) => campaign.no));
  return campaigns.map((campaign) => ({
    ...campaign,
    priceLines: priceLinesOn(
      lines.filter((line) => line.campaignNo === campaign.no).map(({ campaignNo: _campaignNo, ...line }) => line),
      ctx.workDate,
    ),
  }));
}
