/** Milliseconds spent per phase of an import, for the benchmark and for finding where time goes. */
export type Timings<P extends string> = Partial<Record<P, number>>;

/** Runs `work`, adding its time to `phase` when `timings` is given. */
export async function timed<P extends string, T>(timings: Timings<P> | undefined, phase: P, work: () => Promise<T>): Promise<T> {
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[phase] = (timings[phase] ?? 0) + (performance.now() - started);
  }
}
