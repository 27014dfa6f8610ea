export type BackoffOptions = {
  /** The wait after the first failure. */
  baseMs: number;
  /** No wait is longer than this, however many failures in a row. */
  maxMs: number;
};

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/**
 * How long to wait before retry number `failures` (1 after the first failure): the ceiling doubles
 * from `baseMs` up to `maxMs`, and the wait is drawn between half the ceiling and the ceiling
 * ("equal jitter"). The random half keeps a fleet of panes that lost the service together from
 * coming back in lockstep; the fixed half keeps a retry from firing almost at once.
 * `random` returns a number in [0, 1), as `Math.random` does.
 */
export function backoffDelay(failures: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  // Capping the exponent keeps 2 ** exponent finite after a very long outage.
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
