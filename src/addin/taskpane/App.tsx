import { Suspense, use, useEffect } from 'react';
import { Body1, FluentProvider, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';

/** Where the pane stands with Office.js: ready (in a host, or null in the browser preview) or failed. */
export type OfficeStatus = { state: 'ready'; host: string | null } | { state: 'failed' };

export type AppProps = {
  /** Settles when Office.js is ready; created once, before the first render. */
  officeStatus: Promise<OfficeStatus>;
};

// English until src/addin/i18n exists; every string the pane shows is here.
const messages = {
  connecting: 'Connecting to Outlook…',
  preview: 'Preview: not running in Outlook.',
  ready: (host: string) => `Ready in ${host}.`,
  failed: 'Outlook did not start the add-in. Close the pane and open it again.',
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  heading: { margin: 0 },
  status: { color: tokens.colorNeutralForeground2 },
});

/**
 * The task pane's shell. It paints at once — header and status line — and does not wait for Office:
 * only the status text suspends until `officeStatus` settles.
 */
export function App({ officeStatus }: AppProps) {
  const styles = useStyles();
  // The pane-load benchmark reads this mark (docs: performance targets).
  useEffect(() => {
    performance.mark('rapport:shell');
  }, []);
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <header>
        <Title3 as="h1" className={styles.heading}>
          Rapport
        </Title3>
      </header>
      {/* One live region that stays put, so screen readers announce its text as it changes. */}
      <Body1 as="p" role="status" className={styles.status}>
        <Suspense fallback={messages.connecting}>
          <OfficeStatusText officeStatus={officeStatus} />
        </Suspense>
      </Body1>
    </FluentProvider>
  );
}

type OfficeStatusTextProps = { officeStatus: Promise<OfficeStatus> };

function OfficeStatusText({ officeStatus }: OfficeStatusTextProps) {
  const status = use(officeStatus);
  if (status.state === 'failed') return messages.failed;
  return status.host === null ? messages.preview : messages.ready(status.host);
}
