import type { MailItem } from '../../office/mail-host';
import type { AsyncState } from './async-source';
import { useAsyncSource } from './useAsyncSource';
import { useServices } from './useServices';

/** The open item and, for a message being read, its body excerpt, asked for at once so a log click need not wait for it. */
export type CurrentItem = { item: MailItem | null; excerpt: Promise<string> };

/** Body text kept with a logged e-mail: the contract allows 2,000 characters. */
export const EXCERPT_CHARS = 2000;

/** The item open in Outlook, followed as the user selects others in a pinned pane. */
export function useCurrentItem(): AsyncState<CurrentItem> {
  const { host } = useServices();
  return useAsyncSource(
    async () => {
      const item = await host.currentItem();
      // An excerpt that cannot be read is logged as none; the log itself must not fail for it.
      const excerpt = item?.mode === 'read' ? host.bodyExcerpt(EXCERPT_CHARS).catch(() => '') : Promise.resolve('');
      return { item, excerpt };
    },
    (changed) => host.onItemChanged(changed),
    [host],
  );
}
