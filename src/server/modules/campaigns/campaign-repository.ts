import type { Campaign } from '../../../domain/campaign/campaign';
import { RapportError } from '../../../domain/errors';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import type { SegmentListItem } from '../segments/segment-lists';

export type CampaignView = Campaign & { statusDescription: string; activated: boolean };
export type CampaignEntry = {
  entryNo: number;
  campaignNo: string;
  description: string;
  date: string;
  segmentNo: string;
  salespersonCode: string;
  documentType: string;
  canceled: boolean;
  noOfInteractions: number;
};

export const CAMPAIGN_COLUMNS = `c.no, c.description, c.starting_date, c.ending_date, c.salesperson_code, c.status_code, COALESCE(s.description, '') AS status_description,
  EXISTS (SELECT 1 FROM campaign_target_group g WHERE g.tenant_id = c.tenant_id AND g.campaign_no = c.no) AS activated`;
const COLUMNS = CAMPAIGN_COLUMNS;
export const CAMPAIGN_FROM = 'campaign c LEFT JOIN campaign_status s ON s.tenant_id = c.tenant_id AND s.code = c.status_code';

export async function getCampaign(db: Queryable, tenantId: string, no: string, options: { forUpdate?: boolean } = {}): Promise<CampaignView | undefined> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM ${CAMPAIGN_FROM} WHERE c.tenant_id = $1 AND c.no = $2${options.forUpdate ? ' FOR UPDATE OF c' : ''}`, [tenantId, no]);
  return rows[0] ? fromRow<CampaignView>(rows[0]) : undefined;
}

/** The campaign, or a not_found problem naming it. */
export async function requireCampaign(db: Queryable, tenantId: string, no: string, options: { forUpdate?: boolean } = {}): Promise<CampaignView> {
  const campaign = await getCampaign(db, tenantId, no, options);
  if (!campaign) throw new RapportError('not_found', `There is no campaign ${no}.`);
  return campaign;
}

/**
 * The contacts a campaign targets, as one `contact_no` column: Campaign Target lines of its
 * segments, and the contacts of its Campaign Target interactions that are not canceled. `tenant`
 * and `campaign` are SQL expressions (a placeholder, or a column of an outer query).
 */
export const campaignTargetContactsSql = (tenant: string, campaign: string) =>
  `SELECT l.contact_no FROM segment_line l JOIN segment_header h ON h.tenant_id = l.tenant_id AND h.no = l.segment_no
   WHERE l.tenant_id = ${tenant} AND h.campaign_no = ${campaign} AND l.campaign_target
   UNION
   SELECT i.contact_no FROM interaction_log_entry i WHERE i.tenant_id = ${tenant} AND i.campaign_no = ${campaign} AND i.campaign_target AND NOT i.canceled`;

/** Campaigns in number order from the keyset `after`, each with the number of contacts it targets. */
export async function listCampaigns(db: Queryable, tenantId: string, after: string, limit: number): Promise<(CampaignView & { noOfTargets: number })[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS}, (SELECT count(*) FROM (${campaignTargetContactsSql('c.tenant_id', 'c.no')}) t) AS no_of_targets
     FROM ${CAMPAIGN_FROM} WHERE c.tenant_id = $1 AND c.no > $2 ORDER BY c.no LIMIT $3`,
    [tenantId, after, limit],
  );
  return rows.map((row) => {
    const { noOfTargets, ...campaign } = fromRow<CampaignView & { noOfTargets: string }>(row);
    return { ...campaign, noOfTargets: Number(noOfTargets) };
  });
}

/**
 * The segments of a campaign (Segment Header's Campaign No.) in number order from the keyset
 * `after`, as `GET /segments` lists them: with the campaign's description and No. of Lines.
 */
export async function listCampaignSegments(db: Queryable, tenantId: string, campaignNo: string, after: string, limit: number): Promise<SegmentListItem[]> {
  const rows = await db.query(
    `SELECT h.no, h.description, h.campaign_no, c.description AS campaign_description, h.campaign_target, h.interaction_template_code, h.salesperson_code,
       (SELECT count(*)::int FROM segment_line l WHERE l.tenant_id = h.tenant_id AND l.segment_no = h.no) AS no_of_lines, h.last_modified
     FROM segment_header h JOIN campaign c ON c.tenant_id = h.tenant_id AND c.no = h.campaign_no
     WHERE h.tenant_id = $1 AND h.campaign_no = $2 AND h.no > $3 ORDER BY h.no LIMIT $4`,
    [tenantId, campaignNo, after, limit],
  );
  return rows.map((row) => {
    const item = fromRow<Omit<SegmentListItem, 'lastModified' | 'noOfLines'> & { lastModified: Date | string; noOfLines: number | string }>(row);
    return { ...item, noOfLines: Number(item.noOfLines), lastModified: new Date(item.lastModified).toISOString() };
  });
}

export async function campaignExists(db: Queryable, tenantId: string, no: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM campaign WHERE tenant_id = $1 AND no = $2', [tenantId, no])).length > 0;
}

export async function insertCampaign(tx: Queryable, tenantId: string, campaign: Campaign, noSeries: string): Promise<void> {
  await tx.query(
    `INSERT INTO campaign (tenant_id, no, description, starting_date, ending_date, salesperson_code, status_code, no_series) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenantId, campaign.no, campaign.description, campaign.startingDate, campaign.endingDate, campaign.salespersonCode, campaign.statusCode, noSeries],
  );
}

export async function saveCampaign(tx: Queryable, tenantId: string, campaign: Campaign): Promise<void> {
  await tx.query(
    `UPDATE campaign SET description = $3, starting_date = $4, ending_date = $5, salesperson_code = $6, status_code = $7, last_date_modified = now()
     WHERE tenant_id = $1 AND no = $2`,
    [tenantId, campaign.no, campaign.description, campaign.startingDate, campaign.endingDate, campaign.salespersonCode, campaign.statusCode],
  );
}

const ENTRY_COLUMNS = `e.entry_no, e.campaign_no, e.description, e.date, e.segment_no, e.salesperson_code, e.document_type, e.canceled,
  (SELECT count(*) FROM interaction_log_entry i WHERE i.tenant_id = e.tenant_id AND i.campaign_entry_no = e.entry_no)::int AS no_of_interactions`;

export async function listCampaignEntries(db: Queryable, tenantId: string, campaignNo: string): Promise<CampaignEntry[]> {
  const rows = await db.query(`SELECT ${ENTRY_COLUMNS} FROM campaign_entry e WHERE e.tenant_id = $1 AND e.campaign_no = $2 ORDER BY e.entry_no`, [tenantId, campaignNo]);
  return rows.map((row) => fromRow<CampaignEntry>(row));
}

export async function getCampaignEntry(db: Queryable, tenantId: string, entryNo: number, options: { forUpdate?: boolean } = {}): Promise<CampaignEntry | undefined> {
  const rows = await db.query(`SELECT ${ENTRY_COLUMNS} FROM campaign_entry e WHERE e.tenant_id = $1 AND e.entry_no = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, entryNo]);
  return rows[0] ? fromRow<CampaignEntry>(rows[0]) : undefined;
}

/**
 * The campaign entry an individual interaction belongs to (§7.3): the open one of this campaign
 * without segment and document, created the first time. The campaign row is locked first, so two
 * interactions logged at once share one entry.
 */
export async function findOrCreateInteractionsEntry(
  tx: Queryable,
  tenantId: string,
  campaignNo: string,
  values: { date: string; userId: string; salespersonCode: string; description: string },
): Promise<number> {
  await tx.query('SELECT 1 FROM campaign WHERE tenant_id = $1 AND no = $2 FOR UPDATE', [tenantId, campaignNo]);
  const found = await tx.query<{ entry_no: number }>(
    `SELECT entry_no FROM campaign_entry WHERE tenant_id = $1 AND campaign_no = $2 AND segment_no = '' AND document_type = '' AND NOT canceled
     ORDER BY entry_no LIMIT 1`,
    [tenantId, campaignNo],
  );
  if (found[0]) return Number(found[0].entry_no);
  const created = await tx.query<{ entry_no: number }>(
    `INSERT INTO campaign_entry (tenant_id, campaign_no, description, date, user_id, salesperson_code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING entry_no`,
    [tenantId, campaignNo, values.description, values.date, values.userId, values.salespersonCode],
  );
  return Number(created[0]?.entry_no);
}
