import type { SalutationFormula } from '../../../domain/salutation';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';

export async function listSalutationFormulas(db: Queryable, tenantId: string, salutationCode?: string): Promise<SalutationFormula[]> {
  const rows = await db.query(
    `SELECT salutation_code, language_code, salutation_type, salutation, name_parts FROM salutation_formula
     WHERE tenant_id = $1 ${salutationCode === undefined ? '' : 'AND salutation_code = $2'}
     ORDER BY salutation_code, language_code, salutation_type`,
    salutationCode === undefined ? [tenantId] : [tenantId, salutationCode],
  );
  return rows.map((row) => fromRow<SalutationFormula>(row));
}

export async function listSalutations(db: Queryable, tenantId: string): Promise<{ code: string; description: string; formulas: SalutationFormula[] }[]> {
  const salutations = await db.query<{ code: string; description: string }>('SELECT code, description FROM salutation WHERE tenant_id = $1 ORDER BY code', [tenantId]);
  const formulas = await listSalutationFormulas(db, tenantId);
  return salutations.map((salutation) => ({ ...salutation, formulas: formulas.filter((formula) => formula.salutationCode === salutation.code) }));
}

/** Creates or replaces a salutation with all its formulas. */
export async function saveSalutation(tx: Queryable, tenantId: string, code: string, description: string, formulas: readonly SalutationFormula[]): Promise<void> {
  await tx.query(
    `INSERT INTO salutation (tenant_id, code, description) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, code) DO UPDATE SET description = EXCLUDED.description`,
    [tenantId, code, description],
  );
  await tx.query('DELETE FROM salutation_formula WHERE tenant_id = $1 AND salutation_code = $2', [tenantId, code]);
  for (const formula of formulas) {
    await tx.query(
      `INSERT INTO salutation_formula (tenant_id, salutation_code, language_code, salutation_type, salutation, name_parts) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, code, formula.languageCode, formula.salutationType, formula.salutation, formula.nameParts],
    );
  }
}
