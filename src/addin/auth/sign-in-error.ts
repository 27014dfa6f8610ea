/**
 * Why no token could be had, in the terms the pane and the sync loop act on:
 * - `network`: no answer from the token issuer (offline, DNS, connection reset); try again later.
 * - `server`: the issuer answered 5xx; transient.
 * - `rejected`: the issuer refused this user (dev mode: not a demo user); asking again fails again.
 * - `invalidResponse`: an answer that is not a token.
 * - `cancelled`: the user closed the sign-in window or dialog.
 * - `popupBlocked`: the popup was blocked or nested authentication is unavailable, and there is no
 *   dialog fallback to try.
 * - `failed`: the identity platform refused the sign-in for another reason (see `cause`).
 * - `misconfigured`: the build's sign-in settings are missing or invalid.
 */
export type SignInErrorCode = 'network' | 'server' | 'rejected' | 'invalidResponse' | 'cancelled' | 'popupBlocked' | 'failed' | 'misconfigured';

/**
 * The one error the token provider and the configuration reader reject with. `status` is the HTTP
 * status when a token endpoint answered, `detail` the identity platform's own code when it gave one
 * (an msal `errorCode`, a problem document's `code`). `message` is for logs; the pane words the
 * error from `code`.
 */
export class SignInError extends Error {
  readonly code: SignInErrorCode;
  readonly status: number | null;
  readonly detail: string | null;

  constructor(code: SignInErrorCode, message: string, options: { status?: number | null; detail?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SignInError';
    this.code = code;
    this.status = options.status ?? null;
    this.detail = options.detail ?? null;
  }
}
