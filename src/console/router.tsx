import { createRootRoute, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import { useI18n } from './i18n/I18nProvider';
import { HomePage } from './pages/HomePage';
import { MarketingSetupPage } from './pages/lazy-pages';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlannedPage } from './pages/PlannedPage';
import { PageError } from './shell/PageError';
import { RequireLevel } from './shell/RequireLevel';
import { Shell } from './shell/Shell';

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

// The routes, declared in code: a handful, each typed for the links that point at them.
const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });
const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });
const campaignsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/campaigns', component: () => <PlannedPage page="campaigns" /> });
const segmentsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/segments', component: () => <PlannedPage page="segments" /> });
const marketingSetupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/setup/marketing', component: MarketingSetupRoute });

export const routeTree = rootRoute.addChildren([homeRoute, campaignsRoute, segmentsRoute, marketingSetupRoute]);

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
