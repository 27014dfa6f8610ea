import type { SignInState } from '../auth/sign-in-state';
import type { MailHost } from '../office/mail-host';
import type { SyncEngine } from '../sync/sync-engine';
import type { DuplicateCheck } from './duplicate-check';

/** What the pane needs of sign-in: its state, and the "Sign in" and "Sign out" clicks. */
export type PaneAuth = {
  state(): SignInState;
  subscribe(listener: (state: SignInState) => void): () => void;
  signIn(): Promise<unknown>;
  signOut(): Promise<void>;
};

/**
 * Everything the pane's views use, made once by the composition root (`services.ts`) and handed
 * down by context; tests hand in fakes.
 */
export type PaneServices = {
  host: MailHost;
  engine: Pick<SyncEngine, 'status' | 'subscribe' | 'store' | 'notifyWrite' | 'pullNow'>;
  auth: PaneAuth;
  checkDuplicates: DuplicateCheck;
  now: () => Date;
  newId: () => string;
  /** The user's time zone for "today" (campaign dates, new tasks); the runtime's when absent. */
  timeZone?: string;
};
