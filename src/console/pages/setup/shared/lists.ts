import { codeListEntrySchema, type codeListKindSchema, noSeriesSchema, salespersonSchema } from '../../../../contract/setup';
import {
  activitySchema,
  closeOpportunityCodeSchema,
  describedCodeSchema,
  interactionTemplateSchema,
  salesCycleSchema,
  salutationSchema,
  teamSchema,
  templateLanguageSchema,
} from '../../../../contract/setup-tables';
import type { z } from 'zod';
import { setupList } from '../../../queries/setup-tables';

export type CodeListKind = z.output<typeof codeListKindSchema>;

/** Every setup list the console reads, each once, so that a table and the pickers that point at it share one cached answer. */
export const SETUP_LISTS = {
  numberSeries: setupList(['number-series'], '/setup/number-series', noSeriesSchema),
  salespeople: setupList(['salespeople'], '/salespeople', salespersonSchema),
  teams: setupList(['teams'], '/setup/teams', teamSchema),
  salutations: setupList(['salutations'], '/setup/salutations', salutationSchema),
  interactionGroups: setupList(['interaction-groups'], '/setup/interaction-groups', describedCodeSchema),
  interactionTemplates: setupList(['interaction-templates'], '/setup/interaction-templates', interactionTemplateSchema),
  salesCycles: setupList(['sales-cycles'], '/setup/sales-cycles', salesCycleSchema),
  closeOpportunityCodes: setupList(['close-opportunity-codes'], '/setup/close-opportunity-codes', closeOpportunityCodeSchema),
  campaignStatuses: setupList(['campaign-statuses'], '/setup/campaign-statuses', describedCodeSchema),
  activities: setupList(['activities'], '/setup/activities', activitySchema),
};

/** A code list (territories, languages, business relations, …). */
export const codeList = (kind: CodeListKind) => setupList(['code-lists', kind], `/setup/code-lists/${kind}`, codeListEntrySchema);

/** The languages an interaction template is set up in. */
export const templateLanguages = (templateCode: string) =>
  setupList(['interaction-templates', templateCode, 'languages'], `/setup/interaction-templates/${encodeURIComponent(templateCode)}/languages`, templateLanguageSchema);

/** A record's path under a table's path, its code encoded. */
export const recordPath = (base: string, code: string): string => `${base}/${encodeURIComponent(code)}`;
