import { Text } from '@fluentui/react-components';
import { type ReactNode, Suspense } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { ReadItem } from '../../office/mail-host';
import { useAsyncSource } from '../hooks/useAsyncSource';
import { useCurrentItem } from '../hooks/useCurrentItem';
import { useServices, useStore } from '../hooks/useServices';
import { completeLogsWaitingOn } from '../log-email';
import { useSectionStyles } from '../styles';
import { LogEmailPanel } from './LogEmailPanel';
import { ComposeView, RecipientsView } from './lazy';
import { SenderView } from './SenderView';
import { Loading } from './Loading';

/** The open item's view: compose, a sent message (its recipients), or a received one (its sender). */
export function ItemView() {
  const { t } = useI18n();
  const current = useCurrentItem();
  const data = current.data;
  if (data === undefined) return <Loading />;
  const { item, excerpt } = data;
  if (item === null) return <Text>{t('item.none')}</Text>;
  if (item.mode === 'compose') {
    return (
      <Suspense fallback={<Loading />}>
        <ComposeView key={item.itemId ?? 'draft'} item={item} />
      </Suspense>
    );
  }
  return <ReadItemView key={item.internetMessageId} item={item} excerpt={excerpt} />;
}

type ReadItemViewProps = { item: ReadItem; excerpt: Promise<string> };

const NO_CHANGES = () => () => undefined;

/**
 * A message being read: a sent one shows its recipients, a received one its sender, judged against
 * the mailbox it is in (the user's, or a shared or delegated one's owner). Logs that wait on the
 * item (the ribbon's, a sent item's stamp) are taken over here, once per item.
 */
function ReadItemView({ item, excerpt }: ReadItemViewProps) {
  const { host, engine } = useServices();
  const store = useStore();
  useAsyncSource(
    async () => {
      const queued = await completeLogsWaitingOn(store, host, item, excerpt);
      if (queued) engine.notifyWrite();
      return queued;
    },
    NO_CHANGES,
    [store, item.internetMessageId],
  );
  const view = item.sentFromMailbox ? <SentItemView item={item} excerpt={excerpt} /> : <SenderView item={item} excerpt={excerpt} />;
  return item.mailboxOwner === null ? view : <InSharedMailbox owner={item.mailboxOwner}>{view}</InSharedMailbox>;
}

type InSharedMailboxProps = { owner: string; children: ReactNode };

/** A message in a shared or delegated mailbox says whose it is: it is judged against that owner, not the user. */
function InSharedMailbox({ owner, children }: InSharedMailboxProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  return (
    <div className={section.section}>
      <Text size={200} className={section.muted} data-mailbox-owner={owner}>
        {t('item.sharedMailbox', { owner })}
      </Text>
      {children}
    </div>
  );
}

type SentItemViewProps = { item: ReadItem; excerpt: Promise<string> };

/** A message the user sent: its log, and its recipients as contacts. */
function SentItemView({ item, excerpt }: SentItemViewProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  return (
    <div className={section.section}>
      <LogEmailPanel item={item} excerpt={excerpt} campaigns={[]} />
      <Suspense fallback={<Loading />}>
        <RecipientsView recipients={[...item.to, ...item.cc]} heading={t('recipients.heading')} />
      </Suspense>
    </div>
  );
}
