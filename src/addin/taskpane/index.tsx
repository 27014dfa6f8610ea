// Entry of taskpane.html: paints the shell at once; Office, the store and sync start behind it.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createMailHost } from './host';
import { createPaneServices } from './services';
import { whenOfficeReady } from '../office/office-ready';
import { startPane } from './start-pane';
import { ContactDetails } from './views/lazy';

const start = startPane({
  whenOfficeReady,
  createMailHost,
  createServices: (host) => createPaneServices(host, window),
});

const container = document.getElementById('root');
if (container === null) throw new Error('taskpane.html has no #root element');
createRoot(container).render(<App start={start} />);

// The card's details follow the card at once: their chunk is fetched while the sender is looked up.
void start.then((started) => (started.state === 'ready' ? ContactDetails.preload() : undefined)).catch((error: unknown) => console.error('Rapport: the pane views did not load', error));
