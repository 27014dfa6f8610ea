import { createAsyncQueue } from '../../../src/addin/office/async-queue';

/** A task whose promise the test settles by hand, recording when it started. */
function handTask(started: number[], index: number) {
  let settle: { resolve: (value: number) => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const task = () =>
    new Promise<number>((resolve, reject) => {
      started.push(index);
      settle = { resolve, reject };
    });
  return { task, settle: () => settle };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createAsyncQueue', () => {
  test('never has more than three tasks in flight, and starts waiting ones in order of arrival', async () => {
    const queue = createAsyncQueue(3);
    const started: number[] = [];
    const tasks = [0, 1, 2, 3, 4, 5].map((index) => handTask(started, index));
    const results = tasks.map(({ task }) => queue.run(task));
    // Observed now: the first one is rejected before the test looks at it.
    const firstOutcome = results[0]!.catch((error: Error) => error.message);

    await flush();
    expect([started, queue.running, queue.waiting]).toEqual([[0, 1, 2], 3, 3]);

    tasks[1]!.settle().resolve(1);
    await flush();
    expect([started, queue.running, queue.waiting]).toEqual([[0, 1, 2, 3], 3, 2]);

    tasks[0]!.settle().reject(new Error('Outlook said no'));
    await flush();
    expect(started).toEqual([0, 1, 2, 3, 4]);

    for (const index of [2, 3, 4]) tasks[index]!.settle().resolve(index);
    await flush();
    tasks[5]!.settle().resolve(5);

    await expect(firstOutcome).resolves.toBe('Outlook said no');
    await expect(Promise.all(results.slice(1))).resolves.toEqual([1, 2, 3, 4, 5]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  test('frees the slot of a task that throws before returning its promise', async () => {
    const queue = createAsyncQueue(1);
    const thrown = queue.run(() => {
      throw new Error('no such method');
    });
    await expect(thrown).rejects.toThrow('no such method');
    await expect(queue.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  test('allows three by default, as Outlook on the web does', async () => {
    const queue = createAsyncQueue();
    const started: number[] = [];
    [0, 1, 2, 3].forEach((index) => void queue.run(handTask(started, index).task));
    await flush();
    expect(started).toEqual([0, 1, 2]);
  });

  test.each([0, -1, 1.5])('refuses a limit of %s', (limit) => {
    expect(() => createAsyncQueue(limit)).toThrow(RangeError);
  });
});
