import { Body1Strong, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { z } from 'zod';
import { noSeriesSchema } from '../../../../contract/setup';
import type { NoSeriesLine } from '../../../../domain/number-series';
import type { SetupTranslate as Translate } from '../i18n/setup-catalogue';
import { useSetupI18n } from '../i18n/setup-i18n';
import { emptyValue, type FieldSpec, parseField } from '../shared/fields';
import { type LineDraft, type LineExtraProps, linesPart } from '../shared/lines';
import { recordPath, SETUP_LISTS } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import { type Draft, KEY_FIELD, type TableSpec } from '../shared/table-spec';
import { todayIso } from '../shared/today';
import { type LineProblem, checkLine, previewLine, previewSeries, type SeriesPreview } from './number-series-preview';

type NoSeries = z.output<typeof noSeriesSchema>;

const LINE_COLUMNS: readonly FieldSpec[] = [
  { name: 'startingDate', label: 'setup.numberSeries.startingDate', kind: { kind: 'date' } },
  { name: 'startingNo', label: 'setup.numberSeries.startingNo', kind: { kind: 'code', maxLength: 20 } },
  { name: 'endingNo', label: 'setup.numberSeries.endingNo', kind: { kind: 'code', maxLength: 20 } },
  { name: 'warningNo', label: 'setup.numberSeries.warningNo', kind: { kind: 'code', maxLength: 20 } },
  { name: 'incrementByNo', label: 'setup.numberSeries.incrementByNo', kind: { kind: 'integer', min: 1, max: 1_000_000 } },
  { name: 'lastNoUsed', label: 'setup.numberSeries.lastNoUsed', kind: { kind: 'code', maxLength: 20 } },
  { name: 'lastDateUsed', label: 'setup.numberSeries.lastDateUsed', kind: { kind: 'date' } },
  {
    name: 'implementation',
    label: 'setup.numberSeries.implementation',
    kind: {
      kind: 'choice',
      options: [
        { value: 'normal', label: 'setup.numberSeries.normal' },
        { value: 'sequence', label: 'setup.numberSeries.sequence' },
      ],
    },
  },
];

/** Business Central numbers lines 10000, 20000, …; a new line comes after the last. */
const LINE_NO_STEP = 10_000;

/** A line as typed, in the domain's terms; null while a value cannot be read (a date or an increment half typed). */
function typedLine(line: LineDraft): NoSeriesLine | null {
  const values: Record<string, unknown> = {};
  for (const column of LINE_COLUMNS) {
    // No column is a date formula, so the language its letters would be read in does not matter.
    const parsed = parseField(column.kind, line.values[column.name] ?? emptyValue(column.kind), { formulaLanguage: 'en' });
    if (!parsed.ok) return null;
    values[column.name] = parsed.value;
  }
  return { ...(values as Omit<NoSeriesLine, 'lineNo' | 'open'>), lineNo: Number(line.carried['lineNo'] ?? 0), open: true };
}

const seriesFlags = (draft: Draft) => ({ code: String(draft[KEY_FIELD] ?? ''), defaultNos: draft['defaultNos'] === true, dateOrder: draft['dateOrder'] === true });

/** A preview in the user's words. */
function previewText(preview: SeriesPreview | { kind: 'closed' }, t: Translate): string {
  switch (preview.kind) {
    case 'next':
      return preview.warning ? t('setup.numberSeries.nextWarning', { no: preview.no }) : preview.no;
    case 'closed':
      return t('setup.numberSeries.closed');
    case 'noDefaultNos':
      return t('setup.numberSeries.noDefaultNos');
    case 'noLines':
      return t('setup.numberSeries.noLines');
    case 'invalidLine':
      return t('setup.numberSeries.fixLine', { n: preview.index + 1 });
    case 'noOpenLine':
      return t('setup.numberSeries.noOpenLine');
    case 'exhausted':
      return preview.no === null ? t('setup.numberSeries.usedUp') : t('setup.numberSeries.exhausted', { no: preview.no });
    case 'dateOrder':
      return t('setup.numberSeries.dateOrderBlocks', { date: preview.date });
    case 'cannotCount':
      return t('setup.numberSeries.cannotCount');
  }
}

/** Why a line as typed gives no number, naming the field at fault. */
function lineProblemText(problem: LineProblem, t: Translate): string {
  const column = LINE_COLUMNS.find((entry) => entry.name === problem.field);
  const field = column === undefined ? '' : t(column.label);
  switch (problem.kind) {
    case 'increment':
      return t('setup.numberSeries.problem.increment');
    case 'required':
      return t('setup.numberSeries.problem.required');
    case 'endingForWarning':
      return t('setup.numberSeries.problem.endingForWarning');
    case 'startAfterEnd':
      return t('setup.numberSeries.problem.startAfterEnd');
    case 'tooLong':
      return t('setup.numberSeries.problem.tooLong', { field });
    case 'noDigits':
      return t('setup.numberSeries.problem.noDigits', { field });
    case 'format':
      return t('setup.numberSeries.problem.format', { field });
  }
}

const useStyles = makeStyles({
  problem: { color: tokens.colorPaletteRedForeground1 },
  summary: { margin: 0 },
});

/** A line's own next number as it is typed, or what keeps it from giving one. */
function LineNext({ lines, index, draft }: LineExtraProps) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const line = lines[index];
  const typed = line === undefined ? null : typedLine(line);
  if (typed === null) return <Text>–</Text>;
  const checked = checkLine(typed);
  if (!checked.ok) return <Text className={styles.problem}>{lineProblemText(checked.problem, t)}</Text>;
  return <Text>{previewText(previewLine(seriesFlags(draft), checked.line, todayIso()), t)}</Text>;
}

/** The number the series as typed would give a record created today. */
function SeriesNext({ lines, draft }: { lines: readonly LineDraft[]; draft: Draft }) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const typed = lines.map(typedLine);
  const unreadable = typed.findIndex((line) => line === null);
  const preview: SeriesPreview = unreadable >= 0 ? { kind: 'invalidLine', index: unreadable } : previewSeries(seriesFlags(draft), typed as NoSeriesLine[], todayIso());
  return (
    <p className={styles.summary} role="status">
      <Body1Strong>{t('setup.numberSeries.seriesNext')}</Body1Strong> <Text>{previewText(preview, t)}</Text>
    </p>
  );
}

const spec: TableSpec<NoSeries> = {
  title: 'nav.numberSeries',
  intro: 'setup.numberSeries.intro',
  newRecord: 'setup.numberSeries.new',
  list: SETUP_LISTS.numberSeries,
  key: { name: 'code', label: 'setup.field.code', maxLength: 20 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.field.description', text: (row) => row.description },
    { label: 'setup.numberSeries.nextNo', text: (row, { t }) => previewText(previewSeries(row, row.lines, todayIso()), t) },
  ],
  fields: [
    { name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } },
    { name: 'defaultNos', label: 'setup.numberSeries.defaultNos', hint: 'setup.numberSeries.defaultNosHint', kind: { kind: 'flag' } },
    { name: 'manualNos', label: 'setup.numberSeries.manualNos', hint: 'setup.numberSeries.manualNosHint', kind: { kind: 'flag' } },
    { name: 'dateOrder', label: 'setup.numberSeries.dateOrder', hint: 'setup.numberSeries.dateOrderHint', kind: { kind: 'flag' } },
  ],
  parts: [
    linesPart<NoSeries, NoSeries['lines'][number]>({
      name: 'lines',
      heading: 'setup.numberSeries.lines',
      hint: 'setup.numberSeries.linesHint',
      lineLabel: 'setup.numberSeries.line',
      addLabel: 'setup.numberSeries.addLine',
      columns: LINE_COLUMNS,
      linesOf: (row) => row.lines,
      carried: (line, lines) => ({ lineNo: line?.lineNo ?? Math.max(0, ...lines.map((entry) => Number(entry.carried['lineNo'] ?? 0))) + LINE_NO_STEP }),
      newValues: () => ({ startingDate: '', startingNo: '', endingNo: '', warningNo: '', incrementByNo: '1', lastNoUsed: '', lastDateUsed: '', implementation: 'normal' }),
      extra: { label: 'setup.numberSeries.nextNo', Component: LineNext },
      Summary: SeriesNext,
    }),
  ],
  savePath: (code) => recordPath('/setup/number-series', code),
  saveReply: noSeriesSchema,
};

/**
 * Number series (§3) and their lines, each line with the number it gives next and the series with
 * the number a record created today would get, computed by the service's own rules as lines are typed.
 */
export function NumberSeriesPage() {
  return <SetupTable spec={spec} />;
}
