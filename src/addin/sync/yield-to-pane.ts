import type { Clock } from './clock';

type SchedulerWithYield = { yield(): Promise<void> };

/**
 * Gives the pane's event loop a turn between two pull pages, so rendering and input are not held
 * up by a long resync. `scheduler.yield()` (Chromium) resumes ahead of other queued tasks; elsewhere
 * a zero-delay timer on the injected clock does the same job a little later.
 */
export function yieldToPane(clock: Pick<Clock, 'setTimeout'>): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return (scheduler as SchedulerWithYield).yield();
  return new Promise((resolve) => {
    clock.setTimeout(resolve, 0);
  });
}
