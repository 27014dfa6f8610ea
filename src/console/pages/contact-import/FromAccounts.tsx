import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type ContactsPlainKey, useContactsT } from '../../i18n/contacts/contacts-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { type AccountKind, createContactsOutcomeSchema, jobEnded, jobQuery, useCreateContactsFromAccounts } from '../../queries/contact-import';
import { useConsole } from '../../shell/console-context';
import { errorText } from '../../shell/error-text';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  commands: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const BUTTONS: readonly { kind: AccountKind; label: ContactsPlainKey }[] = [
  { kind: 'customer', label: 'import.fromCustomers' },
  { kind: 'vendor', label: 'import.fromVendors' },
  { kind: 'bankAccount', label: 'import.fromBankAccounts' },
];

/**
 * Business Central's Create Contacts from Customers / Vendors / Bank Accounts (administrators, as
 * the service asks): a background job gives every account without a contact a company contact; the
 * page follows it and says what it did.
 */
export function FromAccounts() {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const start = useCreateContactsFromAccounts(api);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();
  const job = useQuery({ ...jobQuery(api, jobId ?? ''), enabled: jobId !== null });
  const running = start.isPending || (jobId !== null && (job.data === undefined || !jobEnded(job.data)));

  const create = (kind: AccountKind) => {
    setFailure(null);
    setJobId(null);
    start.mutate(kind, { onSuccess: (started) => setJobId(started.id), onError: (error) => setFailure(t('import.fromAccountsFailed', { reason: errorText(error, shell.t) })) });
  };

  const ended = jobId !== null && job.data !== undefined && jobEnded(job.data) ? job.data : null;
  const outcome = ended?.status === 'succeeded' ? createContactsOutcomeSchema.safeParse(ended.outcome) : null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t('import.fromAccounts')}
      </Subtitle2>
      <Text className={styles.muted}>{t('import.fromAccountsIntro')}</Text>
      <div className={styles.commands}>
        {BUTTONS.map((button) => (
          <Button key={button.kind} disabled={running} onClick={() => create(button.kind)}>
            {t(button.label)}
          </Button>
        ))}
      </div>
      <div role="status">
        {running ? <Spinner size="tiny" labelPosition="after" label={t('import.fromAccountsRunning')} /> : null}
        {outcome?.success === true ? (
          <MessageBar intent="success">
            <MessageBarBody>
              {outcome.data.created > 0
                ? t('import.fromAccountsCreated', {
                    created: shell.format.number(outcome.data.created),
                    first: outcome.data.firstContactNo ?? '',
                    last: outcome.data.lastContactNo ?? '',
                    linked: shell.format.number(outcome.data.alreadyLinked),
                  })
                : t('import.fromAccountsNone', { linked: shell.format.number(outcome.data.alreadyLinked) })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div role="alert">
        {failure !== null || (ended !== null && ended.status !== 'succeeded') || job.isError ? (
          <MessageBar intent="error">
            <MessageBarBody>
              {failure ??
                t('import.fromAccountsFailed', { reason: job.isError ? errorText(job.error, shell.t) : (ended?.error?.message ?? t('import.jobCanceled')) })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </section>
  );
}
