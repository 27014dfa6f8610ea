import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../../../api/api-error';
import { useSetupI18n } from '../i18n/setup-i18n';
import { setupListQuery, useSetupWrite } from '../../../queries/setup-tables';
import { useConsole } from '../../../shell/console-context';
import { errorText } from '../../../shell/error-text';
import { PageHeading } from '../../../shell/PageHeading';
import { QueryError } from '../../../shell/QueryError';
import { type DraftValue, formulaLanguageOf, normalizePath } from './fields';
import { FieldEditor } from './FieldEditor';
import { RecordList } from './RecordList';
import { type Draft, draftOf, KEY_FIELD, keyKindOf, type Problem, recordToSend, rowMatches, sameDraft, type TableSpec } from './table-spec';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  // The list beside the open record on a wide screen, above it on a narrow one.
  layout: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 26rem), 1fr))',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXL,
    alignItems: 'start',
  },
  // A record with lines (a series' lines, a cycle's stages) needs the page's width: it goes below the list.
  stacked: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL },
  nested: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  count: { color: tokens.colorNeutralForeground2 },
  record: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: { margin: 0, ':focus': { outlineStyle: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  unsaved: { color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Which record the form shows; `session` changes when the user opens another, so the form starts afresh. */
type Selection = { key: string | null; session: number } | null;

/** What the last action on the table did, shown above the list or in the form. */
type Notice = { kind: 'deleted'; key: string } | null;

export type SetupTableProps<Row> = {
  spec: TableSpec<Row>;
  /** `page`: the page's table, under its heading, list beside form; `nested`: a table inside another record's form. */
  layout?: 'page' | 'nested';
  /** The page's heading and introduction when they are not the table's own (one page, several tables). */
  heading?: { title: string; intro: string };
  /** Shown between the page's heading and the table (the code lists' tabs). */
  above?: ReactNode;
};

/**
 * A setup table: its records as a list (filtered as the user types, drawn only as far as it is
 * seen) and the open record as a form. New creates a record, a saved record is changed and saved
 * whole, and the tables the service lets delete records have Delete. What was typed stays when a
 * save fails, and each problem the service names is shown at its field.
 */
export function SetupTable<Row>({ spec, layout = 'page', heading, above }: SetupTableProps<Row>) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const { api, me } = useConsole();
  const rows = useQuery(setupListQuery(api, spec.list));
  const [selection, setSelection] = useState<Selection>(null);
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const filterId = useId();
  const headingId = useId();
  const all = rows.data ?? [];
  const shown = all.filter((row) => rowMatches(spec, row, filter, { t, me }));
  const open = (key: string | null) => {
    setNotice(null);
    setSelection((current) => ({ key, session: (current?.session ?? 0) + 1 }));
  };
  const selectedRow = selection?.key == null ? null : (all.find((row) => spec.keyOf(row) === selection.key) ?? null);
  const existingKeys = useMemo(() => new Set(all.map((row) => spec.keyOf(row))), [all, spec]);

  const list = (
    <section className={styles.column} aria-labelledby={headingId}>
      {layout === 'nested' ? (
        <>
          <Subtitle2 as="h3" id={headingId} className={styles.heading}>
            {t(spec.title)}
          </Subtitle2>
          <Text>{t(spec.intro)}</Text>
        </>
      ) : (
        // The page's own heading names the table; the list is labelled by it without a second one.
        <span id={headingId} hidden>
          {t(spec.title)}
        </span>
      )}
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => open(null)}>
          {t(spec.newRecord)}
        </Button>
        {layout === 'page' ? (
          <Field label={t('setup.list.filter')}>
            <Input id={filterId} type="search" value={filter} onChange={(_event, data) => setFilter(data.value)} />
          </Field>
        ) : null}
        {rows.isSuccess ? (
          <Text className={styles.count} role="status">
            {filter.trim() === '' ? t('setup.list.count', { count: all.length }) : t('setup.list.filtered', { shown: shown.length, count: all.length })}
          </Text>
        ) : null}
      </div>
      <div role="status">
        {notice?.kind === 'deleted' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('setup.deleted', { key: notice.key })}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {rows.isPending ? <Spinner size="small" labelPosition="after" label={t('common.loading')} /> : null}
      {rows.isError ? <QueryError title={t('setup.list.loadFailed')} error={rows.error} onRetry={() => void rows.refetch()} /> : null}
      {rows.isSuccess && all.length === 0 ? <p className={styles.empty}>{t('setup.list.empty')}</p> : null}
      {rows.isSuccess && shown.length > 0 ? <RecordList spec={spec} rows={shown} selectedKey={selection?.key ?? null} onSelect={open} /> : null}
    </section>
  );

  const form =
    selection === null ? null : selection.key !== null && selectedRow === null ? (
      rows.isSuccess ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('setup.gone', { key: selection.key })}</MessageBarBody>
        </MessageBar>
      ) : null
    ) : (
      <RecordForm
        key={selection.session}
        spec={spec}
        row={selectedRow}
        existingKeys={existingKeys}
        layout={layout}
        onSaved={(key) => setSelection((current) => ({ key, session: current?.session ?? 0 }))}
        onDeleted={(key) => {
          setSelection(null);
          setNotice({ kind: 'deleted', key });
        }}
        onClose={() => setSelection(null)}
      />
    );

  if (layout === 'nested') {
    return (
      <div className={styles.nested}>
        {list}
        {form}
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <PageHeading title={heading?.title ?? t(spec.title)} intro={heading?.intro ?? t(spec.intro)} />
      {above}
      <div className={(spec.parts ?? []).length > 0 ? styles.stacked : styles.layout}>
        {list}
        {form}
      </div>
    </div>
  );
}

/** What the last save or delete of the open record did. */
type Outcome = { kind: 'saved' } | { kind: 'fixFields' } | { kind: 'failed'; reason: string } | { kind: 'notDeleted'; reason: string } | null;

type RecordFormProps<Row> = {
  spec: TableSpec<Row>;
  /** The saved record, or null for a new one. */
  row: Row | null;
  existingKeys: ReadonlySet<string>;
  layout: 'page' | 'nested';
  onSaved(key: string): void;
  onDeleted(key: string): void;
  onClose(): void;
};

function RecordForm<Row>({ spec, row, existingKeys, layout, onSaved, onDeleted, onClose }: RecordFormProps<Row>) {
  const styles = useStyles();
  const { t, locale } = useSetupI18n();
  const { api } = useConsole();
  const write = useSetupWrite(api);
  const headingId = useId();
  const context = useMemo(() => ({ formulaLanguage: formulaLanguageOf(locale) }), [locale]);
  const saved = useMemo(() => draftOf(spec, row, context), [spec, row, context]);
  // null: the form shows the record as saved; set once the user changes something.
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const current = draft ?? saved;
  const changed = !sameDraft(current, saved);
  const isNew = row === null;
  const key = isNew ? '' : spec.keyOf(row);

  const change = (name: string, value: unknown) => {
    setDraft((before) => ({ ...(before ?? saved), [name]: value }));
    setOutcome(null);
    // A field the user changed no longer carries the error it had; a part's errors go with any change to it.
    setErrors((before) => new Map([...before].filter(([path]) => path !== (name === KEY_FIELD ? spec.key.name : name) && !path.startsWith(`${name}.`))));
  };
  const changeField = (name: string, value: DraftValue) => change(name, value);

  const fail = (problems: readonly Problem[], reason: string | null) => {
    setErrors(new Map(problems.map((problem) => [problem.path, problem.message])));
    setOutcome(reason === null ? { kind: 'fixFields' } : { kind: 'failed', reason });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const toSend = recordToSend(spec, current, { ...context, t, existingKeys: isNew ? existingKeys : null });
    if (toSend.problems.length > 0) return fail(toSend.problems, null);
    write.mutate(
      { method: 'PUT', path: spec.savePath(toSend.key), body: toSend.body, reply: spec.saveReply },
      {
        onSuccess: () => {
          setDraft(null);
          setErrors(new Map());
          setOutcome({ kind: 'saved' });
          onSaved(toSend.key);
        },
        onError: (error) => {
          const problems = error instanceof ApiError ? error.fields.map((problem) => ({ path: normalizePath(problem.path, spec.key.name), message: problem.message })) : [];
          const placed = problems.filter((problem) => isPlaced(spec, problem.path));
          const unplaced = problems.filter((problem) => !isPlaced(spec, problem.path)).map((problem) => problem.message);
          fail(placed, placed.length > 0 && unplaced.length === 0 ? null : [errorText(error, t), ...unplaced].join(' '));
        },
      },
    );
  };

  const remove = () => {
    const deletePath = spec.deletePath;
    if (deletePath === undefined || isNew) return;
    write.mutate(
      { method: 'DELETE', path: deletePath(key), reply: z.undefined() },
      {
        onSuccess: () => onDeleted(key),
        onError: (error) => setOutcome({ kind: 'notDeleted', reason: errorText(error, t) }),
        onSettled: () => setConfirmingDelete(false),
      },
    );
  };

  // Opening a record takes the user to it: its heading is focused, so a screen reader reads where they are.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const title = isNew ? t(spec.newRecord) : key;
  return (
    <section className={styles.record} aria-labelledby={headingId}>
      <Text as={layout === 'nested' ? 'h4' : 'h2'} size={layout === 'nested' ? 400 : 500} weight="semibold" block id={headingId} className={styles.heading} ref={headingRef} tabIndex={-1}>
        {title}
      </Text>
      <form onSubmit={submit} noValidate className={styles.column}>
        <div className={styles.commands}>
          <Button type="submit" appearance="primary" disabled={!changed || write.isPending}>
            {write.isPending ? t('common.saving') : t('common.save')}
          </Button>
          {isNew ? (
            <Button type="button" onClick={onClose} disabled={write.isPending}>
              {t('setup.cancel')}
            </Button>
          ) : (
            <Button
              type="button"
              disabled={draft === null || write.isPending}
              onClick={() => {
                setDraft(null);
                setErrors(new Map());
                setOutcome(null);
              }}
            >
              {t('common.discard')}
            </Button>
          )}
          {!isNew && spec.deletePath !== undefined ? (
            <Button type="button" disabled={write.isPending} onClick={() => setConfirmingDelete(true)}>
              {t('setup.delete')}
            </Button>
          ) : null}
          {changed && !isNew ? <Text className={styles.unsaved}>{t('setup.unsaved')}</Text> : null}
        </div>
        <FormOutcome outcome={outcome} />
        <div className={styles.fields}>
          {isNew ? (
            <FieldEditor
              field={{ name: KEY_FIELD, label: spec.key.label, kind: keyKindOf(spec) }}
              value={String(current[KEY_FIELD] ?? '')}
              error={errors.get(spec.key.name)}
              onChange={changeField}
            />
          ) : null}
          {spec.fields.map((field) => (
            <FieldEditor key={field.name} field={field} value={current[field.name] as DraftValue} error={errors.get(field.name)} onChange={changeField} />
          ))}
        </div>
        {(spec.parts ?? []).map((entry) => (
          <entry.Editor key={entry.name} value={current[entry.name]} onChange={(next) => change(entry.name, next)} errors={errors} draft={current} />
        ))}
      </form>
      {row !== null && spec.Beside !== undefined ? <spec.Beside row={row} /> : null}
      <Dialog open={confirmingDelete} onOpenChange={(_event, data) => setConfirmingDelete(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('setup.deleteTitle', { key })}</DialogTitle>
            <DialogContent>{t('setup.deleteText')}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={remove} disabled={write.isPending}>
                {t('setup.delete')}
              </Button>
              <Button onClick={() => setConfirmingDelete(false)}>{t('setup.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

/** Whether a problem's path names something the form shows: the code, a field, or a part. */
function isPlaced<Row>(spec: TableSpec<Row>, path: string): boolean {
  if (path === spec.key.name || spec.fields.some((field) => field.name === path)) return true;
  return (spec.parts ?? []).some((entry) => path === entry.name || path.startsWith(`${entry.name}.`));
}

function FormOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useSetupI18n();
  // Both regions are always there, so that screen readers announce what is put into them: a save
  // politely, a failure at once.
  return (
    <>
      <div role="status">
        {outcome?.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('setup.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div role="alert">
        {outcome === null || outcome.kind === 'saved' ? null : (
          <MessageBar intent="error">
            <MessageBarBody>
              {outcome.kind === 'fixFields' ? t('setup.fixFields') : outcome.kind === 'notDeleted' ? t('setup.notDeleted', { reason: outcome.reason }) : t('setup.notSaved', { reason: outcome.reason })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
