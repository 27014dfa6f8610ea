import { normalizeEmail } from '../../../domain/email';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';

export type Salesperson = {
  code: string;
  name: string;
  email: string;
  jobTitle: string;
  phoneNo: string;
  blocked: boolean;
  privacyBlocked: boolean;
};

const COLUMNS = 'code, name, email, job_title, phone_no, blocked, privacy_blocked';

/**
 * The salesperson of the signed-in user: the one whose e-mail is the token's `preferred_username`,
 * skipping blocked ones. '' when there is none, as Business Central's User Setup without a code.
 */
export async function findSalespersonCodeByEmail(db: Queryable, tenantId: string, email: string): Promise<string> {
  if (!email) return '';
  const rows = await db.query<{ code: string }>(
    `SELECT code FROM salesperson WHERE tenant_id = $1 AND search_email = $2 AND NOT blocked AND NOT privacy_blocked
     ORDER BY code LIMIT 1`,
    [tenantId, normalizeEmail(email)],
  );
  return rows[0]?.code ?? '';
}

export async function getSalesperson(db: Queryable, tenantId: string, code: string): Promise<Salesperson | undefined> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM salesperson WHERE tenant_id = $1 AND code = $2`, [tenantId, code]);
  return rows[0] ? fromRow<Salesperson>(rows[0]) : undefined;
}

export async function listSalespeople(db: Queryable, tenantId: string): Promise<Salesperson[]> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM salesperson WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
  return rows.map((row) => fromRow<Salesperson>(row));
}

export async function upsertSalesperson(tx: Queryable, tenantId: string, salesperson: Salesperson): Promise<void> {
  await tx.query(
    `INSERT INTO salesperson (tenant_id, code, name, email, search_email, job_title, phone_no, blocked, privacy_blocked)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
       search_email = EXCLUDED.search_email, job_title = EXCLUDED.job_title, phone_no = EXCLUDED.phone_no,
       blocked = EXCLUDED.blocked, privacy_blocked = EXCLUDED.privacy_blocked`,
    [
      tenantId,
      salesperson.code,
      salesperson.name,
      salesperson.email,
      normalizeEmail(salesperson.email),
      salesperson.jobTitle,
      salesperson.phoneNo,
      salesperson.blocked,
      salesperson.privacyBlocked,
    ],
  );
}
