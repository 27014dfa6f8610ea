import { Field, Input } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useServices, useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';
import { FormActions } from './FormActions';

export type NewOpportunityFormProps = { contactNo: string; onDone: () => void };

/** A new opportunity for the contact, in Marketing Setup's default sales cycle (the service fills it in). */
export function NewOpportunityForm({ contactNo, onDone }: NewOpportunityFormProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { engine, newId } = useServices();
  const store = useStore();
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const missing = description.trim() === '';

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    await store.enqueue('createOpportunity', { id: newId(), opportunity: { description: description.trim().slice(0, 100), contactNo } });
    engine.notifyWrite();
    onDone();
  }

  return (
    <form noValidate className={section.form} onSubmit={(event) => void save(event)} aria-label={t('opps.new')}>
      <Field label={t('opps.description')} required validationState={tried && missing ? 'error' : 'none'} validationMessage={tried && missing ? t('common.descriptionRequired') : undefined}>
        <Input value={description} maxLength={100} onChange={(_, data) => setDescription(data.value)} />
      </Field>
      <FormActions submitLabel={t('opps.create')} onCancel={onDone} />
    </form>
  );
}
