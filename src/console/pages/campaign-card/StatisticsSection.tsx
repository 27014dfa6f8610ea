import { makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import type { z } from 'zod';
import type { campaignStatisticsSchema } from '../../../contract/campaigns';
import { type CampaignsPlainKey, useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { campaignPerformanceQuery, campaignStatisticsQuery } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { QueryError } from '../../shell/QueryError';
import { Section } from './card-parts';
import { type FunnelRow, funnelRows, type FunnelStep } from './funnel';

type Statistics = z.output<typeof campaignStatisticsSchema>;

const useStyles = makeStyles({
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300, width: '100%', maxWidth: '48rem' },
  caption: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  rowHeader: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  columnHeader: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  number: {
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorNeutralForeground1,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
  },
  barCell: { width: '40%', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  // The bar's track and fill: theme tokens, so the bars follow light, dark and high contrast.
  track: { height: tokens.spacingVerticalL, backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  fill: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
});

/** The figures of Campaign Statistics, in Business Central's order, each with how it is written. */
const FIGURES: readonly { key: keyof Statistics; label: CampaignsPlainKey; kind: 'count' | 'percent' | 'money' | 'minutes' }[] = [
  { key: 'targetContactsContacted', label: 'stats.targetContactsContacted', kind: 'count' },
  { key: 'contactsResponded', label: 'stats.contactsResponded', kind: 'count' },
  { key: 'responseRatePct', label: 'stats.responseRatePct', kind: 'percent' },
  { key: 'costLcy', label: 'stats.costLcy', kind: 'money' },
  { key: 'durationMin', label: 'stats.durationMin', kind: 'minutes' },
  { key: 'avgCostPerResponseLcy', label: 'stats.avgCostPerResponseLcy', kind: 'money' },
  { key: 'avgDurationPerResponseMin', label: 'stats.avgDurationPerResponseMin', kind: 'minutes' },
  { key: 'noOfOpportunities', label: 'stats.noOfOpportunities', kind: 'count' },
  { key: 'estimatedValueLcy', label: 'stats.estimatedValueLcy', kind: 'money' },
  { key: 'calcdCurrentValueLcy', label: 'stats.calcdCurrentValueLcy', kind: 'money' },
];

const STEP_LABEL: Readonly<Record<FunnelStep, CampaignsPlainKey>> = {
  targets: 'funnel.targets',
  contacted: 'funnel.contacted',
  responded: 'funnel.responded',
  opportunities: 'funnel.opportunities',
  won: 'funnel.won',
};

/** Campaign Statistics as a table of numbers, and the funnel from targets to won as numbers with bars beside them. */
export function StatisticsSection({ no }: { no: string }) {
  const t = useCampaignsT();
  return (
    <Section title={t('card.section.statistics')}>
      <Figures no={no} />
      <Funnel no={no} />
    </Section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <div className={styles.part} role="group" aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </div>
  );
}

function Figures({ no }: { no: string }) {
  const styles = useStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { format } = shell;
  const { api } = useConsole();
  const statistics = useQuery(campaignStatisticsQuery(api, no));
  const title = t('stats.heading');
  const written = (value: number, kind: (typeof FIGURES)[number]['kind']) =>
    kind === 'money' ? format.money(value) : kind === 'percent' ? format.percent(value) : kind === 'minutes' ? t('stats.minutes', { minutes: format.number(value) }) : format.number(value);
  return (
    <Part title={title}>
      {statistics.isPending ? <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} /> : null}
      {statistics.isError ? <QueryError title={t('card.sectionFailed')} error={statistics.error} onRetry={() => void statistics.refetch()} /> : null}
      {statistics.isSuccess ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{title}</caption>
          <tbody>
            {FIGURES.map((figure) => (
              <tr key={figure.key}>
                <th scope="row" className={styles.rowHeader}>
                  {t(figure.label)}
                </th>
                <td className={styles.number}>{written(statistics.data[figure.key], figure.kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Part>
  );
}

function Funnel({ no }: { no: string }) {
  const styles = useStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { format } = shell;
  const { api } = useConsole();
  const performance = useQuery(campaignPerformanceQuery(api, no));
  const title = t('funnel.heading');
  const share = (row: FunnelRow) => (row.ofTargets === null ? t('funnel.noTargets') : format.percent(row.ofTargets));
  return (
    <Part title={title}>
      {performance.isPending ? <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} /> : null}
      {performance.isError ? <QueryError title={t('card.sectionFailed')} error={performance.error} onRetry={() => void performance.refetch()} /> : null}
      {performance.isSuccess ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{title}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.columnHeader}>
                {t('funnel.column.step')}
              </th>
              <th scope="col" className={styles.columnHeader}>
                {t('funnel.column.count')}
              </th>
              <th scope="col" className={styles.columnHeader}>
                {t('funnel.column.ofTargets')}
              </th>
              <th scope="col" className={styles.columnHeader}>
                {t('funnel.column.bar')}
              </th>
            </tr>
          </thead>
          <tbody>
            {funnelRows(performance.data.funnel).map((row) => (
              <tr key={row.step}>
                <th scope="row" className={styles.rowHeader}>
                  {t(STEP_LABEL[row.step])}
                </th>
                <td className={styles.number}>{format.number(row.count)}</td>
                <td className={styles.number}>{share(row)}</td>
                <td className={styles.barCell}>
                  {/* Drawn for the eye; the numbers beside it say the same to everyone. */}
                  <div className={styles.track} aria-hidden="true">
                    <div className={styles.fill} style={{ width: `${row.barPct}%` }} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Part>
  );
}
