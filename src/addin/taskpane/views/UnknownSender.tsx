import { Button, Text } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { SenderLookup } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { AddContactForm } from '../forms/lazy';
import { useSectionStyles } from '../styles';
import { Loading } from './Loading';

export type UnknownSenderProps = {
  lookup: Extract<SenderLookup, { kind: 'none' }>;
  displayName: string;
};

/** A sender no contact has: the offer to add them, the form loaded only when taken up. */
export function UnknownSender({ lookup, displayName }: UnknownSenderProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const [adding, setAdding] = useState(false);
  const name = displayName.trim() === '' ? lookup.address : displayName.trim();

  return (
    <div className={section.section}>
      <Text>{t('unknown.heading', { address: lookup.address })}</Text>
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
