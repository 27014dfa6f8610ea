import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { campaignSchema } from '../../../contract/campaigns';
import { ApiError } from '../../api/api-error';
import { useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { useDeleteCampaign, useUpdateCampaign } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { CAMPAIGN_FIELDS, type CampaignDraft, type CampaignField, changedFields, draftOf, localProblems, placeProblems } from '../campaigns/campaign-form';
import { CampaignFieldInput } from '../campaigns/CampaignFieldInput';
import { localProblemText } from '../campaigns/NewCampaignDialog';
import { refusalText } from '../campaigns/refusal-text';
import { ConfirmDialog, type Outcome, OutcomeMessage, Section, useCardStyles } from './card-parts';

type Campaign = z.output<typeof campaignSchema>;

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalM, alignItems: 'start' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  list: { display: 'grid', gridTemplateColumns: 'minmax(9rem, max-content) 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
});

export type GeneralSectionProps = { campaign: Campaign; manager: boolean };

/** The campaign's header: a form for a manager, its values for a salesperson. */
export function GeneralSection({ campaign, manager }: GeneralSectionProps) {
  const t = useCampaignsT();
  return <Section title={t('card.section.general')}>{manager ? <HeaderForm campaign={campaign} /> : <HeaderValues campaign={campaign} />}</Section>;
}

function HeaderValues({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const t = useCampaignsT();
  const { format } = useI18n();
  const date = (value: string | null) => (value === null ? '' : format.date(value));
  const values: [string, string][] = [
    [t('field.no'), campaign.no],
    [t('field.description'), campaign.description],
    [t('field.startingDate'), date(campaign.startingDate)],
    [t('field.endingDate'), date(campaign.endingDate)],
    [t('field.salespersonCode'), campaign.salespersonCode],
    [t('field.statusCode'), campaign.statusDescription === '' ? campaign.statusCode : `${campaign.statusCode} – ${campaign.statusDescription}`],
    [t('field.activated'), t(campaign.activated ? 'value.yes' : 'value.no')],
  ];
  return (
    <dl className={styles.list}>
      {values.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The header as a form. Save sends only the fields that changed (`PATCH /campaigns/{no}`); each
 * problem the service names is shown at its input and what was typed stays. New dates carry over
 * to the price lines, which the service does and the card shows once it has saved.
 */
function HeaderForm({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const card = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api } = useConsole();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateCampaign(api, campaign.no);
  const remove = useDeleteCampaign(api, campaign.no);
  const saved = useMemo(() => draftOf(campaign), [campaign]);
  // null: the form shows the campaign as saved; set once the user changes something.
  const [draft, setDraft] = useState<CampaignDraft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<CampaignField, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const current = draft ?? saved;
  const patch = changedFields(saved, current);
  const changed = Object.keys(patch).length > 0;
  const busy = update.isPending || remove.isPending;

  const edit = (field: CampaignField, value: string) => {
    setDraft((before) => ({ ...(before ?? saved), [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
    setOutcome(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !changed) return;
    const problems = localProblems(current);
    if (Object.keys(problems).length > 0) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, localProblemText(t, problem)])));
      setOutcome({ kind: 'failed', text: t('form.fixFields') });
      return;
    }
    try {
      await update.mutateAsync(patch);
      setDraft(null);
      setErrors({});
      setOutcome({ kind: 'done', text: t('general.saved') });
    } catch (error) {
      const { byField, elsewhere } = placeProblems(error instanceof ApiError ? error.fields : []);
      setErrors(byField);
      setOutcome({
        kind: 'failed',
        text: Object.keys(byField).length > 0 && elsewhere.length === 0 ? t('form.fixFields') : t('form.notSaved', { reason: [refusalText(error, shell.t), ...elsewhere].join(' ') }),
      });
    }
  };

  const deleteCampaign = async () => {
    try {
      await remove.mutateAsync();
      await navigate({ to: '/campaigns' });
      queryClient.removeQueries({ queryKey: ['campaigns', 'one', campaign.no] });
    } catch (error) {
      setConfirmingDelete(false);
      setOutcome({ kind: 'failed', text: t('general.notDeleted', { reason: refusalText(error, shell.t) }) });
    }
  };

  return (
    <>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <div className={styles.fields}>
          <Field label={t('field.no')} hint={t('general.noHint')}>
            <Input value={campaign.no} readOnly />
          </Field>
          {CAMPAIGN_FIELDS.map((field) => (
            <CampaignFieldInput key={field} field={field} value={current[field]} error={errors[field]} disabled={busy} onChange={(value) => edit(field, value)} blankSalesperson="none" />
          ))}
        </div>
        <OutcomeMessage outcome={outcome} />
        <div className={card.commands}>
          <Button type="submit" appearance="primary" disabled={busy || !changed}>
            {update.isPending ? shell.t('common.saving') : shell.t('common.save')}
          </Button>
          <Button
            type="button"
            disabled={busy || draft === null}
            onClick={() => {
              setDraft(null);
              setErrors({});
              setOutcome(null);
            }}
          >
            {shell.t('common.discard')}
          </Button>
          <Button type="button" disabled={busy} onClick={() => setConfirmingDelete(true)}>
            {t('general.delete')}
          </Button>
          {changed ? <Text className={card.muted}>{t('form.unsaved')}</Text> : null}
        </div>
      </form>
      {confirmingDelete ? (
        <ConfirmDialog
          title={t('general.deleteTitle', { no: campaign.no })}
          confirmLabel={t('general.delete')}
          busy={remove.isPending}
          onConfirm={() => void deleteCampaign()}
          onCancel={() => setConfirmingDelete(false)}
        >
          {t('general.deleteText')}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
