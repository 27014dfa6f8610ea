import { Field, Input } from '@fluentui/react-components';
import { type FormEvent, Suspense, useState } from 'react';
import type { ShownOpportunity } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { calendarDate, timeOfDay } from '../calendar';
import { useServices, useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';
import { OpportunityPicker } from '../views/lazy';
import { FormActions } from './FormActions';

export type InteractionKind = 'phoneCall' | 'meeting';

export type LogInteractionFormProps = {
  contactNo: string;
  kind: InteractionKind;
  campaignNo?: string;
  /** Opportunities the call or meeting may be about (the contact's open ones). */
  opportunities?: readonly Pick<ShownOpportunity, 'no' | 'description'>[];
  onDone: () => void;
};

/**
 * A phone call or meeting with the contact, now: the service takes the template from Interaction
 * Template Setup (its cost and default duration too, when the user gives none).
 */
export function LogInteractionForm({ contactNo, kind, campaignNo, opportunities = [], onDone }: LogInteractionFormProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { engine, newId, now, timeZone } = useServices();
  const store = useStore();
  const [description, setDescription] = useState('');
  const [duration, setDuration] = useState('');
  const [opportunityNo, setOpportunityNo] = useState('');

  async function save(event: FormEvent) {
    event.preventDefault();
    const at = now();
    const minutes = Number(duration);
    await store.enqueue('logInteraction', {
      id: newId(),
      contactNo,
      kind,
      date: calendarDate(at, timeZone),
      time: timeOfDay(at, timeZone),
      description: description.trim().slice(0, 100),
      ...(duration.trim() !== '' && Number.isFinite(minutes) && minutes >= 0 ? { durationMin: minutes } : {}),
      ...(campaignNo === undefined || campaignNo === '' ? {} : { campaignNo }),
      ...(opportunityNo === '' ? {} : { opportunityNo }),
    });
    engine.notifyWrite();
    onDone();
  }

  return (
    <form noValidate className={section.form} onSubmit={(event) => void save(event)} aria-label={kind === 'phoneCall' ? t('log.phoneCall') : t('log.meeting')}>
      <Field label={t('log.description')}>
        <Input value={description} maxLength={100} onChange={(_, data) => setDescription(data.value)} />
      </Field>
      <Field label={t('log.duration')}>
        <Input type="number" min={0} value={duration} onChange={(_, data) => setDuration(data.value)} />
      </Field>
      {opportunities.length > 0 && (
        <Suspense fallback={null}>
          <OpportunityPicker opportunities={opportunities} value={opportunityNo} onChange={setOpportunityNo} />
        </Suspense>
      )}
      <FormActions submitLabel={t('log.save')} onCancel={onDone} />
    </form>
  );
}
