import type { CampaignPriceLine, PriceLineInput } from '../../../domain/campaign/campaign-prices';
import { checkPriceLine, priceLinesOn, targetGroupOf, withCampaignDates, type TargetGroupMember } from '../../../domain/campaign/campaign-prices';
import { RapportError } from '../../../domain/errors';
import type { Campaign } from '../../../domain/campaign/campaign';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import type { RequestContext } from '../../http/route';
import { requireCampaign } from './campaign-repository';

const PRICE_COLUMNS = 'line_no, kind, item_no, minimum_quantity, unit_price, line_discount_pct, starting_date, ending_date';

/**
 * The price and discount lines of the campaigns, in campaign and line order. Their dates are read
 * from the campaign, so a line stored before lines followed their campaign's dates shows them too.
 */
export async function priceLinesOf(db: Queryable, tenantId: string, campaignNos: readonly string[]): Promise<(CampaignPriceLine & { campaignNo: string })[]> {
  if (campaignNos.length === 0) return [];
  const rows = await db.query(
    `SELECT l.campaign_no, l.line_no, l.kind, l.item_no, l.minimum_quantity, l.unit_price, l.line_discount_pct, c.starting_date, c.ending_date
     FROM campaign_price_line l JOIN campaign c ON c.tenant_id = l.tenant_id AND c.no = l.campaign_no
     WHERE l.tenant_id = $1 AND l.campaign_no = ANY($2::text[]) ORDER BY l.campaign_no, l.line_no`,
    [tenantId, [...campaignNos]],
  );
  return rows.map((row) => fromRow<CampaignPriceLine & { campaignNo: string }>(row));
}

/** §7.4 as Business Central keeps it: a campaign's new dates become its price and discount lines' dates. */
export async function followCampaignDates(tx: Queryable, tenantId: string, campaign: Pick<Campaign, 'no' | 'startingDate' | 'endingDate'>): Promise<void> {
  await tx.query('UPDATE campaign_price_line SET starting_date = $3, ending_date = $4 WHERE tenant_id = $1 AND campaign_no = $2', [
    tenantId,
    campaign.no,
    campaign.startingDate,
    campaign.endingDate,
  ]);
}

/**
 * Replaces a campaign's price and discount lines; each line is checked, its item must exist, and it
 * takes the campaign's dates (a line naming other dates is refused).
 */
export async function savePriceLines(ctx: RequestContext, campaignNo: string, lines: readonly PriceLineInput[]): Promise<CampaignPriceLine[]> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    const campaign = await requireCampaign(tx, tenantId, campaignNo, { forUpdate: true });
    await tx.query('DELETE FROM campaign_price_line WHERE tenant_id = $1 AND campaign_no = $2', [tenantId, campaignNo]);
    const saved: CampaignPriceLine[] = [];
    for (const [index, given] of lines.entries()) {
      let line: CampaignPriceLine;
      try {
        checkPriceLine(given);
        line = withCampaignDates(given, campaign);
      } catch (error) {
        if (error instanceof RapportError) throw new RapportError(error.code, error.message, { fields: (error.fields ?? []).map((field) => ({ ...field, path: `lines.${index}.${field.path}` })) });
        throw error;
      }
      if ((await tx.query('SELECT 1 FROM item WHERE tenant_id = $1 AND no = $2', [tenantId, line.itemNo])).length === 0) {
        throw new RapportError('validation_failed', `There is no item ${line.itemNo}.`, { fields: [{ path: `lines.${index}.itemNo`, message: 'No such item.' }] });
      }
      await tx.query(`INSERT INTO campaign_price_line (tenant_id, campaign_no, ${PRICE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
        tenantId,
        campaignNo,
        line.lineNo,
        line.kind,
        line.itemNo,
        line.minimumQuantity,
        line.unitPrice,
        line.lineDiscountPct,
        line.startingDate,
        line.endingDate,
      ]);
      saved.push(line);
    }
    return saved;
  });
}

/**
 * Activate Sales Prices/Line Discounts (§7.4): the companies of the contacts targeted by the
 * campaign — segment lines with Campaign Target, and interactions with Campaign Target that are not
 * postponed — form its target group, as customers when linked to one. Warns when the campaign has
 * no price or discount lines.
 */
/** The target group in force: empty unless the campaign is activated. */
export async function targetGroupInForce(ctx: RequestContext, campaignNo: string) {
  const tenantId = ctx.identity.tenantId;
  await requireCampaign(ctx.db, tenantId, campaignNo);
  const members = await ctx.db.query<TargetGroupMember>('SELECT type, no FROM campaign_target_group WHERE tenant_id = $1 AND campaign_no = $2 ORDER BY type, no', [tenantId, campaignNo]);
  return { activated: members.length > 0, members: await withNames(ctx.db, tenantId, members), warnings: [] };
}

/**
 * What Activate would make the target group now, changing nothing: the manager sees the companies
 * and customers before their prices apply, and what Activate would refuse or warn about.
 */
export async function targetGroupPreview(ctx: RequestContext, campaignNo: string) {
  const tenantId = ctx.identity.tenantId;
  await requireCampaign(ctx.db, tenantId, campaignNo);
  const targets = await targetsOf(ctx.db, tenantId, campaignNo);
  const activated = await isActivated(ctx.db, tenantId, campaignNo);
  if (targets.length === 0) {
    return { activated, members: [], warnings: [`There are no contacts to target in campaign ${campaignNo}: set Campaign Target on the campaign's segment lines or interactions first.`] };
  }
  const members = await withNames(ctx.db, tenantId, targetGroupOf(campaignNo, targets));
  return { activated, members, warnings: await priceLineWarnings(ctx.db, tenantId, campaignNo) };
}

/** The members with their company's name; a customer's is its linked company contact's. */
async function withNames(db: Queryable, tenantId: string, members: readonly TargetGroupMember[]): Promise<(TargetGroupMember & { name: string })[]> {
  const names = await db.query<{ type: string; no: string; name: string }>(
    `SELECT 'contact' AS type, c.no, c.name FROM contact c WHERE c.tenant_id = $1 AND c.no = ANY($2::text[])
     UNION ALL
     SELECT DISTINCT ON (r.no) 'customer', r.no, c.name FROM contact_business_relation r JOIN contact c ON c.tenant_id = r.tenant_id AND c.no = r.contact_no
     WHERE r.tenant_id = $1 AND r.link_to_table = 'customer' AND r.no = ANY($3::text[])`,
    [tenantId, members.filter((member) => member.type === 'contact').map((member) => member.no), members.filter((member) => member.type === 'customer').map((member) => member.no)],
  );
  const byKey = new Map(names.map((row) => [`${row.type}:${row.no}`, row.name]));
  return members.map((member) => ({ ...member, name: byKey.get(`${member.type}:${member.no}`) ?? '' }));
}

async function priceLineWarnings(db: Queryable, tenantId: string, campaignNo: string): Promise<string[]> {
  const lines = await db.query('SELECT 1 FROM campaign_price_line WHERE tenant_id = $1 AND campaign_no = $2 LIMIT 1', [tenantId, campaignNo]);
  return lines.length === 0 ? [`Campaign ${campaignNo} has no sales prices or line discounts.`] : [];
}

export async function activateCampaign(ctx: RequestContext, campaignNo: string): Promise<{ members: TargetGroupMember[]; warnings: string[] }> {
  const tenantId = ctx.identity.tenantId;
  return ctx.db.transaction(async (tx) => {
    await requireCampaign(tx, tenantId, campaignNo, { forUpdate: true });
    const members = targetGroupOf(campaignNo, await targetsOf(tx, tenantId, campaignNo));
    await writeTargetGroup(tx, tenantId, campaignNo, members);
    return { members, warnings: await priceLineWarnings(tx, tenantId, campaignNo) };
  });
}

/**
 * The companies the campaign targets, with their customer where linked.
 *
 * A canceled interaction still counts; only a postponed one does not. §7.4 names the filter of
 * Activate exactly — non-postponed interaction log entries with this campaign and Campaign Target —
 * and Business Central's Activate and its removal of a company on delete filter on Postponed, never
 * on Canceled. Canceling (§5.4, §7.3) is a check mark that can be taken back: it takes the entry out
 * of the statistics, not the company out of the group; a company leaves the group only when its
 * last target line or entry is deleted (§7.4). So canceling and restoring never change a target
 * group, and activating again after a cancel gives the same group.
 */
async function targetsOf(tx: Queryable, tenantId: string, campaignNo: string): Promise<{ companyNo: string; customerNo: string }[]> {
  const rows = await tx.query<{ company_no: string; customer_no: string }>(
    `SELECT DISTINCT CASE WHEN i.contact_company_no <> '' THEN i.contact_company_no ELSE i.contact_no END AS company_no,
       COALESCE((SELECT r.no FROM contact_business_relation r WHERE r.tenant_id = i.tenant_id AND r.link_to_table = 'customer' AND r.no <> ''
         AND r.contact_no = CASE WHEN i.contact_company_no <> '' THEN i.contact_company_no ELSE i.contact_no END LIMIT 1), '') AS customer_no
     FROM interaction_log_entry i
     WHERE i.tenant_id = $1 AND i.campaign_no = $2 AND i.campaign_target AND NOT i.postponed
     UNION
     SELECT DISTINCT CASE WHEN c.company_no <> '' THEN c.company_no ELSE c.no END,
       COALESCE((SELECT r.no FROM contact_business_relation r WHERE r.tenant_id = c.tenant_id AND r.link_to_table = 'customer' AND r.no <> ''
         AND r.contact_no = CASE WHEN c.company_no <> '' THEN c.company_no ELSE c.no END LIMIT 1), '')
     FROM segment_line l
     JOIN segment_header h ON h.tenant_id = l.tenant_id AND h.no = l.segment_no
     JOIN contact c ON c.tenant_id = l.tenant_id AND c.no = l.contact_no
     WHERE l.tenant_id = $1 AND h.campaign_no = $2 AND l.campaign_target`,
    [tenantId, campaignNo],
  );
  return rows.map((row) => ({ companyNo: row.company_no, customerNo: row.customer_no }));
}

async function writeTargetGroup(tx: Queryable, tenantId: string, campaignNo: string, members: readonly TargetGroupMember[]): Promise<void> {
  await tx.query('DELETE FROM campaign_target_group WHERE tenant_id = $1 AND campaign_no = $2', [tenantId, campaignNo]);
  for (const member of members) {
    await tx.query('INSERT INTO campaign_target_group (tenant_id, campaign_no, type, no) VALUES ($1, $2, $3, $4)', [tenantId, campaignNo, member.type, member.no]);
  }
}

/**
 * Keeps the target groups of activated campaigns current after their targets changed (§6.4,
 * §7.4): a company joins or leaves with its first or last target line or entry (logged or
 * deleted, never canceled or restored), and a targeted company that became a customer is in the
 * group as that customer. Campaigns that are not activated are left alone; one whose last target is
 * gone is deactivated.
 */
export async function refreshTargetGroups(tx: Queryable, tenantId: string, campaignNos: readonly string[]): Promise<void> {
  for (const campaignNo of new Set(campaignNos.filter(Boolean))) {
    if (!(await isActivated(tx, tenantId, campaignNo))) continue;
    const targets = await targetsOf(tx, tenantId, campaignNo);
    await writeTargetGroup(tx, tenantId, campaignNo, targets.length === 0 ? [] : targetGroupOf(campaignNo, targets));
  }
}

/** Deactivate (§7.4): the target group is emptied. */
export async function deactivateCampaign(ctx: RequestContext, campaignNo: string): Promise<void> {
  const tenantId = ctx.identity.tenantId;
  await ctx.db.transaction(async (tx) => {
    await requireCampaign(tx, tenantId, campaignNo, { forUpdate: true });
    await tx.query('DELETE FROM campaign_target_group WHERE tenant_id = $1 AND campaign_no = $2', [tenantId, campaignNo]);
  });
}

export async function isActivated(db: Queryable, tenantId: string, campaignNo: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM campaign_target_group WHERE tenant_id = $1 AND campaign_no = $2 LIMIT 1', [tenantId, campaignNo])).length > 0;
}

export { priceLinesOn };
