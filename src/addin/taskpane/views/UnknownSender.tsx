import { Button, Text } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { SenderLookup } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { AddContactForm } from '../forms/lazy';
import { useSyncStatus } from '../hooks/useServices';
import { useSectionStyles } from '../styles';
import { Loading } from './Loading';

export type UnknownSenderProps = {
  lookup: Extract<SenderLookup, { kind: 'none' }>;
  displayName: string;
};

/**
 * A sender no contact in the cache has: the offer to add them, the form loaded only when taken up.
 * Before the first sync has caught up, the cache may simply not hold them yet, and it says so.
 */
export function UnknownSender({ lookup, displayName }: UnknownSenderProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const [adding, setAdding] = useState(false);
  const neverSynced = useSyncStatus().lastSyncedAt === null;
  const name = displayName.trim() === '' ? lookup.address : displayName.trim();

  return (
    <div className={section.section}>
      <Text>{neverSynced ? t('unknown.stillSyncing', { address: lookup.address }) : t('unknown.heading', { address: lookup.address })}</Text>
      {adding ? (
        <Suspense fallback={<Loading />}>
          <AddContactForm address={lookup.address} displayName={displayName} domain={lookup.domain} freeMail={lookup.freeMail} proposedCompanies={lookup.proposedCompanies} onDone={() => setAdding(false)} />
        </Suspense>
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setAdding(true)}>
            {t('unknown.add', { name })}
          </Button>
        </div>
      )}
    </div>
  );
}
