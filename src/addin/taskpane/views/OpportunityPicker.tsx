import { Field, Select } from '@fluentui/react-components';
import type { ShownOpportunity } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';

export type OpportunityPickerProps = {
  opportunities: readonly Pick<ShownOpportunity, 'no' | 'description'>[];
  value: string;
  onChange: (opportunityNo: string) => void;
};

/** The opportunity an e-mail is about: one of the contact's open opportunities, or none. */
export function OpportunityPicker({ opportunities, value, onChange }: OpportunityPickerProps) {
  const { t } = useI18n();
  return (
    <Field label={t('log.opportunity')}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t('log.noOpportunity')}</option>
        {opportunities.map((opportunity) => (
          <option key={opportunity.no} value={opportunity.no}>
            {opportunity.description || opportunity.no}
          </option>
        ))}
      </Select>
    </Field>
  );
}
