import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeading } from '../shell/PageHeading';
import { RequireLevel } from '../shell/RequireLevel';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  text: { margin: 0, maxWidth: '70ch' },
});

export type PlannedPageProps = { page: 'segments' };

/**
 * A manager's page the console does not have yet, saying so plainly and pointing at the API that
 * has it; the navigation shows it so that managers see where their work will be.
 */
export function PlannedPage({ page }: PlannedPageProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const title = t('nav.segments');
  return (
    <RequireLevel level="manager" title={title}>
      <div className={styles.page}>
        <PageHeading title={title} intro={t('planned.segments')} />
        <Body1 as="p" className={styles.text}>
          {t('planned.text', { path: `/api/v1/${page}`, openApi: '/api/v1/openapi.json' })}
        </Body1>
      </div>
    </RequireLevel>
  );
}
