import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Title2, tokens } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ConsoleAuth, DevUser } from '../auth/console-auth';
import { SignInError } from '../auth/sign-in-error';
import type { MessageKey } from '../i18n/catalogue';
import { useI18n } from '../i18n/I18nProvider';
import { StatusScreen } from './StatusScreen';

const useStyles = makeStyles({
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  user: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  userText: { display: 'flex', flexDirection: 'column' },
  listHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export type SignInPageProps = {
  auth: ConsoleAuth;
  /** Why the user is here again, when it is not their first visit: a session that ended, a sign-in that failed. */
  notice: SignInNotice | null;
  /** The page to come back to after a redirect sign-in (the address the user opened). */
  returnTo: string;
};

export type SignInNotice = Extract<MessageKey, 'error.unauthenticated' | 'signIn.failed' | 'signIn.network' | 'signIn.misconfigured' | 'signIn.usersFailed'>;

/** A sign-in failure in the user's words. */
export function signInNotice(error: unknown): SignInNotice {
  if (!(error instanceof SignInError)) return 'signIn.failed';
  if (error.code === 'network') return 'signIn.network';
  if (error.code === 'misconfigured') return 'signIn.misconfigured';
  return 'signIn.failed';
}

/** What a demo user may do, from their token roles as the service reads them (README, Identity). */
const levelOf = (user: DevUser) => (user.roles.includes('Rapport.Admin') ? 'admin' : user.roles.includes('Rapport.Manager') ? 'manager' : 'salesperson');

/**
 * The page before the console: in dev mode a list of the service's demo users, one click each; in
 * production one button that goes to Microsoft Entra ID and comes back to the address opened.
 */
export function SignInPage({ auth, notice, returnTo }: SignInPageProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <StatusScreen>
      <Title2 as="h1" className={styles.heading}>
        {t('signIn.heading')}
      </Title2>
      {notice === null ? null : (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t(notice)}</MessageBarBody>
        </MessageBar>
      )}
      {auth.method === 'devPicker' ? <DevUserPicker auth={auth} /> : <EntraSignIn auth={auth} returnTo={returnTo} />}
    </StatusScreen>
  );
}

function DevUserPicker({ auth }: { auth: Extract<ConsoleAuth, { method: 'devPicker' }> }) {
  const styles = useStyles();
  const { t } = useI18n();
  const users = useQuery({ queryKey: ['dev', 'users'], queryFn: () => auth.listUsers() });
  const signIn = useMutation({ mutationFn: (email: string) => auth.signInAs(email) });
  return (
    <>
      <Body1 as="p" className={styles.intro}>
        {t('signIn.devIntro')}
      </Body1>
      {signIn.isError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(signInNotice(signIn.error))}</MessageBarBody>
        </MessageBar>
      ) : null}
      {users.isPending ? <Spinner size="small" labelPosition="after" label={t('signIn.loadingUsers')} /> : null}
      {users.isError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('signIn.usersFailed')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {users.isSuccess && users.data.length === 0 ? <Body1 as="p">{t('signIn.noUsers')}</Body1> : null}
      {users.isSuccess && users.data.length > 0 ? (
        <section aria-labelledby="demo-users">
          <h2 id="demo-users" className={styles.listHeading}>
            {t('signIn.devUsers')}
          </h2>
          <ul className={styles.list}>
            {users.data.map((user) => (
              <li key={user.email}>
                <Button className={styles.user} disabled={signIn.isPending} onClick={() => signIn.mutate(user.email)}>
                  <span className={styles.userText}>
                    <span>{t('signIn.as', { name: user.name || user.email })}</span>
                    <Caption1>
                      {user.email} · {t(`level.${levelOf(user)}`)}
                    </Caption1>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function EntraSignIn({ auth, returnTo }: { auth: Extract<ConsoleAuth, { method: 'redirect' }>; returnTo: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  // Resolves only if the redirect did not happen; the page is left otherwise.
  const signIn = useMutation({ mutationFn: () => auth.signIn(returnTo) });
  return (
    <>
      <Body1 as="p" className={styles.intro}>
        {t('signIn.entraIntro')}
      </Body1>
      {signIn.isError ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t(signInNotice(signIn.error))}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" disabled={signIn.isPending} onClick={() => signIn.mutate()}>
          {signIn.isPending ? t('signIn.signingIn') : t('signIn.microsoft')}
        </Button>
      </div>
    </>
  );
}
