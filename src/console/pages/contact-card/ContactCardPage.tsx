import { Badge, Body1, Button, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { type UseInfiniteQueryResult, useInfiniteQuery, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useId } from 'react';
import { ContactsMessages, type ContactsPlainKey, type ContactsTranslate, useContactsT } from '../../i18n/contacts/contacts-messages';
import { useI18n } from '../../i18n/I18nProvider';
import {
  companyPersonsQuery,
  contactCampaignsQuery,
  contactDuplicatesQuery,
  contactInteractionsQuery,
  contactOpportunitiesQuery,
  contactQuery,
  contactRelationsQuery,
  contactTasksQuery,
} from '../../queries/contacts';
import { useConsole } from '../../shell/console-context';
import { PageHeading } from '../../shell/PageHeading';
import { QueryError } from '../../shell/QueryError';
import { ButtonLink } from '../shared/ButtonLink';
import { type DataColumn, DataTable } from '../shared/DataTable';
import { type CardContact, type CardField, type CardGroup, cardGroups, isInherited } from './card-fields';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  groups: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalL, alignItems: 'start' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  sectionHeading: { margin: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(9rem, max-content) 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink },
});

/** A contact's card: its fields in Business Central's groups, and everything the API has about it. */
export function ContactCardPage() {
  return (
    <ContactsMessages>
      <ContactCard />
    </ContactsMessages>
  );
}

const route = getRouteApi('/contacts/$no');

function ContactCard() {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api, me } = useConsole();
  const { no } = route.useParams();
  const contact = useQuery(contactQuery(api, no));
  if (!contact.isSuccess) {
    return (
      <div className={styles.page}>
        <PageHeading title={no} />
        {contact.isPending ? <Spinner size="small" labelPosition="after" label={shell.t('common.loading')} /> : null}
        {contact.isError ? <QueryError title={t('card.loadFailed')} error={contact.error} onRetry={() => void contact.refetch()} /> : null}
      </div>
    );
  }
  const data = contact.data;
  const intro =
    data.type === 'company' ? t('card.companyIntro', { no: data.no }) : data.companyNo !== '' ? t('card.personAtIntro', { no: data.no, company: data.companyName }) : t('card.personIntro', { no: data.no });
  const inherited = data.type === 'person' && data.inheritedFields.length > 0;
  return (
    <div className={styles.page}>
      <PageHeading title={data.name || data.no} intro={intro} />
      <div className={styles.commands}>
        <Link to="/contacts" className={styles.link}>
          {t('card.backToList')}
        </Link>
        {data.type === 'person' && data.companyNo !== '' ? (
          <Link to="/contacts/$no" params={{ no: data.companyNo }} className={styles.link}>
            {t('card.openCompany', { company: data.companyName || data.companyNo })}
          </Link>
        ) : null}
        {data.type === 'company' ? (
          <ButtonLink to="/new-contact" search={{ type: 'person', companyNo: data.no }}>
            {t('card.newPerson')}
          </ButtonLink>
        ) : null}
      </div>
      {inherited ? <Body1 className={styles.muted}>{t('card.inheritedLegend', { company: data.companyName || data.companyNo })}</Body1> : null}
      <div className={styles.groups}>
        {cardGroups(data.type).map(({ group, fields }) => (
          <FieldGroup key={group} group={group} contact={data} fields={fields} />
        ))}
      </div>
      {data.type === 'company' ? <PersonsSection companyNo={data.no} /> : null}
      <RelationsSection no={data.no} />
      <DuplicatesSection no={data.no} />
      <InteractionsSection no={data.no} />
      {me.accessLevel === 'salesperson' ? <Text className={styles.muted}>{t('card.ownPipeline')}</Text> : null}
      <OpportunitiesSection no={data.no} />
      <TasksSection no={data.no} />
      <CampaignsSection no={data.no} />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.sectionHeading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

const GROUP_TITLES: Readonly<Record<CardGroup, ContactsPlainKey>> = {
  general: 'card.section.general',
  address: 'card.section.address',
  communication: 'card.section.communication',
  privacy: 'card.section.privacy',
};

function FieldGroup({ group, contact, fields }: { group: CardGroup; contact: CardContact; fields: readonly CardField[] }) {
  const styles = useStyles();
  const t = useContactsT();
  return (
    <Section title={t(GROUP_TITLES[group])}>
      <dl className={styles.fields}>
        {fields.map((field) => (
          <div key={field} style={{ display: 'contents' }}>
            <dt className={styles.label}>{t(`field.${field}`)}</dt>
            <dd className={styles.value}>
              <FieldValue contact={contact} field={field} />
              {isInherited(contact, field) ? (
                <Badge appearance="tint" color="informative" size="small">
                  {t('card.inherited')}
                </Badge>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function FieldValue({ contact, field }: { contact: CardContact; field: CardField }) {
  const styles = useStyles();
  const t = useContactsT();
  const { format } = useI18n();
  const value = contact[field];
  if (typeof value === 'boolean') return <>{t(value ? 'value.yes' : 'value.no')}</>;
  switch (field) {
    case 'type':
      return <>{t(`type.${contact.type}`)}</>;
    case 'correspondenceType':
      return <>{t(`correspondence.${contact.correspondenceType}`)}</>;
    case 'businessRelation':
      return <>{t(`relation.${contact.businessRelation}`)}</>;
    case 'lastModified':
      return <>{contact.lastModified === '' ? '' : format.moment(contact.lastModified, new Date())}</>;
    case 'companyNo':
      return contact.companyNo === '' ? null : (
        <Link to="/contacts/$no" params={{ no: contact.companyNo }} className={styles.link}>
          {contact.companyName ? `${contact.companyNo} – ${contact.companyName}` : contact.companyNo}
        </Link>
      );
    default:
      return <>{String(value)}</>;
  }
}

/** The parts every list of the card shares: loading, a failure with Try again, an empty text, the table. */
function ListState<T>({ query, empty, render }: { query: UseQueryResult<{ items: T[] }>; empty: string; render: (rows: T[]) => ReactNode }) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  if (query.isPending) return <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} />;
  if (query.isError) return <QueryError title={t('card.sectionFailed')} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Text className={styles.muted}>{empty}</Text>;
  return <>{render(query.data.items)}</>;
}

/** The same for a list the service pages, with Load more. */
function PagedListState<T>({ query, empty, render }: { query: UseInfiniteQueryResult<{ pages: { items: T[] }[] }>; empty: string; render: (rows: T[]) => ReactNode }) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  if (query.isPending) return <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} />;
  if (query.data === undefined) return <QueryError title={t('card.sectionFailed')} error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <Text className={styles.muted}>{empty}</Text>;
  return (
    <>
      {render(rows)}
      {query.isFetchNextPageError ? <QueryError title={t('card.sectionFailed')} error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
      {query.hasNextPage ? (
        <Button appearance="subtle" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
        </Button>
      ) : null}
    </>
  );
}

function contactLink(no: string, name: string, className: string) {
  return (
    <Link to="/contacts/$no" params={{ no }} className={className}>
      {name || no}
    </Link>
  );
}

function PersonsSection({ companyNo }: { companyNo: string }) {
  const styles = useStyles();
  const t = useContactsT();
  const { api } = useConsole();
  const persons = useInfiniteQuery(companyPersonsQuery(api, companyNo));
  const title = t('card.section.persons');
  return (
    <Section title={title}>
      <PagedListState
        query={persons}
        empty={t('card.noPersons')}
        render={(rows) => (
          <DataTable
            label={title}
            rows={rows}
            rowKey={(person) => person.no}
            columns={[
              { key: 'no', header: t('field.no'), cell: (person) => person.no },
              { key: 'name', header: t('field.name'), cell: (person) => contactLink(person.no, person.name, styles.link) },
              { key: 'jobTitle', header: t('field.jobTitle'), cell: (person) => person.jobTitle },
              { key: 'email', header: t('field.email'), cell: (person) => person.email },
              { key: 'phone', header: t('field.phoneNo'), cell: (person) => person.phoneNo },
              { key: 'mobile', header: t('field.mobilePhoneNo'), cell: (person) => person.mobilePhoneNo },
            ]}
          />
        )}
      />
    </Section>
  );
}

function RelationsSection({ no }: { no: string }) {
  const t = useContactsT();
  const { api } = useConsole();
  const relations = useQuery(contactRelationsQuery(api, no));
  const title = t('card.section.relations');
  return (
    <Section title={title}>
      <ListState
        query={relations}
        empty={t('card.noRelations')}
        render={(rows) => (
          <DataTable
            label={title}
            rows={rows}
            rowKey={(relation) => relation.businessRelationCode}
            columns={[
              { key: 'code', header: t('field.businessRelationCode'), cell: (relation) => relation.businessRelationCode },
              {
                key: 'link',
                header: t('card.relation.linkedTo'),
                cell: (relation) => (relation.linkToTable === '' ? t('card.relation.notLinked') : `${t(`relation.${relation.linkToTable}`)} ${relation.no}`),
              },
            ]}
          />
        )}
      />
    </Section>
  );
}

function DuplicatesSection({ no }: { no: string }) {
  const styles = useStyles();
  const t = useContactsT();
  const { api } = useConsole();
  const duplicates = useQuery(contactDuplicatesQuery(api, no));
  const title = t('card.section.duplicates');
  return (
    <Section title={title}>
      <ListState
        query={duplicates}
        empty={t('card.noDuplicates')}
        render={(rows) => (
          <DataTable
            label={title}
            rows={rows}
            rowKey={(candidate) => candidate.contactNo}
            columns={[
              { key: 'contact', header: t('card.column.contact'), cell: (candidate) => contactLink(candidate.contactNo, `${candidate.contactNo} – ${candidate.name}`, styles.link) },
              { key: 'strings', header: t('card.column.matchingStrings'), cell: (candidate) => candidate.noOfMatchingStrings },
              { key: 'same', header: t('card.column.same'), cell: (candidate) => candidate.exactMatches.map((match) => t(`card.exact.${match}`)).join(', ') },
              { key: 'separate', header: t('card.column.separate'), cell: (candidate) => t(candidate.separateContacts ? 'value.yes' : 'value.no') },
            ]}
          />
        )}
      />
    </Section>
  );
}

function InteractionsSection({ no }: { no: string }) {
  const styles = useStyles();
  const t = useContactsT();
  const { format } = useI18n();
  const { api } = useConsole();
  const interactions = useInfiniteQuery(contactInteractionsQuery(api, no));
  const title = t('card.section.interactions');
  return (
    <Section title={title}>
      <PagedListState
        query={interactions}
        empty={t('card.noInteractions')}
        render={(rows) => (
          <DataTable
            label={title}
            rows={rows}
            rowKey={(entry) => String(entry.entryNo)}
            columns={[
              { key: 'date', header: t('card.column.date'), cell: (entry) => format.date(entry.date) },
              {
                key: 'description',
                header: t('card.column.description'),
                cell: (entry) => (
                  <>
                    {entry.subject || entry.description}
                    {entry.canceled ? <span className={styles.muted}> ({t('card.interactionCanceled')})</span> : null}
                  </>
                ),
              },
              { key: 'contact', header: t('card.column.contact'), cell: (entry) => entry.contactNo },
              { key: 'direction', header: t('card.column.direction'), cell: (entry) => (entry.informationFlow === '' ? '' : t(`card.flow.${entry.informationFlow}`)) },
              { key: 'salesperson', header: t('card.column.salesperson'), cell: (entry) => entry.salespersonCode },
              { key: 'campaign', header: t('card.column.campaign'), cell: (entry) => entry.campaignNo },
            ]}
          />
        )}
      />
    </Section>
  );
}

const OPPORTUNITY_STATUS: Readonly<Record<string, ContactsPlainKey>> = {
  notStarted: 'card.opportunity.notStarted',
  inProgress: 'card.opportunity.inProgress',
  won: 'card.opportunity.won',
  lost: 'card.opportunity.lost',
};

function OpportunitiesSection({ no }: { no: string }) {
  const t = useContactsT();
  const { format } = useI18n();
  const { api } = useConsole();
  const opportunities = useQuery(contactOpportunitiesQuery(api, no));
  const title = t('card.section.opportunities');
  return (
    <Section title={title}>
      <ListState
        query={opportunities}
        empty={t('card.noOpportunities')}
        render={(rows) => (
          <DataTable
            label={title}
            rows={rows}
            rowKey={(opportunity) => opportunity.no}
            columns={[
              { key: 'no', header: t('field.no'), cell: (opportunity) => opportunity.no },
              { key: 'description', header: t('card.column.description'), cell: (opportunity) => opportunity.description },
              { key: 'status', header: t('card.column.status'), cell: (opportunity) => translated(t, OPPORTUNITY_STATUS, opportunity.status) },
              { key: 'stage', header: t('card.column.stage'), cell: (opportunity) => opportunity.currentStageDescription || (opportunity.currentStage === 0 ? '' : String(opportunity.currentStage)) },
              { key: 'value', header: t('card.column.estimatedValue'), cell: (opportunity) => format.money(opportunity.estimatedValueLcy) },
              { key: 'probability', header: t('card.column.probability'), cell: (opportunity) => format.percent(opportunity.probabilityPct) },
              { key: 'close', header: t('card.column.closeDate'), cell: (opportunity) => (opportunity.estimatedCloseDate === null ? '' : format.date(opportunity.estimatedCloseDate)) },
            ]}
          />
        )}
      />
    </Section>
  );
}

const TASK_WORDS: Readonly<Record<string, ContactsPlainKey>> = {
  '': 'card.task.todo',
  meeting: 'card.task.meeting',
  phoneCall: 'card.task.phoneCall',
  notStarted: 'card.task.notStarted',
  inProgress: 'card.task.inProgress',
  completed: 'card.task.completed',
  waiting: 'card.task.waiting',
  postponed: 'card.task.postponed',
  low: 'card.priority.low',
  normal: 'card.priority.normal',
  high: 'card.priority.high',
};

/** A value the service names by code, in words when the catalogue has them, else as the code. */
function translated(t: ContactsTranslate, words: Readonly<Record<string, ContactsPlainKey>>, value: string): string {
  const key = words[value];
  return key === undefined ? value : t(key);
}

function TasksSection({ no }: { no: string }) {
  const t = useContactsT();
  const { format } = useI18n();
  const { api } = useConsole();
  const tasks = useQuery(contactTasksQuery(api, no));
  const title = t('card.section.tasks');
  return (
    <Section title={title}>
      <ListState
        query={tasks}
        empty={t('card.noTasks')}
        render={(rows) => (
          <DataTable
            label={title}
            rows={rows}
            rowKey={(task) => task.no}
            columns={[
              { key: 'date', header: t('card.column.date'), cell: (task) => format.date(task.date) },
              { key: 'description', header: t('card.column.description'), cell: (task) => task.description },
              { key: 'type', header: t('card.column.taskType'), cell: (task) => translated(t, TASK_WORDS, task.type) },
              { key: 'status', header: t('card.column.status'), cell: (task) => translated(t, TASK_WORDS, task.status) },
              { key: 'priority', header: t('card.column.priority'), cell: (task) => translated(t, TASK_WORDS, task.priority) },
              { key: 'salesperson', header: t('card.column.salesperson'), cell: (task) => task.salespersonCode },
            ]}
          />
        )}
      />
    </Section>
  );
}

function CampaignsSection({ no }: { no: string }) {
  const t = useContactsT();
  const { format } = useI18n();
  const { api } = useConsole();
  const campaigns = useQuery(contactCampaignsQuery(api, no));
  const title = t('card.section.campaigns');
  const columns: DataColumn<{ no: string; description: string; startingDate: string | null; endingDate: string | null; statusDescription: string; statusCode: string }>[] = [
    { key: 'no', header: t('field.no'), cell: (campaign) => campaign.no },
    { key: 'description', header: t('card.column.description'), cell: (campaign) => campaign.description },
    { key: 'start', header: t('card.column.startingDate'), cell: (campaign) => (campaign.startingDate === null ? '' : format.date(campaign.startingDate)) },
    { key: 'end', header: t('card.column.endingDate'), cell: (campaign) => (campaign.endingDate === null ? '' : format.date(campaign.endingDate)) },
    { key: 'status', header: t('card.column.status'), cell: (campaign) => campaign.statusDescription || campaign.statusCode },
  ];
  return (
    <Section title={title}>
      <ListState query={campaigns} empty={t('card.noCampaigns')} render={(rows) => <DataTable label={title} rows={rows} rowKey={(campaign) => campaign.no} columns={columns} />} />
    </Section>
  );
}
