import type { z } from 'zod';
import { activitySchema } from '../../../../contract/setup-tables';
import { dateFormulaHint } from '../shared/date-formula-hint';
import type { Choice } from '../shared/fields';
import { linesPart } from '../shared/lines';
import { duplicateNumbers, nextNumber } from '../shared/numbered-lines';
import { recordPath, SETUP_LISTS } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import type { TableSpec } from '../shared/table-spec';

type Activity = z.output<typeof activitySchema>;

const STEP_TYPES: readonly Choice[] = [
  { value: '', label: 'setup.activities.typeNone' },
  { value: 'meeting', label: 'setup.activities.typeMeeting' },
  { value: 'phoneCall', label: 'setup.activities.typePhoneCall' },
];

const PRIORITIES: readonly Choice[] = [
  { value: 'low', label: 'setup.activities.priorityLow' },
  { value: 'normal', label: 'setup.activities.priorityNormal' },
  { value: 'high', label: 'setup.activities.priorityHigh' },
];

const spec: TableSpec<Activity> = {
  title: 'nav.activities',
  intro: 'setup.activities.intro',
  newRecord: 'setup.activities.new',
  list: SETUP_LISTS.activities,
  key: { name: 'code', label: 'setup.field.code', maxLength: 10 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.field.description', text: (row) => row.description },
    { label: 'setup.activities.steps', text: (row) => String(row.steps.length) },
  ],
  fields: [{ name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } }],
  parts: [
    linesPart<Activity, Activity['steps'][number]>({
      name: 'steps',
      heading: 'setup.activities.steps',
      hint: dateFormulaHint,
      lineLabel: 'setup.activities.step',
      addLabel: 'setup.activities.addStep',
      columns: [
        { name: 'stepNo', label: 'setup.activities.stepNo', kind: { kind: 'integer', min: 1, max: 9999 } },
        { name: 'type', label: 'setup.activities.type', kind: { kind: 'choice', options: STEP_TYPES } },
        { name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } },
        { name: 'priority', label: 'setup.activities.priority', kind: { kind: 'choice', options: PRIORITIES } },
        { name: 'dateFormula', label: 'setup.activities.dateFormula', kind: { kind: 'dateFormula' } },
      ],
      linesOf: (row) => row.steps,
      newValues: (lines) => ({ stepNo: nextNumber(lines, 'stepNo'), type: '', description: '', priority: 'normal', dateFormula: '' }),
      check: (lines, t) => duplicateNumbers(lines, 'stepNo', t),
    }),
  ],
  savePath: (code) => recordPath('/setup/activities', code),
  saveReply: activitySchema,
};

/**
 * Activities and their steps (§9.2): assigning an activity creates a task per step, each dated by
 * its formula from the same start date. Formulas are typed and shown with the letters of the
 * user's language, checked as they are typed, and kept language-neutral by the service.
 */
export function ActivitiesPage() {
  return <SetupTable spec={spec} />;
}
