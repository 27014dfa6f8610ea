import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { accountKindSchema } from '../../contract/business-relations';
import { contactImportSchema, type ImportMapping, type ImportOutcome, importRowSchema, savedMappingSchema } from '../../contract/contact-import';
import { type Job, jobSchema, type JobStatus } from '../../contract/jobs';
import type { ConsoleApi } from '../api/console-api';

export type AccountKind = z.infer<typeof accountKindSchema>;

/** `GET /contacts/import/mapping`: the columns the tenant's managers mapped last time. */
export const savedMappingQuery = (api: ConsoleApi) =>
  queryOptions({
    queryKey: ['contact-import', 'mapping'],
    queryFn: ({ signal }) => api.get('/contacts/import/mapping', savedMappingSchema, signal),
  });

/** `GET /contacts/imports/{id}`: an import's counts per outcome, its status and its latest run. */
export const importQuery = (api: ConsoleApi, id: string) =>
  queryOptions({
    queryKey: ['contact-import', 'imports', id],
    queryFn: ({ signal }) => api.get(`/contacts/imports/${id}`, contactImportSchema, signal),
  });

/** Rows the dry run's table shows at a time. */
export const IMPORT_ROW_PAGE_SIZE = 100;

export const importRowPageSchema = z.object({ items: z.array(importRowSchema), next: z.number().nullable() });

/** `GET /contacts/imports/{id}/rows`, of one outcome or all, in file order. */
export const importRowsPath = (id: string, outcome: ImportOutcome | null, after: number) =>
  `/contacts/imports/${id}/rows?limit=${IMPORT_ROW_PAGE_SIZE}&after=${after}${outcome === null ? '' : `&outcome=${outcome}`}`;

const FINAL: readonly JobStatus[] = ['succeeded', 'failed', 'canceled'];

/** Whether a job has ended, one way or another. */
export const jobEnded = (job: Job): boolean => FINAL.includes(job.status);

/** How often a running job is asked about. */
export const JOB_POLL_MS = 1000;

/** `GET /jobs/{id}`, asked again every second until the job has ended. */
export const jobQuery = (api: ConsoleApi, id: string) =>
  queryOptions({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => api.get(`/jobs/${id}`, jobSchema, signal),
    refetchInterval: (query) => (query.state.data !== undefined && jobEnded(query.state.data) ? false : JOB_POLL_MS),
    // A job's progress is news every time: never served from the cache as fresh.
    staleTime: 0,
  });

/** `PUT /contacts/import/mapping`: the mapping the next upload of the tenant proposes. */
export function useSaveMapping(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapping: ImportMapping) => api.send('PUT', '/contacts/import/mapping', { mapping }, savedMappingSchema),
    onSuccess: (saved) => queryClient.setQueryData(['contact-import', 'mapping'], saved),
  });
}

/** `POST /contacts/import` with the file and its mapping: stages it and answers with the dry run's counts. */
export function useUploadImport(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping }: { file: Blob; mapping: ImportMapping }) =>
      api.upload(`/contacts/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}`, file, 'text/csv', contactImportSchema),
    onSuccess: (staged) => queryClient.setQueryData(['contact-import', 'imports', staged.id], staged),
  });
}

/** `POST /contacts/imports/{id}/run`: the background job that applies the import. */
export function useRunImport(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, duplicates }: { id: string; duplicates: 'skip' | 'create' }) => api.send('POST', `/contacts/imports/${id}/run`, { duplicates }, jobSchema),
    onSuccess: (job) => queryClient.setQueryData(['jobs', job.id], job),
  });
}

/** `DELETE /contacts/imports/{id}`: the staged rows go; contacts an earlier run created stay. */
export function useDiscardImport(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.send('DELETE', `/contacts/imports/${id}`, undefined, z.undefined()),
    onSuccess: (_answer, id) => queryClient.removeQueries({ queryKey: ['contact-import', 'imports', id] }),
  });
}

/** `POST /contacts/create-from-accounts/{kind}`: Create Contacts from Customers / Vendors / Bank Accounts, as a job. */
export function useCreateContactsFromAccounts(api: ConsoleApi) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: AccountKind) => api.send('POST', `/contacts/create-from-accounts/${kind}`, undefined, jobSchema),
    onSuccess: (job) => queryClient.setQueryData(['jobs', job.id], job),
  });
}

/** What a finished Create Contacts from … job reports (its `outcome`). */
export const createContactsOutcomeSchema = z.object({
  kind: accountKindSchema,
  created: z.number().int(),
  alreadyLinked: z.number().int(),
  firstContactNo: z.string().nullable(),
  lastContactNo: z.string().nullable(),
});
