import { isRapportError, type RapportError } from '../../src/domain/errors';

/**
 * Runs `action`, which must throw a RapportError, and returns that error so a test can assert
 * its `code`, `fields` and `details`. Anything else — no error, or another kind — fails the test.
 */
export function rapportErrorOf(action: () => unknown): RapportError {
  try {
    action();
  } catch (error) {
    if (isRapportError(error)) return error;
    throw new Error(`Expected a RapportError, got ${String(error)}`);
  }
  throw new Error('Expected a RapportError, but nothing was thrown');
}
