import { Field, Input } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { calendarDate } from '../calendar';
import { useServices, useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';
import { FormActions } from './FormActions';

export type NewTaskFormProps = { contactNo: string; onDone: () => void };

/** A new task for the contact, due today unless the user picks another day. */
export function NewTaskForm({ contactNo, onDone }: NewTaskFormProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { engine, newId, now, timeZone } = useServices();
  const store = useStore();
  const [description, setDescription] = useState('');
  const [date, setDate] = useState(() => calendarDate(now(), timeZone));
  const [tried, setTried] = useState(false);
  const missing = description.trim() === '';

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (missing || date === '') return;
    await store.enqueue('createTask', { id: newId(), task: { description: description.trim().slice(0, 100), date, contactNo } });
    engine.notifyWrite();
    onDone();
  }

  return (
    <form noValidate className={section.form} onSubmit={(event) => void save(event)} aria-label={t('tasks.new')}>
      <Field label={t('tasks.description')} required validationState={tried && missing ? 'error' : 'none'} validationMessage={tried && missing ? t('common.descriptionRequired') : undefined}>
        <Input value={description} maxLength={100} onChange={(_, data) => setDescription(data.value)} />
      </Field>
      <Field label={t('tasks.date')} required>
        <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
      </Field>
      <FormActions submitLabel={t('tasks.create')} onCancel={onDone} />
    </form>
  );
}
