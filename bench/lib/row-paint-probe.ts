/**
 * What a console page's table shows, and when, recorded inside the page without changing the
 * console: an init script (Playwright's `addInitScript`, run in every console document before the
 * console's own scripts) watches the DOM and notes each change of the first data row's first cell
 * (the contact number in the contact list), with
 *
 * - `at`: when the change was in the DOM (the MutationObserver's callback, right after React's commit);
 * - `paintedAt`: the first task after the next animation frame, i.e. once the frame holding the
 *   change has been painted (requestAnimationFrame runs just before the paint; a message posted
 *   from it is handled just after).
 *
 * It also notes every keydown's `timeStamp`. All times are `performance.now()` of the document:
 * milliseconds since its navigation started.
 */

export type RowChange = { first: string; rows: number; at: number; paintedAt: number | null };
export type KeyDown = { key: string; at: number };
export type ProbeWindow = { benchRows: RowChange[]; benchKeys: KeyDown[] };

/**
 * As text rather than a function: tsx would name a function's inner arrows with a helper that does
 * not exist in the page.
 */
export const ROW_PAINT_PROBE = `(() => {
  if (!location.pathname.startsWith('/console')) return;
  const rows = [];
  const keys = [];
  window.benchRows = rows;
  window.benchKeys = keys;
  document.addEventListener('keydown', function (event) { keys.push({ key: event.key, at: event.timeStamp }); }, { capture: true });
  let last = null;
  const check = function () {
    const cell = document.querySelector('table tbody tr:not([aria-hidden]) td');
    const first = cell === null ? '' : (cell.textContent || '').trim();
    if (first === last) return;
    last = first;
    const change = { first: first, rows: document.querySelectorAll('table tbody tr:not([aria-hidden])').length, at: performance.now(), paintedAt: null };
    rows.push(change);
    requestAnimationFrame(function () {
      const channel = new MessageChannel();
      channel.port1.onmessage = function () { change.paintedAt = performance.now(); };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;
