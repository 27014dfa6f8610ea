import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, Spinner, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import { type Job, jobSchema } from '../../../../contract/jobs';
import { duplicateSearchSetupSchema } from '../../../../contract/setup';
import { ApiError } from '../../../api/api-error';
import type { SetupTranslate as Translate } from '../i18n/setup-catalogue';
import { useSetupI18n } from '../i18n/setup-i18n';
import { marketingSetupQuery } from '../../../queries/marketing-setup';
import { isFinalJob, jobQuery, latestJobQuery, setupRecordQuery, useSetupWrite } from '../../../queries/setup-tables';
import { useConsole } from '../../../shell/console-context';
import { errorText } from '../../../shell/error-text';
import { PageHeading } from '../../../shell/PageHeading';
import { QueryError } from '../../../shell/QueryError';
import { type Choice, formulaLanguageOf, normalizePath } from '../shared/fields';
import { type LineDraft, linesPart } from '../shared/lines';
import type { Problem } from '../shared/table-spec';

type DuplicateSetup = z.output<typeof duplicateSearchSetupSchema>;

const FIELDS: readonly Choice[] = [
  { value: 'name', label: 'setup.duplicateSearch.field.name' },
  { value: 'name2', label: 'setup.duplicateSearch.field.name2' },
  { value: 'address', label: 'setup.duplicateSearch.field.address' },
  { value: 'address2', label: 'setup.duplicateSearch.field.address2' },
  { value: 'city', label: 'setup.duplicateSearch.field.city' },
  { value: 'postCode', label: 'setup.duplicateSearch.field.postCode' },
  { value: 'county', label: 'setup.duplicateSearch.field.county' },
  { value: 'phoneNo', label: 'setup.duplicateSearch.field.phoneNo' },
  { value: 'mobilePhoneNo', label: 'setup.duplicateSearch.field.mobilePhoneNo' },
  { value: 'vatRegistrationNo', label: 'setup.duplicateSearch.field.vatRegistrationNo' },
  { value: 'email', label: 'setup.duplicateSearch.field.email' },
  { value: 'email2', label: 'setup.duplicateSearch.field.email2' },
  { value: 'homePage', label: 'setup.duplicateSearch.field.homePage' },
];
const PARTS: readonly Choice[] = [
  { value: 'first', label: 'setup.duplicateSearch.first' },
  { value: 'last', label: 'setup.duplicateSearch.last' },
];

/** The setup's rows as a lines part: the same editor as every other list of lines. */
const rowsPart = linesPart<DuplicateSetup, DuplicateSetup['rows'][number]>({
  name: 'rows',
  heading: 'setup.duplicateSearch.rows',
  hint: 'setup.duplicateSearch.rowsHint',
  lineLabel: 'setup.duplicateSearch.row',
  addLabel: 'setup.duplicateSearch.addRow',
  columns: [
    { name: 'field', label: 'setup.duplicateSearch.fieldColumn', kind: { kind: 'choice', options: FIELDS } },
    { name: 'part', label: 'setup.duplicateSearch.part', kind: { kind: 'choice', options: PARTS } },
    { name: 'length', label: 'setup.duplicateSearch.length', kind: { kind: 'integer', min: 2, max: 10 } },
  ],
  linesOf: (setup) => setup.rows,
  newValues: () => ({ field: 'name', part: 'first', length: '5' }),
  check: (rows, t) => {
    // One row per field and part: the table's key.
    const keys = rows.map((row) => `${String(row['field'])}/${String(row['part'])}`);
    return keys.flatMap((key, index): Problem[] => (keys.indexOf(key) !== keys.lastIndexOf(key) ? [{ path: `${index}.part`, message: t('setup.duplicateSearch.onePerPart') }] : []));
  },
});

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, maxWidth: '60rem' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  text: { margin: 0, maxWidth: '70ch' },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  unsaved: { color: tokens.colorNeutralForeground2 },
});

/**
 * Duplicate Search String Setup (§4): which part of which field, how many characters, make a
 * company's search strings. Saving replaces the setup and starts a rebuild of every company's
 * strings; Generate starts one on its own. Either is a background job, followed here to its end.
 */
export function DuplicateSearchPage() {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const { api } = useConsole();
  const setup = useQuery(setupRecordQuery(api, ['duplicate-search'], '/setup/duplicate-search', duplicateSearchSetupSchema));
  const latest = useQuery(latestJobQuery(api, 'duplicate-search-rebuild'));
  const [followed, setFollowed] = useState<string | null>(null);
  // The job to show: the one this page started, else one still running when the page opened.
  const running = latest.data !== undefined && latest.data !== null && !isFinalJob(latest.data) ? latest.data.id : null;
  const jobId = followed ?? running;
  return (
    <div className={styles.page}>
      <PageHeading title={t('nav.duplicateSearch')} intro={t('setup.duplicateSearch.intro')} />
      {setup.isPending ? <Spinner size="small" labelPosition="after" label={t('common.loading')} /> : null}
      {setup.isError ? <QueryError title={t('setup.duplicateSearch.loadFailed')} error={setup.error} onRetry={() => void setup.refetch()} /> : null}
      <Generate jobId={jobId} onStarted={setFollowed} />
      {setup.isSuccess ? <SetupForm saved={setup.data} onRebuild={setFollowed} /> : null}
    </div>
  );
}

type Outcome = { kind: 'saved' } | { kind: 'fixFields' } | { kind: 'failed'; reason: string } | null;

function SetupForm({ saved, onRebuild }: { saved: DuplicateSetup; onRebuild(jobId: string): void }) {
  const styles = useStyles();
  const { t, locale } = useSetupI18n();
  const { api } = useConsole();
  const write = useSetupWrite(api);
  const marketing = useQuery(marketingSetupQuery(api));
  const context = useMemo(() => ({ formulaLanguage: formulaLanguageOf(locale) }), [locale]);
  const savedRows = useMemo(() => rowsPart.fromRow(saved, context) as readonly LineDraft[], [saved, context]);
  const headingId = useId();
  const [rows, setRows] = useState<readonly LineDraft[] | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const current = rows ?? savedRows;
  const changed = JSON.stringify(current) !== JSON.stringify(savedRows);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (write.isPending) return;
    const { value, problems } = rowsPart.toBody(current, { ...context, t });
    if (problems.length > 0) {
      setErrors(new Map(problems.map((problem) => [problem.path, problem.message])));
      setOutcome({ kind: 'fixFields' });
      return;
    }
    write.mutate(
      { method: 'PUT', path: '/setup/duplicate-search', body: { rows: value }, reply: duplicateSearchSetupSchema.extend({ rebuild: jobSchema }) },
      {
        onSuccess: (reply) => {
          setRows(null);
          setErrors(new Map());
          setOutcome({ kind: 'saved' });
          onRebuild((reply as { rebuild: Job }).rebuild.id);
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fields.map((problem) => ({ path: normalizePath(problem.path, 'rows'), message: problem.message })) : [];
          const placed = fields.filter((problem) => problem.path.startsWith('rows'));
          setErrors(new Map(placed.map((problem) => [problem.path, problem.message])));
          setOutcome(placed.length > 0 ? { kind: 'fixFields' } : { kind: 'failed', reason: errorText(error, t) });
        },
      },
    );
  };

  const threshold = marketing.isSuccess && current.length > 0 ? Math.ceil((current.length * marketing.data.searchHitPercent) / 100) : null;
  return (
    <form className={styles.section} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('setup.duplicateSearch.setupHeading')}
      </Subtitle1>
      <div className={styles.commands}>
        <Button type="submit" appearance="primary" disabled={!changed || write.isPending}>
          {write.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button
          type="button"
          disabled={rows === null || write.isPending}
          onClick={() => {
            setRows(null);
            setErrors(new Map());
            setOutcome(null);
          }}
        >
          {t('common.discard')}
        </Button>
        {changed ? <Text className={styles.unsaved}>{t('setup.unsaved')}</Text> : null}
      </div>
      <div role="status">
        {outcome?.kind === 'saved' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('setup.duplicateSearch.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div role="alert">
        {outcome === null || outcome.kind === 'saved' ? null : (
          <MessageBar intent="error">
            <MessageBarBody>{outcome.kind === 'fixFields' ? t('setup.fixFields') : t('setup.notSaved', { reason: outcome.reason })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <rowsPart.Editor
        value={current}
        onChange={(next) => {
          setRows(next as readonly LineDraft[]);
          setErrors(new Map());
          setOutcome(null);
        }}
        errors={errors}
        draft={{}}
      />
      {threshold === null || !marketing.isSuccess ? null : (
        <Body1 as="p" className={styles.text}>
          {t('setup.duplicateSearch.threshold', { rows: current.length, percent: marketing.data.searchHitPercent, needed: threshold })}
        </Body1>
      )}
    </form>
  );
}

/** Generate Duplicate Search Strings: starts the rebuild job, and shows the one followed with its progress. */
function Generate({ jobId, onStarted }: { jobId: string | null; onStarted(jobId: string): void }) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const write = useSetupWrite(api);
  const headingId = useId();
  const [refused, setRefused] = useState<string | null>(null);
  const job = useQuery({ ...jobQuery(api, jobId ?? ''), enabled: jobId !== null });
  const busy = jobId !== null && (job.data === undefined || !isFinalJob(job.data));

  const generate = () => {
    setRefused(null);
    write.mutate(
      { method: 'POST', path: '/setup/duplicate-search/rebuild', reply: jobSchema },
      {
        onSuccess: (started) => onStarted((started as Job).id),
        onError: async (error) => {
          if (error instanceof ApiError && error.status === 409) {
            // One rebuild at a time: the one already under way is followed instead.
            const latest = await queryClient.fetchQuery({ ...latestJobQuery(api, 'duplicate-search-rebuild'), staleTime: 0 }).catch(() => null);
            if (latest !== null && !isFinalJob(latest)) {
              onStarted(latest.id);
              setRefused(t('setup.duplicateSearch.alreadyRunning'));
              return;
            }
          }
          setRefused(t('setup.duplicateSearch.notStarted', { reason: errorText(error, t) }));
        },
      },
    );
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t('setup.duplicateSearch.generate')}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {t('setup.duplicateSearch.generateText')}
      </Body1>
      <div className={styles.commands}>
        <Button appearance="primary" onClick={generate} disabled={write.isPending || busy}>
          {t('setup.duplicateSearch.generateButton')}
        </Button>
      </div>
      <div role="alert">{refused === null ? null : <Text>{refused}</Text>}</div>
      {job.isError ? <QueryError title={t('setup.duplicateSearch.jobFailedToLoad')} error={job.error} onRetry={() => void job.refetch()} /> : null}
      {job.data === undefined || jobId === null ? null : <JobProgress job={job.data} />}
    </section>
  );
}

function JobProgress({ job }: { job: Job }) {
  const { t, format } = useSetupI18n();
  const { done, total } = job.progress;
  const label = progressText(job, t, format.number);
  if (!isFinalJob(job)) {
    return (
      <Field label={t('setup.duplicateSearch.progress')} validationMessage={label} validationState="none">
        <ProgressBar value={total === null || total === 0 ? undefined : Math.min(1, done / total)} max={1} />
      </Field>
    );
  }
  return (
    <div role="status">
      <MessageBar intent={job.status === 'succeeded' ? 'success' : job.status === 'failed' ? 'error' : 'warning'}>
        <MessageBarBody>{label}</MessageBarBody>
      </MessageBar>
    </div>
  );
}

function progressText(job: Job, t: Translate, number: (value: number) => string): string {
  const { done, total } = job.progress;
  switch (job.status) {
    case 'queued':
      return t('setup.duplicateSearch.queued');
    case 'running':
      return total === null ? t('setup.duplicateSearch.runningUnknown', { done: number(done) }) : t('setup.duplicateSearch.running', { done: number(done), total: number(total) });
    case 'succeeded': {
      const outcome = job.outcome ?? {};
      const count = (key: string) => (typeof outcome[key] === 'number' ? number(outcome[key]) : '0');
      return t('setup.duplicateSearch.succeeded', { contacts: count('contactsIndexed'), pairs: count('duplicatePairs') });
    }
    case 'failed':
      return t('setup.duplicateSearch.failed', { reason: job.error?.message ?? '' });
    case 'canceled':
      return t('setup.duplicateSearch.canceled');
  }
}
