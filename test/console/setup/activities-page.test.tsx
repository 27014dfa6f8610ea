/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConsole } from '../console-harness';
import { ADMIN, createFakeService } from '../fake-service';
import { withSetupTables } from './fake-setup-service';

// Only the date is fixed (Wednesday 2025-03-05): timers stay real, so the pages load as they do.
beforeEach(() => {
  jest.useFakeTimers({
    now: new Date(2025, 2, 5, 12, 0, 0),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'hrtime', 'performance'],
  });
});
afterEach(() => jest.useRealTimers());

async function openActivity(code: string, language = 'en-US') {
  const user = userEvent.setup({ delay: null });
  const service = createFakeService();
  const setup = withSetupTables(service);
  await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/activities', service, language });
  await user.click(await screen.findByRole('button', { name: code }));
  const form = screen.getByRole('region', { name: code });
  return { user, service, setup, form };
}

const input = (form: HTMLElement, label: string) => within(form).getByLabelText(label) as HTMLInputElement;
/** What is read after a field: its date from today, or why the formula is not one. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

test('a step’s date formula is checked as it is typed, naming the part not understood, and shows the date it gives from today', async () => {
  const { user, form } = await openActivity('QUALIFY');
  const formula = input(form, 'Date Formula, step 2');
  expect(formula.value).toBe('2W+1D');
  expect(description(formula)).toBe('From today: Mar 20, 2025');

  await user.clear(formula);
  await user.type(formula, 'CM');
  expect(description(formula)).toBe('From today: Mar 31, 2025');
  expect(formula.getAttribute('aria-invalid')).not.toBe('true');

  await user.type(formula, '+1X');
  expect(description(formula)).toBe('This is not a date formula: “X” is not understood.');
  expect(formula.getAttribute('aria-invalid')).toBe('true');

  // Saving is held back while a formula is not one; nothing is sent.
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await within(form).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
  await user.clear(formula);
  await user.type(formula, 'cw+1d');
  expect(description(formula)).toBe('From today: Mar 10, 2025');
  expect(within(form).getByText(/Date formulas count from the start date: D day, WD weekday, W week, M month, Q quarter, Y year, as in 1W; C with a unit/)).toBeTruthy();
});

test('steps are saved with their formulas language-neutral, numbered on from the last, each number once', async () => {
  const { user, service, setup, form } = await openActivity('QUALIFY');
  await user.click(within(form).getByRole('button', { name: 'Add step' }));
  expect(input(form, 'Step No., step 3').value).toBe('3');
  await user.type(input(form, 'Description, step 3'), 'Meeting');
  await user.selectOptions(input(form, 'Type, step 3'), 'Meeting');
  await user.type(input(form, 'Date Formula, step 3'), '-cw+1m');
  await user.clear(input(form, 'Step No., step 3'));
  await user.type(input(form, 'Step No., step 3'), '2');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(within(form).getAllByText('Another line has this number.')).toHaveLength(2);

  await user.clear(input(form, 'Step No., step 3'));
  await user.type(input(form, 'Step No., step 3'), '3');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await within(form).findByText('Saved.')).toBeTruthy();
  expect(service.apiRequests().filter((request) => request.method === 'PUT').map((request) => request.body)).toEqual([
    {
      description: 'Qualification',
      steps: [
        { stepNo: 1, type: '', description: 'Introduce ourselves', priority: 'normal', dateFormula: '' },
        { stepNo: 2, type: 'phoneCall', description: 'Follow-up call', priority: 'high', dateFormula: '2W+1D' },
        { stepNo: 3, type: 'meeting', description: 'Meeting', priority: 'normal', dateFormula: '-CW+1M' },
      ],
    },
  ]);
  expect(setup.state.activities[0]?.steps).toHaveLength(3);
  expect(service.malformed).toEqual([]);
});

test('in German, formulas are shown and typed with German letters and sent neutral', async () => {
  const { user, service, form } = await openActivity('QUALIFY', 'de-DE');
  const formula = input(form, 'Datumsformel, Schritt 2');
  expect(formula.value).toBe('2W+1T');
  expect(description(formula)).toBe('Ab heute: 20.03.2025');
  await user.clear(formula);
  await user.type(formula, 'lm+1t');
  expect(description(formula)).toBe('Ab heute: 01.04.2025');
  await user.clear(formula);
  // German writes years with J: Y is no letter of its formulas.
  await user.type(formula, '1Y');
  expect(description(formula)).toBe('Das ist keine Datumsformel: „Y“ wird nicht verstanden.');
  await user.clear(formula);
  await user.type(formula, '1J');
  await user.click(within(form).getByRole('button', { name: 'Speichern' }));
  expect(await within(form).findByText('Gespeichert.')).toBeTruthy();
  expect((service.apiRequests().find((request) => request.method === 'PUT')?.body as { steps: { dateFormula: string }[] }).steps.map((step) => step.dateFormula)).toEqual(['', '1Y']);
});

test("the service's problem with a step's formula, reported as steps[i].dateFormula, is shown at that step's formula", async () => {
  const { user, setup, form } = await openActivity('QUALIFY');
  setup.answerNext(
    (request) => request.method === 'PUT',
    () =>
      ({
        ok: false,
        status: 400,
        headers: { get: () => 'application/problem+json' },
        text: async () =>
          JSON.stringify({ type: 'x', status: 400, title: 'Error', detail: 'Step 2 is not valid.', code: 'date_formula_invalid', fields: [{ path: 'steps[1].dateFormula', message: 'The date formula gives a date past 9999-12-31.' }] }),
      }) as unknown as Response,
  );
  await user.type(input(form, 'Description, step 1'), '!');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  expect(await within(form).findByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.')).toBeTruthy();
  expect(description(input(form, 'Date Formula, step 2'))).toBe('The date formula gives a date past 9999-12-31.');
});
