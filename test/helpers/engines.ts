import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db, Engine } from '../../src/server/db/db';
import { migrate, MIGRATIONS, type Migration } from '../../src/server/db/migrate';
import { openPgliteDb } from '../../src/server/db/pglite-db';
import { openPostgresDb, quoteIdentifier } from '../../src/server/db/postgres-db';

/**
 * The engines every database test runs on: PGlite always, PostgreSQL when DATABASE_URL is set
 * (CI sets it). Use with `describe.each(testEngines())`.
 */
export const testEngines = (): Engine[] => (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']);

export type TestDb = { db: Db; dispose(): Promise<void> };

/**
 * A migrated, empty database of the engine (`migrations` lets a test start from an older schema).
 * PostgreSQL tests each get their own schema in the DATABASE_URL database, dropped on dispose, so
 * test files can run in parallel.
 */
export async function openTestDb(engine: Engine, migrations: readonly Migration[] = MIGRATIONS): Promise<TestDb> {
  if (engine === 'pglite') {
    const db = await openPgliteDb();
    await migrate(db, migrations);
    return { db, dispose: () => db.close() };
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is needed for the PostgreSQL engine.');
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  await admin.end();
  const db = await openPostgresDb({ connectionString, schema, maxConnections: 20 });
  await migrate(db, migrations);
  return {
    db,
    dispose: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
      await cleanup.end();
    },
  };
}
