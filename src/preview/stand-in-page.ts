// Entry of the preview's pane.html and commands.html. Runs as a plain, synchronous script at the top
// of the page, so `Office` and the network switch are in place before the add-in's own scripts run.
import { installNetworkSwitch } from './network-switch';
import { createOfficeStandIn } from './office-stand-in';
import { findPreviewHost } from './preview-host';

const host = findPreviewHost(window);
if (host === null) {
  // Opened on its own: the add-in then runs as in a browser outside Office (no Office global).
  console.warn('Rapport preview: this page gets its mailbox from the preview; open /preview/ instead.');
} else {
  const { mailbox } = host;
  const query = new URLSearchParams(window.location.search);
  const device = Number(query.get('device') ?? '1') || 1;
  const role = window.location.pathname.endsWith('/commands.html') ? 'commands' : 'pane';
  const readyDelay = Number(query.get('officeReadyMs') ?? Number.NaN);
  const { office, dispose } = createOfficeStandIn({ mailbox, role, device, storage: window.localStorage, ...(readyDelay >= 0 ? { readyDelayMs: readyDelay } : {}) });
  (window as Window & { Office?: unknown }).Office = office;
  const uninstallNetwork = installNetworkSwitch(window, { isOnline: () => mailbox.isOnline(device), onChange: (listener) => mailbox.on('network', listener) });
  window.addEventListener('pagehide', () => {
    dispose();
    uninstallNetwork();
  });
}
