// The bundle's wiring: what Outlook reaches through Office.actions.associate, over the Office mock.
import type * as Commands from '../../../src/addin/commands/commands';
import type { CommandEvent } from '../../../src/addin/office/actions';
import { STAMP_HEADER } from '../../../src/addin/office/send-stamp';
import { createOfficeMock, type OfficeMock } from '../office/office-mock';

type Globals = { Office?: unknown; fetch: typeof fetch; location?: unknown };
const globals = globalThis as unknown as Globals;
const realFetch = globals.fetch;

let registered: Map<string, (event: CommandEvent) => void>;
let mock: OfficeMock;
let fetchCalls: string[];

type CommandsModule = typeof Commands;

/** Loads the bundle afresh over an Office mock with `options`, as Outlook loads commands.js. */
function loadBundle(options: Parameters<typeof createOfficeMock>[0], pageUrl?: string): CommandsModule {
  mock = createOfficeMock(options);
  registered = new Map();
  (mock.office as unknown as { actions: unknown }).actions = { associate: (name: string, handler: (event: CommandEvent) => void) => registered.set(name, handler) };
  globals.Office = mock.office;
  fetchCalls = [];
  globals.fetch = (async (url: string) => {
    fetchCalls.push(url);
    throw new TypeError('offline');
  }) as unknown as typeof fetch;
  if (pageUrl === undefined) delete globals.location;
  else globals.location = { href: pageUrl };
  let loaded: CommandsModule | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('../../../src/addin/commands/commands') as CommandsModule;
  });
  return loaded!;
}

/** Runs a registered function as Outlook does and waits for its `completed`. */
function invoke(name: string): Promise<unknown[]> {
  return new Promise((resolve) => registered.get(name)!({ completed: (...args: unknown[]) => resolve(args) }));
}

afterEach(() => {
  delete globals.Office;
  delete globals.location;
  globals.fetch = realFetch;
  jest.restoreAllMocks();
});

describe('the commands bundle', () => {
  test('registers both of the manifest’s functions with Office.actions.associate', () => {
    loadBundle({});
    expect([...registered.keys()].sort()).toEqual(['logEmail', 'onMessageSendHandler']);
  });

  test('on send with "log when sent" on, stamps the draft, allows the send and makes no request', async () => {
    loadBundle({ item: { mode: 'compose', data: { subject: 'Your visit' } }, customProperties: { rapportLogWhenSent: '1' } });
    await expect(invoke('onMessageSendHandler')).resolves.toEqual([{ allowEvent: true }]);
    expect(mock.headers()[STAMP_HEADER]).toMatch(/^[0-9a-f-]{36};waiting$/);
    expect(fetchCalls).toEqual([]);
  });

  test('on send, allows the send even when Outlook refuses every stamp', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    loadBundle({ item: { mode: 'compose', data: {} }, roamingSettings: { rapportAutoLogSent: true } });
    mock.failNext('item.internetHeaders.setAsync', { status: 'failed', value: undefined, error: { code: 9000, name: 'InternalError', message: '' } });
    mock.failNext('customProperties.saveAsync', { status: 'failed', value: undefined, error: { code: 9002, name: 'InternalServerError', message: '' } });
    await expect(invoke('onMessageSendHandler')).resolves.toEqual([{ allowEvent: true }]);
  });

  test('"Log email" offline keeps the log on the message and says it is queued', async () => {
    loadBundle({ item: { mode: 'read', data: { from: { displayName: 'Robin Lee', emailAddress: 'robin@fabrikam.example' } } } }, 'https://rapport.example.com/addin/commands.html');
    // Until the auth module provides tokens there is none, so the log waits for the user to sign in.
    await expect(invoke('logEmail')).resolves.toEqual([]);
    expect(JSON.parse(String(mock.savedProperties().rapportPendingLog))).toMatchObject({ internetMessageId: '<m1@example.com>', from: { address: 'robin@fabrikam.example' } });
    expect(mock.notifications().map((notice) => notice.details.type)).toEqual(['informationalMessage']);
  });

  test('"Log email" with a token posts to the service beside the add-in', async () => {
    const commands = loadBundle({ item: { mode: 'read', data: { from: { displayName: 'Robin Lee', emailAddress: 'robin@fabrikam.example' } } } }, 'https://example.com/crm/addin/commands.html');
    commands.configureCommands({ getToken: async () => 'token' });
    await invoke('logEmail');
    expect(fetchCalls).toEqual(['https://example.com/crm/api/v1/interactions/email']);
    // The request got no answer (the stand-in fetch is offline), so the log waits on the message.
    expect(mock.savedProperties().rapportPendingLog).toBeDefined();
  });
});
