import type { z } from 'zod';
import type { logEmailBodySchema } from '../../contract/interactions';

/** The body of `POST /api/v1/interactions/email`, every field filled in. */
export type EmailLogBody = z.output<typeof logEmailBodySchema>;

/**
 * What became of one log request, in the terms the commands act on:
 * - `logged`: at least one interaction was written now (some may have existed already).
 * - `alreadyLogged`: every interaction existed before; `loggedBy` is the e-mail of who logged it, when the reply says.
 * - `nobodyKnown`: no address belongs to exactly one contact, so nothing was logged.
 * - `unreachable`: no answer, a timeout, or a transient failure (5xx, 408, 429, an unreadable answer): try later.
 * - `unauthenticated`: no token, or the service refused a fresh one: the user must sign in in the pane.
 * - `rejected`: the service refused the request itself (another 4xx); sending it unchanged fails again.
 */
export type SendLogOutcome =
  | { kind: 'logged'; interactionCount: number; unmatchedAddresses: string[] }
  | { kind: 'alreadyLogged'; loggedBy: string | null }
  | { kind: 'nobodyKnown'; unmatchedAddresses: string[]; ambiguousAddresses: string[] }
  | { kind: 'unreachable' }
  | { kind: 'unauthenticated' }
  | { kind: 'rejected'; code: string | null };

/** Sends one log to the service. Never rejects: every failure is an outcome. */
export type SendLog = (body: EmailLogBody) => Promise<SendLogOutcome>;
