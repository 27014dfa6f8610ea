import path from 'node:path';
import { DEMO_SALESPEOPLE } from '../../src/server/demo/demo-dataset';
import { openPgliteDb } from '../../src/server/db/pglite-db';
import { DEV_TENANT_ID } from '../../src/server/dev/dev-identity';
import { upsertSalesperson } from '../../src/server/modules/salespeople/salesperson-repository';
import { seedSyncTenant } from './sync-seed';

/**
 * Adds `count` synthetic contacts (the sync benchmark's generator, numbered CT0000001… beside the
 * demo's CT000001…) to the dev tenant in the PGlite data folder of a stopped dev service, which
 * must have started once so the demo data is there. seedSyncTenant also writes its own sales
 * team over the demo's (same codes, other names and e-mails); the demo's are put back, since they
 * are the preview's sign-in identities. Returns how long the seeding took.
 */
export async function seedPaneContacts(dataDir: string, count: number, seed: number): Promise<number> {
  const started = Date.now();
  const db = await openPgliteDb(path.join(dataDir, 'pglite'));
  try {
    await seedSyncTenant(db, DEV_TENANT_ID, count, 10_000, seed);
    await db.transaction(async (tx) => {
      for (const salesperson of DEMO_SALESPEOPLE) await upsertSalesperson(tx, DEV_TENANT_ID, { ...salesperson, phoneNo: '', blocked: false, privacyBlocked: false });
    });
  } finally {
    await db.close();
  }
  return Date.now() - started;
}
