import { Text } from '@fluentui/react-components';
import { Suspense } from 'react';
import { findSender } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import type { ReadItem } from '../../office/mail-host';
import { useStore } from '../hooks/useServices';
import { useStoreQuery } from '../hooks/useStoreQuery';
import { ContactCardView } from './ContactCardView';
import { SenderChoice } from './lazy';
import { UnknownSender } from './UnknownSender';
import { Loading } from './Loading';

export type SenderViewProps = { item: ReadItem; excerpt: Promise<string> };

/** Who sent the message being read: one contact's card, a choice among several (persons first), or the offer to add them. */
export function SenderView({ item, excerpt }: SenderViewProps) {
  const { t } = useI18n();
  const store = useStore();
  const address = item.from.address;
  const lookup = useStoreQuery(store, (s) => findSender(s, address), [address]);
  const found = lookup.data;

  if (address.trim() === '') return <Text>{t('item.noSender')}</Text>;
  if (found === undefined) return <Loading />;
  const logItem = { item, excerpt };
  if (found.kind === 'none') return <UnknownSender lookup={found} displayName={item.from.name} />;
  if (found.kind === 'one') return <ContactCardView contact={found.contact} company={found.company} logItem={logItem} />;

  return (
    <Suspense fallback={<Loading />}>
      <SenderChoice address={address} candidates={found.candidates} logItem={logItem} />
    </Suspense>
  );
}
