/// <reference types="office-js" />

/**
 * The `Office` global that office.js defines, or null where there is none (the browser preview,
 * tests). The one way code outside src/addin/office gets hold of Office: to hand it back to this
 * folder's factories, never to call it.
 */
export function officeGlobal(): typeof Office | null {
  return (globalThis as { Office?: typeof Office }).Office ?? null;
}
