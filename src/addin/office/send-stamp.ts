import type { SendStamp } from './mail-host';

/** The internet header a message sent with Rapport's stamp carries: `<interaction id>;<state>`. */
export const STAMP_HEADER = 'x-rapport-interaction';

/** The custom property holding the same stamp as JSON, for clients without internet headers. */
export const STAMP_PROPERTY = 'rapportStamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATES: readonly SendStamp['state'][] = ['logged', 'waiting'];

function stampOf(interactionId: unknown, state: unknown): SendStamp | null {
  if (typeof interactionId !== 'string' || !UUID.test(interactionId)) return null;
  const known = STATES.find((candidate) => candidate === state);
  return known === undefined ? null : { interactionId: interactionId.toLowerCase(), state: known };
}

/** The header value for `stamp`. */
export function formatStampHeader(stamp: SendStamp): string {
  return `${stamp.interactionId};${stamp.state}`;
}

/**
 * The stamp in a header value, or null for anything but a UUID and a known state: headers come
 * back from the mail server, and other software may have set or mangled ours.
 */
export function parseStampHeader(value: unknown): SendStamp | null {
  if (typeof value !== 'string') return null;
  const parts = value.trim().split(';');
  return parts.length === 2 ? stampOf(parts[0]!.trim(), parts[1]!.trim()) : null;
}

/** The custom property value for `stamp`. */
export function formatStampProperty(stamp: SendStamp): string {
  return JSON.stringify({ interactionId: stamp.interactionId, state: stamp.state });
}

/** The stamp in a custom property value (JSON text, or an object on clients that hand one back), or null. */
export function parseStampProperty(value: unknown): SendStamp | null {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  return stampOf(record.interactionId, record.state);
}

/**
 * The value of header `name` in a raw RFC 5322 header block (what `getAllInternetHeadersAsync`
 * gives), unfolded; the first one when it occurs more than once; null when absent. Names compare
 * case-insensitively, as mail servers may change their case.
 */
export function headerValue(rawHeaders: string, name: string): string | null {
  const lines = rawHeaders.split(/\r?\n/);
  const wanted = name.toLowerCase();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const colon = line.indexOf(':');
    if (colon <= 0 || /^\s/.test(line) || line.slice(0, colon).trim().toLowerCase() !== wanted) continue;
    let value = line.slice(colon + 1);
    // A folded header continues on lines that start with white space.
    while (index + 1 < lines.length && /^[ \t]/.test(lines[index + 1]!)) {
      index += 1;
      value += ` ${lines[index]!.trim()}`;
    }
    return value.trim();
  }
  return null;
}
