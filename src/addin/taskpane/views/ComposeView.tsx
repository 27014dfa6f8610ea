import { Caption1, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import type { ComposeItem } from '../../office/mail-host';
import { useI18n } from '../../i18n/I18nProvider';
import { useAsyncSource } from '../hooks/useAsyncSource';
import { useServices } from '../hooks/useServices';
import { useSectionStyles } from '../styles';
import { RecipientsView } from './RecipientsView';

export type ComposeViewProps = { item: ComposeItem };

/** A message being written: the "Log when sent" switch (kept on the draft) and its recipients that are contacts. */
export function ComposeView({ item }: ComposeViewProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { host } = useServices();
  // The switch's state lives on the draft (a custom property); a local listener set re-reads it after a change.
  const [listeners] = useState(() => new Set<() => void>());
  const logWhenSent = useAsyncSource(
    () => host.logWhenSent(),
    (changed) => {
      listeners.add(changed);
      return () => listeners.delete(changed);
    },
    [host, item.itemId],
  );

  async function toggle(on: boolean) {
    await host.setLogWhenSent(on);
    for (const changed of listeners) changed();
  }

  return (
    <div className={section.section}>
      <Switch
        checked={logWhenSent.data ?? false}
        disabled={logWhenSent.data === undefined}
        onChange={(_, data) => void toggle(data.checked)}
        label={t('compose.logWhenSent')}
      />
      <Caption1 className={section.muted}>{t('compose.logWhenSentHint')}</Caption1>
      {item.to.length + item.cc.length === 0 ? <Caption1>{t('compose.noRecipients')}</Caption1> : <RecipientsView recipients={[...item.to, ...item.cc]} heading={t('compose.recipients')} />}
    </div>
  );
}
