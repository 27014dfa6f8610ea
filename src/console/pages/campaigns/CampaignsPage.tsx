import { Body1, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { campaignListItemSchema } from '../../../contract/campaigns';
import { CampaignsMessages, type CampaignsTranslate, useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { campaignListQuery } from '../../queries/campaigns';
import { hasLevel } from '../../queries/me';
import { useConsole } from '../../shell/console-context';
import { PageHeading } from '../../shell/PageHeading';
import { QueryError } from '../../shell/QueryError';
import { type VirtualColumn, VirtualTable } from '../shared/VirtualTable';
import { NewCampaignDialog } from './NewCampaignDialog';

type CampaignListItem = z.output<typeof campaignListItemSchema>;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  link: { color: tokens.colorBrandForegroundLink },
});

/** The campaigns in number order, paged by the service; managers create new ones here. */
export function CampaignsPage() {
  return (
    <CampaignsMessages>
      <CampaignList />
    </CampaignsMessages>
  );
}

function CampaignList() {
  const styles = useStyles();
  const t = useCampaignsT();
  const { format } = useI18n();
  const { api, me } = useConsole();
  const manager = hasLevel(me.accessLevel, 'manager');
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery(campaignListQuery(api));
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const columns = useMemo(() => campaignColumns(t, format.date, styles.link), [t, format.date, styles.link]);

  return (
    <div className={styles.page}>
      <PageHeading title={t('list.heading')} intro={t('list.intro')} />
      <div className={styles.commands}>
        {manager ? (
          <Button appearance="primary" onClick={() => setCreating(true)}>
            {t('list.newCampaign')}
          </Button>
        ) : (
          <Body1 as="p" className={styles.muted}>
            {t('list.readOnly')}
          </Body1>
        )}
      </div>
      {list.isPending ? <Spinner size="small" labelPosition="after" label={t('loadingMore')} /> : null}
      {list.isError && list.data === undefined ? <QueryError title={t('list.loadFailed')} error={list.error} onRetry={() => void list.refetch()} /> : null}
      <div role="status">
        {list.data !== undefined ? (
          <Text className={styles.muted}>{rows.length === 0 ? t('list.empty') : hasNextPage ? t('list.countMore', { count: rows.length }) : t('list.count', { count: rows.length })}</Text>
        ) : null}
      </div>
      {rows.length > 0 ? (
        <>
          {list.isFetchNextPageError ? <QueryError title={t('list.loadFailed')} error={list.error} onRetry={loadMore} /> : null}
          <VirtualTable
            label={t('list.tableLabel')}
            columns={columns}
            rows={rows}
            rowKey={(campaign) => campaign.no}
            hasMore={hasNextPage && !list.isFetchNextPageError}
            loadingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            loadMoreLabel={t('loadMore')}
            loadingLabel={t('loadingMore')}
          />
        </>
      ) : null}
      {creating ? <NewCampaignDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function campaignColumns(t: CampaignsTranslate, date: (iso: string) => string, linkClass: string): VirtualColumn<CampaignListItem>[] {
  const link = (campaign: CampaignListItem, text: string) => (
    <Link to="/campaigns/$no" params={{ no: campaign.no }} className={linkClass}>
      {text}
    </Link>
  );
  const shownDate = (value: string | null) => (value === null ? '' : date(value));
  // Shares of the table's width: a fixed layout draws every row alike without measuring any.
  return [
    { key: 'no', header: t('field.no'), width: '9%', sorted: 'ascending', cell: (campaign) => link(campaign, campaign.no) },
    { key: 'description', header: t('field.description'), width: '25%', cell: (campaign) => link(campaign, campaign.description || campaign.no) },
    { key: 'status', header: t('field.statusCode'), width: '13%', cell: (campaign) => campaign.statusDescription || campaign.statusCode },
    { key: 'start', header: t('field.startingDate'), width: '11%', cell: (campaign) => shownDate(campaign.startingDate) },
    { key: 'end', header: t('field.endingDate'), width: '11%', cell: (campaign) => shownDate(campaign.endingDate) },
    { key: 'salesperson', header: t('field.salespersonCode'), width: '11%', cell: (campaign) => campaign.salespersonCode },
    { key: 'activated', header: t('field.activated'), width: '9%', cell: (campaign) => t(campaign.activated ? 'value.yes' : 'value.no') },
    { key: 'targets', header: t('field.noOfTargets'), width: '11%', cell: (campaign) => String(campaign.noOfTargets) },
  ];
}
