import pg from 'pg';
import { answers, type Db, type Queryable, type Row } from './db';

// PostgreSQL returns bigint (int8) and numeric as strings to avoid precision loss. Rapport's
// counters and amounts fit a double, so parse them as numbers like PGlite does.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// Dates stay ISO strings (`YYYY-MM-DD`): a calendar date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** Serialization failure and deadlock: safe to retry the whole transaction. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const MAX_TRANSACTION_ATTEMPTS = 5;

export type PostgresOptions = {
  connectionString: string;
  /** Schema to use for every connection (tests isolate themselves in one); default `public`. */
  schema?: string;
  maxConnections?: number;
};

export async function openPostgresDb(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);

  const run = async <R extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await client.query<R>(sql, params ? [...params] : undefined)).rows;

  const transaction = async <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const sqlState = (error as { code?: unknown }).code;
        if (attempt < MAX_TRANSACTION_ATTEMPTS && typeof sqlState === 'string' && RETRYABLE_SQLSTATES.has(sqlState)) {
          continue;
        }
        throw error;
      } finally {
        client.release();
      }
    }
  };

  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    transaction,
    ping: () => answers({ query: (sql) => run(pool, sql) }),
    close: () => pool.end(),
  };
}

export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
