import type { Clock } from '../../../../src/addin/sync/clock';

type Timer = { id: number; at: number; delay: number; callback: () => void };

/** A clock whose time moves only when the test says so. */
export type FakeClock = Clock & {
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle around each. */
  advance(ms: number): Promise<void>;
  /** Fires what is due now (zero-delay yields included) and lets every promise settle. */
  settle(): Promise<void>;
  /** Lets promises settle without moving time or firing any timer. */
  flush(): Promise<void>;
  /** The delays the pending timers were set with, in the order they fire. */
  pendingDelays(): number[];
};

/** Enough macrotask turns for the chains of awaits one sync step makes over the memory store. */
const FLUSH_TURNS = 20;

export function createFakeClock(start = Date.parse('2025-03-03T09:00:00.000Z')): FakeClock {
  let now = start;
  let nextId = 1;
  let timers: Timer[] = [];

  const flush = async (): Promise<void> => {
    for (let turn = 0; turn < FLUSH_TURNS; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  };

  const due = (until: number): Timer | undefined => timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];

  const advance = async (ms: number): Promise<void> => {
    const until = now + ms;
    await flush();
    for (let timer = due(until); timer; timer = due(until)) {
      const fired = timer;
      timers = timers.filter((other) => other !== fired);
      now = Math.max(now, fired.at);
      fired.callback();
      await flush();
    }
    now = until;
    await flush();
  };

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { id: nextId++, at: now + Math.max(0, ms), delay: ms, callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    advance,
    settle: () => advance(0),
    flush,
    pendingDelays: () => [...timers].sort((a, b) => a.at - b.at || a.id - b.id).map((timer) => timer.delay),
  };
}
