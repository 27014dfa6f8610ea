import type { MailHost } from '../office/mail-host';

/** The whole send handler, Office calls included, finishes within this; Outlook's own limit is far above it. */
export const SEND_HANDLER_BUDGET_MS = 3_000;

export type MessageSendDependencies = {
  /** The mail host once Office is ready, null outside Office; waiting for it counts against the budget. */
  mailHost: () => Promise<MailHost | null>;
  /** A fresh interaction id (UUID). */
  newId: () => string;
  /** Timers, so tests can drive the budget. */
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

/** What the handler did before it let the message go. */
export type MessageSendResult = 'stamped' | 'notLogged' | 'failed' | 'timedOut';

/**
 * The OnMessageSend work: when the draft is to be logged ("log when sent" on the draft, or
 * Marketing Setup's automatic logging as the pane last saw it), stamp it with a new interaction id
 * in the state 'waiting'. The message has no internet message id before it is sent, so nothing is
 * sent to the service here: the pane logs the sent item when it next sees it, matching the stamp.
 *
 * Never holds the message back: `allow` is called exactly once, after the stamp, after any failure,
 * or when `SEND_HANDLER_BUDGET_MS` runs out, whichever comes first. Resolves with what it did.
 */
export function handleMessageSend(dependencies: MessageSendDependencies, allow: () => void): Promise<MessageSendResult> {
  let done = false;
  return new Promise<MessageSendResult>((resolve) => {
    const finish = (result: MessageSendResult): void => {
      if (done) return;
      done = true;
      dependencies.clearTimeout(timer);
      try {
        allow();
      } finally {
        resolve(result);
      }
    };
    const timer = dependencies.setTimeout(() => finish('timedOut'), SEND_HANDLER_BUDGET_MS);

    const work = async (): Promise<MessageSendResult> => {
      const host = await dependencies.mailHost();
      if (host === null) return 'notLogged';
      const wanted = host.autoLogSent() || (await host.logWhenSent());
      if (!wanted) return 'notLogged';
      await host.stampForSend({ interactionId: dependencies.newId(), state: 'waiting' });
      return 'stamped';
    };
    // Started inside a promise, so even a synchronous throw ends in `finish`.
    Promise.resolve()
      .then(work)
      .then(finish, (error: unknown) => {
        console.error('Rapport: the message could not be stamped for logging; it is sent unlogged', error);
        finish('failed');
      });
  });
}
