// Entry of taskpane.html: renders the shell at once; Office.js readiness arrives as a promise.
import { createRoot } from 'react-dom/client';
import { whenOfficeReady } from '../office/office-ready';
import { App, type OfficeStatus } from './App';

const officeStatus: Promise<OfficeStatus> = whenOfficeReady().then(
  ({ host }): OfficeStatus => ({ state: 'ready', host }),
  (error: unknown): OfficeStatus => {
    console.error('Rapport: Office.js did not become ready', error);
    return { state: 'failed' };
  },
);

const container = document.getElementById('root');
if (container === null) throw new Error('taskpane.html has no #root element');
createRoot(container).render(<App officeStatus={officeStatus} />);
