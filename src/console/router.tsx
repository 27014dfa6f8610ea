import { createRootRoute, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import { useI18n } from './i18n/I18nProvider';
import { HomePage } from './pages/HomePage';
import { type ComponentType } from 'react';
import type { MessageKey } from './i18n/catalogue';
import { parseContactFilter } from './pages/contacts/contact-filter';
import {
  ActivitiesPage,
  BusinessRelationsPage,
  CampaignCardPage,
  CampaignsPage,
  CampaignStatusesPage,
  CloseOpportunityCodesPage,
  CodeListsPage,
  ContactCardPage,
  ContactDuplicatesPage,
  ContactImportPage,
  ContactsPage,
  DuplicateSearchPage,
  InteractionGroupsPage,
  InteractionTemplateSetupPage,
  InteractionTemplatesPage,
  MarketingSetupPage,
  NewContactPage,
  NumberSeriesPage,
  SalesCyclesPage,
  SalespeoplePage,
  SalutationsPage,
  TeamsPage,
} from './pages/lazy-pages';
import { codeListSearch } from './pages/setup/shared/code-list-kinds';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlannedPage } from './pages/PlannedPage';
import { PageError } from './shell/PageError';
import { RequireLevel } from './shell/RequireLevel';
import { Shell } from './shell/Shell';

type NavKey = Extract<MessageKey, `nav.${string}`>;

/** Where the service serves the console (src/server/http/console-files.ts). */
export const CONSOLE_BASE_PATH = '/console';

function MarketingSetupRoute() {
  const { t } = useI18n();
  return (
    <RequireLevel level="admin" title={t('marketingSetup.heading')}>
      <MarketingSetupPage />
    </RequireLevel>
  );
}

function ContactImportRoute() {
  const { t } = useI18n();
  return (
    <RequireLevel level="manager" title={t('nav.contactImport')}>
      <ContactImportPage />
    </RequireLevel>
  );
}

/** What the new-contact form may start from: a person, of a company (the card's New person). */
const parseNewContactSearch = (search: Record<string, unknown>): { type?: 'person'; companyNo?: string } => ({
  ...(search['type'] === 'person' ? { type: 'person' as const } : {}),
  // The router reads a number typed in the address (`?companyNo=10000`) as a number.
  ...((typeof search['companyNo'] === 'string' || typeof search['companyNo'] === 'number') && String(search['companyNo']).trim() !== ''
    ? { companyNo: String(search['companyNo']).trim().slice(0, 20) }
    : {}),
});

/** Which duplicate pairs the page shows; those to review unless the address says otherwise. */
const parseDuplicatesSearch = (search: Record<string, unknown>): { show?: 'separate' | 'all' } =>
  search['show'] === 'separate' || search['show'] === 'all' ? { show: search['show'] } : {};

/** The import the page shows (its dry run, its run, its result), so that a reload or a link finds it again. */
const parseImportSearch = (search: Record<string, unknown>): { import?: string } =>
  typeof search['import'] === 'string' && /^[0-9a-f-]{36}$/i.test(search['import']) ? { import: search['import'] } : {};

// The routes, declared in code: a handful, each typed for the links that point at them.
const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });
const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });
// Campaigns: everyone reads them, managers change them (the pages hide the writes below a manager).
const campaignsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/campaigns', component: CampaignsPage });
const campaignCardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/campaigns/$no', component: CampaignCardPage });
const segmentsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/segments', component: () => <PlannedPage page="segments" /> });
const marketingSetupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/setup/marketing', component: MarketingSetupRoute });
const contactsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/contacts', validateSearch: parseContactFilter, component: ContactsPage });
const contactCardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/contacts/$no', component: ContactCardPage });
const newContactRoute = createRoute({ getParentRoute: () => rootRoute, path: '/new-contact', validateSearch: parseNewContactSearch, component: NewContactPage });
const contactDuplicatesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/contact-duplicates', validateSearch: parseDuplicatesSearch, component: ContactDuplicatesPage });
const contactImportRoute = createRoute({ getParentRoute: () => rootRoute, path: '/contact-import', validateSearch: parseImportSearch, component: ContactImportRoute });

// Setup tables: each page behind the administrator's level, its code a chunk of its own.
function SetupTableRoute({ title, Page }: { title: NavKey; Page: ComponentType }) {
  const { t } = useI18n();
  return (
    <RequireLevel level="admin" title={t(title)}>
      <Page />
    </RequireLevel>
  );
}
const setupTableRoute = <Path extends `/setup/${string}`>(path: Path, title: NavKey, Page: ComponentType) =>
  createRoute({ getParentRoute: () => rootRoute, path, component: () => <SetupTableRoute title={title} Page={Page} /> });
const setupTableRoutes = [
  setupTableRoute('/setup/number-series', 'nav.numberSeries', NumberSeriesPage),
  setupTableRoute('/setup/salespeople', 'nav.salespeople', SalespeoplePage),
  setupTableRoute('/setup/teams', 'nav.teams', TeamsPage),
  setupTableRoute('/setup/business-relations', 'nav.businessRelations', BusinessRelationsPage),
  setupTableRoute('/setup/salutations', 'nav.salutations', SalutationsPage),
  setupTableRoute('/setup/interaction-groups', 'nav.interactionGroups', InteractionGroupsPage),
  setupTableRoute('/setup/interaction-templates', 'nav.interactionTemplates', InteractionTemplatesPage),
  setupTableRoute('/setup/interaction-template-setup', 'nav.interactionTemplateSetup', InteractionTemplateSetupPage),
  setupTableRoute('/setup/sales-cycles', 'nav.salesCycles', SalesCyclesPage),
  setupTableRoute('/setup/close-opportunity-codes', 'nav.closeOpportunityCodes', CloseOpportunityCodesPage),
  setupTableRoute('/setup/campaign-statuses', 'nav.campaignStatuses', CampaignStatusesPage),
  setupTableRoute('/setup/activities', 'nav.activities', ActivitiesPage),
  setupTableRoute('/setup/duplicate-search', 'nav.duplicateSearch', DuplicateSearchPage),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/setup/code-lists',
    validateSearch: codeListSearch,
    component: () => <SetupTableRoute title="nav.codeLists" Page={CodeListsPage} />,
  }),
] as const;

export const routeTree = rootRoute.addChildren([
  homeRoute,
  campaignsRoute,
  campaignCardRoute,
  segmentsRoute,
  marketingSetupRoute,
  contactsRoute,
  contactCardRoute,
  newContactRoute,
  contactDuplicatesRoute,
  contactImportRoute,
  ...setupTableRoutes,
]);

/** The console's router under /console/; the browser's history unless a test gives a memory one. */
export function createConsoleRouter(history?: RouterHistory) {
  return createRouter({ routeTree, basepath: CONSOLE_BASE_PATH, ...(history === undefined ? {} : { history }), defaultPreload: 'intent', defaultErrorComponent: PageError });
}

export type ConsoleRouter = ReturnType<typeof createConsoleRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: ConsoleRouter;
  }
}
