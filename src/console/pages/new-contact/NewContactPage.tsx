import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { duplicateCandidateSchema } from '../../../contract/contacts';
import { ApiError } from '../../api/api-error';
import { ContactsMessages, type ContactsPlainKey, useContactsT } from '../../i18n/contacts/contacts-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { codeListQuery, contactQuery, salespeopleQuery, useCreateContact, useDuplicateCheck } from '../../queries/contacts';
import { useConsole } from '../../shell/console-context';
import { errorText } from '../../shell/error-text';
import { PageHeading } from '../../shell/PageHeading';
import { bodyToSend, CHOICE_FIELDS, type ContactType, type FormField, type FormGroup, formGroups, type FormValues, localProblems, problemsByField } from './contact-form';

type Candidate = z.output<typeof duplicateCandidateSchema>;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '60rem' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  groupHeading: { margin: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalM, alignItems: 'start' },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  candidates: { margin: `${tokens.spacingVerticalS} 0`, paddingInlineStart: tokens.spacingHorizontalXL },
  link: { color: tokens.colorBrandForegroundLink },
  muted: { color: tokens.colorNeutralForeground2 },
  // A select is as wide as its longest choice unless told it may shrink to its column.
  choice: { minWidth: 0 },
});

/** Create a company or a person, with the duplicate check shown before anything is saved. */
export function NewContactPage() {
  return (
    <ContactsMessages>
      <NewContact />
    </ContactsMessages>
  );
}

const route = getRouteApi('/new-contact');

/** Where the form is: typing, asking for duplicates, showing them, or saving. */
type Phase = { kind: 'editing' } | { kind: 'checking' } | { kind: 'duplicates'; candidates: Candidate[] } | { kind: 'saving' };

/** Why the last save did not go through; what was typed stays either way. */
type Outcome = { kind: 'fixFields' } | { kind: 'notSaved'; reason: string } | { kind: 'checkFailed'; reason: string } | null;

const GROUP_TITLES: Readonly<Record<FormGroup, ContactsPlainKey>> = {
  general: 'new.group.general',
  address: 'new.group.address',
  communication: 'new.group.communication',
  sales: 'new.group.sales',
};

const LOCAL_PROBLEM_TEXT: Readonly<Record<string, ContactsPlainKey>> = { nameNeeded: 'new.nameNeeded', personNameNeeded: 'new.personNameNeeded' };

function NewContact() {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const navigate = useNavigate();
  const search = route.useSearch();
  const [type, setType] = useState<ContactType>(search.type ?? 'company');
  const [values, setValues] = useState<FormValues>(search.companyNo === undefined ? {} : { companyNo: search.companyNo });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FormField, string>>>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const check = useDuplicateCheck(api);
  const create = useCreateContact(api);
  const company = useQuery({ ...contactQuery(api, search.companyNo ?? ''), enabled: search.companyNo !== undefined });
  const busy = phase.kind === 'checking' || phase.kind === 'saving';

  const edit = (field: FormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A field the user changed no longer carries the error it had.
    setFieldErrors((current) => {
      const { [field]: _dropped, ...rest } = current;
      return rest;
    });
    if (phase.kind === 'duplicates') setPhase({ kind: 'editing' });
  };

  const save = async () => {
    setPhase({ kind: 'saving' });
    try {
      const { contact } = await create.mutateAsync(bodyToSend(type, values));
      await navigate({ to: '/contacts/$no', params: { no: contact.no } });
    } catch (error) {
      const byField = error instanceof ApiError ? problemsByField(type, error.fields) : {};
      setFieldErrors(byField);
      setOutcome(Object.keys(byField).length > 0 ? { kind: 'fixFields' } : { kind: 'notSaved', reason: errorText(error, shell.t) });
      setPhase({ kind: 'editing' });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = localProblems(type, values);
    if (Object.keys(problems).length > 0) {
      setFieldErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(LOCAL_PROBLEM_TEXT[problem] ?? 'new.nameNeeded')])));
      setOutcome({ kind: 'fixFields' });
      return;
    }
    setOutcome(null);
    setPhase({ kind: 'checking' });
    let candidates: Candidate[];
    try {
      candidates = (await check.mutateAsync(bodyToSend(type, values))).items;
    } catch (error) {
      // The check found fields it cannot take: they are the save's problems too.
      const byField = error instanceof ApiError ? problemsByField(type, error.fields) : {};
      setFieldErrors(byField);
      setOutcome(Object.keys(byField).length > 0 ? { kind: 'fixFields' } : { kind: 'checkFailed', reason: errorText(error, shell.t) });
      setPhase({ kind: 'editing' });
      return;
    }
    if (candidates.length > 0) setPhase({ kind: 'duplicates', candidates });
    else await save();
  };

  return (
    <div className={styles.page}>
      <PageHeading title={t('new.heading')} intro={t('new.intro')} />
      {company.isSuccess && type === 'person' && values.companyNo === company.data.no ? <Body1 className={styles.muted}>{t('new.personAt', { company: company.data.name })}</Body1> : null}
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <RadioGroup layout="horizontal" value={type} aria-label={t('field.type')} onChange={(_event, data) => setType(data.value === 'person' ? 'person' : 'company')}>
          <Radio value="company" label={t('type.company')} />
          <Radio value="person" label={t('type.person')} />
        </RadioGroup>
        {formGroups(type).map(({ group, fields }) => (
          <GroupSection key={group} title={t(GROUP_TITLES[group])}>
            {fields.map((field) => (
              <FormInput key={field} field={field} value={values[field] ?? ''} error={fieldErrors[field]} disabled={busy} onChange={(value) => edit(field, value)} />
            ))}
          </GroupSection>
        ))}
        {phase.kind === 'duplicates' ? <DuplicatesFound candidates={phase.candidates} onSaveAnyway={() => void save()} onKeepEditing={() => setPhase({ kind: 'editing' })} /> : null}
        <div role="alert">
          {outcome === null ? null : (
            <MessageBar intent="error">
              <MessageBarBody>
                {outcome.kind === 'fixFields' ? t('new.fixFields') : outcome.kind === 'checkFailed' ? t('new.checkFailed', { reason: outcome.reason }) : t('new.notSaved', { reason: outcome.reason })}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.commands}>
          <Button type="submit" appearance="primary" disabled={busy || phase.kind === 'duplicates'}>
            {phase.kind === 'checking' ? t('new.checking') : phase.kind === 'saving' ? t('new.saving') : t('new.save')}
          </Button>
          {search.companyNo !== undefined ? (
            <Link to="/contacts/$no" params={{ no: search.companyNo }} className={styles.link}>
              {t('new.cancel')}
            </Link>
          ) : (
            <Link to="/contacts" className={styles.link}>
              {t('new.cancel')}
            </Link>
          )}
        </div>
      </form>
    </div>
  );
}

function GroupSection({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.groupHeading}>
        {title}
      </Subtitle2>
      <div className={styles.fields}>{children}</div>
    </section>
  );
}

type FormInputProps = { field: FormField; value: string; error: string | undefined; disabled: boolean; onChange: (value: string) => void };

function FormInput({ field, value, error, disabled, onChange }: FormInputProps) {
  const t = useContactsT();
  const common = { label: t(`field.${field}`), ...(error === undefined ? {} : { validationState: 'error' as const, validationMessage: error }) };
  const list = CHOICE_FIELDS[field];
  if (list !== undefined) {
    return (
      <Field {...common}>
        <ChoiceSelect list={list} value={value} disabled={disabled} onChange={onChange} />
      </Field>
    );
  }
  return (
    <Field {...common}>
      <Input value={value} disabled={disabled} type={field === 'email' || field === 'email2' ? 'email' : field.endsWith('PhoneNo') || field === 'phoneNo' ? 'tel' : 'text'} onChange={(_event, data) => onChange(data.value)} />
    </Field>
  );
}

function ChoiceSelect({ list, value, disabled, onChange }: { list: NonNullable<(typeof CHOICE_FIELDS)[FormField]>; value: string; disabled: boolean; onChange: (value: string) => void }) {
  const styles = useStyles();
  const t = useContactsT();
  const { api } = useConsole();
  const salespeople = useQuery({ ...salespeopleQuery(api), enabled: list === 'salespeople' });
  const codes = useQuery({ ...codeListQuery(api, list === 'salespeople' ? 'territory' : list), enabled: list !== 'salespeople' });
  const options =
    list === 'salespeople'
      ? (salespeople.data?.items ?? []).map((salesperson) => ({ code: salesperson.code, text: salesperson.name ? `${salesperson.code} – ${salesperson.name}` : salesperson.code }))
      : (codes.data?.items ?? []).map((entry) => ({ code: entry.code, text: entry.description ? `${entry.code} – ${entry.description}` : entry.code }));
  return (
    <Select className={styles.choice} select={{ className: styles.choice }} value={value} disabled={disabled} onChange={(_event, data) => onChange(data.value)}>
      <option value="">{t('new.default')}</option>
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.text}
        </option>
      ))}
    </Select>
  );
}

type DuplicatesFoundProps = { candidates: Candidate[]; onSaveAnyway: () => void; onKeepEditing: () => void };

/** The likely duplicates, shown before anything is saved: open one to compare (in a new tab, the form stays), or save anyway. */
function DuplicatesFound({ candidates, onSaveAnyway, onKeepEditing }: DuplicatesFoundProps) {
  const styles = useStyles();
  const t = useContactsT();
  const panel = useRef<HTMLDivElement>(null);
  // Moved to, so that the keyboard and screen readers arrive where the choice is.
  useEffect(() => panel.current?.focus(), []);
  return (
    <div ref={panel} tabIndex={-1}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('new.duplicatesFound')}</MessageBarTitle>
          {t('new.duplicatesText')}
          <ul className={styles.candidates}>
            {candidates.map((candidate) => (
              <li key={candidate.contactNo}>
                <Link to="/contacts/$no" params={{ no: candidate.contactNo }} target="_blank" className={styles.link}>
                  {t('new.candidate', { name: candidate.name, no: candidate.contactNo })}
                </Link>{' '}
                – {[t('new.matchingStrings', { count: candidate.noOfMatchingStrings }), ...candidate.exactMatches.map((match) => t(match === 'email' ? 'new.sameEmail' : 'new.samePhone'))].join(', ')}
              </li>
            ))}
          </ul>
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onSaveAnyway}>
            {t('new.saveAnyway')}
          </Button>
          <Button onClick={onKeepEditing}>{t('new.keepEditing')}</Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
