/**
 * A small reader for the add-in manifest (manifest.xml): elements, attributes and text. xmllint
 * (scripts/manifest-schema.ts) checks that the file is well-formed; this only has to walk it. The
 * manifest tests and the unified manifest's generator read the manifest through it.
 */

export type XmlElement = {
  name: string;
  /** The name without its namespace prefix ("bt:String" → "String"). */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_all, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return named[entity.toLowerCase()] ?? '';
  });
}

export function parseXml(xml: string): XmlElement {
  const document: XmlElement = { name: '#document', local: '#document', attrs: {}, children: [], text: '' };
  const stack = [document];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(token)) {
    const [, closing, opening, attrText, selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (opening !== undefined) {
      const attrs: Record<string, string> = {};
      for (const [, name, , double, single] of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        attrs[name!] = decode(double ?? single ?? '');
      }
      const element: XmlElement = { name: opening, local: opening.replace(/^.*:/, ''), attrs, children: [], text: '' };
      current.children.push(element);
      if (selfClosing !== '/') stack.push(element);
    } else if (closing !== undefined) {
      if (current.name !== closing) throw new Error(`manifest.xml: </${closing}> closes <${current.name}>`);
      stack.pop();
    } else if (text !== undefined) {
      current.text += decode(text).trim();
    }
  }
  const root = document.children[0];
  if (root === undefined || stack.length !== 1) throw new Error('manifest.xml: no single root element');
  return root;
}

/** Descendants named `local`; stops at nested VersionOverrides unless `intoNested`. */
export function descendants(element: XmlElement, predicate: (e: XmlElement) => boolean, intoNested = true): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (predicate(child)) found.push(child);
    if (intoNested || child.local !== 'VersionOverrides') found.push(...descendants(child, predicate, intoNested));
  }
  return found;
}

export const byName = (local: string) => (e: XmlElement) => e.local === local;

export function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected one ${what}, found ${items.length}`);
  return items[0]!;
}

