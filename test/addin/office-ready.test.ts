import { OfficeMockObject } from 'office-addin-mock';
import { whenOfficeReady } from '../../src/addin/office/office-ready';

type OnReadyInfo = { host: string | null; platform: string | null };
type GlobalWithOffice = { Office?: unknown };

/** Installs an Office stand-in whose onReady answers with `onReady()`. */
function installOffice(onReady: () => Promise<OnReadyInfo>): void {
  (globalThis as GlobalWithOffice).Office = new OfficeMockObject({ host: 'outlook', onReady });
}

afterEach(() => {
  delete (globalThis as GlobalWithOffice).Office;
});

describe('whenOfficeReady', () => {
  test('resolves at once with no host when there is no Office global, as in the browser preview', async () => {
    await expect(whenOfficeReady()).resolves.toEqual({ host: null });
  });

  test.each<[string, OnReadyInfo, string | null]>([
    ['Outlook, when the pane runs in Outlook', { host: 'Outlook', platform: 'OfficeOnline' }, 'Outlook'],
    ['no host, when office.js runs in a page outside Office', { host: null, platform: null }, null],
  ])('reports %s', async (_case, info, host) => {
    installOffice(() => Promise.resolve(info));
    await expect(whenOfficeReady()).resolves.toEqual({ host });
  });

  test('waits for Office.onReady before it resolves', async () => {
    let ready: (info: OnReadyInfo) => void = () => undefined;
    installOffice(() => new Promise((resolve) => (ready = resolve)));
    let settled = false;
    const result = whenOfficeReady().finally(() => (settled = true));

    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);

    ready({ host: 'Outlook', platform: 'PC' });
    await expect(result).resolves.toEqual({ host: 'Outlook' });
  });

  test('passes on a failure of Office.onReady to the caller', async () => {
    installOffice(() => Promise.reject(new Error('office.js could not start')));
    await expect(whenOfficeReady()).rejects.toThrow('office.js could not start');
  });
});
