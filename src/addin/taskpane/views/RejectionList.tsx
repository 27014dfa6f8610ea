import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { likelyDuplicateDetailsSchema, type SyncMutationArgs, type SyncMutationName } from '../../../contract/sync';
import type { LocalStore } from '../../cache/local-store';
import type { RejectedChange } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { describeChange, rejectionReason } from '../change-text';
import { useServices, useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';

export type RejectionListProps = { changes: readonly RejectedChange[] };

/** Queues a refused change's mutation again, as it was. */
function enqueueAgain<N extends SyncMutationName>(store: LocalStore, change: { name: N; args: SyncMutationArgs<N> }) {
  return store.enqueue(change.name, change.args);
}

/**
 * The changes the service refused, each with its reason and a way out: discard it; try it again
 * once what stood in its way is mended (the sender added as a contact, a record restored, the setup
 * completed); or — for a contact refused as a likely duplicate — create it anyway.
 */
export function RejectionList({ changes }: RejectionListProps) {
  const { t } = useI18n();
  const section = useSectionStyles();
  const { engine, newId } = useServices();
  const store = useStore();

  async function createAnyway(change: RejectedChange) {
    const args = change.args as SyncMutationArgs<'createContact'>;
    // Queued before the refused one goes, so the contact is never lost in between.
    await store.enqueue('createContact', { id: newId(), contact: args.contact, allowDuplicates: true });
    await store.discard(change.id);
    engine.notifyWrite();
  }

  async function tryAgain(change: RejectedChange) {
    // The same change under a new outbox id, queued before the refused one goes. Ids the change
    // carries (an interaction's, a contact's) were never used: the refusal rolled its writes back.
    await enqueueAgain(store, change);
    await store.discard(change.id);
    engine.notifyWrite();
  }

  return (
    <section aria-label={t('rejections.heading')} className={section.section}>
      {changes.map((change) => {
        const what = describeChange(change, t);
        const candidates = change.rejection.code === 'likely_duplicate' ? likelyDuplicateDetailsSchema.safeParse(change.rejection.details ?? {}) : undefined;
        const names = candidates?.success ? candidates.data.candidates.map((candidate) => candidate.name).join(', ') : '';
        return (
          <MessageBar key={change.id} intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{what}</MessageBarTitle>
              {rejectionReason(change.rejection.code, t)}
              {names !== '' && ` ${t('rejections.candidates', { names })}`}
            </MessageBarBody>
            <MessageBarActions>
              {change.name === 'createContact' && change.rejection.code === 'likely_duplicate' ? (
                <Button size="small" onClick={() => void createAnyway(change)}>
                  {t('rejections.createAnyway')}
                </Button>
              ) : (
                <Button size="small" onClick={() => void tryAgain(change)} aria-label={t('rejections.tryAgainNamed', { change: what })}>
                  {t('rejections.tryAgain')}
                </Button>
              )}
              <Button size="small" onClick={() => void store.discard(change.id)} aria-label={t('rejections.discardNamed', { change: what })}>
                {t('rejections.discard')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </section>
  );
}
