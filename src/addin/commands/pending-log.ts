import { emailLogBodyOf } from '../api/guards';
import type { EmailLogBody } from './send-log';

/**
 * The most a waiting log may take on the item. Outlook allows 2,500 characters for all of an
 * item's custom properties together (as JSON); the rest is left for the send stamp and the
 * "log when sent" flag.
 */
export const PENDING_LOG_MAX_CHARS = 2_100;

/**
 * The JSON to keep on the item for `body`, within `maxChars`: the body excerpt is shortened to what
 * fits, after dropping the attachment names if even an empty excerpt does not fit beside them (the
 * item still holds both, so the pane can read them again). Null when the log without excerpt and
 * attachment names does not fit (dozens of recipients): dropping recipients would log to other
 * contacts than the message names, so such a log cannot wait on this item.
 */
export function encodePendingLog(body: EmailLogBody, maxChars: number = PENDING_LOG_MAX_CHARS): string | null {
  const whole = JSON.stringify(body);
  if (whole.length <= maxChars) return whole;
  const bare = JSON.stringify({ ...body, bodyText: '', attachmentNames: [] });
  if (bare.length > maxChars) return null;
  const withAttachments = JSON.stringify({ ...body, bodyText: '' });
  const base = withAttachments.length <= maxChars ? { ...body, bodyText: '' } : { ...body, bodyText: '', attachmentNames: [] };
  const room = maxChars - JSON.stringify(base).length;
  // JSON escaping can make a character longer than one; shorten until it fits.
  for (let keep = Math.min(body.bodyText.length, room); keep > 0; keep = Math.floor(keep * 0.9)) {
    const candidate = JSON.stringify({ ...base, bodyText: body.bodyText.slice(0, keep) });
    if (candidate.length <= maxChars) return candidate;
  }
  return JSON.stringify(base);
}

/** The log kept on an item, or null when the text is not one (another add-in's, a damaged or older one). */
export function decodePendingLog(json: string | null): (EmailLogBody & { id: string }) | null {
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  return emailLogBodyOf(parsed);
}
