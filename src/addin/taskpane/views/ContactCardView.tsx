import { Button } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { loadContactCard, type ShownContact } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import type { ReadItem } from '../../office/mail-host';
import { calendarDate } from '../calendar';
import { LogInteractionForm } from '../forms/lazy';
import { ContactDetails } from './lazy';
import type { InteractionKind } from '../forms/LogInteractionForm';
import { useMarkOnce } from '../hooks/useMarkOnce';
import { useNow } from '../hooks/useNow';
import { useServices, useStore } from '../hooks/useServices';
import { useStoreQuery } from '../hooks/useStoreQuery';
import { useSectionStyles } from '../styles';
import { ContactSummary } from './ContactSummary';
import { LogEmailPanel } from './LogEmailPanel';
import { Loading } from './Loading';

export type ContactCardViewProps = {
  contact: ShownContact;
  company: ShownContact | undefined;
  /** The message being read, when the card is for its sender: the card offers to log it. */
  logItem?: { item: ReadItem; excerpt: Promise<string>; contactNos?: readonly string[] };
};

const HOUR_MS = 3_600_000;

/**
 * The contact card: who the contact is, the message's log, and the contact's opportunities,
 * campaigns, tasks and history, all from the cache with waiting changes overlaid.
 */
export function ContactCardView({ contact, company, logItem }: ContactCardViewProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { timeZone } = useServices();
  const store = useStore();
  // Campaign dates are whole days: re-reading the card hourly is enough to follow midnight.
  const today = calendarDate(useNow(HOUR_MS), timeZone);
  const [logging, setLogging] = useState<InteractionKind | null>(null);
  const card = useStoreQuery(store, (s) => (contact.no === '' ? Promise.resolve(undefined) : loadContactCard(s, contact.no, { today, timelineLimit: 20 })), [contact.no, today]);
  useMarkOnce('rapport:sender-card', true);

  // While another contact's card is being read, the previous one's data must not show under this name.
  const data = card.data?.contact.no === contact.no ? card.data : undefined;
  const shownContact = data?.contact ?? contact;
  const campaigns = data?.campaigns ?? [];
  // Only an open opportunity is worth naming on a new log; a pending one has no number yet.
  const openOpportunities = (data?.opportunities ?? []).filter((opportunity) => !opportunity.closed && opportunity.no !== '');

  return (
    <div className={section.section}>
      <ContactSummary contact={shownContact} company={data?.company ?? company} />
      {logItem !== undefined && <LogEmailPanel item={logItem.item} excerpt={logItem.excerpt} campaigns={campaigns} opportunities={openOpportunities} contactNos={logItem.contactNos ?? []} />}
      {contact.no !== '' && (
        <>
          {logging === null ? (
            <div className={section.actions}>
              <Button size="small" onClick={() => setLogging('phoneCall')}>
                {t('log.phoneCall')}
              </Button>
              <Button size="small" onClick={() => setLogging('meeting')}>
                {t('log.meeting')}
              </Button>
            </div>
          ) : (
            <Suspense fallback={<Loading />}>
              <LogInteractionForm contactNo={contact.no} kind={logging} opportunities={openOpportunities} onDone={() => setLogging(null)} />
            </Suspense>
          )}
          <Suspense fallback={<Loading />}>
            <ContactDetails card={data} loading={card.status === 'loading'} contactNo={contact.no} />
          </Suspense>
        </>
      )}
    </div>
  );
}
