import { normalizeEmail } from '../../domain/email';

/**
 * The IndexedDB database of a user: `rapport-<normalised e-mail>`, plus `-<device>` when the page
 * was opened with `?device=<id>` — the preview runs a second "device" in the same browser, which
 * must not share the first one's cache and outbox. Only letters, digits, `-` and `_` count in the
 * device id, so a crafted URL cannot name another user's database.
 */
export function storeNameFor(userEmail: string, search: string): string {
  const device = new URLSearchParams(search).get('device')?.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) ?? '';
  const base = `rapport-${normalizeEmail(userEmail)}`;
  return device === '' ? base : `${base}-${device}`;
}
