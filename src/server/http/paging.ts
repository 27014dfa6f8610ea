import { z } from 'zod';

/** `?limit=`: a page of 1 to 500 rows, 50 when not given. */
export const pageLimit = z.coerce.number().int().min(1).max(500).default(50);

/**
 * A keyset page from `limit + 1` rows read: the first `limit` are the page, and `next` (the key of
 * the last row shown) says that another page follows, or is null when this one is the last.
 */
export function pageOf<T, K>(rows: readonly T[], limit: number, keyOf: (row: T) => K): { items: T[]; next: K | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? keyOf(last) : null };
}
