import { Button, Spinner, Text } from '@fluentui/react-components';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { campaignSegmentsQuery } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { QueryError } from '../../shell/QueryError';
import { DataTable } from '../shared/DataTable';
import { Section, useCardStyles } from './card-parts';

/** The segments that name the campaign, read-only: the segment pages are not in the console yet. */
export function SegmentsSection({ no }: { no: string }) {
  const card = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api } = useConsole();
  const segments = useInfiniteQuery(campaignSegmentsQuery(api, no));
  const title = t('card.section.segments');
  const rows = segments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title={title}>
      {segments.isPending ? <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} /> : null}
      {segments.isError ? <QueryError title={t('card.sectionFailed')} error={segments.error} onRetry={() => void (segments.isFetchNextPageError ? segments.fetchNextPage() : segments.refetch())} /> : null}
      {segments.data !== undefined && rows.length === 0 ? <Text className={card.muted}>{t('segments.none')}</Text> : null}
      {rows.length > 0 ? (
        <DataTable
          label={title}
          rows={rows}
          rowKey={(segment) => segment.no}
          columns={[
            { key: 'no', header: t('field.no'), cell: (segment) => segment.no },
            { key: 'description', header: t('field.description'), cell: (segment) => segment.description },
            { key: 'target', header: t('segments.column.campaignTarget'), cell: (segment) => t(segment.campaignTarget ? 'value.yes' : 'value.no') },
            { key: 'lines', header: t('segments.column.noOfLines'), cell: (segment) => String(segment.noOfLines) },
            { key: 'salesperson', header: t('field.salespersonCode'), cell: (segment) => segment.salespersonCode },
          ]}
        />
      ) : null}
      {segments.hasNextPage ? (
        <Button appearance="subtle" disabled={segments.isFetchingNextPage} onClick={() => void segments.fetchNextPage()}>
          {segments.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
        </Button>
      ) : null}
    </Section>
  );
}
