import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { z } from 'zod';
import { interactionTemplateSetupSchema } from '../../../../contract/setup-tables';
import { INTERACTION_TEMPLATE_SETUP_FIELDS, type InteractionTemplateSetupField } from '../../../../domain/interaction/interaction-template-setup';
import { ApiError } from '../../../api/api-error';
import type { LabelKey } from '../shared/message-keys';
import { useSetupI18n } from '../i18n/setup-i18n';
import { setupRecordQuery, useSetupWrite } from '../../../queries/setup-tables';
import { useConsole } from '../../../shell/console-context';
import { errorText } from '../../../shell/error-text';
import { PageHeading } from '../../../shell/PageHeading';
import { QueryError } from '../../../shell/QueryError';
import type { DraftValue, FieldSpec } from '../shared/fields';
import { FieldEditor } from '../shared/FieldEditor';
import { REFERENCES } from '../shared/references';

type TemplateSetup = z.output<typeof interactionTemplateSetupSchema>;

const LABELS: Record<InteractionTemplateSetupField, LabelKey> = {
  emails: 'setup.templateSetup.emails',
  emailDraft: 'setup.templateSetup.emailDraft',
  coverSheets: 'setup.templateSetup.coverSheets',
  outgCalls: 'setup.templateSetup.outgCalls',
  meetingInvitation: 'setup.templateSetup.meetingInvitation',
  salesInvoices: 'setup.templateSetup.salesInvoices',
  salesCrMemo: 'setup.templateSetup.salesCrMemo',
  salesOrdCnfrmn: 'setup.templateSetup.salesOrdCnfrmn',
  salesQuotes: 'setup.templateSetup.salesQuotes',
  salesBlnktOrd: 'setup.templateSetup.salesBlnktOrd',
  salesShptNote: 'setup.templateSetup.salesShptNote',
  salesStatement: 'setup.templateSetup.salesStatement',
  salesRmdr: 'setup.templateSetup.salesRmdr',
  salesReturnOrder: 'setup.templateSetup.salesReturnOrder',
  salesReturnRcpt: 'setup.templateSetup.salesReturnRcpt',
  salesFinanceChargeMemo: 'setup.templateSetup.salesFinanceChargeMemo',
  salesDraftInvoices: 'setup.templateSetup.salesDraftInvoices',
  purchInvoices: 'setup.templateSetup.purchInvoices',
  purchCrMemos: 'setup.templateSetup.purchCrMemos',
  purchOrders: 'setup.templateSetup.purchOrders',
  purchQuotes: 'setup.templateSetup.purchQuotes',
  purchBlnktOrd: 'setup.templateSetup.purchBlnktOrd',
  purchRcpt: 'setup.templateSetup.purchRcpt',
  purchReturnShipment: 'setup.templateSetup.purchReturnShipment',
  purchReturnOrdCnfrmn: 'setup.templateSetup.purchReturnOrdCnfrmn',
};

/** Business Central's groups of the page: what the system logs (the add-in uses these), sales documents, purchase documents. */
const GROUPS: readonly { heading: LabelKey; fields: readonly InteractionTemplateSetupField[] }[] = [
  { heading: 'setup.templateSetup.system', fields: INTERACTION_TEMPLATE_SETUP_FIELDS.filter((field) => !field.startsWith('sales') && !field.startsWith('purch')) },
  { heading: 'setup.templateSetup.sales', fields: INTERACTION_TEMPLATE_SETUP_FIELDS.filter((field) => field.startsWith('sales')) },
  { heading: 'setup.templateSetup.purchases', fields: INTERACTION_TEMPLATE_SETUP_FIELDS.filter((field) => field.startsWith('purch')) },
];

const fieldOf = (name: InteractionTemplateSetupField): FieldSpec => ({ name, label: LABELS[name], kind: { kind: 'reference', source: REFERENCES.interactionTemplates, maxLength: 10 } });

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '60rem' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  unsaved: { color: tokens.colorNeutralForeground2 },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalL },
});

/**
 * Interaction Template Setup (§5.3): which template records which event. The add-in logs e-mails,
 * phone calls and meeting invitations with the templates of the first group; a template that logs
 * sales or purchase documents may have no languages, which the service checks.
 */
export function InteractionTemplateSetupPage() {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const { api } = useConsole();
  const setup = useQuery(setupRecordQuery(api, ['interaction-template-setup'], '/setup/interaction-template-setup', interactionTemplateSetupSchema));
  return (
    <div className={styles.page}>
      <PageHeading title={t('nav.interactionTemplateSetup')} intro={t('setup.templateSetup.intro')} />
      {setup.isPending ? <Spinner size="small" labelPosition="after" label={t('common.loading')} /> : null}
      {setup.isError ? <QueryError title={t('setup.templateSetup.loadFailed')} error={setup.error} onRetry={() => void setup.refetch()} /> : null}
      {setup.isSuccess ? <TemplateSetupForm saved={setup.data} /> : null}
    </div>
  );
}

type Outcome = { kind: 'saved' } | { kind: 'fixFields' } | { kind: 'failed'; reason: string } | null;

function TemplateSetupForm({ saved }: { saved: TemplateSetup }) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const { api } = useConsole();
  const write = useSetupWrite(api);
  const [edits, setEdits] = useState<Partial<TemplateSetup>>({});
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const current: TemplateSetup = { ...saved, ...edits };
  const changed = INTERACTION_TEMPLATE_SETUP_FIELDS.some((field) => current[field] !== saved[field]);

  const change = (name: string, value: DraftValue) => {
    setEdits((before) => ({ ...before, [name]: String(value) }));
    setErrors((before) => new Map([...before].filter(([path]) => path !== name)));
    setOutcome(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (write.isPending || !changed) return;
    write.mutate(
      { method: 'PUT', path: '/setup/interaction-template-setup', body: current, reply: interactionTemplateSetupSchema },
      {
        onSuccess: () => {
          setEdits({});
          setErrors(new Map());
          setOutcome({ kind: 'saved' });
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fields.filter((problem) => Object.hasOwn(LABELS, problem.path)) : [];
          setErrors(new Map(fields.map((problem) => [problem.path, problem.message])));
          setOutcome(fields.length > 0 ? { kind: 'fixFields' } : { kind: 'failed', reason: errorText(error, t) });
        },
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <div className={styles.commands}>
        <Button type="submit" appearance="primary" disabled={!changed || write.isPending}>
          {write.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button
          type="button"
          disabled={Object.keys(edits).length === 0 || write.isPending}
          onClick={() => {
            setEdits({});
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
            <MessageBarBody>{t('setup.saved')}</MessageBarBody>
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
      {GROUPS.map((group) => (
        <Group key={group.heading} heading={group.heading}>
          {group.fields.map((field) => (
            <FieldEditor key={field} field={fieldOf(field)} value={current[field]} error={errors.get(field)} onChange={change} />
          ))}
        </Group>
      ))}
    </form>
  );
}

function Group({ heading, children }: { heading: LabelKey; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const headingId = useId();
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t(heading)}
      </Subtitle2>
      <div className={styles.fields}>{children}</div>
    </section>
  );
}
