import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ShownOpportunity } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { useServices, useStore } from '../hooks/useServices';
import { useStoreQuery } from '../hooks/useStoreQuery';
import { useSectionStyles } from '../styles';
import { stageChoices } from './stage-choices';

/** One step of the Update wizard: the opportunity and the action the user chose. */
export type OpportunityStep = { opportunity: ShownOpportunity; action: ShownOpportunity['allowedActions'][number] };

export type OpportunityDialogProps = { step: OpportunityStep; onDone: () => void };

const ACTION_TITLES = {
  first: 'opps.action.first',
  next: 'opps.action.next',
  previous: 'opps.action.previous',
  skip: 'opps.action.skip',
  jump: 'opps.action.jump',
  update: 'opps.action.update',
  close: 'opps.action.close',
} as const;

const toNumber = (text: string): number => {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : 0;
};

/**
 * Business Central's Update and Close Opportunity wizards as one dialog: the values prefilled from
 * the opportunity (an update needs its estimated value), a close needs a close code of the chosen
 * result. Saving queues `updateOpportunity` or `closeOpportunity`; the service applies the rules.
 */
export function OpportunityDialog({ step, onDone }: OpportunityDialogProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { engine } = useServices();
  const store = useStore();
  const { opportunity, action } = step;
  const closing = action === 'close';
  const lookups = useStoreQuery(
    store,
    async (s) => ({ cycle: await s.get('salesCycle', opportunity.salesCycleCode), codes: await s.all('closeOpportunityCode') }),
    [opportunity.salesCycleCode],
  );
  const choices = action === 'skip' || action === 'jump' ? stageChoices(action, opportunity, lookups.data?.cycle) : [];

  const [toStage, setToStage] = useState('');
  const [estimatedValue, setEstimatedValue] = useState(String(opportunity.estimatedValueLcy));
  const [chances, setChances] = useState(String(opportunity.chancesOfSuccessPct));
  const [closeDate, setCloseDate] = useState(opportunity.estimatedCloseDate ?? '');
  const [result, setResult] = useState<'won' | 'lost'>('won');
  const [closeCode, setCloseCode] = useState('');
  const [salesValue, setSalesValue] = useState(String(opportunity.calcdCurrentValueLcy || opportunity.estimatedValueLcy));
  const [tried, setTried] = useState(false);

  const codes = (lookups.data?.codes ?? []).filter((code) => code.type === result);
  const chosenStage = toStage === '' ? choices[0]?.stage : Number(toStage);
  const missingCode = closing && closeCode === '';

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (missingCode) return;
    if (closing) {
      await store.enqueue('closeOpportunity', { no: opportunity.no, close: { actionTaken: result, closeOpportunityCode: closeCode, calcdCurrentValueLcy: toNumber(salesValue) } });
    } else {
      await store.enqueue('updateOpportunity', {
        no: opportunity.no,
        update: {
          action,
          ...(chosenStage === undefined || (action !== 'skip' && action !== 'jump') ? {} : { toStage: chosenStage }),
          estimatedValueLcy: toNumber(estimatedValue),
          chancesOfSuccessPct: Math.min(100, Math.max(0, toNumber(chances))),
          estimatedCloseDate: closeDate === '' ? null : closeDate,
        },
      });
    }
    engine.notifyWrite();
    onDone();
  }

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onDone())}>
      <DialogSurface>
        <form noValidate onSubmit={(event) => void save(event)}>
          <DialogBody>
            <DialogTitle>{t('opps.stepTitle', { action: t(ACTION_TITLES[action]), description: opportunity.description })}</DialogTitle>
            <DialogContent className={section.form}>
              {closing ? (
                <>
                  <Field label={t('opps.closeResult')}>
                    <RadioGroup
                      value={result}
                      onChange={(_, data) => {
                        setResult(data.value === 'lost' ? 'lost' : 'won');
                        setCloseCode('');
                      }}
                    >
                      <Radio value="won" label={t('opps.won')} />
                      <Radio value="lost" label={t('opps.lost')} />
                    </RadioGroup>
                  </Field>
                  <Field label={t('opps.closeCode')} required validationState={tried && missingCode ? 'error' : 'none'} validationMessage={tried && missingCode ? t('opps.closeCodeRequired') : undefined}>
                    <Select value={closeCode} onChange={(_, data) => setCloseCode(data.value)}>
                      <option value="">{t('opps.chooseCloseCode')}</option>
                      {codes.map((code) => (
                        <option key={code.code} value={code.code}>
                          {code.description || code.code}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('opps.salesValue')}>
                    <Input type="number" inputMode="decimal" value={salesValue} onChange={(_, data) => setSalesValue(data.value)} />
                  </Field>
                </>
              ) : (
                <>
                  {choices.length > 0 && (
                    <Field label={t('opps.toStage')}>
                      <Select value={String(chosenStage ?? '')} onChange={(_, data) => setToStage(data.value)}>
                        {choices.map((choice) => (
                          <option key={choice.stage} value={String(choice.stage)}>
                            {t('opps.stage', { stage: choice.stage, description: choice.description })}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  )}
                  <Field label={t('opps.estimated')} required>
                    <Input type="number" inputMode="decimal" value={estimatedValue} onChange={(_, data) => setEstimatedValue(data.value)} />
                  </Field>
                  <Field label={t('opps.chances')}>
                    <Input type="number" min={0} max={100} value={chances} onChange={(_, data) => setChances(data.value)} />
                  </Field>
                  <Field label={t('opps.closeDate')}>
                    <Input type="date" value={closeDate} onChange={(_, data) => setCloseDate(data.value)} />
                  </Field>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                {closing ? t('opps.closeSave') : t('common.save')}
              </Button>
              <Button type="button" onClick={onDone}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
