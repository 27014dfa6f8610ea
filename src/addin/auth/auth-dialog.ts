import type { AuthenticationResult, Configuration, RedirectRequest } from '@azure/msal-browser';
import type { NaaAuthConfig } from './auth-config';
import { DIALOG_LOGIN_HINT_PARAM, type DialogMessage } from './dialog-message';

/** The slice of `@azure/msal-browser` the dialog page uses. */
export type DialogMsalLike = {
  createStandardPublicClientApplication(configuration: Configuration): Promise<{
    handleRedirectPromise(): Promise<Pick<AuthenticationResult, 'accessToken' | 'expiresOn'> | null>;
    acquireTokenRedirect(request: RedirectRequest): Promise<void>;
  }>;
  AuthError: abstract new (...args: never[]) => Error & { errorCode: string };
};

export type AuthDialogDeps = {
  /** Defaults to a dynamic import of msal-browser. */
  loadMsal?: () => Promise<DialogMsalLike>;
  /** `Office.context.ui.messageParent`, provided by `addin/office`. */
  messageParent: (message: string) => void;
  /** The page's own address (`location.href`): the redirect URI, and the carrier of the login hint. */
  pageUrl: string;
};

/**
 * The sign-in dialog page, the fallback for hosts where the pane can neither use nested
 * authentication nor open a popup. Runs in an Office dialog, a top-level window where msal's
 * ordinary redirect flow works: the first visit redirects to Entra ID, the return visit reads the
 * answer and posts a `DialogMessage` to the pane. The page's address without its query must be a
 * registered single-page-application redirect URI (docs/deployment.md).
 */
export async function runAuthDialog(config: NaaAuthConfig, deps: AuthDialogDeps): Promise<void> {
  const page = new URL(deps.pageUrl);
  const redirectUri = `${page.origin}${page.pathname}`;
  const loginHint = page.searchParams.get(DIALOG_LOGIN_HINT_PARAM) ?? config.loginHint;
  const send = (message: DialogMessage): void => deps.messageParent(JSON.stringify(message));
  const msal = await (deps.loadMsal ?? (() => import('@azure/msal-browser')))();
  try {
    const pca = await msal.createStandardPublicClientApplication({
      auth: { clientId: config.clientId, redirectUri, ...(config.authority === undefined ? {} : { authority: config.authority }) },
    });
    const result = await pca.handleRedirectPromise();
    if (result !== null) {
      send({ status: 'success', accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? null });
      return;
    }
    await pca.acquireTokenRedirect({ scopes: config.scopes, redirectUri, ...(loginHint === undefined || loginHint === null ? {} : { loginHint }) });
  } catch (error) {
    send({ status: 'failure', code: error instanceof msal.AuthError ? error.errorCode : 'unknown' });
  }
}
