import { PGlite, types } from '@electric-sql/pglite';
import { answers, type Db, type Queryable, type Row } from './db';

/**
 * The embedded engine. `dataDir` undefined keeps the database in memory (tests); a path keeps it
 * on disk (`npm start`). PGlite runs one statement at a time; its `transaction` holds an exclusive
 * lock, so concurrent requests queue instead of interleaving.
 */
// The same value types as the pg driver (see postgres-db.ts): dates stay `YYYY-MM-DD` strings,
// numeric and bigint become numbers.
const PARSERS = {
  [types.DATE]: (value: string) => value,
  [types.NUMERIC]: (value: string) => Number(value),
  [types.INT8]: (value: string) => Number(value),
};

export async function openPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = new PGlite({ ...(dataDir === undefined ? {} : { dataDir }), parsers: PARSERS });
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
    ping: () => answers({ query: (sql) => run(pglite, sql) }),
    close: () => pglite.close(),
  };
}
