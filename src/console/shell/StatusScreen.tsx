import { makeStyles, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  box: { width: 'min(100%, 32rem)', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  brand: { margin: 0 },
});

export type StatusScreenProps = { busy?: string; children?: ReactNode };

/** A whole-window screen outside the console's frame: starting, signing in, an account that will not load. */
export function StatusScreen({ busy, children }: StatusScreenProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <div className={styles.box}>
        <Subtitle1 as="p" className={styles.brand}>
          Rapport
        </Subtitle1>
        {busy === undefined ? null : <Spinner size="small" labelPosition="after" label={busy} role="status" />}
        {children}
      </div>
    </main>
  );
}
