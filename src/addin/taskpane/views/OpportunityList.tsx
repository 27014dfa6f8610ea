import { Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import type { ShownOpportunity } from '../../cache/repositories';
import type { MessageKey } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { NewOpportunityForm, OpportunityDialog } from '../forms/lazy';
import type { OpportunityStep } from '../forms/OpportunityDialog';
import { useSectionStyles } from '../styles';
import { Loading } from './Loading';

export type OpportunityListProps = {
  opportunities: readonly ShownOpportunity[];
  contactNo: string;
};

const ACTION_KEYS: Record<ShownOpportunity['allowedActions'][number], Extract<MessageKey, `opps.action.${string}`>> = {
  first: 'opps.action.first',
  next: 'opps.action.next',
  previous: 'opps.action.previous',
  skip: 'opps.action.skip',
  jump: 'opps.action.jump',
  update: 'opps.action.update',
  close: 'opps.action.close',
};

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  figures: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  value: { margin: 0 },
});

/**
 * The open opportunities with stage, values and probability, and the steps their sales cycle
 * allows now (`allowedActions`, as the service computed them): nothing else is offered.
 */
export function OpportunityList({ opportunities, contactNo }: OpportunityListProps) {
  const { t, format } = useI18n();
  const section = useSectionStyles();
  const styles = useStyles();
  const [step, setStep] = useState<OpportunityStep | null>(null);
  const [creating, setCreating] = useState(false);
  const open = opportunities.filter((opportunity) => !opportunity.closed);

  return (
    <div className={section.section}>
      {open.length === 0 ? (
        <Text className={section.muted}>{t('opps.none')}</Text>
      ) : (
        <ul className={section.list}>
          {open.map((opportunity) => (
            <li key={opportunity.no || `pending-${opportunity.outboxId ?? 0}`} className={styles.card}>
              <div className={section.row}>
                <Text weight="semibold">{opportunity.description}</Text>
                {opportunity.pending && (
                  <Badge appearance="outline" color="warning">
                    {t('common.pending')}
                  </Badge>
                )}
              </div>
              <Caption1>
                {opportunity.currentStage > 0 ? t('opps.stage', { stage: opportunity.currentStage, description: opportunity.currentStageDescription }) : t('opps.notStarted')}
              </Caption1>
              <dl className={styles.figures}>
                <dt className={styles.term}>{t('opps.estimated')}</dt>
                <dd className={styles.value}>{format.money(opportunity.estimatedValueLcy)}</dd>
                <dt className={styles.term}>{t('opps.calculated')}</dt>
                <dd className={styles.value}>{format.money(opportunity.calcdCurrentValueLcy)}</dd>
                <dt className={styles.term}>{t('opps.probability')}</dt>
                <dd className={styles.value}>{format.percent(opportunity.probabilityPct)}</dd>
                {opportunity.estimatedCloseDate !== null && (
                  <>
                    <dt className={styles.term}>{t('opps.closeDate')}</dt>
                    <dd className={styles.value}>{format.date(opportunity.estimatedCloseDate)}</dd>
                  </>
                )}
              </dl>
              {opportunity.allowedActions.length > 0 && !opportunity.pending && (
                <div role="group" aria-label={t('opps.actionsFor', { description: opportunity.description })} className={section.actions}>
                  {opportunity.allowedActions.map((action) => (
                    <Button key={action} size="small" appearance={action === 'next' || action === 'first' ? 'primary' : 'secondary'} onClick={() => setStep({ opportunity, action })}>
                      {t(ACTION_KEYS[action])}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <Suspense fallback={<Loading />}>
          <NewOpportunityForm contactNo={contactNo} onDone={() => setCreating(false)} />
        </Suspense>
      ) : (
        <div>
          <Button onClick={() => setCreating(true)}>{t('opps.new')}</Button>
        </div>
      )}
      {step !== null && (
        <Suspense fallback={<Loading />}>
          <OpportunityDialog step={step} onDone={() => setStep(null)} />
        </Suspense>
      )}
    </div>
  );
}
