import './chunks-as-require';
import { deserialize, serialize } from 'node:v8';
import { act, configure, render, type RenderResult } from '@testing-library/react';
import type { SignInState } from '../../../src/addin/auth/sign-in-state';
import type { LocalStore } from '../../../src/addin/cache/local-store';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { enUS } from '../../../src/addin/i18n/en-US';
import { createI18n } from '../../../src/addin/i18n/I18nProvider';
import { loadCatalogueModule } from '../../../src/addin/i18n/load-catalogue';
import { loadCatalogue, resolveLocale } from '../../../src/ui-shared/i18n/locales';
import type { ComposeItem, HostTheme, MailHost, MailItem, ReadItem, SendStamp } from '../../../src/addin/office/mail-host';
import type { SyncStatus } from '../../../src/addin/sync/sync-engine';
import { App } from '../../../src/addin/taskpane/App';
import type { DuplicateCheck } from '../../../src/addin/taskpane/duplicate-check';
import type { PaneServices } from '../../../src/addin/taskpane/pane-services';
import { fluentTheme } from '../../../src/ui-shared/theme';
import { type PullPageToApply } from '../../../src/addin/cache/local-store';
import type { SyncOp } from '../../../src/contract/sync';

// The pane's rare views arrive as lazy chunks; on a busy two-core machine loading one can take
// longer than Testing Library's default second, which made `findBy…` queries fail at random.
configure({ asyncUtilTimeout: 5_000 });

/** The pane's tests: a stand-in Outlook, a sync loop that only reports, and the real memory store. */

// jest-environment-jsdom 29 leaves out structuredClone, which the memory store copies records
// with; Node's serializer is the same algorithm.
if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T,>(value: T): T => deserialize(serialize(value)) as T;
}

// Fluent's MessageBar measures itself for its layout; jsdom does no layout, so nothing ever resizes.
if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** The performance marks the pane set, in order (jsdom has no User Timing; the benchmark reads the real ones). */
export const marks: string[] = [];
Object.defineProperty(performance, 'mark', {
  configurable: true,
  value: (name: string) => {
    marks.push(name);
    return undefined;
  },
});

export const USER = { name: 'Sam Salesperson', address: 'sam@cronus.example' };
export const NOW = new Date('2025-03-10T09:30:00Z');
export const TIME_ZONE = 'UTC';

export const readItem = (fields: Partial<ReadItem> = {}): ReadItem => ({
  mode: 'read',
  itemId: 'item-1',
  internetMessageId: '<msg-1@fabrikam.example>',
  conversationId: 'conv-1',
  subject: 'Offer for spring',
  from: { name: 'Anna Berg', address: 'anna@fabrikam.example' },
  to: [USER],
  cc: [],
  sentAt: '2025-03-10T08:00:00Z',
  mailboxOwner: null,
  sentFromMailbox: false,
  attachmentNames: ['offer.pdf'],
  ...fields,
});

export const composeItem = (fields: Partial<ComposeItem> = {}): ComposeItem => ({ mode: 'compose', itemId: 'draft-1', subject: 'Hello', to: [], cc: [], ...fields });

export type FakeHost = MailHost & {
  select(item: MailItem | null): void;
  setTheme(theme: HostTheme | null): void;
  logWhenSentValue: boolean;
  stamp: SendStamp | null;
  pendingLogJson: string | null;
  autoLogSentValue: boolean;
};

export function createFakeHost(options: { item?: MailItem | null; language?: string; theme?: HostTheme | null } = {}): FakeHost {
  let item = options.item === undefined ? readItem() : options.item;
  let theme = options.theme ?? null;
  const listeners = new Set<() => void>();
  const host: FakeHost = {
    host: 'Outlook',
    displayLanguage: () => options.language ?? 'en-US',
    theme: () => theme,
    user: () => USER,
    currentItem: () => Promise.resolve(item),
    onItemChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    bodyExcerpt: () => Promise.resolve('Dear Sam, here is our offer.'),
    notify: () => Promise.resolve(),
    logWhenSent: () => Promise.resolve(host.logWhenSentValue),
    setLogWhenSent(on) {
      host.logWhenSentValue = on;
      return Promise.resolve();
    },
    stampForSend: () => Promise.resolve(),
    readStamp: () => Promise.resolve(host.stamp),
    pendingLog: () => Promise.resolve(host.pendingLogJson),
    setPendingLog(json) {
      host.pendingLogJson = json;
      return Promise.resolve();
    },
    autoLogSent: () => host.autoLogSentValue,
    setAutoLogSent(on) {
      host.autoLogSentValue = on;
      return Promise.resolve();
    },
    select(next) {
      item = next;
      for (const listener of [...listeners]) listener();
    },
    setTheme(next) {
      theme = next;
      for (const listener of [...listeners]) listener();
    },
    logWhenSentValue: false,
    stamp: null,
    pendingLogJson: null,
    autoLogSentValue: false,
  };
  return host;
}

export type FakeEngine = PaneServices['engine'] & { setStatus(patch: Partial<SyncStatus>): void; notifyWrite: jest.Mock; pullNow: jest.Mock };

/** A sync loop that pushes and pulls nothing: tests apply pages to the store themselves, as a pull would. */
export function createFakeEngine(store: LocalStore, status: Partial<SyncStatus> = {}): FakeEngine {
  let current: SyncStatus = { state: 'idle', lastSyncedAt: '2025-03-10T09:28:00Z', pendingCount: 0, rejectedCount: 0, persisted: true, ...status };
  const listeners = new Set<(status: SyncStatus) => void>();
  return {
    status: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    store: () => store,
    notifyWrite: jest.fn(),
    pullNow: jest.fn(),
    setStatus(patch) {
      current = { ...current, ...patch };
      for (const listener of [...listeners]) listener(current);
    },
  };
}

export type FakeAuth = PaneServices['auth'] & { set(state: SignInState): void; signIn: jest.Mock; signOut: jest.Mock };

export function createFakeAuth(initial: SignInState = 'signedIn'): FakeAuth {
  let state = initial;
  const listeners = new Set<(state: SignInState) => void>();
  const auth: FakeAuth = {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn: jest.fn(() => {
      auth.set('signedIn');
      return Promise.resolve('token');
    }),
    signOut: jest.fn(() => {
      auth.set('signedOut');
      return Promise.resolve();
    }),
    set(next) {
      state = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
  return auth;
}

export type Pane = RenderResult & { store: LocalStore; host: FakeHost; engine: FakeEngine; auth: FakeAuth; checkDuplicates: jest.Mock };

export type RenderPaneOptions = {
  store?: LocalStore;
  host?: FakeHost;
  status?: Partial<SyncStatus>;
  auth?: FakeAuth;
  checkDuplicates?: DuplicateCheck;
};

let ids = 0;
/** Fresh UUIDs in a recognisable sequence. */
export const nextId = (): string => `00000000-0000-4000-a000-${String((ids += 1)).padStart(12, '0')}`;

/** Renders the whole pane, started, over the given store and host. */
export async function renderPane(options: RenderPaneOptions = {}): Promise<Pane> {
  const store = options.store ?? createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });
  const host = options.host ?? createFakeHost();
  const engine = createFakeEngine(store, options.status);
  const auth = options.auth ?? createFakeAuth();
  const checkDuplicates = jest.fn(options.checkDuplicates ?? (() => Promise.resolve({ kind: 'checked' as const, candidates: [] })));
  const locale = resolveLocale(host.displayLanguage());
  const i18n = createI18n(locale, await loadCatalogue(locale, enUS, loadCatalogueModule), { timeZone: TIME_ZONE });
  const services: PaneServices = { host, engine, auth, checkDuplicates, now: () => NOW, newId: nextId, timeZone: TIME_ZONE };
  const start = Promise.resolve({ state: 'ready' as const, services, i18n, theme: fluentTheme(host.theme()) });
  // Awaited act: the start settles and the pane renders inside it.
  const result = await act(async () => render(<App start={start} />));
  return { ...result, store, host, engine, auth, checkDuplicates };
}

/** Applies ops as one delta page, as a pull would; `confirm` names outbox ids the page confirms. */
export async function applyPage(store: LocalStore, ops: readonly SyncOp[], confirm: Record<string, number> = {}): Promise<void> {
  const page: PullPageToApply = { ops, cursor: `cursor-${(ids += 1)}`, reset: false, hasMore: false, lastMutationIds: confirm, pulledAt: NOW.toISOString() };
  await store.applyPullPage(page);
}
