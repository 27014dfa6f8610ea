import type { AccountInfo, Configuration, PopupRequest, SilentRequest, SsoSilentRequest } from '@azure/msal-browser';
import type { MsalLike, PublicClientLike, TokenResultLike } from '../../../src/addin/auth/msal-like';

/** Stand-ins for msal's error classes: the provider tells failures apart by class and errorCode. */
export class FakeAuthError extends Error {
  readonly errorCode: string;
  constructor(errorCode: string) {
    super(`msal says ${errorCode}`);
    this.errorCode = errorCode;
  }
}
export class FakeInteractionRequiredAuthError extends FakeAuthError {}
export class FakeBrowserAuthError extends FakeAuthError {}
export class FakeClientAuthError extends FakeAuthError {}

/** The codes as msal-browser spells them. */
export const browserCodes = {
  popupWindowError: 'popup_window_error',
  emptyWindowError: 'empty_window_error',
  blockNestedPopups: 'block_nested_popups',
  userCancelled: 'user_cancelled',
  noAccountError: 'no_account_error',
  noNetworkConnectivity: 'no_network_connectivity',
} as const;
export const clientCodes = {
  userCanceled: 'user_canceled',
  nestedAppAuthBridgeDisabled: 'nested_app_auth_bridge_disabled',
  noAccountFound: 'no_account_found',
  noNetworkConnectivity: 'no_network_connectivity',
} as const;

export const account = (username: string): AccountInfo => ({
  homeAccountId: `${username}-home`,
  environment: 'login.microsoftonline.com',
  tenantId: 'tenant-0001',
  username,
  localAccountId: `${username}-local`,
});

export const result = (accessToken: string, forAccount: AccountInfo | null = account('anna@cronus.example')): TokenResultLike => ({
  accessToken,
  expiresOn: new Date(1_700_000_000_000 + 3_600_000),
  account: forAccount,
});

type Outcome = TokenResultLike | Error | Promise<TokenResultLike>;

export type FakeMsal = {
  module: MsalLike;
  loads: number;
  created: Configuration[];
  silent: SilentRequest[];
  sso: SsoSilentRequest[];
  popup: PopupRequest[];
  cleared: number;
  active: AccountInfo | null;
};

/**
 * A fake msal module whose client answers each silent, ssoSilent and popup call with the next
 * prepared outcome of its kind, and fails the test loudly when one is called unprepared.
 */
export function fakeMsal(script: { accounts?: AccountInfo[]; silent?: Outcome[]; sso?: Outcome[]; popup?: Outcome[]; clearCache?: Error }): FakeMsal {
  const accounts = script.accounts ?? [];
  const next = async (kind: 'silent' | 'sso' | 'popup'): Promise<TokenResultLike> => {
    const outcome = script[kind]?.shift();
    if (outcome === undefined) throw new Error(`Unexpected ${kind} call.`);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  const fake: FakeMsal = {
    module: undefined as unknown as MsalLike,
    loads: 0,
    created: [],
    silent: [],
    sso: [],
    popup: [],
    cleared: 0,
    active: null,
  };
  const pca: PublicClientLike = {
    acquireTokenSilent: (request) => {
      fake.silent.push(request);
      return next('silent');
    },
    ssoSilent: (request) => {
      fake.sso.push(request);
      return next('sso');
    },
    acquireTokenPopup: (request) => {
      fake.popup.push(request);
      return next('popup');
    },
    getActiveAccount: () => fake.active,
    getAllAccounts: () => accounts,
    setActiveAccount: (value) => {
      fake.active = value;
    },
    clearCache: async () => {
      fake.cleared += 1;
      if (script.clearCache !== undefined) throw script.clearCache;
    },
  };
  fake.module = {
    createNestablePublicClientApplication: async (configuration) => {
      fake.created.push(configuration);
      return pca;
    },
    AuthError: FakeAuthError,
    InteractionRequiredAuthError: FakeInteractionRequiredAuthError,
    BrowserAuthError: FakeBrowserAuthError,
    ClientAuthError: FakeClientAuthError,
    BrowserAuthErrorCodes: browserCodes,
    ClientAuthErrorCodes: clientCodes,
  };
  return fake;
}
