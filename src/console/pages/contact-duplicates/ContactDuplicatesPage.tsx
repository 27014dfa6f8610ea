import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { DuplicatePairView } from '../../../contract/duplicates';
import { ContactsMessages, type ContactsTranslate, useContactsT } from '../../i18n/contacts/contacts-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { contactQuery } from '../../queries/contacts';
import { duplicatePairQuery, duplicatePairsQuery, type PairShown, useMarkSeparate } from '../../queries/duplicates';
import { useConsole } from '../../shell/console-context';
import { errorText } from '../../shell/error-text';
import { PageHeading } from '../../shell/PageHeading';
import { QueryError } from '../../shell/QueryError';
import { DataTable } from '../shared/DataTable';
import { type VirtualColumn, VirtualTable } from '../shared/VirtualTable';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  show: { maxWidth: '20rem' },
  status: { color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  surface: { maxWidth: 'min(64rem, 95vw)', width: '64rem' },
  sides: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalL },
  side: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  sideHeading: { margin: 0 },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

/** Contact Duplicates: every pair the duplicate search found, compared side by side and marked separate when they are not the same. */
export function ContactDuplicatesPage() {
  return (
    <ContactsMessages>
      <Duplicates />
    </ContactsMessages>
  );
}

const route = getRouteApi('/contact-duplicates');

type PairNames = { contactNo: string; contactName: string; duplicateNo: string; duplicateName: string };

const namesOf = (pair: DuplicatePairView): PairNames => ({ contactNo: pair.contact.no, contactName: pair.contact.name || pair.contact.no, duplicateNo: pair.duplicate.no, duplicateName: pair.duplicate.name || pair.duplicate.no });

type MarkOutcome = { kind: 'marked' | 'unmarked'; names: PairNames } | { kind: 'failed'; reason: string } | null;

function Duplicates() {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const shown: PairShown = search.show ?? 'toReview';
  const pairs = useInfiniteQuery(duplicatePairsQuery(api, shown));
  const rows = useMemo(() => pairs.data?.pages.flatMap((page) => page.items) ?? [], [pairs.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pairs;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const mark = useMarkSeparate(api);
  const [outcome, setOutcome] = useState<MarkOutcome>(null);
  const [compared, setCompared] = useState<PairNames | null>(null);

  const setSeparate = (names: PairNames, separateContacts: boolean) => {
    setOutcome(null);
    mark.mutate(
      { contactNo: names.contactNo, duplicateNo: names.duplicateNo, separateContacts },
      {
        onSuccess: () => setOutcome({ kind: separateContacts ? 'marked' : 'unmarked', names }),
        onError: (error) => setOutcome({ kind: 'failed', reason: errorText(error, shell.t) }),
      },
    );
  };

  const columns: VirtualColumn<DuplicatePairView>[] = [
    { key: 'contact', header: t('duplicates.column.contact'), cell: (pair) => sideLink(pair.contact, styles.link) },
    { key: 'duplicate', header: t('duplicates.column.duplicate'), cell: (pair) => sideLink(pair.duplicate, styles.link) },
    { key: 'matching', header: t('duplicates.column.matching'), width: '9rem', cell: (pair) => pair.noOfMatchingStrings },
    { key: 'same', header: t('duplicates.column.same'), width: '8rem', cell: (pair) => pair.exactMatches.map((match) => t(`card.exact.${match}`)).join(', ') },
    { key: 'separate', header: t('duplicates.column.separate'), width: '9rem', cell: (pair) => t(pair.separateContacts ? 'value.yes' : 'value.no') },
    {
      key: 'actions',
      header: t('duplicates.column.actions'),
      width: '20rem',
      cell: (pair) => {
        const names = namesOf(pair);
        return (
          <div className={styles.actions}>
            <Button size="small" onClick={() => setCompared(names)} aria-label={t('duplicates.actionOnPair', { action: t('duplicates.compare'), contact: names.contactName, duplicate: names.duplicateName })}>
              {t('duplicates.compare')}
            </Button>
            <SeparateButton pair={pair} disabled={mark.isPending} onChange={(separate) => setSeparate(names, separate)} />
          </div>
        );
      },
    },
  ];

  return (
    <div className={styles.page}>
      <PageHeading title={t('duplicates.heading')} intro={t('duplicates.intro')} />
      <Field label={t('duplicates.show')} className={styles.show}>
        <Select value={shown} onChange={(_event, data) => void navigate({ search: data.value === 'separate' || data.value === 'all' ? { show: data.value } : {}, replace: true })}>
          <option value="toReview">{t('duplicates.show.toReview')}</option>
          <option value="separate">{t('duplicates.show.separate')}</option>
          <option value="all">{t('duplicates.show.all')}</option>
        </Select>
      </Field>
      <div role="status">
        {outcome?.kind === 'marked' || outcome?.kind === 'unmarked' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t(outcome.kind === 'marked' ? 'duplicates.marked' : 'duplicates.unmarked', { contact: outcome.names.contactName, duplicate: outcome.names.duplicateName })}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div role="alert">
        {outcome?.kind === 'failed' ? (
          <MessageBar intent="error">
            <MessageBarBody>{t('duplicates.markFailed', { reason: outcome.reason })}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {pairs.isPending ? <Spinner size="small" labelPosition="after" label={shell.t('common.loading')} /> : null}
      {pairs.isError && pairs.data === undefined ? <QueryError title={t('duplicates.loadFailed')} error={pairs.error} onRetry={() => void pairs.refetch()} /> : null}
      <div role="status">
        {pairs.data !== undefined ? (
          <Text className={styles.status}>
            {rows.length === 0 ? t(shown === 'toReview' ? 'duplicates.none' : shown === 'separate' ? 'duplicates.noneSeparate' : 'duplicates.noneAll') : hasNextPage ? t('duplicates.countMore', { count: rows.length }) : t('duplicates.count', { count: rows.length })}
          </Text>
        ) : null}
      </div>
      {rows.length > 0 ? (
        <>
          {pairs.isFetchNextPageError ? <QueryError title={t('duplicates.loadFailed')} error={pairs.error} onRetry={loadMore} /> : null}
          <VirtualTable
            label={t('duplicates.tableLabel')}
            columns={columns}
            rows={rows}
            rowKey={(pair) => `${pair.contact.no}\u0000${pair.duplicate.no}`}
            hasMore={hasNextPage && !pairs.isFetchNextPageError}
            loadingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            loadMoreLabel={t('loadMore')}
            loadingLabel={t('loadingMore')}
          />
        </>
      ) : null}
      {compared === null ? null : (
        <CompareDialog
          names={compared}
          busy={mark.isPending}
          onClose={() => setCompared(null)}
          onSeparate={(separate) => {
            // The dialog closes; the page says what became of the pair.
            setSeparate(compared, separate);
            setCompared(null);
          }}
        />
      )}
    </div>
  );
}

function sideLink(side: DuplicatePairView['contact'], className: string) {
  return (
    <Link to="/contacts/$no" params={{ no: side.no }} className={className}>
      {side.name ? `${side.no} – ${side.name}` : side.no}
    </Link>
  );
}

function SeparateButton({ pair, disabled, onChange }: { pair: DuplicatePairView; disabled: boolean; onChange: (separate: boolean) => void }) {
  const t = useContactsT();
  const names = { contact: pair.contact.name || pair.contact.no, duplicate: pair.duplicate.name || pair.duplicate.no };
  return pair.separateContacts ? (
    <Button size="small" disabled={disabled} onClick={() => onChange(false)} aria-label={t('duplicates.actionOnPair', { action: t('duplicates.unmarkSeparate'), ...names })}>
      {t('duplicates.unmarkSeparate')}
    </Button>
  ) : (
    <Button size="small" appearance="primary" disabled={disabled} onClick={() => onChange(true)} aria-label={t('duplicates.actionOnPair', { action: t('duplicates.markSeparate'), ...names })}>
      {t('duplicates.markSeparate')}
    </Button>
  );
}

/** The fields two contacts are compared on, in the card's order. */
const COMPARED_FIELDS = ['no', 'type', 'name', 'name2', 'companyName', 'address', 'postCode', 'city', 'countryRegionCode', 'phoneNo', 'mobilePhoneNo', 'email', 'homePage', 'vatRegistrationNo', 'salespersonCode'] as const;

type CompareDialogProps = { names: PairNames; busy: boolean; onClose: () => void; onSeparate: (separate: boolean) => void };

/** Both contacts of a pair side by side: their main fields, their search strings with the shared ones marked, a link to each card. */
function CompareDialog({ names, busy, onClose, onSeparate }: CompareDialogProps) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const pair = useQuery(duplicatePairQuery(api, names.contactNo, names.duplicateNo));
  const contact = useQuery(contactQuery(api, names.contactNo));
  const duplicate = useQuery(contactQuery(api, names.duplicateNo));
  const title = t('duplicates.compareHeading', { contact: names.contactName, duplicate: names.duplicateName });
  return (
    <Dialog open onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {contact.isSuccess && duplicate.isSuccess ? (
              <DataTable
                label={title}
                rows={COMPARED_FIELDS.filter((field) => String(contact.data[field]) !== '' || String(duplicate.data[field]) !== '')}
                rowKey={(field) => field}
                columns={[
                  { key: 'field', header: t('duplicates.string.field'), cell: (field) => t(`field.${field}`) },
                  { key: 'contact', header: names.contactName, cell: (field) => fieldText(t, field, contact.data[field]) },
                  { key: 'duplicate', header: names.duplicateName, cell: (field) => fieldText(t, field, duplicate.data[field]) },
                ]}
              />
            ) : null}
            {contact.isError || duplicate.isError ? <QueryError title={t('card.loadFailed')} error={contact.error ?? duplicate.error} onRetry={() => void Promise.all([contact.refetch(), duplicate.refetch()])} /> : null}
            {pair.isPending ? <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} /> : null}
            {pair.isError ? <QueryError title={t('duplicates.detailFailed')} error={pair.error} onRetry={() => void pair.refetch()} /> : null}
            {pair.isSuccess ? (
              <>
                <Text>{t('duplicates.stringsIntro', { count: pair.data.noOfMatchingStrings })}</Text>
                <div className={styles.sides}>
                  {[
                    { side: pair.data.contact, strings: pair.data.contactStrings },
                    { side: pair.data.duplicate, strings: pair.data.duplicateStrings },
                  ].map(({ side, strings }) => {
                    const heading = t('duplicates.stringsOf', { name: side.name || side.no });
                    return (
                      <section key={side.no} className={styles.side} aria-label={heading}>
                        <Subtitle2 as="h3" className={styles.sideHeading}>
                          {heading}
                        </Subtitle2>
                        <DataTable
                          label={heading}
                          rows={strings}
                          rowKey={(string) => `${string.field}/${string.part}`}
                          columns={[
                            { key: 'field', header: t('duplicates.string.field'), cell: (string) => t(`field.${string.field}`) },
                            { key: 'part', header: t('duplicates.string.part'), cell: (string) => t(`duplicates.part.${string.part}`) },
                            { key: 'value', header: t('duplicates.string.value'), cell: (string) => string.searchString },
                            { key: 'shared', header: t('duplicates.string.shared'), cell: (string) => t(string.matches ? 'value.yes' : 'value.no') },
                          ]}
                        />
                        <Link to="/contacts/$no" params={{ no: side.no }} className={styles.link}>
                          {t('duplicates.openCard', { name: side.name || side.no })}
                        </Link>
                      </section>
                    );
                  })}
                </div>
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            {pair.isSuccess ? (
              pair.data.separateContacts ? (
                <Button disabled={busy} onClick={() => onSeparate(false)}>
                  {t('duplicates.unmarkSeparate')}
                </Button>
              ) : (
                <Button appearance="primary" disabled={busy} onClick={() => onSeparate(true)}>
                  {t('duplicates.markSeparate')}
                </Button>
              )
            ) : null}
            <Button onClick={onClose}>{t('duplicates.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function fieldText(t: ContactsTranslate, field: (typeof COMPARED_FIELDS)[number], value: unknown): string {
  if (field === 'type') return t(value === 'person' ? 'type.person' : 'type.company');
  return String(value);
}
