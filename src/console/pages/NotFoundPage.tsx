import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider';
import { PageHeading } from '../shell/PageHeading';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  link: { color: tokens.colorBrandForegroundLink },
});

/** An address under /console/ that names no page. */
export function NotFoundPage() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <PageHeading title={t('notFound.heading')} intro={t('notFound.text')} />
      <Body1 as="p">
        <Link to="/" className={styles.link}>
          {t('notFound.home')}
        </Link>
      </Body1>
    </div>
  );
}
