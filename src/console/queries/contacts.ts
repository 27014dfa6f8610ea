import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { contactBusinessRelationSchema } from '../../contract/business-relations';
import { contactCampaignSchema } from '../../contract/campaigns';
import { type ContactCreateBody, contactPageSchema, contactSchema, contactWriteReplySchema, duplicateCandidateSchema } from '../../contract/contacts';
import { interactionSchema } from '../../contract/interactions';
import { opportunitySchema } from '../../contract/opportunities';
import { codeListEntrySchema, type codeListKindSchema, salespersonSchema } from '../../contract/setup';
import { taskSchema } from '../../contract/tasks';
import type { ConsoleApi } from '../api/console-api';
import { type ContactFilter, contactFilterQuery } from '../pages/contacts/contact-filter';

/** Contacts a list page asks for at a time: a screenful and more, so that scrolling seldom waits. */
export const CONTACT_PAGE_SIZE = 100;

const path = (no: string) => `/contacts/${encodeURIComponent(no)}`;

/** `GET /contacts` with the filter, page after page by its keyset (`after` = the previous page's `next`). */
export const contactListQuery = (api: ConsoleApi, filter: ContactFilter) =>
  infiniteQueryOptions({
    queryKey: ['contacts', 'list', filter],
    queryFn: ({ pageParam, signal }) => {
      const params = contactFilterQuery(filter);
      params.set('limit', String(CONTACT_PAGE_SIZE));
      if (pageParam !== null) params.set('after', pageParam);
      return api.get(`/contacts?${params.toString()}`, contactPageSchema, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });

/** `GET /contacts/{no}`. */
export const contactQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: ['contacts', 'one', no],
    queryFn: ({ signal }) => api.get(path(no), contactSchema, signal),
  });

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** What a contact card shows beside the contact, each from its own route. */
export const contactRelationsQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: ['contacts', 'one', no, 'business-relations'],
    queryFn: ({ signal }) => api.get(`${path(no)}/business-relations`, items(contactBusinessRelationSchema), signal),
  });

export const contactOpportunitiesQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: ['contacts', 'one', no, 'opportunities'],
    queryFn: ({ signal }) => api.get(`${path(no)}/opportunities`, items(opportunitySchema), signal),
  });

export const contactTasksQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: ['contacts', 'one', no, 'tasks'],
    queryFn: ({ signal }) => api.get(`${path(no)}/tasks`, items(taskSchema), signal),
  });

export const contactCampaignsQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: ['contacts', 'one', no, 'campaigns'],
    queryFn: ({ signal }) => api.get(`${path(no)}/campaigns`, items(contactCampaignSchema), signal),
  });

export const contactDuplicatesQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: ['contacts', 'one', no, 'duplicates'],
    queryFn: ({ signal }) => api.get(`${path(no)}/duplicates`, items(duplicateCandidateSchema), signal),
  });

/** Interactions a card shows at a time, newest first. */
export const INTERACTION_PAGE_SIZE = 20;

export const contactInteractionsQuery = (api: ConsoleApi, no: string) =>
  infiniteQueryOptions({
    queryKey: ['contacts', 'one', no, 'interactions'],
    queryFn: ({ pageParam, signal }) =>
      api.get(
        `${path(no)}/interactions?limit=${INTERACTION_PAGE_SIZE}${pageParam === null ? '' : `&after=${encodeURIComponent(pageParam)}`}`,
        z.object({ items: z.array(interactionSchema), next: z.string().nullable() }),
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });

/** The persons of a company, a page at a time. */
export const companyPersonsQuery = (api: ConsoleApi, companyNo: string) =>
  infiniteQueryOptions({
    queryKey: ['contacts', 'list', { type: 'person', companyNo }],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ type: 'person', companyNo, limit: String(CONTACT_PAGE_SIZE) });
      if (pageParam !== null) params.set('after', pageParam);
      return api.get(`/contacts?${params.toString()}`, contactPageSchema, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });

export type CodeListKind = z.infer<typeof codeListKindSchema>;

/** `GET /setup/code-lists/{kind}`: territories, countries/regions, business relations, … for the filters and the form. */
export const codeListQuery = (api: ConsoleApi, kind: CodeListKind) =>
  queryOptions({
    queryKey: ['setup', 'code-lists', kind],
    queryFn: ({ signal }) => api.get(`/setup/code-lists/${kind}`, items(codeListEntrySchema), signal),
    // Setup changes seldom; a page opened again within five minutes does not ask again.
    staleTime: 5 * 60_000,
  });

/** `GET /salespeople`. */
export const salespeopleQuery = (api: ConsoleApi) =>
  queryOptions({
    queryKey: ['salespeople'],
    queryFn: ({ signal }) => api.get('/salespeople', items(salespersonSchema), signal),
    staleTime: 5 * 60_000,
  });

/** `POST /contacts/duplicate-check`: the contacts a new one would be a likely duplicate of; nothing is stored. */
export function useDuplicateCheck(api: ConsoleApi) {
  return useMutation({ mutationFn: (body: ContactCreateBody) => api.send('POST', '/contacts/duplicate-check', body, items(duplicateCandidateSchema)) });
}

/**
 * `POST /contacts`. The new contact is cached as it came back, and every contact list is fetched
 * again when next shown (it may belong to any of them; a company's persons list too).
 */
export function useCreateContact(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactCreateBody) => api.send('POST', '/contacts', body, contactWriteReplySchema),
    onSuccess: async ({ contact }) => {
      queryClient.setQueryData(['contacts', 'one', contact.no], contact);
      await queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
      // Its likely duplicates now list it, and so does the tenant's list of pairs.
      await queryClient.invalidateQueries({ queryKey: ['duplicates'] });
    },
  });
}
