import { SignInError, type SignInErrorCode } from '../../../src/addin/auth/sign-in-error';
import type { SignInState } from '../../../src/addin/auth/sign-in-state';
import { createTokenProvider, type TokenProvider } from '../../../src/addin/auth/token-provider';
import type { TokenResultLike } from '../../../src/addin/auth/msal-like';
import {
  account,
  FakeAuthError,
  FakeBrowserAuthError,
  FakeClientAuthError,
  FakeInteractionRequiredAuthError,
  fakeMsal,
  result,
  type FakeMsal,
} from './fake-msal';

const START = 1_700_000_000_000;
const SCOPE = 'api://rapport.example.com/3f2504e0-4f89-41d3-9a0c-0305e82c3301/access_as_user';
const DIALOG_URL = 'https://rapport.example.com/addin/auth-dialog.html';

type Dialog = ((url: string) => Promise<string | null>) & { urls: string[] };

function dialog(...answers: (string | null)[]): Dialog {
  const urls: string[] = [];
  const open = async (url: string): Promise<string | null> => {
    urls.push(url);
    if (answers.length === 0) throw new Error('Unexpected dialog.');
    return answers.shift() ?? null;
  };
  return Object.assign(open, { urls });
}

function setUp(
  fake: FakeMsal,
  options: { loginHint?: string | null; openDialog?: Dialog | null } = {},
): { provider: TokenProvider; clock: { now: number }; states: SignInState[] } {
  const clock = { now: START };
  const loginHint = options.loginHint === undefined ? 'anna@cronus.example' : options.loginHint;
  const provider = createTokenProvider(
    { mode: 'naa', clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', authority: 'https://login.microsoftonline.com/tenant-0001', scopes: [SCOPE], ...(loginHint === null ? {} : { loginHint }) },
    {
      now: () => clock.now,
      loadMsal: async () => {
        fake.loads += 1;
        return fake.module;
      },
      ...(options.openDialog === null ? {} : { openDialog: options.openDialog ?? dialog(), dialogUrl: DIALOG_URL }),
    },
  );
  const states: SignInState[] = [];
  provider.subscribe((state) => states.push(state));
  return { provider, clock, states };
}

async function rejection(promise: Promise<unknown>): Promise<SignInError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejected: unknown) => rejected,
  );
  if (!(error instanceof SignInError)) throw new Error(`Expected a SignInError, got ${String(error)}`);
  return error;
}

function deferred(): { promise: Promise<TokenResultLike>; resolve: (value: TokenResultLike) => void } {
  let resolve: (value: TokenResultLike) => void = () => undefined;
  const promise = new Promise<TokenResultLike>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const anna = account('anna@cronus.example');
const interactionRequired = (): Error => new FakeInteractionRequiredAuthError('consent_required');
const success = (accessToken: string, expiresOn: number | null = START + 3_600_000): string => JSON.stringify({ status: 'success', accessToken, expiresOn });

describe('NAA token provider: background getToken', () => {
  test('loads msal only when a token is first needed, and only once', async () => {
    const fake = fakeMsal({ accounts: [anna], silent: [result('t1'), result('t2')] });
    const { provider } = setUp(fake);

    expect(fake.loads).toBe(0);
    await provider.getToken({ forceRefresh: false });
    await provider.getToken({ forceRefresh: false });
    expect(fake.loads).toBe(1);
    expect(fake.created).toEqual([{ auth: { clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', authority: 'https://login.microsoftonline.com/tenant-0001' } }]);
  });

  test('a cached account gets its token silently, and becomes the active account', async () => {
    const fake = fakeMsal({ accounts: [anna], silent: [result('token-1')] });
    const { provider, states } = setUp(fake);

    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe('token-1');
    expect(fake.silent).toEqual([{ scopes: [SCOPE], account: anna, forceRefresh: false }]);
    expect(fake.active).toEqual(anna);
    expect(states).toEqual(['signedIn']);
  });

  test('of several cached accounts, the mailbox user\'s is used', async () => {
    const other = account('bo@fabrikam.example');
    const fake = fakeMsal({ accounts: [other, account('Anna@Cronus.example')], silent: [result('token-1')] });
    const { provider } = setUp(fake);

    await provider.getToken({ forceRefresh: false });
    expect(fake.silent[0]?.account?.username).toBe('Anna@Cronus.example');
  });

  test('without a cached account the mailbox user is the login hint', async () => {
    const fake = fakeMsal({ sso: [result('token-1')] });
    const { provider } = setUp(fake);

    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe('token-1');
    expect(fake.sso).toEqual([{ scopes: [SCOPE], loginHint: 'anna@cronus.example' }]);
  });

  test('forceRefresh asks msal for a new token rather than its cached one', async () => {
    const fake = fakeMsal({ accounts: [anna], silent: [result('token-2')] });
    const { provider } = setUp(fake);

    await provider.getToken({ forceRefresh: true });
    expect(fake.silent[0]?.forceRefresh).toBe(true);
  });

  test.each<[string, Parameters<typeof fakeMsal>[0], string | null]>([
    ['interaction required on silent', { accounts: [anna], silent: [interactionRequired()] }, 'anna@cronus.example'],
    ['no account known to msal (BrowserAuthError)', { accounts: [anna], silent: [new FakeBrowserAuthError('no_account_error')] }, 'anna@cronus.example'],
    ['no account available in the host (ClientAuthError)', { sso: [new FakeClientAuthError('no_account_found')] }, 'anna@cronus.example'],
    ['nested authentication disabled in the host', { sso: [new FakeClientAuthError('nested_app_auth_bridge_disabled')] }, 'anna@cronus.example'],
    ['neither a cached account nor a login hint', {}, null],
  ])('never prompts, answers null and reports signedOut: %s', async (_title, script, loginHint) => {
    const fake = fakeMsal({ ...script, popup: [] });
    const openDialog = dialog();
    const { provider, states } = setUp(fake, { loginHint, openDialog });

    await expect(provider.getToken({ forceRefresh: false })).resolves.toBeNull();
    expect(fake.popup).toEqual([]);
    expect(openDialog.urls).toEqual([]);
    expect(states).toEqual(['signedOut']);
  });

  test.each<[string, Error, SignInErrorCode, string]>([
    ['no connectivity is a network failure', new FakeBrowserAuthError('no_network_connectivity'), 'network', 'no_network_connectivity'],
    ['a host without network is a network failure', new FakeClientAuthError('no_network_connectivity'), 'network', 'no_network_connectivity'],
    ['any other msal failure keeps its code', new FakeAuthError('server_error'), 'failed', 'server_error'],
  ])('rejects without prompting when %s', async (_title, error, code, detail) => {
    const fake = fakeMsal({ accounts: [anna], silent: [error], popup: [] });
    const { provider } = setUp(fake);

    const failure = await rejection(provider.getToken({ forceRefresh: false }));
    expect(failure.code).toBe(code);
    expect(failure.detail).toBe(detail);
    expect(failure.cause).toBe(error);
    expect(provider.state()).toBe('unknown');
    expect(fake.popup).toEqual([]);
  });

  test('msal that cannot be loaded is a network failure, tried again on the next call', async () => {
    const fake = fakeMsal({ accounts: [anna], silent: [result('token-1')] });
    let attempts = 0;
    const provider = createTokenProvider(
      { mode: 'naa', clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', scopes: [SCOPE] },
      {
        loadMsal: async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('Loading chunk msal failed.');
          return fake.module;
        },
      },
    );

    expect((await rejection(provider.getToken({ forceRefresh: false }))).code).toBe('network');
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe('token-1');
    expect(fake.created).toEqual([{ auth: { clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' } }]);
  });

  test('concurrent plain calls share one silent request, and may join a refresh on its way', async () => {
    const answer = deferred();
    const fake = fakeMsal({ accounts: [anna], silent: [answer.promise] });
    const { provider } = setUp(fake);

    const calls = [provider.getToken({ forceRefresh: true }), provider.getToken({ forceRefresh: false }), provider.getToken({ forceRefresh: false })];
    answer.resolve(result('fresh'));

    await expect(Promise.all(calls)).resolves.toEqual(['fresh', 'fresh', 'fresh']);
    expect(fake.silent).toHaveLength(1);
  });

  test('a refresh does not join a plain request on its way, which may hold the refused token', async () => {
    const plain = deferred();
    const fake = fakeMsal({ accounts: [anna], silent: [plain.promise, result('fresh')] });
    const { provider } = setUp(fake);

    const first = provider.getToken({ forceRefresh: false });
    const refresh = provider.getToken({ forceRefresh: true });
    plain.resolve(result('cached'));

    await expect(first).resolves.toBe('cached');
    await expect(refresh).resolves.toBe('fresh');
    expect(fake.silent.map((request) => request.forceRefresh)).toEqual([false, true]);
  });
});

describe('NAA token provider: interactive signIn', () => {
  test('a silent token is enough: no popup', async () => {
    const fake = fakeMsal({ accounts: [anna], silent: [result('token-1')], popup: [] });
    const { provider } = setUp(fake);

    await expect(provider.signIn()).resolves.toBe('token-1');
    expect(fake.popup).toEqual([]);
  });

  test('interaction required opens the popup with the login hint; later tokens come silently', async () => {
    const fake = fakeMsal({ sso: [interactionRequired(), interactionRequired()], popup: [result('token-1', anna)], silent: [result('token-2')] });
    const { provider, states } = setUp(fake);

    await expect(provider.getToken({ forceRefresh: false })).resolves.toBeNull();
    await expect(provider.signIn()).resolves.toBe('token-1');
    expect(fake.popup).toEqual([{ scopes: [SCOPE], loginHint: 'anna@cronus.example' }]);
    expect(fake.active).toBe(anna);
    expect(states).toEqual(['signedOut', 'signedIn']);

    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe('token-2');
    expect(fake.silent[0]?.account).toBe(anna);
  });

  test('two clicks while signing in share one popup', async () => {
    const fake = fakeMsal({ sso: [interactionRequired()], popup: [result('token-1')] });
    const { provider } = setUp(fake);

    await expect(Promise.all([provider.signIn(), provider.signIn()])).resolves.toEqual(['token-1', 'token-1']);
    expect(fake.popup).toHaveLength(1);
  });

  test.each<[string, Error]>([
    ['the popup is blocked', new FakeBrowserAuthError('popup_window_error')],
    ['window.open gives no window', new FakeBrowserAuthError('empty_window_error')],
    ['popups are refused inside the frame', new FakeBrowserAuthError('block_nested_popups')],
    ['the host disabled nested authentication', new FakeClientAuthError('nested_app_auth_bridge_disabled')],
    ['the host does not support the nested call', new FakeAuthError('unsupported_method')],
  ])('falls back to the Office dialog when %s', async (_title, popupError) => {
    const fake = fakeMsal({ sso: [interactionRequired()], popup: [popupError] });
    const openDialog = dialog(success('dialog-token'));
    const { provider, states } = setUp(fake, { openDialog });

    await expect(provider.signIn()).resolves.toBe('dialog-token');
    expect(openDialog.urls).toEqual([`${DIALOG_URL}?loginHint=anna%40cronus.example`]);
    expect(states).toEqual(['signedIn']);
  });

  test('the dialog\'s token serves background calls until shortly before it expires, without msal', async () => {
    const fake = fakeMsal({ sso: [interactionRequired(), interactionRequired()], popup: [new FakeBrowserAuthError('popup_window_error')] });
    const { provider, clock } = setUp(fake, { openDialog: dialog(success('dialog-token', START + 3_600_000)) });

    await provider.signIn();
    clock.now = START + 3_600_000 - 61_000;
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBe('dialog-token');
    expect(fake.sso).toHaveLength(1);

    clock.now = START + 3_600_000 - 59_000;
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBeNull();
    expect(fake.sso).toHaveLength(2);
    expect(provider.state()).toBe('signedOut');
  });

  test('forceRefresh drops the dialog\'s token the service refused', async () => {
    const fake = fakeMsal({ sso: [interactionRequired(), interactionRequired(), interactionRequired()], popup: [new FakeBrowserAuthError('popup_window_error')] });
    const { provider } = setUp(fake, { openDialog: dialog(success('dialog-token')) });

    await provider.signIn();
    await expect(provider.getToken({ forceRefresh: true })).resolves.toBeNull();
    await expect(provider.getToken({ forceRefresh: false })).resolves.toBeNull();
    expect(fake.sso).toHaveLength(3);
  });

  test('a blocked popup without a dialog fallback is reported as such', async () => {
    const fake = fakeMsal({ sso: [interactionRequired()], popup: [new FakeBrowserAuthError('popup_window_error')] });
    const { provider } = setUp(fake, { openDialog: null });

    const error = await rejection(provider.signIn());
    expect(error.code).toBe('popupBlocked');
    expect(error.detail).toBe('popup_window_error');
  });

  test.each<[string, Error]>([
    ['in the browser popup', new FakeBrowserAuthError('user_cancelled')],
    ['in Outlook\'s own sign-in window', new FakeClientAuthError('user_canceled')],
  ])('a user who closes the sign-in window %s gets cancelled, and no dialog', async (_title, error) => {
    const fake = fakeMsal({ sso: [interactionRequired()], popup: [error] });
    const openDialog = dialog();
    const { provider } = setUp(fake, { openDialog });

    expect((await rejection(provider.signIn())).code).toBe('cancelled');
    expect(openDialog.urls).toEqual([]);
  });

  test.each<[string, string | null, SignInErrorCode, string | null]>([
    ['closed by the user', null, 'cancelled', null],
    ['reporting the user cancelled', JSON.stringify({ status: 'failure', code: 'user_cancelled' }), 'cancelled', 'user_cancelled'],
    ['reporting an msal failure', JSON.stringify({ status: 'failure', code: 'invalid_grant' }), 'failed', 'invalid_grant'],
    ['sending something other than JSON', 'token=abc', 'invalidResponse', null],
    ['sending a message of another shape', JSON.stringify({ status: 'success', token: 'abc' }), 'invalidResponse', null],
  ])('a dialog %s rejects signIn', async (_title, message, code, detail) => {
    const fake = fakeMsal({ sso: [interactionRequired()], popup: [new FakeBrowserAuthError('popup_window_error')] });
    const { provider } = setUp(fake, { openDialog: dialog(message) });

    const error = await rejection(provider.signIn());
    expect(error.code).toBe(code);
    expect(error.detail).toBe(detail);
    expect(provider.state()).toBe('signedOut');
  });
});

describe('NAA token provider: signOut', () => {
  test('forgets the account, clears what msal allows, and keeps getToken at null until signIn', async () => {
    // Under nested authentication Outlook refuses clearCache; signing out must still succeed.
    const fake = fakeMsal({ accounts: [], sso: [result('token-1', anna), result('token-2', anna)], clearCache: new FakeAuthError('unsupported_method') });
    const { provider, states } = setUp(fake);

    await provider.getToken({ forceRefresh: false });
    await provider.signOut();
    expect(fake.active).toBeNull();
    expect(fake.cleared).toBe(1);
    expect(provider.state()).toBe('signedOut');

    await expect(provider.getToken({ forceRefresh: false })).resolves.toBeNull();
    expect(fake.sso).toHaveLength(1);

    await expect(provider.signIn()).resolves.toBe('token-2');
    expect(states).toEqual(['signedIn', 'signedOut', 'signedIn']);
  });

  test('a failure that is not msal\'s is not swallowed', async () => {
    const fake = fakeMsal({ accounts: [anna], silent: [result('token-1')], clearCache: new RangeError('storage is broken') });
    const { provider } = setUp(fake);

    await provider.getToken({ forceRefresh: false });
    await expect(provider.signOut()).rejects.toThrow(RangeError);
  });

  test('before msal was ever loaded, signing out loads nothing', async () => {
    const fake = fakeMsal({});
    const { provider } = setUp(fake);

    await provider.signOut();
    expect(fake.loads).toBe(0);
    expect(provider.state()).toBe('signedOut');
  });

  test('a silent request on its way when the user signs out answers null', async () => {
    const answer = deferred();
    const fake = fakeMsal({ accounts: [anna], silent: [answer.promise] });
    const { provider } = setUp(fake);

    const pending = provider.getToken({ forceRefresh: false });
    await new Promise((resolve) => setImmediate(resolve));
    await provider.signOut();
    answer.resolve(result('late'));

    await expect(pending).resolves.toBeNull();
    expect(provider.state()).toBe('signedOut');
  });
});
