/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { ADMIN, createFakeService } from '../fake-service';
import { withSetupTables } from './fake-setup-service';

async function openSeries(code: string) {
  const user = userEvent.setup({ delay: null });
  const service = createFakeService();
  const setup = withSetupTables(service);
  await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/number-series', service });
  await user.click(await screen.findByRole('button', { name: code }));
  const form = screen.getByRole('region', { name: code });
  return { user, service, setup, form };
}

const lines = (form: HTMLElement) => within(form).getByRole('table', { name: 'Lines' });
const cell = (form: HTMLElement, label: string) => within(lines(form)).getByLabelText(label) as HTMLInputElement;
/** The next number column of a line, and the series' own next number under the lines. */
const lineNext = (form: HTMLElement, index: number) => within(lines(form)).getAllByRole('row')[index + 1]?.querySelectorAll('td')[8]?.textContent;
const seriesNext = (form: HTMLElement) => within(form).getByText('A record created today gets:').parentElement?.textContent;

test('the list shows the number each series gives next', async () => {
  const service = createFakeService();
  withSetupTables(service);
  await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/number-series', service });
  await screen.findByRole('button', { name: 'CONT' });
  const rows = within(screen.getByRole('table', { name: 'Number Series' })).getAllByRole('row').map((row) => [...row.querySelectorAll('td, th')].map((cellElement) => cellElement.textContent));
  expect(rows).toEqual([
    ['Code', 'Description', 'Next No.'],
    ['CAMP', 'Campaigns', 'CP0001'],
    ['CONT', 'Contacts', 'CT000043'],
  ]);
});

test("a line shows the number it gives next, and the series the number a record created today gets, as the line is typed", async () => {
  const { user, form } = await openSeries('CONT');
  expect(lineNext(form, 0)).toBe('CT000043');
  expect(seriesNext(form)).toBe('A record created today gets: CT000043');

  await user.clear(cell(form, 'Last No. Used, line 1'));
  await user.type(cell(form, 'Last No. Used, line 1'), 'CT000499');
  await user.clear(cell(form, 'Increment-by No., line 1'));
  await user.type(cell(form, 'Increment-by No., line 1'), '2');
  expect(lineNext(form, 0)).toBe('CT000501');
  expect(seriesNext(form)).toBe('A record created today gets: CT000501');

  // A Warning No. reached comes with the warning; a value the rules refuse says which field is wrong.
  await user.type(cell(form, 'Warning No., line 1'), 'CT000500');
  expect(lineNext(form, 0)).toBe('CT000501 (the series is running out)');
  await user.clear(cell(form, 'Ending No., line 1'));
  await user.type(cell(form, 'Ending No., line 1'), 'END');
  expect(lineNext(form, 0)).toBe('Ending No. must end in digits that can count up.');
  expect(seriesNext(form)).toBe('A record created today gets: No number until line 1 is corrected');

  // Without Default Nos. the service gives no number at all.
  await user.clear(cell(form, 'Ending No., line 1'));
  await user.type(cell(form, 'Ending No., line 1'), 'CT999999');
  await user.click(within(form).getByRole('switch', { name: 'Default Nos.' }));
  expect(seriesNext(form)).toBe('A record created today gets: No number: Default Nos. is off');
});

test('saving sends the series whole, with each line keeping its Line No. and a new line numbered after the last', async () => {
  const { user, service, setup, form } = await openSeries('CONT');
  await user.clear(cell(form, 'Last No. Used, line 1'));
  await user.type(cell(form, 'Last No. Used, line 1'), 'CT000500');
  await user.click(within(form).getByRole('button', { name: 'Add line' }));
  await user.type(cell(form, 'Starting Date, line 2'), '2099-01-01');
  await user.type(cell(form, 'Starting No., line 2'), 'C2-0001');
  await user.click(within(form).getByRole('button', { name: 'Save' }));

  expect(await within(form).findByText('Saved.')).toBeTruthy();
  expect(service.apiRequests().filter((request) => request.method === 'PUT').map((request) => [request.path, request.body])).toEqual([
    [
      '/api/v1/setup/number-series/CONT',
      {
        description: 'Contacts',
        defaultNos: true,
        manualNos: true,
        dateOrder: false,
        lines: [
          { lineNo: 10000, startingDate: null, startingNo: 'CT000001', endingNo: 'CT999999', warningNo: '', incrementByNo: 1, lastNoUsed: 'CT000500', lastDateUsed: '2025-03-01', implementation: 'normal' },
          { lineNo: 20000, startingDate: '2099-01-01', startingNo: 'C2-0001', endingNo: '', warningNo: '', incrementByNo: 1, lastNoUsed: '', lastDateUsed: null, implementation: 'normal' },
        ],
      },
    ],
  ]);
  expect(setup.state.numberSeries.find((series) => series.code === 'CONT')?.lines.map((entry) => entry.lastNoUsed)).toEqual(['CT000500', '']);
  // The list shows the saved series' next number.
  expect(within(screen.getByRole('table', { name: 'Number Series' })).getByText('CT000501')).toBeTruthy();
  expect(service.malformed).toEqual([]);
});

test("the service's problem with a line is shown at that line, and what was typed stays", async () => {
  const { user, form } = await openSeries('CAMP');
  await user.clear(cell(form, 'Ending No., line 1'));
  await user.type(cell(form, 'Ending No., line 1'), 'CP00001');
  await user.clear(cell(form, 'Starting No., line 1'));
  await user.type(cell(form, 'Starting No., line 1'), 'CP00100');
  await user.clear(cell(form, 'Last No. Used, line 1'));
  await user.type(cell(form, 'Last No. Used, line 1'), 'CP00200');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await within(form).findByText('Line 1: Starting No. CP00100 must not be greater than Ending No. CP00001.')).toBeTruthy();
  expect(cell(form, 'Starting No., line 1').value).toBe('CP00100');
});

test('removing a line takes it out of what is saved', async () => {
  const { user, service, form } = await openSeries('CAMP');
  await user.click(within(form).getByRole('button', { name: 'Remove line 1' }));
  expect(within(form).queryByRole('table', { name: 'Lines' })).toBeNull();
  expect(seriesNext(form)).toBe('A record created today gets: No number: the series has no lines');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await within(form).findByText('Saved.')).toBeTruthy();
  expect(service.apiRequests().find((request) => request.method === 'PUT')?.body).toMatchObject({ lines: [] });
});
