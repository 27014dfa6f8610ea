import type { Configuration, RedirectRequest } from '@azure/msal-browser';
import { runAuthDialog, type DialogMsalLike } from '../../../src/addin/auth/auth-dialog';
import { dialogMessageOf } from '../../../src/addin/auth/dialog-message';
import { FakeAuthError } from './fake-msal';

const CONFIG = { mode: 'naa', clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', authority: 'https://login.microsoftonline.com/tenant-0001', scopes: ['api://rapport/access_as_user'] } as const;
const PAGE = 'https://rapport.example.com/addin/auth-dialog.html';

function fakeDialogMsal(redirect: { accessToken: string; expiresOn: Date | null } | null | Error): {
  module: DialogMsalLike;
  created: Configuration[];
  redirects: RedirectRequest[];
} {
  const created: Configuration[] = [];
  const redirects: RedirectRequest[] = [];
  const module: DialogMsalLike = {
    createStandardPublicClientApplication: async (configuration) => {
      created.push(configuration);
      return {
        handleRedirectPromise: async () => {
          if (redirect instanceof Error) throw redirect;
          return redirect;
        },
        acquireTokenRedirect: async (request) => {
          redirects.push(request);
        },
      };
    },
    AuthError: FakeAuthError,
  };
  return { module, created, redirects };
}

async function run(fake: ReturnType<typeof fakeDialogMsal>, pageUrl: string): Promise<unknown[]> {
  const sent: unknown[] = [];
  await runAuthDialog({ ...CONFIG, scopes: [...CONFIG.scopes] }, { loadMsal: async () => fake.module, messageParent: (message) => sent.push(dialogMessageOf(JSON.parse(message)) ?? { notADialogMessage: message }), pageUrl });
  return sent;
}

describe('the sign-in dialog page', () => {
  test('the first visit redirects to sign in, with the page as redirect URI and the hint from the pane', async () => {
    const fake = fakeDialogMsal(null);
    const sent = await run(fake, `${PAGE}?loginHint=anna%40cronus.example`);

    expect(sent).toEqual([]);
    expect(fake.created).toEqual([{ auth: { clientId: CONFIG.clientId, authority: CONFIG.authority, redirectUri: PAGE } }]);
    expect(fake.redirects).toEqual([{ scopes: CONFIG.scopes, redirectUri: PAGE, loginHint: 'anna@cronus.example' }]);
  });

  test('the return visit posts the token and its expiry to the pane', async () => {
    const fake = fakeDialogMsal({ accessToken: 'dialog-token', expiresOn: new Date(1_700_003_600_000) });
    const sent = await run(fake, `${PAGE}#code=abc`);

    expect(sent).toEqual([{ status: 'success', accessToken: 'dialog-token', expiresOn: 1_700_003_600_000 }]);
    expect(fake.redirects).toEqual([]);
  });

  test.each([
    ['an msal failure posts its code', new FakeAuthError('invalid_grant'), 'invalid_grant'],
    ['any other failure posts unknown', new TypeError('broken'), 'unknown'],
  ])('%s', async (_title, error, code) => {
    const sent = await run(fakeDialogMsal(error), PAGE);
    expect(sent).toEqual([{ status: 'failure', code }]);
  });
});
