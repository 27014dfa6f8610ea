import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ContactCreateBody } from '../../../contract/contacts';
import { buildPersonName, splitPersonName } from '../../../domain/contact/name';
import type { ShownContact } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import type { DuplicateCandidate, DuplicateCheckOutcome } from '../duplicate-check';
import { useServices, useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';

export type AddContactFormProps = {
  address: string;
  /** The sender's display name, split into the name parts as Business Central does. */
  displayName: string;
  domain: string;
  freeMail: boolean;
  /** Companies on the address's domain; the first is proposed. Never any for free mail. */
  proposedCompanies: readonly ShownContact[];
  onDone: () => void;
};

type Check = { state: 'idle' } | { state: 'checking' } | { state: 'done'; outcome: DuplicateCheckOutcome; body: ContactCreateBody };

// Text[30] parts (§2.1): the form keeps to them rather than have the service refuse the contact.
const PART_MAX = 30;

/** The display name, or the address's local part when the name is blank or just the address again. */
function nameToSplit(displayName: string, address: string): string {
  const name = displayName.trim();
  if (name !== '' && !name.includes('@')) return name;
  return address.split('@')[0]?.replace(/[._-]+/g, ' ') ?? '';
}

/**
 * "Add <name> as contact": name parts from the display name, company proposed from the domain,
 * and the service's duplicate search before saving. Offline, the contact is saved at once and
 * the service's own duplicate search answers when it syncs (a `likely_duplicate` rejection).
 */
export function AddContactForm({ address, displayName, domain, freeMail, proposedCompanies, onDone }: AddContactFormProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { engine, newId, checkDuplicates } = useServices();
  const store = useStore();
  const [parts, setParts] = useState(() => splitPersonName(nameToSplit(displayName, address)));
  const [email, setEmail] = useState(address);
  const [jobTitle, setJobTitle] = useState('');
  // Until the user picks one, the company is the first proposed: proposals still arriving (the
  // cache filling during a first sync) reach a form that is already open.
  const [chosenCompanyNo, setCompanyNo] = useState<string | null>(null);
  const companyNo = chosenCompanyNo ?? proposedCompanies[0]?.no ?? '';
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [tried, setTried] = useState(false);
  const missingName = parts.firstName.trim() === '' && parts.surname.trim() === '';

  const body = (): ContactCreateBody => ({
    type: 'person',
    name: buildPersonName(parts),
    firstName: parts.firstName.trim(),
    middleName: parts.middleName.trim(),
    surname: parts.surname.trim(),
    email: email.trim(),
    ...(jobTitle.trim() === '' ? {} : { jobTitle: jobTitle.trim() }),
    ...(companyNo === '' ? {} : { companyNo }),
  });

  async function enqueue(contact: ContactCreateBody, allowDuplicates: boolean) {
    await store.enqueue('createContact', { id: newId(), contact, allowDuplicates });
    engine.notifyWrite();
    onDone();
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (missingName) return;
    const contact = body();
    setCheck({ state: 'checking' });
    const outcome = await checkDuplicates(contact);
    if (outcome.kind === 'checked' && outcome.candidates.length > 0) {
      setCheck({ state: 'done', outcome, body: contact });
      return;
    }
    // No candidates, or no verdict (offline): saved now, checked again by the service on push.
    await enqueue(contact, false);
  }

  const candidates: DuplicateCandidate[] = check.state === 'done' && check.outcome.kind === 'checked' ? check.outcome.candidates : [];
  // Any edit makes the duplicate warning stale: "Save anyway" must only ever save what was checked.
  const edited =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      setCheck({ state: 'idle' });
    };
  const setPart = (part: keyof typeof parts) => (_: unknown, data: { value: string }) => edited(setParts)((current: typeof parts) => ({ ...current, [part]: data.value }));

  return (
    <form noValidate className={section.form} onSubmit={(event) => void save(event)} aria-label={t('addContact.heading')}>
      <Field label={t('addContact.firstName')} validationState={tried && missingName ? 'error' : 'none'} validationMessage={tried && missingName ? t('addContact.nameRequired') : undefined}>
        <Input value={parts.firstName} maxLength={PART_MAX} onChange={setPart('firstName')} />
      </Field>
      <Field label={t('addContact.middleName')}>
        <Input value={parts.middleName} maxLength={PART_MAX} onChange={setPart('middleName')} />
      </Field>
      <Field label={t('addContact.surname')}>
        <Input value={parts.surname} maxLength={PART_MAX} onChange={setPart('surname')} />
      </Field>
      <Field label={t('addContact.email')}>
        <Input type="email" value={email} onChange={(_, data) => edited(setEmail)(data.value)} />
      </Field>
      <Field label={t('addContact.jobTitle')}>
        <Input value={jobTitle} maxLength={PART_MAX} onChange={(_, data) => edited(setJobTitle)(data.value)} />
      </Field>
      <Field
        label={t('addContact.company')}
        hint={freeMail ? t('addContact.freeMail', { domain }) : proposedCompanies.length > 0 ? t('addContact.companyProposed', { domain }) : undefined}
      >
        <Select value={companyNo} onChange={(_, data) => edited(setCompanyNo)(data.value)}>
          <option value="">{t('addContact.noCompany')}</option>
          {proposedCompanies.map((company) => (
            <option key={company.no} value={company.no}>
              {company.name}
            </option>
          ))}
        </Select>
      </Field>

      {check.state === 'checking' && <Spinner size="tiny" label={t('addContact.checking')} />}
      {candidates.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <Text block>{t('addContact.duplicates')}</Text>
            <ul>
              {candidates.map((candidate) => (
                <li key={candidate.contactNo}>
                  {[`${candidate.name} (${candidate.contactNo})`, ...candidate.exactMatches.map((match) => (match === 'email' ? t('addContact.sameEmail') : t('addContact.samePhone')))].join(' · ')}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={section.actions}>
        {candidates.length > 0 && check.state === 'done' ? (
          <Button appearance="primary" type="button" onClick={() => void enqueue(check.body, true)}>
            {t('addContact.saveAnyway')}
          </Button>
        ) : (
          <Button appearance="primary" type="submit" disabled={check.state === 'checking'}>
            {t('addContact.save')}
          </Button>
        )}
        <Button type="button" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
