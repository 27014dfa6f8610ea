import { yieldToPane } from '../../../src/addin/sync/yield-to-pane';

type GlobalWithScheduler = { scheduler?: unknown };

afterEach(() => {
  delete (globalThis as GlobalWithScheduler).scheduler;
});

describe('yieldToPane', () => {
  test('uses scheduler.yield where the browser has it', async () => {
    const yielded: string[] = [];
    (globalThis as GlobalWithScheduler).scheduler = { yield: async () => void yielded.push('scheduler') };
    const setTimeout = jest.fn();

    await yieldToPane({ setTimeout });

    expect(yielded).toEqual(['scheduler']);
    expect(setTimeout).not.toHaveBeenCalled();
  });

  test('otherwise resolves on a zero-delay timer of the clock, not before', async () => {
    const timers: [() => void, number][] = [];
    let resolved = false;

    const pending = yieldToPane({ setTimeout: (callback, ms) => timers.push([callback, ms]) }).then(() => (resolved = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);
    expect(timers.map(([, ms]) => ms)).toEqual([0]);

    timers[0]?.[0]();
    await pending;
    expect(resolved).toBe(true);
  });
});
