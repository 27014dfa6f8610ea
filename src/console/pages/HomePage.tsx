import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider';
import { hasLevel } from '../queries/me';
import { useConsole } from '../shell/console-context';
import { PageHeading } from '../shell/PageHeading';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  text: { margin: 0, maxWidth: '70ch' },
  link: { color: tokens.colorBrandForegroundLink },
});

/** The start page: who is signed in, and what the console offers at their level. */
export function HomePage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { me } = useConsole();
  return (
    <div className={styles.page}>
      <PageHeading title={t('home.heading', { name: me.name || me.email })} intro={t('home.signedInAs', { email: me.email, level: t(`level.${me.accessLevel}`) })} />
      <Body1 as="p" className={styles.text}>
        {t('home.contacts')}{' '}
        <Link to="/contacts" className={styles.link}>
          {t('home.openContacts')}
        </Link>
      </Body1>
      {me.accessLevel === 'salesperson' ? (
        <Body1 as="p" className={styles.text}>
          {t('home.salesperson')}
        </Body1>
      ) : null}
      {hasLevel(me.accessLevel, 'manager') ? (
        <Body1 as="p" className={styles.text}>
          {t('home.manager')}
        </Body1>
      ) : null}
      {hasLevel(me.accessLevel, 'admin') ? (
        <Body1 as="p" className={styles.text}>
          {t('home.admin')}{' '}
          <Link to="/setup/marketing" className={styles.link}>
            {t('home.openMarketingSetup')}
          </Link>
        </Body1>
      ) : null}
    </div>
  );
}
