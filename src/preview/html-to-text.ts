/**
 * The visible text of an HTML body, as `body.getAsync(Office.CoercionType.Text)` gives it.
 *
 * DOMParser builds an inert document: nothing in it runs, loads or fires (scripts stay text nodes,
 * handlers are never called, images are not fetched). Scripts, styles and the like are dropped
 * because their text is not what a reader sees; block elements end a line.
 */
const INVISIBLE = 'script, style, noscript, template, head, iframe, object, embed';
const BLOCKS = 'p, div, br, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table, ul, ol, form';

export function htmlToText(html: string, parser: DOMParser = new DOMParser()): string {
  const document = parser.parseFromString(html, 'text/html');
  for (const element of Array.from(document.querySelectorAll(INVISIBLE))) element.remove();
  for (const element of Array.from(document.querySelectorAll(BLOCKS))) element.after(document.createTextNode('\n'));
  const raw = document.body?.textContent ?? '';
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
