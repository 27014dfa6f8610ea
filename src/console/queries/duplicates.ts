import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { duplicatePairDetailSchema, duplicatePairPageSchema } from '../../contract/duplicates';
import type { ConsoleApi } from '../api/console-api';

/** Which pairs the Contact Duplicates page lists: those still to look at, those marked separate, or all. */
export type PairShown = 'toReview' | 'separate' | 'all';

const SEPARATE_FILTER: Readonly<Record<PairShown, string>> = { toReview: '&separateContacts=false', separate: '&separateContacts=true', all: '' };

/** Pairs the page asks for at a time. */
export const PAIR_PAGE_SIZE = 100;

/** `GET /contact-duplicates`, page after page by its keyset. */
export const duplicatePairsQuery = (api: ConsoleApi, shown: PairShown) =>
  infiniteQueryOptions({
    queryKey: ['duplicates', 'pairs', shown],
    queryFn: ({ pageParam, signal }) =>
      api.get(`/contact-duplicates?limit=${PAIR_PAGE_SIZE}${SEPARATE_FILTER[shown]}${pageParam === null ? '' : `&after=${encodeURIComponent(pageParam)}`}`, duplicatePairPageSchema, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });

/** `GET /contacts/{no}/duplicates/{duplicateNo}`: the pair with both contacts' search strings. */
export const duplicatePairQuery = (api: ConsoleApi, contactNo: string, duplicateNo: string) =>
  queryOptions({
    queryKey: ['duplicates', 'pair', contactNo, duplicateNo],
    queryFn: ({ signal }) => api.get(`/contacts/${encodeURIComponent(contactNo)}/duplicates/${encodeURIComponent(duplicateNo)}`, duplicatePairDetailSchema, signal),
  });

/**
 * `PUT /contacts/{no}/duplicates/{duplicateNo}`: marks a pair as separate contacts (or takes the
 * mark off). The tenant's pairs and both contacts' duplicates are fetched again when next shown.
 */
export function useMarkSeparate(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactNo, duplicateNo, separateContacts }: { contactNo: string; duplicateNo: string; separateContacts: boolean }) =>
      api.send('PUT', `/contacts/${encodeURIComponent(contactNo)}/duplicates/${encodeURIComponent(duplicateNo)}`, { separateContacts }, z.object({ separateContacts: z.boolean() })),
    onSuccess: async (_answer, { contactNo, duplicateNo }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['duplicates'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts', 'one', contactNo, 'duplicates'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts', 'one', duplicateNo, 'duplicates'] }),
      ]);
    },
  });
}
