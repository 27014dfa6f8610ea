import { Badge, Link, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ShownContact } from '../../cache/repositories';
import type { MessageKey } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { useStoreQuery } from '../hooks/useStoreQuery';
import { useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';

export type ContactSummaryProps = {
  contact: ShownContact;
  company: ShownContact | undefined;
  /** The heading level the contact's name takes in the pane's outline. */
  headingLevel?: 'h2' | 'h3';
};

const RELATION_KEYS: Partial<Record<ShownContact['businessRelation'], Extract<MessageKey, `relation.${string}`>>> = {
  customer: 'relation.customer',
  vendor: 'relation.vendor',
  bankAccount: 'relation.bankAccount',
  employee: 'relation.employee',
  other: 'relation.other',
  multiple: 'relation.multiple',
};

const useStyles = makeStyles({
  details: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** Who the contact is: name, job title, company, phones, salesperson and business relation. */
export function ContactSummary({ contact, company, headingLevel = 'h2' }: ContactSummaryProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const styles = useStyles();
  const store = useStore();
  const salesperson = useStoreQuery(store, (s) => (contact.salespersonCode === '' ? Promise.resolve(undefined) : s.get('salesperson', contact.salespersonCode)), [contact.salespersonCode]);
  // A company's relation is its own; a person's is its company's (persons carry none of their own).
  const relationOf = contact.businessRelation !== 'none' ? contact.businessRelation : (company?.businessRelation ?? 'none');
  const relationKey = RELATION_KEYS[relationOf];
  const companyName = company !== undefined && company.no !== contact.no ? company.name : contact.type === 'person' ? contact.companyName : '';
  const salespersonName = salesperson.data?.name ?? contact.salespersonCode;

  return (
    <div className={section.section}>
      <div className={section.row}>
        <Subtitle2 as={headingLevel} className={section.heading}>
          {contact.name}
        </Subtitle2>
        {relationKey !== undefined && (
          <Badge appearance="tint" color={relationOf === 'customer' ? 'success' : 'informative'}>
            {t(relationKey)}
          </Badge>
        )}
        {contact.pending && (
          <Badge appearance="outline" color="warning">
            {t('common.pending')}
          </Badge>
        )}
      </div>
      {(contact.jobTitle !== '' || companyName !== '') && <Text>{[contact.jobTitle, companyName].filter((part) => part !== '').join(' · ')}</Text>}
      <dl className={styles.details} aria-label={t('contact.details')}>
        {contact.phoneNo !== '' && (
          <>
            <dt className={styles.term}>{t('contact.phone')}</dt>
            <dd className={styles.value}>
              <Link href={`tel:${contact.phoneNo}`}>{contact.phoneNo}</Link>
            </dd>
          </>
        )}
        {contact.mobilePhoneNo !== '' && (
          <>
            <dt className={styles.term}>{t('contact.mobile')}</dt>
            <dd className={styles.value}>
              <Link href={`tel:${contact.mobilePhoneNo}`}>{contact.mobilePhoneNo}</Link>
            </dd>
          </>
        )}
        {contact.email !== '' && (
          <>
            <dt className={styles.term}>{t('contact.email')}</dt>
            <dd className={styles.value}>{contact.email}</dd>
          </>
        )}
        {salespersonName !== '' && (
          <>
            <dt className={styles.term}>{t('contact.salesperson')}</dt>
            <dd className={styles.value}>{salespersonName}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
