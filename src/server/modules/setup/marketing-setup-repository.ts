import type { MarketingSetup } from '../../../domain/marketing-setup';
import { DEFAULT_MARKETING_SETUP } from '../../../domain/marketing-setup-rules';
import type { Queryable } from '../../db/db';

/**
 * The tenant's Marketing Setup. Stored as one JSON document (a single record per tenant, read
 * whole); laid over the defaults so a field added in a later version reads as its default.
 * `forUpdate` locks it for the rest of the transaction.
 */
export async function getMarketingSetup(db: Queryable, tenantId: string, options: { forUpdate?: boolean } = {}): Promise<MarketingSetup> {
  const rows = await db.query<{ setup: Partial<MarketingSetup> }>(
    `SELECT setup FROM marketing_setup WHERE tenant_id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId],
  );
  return { ...DEFAULT_MARKETING_SETUP, ...(rows[0]?.setup ?? {}) };
}

export async function saveMarketingSetup(tx: Queryable, tenantId: string, setup: MarketingSetup): Promise<void> {
  await tx.query('UPDATE marketing_setup SET setup = $2, modified_at = now() WHERE tenant_id = $1', [tenantId, JSON.stringify(setup)]);
}
