import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { type CampaignsTranslate, useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { useCreateCampaign } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { CAMPAIGN_FIELDS, type CampaignDraft, type CampaignField, createBody, EMPTY_DRAFT, type LocalProblem, localProblems, placeProblems } from './campaign-form';
import { CampaignFieldInput } from './CampaignFieldInput';
import { refusalText } from './refusal-text';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** A local problem in the user's words. */
export const localProblemText = (t: CampaignsTranslate, problem: LocalProblem): string => t(problem === 'tooLong' ? 'form.tooLong' : 'form.notDate');

type Errors = Partial<Record<CampaignField, string>>;

/**
 * New campaign (managers): its description, dates, status and salesperson, sent with
 * `POST /campaigns`; the number comes from Campaign Nos. Each problem the service names is shown
 * at its input, what was typed is kept, and a campaign created opens its card.
 */
export function NewCampaignDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api } = useConsole();
  const navigate = useNavigate();
  const create = useCreateCampaign(api);
  const [draft, setDraft] = useState<CampaignDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const edit = (field: CampaignField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // A field the user changed no longer carries the error it had.
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems = localProblems(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, localProblemText(t, problem)])));
      setFailure(t('form.fixFields'));
      return;
    }
    setFailure(null);
    try {
      const campaign = await create.mutateAsync(createBody(draft));
      onClose();
      await navigate({ to: '/campaigns/$no', params: { no: campaign.no } });
    } catch (error) {
      const { byField, elsewhere } = placeProblems(error instanceof ApiError ? error.fields : []);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 && elsewhere.length === 0 ? t('form.fixFields') : t('form.notCreated', { reason: [refusalText(error, shell.t), ...elsewhere].join(' ') }));
    }
  };

  return (
    <Dialog open onOpenChange={(_event, data) => (data.open || create.isPending ? undefined : onClose())}>
      <DialogSurface>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{t('new.heading')}</DialogTitle>
            <DialogContent className={styles.fields}>
              <Body1 as="p" className={styles.muted}>
                {t('new.intro')}
              </Body1>
              {CAMPAIGN_FIELDS.map((field) => (
                <CampaignFieldInput key={field} field={field} value={draft[field]} error={errors[field]} disabled={create.isPending} onChange={(value) => edit(field, value)} blankSalesperson="default" />
              ))}
              <div role="alert">
                {failure === null ? null : (
                  <MessageBar intent="error">
                    <MessageBarBody>{failure}</MessageBarBody>
                  </MessageBar>
                )}
              </div>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={create.isPending}>
                {create.isPending ? t('new.creating') : t('new.create')}
              </Button>
              <Button type="button" disabled={create.isPending} onClick={onClose}>
                {t('form.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
