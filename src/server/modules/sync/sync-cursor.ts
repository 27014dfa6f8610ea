import { RapportError } from '../../../domain/errors';

/**
 * Where a client stands in its tenant's change stream. The stream is ordered by version, then by
 * source (sync-sources.ts), then by the source's key columns; a cursor names the last row sent.
 *
 * `fullUntil`: rows up to this version are sent as a full sync (only those in scope, no
 * tombstones); rows after it as changes. A full sync starts with `fullUntil` = the tenant's version
 * at the time, so changes made while it runs still reach the client as changes.
 *
 * `scope` is the user's salesperson code when the stream started: when it changes, what the
 * client holds was chosen for someone else, and the client starts over.
 */
export type SyncPosition = {
  version: number;
  source: number;
  keys: string[];
  fullUntil: number;
  scope: string;
};

const FORMAT = 1;

/** The position after every row of `version`: where a stream that has caught up stands. */
export const AFTER_ALL_SOURCES = 1_000;

export const encodeCursor = (position: SyncPosition): string =>
  Buffer.from(JSON.stringify([FORMAT, position.version, position.source, position.keys, position.fullUntil, position.scope])).toString('base64url');

/** Reads a cursor this service made; anything else is a validation error naming `cursor`. */
export function decodeCursor(cursor: string): SyncPosition {
  const invalid = () =>
    new RapportError('validation_failed', 'The sync cursor is not one this service gave out.', { fields: [{ path: 'cursor', message: 'Not a sync cursor.' }] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw Object.assign(invalid(), { cause: error });
  }
  if (!Array.isArray(parsed) || parsed.length !== 6 || parsed[0] !== FORMAT) throw invalid();
  const [, version, source, keys, fullUntil, scope] = parsed as unknown[];
  const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= -1;
  if (!isCount(version) || !isCount(source) || !isCount(fullUntil) || typeof scope !== 'string') throw invalid();
  if (!Array.isArray(keys) || !keys.every((key): key is string => typeof key === 'string')) throw invalid();
  return { version, source, keys, fullUntil, scope };
}
