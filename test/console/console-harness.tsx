import './chunks-as-require';
import { act, configure, render, type RenderResult } from '@testing-library/react';
import { createMemoryHistory } from '@tanstack/react-router';
import { createConsoleApi } from '../../src/console/api/console-api';
import type { ConsoleAuth } from '../../src/console/auth/console-auth';
import { createDevSignIn, DEV_USER_KEY } from '../../src/console/auth/dev-sign-in';
import { createConsoleQueryClient } from '../../src/console/queries/query-client';
import { createConsoleRouter } from '../../src/console/router';
import { ConsoleApp } from '../../src/console/shell/ConsoleApp';
import { startConsole } from '../../src/console/start-console';
import { createFakeService, type FakeService } from './fake-service';

/** The console's tests: the whole app as index.tsx wires it, on a memory history, against the fake service. */

// Role queries skip their check that each element is visible: jsdom computes every ancestor's style
// for it, which takes seconds on a page of Fluent's style rules. Nothing the console renders is
// hidden by style alone (closed menus and popovers are not in the document).
// Pages arrive as lazy chunks; on a busy two-core machine one can take longer than the default second.
configure({ defaultHidden: true, asyncUtilTimeout: 5_000 });

// Fluent's MessageBar measures itself for its layout; jsdom does no layout, so nothing ever resizes.
if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** Storage as a Map: jsdom's sessionStorage is shared between the tests of a file. */
export function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** A window for the theme: its storage, and the system's look as matchMedia reports it. */
export function themeWindow(system: { dark?: boolean; forcedColors?: boolean } = {}) {
  const listeners = new Set<() => void>();
  const state = { ...system };
  return {
    localStorage: memoryStorage(),
    matchMedia: (query: string) =>
      ({
        matches: query.includes('forced-colors') ? state.forcedColors === true : query.includes('dark') ? state.dark === true : false,
        addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
      }) as unknown as MediaQueryList,
    /** Switches the system's look, as Windows or the browser would. */
    setSystem(next: { dark?: boolean; forcedColors?: boolean }) {
      Object.assign(state, next);
      for (const listener of [...listeners]) listener();
    },
  };
}

export type ConsoleOptions = {
  /** The demo user already signed in (their e-mail in storage), or none for the sign-in page. */
  signedInAs?: string | null;
  /** The address opened, under /console. */
  path?: string;
  service?: FakeService;
  language?: string;
  win?: ReturnType<typeof themeWindow>;
  /** Another sign-in than dev mode's demo users (Entra ID over a fake msal). */
  auth?: ConsoleAuth;
};

export type RenderedConsole = RenderResult & { service: FakeService; storage: Storage; auth: ConsoleAuth; history: ReturnType<typeof createMemoryHistory> };

export async function renderConsole(options: ConsoleOptions = {}): Promise<RenderedConsole> {
  const service = options.service ?? createFakeService();
  const storage = memoryStorage(options.signedInAs ? { [DEV_USER_KEY]: options.signedInAs } : {});
  const auth = options.auth ?? createDevSignIn({ baseUrl: 'http://rapport.test', fetch: service.fetch, storage, now: () => Date.now() });
  const api = createConsoleApi({ baseUrl: 'http://rapport.test', fetch: service.fetch, getToken: auth.getToken });
  const queryClient = createConsoleQueryClient({ onUnauthenticated: () => auth.expire() });
  const history = createMemoryHistory({ initialEntries: [options.path ?? '/console/'] });
  const start = startConsole({ startAuth: () => auth.start(), languageTag: options.language ?? 'en-US', replacePath: (path) => history.replace(path), setDocumentLanguage: () => undefined });
  let rendered: RenderResult | undefined;
  await act(async () => {
    rendered = render(
      <ConsoleApp
        start={start}
        auth={auth}
        api={api}
        queryClient={queryClient}
        createRouter={() => createConsoleRouter(history)}
        win={options.win ?? themeWindow()}
        currentPath={() => history.location.href}
      />,
    );
    await start;
  });
  if (rendered === undefined) throw new Error('the console did not render');
  return Object.assign(rendered, { service, storage, auth, history });
}
