import { Tab, TabList, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ContactCard } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { useSectionStyles } from '../styles';
import { CampaignList } from './CampaignList';
import { OpportunityList } from './OpportunityList';
import { TaskList } from './TaskList';
import { Timeline } from './Timeline';
import { Loading } from './Loading';

export type ContactDetailsProps = {
  /** The card as read from the cache; undefined while it loads or when the cache lacks the contact. */
  card: ContactCard | undefined;
  loading: boolean;
  contactNo: string;
};

type TabValue = 'opportunities' | 'campaigns' | 'tasks' | 'timeline';

const TAB_HEADINGS = { opportunities: 'opps.heading', campaigns: 'campaigns.heading', tasks: 'tasks.heading', timeline: 'timeline.heading' } as const;

/** The contact's opportunities, campaigns, tasks and history, one tab each. */
export function ContactDetails({ card: data, loading, contactNo }: ContactDetailsProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const [tab, setTab] = useState<TabValue>('opportunities');
  return (
    <>
      <TabList selectedValue={tab} onTabSelect={(_, selected) => setTab(selected.value as TabValue)} aria-label={t('tabs.label')} size="small">
        <Tab value="opportunities">{t('opps.heading')}</Tab>
        <Tab value="campaigns">{t('campaigns.heading')}</Tab>
        <Tab value="tasks">{t('tasks.heading')}</Tab>
        <Tab value="timeline">{t('timeline.heading')}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={t(TAB_HEADINGS[tab])}>
        {data === undefined ? (
          loading ? (
            <Loading />
          ) : (
            <Text className={section.muted}>{t('contact.notCached')}</Text>
          )
        ) : tab === 'opportunities' ? (
          <OpportunityList opportunities={data.opportunities} contactNo={contactNo} />
        ) : tab === 'campaigns' ? (
          <CampaignList campaigns={data.campaigns} />
        ) : tab === 'tasks' ? (
          <TaskList tasks={data.tasks} contactNo={contactNo} />
        ) : (
          <Timeline interactions={data.timeline} />
        )}
      </div>
    </>
  );
}
