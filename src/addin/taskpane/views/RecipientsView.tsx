import { Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { normalizeEmail } from '../../../domain/email';
import { findSender, type SenderLookup, type SenderMatch } from '../../cache/repositories';
import type { LocalStore } from '../../cache/local-store';
import { useI18n } from '../../i18n/I18nProvider';
import type { Mailbox } from '../../office/mail-host';
import { useStore } from '../hooks/useServices';
import { useStoreQuery } from '../hooks/useStoreQuery';
import { useSectionStyles } from '../styles';
import { ContactCardView } from './ContactCardView';
import { Loading } from './Loading';

export type RecipientsViewProps = {
  recipients: readonly Mailbox[];
  /** The heading above the list: "Recipients" for sent mail, "Recognized recipients" in compose. */
  heading: string;
};

type Recipient = { mailbox: Mailbox; match: SenderMatch | undefined };

/** The first (person-first) match of an address, if any. */
const matchOf = (lookup: SenderLookup): SenderMatch | undefined => (lookup.kind === 'one' ? lookup : lookup.kind === 'several' ? lookup.candidates[0] : undefined);

async function resolveRecipients(store: LocalStore, recipients: readonly Mailbox[]): Promise<Recipient[]> {
  const unique = [...new Map(recipients.filter((mailbox) => mailbox.address.includes('@')).map((mailbox) => [normalizeEmail(mailbox.address), mailbox])).values()];
  const outbox = await store.outbox();
  return Promise.all(unique.map(async (mailbox) => ({ mailbox, match: matchOf(await findSender(store, mailbox.address, { outbox })) })));
}

/** The To and Cc of a message as contacts: which are known, and the card of the one the user picks. */
export function RecipientsView({ recipients, heading }: RecipientsViewProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const store = useStore();
  const labelId = useId();
  const key = recipients.map((mailbox) => normalizeEmail(mailbox.address)).join(',');
  const resolved = useStoreQuery(store, (s) => resolveRecipients(s, recipients), [key]);
  const [chosen, setChosen] = useState<string | null>(null);

  if (recipients.length === 0) return <Text className={section.muted}>{t('recipients.none')}</Text>;
  if (resolved.data === undefined) return <Loading />;
  const known = resolved.data.filter((recipient) => recipient.match !== undefined);
  const selectedAddress = chosen ?? (known[0] === undefined ? null : normalizeEmail(known[0].mailbox.address));
  const selected = known.find((recipient) => normalizeEmail(recipient.mailbox.address) === selectedAddress)?.match;

  return (
    <div className={section.section}>
      <Text id={labelId} weight="semibold">
        {heading}
      </Text>
      <ul className={section.list}>
        {resolved.data
          .filter((recipient) => recipient.match === undefined)
          .map((recipient) => (
            <li key={recipient.mailbox.address}>
              <Text className={section.muted}>{t('recipients.notContactNamed', { name: recipient.mailbox.name || recipient.mailbox.address })}</Text>
            </li>
          ))}
      </ul>
      {known.length > 0 && (
        <RadioGroup aria-labelledby={labelId} value={selectedAddress ?? ''} onChange={(_, data) => setChosen(data.value)}>
          {known.map((recipient) => (
            <Radio key={recipient.mailbox.address} value={normalizeEmail(recipient.mailbox.address)} label={recipient.match?.contact.name ?? recipient.mailbox.address} />
          ))}
        </RadioGroup>
      )}
      {selected !== undefined && <ContactCardView contact={selected.contact} company={selected.company} />}
    </div>
  );
}
