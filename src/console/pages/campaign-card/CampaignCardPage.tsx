import { Body1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { CampaignsMessages, useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { campaignQuery } from '../../queries/campaigns';
import { hasLevel } from '../../queries/me';
import { useConsole } from '../../shell/console-context';
import { PageHeading } from '../../shell/PageHeading';
import { QueryError } from '../../shell/QueryError';
import { useCardStyles } from './card-parts';
import { EntriesSection } from './EntriesSection';
import { GeneralSection } from './GeneralSection';
import { PriceLinesSection } from './PriceLinesSection';
import { SegmentsSection } from './SegmentsSection';
import { StatisticsSection } from './StatisticsSection';
import { TargetGroupSection } from './TargetGroupSection';
import { TasksSection } from './TasksSection';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

/**
 * A campaign's card, as Business Central's Campaign Card has it: the header, its sales prices and
 * line discounts with Activate and Deactivate, its segments, entries, statistics and tasks. A
 * manager changes it; a salesperson reads it (the service refuses their writes anyway).
 */
export function CampaignCardPage() {
  return (
    <CampaignsMessages>
      <CampaignCard />
    </CampaignsMessages>
  );
}

const route = getRouteApi('/campaigns/$no');

function CampaignCard() {
  const styles = useStyles();
  const card = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api, me } = useConsole();
  const { no } = route.useParams();
  const campaign = useQuery(campaignQuery(api, no));
  const manager = hasLevel(me.accessLevel, 'manager');
  const back = (
    <Link to="/campaigns" className={card.link}>
      {t('card.backToList')}
    </Link>
  );
  if (!campaign.isSuccess) {
    return (
      <div className={styles.page}>
        <PageHeading title={no} />
        {back}
        {campaign.isPending ? <Spinner size="small" labelPosition="after" label={shell.t('common.loading')} /> : null}
        {campaign.isError ? <QueryError title={t('card.loadFailed')} error={campaign.error} onRetry={() => void campaign.refetch()} /> : null}
      </div>
    );
  }
  const data = campaign.data;
  return (
    <div className={styles.page}>
      <PageHeading title={data.description || data.no} intro={t(data.activated ? 'card.introActivated' : 'card.intro', { no: data.no })} />
      <div className={card.commands}>{back}</div>
      {manager ? null : (
        <Body1 as="p" className={card.muted}>
          {t('card.readOnly')}
        </Body1>
      )}
      <GeneralSection campaign={data} manager={manager} />
      <PriceLinesSection campaign={data} manager={manager} />
      <TargetGroupSection campaign={data} manager={manager} />
      <SegmentsSection no={data.no} />
      <EntriesSection no={data.no} manager={manager} />
      <StatisticsSection no={data.no} />
      <TasksSection campaign={data} manager={manager} />
    </div>
  );
}
