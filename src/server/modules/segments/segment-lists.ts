import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';

export type SegmentListItem = {
  no: string;
  description: string;
  campaignNo: string;
  campaignDescription: string;
  campaignTarget: boolean;
  interactionTemplateCode: string;
  salespersonCode: string;
  noOfLines: number;
  lastModified: string;
};

export type LoggedSegmentView = {
  entryNo: number;
  segmentNo: string;
  description: string;
  creationDate: string;
  userId: string;
  noOfInteractions: number;
  canceled: boolean;
};

/** Segments in number order after `after`, with Campaign Description and No. of Lines (FlowFields, §6.1). */
export async function listSegments(db: Queryable, tenantId: string, after: string, limit: number): Promise<SegmentListItem[]> {
  const rows = await db.query(
    `SELECT h.no, h.description, h.campaign_no, COALESCE(c.description, '') AS campaign_description, h.campaign_target, h.interaction_template_code,
       h.salesperson_code, (SELECT count(*)::int FROM segment_line l WHERE l.tenant_id = h.tenant_id AND l.segment_no = h.no) AS no_of_lines, h.last_modified
     FROM segment_header h LEFT JOIN campaign c ON c.tenant_id = h.tenant_id AND c.no = h.campaign_no
     WHERE h.tenant_id = $1 AND h.no > $2 ORDER BY h.no LIMIT $3`,
    [tenantId, after, limit],
  );
  return rows.map((row) => {
    const item = fromRow<Omit<SegmentListItem, 'lastModified' | 'noOfLines'> & { lastModified: Date | string; noOfLines: number | string }>(row);
    return { ...item, noOfLines: Number(item.noOfLines), lastModified: new Date(item.lastModified).toISOString() };
  });
}

/** Logged segments (§6.3) in entry order after `after`, with their No. of Interactions. */
export async function listLoggedSegments(db: Queryable, tenantId: string, after: number, limit: number): Promise<LoggedSegmentView[]> {
  const rows = await db.query(
    `SELECT s.entry_no, s.segment_no, s.description, s.creation_date::text AS creation_date, s.user_id, s.canceled,
       (SELECT count(*)::int FROM interaction_log_entry i WHERE i.tenant_id = s.tenant_id AND i.logged_segment_entry_no = s.entry_no) AS no_of_interactions
     FROM logged_segment s WHERE s.tenant_id = $1 AND s.entry_no > $2 ORDER BY s.entry_no LIMIT $3`,
    [tenantId, after, limit],
  );
  return rows.map((row) => {
    const entry = fromRow<Omit<LoggedSegmentView, 'entryNo' | 'noOfInteractions'> & { entryNo: number | string; noOfInteractions: number | string }>(row);
    return { ...entry, entryNo: Number(entry.entryNo), noOfInteractions: Number(entry.noOfInteractions) };
  });
}
