import { Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { SenderMatch } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import type { ReadItem } from '../../office/mail-host';
import { useSectionStyles } from '../styles';
import { ContactCardView } from './ContactCardView';

export type SenderChoiceProps = {
  address: string;
  /** Persons first, as `findSender` orders them. */
  candidates: readonly SenderMatch[];
  logItem: { item: ReadItem; excerpt: Promise<string> };
};

const matchKey = (match: SenderMatch): string => match.contact.no || `pending-${match.contact.outboxId ?? 0}`;

/** Several contacts share the sender's address: the user says which one wrote, and sees that one's card. */
export function SenderChoice({ address, candidates, logItem }: SenderChoiceProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const [chosen, setChosen] = useState<string | null>(null);
  const labelId = useId();
  const selected = candidates.find((candidate) => matchKey(candidate) === chosen);
  return (
    <div className={section.section}>
      <Text id={labelId}>{t('sender.choose', { address })}</Text>
      <RadioGroup aria-labelledby={labelId} value={chosen ?? ''} onChange={(_, data) => setChosen(data.value)}>
        {candidates.map((candidate) => (
          <Radio
            key={matchKey(candidate)}
            value={matchKey(candidate)}
            label={
              candidate.company === undefined
                ? t('sender.withType', { name: candidate.contact.name, type: candidate.contact.type === 'person' ? t('contact.person') : t('contact.company') })
                : t('sender.atCompany', { name: candidate.contact.name, company: candidate.company.name })
            }
          />
        ))}
      </RadioGroup>
      {/* Logged to the chosen contact: the service would otherwise report the address as ambiguous. */}
      {selected !== undefined && <ContactCardView contact={selected.contact} company={selected.company} logItem={{ ...logItem, contactNos: selected.contact.no === '' ? [] : [selected.contact.no] }} />}
    </div>
  );
}
