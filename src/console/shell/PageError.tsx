import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider';
import { retryFailedPages } from '../pages/lazy-pages';
import { errorText } from './error-text';

/**
 * A page that threw while it loaded or drew (its chunk did not arrive, a bug): the frame and the
 * navigation stay, the page says so and offers to try again.
 */
export function PageError({ error, reset }: ErrorComponentProps) {
  const { t } = useI18n();
  console.error('Rapport: a console page failed', error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('shell.pageFailed')}</MessageBarTitle>
        {errorText(error, t)}
      </MessageBarBody>
      <MessageBarActions>
        <Button
          onClick={() => {
            retryFailedPages();
            reset();
          }}
        >
          {t('common.retry')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
