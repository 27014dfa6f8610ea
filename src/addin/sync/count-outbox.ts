import type { OutboxEntry } from '../cache/local-store';

export type OutboxCounts = { pendingCount: number; rejectedCount: number };

/**
 * What the sync indicator shows of the outbox: changes not yet acknowledged by the service, and
 * changes it refused that wait for the user. Entries of every client id count — the user waits on
 * all of them, whichever tab made them.
 */
export function countOutbox(entries: readonly OutboxEntry[]): OutboxCounts {
  let pendingCount = 0;
  let rejectedCount = 0;
  for (const entry of entries) {
    if (entry.status === 'pending') pendingCount += 1;
    else if (entry.status === 'rejected') rejectedCount += 1;
  }
  return { pendingCount, rejectedCount };
}
