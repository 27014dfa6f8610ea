import { z } from 'zod';
import type { FetchLike, GetToken } from '../api/sync-api';
import { type ContactCreateBody, duplicateCandidateSchema } from '../../contract/contacts';

export type DuplicateCandidate = z.output<typeof duplicateCandidateSchema>;

/**
 * What the duplicate check before saving a new contact found. `unavailable` (offline, signed out,
 * or the service did not answer) is no verdict: the contact is saved and the service's own check
 * on `createContact` answers later, as a `likely_duplicate` rejection.
 */
export type DuplicateCheckOutcome = { kind: 'checked'; candidates: DuplicateCandidate[] } | { kind: 'unavailable'; reason: 'offline' | 'failed' };

export type DuplicateCheck = (contact: ContactCreateBody, signal?: AbortSignal) => Promise<DuplicateCheckOutcome>;

export type DuplicateCheckOptions = {
  baseUrl: string;
  fetch: FetchLike;
  getToken: GetToken;
  isOnline: () => boolean;
};

const replySchema = z.object({ items: z.array(duplicateCandidateSchema) });

/** `POST /api/v1/contacts/duplicate-check`: nothing is stored; the reply is checked against the contract. */
export function createDuplicateCheck(options: DuplicateCheckOptions): DuplicateCheck {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/contacts/duplicate-check`;
  const { fetch } = options;
  return async (contact, signal) => {
    if (!options.isOnline()) return { kind: 'unavailable', reason: 'offline' };
    try {
      const token = await options.getToken({ forceRefresh: false });
      if (token === null) return { kind: 'unavailable', reason: 'failed' };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(contact),
        ...(signal === undefined ? {} : { signal }),
      });
      if (!response.ok) return { kind: 'unavailable', reason: 'failed' };
      const reply = replySchema.safeParse(await response.json());
      return reply.success ? { kind: 'checked', candidates: reply.data.items } : { kind: 'unavailable', reason: 'failed' };
    } catch {
      // A network error (TypeError from fetch) or a token failure: no verdict, the push decides.
      return { kind: 'unavailable', reason: 'failed' };
    }
  };
}
