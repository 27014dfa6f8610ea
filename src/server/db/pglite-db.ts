import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db';

/**
 * The embedded engine. `dataDir` undefined keeps the database in memory (tests); a path keeps it
 * on disk (`npm start`). PGlite runs one statement at a time; its `transaction` holds an exclusive
 * lock, so concurrent requests queue instead of interleaving.
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pglite.waitReady;

  const run = async <R extends Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await target.query<R>(sql, params ? [...params] : undefined)).rows;

  return {
    engine: 'pglite',
    query: (sql, params) => run(pglite, sql, params),
    transaction: (work) =>
      pglite.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) };
        return work(scoped);
      }),
    ping: async () => {
      try {
        await pglite.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pglite.close(),
  };
}
