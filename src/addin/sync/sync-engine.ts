/**
 * The sync loop: keeps the local store and the service in step, and tells the pane how that goes.
 *
 * One worker runs at a time, so no two pulls and no two pushes ever overlap. Triggers only set a
 * flag (push wanted, pull wanted) and wake the worker; triggers that arrive while it runs are
 * folded into one follow-up step. A pull step pushes pending entries first, so the pull already
 * carries their confirmation.
 *
 *                               start()
 *                                  │
 *                                  ▼
 *       success: backoff reset, ┌──────┐ ◄── quota, other 4xx, invalid answer:
 *   ┌─► minute tick re-armed ─► │ idle │     the error is shown, the next trigger retries
 *   │                           └──────┘
 *   │             notifyWrite()  │    │  start(), pullNow(), minute tick, 'online',
 *   │                            │    │  a push that applied something
 *   │                            ▼    ▼
 *   │                   ┌─────────┐  ┌─────────┐ ──┐ hasMore: yield to the pane, push
 *   ├────────────────── │ pushing │─►│ pulling │   │ a write that came in, next page
 *   │                   └─────────┘  └─────────┘ ◄─┘
 *   │                   batches of ≤ 100;  │
 *   │                   a pull step pushes │
 *   │                   pending ones first │
 *   └──────────────────────────────────────┘
 *                                  │
 *                                  │ failure, by class (never by message)
 *       ┌───────────────┬──────────┴─────┬──────────────────┬─────────────────────┐
 *       ▼               ▼                ▼                  ▼                     ▼
 *   ┌─────────┐    ┌─────────┐    ┌───────────┐    ┌────────────────┐   store unavailable:
 *   │ offline │    │ backoff │    │ signedOut │    │ updateRequired │   openStore(), then
 *   └─────────┘    └─────────┘    └───────────┘    └────────────────┘   pulling from no cursor
 *   network error  network error  401 after one    409 sync_schema_     (a full resync); backoff
 *   while offline  online, 5xx,   token renewal,   mismatch; final:     when the new store fails
 *       │          408, 429, bug  or no token      timers off           too, or none opens
 *       │               │                │
 *       │ 'online'      │ 1 s, 2 s … 60 s (jittered), or 'online'
 *       │               │                │ any trigger
 *       └───────────────┴────────────────┴──────────► pushing / pulling
 *
 * stop() from any state: aborts the request in flight, clears every timer, unsubscribes; the
 * stored cursor and the outbox let the next start() carry on where this one left off.
 */
import type { SyncApi } from '../api/sync-api';
import type { LocalStore } from '../cache/local-store';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff-delay';
import { classifyFailure, type ClassifiedFailure, type SyncErrorKind } from './classify-failure';
import { systemClock, type Clock } from './clock';
import { countOutbox } from './count-outbox';
import { INITIAL_SYNC_STATUS } from './deferred-engine';
import { alwaysOnline, type OnlineEvents } from './online-events';
import { pullPages } from './pull-pages';
import { pushPending } from './push-pending';
import { yieldToPane } from './yield-to-pane';

export type SyncLoopState = 'idle' | 'pulling' | 'pushing' | 'offline' | 'backoff' | 'signedOut' | 'updateRequired';

/** What the pane's sync indicator shows. A new object on every change. */
export type SyncStatus = {
  state: SyncLoopState;
  /** When a pull last caught up with the service (ISO); at start, when the store last applied a page. */
  lastSyncedAt: string | null;
  /** Outbox entries the service has not acknowledged yet. */
  pendingCount: number;
  /** Outbox entries the service refused, waiting for the user. */
  rejectedCount: number;
  /** The last failure, until a step succeeds. `message` is for logs; the pane words `kind`. */
  error?: { kind: SyncErrorKind; message: string };
  /** Whether the browser agreed to keep the store under storage pressure; null until it answered. */
  persisted: boolean | null;
};

export type SyncEngine = {
  /** Starts syncing: asks for persistent storage (once per engine), pulls, and re-pulls every minute. */
  start(): void;
  /** Stops syncing at once; see the diagram. */
  stop(): void;
  /** Pulls as soon as the worker is free (after a backoff wait, if one is running). */
  pullNow(): void;
  /** Call after each `enqueue`: pushes as soon as the worker is free. */
  notifyWrite(): void;
  status(): SyncStatus;
  /** Calls `listener` with each new status. Returns the unsubscribe. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** The store the loop syncs, which changes after a reopen. */
  store(): LocalStore;
};

export type SyncEngineOptions = {
  store: LocalStore;
  /** Opens a fresh store after the current one became unavailable; without it the loop backs off and retries the old one. */
  openStore?: () => Promise<LocalStore>;
  /** Told about the store `openStore` gave, so the pane reads from it. */
  onStoreReopened?: (store: LocalStore) => void;
  api: SyncApi;
  clock?: Clock;
  /** In the browser: `browserOnlineEvents(window)`. Default: always online. */
  onlineEvents?: OnlineEvents;
  /** A number in [0, 1), for backoff jitter. */
  random?: () => number;
  /** Default: `scheduler.yield()` where present, else a zero-delay timer on `clock`. */
  yieldToPane?: () => Promise<void>;
  pullIntervalMs?: number;
  backoff?: BackoffOptions;
};

export const PULL_INTERVAL_MS = 60_000;

type Timer = { handle: unknown };

/**
 * Creates a stopped sync loop over `store`; the diagram above says what it does once started.
 * The pane wires it once, and calls `notifyWrite()` after every `enqueue`:
 *
 *     const engine = createSyncEngine({
 *       store, openStore, onStoreReopened,
 *       api: createSyncApi({ baseUrl, fetch: window.fetch, getToken }),
 *       onlineEvents: browserOnlineEvents(window),
 *     });
 *     engine.start();
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { api } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const onlineEvents = options.onlineEvents ?? alwaysOnline;
  const pause = options.yieldToPane ?? (() => yieldToPane(clock));
  const pullIntervalMs = options.pullIntervalMs ?? PULL_INTERVAL_MS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  let store = options.store;
  let status: SyncStatus = INITIAL_SYNC_STATUS;
  const listeners = new Set<(status: SyncStatus) => void>();

  let running = false;
  // Bumped by start() and stop(): a worker or callback of an older generation leaves everything alone.
  let generation = 0;
  let controller = new AbortController();
  let online = true;
  let signedOut = false;
  let updateRequired = false;
  let persistenceRequested = false;

  let wantPush = false;
  let wantPull = false;
  // A worker of the current generation is looping; cleared in the same synchronous turn as its
  // last look at the flags, so a trigger is either seen by it or starts a new worker.
  let working = false;
  // The previous worker's end: a new generation's worker waits for it, so even across stop() and
  // start() two workers never touch the store at once.
  let lastWorker: Promise<void> = Promise.resolve();

  let failures = 0;
  let reopenedSinceSuccess = false;
  // Which direction the shown error belongs to when only that direction failed (a refused push, a
  // full disk while pulling): success the other way must not hide it. Null: it concerns both.
  let errorDirection: 'push' | 'pull' | null = null;
  let backoffTimer: Timer | null = null;
  let pullTimer: Timer | null = null;
  let unsubscribeOnline: (() => void) | null = null;
  let unsubscribeStore: (() => void) | null = null;
  let countsRead = 0;

  // ---- status --------------------------------------------------------------------------------

  function update(patch: Partial<Omit<SyncStatus, 'error'>>, error?: SyncStatus['error'] | null): void {
    const next: SyncStatus = { ...status, ...patch };
    if (error === null) delete next.error;
    else if (error) next.error = error;
    if (sameStatus(next, status)) return;
    status = next;
    for (const listener of [...listeners]) {
      try {
        listener(status);
      } catch (listenerError) {
        // A faulty listener must not derail the loop; rethrown outside it so it is still seen.
        queueMicrotask(() => {
          throw listenerError;
        });
      }
    }
  }

  function restingState(): SyncLoopState {
    if (updateRequired) return 'updateRequired';
    if (!online) return 'offline';
    if (backoffTimer) return 'backoff';
    if (signedOut) return 'signedOut';
    return 'idle';
  }

  async function refreshCounts(): Promise<void> {
    const read = ++countsRead;
    try {
      const entries = await store.outbox();
      // A later read may have finished first; only the latest one speaks.
      if (read === countsRead) update(countOutbox(entries));
    } catch (error) {
      // A vanished store is the worker's to recover; any other failure it meets and reports itself.
      if (running && classifyFailure(error, online).action === 'reopen') {
        wantPull = true;
        kick();
      }
    }
  }

  // ---- timers --------------------------------------------------------------------------------

  function clearTimer(timer: Timer | null): null {
    if (timer) clock.clearTimeout(timer.handle);
    return null;
  }

  function armPullTimer(): void {
    pullTimer = clearTimer(pullTimer);
    if (!running || updateRequired) return;
    const gen = generation;
    pullTimer = {
      handle: clock.setTimeout(() => {
        if (gen !== generation) return;
        pullTimer = null;
        wantPull = true;
        kick();
      }, pullIntervalMs),
    };
  }

  function armBackoff(): void {
    pullTimer = clearTimer(pullTimer);
    backoffTimer = clearTimer(backoffTimer);
    failures += 1;
    const gen = generation;
    backoffTimer = {
      handle: clock.setTimeout(() => {
        if (gen !== generation) return;
        backoffTimer = null;
        kick();
        if (!working) update({ state: restingState() });
      }, backoffDelay(failures, random, backoff)),
    };
  }

  // ---- the worker ----------------------------------------------------------------------------

  function kick(): void {
    if (!running || working || updateRequired || backoffTimer) return;
    if (!online) {
      update({ state: 'offline' });
      return;
    }
    if (!wantPush && !wantPull) return;
    working = true;
    const gen = generation;
    lastWorker = lastWorker
      .then(() => work(gen))
      .catch((error: unknown) => {
        // Only a bug gets here (work() handles every failure of a step); keep the loop alive.
        if (gen !== generation) return;
        armBackoff();
        settle({ action: 'backoff', kind: 'unknown', message: error instanceof Error ? error.message : String(error) });
      });
  }

  async function work(gen: number): Promise<void> {
    for (;;) {
      if (gen !== generation) return;
      if (!online || (!wantPush && !wantPull)) {
        working = false;
        update({ state: restingState() });
        return;
      }
      const step = wantPull ? 'pull' : 'push';
      // A pull step pushes first, so it answers for both flags.
      wantPush = false;
      if (step === 'pull') wantPull = false;
      try {
        const reported = step === 'pull' ? await pullStep(gen) : await pushStep(gen);
        if (gen !== generation) return;
        failures = 0;
        signedOut = false;
        reopenedSinceSuccess = false;
        if (reported) {
          errorDirection = 'push';
          update({}, reported);
        } else if (step === 'pull' || errorDirection !== 'pull') {
          errorDirection = null;
          update({}, null);
        }
      } catch (error) {
        if (gen !== generation) return;
        const failure = classifyFailure(error, online);
        if (failure.action === 'reopen') {
          const reopened = await reopenStore(gen);
          if (gen !== generation) return;
          wantPull = true;
          wantPush = true;
          errorDirection = null;
          if (reopened && !reopenedSinceSuccess) {
            reopenedSinceSuccess = true;
            update({}, errorOf(failure));
            continue;
          }
          // The fresh store failed as well, or none could be opened: do not spin on it.
          armBackoff();
          settle(failure);
          return;
        }
        if (failure.action === 'report') {
          // Retrying unchanged would fail the same way; new triggers (and the tick) still run.
          if (step === 'pull') armPullTimer();
          errorDirection = step;
          update({}, errorOf(failure));
          continue;
        }
        if (step === 'pull') wantPull = true;
        wantPush = true;
        errorDirection = null;
        switch (failure.action) {
          case 'offline':
            pullTimer = clearTimer(pullTimer);
            break;
          case 'backoff':
            armBackoff();
            break;
          case 'signedOut':
            signedOut = true;
            armPullTimer();
            break;
          case 'updateRequired':
            updateRequired = true;
            pullTimer = clearTimer(pullTimer);
            backoffTimer = clearTimer(backoffTimer);
            wantPull = false;
            wantPush = false;
            break;
        }
        settle(failure);
        return;
      }
    }
  }

  /** Ends the worker after a failure, in the same turn as the decision (see `working`). */
  function settle(failure: ClassifiedFailure): void {
    working = false;
    update({ state: restingState() }, errorOf(failure));
  }

  async function pushStep(gen: number): Promise<SyncStatus['error'] | undefined> {
    const outcome = await pushPending({ store, api, signal: controller.signal, onRequest: () => showPushing(gen) });
    // Applied mutations show as pending in the pane until a pull brings their data.
    if (outcome.applied > 0) wantPull = true;
    void refreshCounts();
    return undefined;
  }

  async function pullStep(gen: number): Promise<SyncStatus['error'] | undefined> {
    pullTimer = clearTimer(pullTimer);
    const pushError = await pushAlongside(gen);
    update({ state: 'pulling' });
    let laterPushError: SyncStatus['error'] | undefined;
    await pullPages({
      store,
      api,
      signal: controller.signal,
      now: () => clock.now(),
      yieldToPane: pause,
      betweenPages: async () => {
        if (!wantPush || !current(gen)) return;
        wantPush = false;
        laterPushError = (await pushAlongside(gen)) ?? laterPushError;
        update({ state: 'pulling' });
      },
    });
    update({ lastSyncedAt: new Date(clock.now()).toISOString() });
    armPullTimer();
    void refreshCounts();
    return laterPushError ?? pushError;
  }

  /**
   * A push inside a pull step. A push the service refuses outright (a 4xx, an invalid answer) is
   * reported but does not hold up the pull: fresh data is worth having while the outbox is stuck.
   * Anything else (offline, 5xx, 401) fails the pull too, which would meet the same trouble.
   */
  async function pushAlongside(gen: number): Promise<SyncStatus['error'] | undefined> {
    try {
      await pushPending({ store, api, signal: controller.signal, onRequest: () => showPushing(gen) });
      return undefined;
    } catch (error) {
      const failure = classifyFailure(error, online);
      if (failure.action !== 'report' || !current(gen)) throw error;
      return errorOf(failure);
    }
  }

  async function reopenStore(gen: number): Promise<boolean> {
    if (!options.openStore) return false;
    let fresh: LocalStore;
    try {
      fresh = await options.openStore();
    } catch {
      // Counted as a failure by the caller, which backs off and tries again.
      return false;
    }
    const old = store;
    store = fresh;
    unsubscribeStore?.();
    unsubscribeStore = running && gen === generation ? watch(fresh) : null;
    options.onStoreReopened?.(fresh);
    // The old store is already closed or deleted; closing it only releases what is left.
    old.close().catch(() => undefined);
    void refreshCounts();
    return true;
  }

  function watch(target: LocalStore): () => void {
    return target.subscribe((changed) => {
      if (changed.has('$outbox')) void refreshCounts();
    });
  }

  function showPushing(gen: number): void {
    if (current(gen)) update({ state: 'pushing' });
  }

  function current(gen: number): boolean {
    return gen === generation;
  }

  // ---- triggers ------------------------------------------------------------------------------

  function onConnectivity(isOnline: boolean): void {
    if (isOnline === online) return;
    online = isOnline;
    if (!online) {
      // Nothing to tick for until the network returns; the worker notices on its own.
      pullTimer = clearTimer(pullTimer);
      if (!working) update({ state: 'offline' });
      return;
    }
    // A reconnect is the best moment to retry: the failure that started a backoff was likely this.
    backoffTimer = clearTimer(backoffTimer);
    wantPush = true;
    wantPull = true;
    kick();
    if (!working) update({ state: restingState() });
  }

  return {
    start() {
      if (running) return;
      running = true;
      generation += 1;
      controller = new AbortController();
      online = onlineEvents.isOnline();
      unsubscribeOnline = onlineEvents.subscribe(onConnectivity);
      unsubscribeStore = watch(store);
      if (!persistenceRequested) {
        persistenceRequested = true;
        const asked = store;
        asked.requestPersistence().then(
          (persisted) => update({ persisted }),
          () => update({ persisted: false }),
        );
      }
      const gen = generation;
      store.syncState().then(
        (state) => {
          if (current(gen) && status.lastSyncedAt === null) update({ lastSyncedAt: state.lastPulledAt });
        },
        // The worker reads the same state first thing and handles the failure.
        () => undefined,
      );
      void refreshCounts();
      wantPull = true;
      kick();
      if (!working) update({ state: restingState() });
    },

    stop() {
      if (!running) return;
      running = false;
      generation += 1;
      controller.abort();
      working = false;
      wantPush = false;
      wantPull = false;
      pullTimer = clearTimer(pullTimer);
      backoffTimer = clearTimer(backoffTimer);
      unsubscribeOnline?.();
      unsubscribeOnline = null;
      unsubscribeStore?.();
      unsubscribeStore = null;
      update({ state: updateRequired ? 'updateRequired' : 'idle' });
    },

    pullNow() {
      wantPull = true;
      kick();
    },

    notifyWrite() {
      wantPush = true;
      if (running) void refreshCounts();
      kick();
    },

    status: () => status,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    store: () => store,
  };
}

function errorOf(failure: ClassifiedFailure): NonNullable<SyncStatus['error']> {
  return { kind: failure.kind, message: failure.message };
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.state === b.state &&
    a.lastSyncedAt === b.lastSyncedAt &&
    a.pendingCount === b.pendingCount &&
    a.rejectedCount === b.rejectedCount &&
    a.persisted === b.persisted &&
    a.error?.kind === b.error?.kind &&
    a.error?.message === b.error?.message
  );
}
