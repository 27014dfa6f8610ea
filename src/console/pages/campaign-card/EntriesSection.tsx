import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { campaignEntrySchema } from '../../../contract/campaigns';
import { useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { campaignEntriesQuery, useEntryWrite } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { refusalText } from '../campaigns/refusal-text';
import { type DataColumn, DataTable } from '../shared/DataTable';
import { ConfirmDialog, ListState, type Outcome, OutcomeMessage, Section } from './card-parts';

type Entry = z.output<typeof campaignEntrySchema>;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

/**
 * The campaign's entries (one per logged segment, and one for its individual interactions), with
 * their No. of Interactions. A manager marks one canceled, which cancels its interactions, or
 * restores it; only a canceled entry can be deleted, with its interactions, after a question.
 */
export function EntriesSection({ no, manager }: { no: string; manager: boolean }) {
  const styles = useStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { format } = shell;
  const { api } = useConsole();
  const entries = useQuery(campaignEntriesQuery(api, no));
  const write = useEntryWrite(api);
  const [deleting, setDeleting] = useState<Entry | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const title = t('card.section.entries');

  const act = async (entry: Entry, action: 'cancel' | 'restore' | 'delete') => {
    setOutcome(null);
    try {
      await write.mutateAsync({ entryNo: entry.entryNo, action });
      setOutcome({ kind: 'done', text: t(action === 'cancel' ? 'entries.canceled' : action === 'restore' ? 'entries.restored' : 'entries.deleted', { entryNo: entry.entryNo }) });
    } catch (error) {
      setOutcome({ kind: 'failed', text: t('entries.failed', { entryNo: entry.entryNo, reason: refusalText(error, shell.t) }) });
    } finally {
      setDeleting(null);
    }
  };

  const columns: DataColumn<Entry>[] = [
    { key: 'entryNo', header: t('entries.column.entryNo'), cell: (entry) => String(entry.entryNo) },
    { key: 'date', header: t('entries.column.date'), cell: (entry) => format.date(entry.date) },
    { key: 'description', header: t('field.description'), cell: (entry) => entry.description },
    { key: 'segment', header: t('entries.column.segmentNo'), cell: (entry) => entry.segmentNo },
    { key: 'salesperson', header: t('field.salespersonCode'), cell: (entry) => entry.salespersonCode },
    { key: 'document', header: t('entries.column.documentType'), cell: (entry) => entry.documentType },
    { key: 'interactions', header: t('entries.column.noOfInteractions'), cell: (entry) => String(entry.noOfInteractions) },
    { key: 'canceled', header: t('entries.column.canceled'), cell: (entry) => t(entry.canceled ? 'value.yes' : 'value.no') },
  ];
  if (manager) {
    columns.push({
      key: 'actions',
      header: t('entries.column.actions'),
      cell: (entry) => (
        <div className={styles.actions}>
          {entry.canceled ? (
            <>
              <Button size="small" disabled={write.isPending} onClick={() => void act(entry, 'restore')} aria-label={t('entries.restoreNamed', { entryNo: entry.entryNo })}>
                {t('entries.restore')}
              </Button>
              <Button size="small" disabled={write.isPending} onClick={() => setDeleting(entry)} aria-label={t('entries.deleteNamed', { entryNo: entry.entryNo })}>
                {t('entries.delete')}
              </Button>
            </>
          ) : (
            <Button size="small" disabled={write.isPending} onClick={() => void act(entry, 'cancel')} aria-label={t('entries.cancelNamed', { entryNo: entry.entryNo })}>
              {t('entries.cancel')}
            </Button>
          )}
        </div>
      ),
    });
  }

  return (
    <Section title={title}>
      <OutcomeMessage outcome={outcome} />
      <ListState query={entries} empty={t('entries.none')} render={(rows) => <DataTable label={title} rows={rows} rowKey={(entry) => String(entry.entryNo)} columns={columns} />} />
      {deleting !== null ? (
        <ConfirmDialog
          title={t('entries.deleteTitle', { entryNo: deleting.entryNo })}
          confirmLabel={t('entries.delete')}
          busy={write.isPending}
          onConfirm={() => void act(deleting, 'delete')}
          onCancel={() => setDeleting(null)}
        >
          {t('entries.deleteText', { count: deleting.noOfInteractions })}
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}
