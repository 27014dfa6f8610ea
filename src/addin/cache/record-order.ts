import type { SyncInteraction, SyncOpportunity, SyncTask } from '../../contract/sync';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Open opportunities first, then the newest (creation date), then by number. */
export function compareOpportunities(a: SyncOpportunity, b: SyncOpportunity): number {
  return Number(a.closed) - Number(b.closed) || byText(b.creationDate, a.creationDate) || byText(a.no, b.no);
}

/** By date, then start time (all-day and untimed tasks first), then number. */
export function compareTasks(a: SyncTask, b: SyncTask): number {
  return byText(a.date, b.date) || byText(a.startTime ?? '', b.startTime ?? '') || byText(a.no, b.no);
}

/** Newest first: date, time of interaction, then the entry number as the order of logging. */
export function compareInteractionsNewestFirst(a: SyncInteraction, b: SyncInteraction): number {
  return byText(b.date, a.date) || byText(b.timeOfInteraction, a.timeOfInteraction) || b.entryNo - a.entryNo;
}

/** Records of several index ranges as one list: each record once (by `keyOf`), in `compare` order. */
export function mergeUnique<T>(lists: readonly (readonly T[])[], keyOf: (record: T) => string | number, compare: (a: T, b: T) => number): T[] {
  const unique = new Map<string | number, T>();
  for (const list of lists) for (const record of list) unique.set(keyOf(record), record);
  return [...unique.values()].sort(compare);
}
