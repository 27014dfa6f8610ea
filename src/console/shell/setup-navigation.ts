import type { MessageKey } from '../i18n/catalogue';

/** The setup tables' pages, in the navigation's Setup section after Marketing Setup, in Business Central's order of its setup. */
export const SETUP_TABLE_NAV_ITEMS = [
  { to: '/setup/number-series', label: 'nav.numberSeries' },
  { to: '/setup/salespeople', label: 'nav.salespeople' },
  { to: '/setup/teams', label: 'nav.teams' },
  { to: '/setup/business-relations', label: 'nav.businessRelations' },
  { to: '/setup/salutations', label: 'nav.salutations' },
  { to: '/setup/code-lists', label: 'nav.codeLists' },
  { to: '/setup/interaction-groups', label: 'nav.interactionGroups' },
  { to: '/setup/interaction-templates', label: 'nav.interactionTemplates' },
  { to: '/setup/interaction-template-setup', label: 'nav.interactionTemplateSetup' },
  { to: '/setup/campaign-statuses', label: 'nav.campaignStatuses' },
  { to: '/setup/sales-cycles', label: 'nav.salesCycles' },
  { to: '/setup/close-opportunity-codes', label: 'nav.closeOpportunityCodes' },
  { to: '/setup/activities', label: 'nav.activities' },
  { to: '/setup/duplicate-search', label: 'nav.duplicateSearch' },
] as const satisfies readonly { to: `/setup/${string}`; label: Extract<MessageKey, `nav.${string}`> }[];

export type SetupTableNavTarget = (typeof SETUP_TABLE_NAV_ITEMS)[number]['to'];
