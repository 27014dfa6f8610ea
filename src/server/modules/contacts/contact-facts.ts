import type { Contact } from '../../../domain/contact/contact';
import type { Queryable } from '../../db/db';

export type ContactFacts = {
  interactionCount: number;
  taskCount: number;
  openTaskCount: number;
  opportunityCount: number;
  activeOpportunityCount: number;
  unloggedSegmentLineCount: number;
  linkedPersonCount: number;
  businessRelationCount: number;
  industryGroupCount: number;
  jobResponsibilityCount: number;
};

/**
 * What the type-change and delete rules of §2.4 need to know about a contact, counted in the
 * caller's transaction. Segment lines exist only until their segment is logged (it is deleted
 * then), so every segment line counts as unlogged.
 */
export async function contactFacts(tx: Queryable, tenantId: string, contact: Contact): Promise<ContactFacts> {
  const [row] = await tx.query<Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM contact WHERE tenant_id = $1 AND company_no = $2 AND type = 'person' AND no <> $2)::int AS linked_person_count,
       (SELECT count(*) FROM interaction_log_entry WHERE tenant_id = $1 AND contact_no = $2)::int AS interaction_count,
       (SELECT count(*) FROM task WHERE tenant_id = $1 AND contact_no = $2)::int AS task_count,
       (SELECT count(*) FROM segment_line WHERE tenant_id = $1 AND contact_no = $2)::int AS unlogged_segment_line_count,
       (SELECT count(*) FROM opportunity WHERE tenant_id = $1 AND contact_no = $2)::int AS opportunity_count,
       (SELECT count(*) FROM opportunity WHERE tenant_id = $1 AND contact_no = $2 AND status IN ('notStarted', 'inProgress'))::int AS active_opportunity_count,
       (SELECT count(*) FROM task WHERE tenant_id = $1 AND contact_no = $2 AND NOT closed)::int AS open_task_count,
       (SELECT count(*) FROM contact_business_relation WHERE tenant_id = $1 AND contact_no = $2)::int AS business_relation_count,
       (SELECT count(*) FROM contact_code WHERE tenant_id = $1 AND contact_no = $2 AND kind = 'industryGroup')::int AS industry_group_count,
       (SELECT count(*) FROM contact_code WHERE tenant_id = $1 AND contact_no = $2 AND kind = 'jobResponsibility')::int AS job_responsibility_count`,
    [tenantId, contact.no],
  );
  return {
    interactionCount: Number(row?.interaction_count ?? 0),
    taskCount: Number(row?.task_count ?? 0),
    openTaskCount: Number(row?.open_task_count ?? 0),
    opportunityCount: Number(row?.opportunity_count ?? 0),
    activeOpportunityCount: Number(row?.active_opportunity_count ?? 0),
    unloggedSegmentLineCount: Number(row?.unlogged_segment_line_count ?? 0),
    linkedPersonCount: Number(row?.linked_person_count ?? 0),
    businessRelationCount: Number(row?.business_relation_count ?? 0),
    industryGroupCount: Number(row?.industry_group_count ?? 0),
    jobResponsibilityCount: Number(row?.job_responsibility_count ?? 0),
  };
}
