import type { z } from 'zod';
import { salesCycleSchema } from '../../../../contract/setup-tables';
import { dateFormulaHint } from '../shared/date-formula-hint';
import type { Choice } from '../shared/fields';
import { linesPart } from '../shared/lines';
import { duplicateNumbers, nextNumber } from '../shared/numbered-lines';
import { recordPath, SETUP_LISTS } from '../shared/lists';
import { REFERENCES } from '../shared/references';
import { SetupTable } from '../shared/SetupTable';
import type { TableSpec } from '../shared/table-spec';

type SalesCycle = z.output<typeof salesCycleSchema>;

const CALCULATIONS: readonly Choice[] = [
  { value: 'multiply', label: 'setup.salesCycles.multiply' },
  { value: 'add', label: 'setup.salesCycles.add' },
  { value: 'chancesOfSuccessPct', label: 'setup.salesCycles.chancesOfSuccessPct' },
  { value: 'completedPct', label: 'setup.salesCycles.completedPct' },
];

const spec: TableSpec<SalesCycle> = {
  title: 'nav.salesCycles',
  intro: 'setup.salesCycles.intro',
  newRecord: 'setup.salesCycles.new',
  list: SETUP_LISTS.salesCycles,
  key: { name: 'code', label: 'setup.field.code', maxLength: 10 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.field.description', text: (row) => row.description },
    { label: 'setup.salesCycles.stages', text: (row) => String(row.stages.length) },
    { label: 'setup.salesCycles.blocked', text: (row, { t }) => (row.blocked ? t('setup.yes') : '') },
  ],
  fields: [
    { name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } },
    { name: 'probabilityCalculation', label: 'setup.salesCycles.probabilityCalculation', hint: 'setup.salesCycles.probabilityCalculationHint', kind: { kind: 'choice', options: CALCULATIONS } },
    { name: 'blocked', label: 'setup.salesCycles.blocked', hint: 'setup.salesCycles.blockedHint', kind: { kind: 'flag' } },
  ],
  parts: [
    linesPart<SalesCycle, SalesCycle['stages'][number]>({
      name: 'stages',
      heading: 'setup.salesCycles.stages',
      hint: dateFormulaHint,
      lineLabel: 'setup.salesCycles.stage',
      addLabel: 'setup.salesCycles.addStage',
      columns: [
        { name: 'stage', label: 'setup.salesCycles.stageNo', kind: { kind: 'integer', min: 1, max: 9999 } },
        { name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } },
        { name: 'completedPct', label: 'setup.salesCycles.completedPctColumn', kind: { kind: 'decimal', min: 0, max: 100 } },
        { name: 'chancesOfSuccessPct', label: 'setup.salesCycles.chancesOfSuccessPctColumn', kind: { kind: 'decimal', min: 0, max: 100 } },
        { name: 'activityCode', label: 'setup.salesCycles.activityCode', kind: { kind: 'reference', source: REFERENCES.activities, maxLength: 10 } },
        { name: 'quoteRequired', label: 'setup.salesCycles.quoteRequired', kind: { kind: 'flag' } },
        { name: 'allowSkip', label: 'setup.salesCycles.allowSkip', kind: { kind: 'flag' } },
        { name: 'dateFormula', label: 'setup.salesCycles.dateFormula', kind: { kind: 'dateFormula' } },
      ],
      linesOf: (row) => row.stages,
      newValues: (lines) => ({
        stage: nextNumber(lines, 'stage'),
        description: '',
        completedPct: '0',
        chancesOfSuccessPct: '0',
        activityCode: '',
        quoteRequired: false,
        allowSkip: false,
        dateFormula: '',
      }),
      check: (lines, t) => duplicateNumbers(lines, 'stage', t),
    }),
  ],
  savePath: (code) => recordPath('/setup/sales-cycles', code),
  saveReply: salesCycleSchema,
};

/**
 * Sales cycles and their stages (§8.2): how an opportunity's probability is calculated, and per
 * stage its completion and chances, the activity it starts, whether it needs a quote or may be
 * skipped, and the formula of its expected closing date.
 */
export function SalesCyclesPage() {
  return <SetupTable spec={spec} />;
}
