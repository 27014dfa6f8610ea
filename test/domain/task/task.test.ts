import { cancelTask, closeTask, newTask, reopenTask, validateTask, type Task } from '../../../src/domain/task/task';
import { rapportErrorOf } from '../rapport-error';

const task = (values: Partial<Task> = {}): Task => ({
  no: 'TD000001',
  type: 'phoneCall',
  description: 'Follow up the offer',
  date: '2025-03-05',
  startTime: null,
  durationMin: 0,
  allDayEvent: false,
  location: '',
  status: 'notStarted',
  priority: 'normal',
  closed: false,
  dateClosed: null,
  canceled: false,
  completedBy: '',
  salespersonCode: 'AL',
  teamCode: '',
  contactNo: 'CT000001',
  contactCompanyNo: 'CT000001',
  campaignNo: '',
  opportunityNo: '',
  segmentNo: '',
  recurring: false,
  recurringDateInterval: '',
  calcDueDateFrom: '',
  ...values,
});

describe('tasks (§9.1)', () => {
  test('closing sets Completed, Closed and Date Closed', () => {
    expect(closeTask(task(), '2025-03-07', 'anna@nordlys.example')).toEqual({
      task: expect.objectContaining({ status: 'completed', closed: true, dateClosed: '2025-03-07', completedBy: 'anna@nordlys.example' }),
      next: null,
    });
  });

  test.each([
    ['from its due date', 'dueDate', '2025-03-12'],
    ['from its closing date', 'closingDate', '2025-03-14'],
  ] as const)('a recurring task hands on a copy dated %s', (_case, calcDueDateFrom, date) => {
    const { next } = closeTask(task({ recurring: true, recurringDateInterval: '1W', calcDueDateFrom }), '2025-03-07', 'AL');
    expect(next).toMatchObject({ date, closed: false, status: 'notStarted', recurring: true, dateClosed: null });
  });

  test('reopening clears Canceled, Date Closed and Completed By and sets In Progress', () => {
    const closed = cancelTask(task(), '2025-03-07');
    expect(reopenTask(closed)).toMatchObject({ closed: false, canceled: false, dateClosed: null, completedBy: '', status: 'inProgress' });
  });

  test('canceling closes the task and stops it recurring', () => {
    expect(cancelTask(task({ recurring: true, recurringDateInterval: '1M', calcDueDateFrom: 'dueDate' }), '2025-03-07')).toMatchObject({ canceled: true, closed: true, recurring: false });
  });

  test.each([
    ['no salesperson or team', { salespersonCode: '' }, 'salespersonCode'],
    ['a date before 1900', { date: '1899-12-31' }, 'date'],
    ['a duration over 10 years', { durationMin: 10 * 366 * 24 * 60 }, 'durationMin'],
    ['recurring without an interval', { recurring: true, calcDueDateFrom: 'dueDate' as const }, 'recurringDateInterval'],
    ['recurring without Calc. Due Date From', { recurring: true, recurringDateInterval: '1W' }, 'calcDueDateFrom'],
  ])('a task with %s is refused', (_case, values, field) => {
    expect(rapportErrorOf(() => validateTask(task(values))).fields?.[0]?.path).toBe(field);
  });

  test('an invalid recurring interval is refused as a date formula', () => {
    expect(rapportErrorOf(() => validateTask(task({ recurring: true, recurringDateInterval: '1X', calcDueDateFrom: 'dueDate' }))).code).toBe('date_formula_invalid');
  });

  test('a team task needs Completed By', () => {
    expect(rapportErrorOf(() => closeTask(task({ salespersonCode: '', teamCode: 'SALES' }), '2025-03-07', '')).fields?.[0]?.path).toBe('completedBy');
  });

  test('a closed task cannot be closed again, an open one not reopened', () => {
    expect(rapportErrorOf(() => closeTask(task({ closed: true }), '2025-03-07', 'AL')).code).toBe('conflict');
    expect(rapportErrorOf(() => reopenTask(task())).code).toBe('conflict');
  });
});

describe('a new task', () => {
  test('is open, not started, of normal priority, with the number and salesperson decided for it', () => {
    expect(newTask({ description: 'Call Kim', date: '2025-03-07' }, { no: 'TD000001', salespersonCode: 'AL' })).toMatchObject({
      no: 'TD000001',
      status: 'notStarted',
      priority: 'normal',
      closed: false,
      canceled: false,
      dateClosed: null,
      salespersonCode: 'AL',
      startTime: null,
      durationMin: 0,
      recurring: false,
    });
  });

  test.each([
    ['a salesperson', { salespersonCode: 'BO' }, 'salespersonCode', 'BO'],
    ['a priority', { priority: 'high' as const }, 'priority', 'high'],
    ['a type', { type: 'phoneCall' as const }, 'type', 'phoneCall'],
    ['a contact', { contactNo: 'CT000002' }, 'contactNo', 'CT000002'],
  ])('keeps %s it is given', (_case, fields, field, value) => {
    expect(newTask({ description: 'Call Kim', date: '2025-03-07', ...fields }, { no: 'TD1', salespersonCode: 'AL' })[field as keyof Task]).toBe(value);
  });
});
