import { FluentProvider } from '@fluentui/react-components';
import { type QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConsoleApi } from '../api/console-api';
import type { AuthStart, ConsoleAuth } from '../auth/console-auth';
import { ENGLISH, type I18n, I18nProvider, useI18n } from '../i18n/I18nProvider';
import { meQuery } from '../queries/me';
import type { ConsoleRouter } from '../router';
import { fluentTheme } from '../../ui-shared/theme';
import { ConsoleContext, type ConsoleContextValue } from './console-context';
import { QueryError } from './QueryError';
import { SignInPage, signInNotice } from './SignInPage';
import { StatusScreen } from './StatusScreen';
import { type ThemeChoice, useThemeChoice } from './theme-choice';

/** What the console knows once it has started: the sign-in's first state, and the user's language. */
export type ConsoleStart = { auth: AuthStart; i18n: I18n };

export type ConsoleAppProps = {
  /** Settles when sign-in has read what an earlier visit left and the language has loaded; created before the first render. */
  start: Promise<ConsoleStart>;
  auth: ConsoleAuth;
  api: ConsoleApi;
  queryClient: QueryClient;
  /** Called once the console has started, so that the router reads the address a finished sign-in went back to. */
  createRouter: () => ConsoleRouter;
  /** The window whose system look and storage the theme follows. */
  win: Parameters<typeof useThemeChoice>[0];
  /** The address the user opened, to come back to after a redirect sign-in. */
  currentPath: () => string;
};

/**
 * The console: a first screen at once, then the sign-in page or, once signed in and `GET /me` has
 * said who the user is, the console's frame and its pages.
 */
export function ConsoleApp({ start, auth, api, queryClient, createRouter, win, currentPath }: ConsoleAppProps) {
  const [started, setStarted] = useState<ConsoleStart | null>(null);
  const theme = useThemeChoice(win);
  useEffect(() => {
    let current = true;
    void start.then((value) => current && setStarted(value));
    return () => {
      current = false;
    };
  }, [start]);
  return (
    <FluentProvider theme={fluentTheme(theme.theme)}>
      {started === null ? (
        <StatusScreen busy={ENGLISH.t('shell.starting')} />
      ) : (
        <I18nProvider value={started.i18n}>
          <QueryClientProvider client={queryClient}>
            <Session auth={auth} api={api} firstStart={started.auth} createRouter={createRouter} themeChoice={theme.choice} chooseTheme={theme.choose} currentPath={currentPath} />
          </QueryClientProvider>
        </I18nProvider>
      )}
    </FluentProvider>
  );
}

type SessionProps = Pick<ConsoleAppProps, 'auth' | 'api' | 'createRouter' | 'currentPath'> & {
  firstStart: AuthStart;
  themeChoice: ThemeChoice;
  chooseTheme(choice: ThemeChoice): void;
};

function Session({ auth, api, firstStart, createRouter, themeChoice, chooseTheme, currentPath }: SessionProps) {
  const state = useSyncExternalStore(auth.subscribe, auth.state);
  const [router] = useState(createRouter);
  const queryClient = useQueryClient();
  if (state !== 'signedIn') {
    const notice = state === 'expired' ? 'error.unauthenticated' : firstStart.failure === undefined ? null : signInNotice(firstStart.failure);
    return <SignInPage auth={auth} notice={notice} returnTo={currentPath()} />;
  }
  const signOut = async () => {
    // Another user may sign in next on this device: nothing of this one's stays cached.
    queryClient.clear();
    await auth.signOut();
  };
  return <SignedIn api={api} router={router} themeChoice={themeChoice} chooseTheme={chooseTheme} signOut={signOut} />;
}

type SignedInProps = Omit<ConsoleContextValue, 'me'> & { router: ConsoleRouter };

function SignedIn({ api, router, ...rest }: SignedInProps) {
  const { t } = useI18n();
  const me = useQuery(meQuery(api));
  if (me.isPending) return <StatusScreen busy={t('shell.loadingAccount')} />;
  if (me.isError) {
    return (
      <StatusScreen>
        <QueryError title={t('shell.accountFailed')} error={me.error} onRetry={() => void me.refetch()} />
      </StatusScreen>
    );
  }
  return (
    <ConsoleContext value={{ api, me: me.data, ...rest }}>
      <RouterProvider router={router} />
    </ConsoleContext>
  );
}
