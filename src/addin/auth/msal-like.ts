import type { AccountInfo, Configuration, PopupRequest, SilentRequest, SsoSilentRequest } from '@azure/msal-browser';

/** What the provider reads of a token answer; msal's `AuthenticationResult` has this and more. */
export type TokenResultLike = { accessToken: string; expiresOn: Date | null; account: AccountInfo | null };

/** The slice of msal's `IPublicClientApplication` the provider uses. */
export type PublicClientLike = {
  acquireTokenSilent(request: SilentRequest): Promise<TokenResultLike>;
  ssoSilent(request: SsoSilentRequest): Promise<TokenResultLike>;
  acquireTokenPopup(request: PopupRequest): Promise<TokenResultLike>;
  getActiveAccount(): AccountInfo | null;
  getAllAccounts(): AccountInfo[];
  setActiveAccount(account: AccountInfo | null): void;
  clearCache(): Promise<void>;
};

/** An msal error class; every msal error carries a stable `errorCode`. */
type ErrorClass = abstract new (...args: never[]) => Error & { errorCode: string };

/**
 * The slice of the `@azure/msal-browser` module the provider uses, so tests can hand in a fake and
 * the real module is loaded only when a token is first needed. Errors are told apart by class and
 * `errorCode`, never by message text (msal rewords its messages between versions).
 */
export type MsalLike = {
  createNestablePublicClientApplication(configuration: Configuration): Promise<PublicClientLike>;
  AuthError: ErrorClass;
  InteractionRequiredAuthError: ErrorClass;
  BrowserAuthError: ErrorClass;
  ClientAuthError: ErrorClass;
  BrowserAuthErrorCodes: {
    readonly popupWindowError: string;
    readonly emptyWindowError: string;
    readonly blockNestedPopups: string;
    readonly userCancelled: string;
    readonly noAccountError: string;
    readonly noNetworkConnectivity: string;
  };
  ClientAuthErrorCodes: {
    readonly userCanceled: string;
    readonly nestedAppAuthBridgeDisabled: string;
    readonly noAccountFound: string;
    readonly noNetworkConnectivity: string;
  };
};

/**
 * `NestedAppAuthError`'s code for a call the host's nested authentication does not support (msal
 * exports the class's code only internally). Thrown by the NAA controller, e.g. for redirects.
 */
const NAA_UNSUPPORTED_METHOD = 'unsupported_method';

/** How the provider reacts to an msal failure. */
export type MsalFailure = 'interactionRequired' | 'popupUnavailable' | 'cancelled' | 'network' | 'other';

/**
 * Sorts an msal failure:
 * - `interactionRequired`: silent acquisition cannot succeed without the user (consent, MFA, no
 *   account in the cache yet).
 * - `popupUnavailable`: the popup was blocked, or the host offers no nested authentication; the
 *   Office dialog may still work.
 * - `cancelled`: the user closed the window.
 * - `network`: no connectivity.
 */
export function classifyMsalFailure(msal: MsalLike, error: unknown): MsalFailure {
  if (error instanceof msal.InteractionRequiredAuthError) return 'interactionRequired';
  if (error instanceof msal.BrowserAuthError) {
    const codes = msal.BrowserAuthErrorCodes;
    switch (error.errorCode) {
      case codes.noAccountError:
        return 'interactionRequired';
      case codes.popupWindowError:
      case codes.emptyWindowError:
      case codes.blockNestedPopups:
        return 'popupUnavailable';
      case codes.userCancelled:
        return 'cancelled';
      case codes.noNetworkConnectivity:
        return 'network';
      default:
        return 'other';
    }
  }
  if (error instanceof msal.ClientAuthError) {
    const codes = msal.ClientAuthErrorCodes;
    switch (error.errorCode) {
      case codes.noAccountFound:
        return 'interactionRequired';
      case codes.nestedAppAuthBridgeDisabled:
        return 'popupUnavailable';
      case codes.userCanceled:
        return 'cancelled';
      case codes.noNetworkConnectivity:
        return 'network';
      default:
        return 'other';
    }
  }
  if (error instanceof msal.AuthError && error.errorCode === NAA_UNSUPPORTED_METHOD) return 'popupUnavailable';
  return 'other';
}
