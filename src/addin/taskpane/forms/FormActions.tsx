import { Button } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nProvider';
import { useSectionStyles } from '../styles';

export type FormActionsProps = {
  /** The submit button's label; the button submits its form. */
  submitLabel: string;
  onCancel: () => void;
};

/** The row that ends every form of the pane: the primary action, then Cancel. */
export function FormActions({ submitLabel, onCancel }: FormActionsProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  return (
    <div className={section.actions}>
      <Button appearance="primary" type="submit">
        {submitLabel}
      </Button>
      <Button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
