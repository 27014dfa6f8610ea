import { infiniteQueryOptions, type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type campaignBodySchema,
  campaignEntrySchema,
  campaignListItemSchema,
  type campaignPatchSchema,
  campaignSchema,
  campaignStatisticsSchema,
  itemSchema,
  type priceLineBodySchema,
  priceLineSchema,
  targetGroupSchema,
} from '../../contract/campaigns';
import { campaignPerformanceSchema } from '../../contract/pipeline';
import { segmentListItemSchema } from '../../contract/segments';
import { activitySchema, describedCodeSchema } from '../../contract/setup-tables';
import { taskSchema } from '../../contract/tasks';
import type { ConsoleApi } from '../api/console-api';

/**
 * The campaign pages' server state. Every key of a campaign starts with `campaigns`, so that a
 * write to one refreshes its card's every part and the list: a change of dates moves its price
 * lines' dates, a canceled entry its statistics, activating its target group and the list's
 * Activated column.
 */

/** Campaigns the list asks for at a time. */
export const CAMPAIGN_PAGE_SIZE = 100;

/** Segments a card asks for at a time: a campaign has a handful. */
export const CAMPAIGN_SEGMENT_PAGE_SIZE = 50;

export type CampaignCreateBody = z.input<typeof campaignBodySchema>;
export type CampaignPatch = z.input<typeof campaignPatchSchema>;
export type PriceLineBody = z.input<typeof priceLineBodySchema>;
export type AssignActivityBody = { activityCode: string; startDate?: string; salespersonCode?: string };

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const path = (no: string) => `/campaigns/${encodeURIComponent(no)}`;
const oneKey = (no: string) => ['campaigns', 'one', no] as const;

/** `GET /campaigns`, page after page by its keyset (`after` = the previous page's `next`). */
export const campaignListQuery = (api: ConsoleApi) =>
  infiniteQueryOptions({
    queryKey: ['campaigns', 'list'],
    queryFn: ({ pageParam, signal }) =>
      api.get(
        `/campaigns?limit=${CAMPAIGN_PAGE_SIZE}${pageParam === null ? '' : `&after=${encodeURIComponent(pageParam)}`}`,
        z.object({ items: z.array(campaignListItemSchema), next: z.string().nullable() }),
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });

/** `GET /campaigns/{no}`. */
export const campaignQuery = (api: ConsoleApi, no: string) => queryOptions({ queryKey: oneKey(no), queryFn: ({ signal }) => api.get(path(no), campaignSchema, signal) });

/** `GET /campaigns/{no}/price-lines`: its sales prices and line discounts. */
export const priceLinesQuery = (api: ConsoleApi, no: string) =>
  queryOptions({ queryKey: [...oneKey(no), 'price-lines'], queryFn: ({ signal }) => api.get(`${path(no)}/price-lines`, items(priceLineSchema), signal) });

/** `GET /campaigns/{no}/segments`: the segments that name the campaign. */
export const campaignSegmentsQuery = (api: ConsoleApi, no: string) =>
  infiniteQueryOptions({
    queryKey: [...oneKey(no), 'segments'],
    queryFn: ({ pageParam, signal }) =>
      api.get(
        `${path(no)}/segments?limit=${CAMPAIGN_SEGMENT_PAGE_SIZE}${pageParam === null ? '' : `&after=${encodeURIComponent(pageParam)}`}`,
        z.object({ items: z.array(segmentListItemSchema), next: z.string().nullable() }),
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });

/** `GET /campaigns/{no}/target-group`: the group in force (empty unless activated). */
export const targetGroupQuery = (api: ConsoleApi, no: string) =>
  queryOptions({ queryKey: [...oneKey(no), 'target-group'], queryFn: ({ signal }) => api.get(`${path(no)}/target-group`, targetGroupSchema, signal) });

/**
 * `GET /campaigns/{no}/target-group/preview`: the group Activate would make now. Asked afresh each
 * time it is shown and not kept: it is what the manager confirms, so it must be today's.
 */
export const targetGroupPreviewQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: [...oneKey(no), 'target-group-preview'],
    queryFn: ({ signal }) => api.get(`${path(no)}/target-group/preview`, targetGroupSchema, signal),
    staleTime: 0,
    gcTime: 0,
  });

/** `GET /campaigns/{no}/entries`. */
export const campaignEntriesQuery = (api: ConsoleApi, no: string) =>
  queryOptions({ queryKey: [...oneKey(no), 'entries'], queryFn: ({ signal }) => api.get(`${path(no)}/entries`, items(campaignEntrySchema), signal) });

/** `GET /campaigns/{no}/statistics`: Business Central's Campaign Statistics. */
export const campaignStatisticsQuery = (api: ConsoleApi, no: string) =>
  queryOptions({ queryKey: [...oneKey(no), 'statistics'], queryFn: ({ signal }) => api.get(`${path(no)}/statistics`, campaignStatisticsSchema, signal) });

/** `GET /campaigns/{no}/performance`: the funnel in distinct contacts. */
export const campaignPerformanceQuery = (api: ConsoleApi, no: string) =>
  queryOptions({ queryKey: [...oneKey(no), 'performance'], queryFn: ({ signal }) => api.get(`${path(no)}/performance`, campaignPerformanceSchema, signal) });

/** `GET /tasks?campaignNo=…`: the campaign's open tasks (a salesperson's own, as the service decides). */
export const campaignTasksQuery = (api: ConsoleApi, no: string) =>
  queryOptions({
    queryKey: [...oneKey(no), 'tasks'],
    queryFn: ({ signal }) => api.get(`/tasks?${new URLSearchParams({ campaignNo: no, limit: '500' }).toString()}`, items(taskSchema), signal),
  });

/** `GET /items`: what a price line may name. */
export const itemsQuery = (api: ConsoleApi) =>
  queryOptions({ queryKey: ['campaigns', 'items'], queryFn: ({ signal }) => api.get('/items', items(itemSchema), signal), staleTime: 5 * 60_000 });

/** `GET /setup/campaign-statuses`, as the choices of a campaign's Status Code (under `setup`, so a change there refreshes them). */
export const campaignStatusesQuery = (api: ConsoleApi) =>
  queryOptions({ queryKey: ['setup', 'campaign-statuses', 'choices'], queryFn: ({ signal }) => api.get('/setup/campaign-statuses', items(describedCodeSchema), signal), staleTime: 5 * 60_000 });

/** `GET /setup/activities`, as the activities a campaign can be assigned. */
export const activitiesQuery = (api: ConsoleApi) =>
  queryOptions({ queryKey: ['setup', 'activities', 'choices'], queryFn: ({ signal }) => api.get('/setup/activities', items(activitySchema), signal), staleTime: 5 * 60_000 });

/**
 * What a campaign write may have changed besides the campaign: every campaign's parts and the list,
 * and what contact cards show of campaigns (the running campaigns that target a contact, and its
 * interactions, which a canceled entry cancels).
 */
async function refreshAfterWrite(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['campaigns'] }),
    queryClient.invalidateQueries({ queryKey: ['contacts', 'one'], predicate: (query) => query.queryKey[3] === 'campaigns' || query.queryKey[3] === 'interactions' }),
  ]);
}

/** `POST /campaigns`: the new campaign is cached as it came back, and the list is fetched again. */
export function useCreateCampaign(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignCreateBody) => api.send('POST', '/campaigns', body, campaignSchema),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(oneKey(campaign.no), campaign);
      await queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] });
    },
  });
}

/** `PATCH /campaigns/{no}` with the fields that changed; the answer is the campaign as saved. */
export function useUpdateCampaign(api: ConsoleApi, no: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CampaignPatch) => api.send('PATCH', path(no), patch, campaignSchema),
    onSuccess: async (campaign) => {
      queryClient.setQueryData(oneKey(no), campaign);
      await refreshAfterWrite(queryClient);
    },
  });
}

/**
 * `DELETE /campaigns/{no}`. Only the list is refreshed here: the card that asked is leaving, and
 * fetching its campaign again would only find it gone (the page forgets it once it has moved on).
 */
export function useDeleteCampaign(api: ConsoleApi, no: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.send('DELETE', path(no), undefined, z.undefined()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] }),
  });
}

/** `PUT /campaigns/{no}/price-lines`: the lines replaced whole; each takes the campaign's dates. */
export function useSavePriceLines(api: ConsoleApi, no: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lines: PriceLineBody[]) => api.send('PUT', `${path(no)}/price-lines`, { lines }, items(priceLineSchema)),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...oneKey(no), 'price-lines'], saved);
      await refreshAfterWrite(queryClient);
    },
  });
}

const activationReplySchema = z.object({ members: z.array(z.object({ type: z.enum(['customer', 'contact']), no: z.string() })), warnings: z.array(z.string()) });

/** `POST /campaigns/{no}/activate` or `/deactivate`. */
export function useActivation(api: ConsoleApi, no: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'activate' | 'deactivate') =>
      action === 'activate' ? api.send('POST', `${path(no)}/activate`, undefined, activationReplySchema) : api.send('POST', `${path(no)}/deactivate`, undefined, z.undefined()),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

/** `PUT /campaign-entries/{entryNo}/canceled` (cancel or restore), or `DELETE /campaign-entries/{entryNo}` (a canceled one). */
export function useEntryWrite(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: { entryNo: number; action: 'cancel' | 'restore' | 'delete' }) => {
      const entryPath = `/campaign-entries/${write.entryNo}`;
      return write.action === 'delete'
        ? api.send('DELETE', entryPath, undefined, z.undefined())
        : api.send('PUT', `${entryPath}/canceled`, { canceled: write.action === 'cancel' }, campaignEntrySchema);
    },
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

/** `POST /campaigns/{no}/assign-activity`: one task per step of the activity, for the campaign. */
export function useAssignActivity(api: ConsoleApi, no: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignActivityBody) => api.send('POST', `${path(no)}/assign-activity`, body, items(taskSchema)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...oneKey(no), 'tasks'] }),
  });
}
