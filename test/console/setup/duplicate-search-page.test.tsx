/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jobPollDelay } from '../../../src/console/queries/setup-tables';
import { renderConsole } from '../console-harness';
import { ADMIN, createFakeService } from '../fake-service';
import { withSetupTables } from './fake-setup-service';

async function openPage() {
  const user = userEvent.setup({ delay: null });
  const service = createFakeService();
  const setup = withSetupTables(service);
  await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/duplicate-search', service });
  await screen.findByRole('button', { name: 'Generate' });
  const generate = screen.getByRole('region', { name: 'Generate Duplicate Search Strings' });
  return { user, service, setup, generate };
}

const jobReads = (service: ReturnType<typeof createFakeService>) => service.apiRequests().filter((request) => /^\/api\/v1\/jobs\/[0-9a-f-]+$/.test(request.path));

test('a running job is asked about soon at first, then every two seconds', () => {
  expect([0, 1, 2, 3, 4, 10].map(jobPollDelay)).toEqual([250, 500, 1000, 2000, 2000, 2000]);
});

test('Generate starts the rebuild job and follows it: a progress bar while it runs, what it did when it is done', async () => {
  const { user, service, setup, generate } = await openPage();
  await user.click(within(generate).getByRole('button', { name: 'Generate' }));

  // The job is followed with GET /jobs/{id} until it ends: queued, then half, then all of its contacts.
  const progress = await within(generate).findByRole('progressbar');
  expect(progress).toBeTruthy();
  expect((within(generate).getByRole('button', { name: 'Generate' }) as HTMLButtonElement).disabled).toBe(true);
  expect(await within(generate).findByText('2 of 4 contacts indexed')).toBeTruthy();
  expect(within(generate).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.5');
  expect(await within(generate).findByText('Done: 4 contacts indexed, 1 duplicate pairs found.')).toBeTruthy();
  expect(within(generate).queryByRole('progressbar')).toBeNull();
  expect((within(generate).getByRole('button', { name: 'Generate' }) as HTMLButtonElement).disabled).toBe(false);

  expect(service.apiRequests().filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/api/v1/setup/duplicate-search/rebuild']);
  const id = setup.state.jobs[0]?.id;
  expect(jobReads(service).every((request) => request.path === `/api/v1/jobs/${id}`)).toBe(true);
  // Once it has ended it is not asked about again.
  const reads = jobReads(service).length;
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect(jobReads(service)).toHaveLength(reads);
  expect(service.malformed).toEqual([]);
});

test('a rebuild already running when Generate is pressed is followed instead, and the page says so', async () => {
  const { user, setup, generate } = await openPage();
  setup.state.jobs.push({
    id: '00000000-0000-4000-8000-0000000000aa',
    kind: 'duplicate-search-rebuild',
    status: 'running',
    progress: { done: 1, total: 4 },
    outcome: null,
    error: null,
    createdBy: 'someone@nordlys.example',
    createdAt: '2025-03-05T08:59:00.000Z',
    startedAt: '2025-03-05T08:59:01.000Z',
    finishedAt: null,
  });
  await user.click(within(generate).getByRole('button', { name: 'Generate' }));
  expect(await within(generate).findByText('A rebuild is already running; its progress is shown.')).toBeTruthy();
  expect(await within(generate).findByText('Done: 4 contacts indexed, 1 duplicate pairs found.')).toBeTruthy();
  expect(setup.state.jobs).toHaveLength(1);
});

test('a rebuild running when the page opens is shown with its progress', async () => {
  const service = createFakeService();
  const setup = withSetupTables(service);
  setup.state.jobs.push({
    id: '00000000-0000-4000-8000-0000000000bb',
    kind: 'duplicate-search-rebuild',
    status: 'queued',
    progress: { done: 0, total: null },
    outcome: null,
    error: null,
    createdBy: 'someone@nordlys.example',
    createdAt: '2025-03-05T08:59:00.000Z',
    startedAt: null,
    finishedAt: null,
  });
  await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/duplicate-search', service });
  expect(await screen.findByRole('progressbar')).toBeTruthy();
  expect(await screen.findByText('Done: 4 contacts indexed, 1 duplicate pairs found.')).toBeTruthy();
});

test('saving the setup replaces its rows, says the strings are being rebuilt and follows that rebuild; one row per field and part', async () => {
  const { user, service, setup } = await openPage();
  const form = await screen.findByRole('form', { name: 'Search string setup' });
  expect(await within(form).findByText('With 3 search strings and a Search Hit % of 60, companies are duplicates when 2 of their strings match.')).toBeTruthy();
  await user.click(within(form).getByRole('button', { name: 'Add row' }));
  expect(within(form).getByText('With 4 search strings and a Search Hit % of 60, companies are duplicates when 3 of their strings match.')).toBeTruthy();
  // The new row starts as Name, First: the first row has that already.
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(within(form).getAllByText('Another row has this field and part.')).toHaveLength(2);
  expect(service.apiRequests().filter((request) => request.method === 'PUT')).toEqual([]);

  await user.selectOptions(within(form).getByLabelText('Field, row 4'), 'Phone No.');
  await user.clear(within(form).getByLabelText('Length, row 4'));
  await user.type(within(form).getByLabelText('Length, row 4'), '7');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await within(form).findByText('Saved. The search strings of every company are being rebuilt with the new setup.')).toBeTruthy();
  expect(service.apiRequests().find((request) => request.method === 'PUT')?.body).toEqual({
    rows: [
      { field: 'name', part: 'first', length: 5 },
      { field: 'name', part: 'last', length: 5 },
      { field: 'city', part: 'first', length: 5 },
      { field: 'phoneNo', part: 'first', length: 7 },
    ],
  });
  expect(setup.state.duplicateRows).toHaveLength(4);
  await waitFor(() => expect(screen.getByText('Done: 4 contacts indexed, 1 duplicate pairs found.')).toBeTruthy(), { timeout: 5_000 });
  expect(service.malformed).toEqual([]);
});
