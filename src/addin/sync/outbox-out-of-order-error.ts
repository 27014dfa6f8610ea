/**
 * The service waits for a mutation id the outbox cannot give it: one it was already sent, or one
 * renumbering did not satisfy. Pushing again unchanged would only repeat the answer, so the loop
 * reports it and waits for a trigger.
 */
export class OutboxOutOfOrderError extends Error {
  readonly expectedId: number;

  constructor(expectedId: number) {
    super(`The service expects mutation ${expectedId}, which the outbox cannot send.`);
    this.name = 'OutboxOutOfOrderError';
    this.expectedId = expectedId;
  }
}
