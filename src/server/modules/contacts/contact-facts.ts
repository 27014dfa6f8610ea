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
 * caller's transaction. Opportunities and segments are recorded by the modules listed in
 * docs/roadmap.md; until they are stored no such record can hang on a contact, so their counts
 * are zero by construction and each module adds its count here.
 */
export async function contactFacts(tx: Queryable, tenantId: string, contact: Contact): Promise<ContactFacts> {
  const [row] = await tx.query<Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM contact WHERE tenant_id = $1 AND company_no = $2 AND type = 'person' AND no <> $2)::int AS linked_person_count,
       (SELECT count(*) FROM interaction_log_entry WHERE tenant_id = $1 AND contact_no = $2)::int AS interaction_count,
       (SELECT count(*) FROM task WHERE tenant_id = $1 AND contact_no = $2)::int AS task_count,
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
    opportunityCount: 0,
    activeOpportunityCount: 0,
    unloggedSegmentLineCount: 0,
    linkedPersonCount: Number(row?.linked_person_count ?? 0),
    businessRelationCount: Number(row?.business_relation_count ?? 0),
    industryGroupCount: Number(row?.industry_group_count ?? 0),
    jobResponsibilityCount: Number(row?.job_responsibility_count ?? 0),
  };
}
