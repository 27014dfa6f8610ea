import { DEFAULT_CAMPAIGN_STATUSES } from '../../../domain/campaign/campaign';
import { DEFAULT_DUPLICATE_SEARCH_SETUP } from '../../../domain/duplicate-search';
import { DEFAULT_MARKETING_SETUP } from '../../../domain/marketing-setup-rules';
import { DEFAULT_SALUTATION_FORMULAS, DEFAULT_SALUTATIONS } from '../../../domain/salutation';
import type { Db, Queryable } from '../../db/db';
import { insertRecord } from '../../db/rows';
import {
  DEFAULT_CLOSE_OPPORTUNITY_CODES,
  DEFAULT_CODE_LISTS,
  DEFAULT_INTERACTION_GROUPS,
  DEFAULT_INTERACTION_TEMPLATE_SETUP,
  DEFAULT_INTERACTION_TEMPLATES,
  DEFAULT_NUMBER_SERIES,
  DEFAULT_SALES_CYCLE,
  DEFAULT_SALES_CYCLE_STAGES,
} from './tenant-defaults';

/** Tenants known to exist, per database: provisioning is checked once per process. */
const provisioned = new WeakMap<Db, Set<string>>();

/**
 * Makes sure the tenant exists, provisioning it with the defaults on its first request. Safe under
 * concurrency: the tenant row is inserted with ON CONFLICT DO NOTHING and only the transaction that
 * inserted it writes the defaults; a concurrent first request waits on the row and sees it done.
 */
export async function ensureTenant(db: Db, tenantId: string): Promise<void> {
  let known = provisioned.get(db);
  if (!known) provisioned.set(db, (known = new Set()));
  if (known.has(tenantId)) return;
  await db.transaction(async (tx) => {
    const inserted = await tx.query('INSERT INTO tenant (id) VALUES ($1) ON CONFLICT (id) DO NOTHING RETURNING id', [tenantId]);
    if (inserted.length > 0) await provisionTenant(tx, tenantId);
  });
  known.add(tenantId);
}

async function provisionTenant(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query('INSERT INTO marketing_setup (tenant_id, setup) VALUES ($1, $2)', [tenantId, JSON.stringify(DEFAULT_MARKETING_SETUP)]);

  for (const { line, ...noSeries } of DEFAULT_NUMBER_SERIES) {
    await insertRecord(tx, 'no_series', tenantId, noSeries);
    await insertRecord(tx, 'no_series_line', tenantId, {
      seriesCode: noSeries.code,
      lineNo: 10000,
      startingNo: line.startingNo,
      endingNo: line.endingNo,
      warningNo: line.warningNo,
      incrementByNo: 1,
      implementation: 'normal',
    });
  }

  for (const [kind, entries] of Object.entries(DEFAULT_CODE_LISTS)) {
    for (const [code, description] of entries) await insertRecord(tx, 'code_list', tenantId, { kind, code, description });
  }

  for (const salutation of DEFAULT_SALUTATIONS) await insertRecord(tx, 'salutation', tenantId, { ...salutation });
  for (const formula of DEFAULT_SALUTATION_FORMULAS) await insertRecord(tx, 'salutation_formula', tenantId, { ...formula });

  for (const setupRow of DEFAULT_DUPLICATE_SEARCH_SETUP) await insertRecord(tx, 'duplicate_search_string_setup', tenantId, { ...setupRow });

  for (const [code, description] of DEFAULT_INTERACTION_GROUPS) await insertRecord(tx, 'interaction_group', tenantId, { code, description });
  for (const template of DEFAULT_INTERACTION_TEMPLATES) await insertRecord(tx, 'interaction_template', tenantId, { ...template });
  await tx.query('INSERT INTO interaction_template_setup (tenant_id, setup) VALUES ($1, $2)', [
    tenantId,
    JSON.stringify(DEFAULT_INTERACTION_TEMPLATE_SETUP),
  ]);

  for (const [code, description] of DEFAULT_CAMPAIGN_STATUSES) await insertRecord(tx, 'campaign_status', tenantId, { code, description });

  for (const [code, type, description] of DEFAULT_CLOSE_OPPORTUNITY_CODES) await insertRecord(tx, 'close_opportunity_code', tenantId, { code, type, description });

  await insertRecord(tx, 'sales_cycle', tenantId, { ...DEFAULT_SALES_CYCLE });
  for (const stage of DEFAULT_SALES_CYCLE_STAGES) await insertRecord(tx, 'sales_cycle_stage', tenantId, { ...stage });
}
