import type { AnyRoute } from './http/route';
import { jobRoutes } from './jobs/job-routes';
import { businessRelationRoutes } from './modules/business-relations/business-relation-routes';
import { campaignRoutes } from './modules/campaigns/campaign-routes';
import { contactImportRoutes } from './modules/contact-import/import-routes';
import { contactDetailRoutes } from './modules/contacts/contact-detail-routes';
import { contactRoutes } from './modules/contacts/contact-routes';
import { duplicateRoutes } from './modules/duplicates/duplicate-routes';
import { interactionRoutes } from './modules/interactions/interaction-routes';
import { opportunityRoutes } from './modules/opportunities/opportunity-routes';
import { pipelineRoutes } from './modules/pipeline/pipeline-routes';
import { numberSeriesRoutes } from './modules/number-series/number-series-routes';
import { referenceDataRoutes } from './modules/reference-data/reference-data-routes';
import { segmentRoutes } from './modules/segments/segment-routes';
import { salespersonRoutes } from './modules/salespeople/salesperson-routes';
import { activityRoutes } from './modules/tasks/activity-routes';
import { taskRoutes } from './modules/tasks/task-routes';
import { marketingSetupRoutes } from './modules/setup/marketing-setup-routes';
import { syncRoutes } from './modules/sync/sync-routes';

/** Every API route of the service, by capability. The OpenAPI document is generated from this list. */
export const API_ROUTES: readonly AnyRoute[] = [
  ...marketingSetupRoutes,
  ...numberSeriesRoutes,
  ...salespersonRoutes,
  ...referenceDataRoutes,
  ...contactRoutes,
  ...contactImportRoutes,
  ...contactDetailRoutes,
  ...duplicateRoutes,
  ...businessRelationRoutes,
  ...interactionRoutes,
  ...campaignRoutes,
  ...taskRoutes,
  ...activityRoutes,
  ...opportunityRoutes,
  ...pipelineRoutes,
  ...segmentRoutes,
  ...syncRoutes,
  ...jobRoutes,
];
