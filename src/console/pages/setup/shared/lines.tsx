import { Body1, Button, makeStyles, mergeClasses, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { type ComponentType, type ReactNode, useId } from 'react';
import type { SetupTranslate as Translate } from '../i18n/setup-catalogue';
import type { LabelKey, LineLabelKey } from './message-keys';
import { type SetupI18n as I18n, useSetupI18n } from '../i18n/setup-i18n';
import { type DraftValue, editorValue, emptyValue, type FieldContext, type FieldSpec, parseField, problemText } from './fields';
import { FieldEditor } from './FieldEditor';
import { type Draft, part, type PartEditorProps, type PartSpec, type Problem } from './table-spec';

/** One line as the form holds it: its columns as typed, and what it keeps without showing (a Line No.). */
export type LineDraft = { values: Readonly<Record<string, DraftValue>>; carried: Readonly<Record<string, unknown>> };

export type LineExtraProps = { lines: readonly LineDraft[]; index: number; draft: Draft };

/**
 * A part of a record that is a list of lines, each a row of fields (number series lines, sales
 * cycle stages, activity steps, salutation formulas, the duplicate search setup).
 */
export type LinesOptions<Row, LineRow> = {
  name: string;
  heading: LabelKey;
  /** The name a line is read out by: "Line {n}". */
  lineLabel: LineLabelKey;
  addLabel: LabelKey;
  /** Shown above the lines: a message, or words made from the user's language (a date formula's letters). */
  hint?: LabelKey | ((i18n: I18n) => string);
  columns: readonly FieldSpec[];
  linesOf(row: Row): readonly LineRow[];
  /** A saved line's values by column, in their wire form; by default the line's own properties. */
  toColumns?(line: LineRow): Readonly<Record<string, unknown>>;
  /** What a line keeps without showing it, sent as it is; a new line's (`line` null) from the lines before it. */
  carried?(line: LineRow | null, lines: readonly LineDraft[]): Record<string, unknown>;
  /** A new line's values, from the lines before it; by default each column's empty value. */
  newValues?(lines: readonly LineDraft[]): Record<string, DraftValue>;
  /** The line in its wire form from its parsed columns and what it carries; by default both together. */
  toLine?(columns: Record<string, unknown>, carried: Readonly<Record<string, unknown>>): unknown;
  /** Problems between lines (one formula per language and type); paths are `<index>.<column>` or `<index>`. */
  check?(lines: readonly Record<string, unknown>[], t: Translate): Problem[];
  /**
   * A column of its own, computed from the line (a series' next number, a salutation's example):
   * after the column named `after`, else after all the fields.
   */
  extra?: { label: LabelKey; Component: ComponentType<LineExtraProps>; after?: string };
  /** Shown under the lines (a series' next number). */
  Summary?: ComponentType<{ lines: readonly LineDraft[]; draft: Draft }>;
};

/** The lines as a part of a table's spec: read from a saved record, edited as a table, sent as an array. */
export function linesPart<Row, LineRow>(options: LinesOptions<Row, LineRow>): PartSpec<Row, unknown> {
  const toDraft = (line: LineRow, lines: readonly LineDraft[], context: FieldContext): LineDraft => {
    const columns = options.toColumns?.(line) ?? (line as Readonly<Record<string, unknown>>);
    return {
      values: Object.fromEntries(options.columns.map((column) => [column.name, editorValue(column.kind, columns[column.name], context)])),
      carried: options.carried?.(line, lines) ?? {},
    };
  };
  function Editor(props: PartEditorProps<readonly LineDraft[]>) {
    return <LinesEditor {...props} options={options as LinesOptions<unknown, unknown>} />;
  }
  Editor.displayName = `LinesEditor(${options.name})`;
  return part<Row, readonly LineDraft[]>({
    name: options.name,
    fromRow(row, context) {
      const lines: LineDraft[] = [];
      for (const line of row === null ? [] : options.linesOf(row)) lines.push(toDraft(line, lines, context));
      return lines;
    },
    toBody(lines, context) {
      const problems: Problem[] = [];
      const parsedLines = lines.map((line, index) => {
        const parsed: Record<string, unknown> = {};
        for (const column of options.columns) {
          const result = parseField(column.kind, line.values[column.name] ?? emptyValue(column.kind), context);
          if (result.ok) parsed[column.name] = result.value;
          else problems.push({ path: `${options.name}.${index}.${column.name}`, message: problemText(result.problem, context.t) });
        }
        return parsed;
      });
      for (const problem of options.check?.(parsedLines, context.t) ?? []) problems.push({ ...problem, path: `${options.name}.${problem.path}` });
      return { value: parsedLines.map((parsed, index) => (options.toLine ?? ((columns, carried) => ({ ...carried, ...columns })))(parsed, lines[index]?.carried ?? {})), problems };
    },
    Editor,
  });
}

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: 'max-content', tableLayout: 'auto' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, minWidth: '7rem' },
  narrow: { minWidth: '4.5rem' },
  lineError: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type LinesEditorProps = PartEditorProps<readonly LineDraft[]> & { options: LinesOptions<unknown, unknown> };

function LinesEditor({ value: lines, onChange, errors, draft, options }: LinesEditorProps) {
  const styles = useStyles();
  const i18n = useSetupI18n();
  const { t } = i18n;
  const headingId = useId();
  const setValue = (index: number, name: string, next: DraftValue) =>
    onChange(lines.map((line, at) => (at === index ? { ...line, values: { ...line.values, [name]: next } } : line)));
  const add = () => {
    const values = options.newValues?.(lines) ?? Object.fromEntries(options.columns.map((column) => [column.name, emptyValue(column.kind)]));
    onChange([...lines, { values, carried: options.carried?.(null, lines) ?? {} }]);
  };
  const remove = (index: number) => onChange(lines.filter((_line, at) => at !== index));
  const Extra = options.extra?.Component;
  const columnsAndExtra = withExtra(options.columns, options.extra);
  const partError = errors.get(options.name);
  return (
    <section className={styles.part} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t(options.heading)}
      </Subtitle2>
      {options.hint === undefined ? null : (
        <Body1 as="p" className={styles.hint}>
          {typeof options.hint === 'function' ? options.hint(i18n) : t(options.hint)}
        </Body1>
      )}
      {lines.length === 0 ? null : (
        <div className={styles.scroll}>
          <Table size="small" className={styles.table} aria-labelledby={headingId}>
            <TableHeader>
              <TableRow>
                {columnsAndExtra.map((column) =>
                  column === EXTRA ? <TableHeaderCell key={EXTRA}>{t(options.extra?.label ?? 'setup.lines.actions')}</TableHeaderCell> : <TableHeaderCell key={column.name}>{t(column.label)}</TableHeaderCell>,
                )}
                <TableHeaderCell>{t('setup.lines.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.flatMap((line, index) => {
                const lineName = t(options.lineLabel, { n: index + 1 });
                const lineErrors = lineProblems(errors, `${options.name}.${index}`, options.columns);
                const rows: ReactNode[] = [
                  <TableRow key={index}>
                    {columnsAndExtra.map((column) =>
                      column === EXTRA ? (
                        Extra === undefined ? null : (
                          <TableCell key={EXTRA} className={styles.cell}>
                            <Extra lines={lines} index={index} draft={draft} />
                          </TableCell>
                        )
                      ) : (
                        <TableCell key={column.name} className={mergeClasses(styles.cell, (column.kind.kind === 'flag' || column.kind.kind === 'integer') && styles.narrow)}>
                          <FieldEditor
                            field={column}
                            value={line.values[column.name] ?? emptyValue(column.kind)}
                            error={errors.get(`${options.name}.${index}.${column.name}`)}
                            onChange={(name, next) => setValue(index, name, next)}
                            label={`${t(column.label)}, ${lineName}`}
                            compact
                          />
                        </TableCell>
                      ),
                    )}
                    <TableCell className={styles.cell}>
                      <Button size="small" onClick={() => remove(index)} aria-label={t('setup.lines.removeNamed', { line: lineName })}>
                        {t('setup.lines.remove')}
                      </Button>
                    </TableCell>
                  </TableRow>,
                ];
                if (lineErrors.length > 0) {
                  rows.push(
                    <TableRow key={`${index}-problems`}>
                      <TableCell colSpan={options.columns.length + (Extra === undefined ? 1 : 2)}>
                        <Text className={styles.lineError}>{`${lineName.charAt(0).toLocaleUpperCase(i18n.locale)}${lineName.slice(1)}: ${lineErrors.join(' ')}`}</Text>
                      </TableCell>
                    </TableRow>,
                  );
                }
                return rows;
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <div className={styles.actions}>
        <Button onClick={add}>{t(options.addLabel)}</Button>
        {lines.length === 0 ? <Text>{t('setup.lines.none')}</Text> : null}
      </div>
      {partError === undefined ? null : <Text className={styles.lineError}>{partError}</Text>}
      {options.Summary === undefined ? null : <options.Summary lines={lines} draft={draft} />}
    </section>
  );
}

const EXTRA = '#extra';

/** The columns in their order, with the extra column where it goes. */
function withExtra(columns: readonly FieldSpec[], extra: LinesOptions<unknown, unknown>['extra']): (FieldSpec | typeof EXTRA)[] {
  if (extra === undefined) return [...columns];
  const at = extra.after === undefined ? columns.length : columns.findIndex((column) => column.name === extra.after) + 1;
  return [...columns.slice(0, at), EXTRA, ...columns.slice(at)];
}

/** The problems of a line that no cell shows: the whole line's (`lines.2`), or a path under it that is no column. */
function lineProblems(errors: ReadonlyMap<string, string>, prefix: string, columns: readonly FieldSpec[]): string[] {
  const cells = new Set(columns.map((column) => `${prefix}.${column.name}`));
  return [...errors].filter(([path]) => (path === prefix || path.startsWith(`${prefix}.`)) && !cells.has(path)).map(([, message]) => message);
}
