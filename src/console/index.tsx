// Entry of the console's index.html: paints a first screen at once; sign-in and the language load behind it.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createConsoleApi } from './api/console-api';
import { consoleAuthConfig, readBuildAuthEnv } from './auth/auth-config';
import { createConsoleAuth } from './auth/create-auth';
import { ENGLISH } from './i18n/I18nProvider';
import { createConsoleQueryClient } from './queries/query-client';
import { createConsoleRouter } from './router';
import { ConsoleApp } from './shell/ConsoleApp';
import { StatusScreen } from './shell/StatusScreen';
import { startConsole } from './start-console';

const container = document.getElementById('root');
if (container === null) throw new Error('The console page has no #root element.');
const root = createRoot(container);

try {
  const config = consoleAuthConfig(readBuildAuthEnv());
  // Detached, because browsers refuse `window.fetch` called as a method of another object.
  const fetch = (url: string, init: RequestInit) => globalThis.fetch(url, init);
  const auth = createConsoleAuth(config, { origin: window.location.origin, fetch, storage: window.sessionStorage, now: () => Date.now() });
  const api = createConsoleApi({ baseUrl: window.location.origin, fetch, getToken: auth.getToken });
  const queryClient = createConsoleQueryClient({ onUnauthenticated: () => auth.expire() });
  const start = startConsole({
    startAuth: () => auth.start(),
    languageTag: navigator.language,
    replacePath: (path) => window.history.replaceState(null, '', path),
    setDocumentLanguage: (locale) => document.documentElement.setAttribute('lang', locale),
  });
  root.render(
    <ConsoleApp
      start={start}
      auth={auth}
      api={api}
      queryClient={queryClient}
      createRouter={() => createConsoleRouter()}
      win={window}
      currentPath={() => `${window.location.pathname}${window.location.search}${window.location.hash}`}
    />,
  );
} catch (error) {
  // The build's sign-in settings are incomplete: nothing can work, and the message says whom to ask.
  console.error('Rapport: the console cannot start', error);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <StatusScreen>
        <p role="alert">{ENGLISH.t('signIn.misconfigured')}</p>
      </StatusScreen>
    </FluentProvider>,
  );
}
