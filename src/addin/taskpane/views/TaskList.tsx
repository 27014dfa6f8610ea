import { Badge, Button, Caption1, Text } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { ShownTask } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { NewTaskForm } from '../forms/lazy';
import { useServices, useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';
import { Loading } from './Loading';

export type TaskListProps = { tasks: readonly ShownTask[]; contactNo: string };

/** The contact's open tasks, each closable; a task being created or closed shows as waiting. */
export function TaskList({ tasks, contactNo }: TaskListProps) {
  const { t, format } = useI18n();
  const section = useSectionStyles();
  const { engine } = useServices();
  const store = useStore();
  const [creating, setCreating] = useState(false);
  const open = tasks.filter((task) => !task.closed);

  async function close(task: ShownTask) {
    await store.enqueue('closeTask', { no: task.no, completedBy: '' });
    engine.notifyWrite();
  }

  return (
    <div className={section.section}>
      {open.length === 0 ? (
        <Text className={section.muted}>{t('tasks.none')}</Text>
      ) : (
        <ul className={section.list}>
          {open.map((task) => (
            <li key={task.no || `pending-${task.outboxId ?? 0}`} className={section.row}>
              <div className={section.section}>
                <Text weight="semibold">{task.description}</Text>
                <Caption1>{t('tasks.due', { date: format.date(task.date) })}</Caption1>
              </div>
              {task.pending ? (
                <Badge appearance="outline" color="warning">
                  {t('common.pending')}
                </Badge>
              ) : (
                <Button size="small" onClick={() => void close(task)} aria-label={t('tasks.closeNamed', { description: task.description })}>
                  {t('tasks.close')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <Suspense fallback={<Loading />}>
          <NewTaskForm contactNo={contactNo} onDone={() => setCreating(false)} />
        </Suspense>
      ) : (
        <div>
          <Button onClick={() => setCreating(true)}>{t('tasks.new')}</Button>
        </div>
      )}
    </div>
  );
}
