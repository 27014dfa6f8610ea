import { Field, Select } from '@fluentui/react-components';
import type { ActiveCampaign } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';

export type CampaignPickerProps = {
  campaigns: readonly ActiveCampaign[];
  value: string;
  onChange: (campaignNo: string) => void;
};

/** The campaign to log an e-mail under: one of the contact's active campaigns, or none. */
export function CampaignPicker({ campaigns, value, onChange }: CampaignPickerProps) {
  const { t } = useI18n();
  return (
    <Field label={t('log.campaign')}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t('log.noCampaign')}</option>
        {campaigns.map(({ campaign }) => (
          <option key={campaign.no} value={campaign.no}>
            {campaign.description || campaign.no}
          </option>
        ))}
      </Select>
    </Field>
  );
}
