import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from './error-text';

export type QueryErrorProps = { title: string; error: unknown; onRetry: () => void };

/** A read that failed: what failed, why in the user's words, and a way to try again. */
export function QueryError({ title, error, onRetry }: QueryErrorProps) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorText(error, t)}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
