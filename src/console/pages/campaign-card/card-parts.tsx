import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryError } from '../../shell/QueryError';

export const useCardStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  sectionHeading: { margin: 0 },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  link: { color: tokens.colorBrandForegroundLink },
  // Read by screen readers, not shown: an input of a lines table is labelled by its column heading.
  hiddenLabel: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** A part of the card: a region named by its heading. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useCardStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.sectionHeading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** What every list of the card shares: loading, a failure with Try again, an empty text, the table. */
export function ListState<T>({ query, empty, render }: { query: UseQueryResult<{ items: T[] }>; empty: string; render: (rows: T[]) => ReactNode }) {
  const styles = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  if (query.isPending) return <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} />;
  if (query.isError) return <QueryError title={t('card.sectionFailed')} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Text className={styles.muted}>{empty}</Text>;
  return <>{render(query.data.items)}</>;
}

/** What the last write of a part did: done (said politely) or failed (said at once). */
export type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; text: string } | null;

/** Both live regions are always there, so that screen readers announce what is put into them. */
export function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <div role="status">
        {outcome?.kind === 'done' ? (
          <MessageBar intent="success">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div role="alert">
        {outcome?.kind === 'failed' ? (
          <MessageBar intent="error">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </>
  );
}

export type ConfirmDialogProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button may not be pressed yet (what it confirms is still loading, or cannot be done). */
  canConfirm?: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A question asked before a write that is not easily undone; Escape and Cancel leave everything as it was. */
export function ConfirmDialog({ title, children, confirmLabel, canConfirm = true, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useCampaignsT();
  return (
    <Dialog open onOpenChange={(_event, data) => (data.open || busy ? undefined : onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || !canConfirm} onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button disabled={busy} onClick={onCancel}>
              {t('form.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
