import { Caption1 } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nProvider';
import { useSectionStyles } from '../styles';

/** What shows for the moment a read or a chunk takes: a quiet line of text (lighter than a spinner on the first bundle). */
export function Loading() {
  const { t } = useI18n();
  const section = useSectionStyles();
  return <Caption1 className={section.muted}>{t('common.loading')}</Caption1>;
}
