import { Field, Input, makeStyles, mergeClasses, Select } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { campaignStatusesQuery } from '../../queries/campaigns';
import { salespeopleQuery } from '../../queries/contacts';
import { useConsole } from '../../shell/console-context';
import { type CampaignField, DESCRIPTION_MAX } from './campaign-form';

const useStyles = makeStyles({
  // A select is as wide as its longest choice unless told it may shrink to its column.
  choice: { minWidth: 0 },
});

export type CampaignFieldInputProps = {
  field: CampaignField;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
  /** What a blank salesperson means: the service's default (a new campaign) or none (a saved one). */
  blankSalesperson: 'default' | 'none';
};

/** One header field of a campaign with its label and error: text, a date, or a choice from the service's lists. */
export function CampaignFieldInput({ field, value, error, disabled, onChange, blankSalesperson }: CampaignFieldInputProps) {
  const t = useCampaignsT();
  const common = { label: t(`field.${field}`), ...(error === undefined ? {} : { validationState: 'error' as const, validationMessage: error }) };
  switch (field) {
    case 'description':
      return (
        <Field {...common}>
          <Input value={value} disabled={disabled} maxLength={DESCRIPTION_MAX} onChange={(_event, data) => onChange(data.value)} />
        </Field>
      );
    case 'startingDate':
    case 'endingDate':
      return (
        <Field {...common}>
          <Input type="date" value={value} disabled={disabled} onChange={(_event, data) => onChange(data.value)} />
        </Field>
      );
    case 'salespersonCode':
      return (
        <Field {...common}>
          <SalespersonSelect value={value} disabled={disabled} onChange={onChange} blank={blankSalesperson} />
        </Field>
      );
    case 'statusCode':
      return (
        <Field {...common}>
          <StatusSelect value={value} disabled={disabled} onChange={onChange} />
        </Field>
      );
  }
}

type ChoiceProps = { value: string; disabled: boolean; onChange: (value: string) => void };

/** A select of codes with their names; the value in force is offered even before (or without) the list. */
export function CodeSelect({ value, disabled, onChange, blankLabel, options, className }: ChoiceProps & { blankLabel: string; options: { code: string; text: string }[]; className?: string }) {
  const styles = useStyles();
  const withCurrent = value === '' || options.some((option) => option.code === value) ? options : [{ code: value, text: value }, ...options];
  const classes = mergeClasses(styles.choice, className);
  return (
    <Select className={classes} select={{ className: classes }} value={value} disabled={disabled} onChange={(_event, data) => onChange(data.value)}>
      <option value="">{blankLabel}</option>
      {withCurrent.map((option) => (
        <option key={option.code} value={option.code}>
          {option.text}
        </option>
      ))}
    </Select>
  );
}

const described = (code: string, name: string) => (name === '' ? code : `${code} – ${name}`);

/** What a blank salesperson stands for where it is chosen. */
const BLANK_SALESPERSON = { default: 'form.ownSalesperson', none: 'form.none', campaign: 'form.campaignSalesperson' } as const;

export function SalespersonSelect({ value, disabled, onChange, blank }: ChoiceProps & { blank: keyof typeof BLANK_SALESPERSON }) {
  const t = useCampaignsT();
  const { api } = useConsole();
  const salespeople = useQuery(salespeopleQuery(api));
  return (
    <CodeSelect
      value={value}
      disabled={disabled}
      onChange={onChange}
      blankLabel={t(BLANK_SALESPERSON[blank])}
      options={(salespeople.data?.items ?? []).map((salesperson) => ({ code: salesperson.code, text: described(salesperson.code, salesperson.name) }))}
    />
  );
}

function StatusSelect({ value, disabled, onChange }: ChoiceProps) {
  const t = useCampaignsT();
  const { api } = useConsole();
  const statuses = useQuery(campaignStatusesQuery(api));
  return (
    <CodeSelect
      value={value}
      disabled={disabled}
      onChange={onChange}
      blankLabel={t('form.none')}
      options={(statuses.data?.items ?? []).map((status) => ({ code: status.code, text: described(status.code, status.description) }))}
    />
  );
}
