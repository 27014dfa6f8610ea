import { z } from 'zod';
import { code, isoDate, text } from './common';

const taskFields = {
  type: z.enum(['', 'meeting', 'phoneCall']),
  description: text(100),
  date: isoDate,
  startTime: z.iso.time().nullable(),
  durationMin: z.number().int().min(0),
  allDayEvent: z.boolean(),
  location: text(50),
  status: z.enum(['notStarted', 'inProgress', 'waiting', 'postponed']),
  priority: z.enum(['low', 'normal', 'high']),
  salespersonCode: code(20),
  teamCode: code(10),
  contactNo: code(20),
  campaignNo: code(20),
  opportunityNo: code(20),
  recurring: z.boolean(),
  recurringDateInterval: code(20),
  calcDueDateFrom: z.enum(['', 'dueDate', 'closingDate']),
};

export const taskCreateSchema = z
  .strictObject({ no: code(20), ...taskFields })
  .partial()
  .extend({ description: text(100).refine((value) => value !== '', 'Required.'), date: isoDate })
  .meta({ id: 'TaskCreate' });

export const taskPatchSchema = z
  .strictObject(taskFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change.')
  .meta({ id: 'TaskPatch' });

export const taskSchema = z
  .object({
    no: z.string(),
    type: z.string(),
    description: z.string(),
    date: z.string(),
    startTime: z.string().nullable(),
    durationMin: z.number(),
    allDayEvent: z.boolean(),
    location: z.string(),
    status: z.string(),
    priority: z.string(),
    closed: z.boolean(),
    dateClosed: z.string().nullable(),
    canceled: z.boolean(),
    completedBy: z.string(),
    salespersonCode: z.string(),
    teamCode: z.string(),
    contactNo: z.string(),
    contactCompanyNo: z.string(),
    campaignNo: z.string(),
    opportunityNo: z.string(),
    segmentNo: z.string(),
    recurring: z.boolean(),
    recurringDateInterval: z.string(),
    calcDueDateFrom: z.string(),
  })
  .meta({ id: 'Task' });
