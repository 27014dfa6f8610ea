import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type Job, jobSchema } from '../../contract/jobs';
import type { ConsoleApi } from '../api/console-api';

/**
 * The setup tables' server state. Every key starts with `setup`, so that a change to any setup
 * record (and to Marketing Setup) refreshes every setup list on screen: the tables point at each
 * other (templates at groups and languages, stages at activities, teams at salespeople).
 */

/** A setup table's list: where it is read and what each row is. */
export type SetupList<Row> = { key: readonly unknown[]; path: string; schema: z.ZodType<Row> };

export const setupList = <Row>(key: readonly unknown[], path: string, schema: z.ZodType<Row>): SetupList<Row> => ({ key: ['setup', ...key], path, schema });

/** `GET` of a setup list, its rows checked against the contract. */
export const setupListQuery = <Row>(api: ConsoleApi, list: SetupList<Row>) =>
  queryOptions({
    queryKey: list.key,
    queryFn: async ({ signal }): Promise<Row[]> => (await api.get(list.path, z.object({ items: z.array(list.schema) }), signal)).items,
  });

/** `GET` of a setup record that is one per tenant (Interaction Template Setup, the duplicate search setup). */
export const setupRecordQuery = <Row>(api: ConsoleApi, key: readonly unknown[], path: string, schema: z.ZodType<Row>) =>
  queryOptions({ queryKey: ['setup', ...key], queryFn: ({ signal }): Promise<Row> => api.get(path, schema, signal) });

export type SetupWrite = { method: 'PUT' | 'DELETE' | 'POST'; path: string; body?: unknown; reply: z.ZodType };

/**
 * A write to a setup table. It settles once every setup list on screen has been read again, so the
 * form that saved shows the record as the service now keeps it, never the one from before.
 */
export function useSetupWrite(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: SetupWrite): Promise<unknown> => api.send(write.method, write.path, write.body, write.reply),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['setup'] }),
  });
}

/** A job's answer that has ended: nothing more will change, so following it stops. */
export const isFinalJob = (job: Job): boolean => job.status === 'succeeded' || job.status === 'failed' || job.status === 'canceled';

/** How long to wait before asking about a running job again: soon at first, then every two seconds. */
export const jobPollDelay = (answersSoFar: number): number => Math.min(2_000, 250 * 2 ** answersSoFar);

/** `GET /jobs/{id}`, asked again until the job has ended. */
export const jobQuery = (api: ConsoleApi, id: string) =>
  queryOptions({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get(`/jobs/${encodeURIComponent(id)}`, jobSchema, signal),
    refetchInterval: (query) => (query.state.data !== undefined && isFinalJob(query.state.data) ? false : jobPollDelay(query.state.dataUpdateCount)),
    staleTime: 0,
  });

/** The latest job of a kind (`GET /jobs?kind=…&limit=1`), to pick up one already running when a page opens. */
export const latestJobQuery = (api: ConsoleApi, kind: Job['kind']) =>
  queryOptions({
    queryKey: ['jobs', 'latest', kind],
    queryFn: async ({ signal }) => (await api.get(`/jobs?kind=${encodeURIComponent(kind)}&limit=1`, z.object({ items: z.array(jobSchema) }), signal)).items[0] ?? null,
    staleTime: 0,
  });
