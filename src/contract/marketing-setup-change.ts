import { jobSchema } from './jobs';
import { marketingSetupSchema } from './marketing-setup';

/**
 * The answer to a change of Marketing Setup: the whole setup as saved, and the rebuild of the
 * duplicate search strings it queued. In a module of its own, so that the task pane, which imports
 * Marketing Setup's schema for sync, carries neither it nor the job schema.
 */
export const marketingSetupChangedSchema = marketingSetupSchema.extend({
  duplicateSearchRebuild: jobSchema
    .nullable()
    .describe('Turning Maintain Dupl. Search Strings on queues a rebuild of the index (or names the one under way); null otherwise.'),
});
