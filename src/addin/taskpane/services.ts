import { authConfigFromBuild, readBuildAuthEnv } from '../auth/auth-config';
import { createTokenProvider, type TokenProvider } from '../auth/token-provider';
import { openDexieStore } from '../cache/dexie-store';
import type { LocalStore } from '../cache/local-store';
import { loadMemoryStore } from '../cache/load-memory-store';
import type { MailHost } from '../office/mail-host';
import { browserOnlineEvents } from '../sync/online-events';
import { deferredSyncEngine } from '../sync/deferred-engine';
import { loadPaneSync } from '../sync/load-pane-sync';
import type { DuplicateCheck, DuplicateCheckOptions } from './duplicate-check';
import type { PaneServices } from './pane-services';
import { storeNameFor } from './store-name';

/**
 * Sign-in when the build's settings are unusable (`authConfigFromBuild` threw): never a token, so
 * the pane works from its cache, shows "signed out", and the error names the setting in the log.
 */
function noSignIn(problem: unknown): TokenProvider {
  return {
    getToken: () => Promise.resolve(null),
    signIn: () => Promise.reject(problem),
    signOut: () => Promise.resolve(),
    state: () => 'signedOut',
    subscribe: () => () => undefined,
  };
}

/** The user's store; in memory when the browser has no IndexedDB for the pane (private windows, some WebViews). */
async function openStore(name: string): Promise<LocalStore> {
  try {
    return await openDexieStore(name);
  } catch (error) {
    console.error('Rapport: IndexedDB is not available; working in memory for this session', error);
    return (await loadMemoryStore()).createMemoryStore();
  }
}

/**
 * The duplicate check, whose code (and the contract it checks answers against) arrives with the sync
 * loop's chunk: it is needed only once the user adds a contact, well after the first paint.
 */
function deferredDuplicateCheck(options: DuplicateCheckOptions): DuplicateCheck {
  let check: Promise<DuplicateCheck> | null = null;
  return async (contact, signal) => {
    check ??= loadPaneSync().then((module) => module.createDuplicateCheck(options));
    try {
      return await (await check)(contact, signal);
    } catch (error) {
      // The chunk could not be fetched (offline after the pane opened): no verdict, as when offline.
      check = null;
      console.error('Rapport: the duplicate check could not be loaded', error);
      return { kind: 'unavailable', reason: 'failed' };
    }
  };
}

/**
 * Wires the pane for the signed-in mailbox: its store, sign-in, the sync client and loop (started),
 * and the duplicate check. Nothing here waits for the network.
 */
export async function createPaneServices(host: MailHost, page: Window): Promise<PaneServices> {
  const user = host.user();
  const baseUrl = page.location.origin;
  const name = storeNameFor(user.address, page.location.search);
  let tokens: TokenProvider;
  try {
    tokens = createTokenProvider(authConfigFromBuild(readBuildAuthEnv(), { baseUrl, userEmail: user.address }));
  } catch (error) {
    console.error('Rapport: sign-in is not configured', error);
    tokens = noSignIn(error);
  }
  const fetch = page.fetch.bind(page);
  const onlineEvents = browserOnlineEvents(page);
  const store = await openStore(name);
  // The loop's code comes in a chunk of its own, fetched now: the card reads only the cache.
  const engine = deferredSyncEngine(store, async () => (await loadPaneSync()).createPaneSync({ store, openStore: () => openDexieStore(name), baseUrl, fetch, getToken: tokens.getToken, onlineEvents }));
  engine.start();
  // A pinned pane pulls when the user moves on: the next message's sender may just have changed.
  host.onItemChanged(() => engine.pullNow());
  return {
    host,
    engine,
    auth: tokens,
    checkDuplicates: deferredDuplicateCheck({ baseUrl, fetch, getToken: tokens.getToken, isOnline: onlineEvents.isOnline }),
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  };
}
