/**
 * Time as the sync loop sees it. Injected so tests drive the loop's timers by hand; the handle is
 * whatever `setTimeout` returned, passed back unchanged to `clearTimeout`.
 */
export type Clock = {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};
