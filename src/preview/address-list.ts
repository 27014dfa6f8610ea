import type { SampleAddress } from './sample-inbox';

/**
 * Parses what a user types into a To or Cc field: addresses separated by commas or semicolons,
 * each either bare (`anna@x.example`) or with a display name (`Anna Berg <anna@x.example>`, also
 * quoted: `"O'Brien, Pat" <pat@x.example>`). Separators inside quotes or angle brackets do not
 * split. Parts without an `@` are dropped, as Outlook drops what it cannot resolve.
 */
export function parseAddressList(input: string): SampleAddress[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  let escaped = false;
  for (const char of input) {
    if (escaped) {
      current += char;
      escaped = false;
      continue;
    }
    if (char === '\\' && quoted) escaped = true;
    else if (char === '"' && !angle) quoted = !quoted;
    else if (char === '<' && !quoted) angle = true;
    else if (char === '>' && !quoted) angle = false;
    if ((char === ',' || char === ';') && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(parseAddress).filter((address): address is SampleAddress => address !== null);
}

function parseAddress(part: string): SampleAddress | null {
  const trimmed = part.trim();
  const match = /^(.*)<([^<>]+)>\s*$/.exec(trimmed);
  const emailAddress = (match ? (match[2] ?? '') : trimmed).trim();
  if (!emailAddress.includes('@')) return null;
  const name = match ? unquote((match[1] ?? '').trim()) : '';
  return { displayName: name === '' ? emailAddress : name, emailAddress };
}

const unquote = (name: string): string => (name.length >= 2 && name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replace(/\\"/g, '"') : name);

/** The field text for `addresses`, which {@link parseAddressList} reads back to the same list. */
export function formatAddressList(addresses: readonly SampleAddress[]): string {
  return addresses
    .map(({ displayName, emailAddress }) => {
      if (displayName === '' || displayName === emailAddress) return emailAddress;
      const name = /[",;<>]/.test(displayName) ? `"${displayName.replace(/"/g, '\\"')}"` : displayName;
      return `${name} <${emailAddress}>`;
    })
    .join('; ');
}
