/**
 * Why the console could not sign the user in:
 * - `network`: no answer from the token issuer (offline, DNS); try again.
 * - `rejected`: the issuer refused this user (dev mode: not a demo user).
 * - `invalidResponse`: an answer that is not what was asked for.
 * - `failed`: the identity platform refused for another reason (see `cause`).
 * - `misconfigured`: the build's sign-in settings are missing or invalid.
 */
export type SignInErrorCode = 'network' | 'rejected' | 'invalidResponse' | 'failed' | 'misconfigured';

/** The error sign-in rejects with; `message` is for logs, the console words the error from `code`. */
export class SignInError extends Error {
  readonly code: SignInErrorCode;

  constructor(code: SignInErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SignInError';
    this.code = code;
  }
}
