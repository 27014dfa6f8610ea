import { Badge, Caption1, Text } from '@fluentui/react-components';
import type { ActiveCampaign } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { useSectionStyles } from '../styles';

export type CampaignListProps = { campaigns: readonly ActiveCampaign[] };

/** The campaigns targeting the contact (or its company) that are active today, with the prices and discounts that apply today. */
export function CampaignList({ campaigns }: CampaignListProps) {
  const { t, format } = useI18n();
  const section = useSectionStyles();
  if (campaigns.length === 0) return <Text className={section.muted}>{t('campaigns.none')}</Text>;

  const period = (from: string | null, to: string | null): string | null => {
    if (from !== null && to !== null) return t('campaigns.period', { from: format.date(from), to: format.date(to) });
    if (from !== null) return t('campaigns.from', { date: format.date(from) });
    if (to !== null) return t('campaigns.until', { date: format.date(to) });
    return null;
  };

  return (
    <ul className={section.list}>
      {campaigns.map(({ campaign, priceLines }) => {
        const dates = period(campaign.startingDate, campaign.endingDate);
        return (
          <li key={campaign.no} className={section.section}>
            <div className={section.row}>
              <Text weight="semibold">{campaign.description || campaign.no}</Text>
              {campaign.statusDescription !== '' && (
                <Badge appearance="tint" color="brand">
                  {campaign.statusDescription}
                </Badge>
              )}
            </div>
            {dates !== null && <Caption1>{dates}</Caption1>}
            {priceLines.length > 0 && (
              <ul className={section.list}>
                {priceLines.map((line) => (
                  <li key={line.lineNo}>
                    <Caption1>
                      {line.kind === 'price'
                        ? t('campaigns.price', { item: line.itemNo, price: format.money(line.unitPrice), quantity: format.number(line.minimumQuantity) })
                        : t('campaigns.discount', { item: line.itemNo, discount: format.percent(line.lineDiscountPct), quantity: format.number(line.minimumQuantity) })}
                    </Caption1>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
