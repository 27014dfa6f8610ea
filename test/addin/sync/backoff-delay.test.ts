import { backoffDelay } from '../../../src/addin/sync/backoff-delay';

const options = { baseMs: 1_000, maxMs: 60_000 };

describe('backoffDelay', () => {
  test.each<[string, number, number, number]>([
    ['waits at least half a second after the first failure', 1, 0, 500],
    ['waits at most a second after the first failure', 1, 0.999999, 1_000],
    ['doubles the ceiling with each failure', 2, 0.999999, 2_000],
    ['reaches 32 s after the sixth failure', 6, 0.999999, 32_000],
    ['stops at the one-minute cap after the seventh', 7, 0.999999, 60_000],
    ['stays at the cap after a hundred failures', 100, 0.999999, 60_000],
    ['keeps half the cap as its floor', 100, 0, 30_000],
    ['draws the middle of the range for a middle random number', 3, 0.5, 3_000],
  ])('%s', (_case, failures, random, expected) => {
    expect(backoffDelay(failures, () => random, options)).toBe(expected);
  });

  test('treats zero failures like the first', () => {
    expect(backoffDelay(0, () => 0, options)).toBe(500);
  });
});
