import { calcDate } from '../date-formula';
import { RapportError } from '../errors';

/** Task ("To-do", §9.1). Dates are `YYYY-MM-DD`. */
export type TaskType = '' | 'meeting' | 'phoneCall';
export type TaskStatus = 'notStarted' | 'inProgress' | 'completed' | 'waiting' | 'postponed';
export type TaskPriority = 'low' | 'normal' | 'high';

export type Task = {
  no: string;
  type: TaskType;
  description: string;
  date: string;
  startTime: string | null;
  durationMin: number;
  allDayEvent: boolean;
  location: string;
  status: TaskStatus;
  priority: TaskPriority;
  closed: boolean;
  dateClosed: string | null;
  canceled: boolean;
  completedBy: string;
  salespersonCode: string;
  teamCode: string;
  contactNo: string;
  contactCompanyNo: string;
  campaignNo: string;
  opportunityNo: string;
  segmentNo: string;
  recurring: boolean;
  recurringDateInterval: string;
  calcDueDateFrom: '' | 'dueDate' | 'closingDate';
};

/** What a user gives when creating a task: a description and a date, the rest optional. */
export type NewTaskFields = Partial<Omit<Task, 'closed' | 'dateClosed' | 'canceled' | 'completedBy' | 'contactCompanyNo' | 'segmentNo'>> & Pick<Task, 'description' | 'date'>;

/**
 * A new, open task from the fields given, every other field at its initial value. The caller
 * supplies what it decides itself: the number and the salesperson when the fields name none.
 */
export function newTask(fields: NewTaskFields, decided: { no: string; salespersonCode: string }): Task {
  return {
    no: decided.no,
    type: fields.type ?? '',
    description: fields.description,
    date: fields.date,
    startTime: fields.startTime ?? null,
    durationMin: fields.durationMin ?? 0,
    allDayEvent: fields.allDayEvent ?? false,
    location: fields.location ?? '',
    status: fields.status ?? 'notStarted',
    priority: fields.priority ?? 'normal',
    closed: false,
    dateClosed: null,
    canceled: false,
    completedBy: '',
    salespersonCode: fields.salespersonCode ?? decided.salespersonCode,
    teamCode: fields.teamCode ?? '',
    contactNo: fields.contactNo ?? '',
    contactCompanyNo: '',
    campaignNo: fields.campaignNo ?? '',
    opportunityNo: fields.opportunityNo ?? '',
    segmentNo: '',
    recurring: fields.recurring ?? false,
    recurringDateInterval: fields.recurringDateInterval ?? '',
    calcDueDateFrom: fields.calcDueDateFrom ?? '',
  };
}

const MAX_DURATION_MIN = 10 * 365 * 24 * 60;

const invalid = (path: string, message: string) => new RapportError('validation_failed', message, { fields: [{ path, message }] });

/**
 * §9.1's field rules: a salesperson or a team; a date in 1900..2999; a duration of 1 minute to 10
 * years when given; a recurring task needs its interval (a valid date formula) and what to count it
 * from.
 */
export function validateTask(task: Task): void {
  if (task.salespersonCode === '' && task.teamCode === '') throw invalid('salespersonCode', 'A task needs a salesperson or a team.');
  if (task.date < '1900-01-01' || task.date > '2999-12-31') throw invalid('date', 'The date must lie between 1900 and 2999.');
  if (task.durationMin !== 0 && (task.durationMin < 1 || task.durationMin > MAX_DURATION_MIN)) throw invalid('durationMin', 'The duration must be between 1 minute and 10 years.');
  if (task.recurring) {
    if (task.recurringDateInterval === '') throw invalid('recurringDateInterval', 'A recurring task needs a Recurring Date Interval.');
    if (task.calcDueDateFrom === '') throw invalid('calcDueDateFrom', 'A recurring task needs Calc. Due Date From.');
    calcDate(task.recurringDateInterval, task.date);
  }
}

/**
 * Closing a task (§9.1): Status Completed, Closed, Date Closed today. A recurring task hands on an
 * open copy dated by its interval from the due date or from today (the closing date).
 */
export function closeTask(task: Task, today: string, completedBy: string): { task: Task; next: Omit<Task, 'no'> | null } {
  if (task.closed) throw new RapportError('conflict', `Task ${task.no} is already closed.`);
  if (task.teamCode !== '' && completedBy === '') throw invalid('completedBy', 'A team task needs Completed By before it is closed.');
  const closed: Task = { ...task, status: 'completed', closed: true, dateClosed: today, completedBy };
  if (!task.recurring) return { task: closed, next: null };
  const { no: _no, ...rest } = task;
  const from = task.calcDueDateFrom === 'closingDate' ? today : task.date;
  return { task: closed, next: { ...rest, date: calcDate(task.recurringDateInterval, from), status: 'notStarted', closed: false, dateClosed: null, canceled: false, completedBy: '' } };
}

/** Reopening clears Canceled, Date Closed and Completed By and sets In Progress (§9.1). */
export function reopenTask(task: Task): Task {
  if (!task.closed) throw new RapportError('conflict', `Task ${task.no} is open.`);
  return { ...task, closed: false, canceled: false, dateClosed: null, completedBy: '', status: 'inProgress' };
}

/** Canceled ⇒ Closed (§9.1); a canceled task does not recur. */
export function cancelTask(task: Task, today: string): Task {
  if (task.closed) throw new RapportError('conflict', `Task ${task.no} is already closed.`);
  return { ...task, canceled: true, closed: true, dateClosed: today, status: 'completed', recurring: false };
}
