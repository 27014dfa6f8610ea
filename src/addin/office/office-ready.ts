/// <reference types="office-js" />

/** What the add-in knows once Office.js is ready: the host it runs in, or null outside Office. */
export type OfficeReadyInfo = { host: string | null };

/**
 * Resolves when Office.js is ready to use.
 *
 * - No `Office` global (the browser preview, tests): resolves at once with `{ host: null }`.
 * - Otherwise: waits for `Office.onReady` and reports its host (`'Outlook'` in Outlook; null when
 *   office.js runs in a page outside any Office application).
 *
 * Nothing waits for this before painting: the task pane renders its shell first and fills in what
 * needs Office when this resolves.
 */
export function whenOfficeReady(): Promise<OfficeReadyInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined) return Promise.resolve({ host: null });
  // Office.HostType's values are strings at run time ('Outlook'); @types/office-js declares them as numbers.
  return office.onReady().then((info) => ({ host: info.host === null || info.host === undefined ? null : String(info.host) }));
}
