/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createConsoleApi } from '../../../src/console/api/console-api';
import { createConsoleQueryClient } from '../../../src/console/queries/query-client';
import { MARKETING_SETUP_KEY, useSaveMarketingSetup } from '../../../src/console/queries/marketing-setup';
import { ADMIN, createFakeService } from '../fake-service';

test('a saved change becomes the cached setup at once, and the rest of setup is fetched again when next shown', async () => {
  const service = createFakeService();
  const api = createConsoleApi({ baseUrl: 'http://rapport.test', fetch: service.fetch, getToken: async () => `token-for:${ADMIN.email}` });
  const queryClient = createConsoleQueryClient({ onUnauthenticated: () => undefined });
  queryClient.setQueryData(MARKETING_SETUP_KEY, service.setup);
  queryClient.setQueryData(['setup', 'number-series'], { items: [] });
  queryClient.setQueryData(['me'], { name: 'Astrid' });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useSaveMarketingSetup(api), { wrapper });

  await act(() => result.current.mutateAsync({ searchHitPercent: 80 }));

  expect(queryClient.getQueryData(MARKETING_SETUP_KEY)).toEqual({ ...service.setup, searchHitPercent: 80 });
  expect(queryClient.getQueryData<Record<string, unknown>>(MARKETING_SETUP_KEY)).not.toHaveProperty('duplicateSearchRebuild');
  expect(queryClient.getQueryState(MARKETING_SETUP_KEY)?.isInvalidated).toBe(false);
  expect(queryClient.getQueryState(['setup', 'number-series'])?.isInvalidated).toBe(true);
  expect(queryClient.getQueryState(['me'])?.isInvalidated).toBe(false);
  expect(service.apiRequests().map((request) => [request.method, request.path])).toEqual([['PATCH', '/api/v1/setup/marketing']]);
});
