import type { AnyJobHandler } from './jobs/job';
import { contactImportJob } from './modules/contact-import/import-job';

/** Every kind of background job the service runs; each instance's runner serves them all. */
export const JOB_HANDLERS: readonly AnyJobHandler[] = [contactImportJob];
