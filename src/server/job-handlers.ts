import type { AnyJobHandler } from './jobs/job';
import { createContactsFromAccountsJob } from './modules/business-relations/create-contacts-job';
import { contactImportJob } from './modules/contact-import/import-job';
import { duplicateSearchRebuildJob } from './modules/duplicates/duplicate-rebuild-job';

/** Every kind of background job the service runs; each instance's runner serves them all. */
export const JOB_HANDLERS: readonly AnyJobHandler[] = [duplicateSearchRebuildJob(), createContactsFromAccountsJob(), contactImportJob];
