import type { ContactBusinessRelation } from '../../../domain/business-relation';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';

const COLUMNS = 'contact_no, business_relation_code, link_to_table, no';

/** The relations of several contacts at once (one query). */
export async function relationsOfContacts(db: Queryable, tenantId: string, contactNos: readonly string[]): Promise<ContactBusinessRelation[]> {
  if (contactNos.length === 0) return [];
  const rows = await db.query(`SELECT ${COLUMNS} FROM contact_business_relation WHERE tenant_id = $1 AND contact_no = ANY($2::text[]) ORDER BY contact_no, business_relation_code`, [
    tenantId,
    [...new Set(contactNos)],
  ]);
  return rows.map((row) => fromRow<ContactBusinessRelation>(row));
}

/** The contact that a customer/vendor/bank account is linked to, if any. */
export async function findLinkedContactNo(db: Queryable, tenantId: string, linkToTable: string, no: string): Promise<string | undefined> {
  const rows = await db.query<{ contact_no: string }>('SELECT contact_no FROM contact_business_relation WHERE tenant_id = $1 AND link_to_table = $2 AND no = $3', [
    tenantId,
    linkToTable,
    no,
  ]);
  return rows[0]?.contact_no;
}

export async function upsertRelation(tx: Queryable, tenantId: string, relation: ContactBusinessRelation): Promise<void> {
  await tx.query(
    `INSERT INTO contact_business_relation (tenant_id, contact_no, business_relation_code, link_to_table, no) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, contact_no, business_relation_code) DO UPDATE SET link_to_table = EXCLUDED.link_to_table, no = EXCLUDED.no`,
    [tenantId, relation.contactNo, relation.businessRelationCode, relation.linkToTable, relation.no],
  );
}

/** Business relations without a linked record, added to several contacts in one statement (a relation already there loses its link, as upsertRelation does). */
export async function addRelations(tx: Queryable, tenantId: string, relations: readonly { contactNo: string; code: string }[]): Promise<void> {
  if (relations.length === 0) return;
  await tx.query(
    `INSERT INTO contact_business_relation (tenant_id, contact_no, business_relation_code, link_to_table, no)
     SELECT DISTINCT $1, r.contact_no, r.code, '', '' FROM unnest($2::text[], $3::text[]) AS r(contact_no, code)
     ON CONFLICT (tenant_id, contact_no, business_relation_code) DO UPDATE SET link_to_table = EXCLUDED.link_to_table, no = EXCLUDED.no`,
    [tenantId, relations.map((relation) => relation.contactNo), relations.map((relation) => relation.code)],
  );
}

export async function deleteRelation(tx: Queryable, tenantId: string, contactNo: string, code: string): Promise<boolean> {
  const rows = await tx.query('DELETE FROM contact_business_relation WHERE tenant_id = $1 AND contact_no = $2 AND business_relation_code = $3 RETURNING 1 AS deleted', [
    tenantId,
    contactNo,
    code,
  ]);
  return rows.length > 0;
}

export async function deleteRelationsTo(tx: Queryable, tenantId: string, linkToTable: string, no: string): Promise<void> {
  await tx.query('DELETE FROM contact_business_relation WHERE tenant_id = $1 AND link_to_table = $2 AND no = $3', [tenantId, linkToTable, no]);
}
