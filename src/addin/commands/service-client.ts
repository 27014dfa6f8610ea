import { errorKindForStatus } from '../api/error-kind-for-status';
import { readProblem } from '../api/read-problem';
import { logEmailReplyOf } from '../api/guards';
import type { FetchLike, GetToken } from '../api/sync-api';
import type { EmailLogBody, SendLog, SendLogOutcome } from './send-log';

export type SendLogOptions = {
  /** The service's origin and any path prefix, e.g. `https://rapport.example.com`; `/api/v1/…` is appended. */
  baseUrl: string;
  fetch: FetchLike;
  getToken: GetToken;
  /** How long one attempt may take, answer included, before it counts as unreachable. */
  timeoutMs: number;
};

/** The default attempt budget: a ribbon click should answer within seconds, and the log waits on the item if not. */
export const SEND_LOG_TIMEOUT_MS = 10_000;

class TimedOut extends Error {}

/** Settles with `promise`, or rejects with `TimedOut` after `ms`, aborting `controller` if there is one. */
function withTimeout<T>(promise: Promise<T>, ms: number, controller: AbortController | null): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller?.abort();
      reject(new TimedOut());
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * `sendLog` over HTTP: POST /api/v1/interactions/email with a bearer token. Safe to repeat: the
 * service logs a message once per contact, and the body's `id` names the interaction. A 401 is
 * retried once with a renewed token. The answer is checked on arrival (`logEmailReplyOf`).
 */
export function createSendLog(options: SendLogOptions): SendLog {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/interactions/email`;
  // Called detached: browsers refuse `window.fetch` invoked as a method of another object.
  const { fetch } = options;

  async function token(forceRefresh: boolean): Promise<string | null> {
    try {
      const value = await options.getToken({ forceRefresh });
      return value === '' ? null : value;
    } catch {
      return null;
    }
  }

  async function post(body: EmailLogBody, bearer: string): Promise<Response> {
    // AbortController is missing from some JavaScript-only runtimes; the timeout still holds without it.
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const init: RequestInit = {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      ...(controller === null ? {} : { signal: controller.signal }),
    };
    return withTimeout(fetch(url, init), options.timeoutMs, controller);
  }

  async function outcomeOf(response: Response): Promise<SendLogOutcome> {
    if (!response.ok) {
      const problem = await readProblem(response);
      const kind = errorKindForStatus(response.status, problem.code);
      if (kind === 'server') return { kind: 'unreachable' };
      if (kind === 'unauthenticated') return { kind: 'unauthenticated' };
      return { kind: 'rejected', code: problem.code };
    }
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch {
      return { kind: 'unreachable' };
    }
    const reply = logEmailReplyOf(json);
    // A 2xx that is not the contract's answer (a captive portal, a proxy page): nothing is known to be logged.
    if (reply === null) return { kind: 'unreachable' };
    const { interactions, unmatchedAddresses, ambiguousAddresses } = reply;
    if (interactions.length === 0) return { kind: 'nobodyKnown', unmatchedAddresses, ambiguousAddresses: ambiguousAddresses.map((entry) => entry.address) };
    const fresh = interactions.filter((interaction) => !interaction.alreadyLogged);
    if (fresh.length === 0) {
      const loggedBy = interactions.find((interaction) => interaction.userEmail !== '')?.userEmail ?? null;
      return { kind: 'alreadyLogged', loggedBy };
    }
    return { kind: 'logged', interactionCount: fresh.length, unmatchedAddresses };
  }

  return async (body) => {
    try {
      const first = await token(false);
      if (first === null) return { kind: 'unauthenticated' };
      let response = await post(body, first);
      if (response.status === 401) {
        // Cached tokens expire while Outlook sits open; one renewal is worth a retry.
        await response.text().catch(() => '');
        const renewed = await token(true);
        if (renewed === null) return { kind: 'unauthenticated' };
        response = await post(body, renewed);
      }
      return await outcomeOf(response);
    } catch {
      // fetch rejects only when there was no answer (offline, DNS, reset, aborted), as does a timeout.
      return { kind: 'unreachable' };
    }
  };
}
