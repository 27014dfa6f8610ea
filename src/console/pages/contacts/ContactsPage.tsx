import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { contactSchema } from '../../../contract/contacts';
import { ContactsMessages, type ContactsTranslate, useContactsT } from '../../i18n/contacts/contacts-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { codeListQuery, type CodeListKind, contactListQuery, salespeopleQuery } from '../../queries/contacts';
import { hasLevel } from '../../queries/me';
import { useConsole } from '../../shell/console-context';
import { errorText } from '../../shell/error-text';
import { PageHeading } from '../../shell/PageHeading';
import { QueryError } from '../../shell/QueryError';
import { ButtonLink } from '../shared/ButtonLink';
import { DebouncedInput } from '../shared/DebouncedInput';
import { saveFile } from '../shared/save-file';
import { type VirtualColumn, VirtualTable } from '../shared/VirtualTable';
import { type ContactFilter, type ContactFilterKey, contactFilterQuery, isFiltered, withFilter } from './contact-filter';

type Contact = z.output<typeof contactSchema>;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  filtersHeading: { gridColumn: '1 / -1', margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  clear: { gridColumn: '1 / -1', justifySelf: 'start' },
  // A select is as wide as its longest choice unless told it may shrink to its column.
  choice: { minWidth: 0 },
  status: { color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink },
});

/** The contact list: search, filters, a virtualised table paged by the service, export for managers. */
export function ContactsPage() {
  return (
    <ContactsMessages>
      <ContactList />
    </ContactsMessages>
  );
}

const route = getRouteApi('/contacts');

function ContactList() {
  const styles = useStyles();
  const t = useContactsT();
  const { api, me } = useConsole();
  const filter = route.useSearch();
  const navigate = route.useNavigate();
  const setFilter = useCallback((next: ContactFilter) => void navigate({ search: next, replace: true }), [navigate]);
  const list = useInfiniteQuery(contactListQuery(api, filter));
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div className={styles.page}>
      <PageHeading title={t('list.heading')} intro={t('list.intro')} />
      <div className={styles.commands}>
        <ButtonLink to="/new-contact" appearance="primary">
          {t('list.newContact')}
        </ButtonLink>
        {hasLevel(me.accessLevel, 'manager') ? <ExportButton filter={filter} /> : null}
      </div>
      <Filters filter={filter} onChange={setFilter} />
      {list.isPending ? <Spinner size="small" labelPosition="after" label={t('loadingMore')} /> : null}
      {list.isError && list.data === undefined ? <QueryError title={t('list.loadFailed')} error={list.error} onRetry={() => void list.refetch()} /> : null}
      <div role="status">
        {list.data !== undefined ? (
          <Text className={styles.status}>
            {rows.length === 0
              ? t(isFiltered(filter) ? 'list.none' : 'list.empty')
              : hasNextPage
                ? t('list.countMore', { count: rows.length })
                : t('list.count', { count: rows.length })}
          </Text>
        ) : null}
      </div>
      {rows.length > 0 ? (
        <>
          {list.isFetchNextPageError ? <QueryError title={t('list.loadFailed')} error={list.error} onRetry={loadMore} /> : null}
          <VirtualTable
            label={t('list.tableLabel')}
            columns={contactColumns(t, styles.link)}
            rows={rows}
            rowKey={(contact) => contact.no}
            hasMore={hasNextPage && !list.isFetchNextPageError}
            loadingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            loadMoreLabel={t('loadMore')}
            loadingLabel={t('loadingMore')}
          />
        </>
      ) : null}
    </div>
  );
}

function contactColumns(t: ContactsTranslate, linkClass: string): VirtualColumn<Contact>[] {
  const link = (contact: Contact, text: string) => (
    <Link to="/contacts/$no" params={{ no: contact.no }} className={linkClass}>
      {text}
    </Link>
  );
  // Shares of the table's width: a fixed layout draws every row alike without measuring any.
  return [
    { key: 'no', header: t('field.no'), width: '9%', sorted: 'ascending', cell: (contact) => link(contact, contact.no) },
    { key: 'name', header: t('field.name'), width: '17%', cell: (contact) => link(contact, contact.name || contact.no) },
    { key: 'type', header: t('field.type'), width: '7%', cell: (contact) => t(`type.${contact.type}`) },
    { key: 'company', header: t('field.companyName'), width: '13%', cell: (contact) => (contact.type === 'person' ? contact.companyName : '') },
    { key: 'city', header: t('field.city'), width: '9%', cell: (contact) => contact.city },
    { key: 'country', header: t('list.filter.country'), width: '7%', cell: (contact) => contact.countryRegionCode },
    { key: 'salesperson', header: t('list.filter.salesperson'), width: '7%', cell: (contact) => contact.salespersonCode },
    { key: 'phone', header: t('field.phoneNo'), width: '10%', cell: (contact) => contact.phoneNo },
    { key: 'email', header: t('field.email'), width: '13%', cell: (contact) => contact.email },
    { key: 'relation', header: t('field.businessRelation'), width: '8%', cell: (contact) => t(`relation.${contact.businessRelation}`) },
  ];
}

type FiltersProps = { filter: ContactFilter; onChange: (filter: ContactFilter) => void };

/** The search box and the filters of `GET /contacts`; each change replaces the address's filter. */
function Filters({ filter, onChange }: FiltersProps) {
  const styles = useStyles();
  const t = useContactsT();
  const { api } = useConsole();
  const set = (key: ContactFilterKey) => (value: string) => onChange(withFilter(filter, key, value));
  const salespeople = useQuery(salespeopleQuery(api));
  return (
    <section className={styles.filters} role="search" aria-label={t('list.filters')}>
      <DebouncedInput type="search" label={t('list.search')} hint={t('list.searchHint')} value={filter.q ?? ''} onCommit={set('q')} />
      <Field label={t('list.filter.type')}>
        <Select value={filter.type ?? ''} onChange={(_event, data) => set('type')(data.value)}>
          <option value="">{t('list.filter.anyType')}</option>
          <option value="company">{t('list.filter.companies')}</option>
          <option value="person">{t('list.filter.persons')}</option>
        </Select>
      </Field>
      <DebouncedInput label={t('list.filter.companyNo')} hint={t('list.filter.companyNoHint')} value={filter.companyNo ?? ''} onCommit={set('companyNo')} />
      <ChoiceFilter
        label={t('list.filter.salesperson')}
        value={filter.salespersonCode ?? ''}
        onChange={set('salespersonCode')}
        options={salespeople.data?.items.map((salesperson) => ({ code: salesperson.code, text: salesperson.name ? `${salesperson.code} – ${salesperson.name}` : salesperson.code }))}
        failed={salespeople.isError}
      />
      <CodeListFilter kind="territory" label={t('list.filter.territory')} value={filter.territoryCode ?? ''} onChange={set('territoryCode')} />
      <CodeListFilter kind="businessRelation" label={t('list.filter.businessRelation')} value={filter.businessRelationCode ?? ''} onChange={set('businessRelationCode')} />
      <DebouncedInput label={t('list.filter.city')} value={filter.city ?? ''} onCommit={set('city')} />
      <CodeListFilter kind="countryRegion" label={t('list.filter.country')} value={filter.countryRegionCode ?? ''} onChange={set('countryRegionCode')} />
      {isFiltered(filter) ? (
        <Button className={styles.clear} onClick={() => onChange({})}>
          {t('list.clearFilters')}
        </Button>
      ) : null}
    </section>
  );
}

type ChoiceFilterProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The choices once loaded; the value in force is offered even before. */
  options: { code: string; text: string }[] | undefined;
  failed: boolean;
};

function ChoiceFilter({ label, value, onChange, options, failed }: ChoiceFilterProps) {
  const styles = useStyles();
  const t = useContactsT();
  const shown = options ?? [];
  const withCurrent = value === '' || shown.some((option) => option.code === value) ? shown : [{ code: value, text: value }, ...shown];
  return (
    <Field label={label} {...(failed ? { validationState: 'warning' as const, validationMessage: t('list.filter.optionsFailed') } : {})}>
      <Select className={styles.choice} select={{ className: styles.choice }} value={value} onChange={(_event, data) => onChange(data.value)}>
        <option value="">{t('list.filter.any')}</option>
        {withCurrent.map((option) => (
          <option key={option.code} value={option.code}>
            {option.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function CodeListFilter({ kind, label, value, onChange }: { kind: CodeListKind; label: string; value: string; onChange: (value: string) => void }) {
  const { api } = useConsole();
  const list = useQuery(codeListQuery(api, kind));
  return (
    <ChoiceFilter
      label={label}
      value={value}
      onChange={onChange}
      options={list.data?.items.map((entry) => ({ code: entry.code, text: entry.description ? `${entry.code} – ${entry.description}` : entry.code }))}
      failed={list.isError}
    />
  );
}

type ExportState = { kind: 'idle' } | { kind: 'exporting' } | { kind: 'done'; file: string } | { kind: 'failed'; reason: string };

/** Export to CSV (managers): `GET /contacts/export` with the list's own filters, saved as a file. */
function ExportButton({ filter }: { filter: ContactFilter }) {
  const t = useContactsT();
  const { t: shellT } = useI18n();
  const { api } = useConsole();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const exportList = async () => {
    setState({ kind: 'exporting' });
    try {
      const query = contactFilterQuery(filter).toString();
      const file = await api.download(`/contacts/export${query === '' ? '' : `?${query}`}`);
      setState({ kind: 'done', file: saveFile(file, 'contacts.csv') });
    } catch (error) {
      setState({ kind: 'failed', reason: errorText(error, shellT) });
    }
  };
  return (
    <>
      <Button disabled={state.kind === 'exporting'} onClick={() => void exportList()}>
        {state.kind === 'exporting' ? t('list.exporting') : t('list.export')}
      </Button>
      <div role="status">{state.kind === 'done' ? <Text>{t('list.exported', { file: state.file })}</Text> : null}</div>
      <div role="alert">
        {state.kind === 'failed' ? (
          <MessageBar intent="error">
            <MessageBarBody>{t('list.exportFailed', { reason: state.reason })}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </>
  );
}
