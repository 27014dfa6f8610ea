/**
 * One database interface, two engines: PostgreSQL through `pg` in production and PGlite (PostgreSQL
 * compiled to WebAssembly, in-process) as the embedded default. Both speak the same SQL; every
 * query and migration is written once.
 */
export type Row = Record<string, unknown>;

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1…$n` parameters and returns its rows. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export type Engine = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly engine: Engine;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown). On PostgreSQL a serialization failure or deadlock is retried a few times, so
   * `work` must not have side effects outside the database. PGlite has one connection: its
   * transactions run one at a time, so keep them short.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Reports whether the database answers; used by the health route. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The health check of either engine: whether a trivial query answers. */
export async function answers(db: Queryable): Promise<boolean> {
  try {
    await db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
