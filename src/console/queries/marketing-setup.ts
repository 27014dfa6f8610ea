import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { marketingSetupSchema, type MarketingSetupBody } from '../../contract/marketing-setup';
import { marketingSetupChangedSchema } from '../../contract/marketing-setup-change';
import type { ConsoleApi } from '../api/console-api';

export const MARKETING_SETUP_KEY = ['setup', 'marketing'] as const;

/** `GET /setup/marketing`. */
export const marketingSetupQuery = (api: ConsoleApi) =>
  queryOptions({
    queryKey: MARKETING_SETUP_KEY,
    queryFn: ({ signal }) => api.get('/setup/marketing', marketingSetupSchema, signal),
  });

/**
 * `PATCH /setup/marketing` with the fields that changed. The answer is the whole setup as saved
 * (coupled flags applied): it becomes the cached setup at once, and everything else under `setup`
 * is invalidated, since a change here (number series, defaults) shows in other setup pages.
 */
export function useSaveMarketingSetup(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<MarketingSetupBody>) => api.send('PATCH', '/setup/marketing', patch, marketingSetupChangedSchema),
    onSuccess: async ({ duplicateSearchRebuild: _rebuild, ...setup }) => {
      queryClient.setQueryData(MARKETING_SETUP_KEY, setup);
      // The setup itself just came back whole; fetching it again would only repeat the answer.
      await queryClient.invalidateQueries({ queryKey: ['setup'], predicate: (query) => query.queryKey[1] !== MARKETING_SETUP_KEY[1] });
    },
  });
}
