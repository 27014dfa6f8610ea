import { Badge, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useState } from 'react';
import { rejectedChanges } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { useNow } from '../hooks/useNow';
import { useServices, useSignInState, useStore, useSyncStatus } from '../hooks/useServices';
import { useStoreQuery } from '../hooks/useStoreQuery';
import { useSectionStyles } from '../styles';
import { RejectionList } from './lazy';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const TICK_MS = 30_000;

/**
 * Always visible at the pane's foot: when it last synced, how many changes wait, whether it is
 * offline or signed out (with "Sign in"; "Sign out" when signed in), and the changes the service
 * refused.
 */
export function SyncStatusBar() {
  const { t, format } = useI18n();
  const section = useSectionStyles();
  const styles = useStyles();
  const { auth, engine } = useServices();
  const status = useSyncStatus();
  const signIn = useSignInState();
  const now = useNow(TICK_MS);
  const store = useStore();
  // Read here, so the list's chunk loads only when there is something to show.
  const rejected = useStoreQuery(store, (s) => rejectedChanges(s), []).data ?? [];
  const [signingIn, setSigningIn] = useState<'no' | 'yes' | 'failed'>('no');
  const signedOut = status.state === 'signedOut' || signIn === 'signedOut';

  async function startSignIn() {
    setSigningIn('yes');
    try {
      await auth.signIn();
      setSigningIn('no');
      engine.pullNow();
    } catch {
      // SignInError: the user closed the window or the platform refused; they may try again.
      setSigningIn('failed');
    }
  }

  async function signOut() {
    await auth.signOut();
    // The loop finds no token on its next step and says so; the cache and the outbox stay.
    engine.pullNow();
  }

  const state =
    status.state === 'offline'
      ? t('sync.offline')
      : status.state === 'pulling' || status.state === 'pushing'
        ? t('sync.syncing')
        : status.state === 'updateRequired'
          ? t('sync.updateRequired')
          : status.state === 'backoff'
            ? t('sync.retrying')
            : signedOut
              ? t('sync.signedOut')
              : status.error?.kind === 'quota'
                ? t('sync.quota')
                : status.error !== undefined
                  ? t('sync.problem')
                  : null;
  const synced = status.lastSyncedAt === null ? t('sync.never') : t('sync.synced', { when: format.relative(status.lastSyncedAt, now) });

  return (
    <footer className={styles.bar} aria-label={t('sync.region')}>
      <div className={section.row}>
        {status.state === 'offline' && (
          <Badge appearance="filled" color="warning">
            {t('sync.offline')}
          </Badge>
        )}
        <Caption1 role="status">{state !== null && status.state !== 'offline' ? t('sync.combined', { state, synced }) : synced}</Caption1>
        {status.pendingCount > 0 && (
          <Badge appearance="tint" color="informative">
            {t('sync.waiting', { count: format.number(status.pendingCount) })}
          </Badge>
        )}
        {signedOut && (
          <Button size="small" appearance="primary" disabled={signingIn === 'yes'} onClick={() => void startSignIn()}>
            {signingIn === 'yes' ? t('sync.signingIn') : t('sync.signIn')}
          </Button>
        )}
        {signingIn === 'failed' && <Caption1>{t('sync.signInFailed')}</Caption1>}
        {signIn === 'signedIn' && status.state !== 'signedOut' && (
          <Button size="small" appearance="subtle" onClick={() => void signOut()}>
            {t('sync.signOut')}
          </Button>
        )}
        {!signedOut && status.state !== 'pulling' && status.state !== 'pushing' && status.state !== 'updateRequired' && (
          <Button size="small" appearance="subtle" onClick={() => engine.pullNow()}>
            {t('sync.now')}
          </Button>
        )}
      </div>
      {rejected.length > 0 && (
        <Suspense fallback={null}>
          <RejectionList changes={rejected} />
        </Suspense>
      )}
    </footer>
  );
}
