import { Button, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { z } from 'zod';
import type { campaignSchema } from '../../../contract/campaigns';
import { ApiError } from '../../api/api-error';
import { type CampaignsPlainKey, type CampaignsTranslate, useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { activitiesQuery, type AssignActivityBody, campaignTasksQuery, useAssignActivity } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { CodeSelect, SalespersonSelect } from '../campaigns/CampaignFieldInput';
import { refusalText } from '../campaigns/refusal-text';
import { DataTable } from '../shared/DataTable';
import { ListState, type Outcome, OutcomeMessage, Section, useCardStyles } from './card-parts';

type Campaign = z.output<typeof campaignSchema>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalM, alignItems: 'start' },
});

const TASK_WORDS: Readonly<Record<string, CampaignsPlainKey>> = {
  '': 'tasks.type.todo',
  meeting: 'tasks.type.meeting',
  phoneCall: 'tasks.type.phoneCall',
  notStarted: 'tasks.status.notStarted',
  inProgress: 'tasks.status.inProgress',
  completed: 'tasks.status.completed',
  waiting: 'tasks.status.waiting',
  postponed: 'tasks.status.postponed',
  low: 'tasks.priority.low',
  normal: 'tasks.priority.normal',
  high: 'tasks.priority.high',
};

/** A value the service names by code, in words when the catalogue has them, else as the code. */
const words = (t: CampaignsTranslate, value: string): string => {
  const key = TASK_WORDS[value];
  return key === undefined ? value : t(key);
};

/** The campaign's open tasks; a manager assigns it an activity, which makes one task per step. */
export function TasksSection({ campaign, manager }: { campaign: Campaign; manager: boolean }) {
  const t = useCampaignsT();
  const { format } = useI18n();
  const { api } = useConsole();
  const tasks = useQuery(campaignTasksQuery(api, campaign.no));
  const title = t('card.section.tasks');
  return (
    <Section title={title}>
      <ListState
        query={tasks}
        empty={t('tasks.none')}
        render={(rows) => (
          <DataTable
            label={title}
            rows={rows}
            rowKey={(task) => task.no}
            columns={[
              { key: 'date', header: t('tasks.column.date'), cell: (task) => format.date(task.date) },
              { key: 'description', header: t('field.description'), cell: (task) => task.description },
              { key: 'type', header: t('tasks.column.type'), cell: (task) => words(t, task.type) },
              { key: 'status', header: t('tasks.column.status'), cell: (task) => words(t, task.status) },
              { key: 'priority', header: t('tasks.column.priority'), cell: (task) => words(t, task.priority) },
              { key: 'salesperson', header: t('field.salespersonCode'), cell: (task) => task.salespersonCode },
            ]}
          />
        )}
      />
      {manager ? <AssignActivity campaign={campaign} /> : null}
    </Section>
  );
}

type AssignField = 'activityCode' | 'startDate' | 'salespersonCode';
const ASSIGN_FIELDS: ReadonlySet<string> = new Set<AssignField>(['activityCode', 'startDate', 'salespersonCode']);

/**
 * Assign Activity, as from the Campaign Card: the activity's steps become tasks of the campaign,
 * dated from the start date by each step's date formula (today's when blank), for the campaign's
 * salesperson unless another is chosen.
 */
function AssignActivity({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const card = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api } = useConsole();
  const headingId = useId();
  const activities = useQuery(activitiesQuery(api));
  const assign = useAssignActivity(api, campaign.no);
  const [values, setValues] = useState<Record<AssignField, string>>({ activityCode: '', startDate: '', salespersonCode: '' });
  const [errors, setErrors] = useState<Partial<Record<AssignField, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);

  const edit = (field: AssignField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
    setOutcome(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (assign.isPending) return;
    if (values.activityCode === '') {
      setErrors({ activityCode: t('tasks.activityRequired') });
      setOutcome({ kind: 'failed', text: t('form.fixFields') });
      return;
    }
    const body: AssignActivityBody = {
      activityCode: values.activityCode,
      ...(values.startDate.trim() === '' ? {} : { startDate: values.startDate.trim() }),
      ...(values.salespersonCode === '' ? {} : { salespersonCode: values.salespersonCode }),
    };
    try {
      const created = await assign.mutateAsync(body);
      setErrors({});
      setOutcome({ kind: 'done', text: t('tasks.assigned', { count: created.items.length, activity: values.activityCode }) });
    } catch (error) {
      const problems = error instanceof ApiError ? error.fields : [];
      const byField: Partial<Record<AssignField, string>> = {};
      for (const problem of problems) if (ASSIGN_FIELDS.has(problem.path)) byField[problem.path as AssignField] ??= problem.message;
      const elsewhere = problems.filter((problem) => !ASSIGN_FIELDS.has(problem.path)).map((problem) => problem.message);
      setErrors(byField);
      setOutcome({
        kind: 'failed',
        text: Object.keys(byField).length > 0 && elsewhere.length === 0 ? t('form.fixFields') : t('tasks.notAssigned', { reason: [refusalText(error, shell.t), ...elsewhere].join(' ') }),
      });
    }
  };

  const field = (name: AssignField) => ({
    label: t(`tasks.assign.${name}`),
    ...(errors[name] === undefined ? {} : { validationState: 'error' as const, validationMessage: errors[name] }),
  });
  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('tasks.assign.heading')}
      </Subtitle2>
      <div className={styles.fields}>
        <Field {...field('activityCode')}>
          <CodeSelect
            value={values.activityCode}
            disabled={assign.isPending}
            onChange={(value) => edit('activityCode', value)}
            blankLabel={t('tasks.chooseActivity')}
            options={(activities.data?.items ?? []).map((activity) => ({ code: activity.code, text: activity.description === '' ? activity.code : `${activity.code} – ${activity.description}` }))}
          />
        </Field>
        <Field {...field('startDate')} hint={t('tasks.assign.startDateHint')}>
          <Input type="date" value={values.startDate} disabled={assign.isPending} onChange={(_event, data) => edit('startDate', data.value)} />
        </Field>
        <Field {...field('salespersonCode')} hint={t('tasks.assign.salespersonHint', { salesperson: campaign.salespersonCode || t('form.none') })}>
          <SalespersonSelect value={values.salespersonCode} disabled={assign.isPending} onChange={(value) => edit('salespersonCode', value)} blank="campaign" />
        </Field>
      </div>
      <OutcomeMessage outcome={outcome} />
      <div className={card.commands}>
        <Button type="submit" disabled={assign.isPending}>
          {assign.isPending ? t('tasks.assigning') : t('tasks.assign')}
        </Button>
      </div>
    </form>
  );
}
