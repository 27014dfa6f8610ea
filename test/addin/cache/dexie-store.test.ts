// fake-indexeddb's types are ES-module only, which a CommonJS test cannot import under Node16
// resolution; its `auto` entry installs the same classes as globals (typed by the DOM library).
import 'fake-indexeddb/auto';
import { openDexieStore } from '../../../src/addin/cache/dexie-store';
import { StorageQuotaError, StoreUnavailableError } from '../../../src/addin/cache/local-store';
import { company, page, person, put } from './fixtures';
import { describeLocalStore } from './local-store-suite';

const NAME = 'rapport-cache';
let factory = new IDBFactory();

describeLocalStore('the Dexie store', {
  fresh: async () => {
    factory = new IDBFactory();
    return openDexieStore(NAME, { indexedDB: factory, IDBKeyRange });
  },
  again: async () => openDexieStore(NAME, { indexedDB: factory, IDBKeyRange }),
});

describe('the Dexie store over IndexedDB', () => {
  const open = () => openDexieStore(NAME, { indexedDB: factory, IDBKeyRange });

  beforeEach(() => {
    factory = new IDBFactory();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const quotaExceeded = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };

  test.each([
    { title: 'an enqueue', method: 'add' as const, write: (store: Awaited<ReturnType<typeof open>>) => store.enqueue('closeTask', { no: 'TD1', completedBy: '' }) },
    { title: 'a page', method: 'put' as const, write: (store: Awaited<ReturnType<typeof open>>) => store.applyPullPage(page([put('contact', person('CT1'))])) },
  ])('a full disk during $title surfaces as StorageQuotaError with the browser’s error as cause', async ({ method, write }) => {
    const store = await open();
    await store.syncState();
    jest.spyOn(IDBObjectStore.prototype, method).mockImplementation(quotaExceeded);
    const failure = await write(store).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageQuotaError);
    jest.restoreAllMocks();
    expect(await store.count('contact')).toBe(0);
    expect(await store.outbox()).toEqual([]);
    await store.close();
  });

  test('a database deleted under the pane surfaces as StoreUnavailableError', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = await open();
    await store.syncState();
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase(NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    await expect(store.syncState()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  const rawRow = (key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = factory.open(NAME);
      request.onsuccess = () => {
        const get = request.result.transaction('contact').objectStore('contact').get(key);
        get.onsuccess = () => {
          resolve(get.result);
          request.result.close();
        };
        get.onerror = () => reject(get.error);
      };
    });

  // The storage budget (≤ 400 bytes per contact in Chromium) holds only while rows stay lean.
  test.each([
    { title: 'a person with an e-mail is stored with its generation and e-mail keys', contact: person('CT1', { email: 'Anna@Contoso.com', companyNo: 'CP1' }), added: { $g: 0, $emails: ['anna@contoso.com'] } },
    { title: 'a company is stored with its domain keys too', contact: company('CP1', { email: 'info@contoso.com', homePage: 'www.contoso.com' }), added: { $g: 0, $emails: ['info@contoso.com'], $domains: ['contoso.com'] } },
    { title: 'a contact without addresses carries no empty key lists', contact: person('CT2'), added: { $g: 0 } },
  ])('$title and nothing else', async ({ contact, added }) => {
    const store = await open();
    await store.applyPullPage(page([put('contact', contact)]));
    expect(await rawRow(contact.no)).toEqual({ ...contact, ...added });
    await store.close();
  });
});
