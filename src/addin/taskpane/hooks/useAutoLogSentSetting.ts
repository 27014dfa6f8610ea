import { useServices, useStore } from './useServices';
import { useStoreQuery } from './useStoreQuery';

/**
 * Keeps Outlook's roaming setting for automatic logging of sent e-mail in step with Marketing
 * Setup as the cache has it: the send handler reads only the setting, having no time to ask the
 * service. Written only when it differs, since roaming settings travel with the mailbox.
 */
export function useAutoLogSentSetting(): void {
  const { host } = useServices();
  const store = useStore();
  useStoreQuery(
    store,
    async (s) => {
      const setup = await s.get('setup', 'marketingSetup');
      if (setup?.key !== 'marketingSetup' || setup.value.autoLogSentEmail === host.autoLogSent()) return false;
      await host.setAutoLogSent(setup.value.autoLogSentEmail);
      return true;
    },
    [host],
  );
}
