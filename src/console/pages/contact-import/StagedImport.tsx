import {
  Badge,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { infiniteQueryOptions, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { type ContactImportView, IMPORT_OUTCOMES, type ImportOutcome, type ImportRowView } from '../../../contract/contact-import';
import { type ContactsPlainKey, type ContactsTranslate, useContactsT } from '../../i18n/contacts/contacts-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { importQuery, importRowPageSchema, importRowsPath, jobEnded, jobQuery, useDiscardImport, useRunImport } from '../../queries/contact-import';
import { useConsole } from '../../shell/console-context';
import { errorText } from '../../shell/error-text';
import { QueryError } from '../../shell/QueryError';
import { saveFile } from '../shared/save-file';
import { type VirtualColumn, VirtualTable } from '../shared/VirtualTable';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  count: { display: 'flex', flexDirection: 'column', padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  countLabel: { color: tokens.colorNeutralForeground2 },
  countValue: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  filter: { maxWidth: '20rem' },
  progress: { maxWidth: '40rem' },
  muted: { color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink },
});

const OUTCOME_LABEL: Readonly<Record<ImportOutcome, ContactsPlainKey>> = {
  created: 'import.outcome.created',
  updated: 'import.outcome.updated',
  unchanged: 'import.outcome.unchanged',
  duplicate: 'import.outcome.duplicate',
  refused: 'import.outcome.refused',
};

const OUTCOME_COLOR: Readonly<Record<ImportOutcome, 'success' | 'informative' | 'subtle' | 'warning' | 'danger'>> = {
  created: 'success',
  updated: 'informative',
  unchanged: 'subtle',
  duplicate: 'warning',
  refused: 'danger',
};

export type StagedImportProps = { id: string; onStartOver: () => void };

/**
 * An uploaded import, as far as it has come: its dry run (counts per outcome, every row with what
 * would happen to it) and the run's choices; its run, followed with a progress bar; its result,
 * with the refused rows to download.
 */
export function StagedImport({ id, onStartOver }: StagedImportProps) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const record = useQuery(importQuery(api, id));
  if (record.isPending) return <Spinner size="small" labelPosition="after" label={shell.t('common.loading')} />;
  if (record.isError) {
    return (
      <div className={styles.step}>
        <QueryError title={t('import.rowsFailed')} error={record.error} onRetry={() => void record.refetch()} />
        <div>
          <Button onClick={onStartOver}>{t('import.startOver')}</Button>
        </div>
      </div>
    );
  }
  const data = record.data;
  if (data.status === 'running' && data.job !== null) return <Running importId={id} jobId={data.job.id} />;
  if (data.status === 'imported') return <Imported record={data} onStartOver={onStartOver} />;
  return <DryRun record={data} onStartOver={onStartOver} />;
}

function Counts({ label, counts }: { label: string; counts: readonly { key: string; label: string; value: number }[] }) {
  const styles = useStyles();
  const { format } = useI18n();
  return (
    <dl className={styles.counts} aria-label={label}>
      {counts.map((count) => (
        <div key={count.key} className={styles.count}>
          <dt className={styles.countLabel}>{count.label}</dt>
          <dd className={styles.countValue}>{format.number(count.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Step({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.step} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

function DryRun({ record, onStartOver }: { record: ContactImportView; onStartOver: () => void }) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const run = useRunImport(api);
  const discard = useDiscardImport(api);
  const [duplicates, setDuplicates] = useState<'skip' | 'create'>(record.duplicates ?? 'skip');
  const [failure, setFailure] = useState<string | null>(null);
  const lastJob = record.job;

  const start = () => {
    setFailure(null);
    run.mutate(
      { id: record.id, duplicates },
      {
        // The import is running now: the page follows its job.
        onSuccess: (job) => queryClient.setQueryData(importQuery(api, record.id).queryKey, { ...record, status: 'running', duplicates, job }),
        onError: (error) => setFailure(t('import.runFailed', { reason: errorText(error, shell.t) })),
      },
    );
  };

  return (
    <>
      <Step title={t('import.dryRun')}>
        <Text className={styles.muted}>{t('import.dryRunIntro', { rows: shell.format.number(record.rowCount) })}</Text>
        <Counts label={t('import.dryRun')} counts={IMPORT_OUTCOMES.map((outcome) => ({ key: outcome, label: t(OUTCOME_LABEL[outcome]), value: record.counts[outcome] }))} />
        <div role="alert">
          {lastJob?.status === 'failed' ? (
            <MessageBar intent="error">
              <MessageBarBody>{t('import.jobFailed', { reason: lastJob.error?.message ?? '' })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {lastJob?.status === 'canceled' ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t('import.jobCanceled')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {failure === null ? null : (
            <MessageBar intent="error">
              <MessageBarBody>{failure}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <Field label={t('import.duplicates')}>
          <RadioGroup value={duplicates} onChange={(_event, data) => setDuplicates(data.value === 'create' ? 'create' : 'skip')}>
            <Radio value="skip" label={t('import.duplicates.skip')} />
            <Radio value="create" label={t('import.duplicates.create')} />
          </RadioGroup>
        </Field>
        <div className={styles.commands}>
          <Button appearance="primary" disabled={run.isPending || discard.isPending} onClick={start}>
            {t('import.run')}
          </Button>
          <Button disabled={run.isPending || discard.isPending} onClick={() => discard.mutate(record.id, { onSuccess: onStartOver, onError: (error) => setFailure(errorText(error, shell.t)) })}>
            {t('import.discard')}
          </Button>
        </div>
      </Step>
      <Rows record={record} />
    </>
  );
}

function Running({ importId, jobId }: { importId: string; jobId: string }) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const job = useQuery(jobQuery(api, jobId));
  const ended = job.data !== undefined && jobEnded(job.data);
  useEffect(() => {
    // The run has ended: the import says what became of it (imported, or staged again after a failure).
    if (ended) void queryClient.invalidateQueries({ queryKey: importQuery(api, importId).queryKey });
  }, [ended, queryClient, api, importId]);
  const progress = job.data?.progress;
  const text =
    job.data === undefined || job.data.status === 'queued'
      ? t('import.queued')
      : progress?.total === null || progress?.total === undefined
        ? t('import.progressUnknown', { done: shell.format.number(progress?.done ?? 0) })
        : t('import.progress', { done: shell.format.number(progress.done), total: shell.format.number(progress.total) });
  return (
    <Step title={t('import.progressLabel')}>
      {job.isError ? <QueryError title={t('import.progressLabel')} error={job.error} onRetry={() => void job.refetch()} /> : null}
      <Field label={t('import.progressLabel')} hint={text} className={styles.progress}>
        <ProgressBar value={progress?.total ? progress.done / progress.total : undefined} max={1} thickness="large" />
      </Field>
      <div role="status" className={styles.muted}>
        {text}
      </div>
    </Step>
  );
}

function Imported({ record, onStartOver }: { record: ContactImportView; onStartOver: () => void }) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const [downloadFailure, setDownloadFailure] = useState<string | null>(null);
  const download = async () => {
    setDownloadFailure(null);
    try {
      saveFile(await api.download(`/contacts/imports/${record.id}/refused-rows`), 'refused-rows.csv');
    } catch (error) {
      setDownloadFailure(t('import.downloadFailed', { reason: errorText(error, shell.t) }));
    }
  };
  const counts = [
    { key: 'created', label: t('import.outcome.created'), value: record.counts.created },
    { key: 'updated', label: t('import.outcome.updated'), value: record.counts.updated },
    { key: 'unchanged', label: t('import.outcome.unchanged'), value: record.counts.unchanged },
    { key: 'duplicate', label: t('import.outcome.skipped'), value: record.counts.duplicate },
    { key: 'refused', label: t('import.outcome.refused'), value: record.counts.refused },
  ];
  return (
    <>
      <Step title={t('import.done')}>
        <div role="status">
          <Text>{t('import.resultIntro')}</Text>
        </div>
        <Counts label={t('import.done')} counts={counts} />
        {record.counts.refused > 0 ? (
          <div className={styles.step}>
            <div>
              <Button appearance="primary" onClick={() => void download()}>
                {t('import.refusedRows')}
              </Button>
            </div>
            <Text className={styles.muted}>{t('import.refusedRowsHint')}</Text>
          </div>
        ) : null}
        <div role="alert">
          {downloadFailure === null ? null : (
            <MessageBar intent="error">
              <MessageBarBody>{downloadFailure}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.commands}>
          <Button onClick={onStartOver}>{t('import.startOver')}</Button>
          <Link to="/contacts" className={styles.link}>
            {t('card.backToList')}
          </Link>
        </div>
      </Step>
      <Rows record={record} />
    </>
  );
}

const rowsQuery = (api: ReturnType<typeof useConsole>['api'], id: string, outcome: ImportOutcome | null) =>
  infiniteQueryOptions({
    queryKey: [...importQuery(api, id).queryKey, 'rows', outcome ?? 'all'],
    queryFn: ({ pageParam, signal }) => api.get(importRowsPath(id, outcome, pageParam), importRowPageSchema, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
  });

/** The name a row gives its contact, from the columns mapped to the name or its parts. */
function rowName(row: ImportRowView, record: ContactImportView): string {
  const value = (field: 'name' | 'firstName' | 'middleName' | 'surname') => {
    const column = record.mapping[field];
    return column === undefined ? '' : (row.values[column] ?? '').trim();
  };
  return value('name') || [value('firstName'), value('middleName'), value('surname')].filter(Boolean).join(' ');
}

function details(t: ContactsTranslate, row: ImportRowView): string {
  if (row.problems.length > 0) {
    return row.problems
      .map((problem) => (problem.field === '' ? problem.reason : t('import.row.problem', { field: fieldLabel(t, problem.field, problem.column), reason: problem.reason })))
      .join(' ');
  }
  return row.candidates
    .map((candidate) => (candidate.contactNo !== '' ? t('import.row.likeContact', { name: candidate.name, no: candidate.contactNo }) : t('import.row.likeRow', { row: candidate.rowNo ?? '', name: candidate.name })))
    .join('; ');
}

/** A problem's field in the user's words, with the file's column it came from. */
function fieldLabel(t: ContactsTranslate, field: string, column: string): string {
  const known = (FIELD_KEYS as readonly string[]).includes(field) ? t(`field.${field as (typeof FIELD_KEYS)[number]}`) : field;
  return column === '' || column === known ? known : `${known} (${column})`;
}

const FIELD_KEYS = [
  'no', 'externalId', 'type', 'name', 'name2', 'companyNo', 'companyName', 'firstName', 'middleName', 'surname', 'jobTitle', 'address', 'address2', 'postCode', 'city', 'county',
  'countryRegionCode', 'phoneNo', 'mobilePhoneNo', 'email', 'email2', 'homePage', 'languageCode', 'salespersonCode', 'territoryCode', 'vatRegistrationNo', 'businessRelationCode',
] as const;

function Rows({ record }: { record: ContactImportView }) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const rows = useInfiniteQuery(rowsQuery(api, record.id, outcome));
  const items = useMemo(() => rows.data?.pages.flatMap((page) => page.items) ?? [], [rows.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = rows;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const columns: VirtualColumn<ImportRowView>[] = [
    { key: 'row', header: t('import.row.no'), width: '5rem', cell: (row) => row.rowNo },
    {
      key: 'outcome',
      header: t('import.row.outcome'),
      width: '10rem',
      cell: (row) => (
        <Badge appearance="tint" color={OUTCOME_COLOR[row.outcome]}>
          {t(OUTCOME_LABEL[row.outcome])}
        </Badge>
      ),
    },
    {
      key: 'contact',
      header: t('import.row.contact'),
      width: '18rem',
      cell: (row) =>
        row.contactNo === '' ? (
          rowName(row, record)
        ) : (
          <Link to="/contacts/$no" params={{ no: row.contactNo }} className={styles.link}>
            {`${row.contactNo} – ${rowName(row, record)}`}
          </Link>
        ),
    },
    { key: 'details', header: t('import.row.details'), cell: (row) => <span title={details(t, row)}>{details(t, row)}</span> },
  ];
  return (
    <Step title={t('import.rowsLabel')}>
      <Field label={t('import.rowsShown')} className={styles.filter}>
        <Select value={outcome ?? ''} onChange={(_event, data) => setOutcome(IMPORT_OUTCOMES.find((candidate) => candidate === data.value) ?? null)}>
          <option value="">{`${t('import.allRows')} (${shell.format.number(record.rowCount)})`}</option>
          {IMPORT_OUTCOMES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {`${t(OUTCOME_LABEL[candidate])} (${shell.format.number(record.counts[candidate])})`}
            </option>
          ))}
        </Select>
      </Field>
      {rows.isPending ? <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} /> : null}
      {rows.isError && rows.data === undefined ? <QueryError title={t('import.rowsFailed')} error={rows.error} onRetry={() => void rows.refetch()} /> : null}
      {rows.data !== undefined && items.length === 0 ? <Text className={styles.muted}>{t('import.noRows')}</Text> : null}
      {items.length > 0 ? (
        <VirtualTable
          label={t('import.rowsLabel')}
          columns={columns}
          rows={items}
          rowKey={(row) => String(row.rowNo)}
          hasMore={hasNextPage && !rows.isFetchNextPageError}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          loadMoreLabel={t('loadMore')}
          loadingLabel={t('loadingMore')}
          height="max(16rem, calc(100vh - 30rem))"
        />
      ) : null}
    </Step>
  );
}
