import type { Queryable, Row } from './db';

/** `address2` → `address_2`, `searchHitPercent` → `search_hit_percent`: column names from field names. */
export const toSnakeCase = (name: string): string =>
  name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replace(/(\d+)/g, '_$1');

export const toCamelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase());

/** A row with its snake_case columns renamed to the camelCase fields of the domain type. */
export function fromRow<T>(row: Row): T {
  const record: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) record[toCamelCase(column)] = value;
  return record as T;
}

/** Inserts one record into `table` for `tenantId`; the record's fields name the columns. */
export async function insertRecord(tx: Queryable, table: string, tenantId: string, record: Record<string, unknown>): Promise<void> {
  const fields = Object.keys(record);
  const columns = ['tenant_id', ...fields.map(toSnakeCase)];
  const placeholders = columns.map((_column, index) => `$${index + 1}`);
  await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`, [
    tenantId,
    ...fields.map((field) => record[field]),
  ]);
}
