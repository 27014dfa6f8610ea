/**
 * Runs asynchronous tasks with at most `limit` of them started and not yet settled; the rest wait
 * in order of arrival. Outlook on the web and new Outlook refuse a fourth concurrent async call
 * from one add-in, so every Office.js `…Async` call goes through one of these.
 */
export type AsyncQueue = {
  /** Starts `task` once fewer than `limit` tasks run, and settles as it does. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks started and not yet settled. */
  readonly running: number;
  /** Tasks waiting for a free slot. */
  readonly waiting: number;
};

/** The concurrency Outlook allows one add-in. */
export const OUTLOOK_ASYNC_LIMIT = 3;

export function createAsyncQueue(limit: number = OUTLOOK_ASYNC_LIMIT): AsyncQueue {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`An async queue needs a limit of at least 1, not ${limit}.`);
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = (): void => {
    running -= 1;
    const next = waiting.shift();
    if (next !== undefined) next();
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = (): void => {
          running += 1;
          let settled: Promise<T>;
          try {
            settled = task();
          } catch (error) {
            // A task that throws before returning its promise frees its slot like one that rejects.
            settled = Promise.reject(error);
          }
          settled.then(resolve, reject).finally(release);
        };
        if (running < limit) start();
        else waiting.push(start);
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
