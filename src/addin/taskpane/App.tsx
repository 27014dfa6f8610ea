import { Body1, FluentProvider, makeStyles, type Theme, Title3, tokens, webLightTheme } from '@fluentui/react-components';
import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import { fluentTheme } from '../../ui-shared/theme';
import { ENGLISH, I18nProvider, useI18n } from '../i18n/I18nProvider';
import { PaneProvider } from './hooks/PaneContext';
import { useAutoLogSentSetting } from './hooks/useAutoLogSentSetting';
import type { PaneServices } from './pane-services';
import type { PaneStart } from './start-pane';
import { ItemView } from './views/ItemView';
import { SyncStatusBar } from './views/SyncStatusBar';
import { ViewErrorBoundary } from './views/ViewErrorBoundary';

export type AppProps = {
  /** Settles when the pane has started (Office ready, store open); created once, before the first render. */
  start: Promise<PaneStart>;
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  heading: { margin: 0 },
  main: { flexGrow: 1, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  status: { color: tokens.colorNeutralForeground2 },
});

/**
 * The task pane. Its shell — header and a status line — paints at once, before Office.js is
 * ready; the item view and the sync footer replace the status line when the pane has started.
 *
 * The start is waited for in state, not by suspending: React shows a Suspense boundary's content
 * no sooner than 300 ms after its fallback, which would hold the sender card back for that long.
 */
export function App({ start }: AppProps) {
  const [started, setStarted] = useState<PaneStart | null>(null);
  useEffect(() => {
    // The pane-load benchmark reads this mark (docs: performance targets).
    performance.mark('rapport:shell');
    let current = true;
    void start.then((value) => current && setStarted(value));
    return () => {
      current = false;
    };
  }, [start]);
  if (started === null) return <ShellStatus theme={webLightTheme} text={ENGLISH.t('shell.connecting')} />;
  return <StartedPane started={started} />;
}

type ShellProps = { theme: Theme; children: ReactNode; footer?: ReactNode };

function Shell({ theme, children, footer }: ShellProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.root}>
      <header>
        <Title3 as="h1" className={styles.heading}>
          Rapport
        </Title3>
      </header>
      <main className={styles.main}>{children}</main>
      {footer}
    </FluentProvider>
  );
}

type ShellStatusProps = { theme: Theme; text: string };

function ShellStatus({ theme, text }: ShellStatusProps) {
  const styles = useStyles();
  return (
    <Shell theme={theme}>
      <Body1 as="p" role="status" className={styles.status}>
        {text}
      </Body1>
    </Shell>
  );
}

type StartedPaneProps = { started: PaneStart };

function StartedPane({ started }: StartedPaneProps) {
  if (started.state === 'noOutlook') return <ShellStatus theme={webLightTheme} text={ENGLISH.t('shell.noOutlook')} />;
  if (started.state === 'failed') return <ShellStatus theme={webLightTheme} text={ENGLISH.t(started.reason === 'office' ? 'shell.failed' : 'shell.storeFailed')} />;
  return (
    <I18nProvider value={started.i18n}>
      <PaneProvider services={started.services}>
        <ThemedPane services={started.services} initialTheme={started.theme} />
      </PaneProvider>
    </I18nProvider>
  );
}

type ThemedPaneProps = { services: PaneServices; initialTheme: Theme };

/** The started pane, re-themed when Outlook's theme changes (read again as the user moves between items). */
function ThemedPane({ services, initialTheme }: ThemedPaneProps) {
  const { host } = services;
  const i18n = useI18n();
  // Counts the items the user moved to: a view that failed gets another chance with the next one.
  const [itemChanges, setItemChanges] = useState(0);
  useEffect(() => host.onItemChanged(() => setItemChanges((count) => count + 1)), [host]);
  useAutoLogSentSetting();
  const hostTheme = useSyncExternalStore(host.onItemChanged, host.theme);
  const theme = hostTheme === null ? initialTheme : fluentTheme(hostTheme);
  return (
    <Shell theme={theme} footer={<SyncStatusBar />}>
      <ViewErrorBoundary i18n={i18n} resetKey={itemChanges}>
        <ItemView />
      </ViewErrorBoundary>
    </Shell>
  );
}
