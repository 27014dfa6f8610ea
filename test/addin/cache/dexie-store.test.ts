// fake-indexeddb's types are ES-module only, which a CommonJS test cannot import under Node16
// resolution; its `auto` entry installs the same classes as globals (typed by the DOM library).
import 'fake-indexeddb/auto';
import { openDexieStore } from '../../../src/addin/cache/dexie-store';
import { StorageQuotaError, StoreUnavailableError } from '../../../src/addin/cache/local-store';
import { company, del, page, person, put } from './fixtures';
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

// Every page's contacts in chunks of two: the suite's guarantees hold for the chunked directory too,
// with chunks superseded by later chunks, single rows and tombstones, in every mix.
describeLocalStore('the Dexie store writing every page’s contacts as chunks', {
  fresh: async () => {
    factory = new IDBFactory();
    return openDexieStore(NAME, { indexedDB: factory, IDBKeyRange, chunking: { minPuts: 1, size: 2 } });
  },
  again: async () => openDexieStore(NAME, { indexedDB: factory, IDBKeyRange, chunking: { minPuts: 1, size: 2 } }),
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

describe('the Dexie store’s contact directory', () => {
  // Pages of three contacts or more are written in chunks of two.
  const chunking = { minPuts: 3, size: 2 };
  const open = () => openDexieStore(NAME, { indexedDB: factory, IDBKeyRange, chunking });
  const contacts = (count: number, fields: (no: string) => Partial<ReturnType<typeof person>> = () => ({})) =>
    Array.from({ length: count }, (_, index) => person(`CT${index + 1}`, { email: `ct${index + 1}@contoso.com`, ...fields(`CT${index + 1}`) }));

  beforeEach(() => {
    factory = new IDBFactory();
  });

  const rowsOf = (table: 'contact' | 'contactChunk') =>
    new Promise<unknown[]>((resolve, reject) => {
      const request = factory.open(NAME);
      request.onsuccess = () => {
        const all = request.result.transaction(table).objectStore(table).getAll();
        all.onsuccess = () => {
          resolve(all.result);
          request.result.close();
        };
        all.onerror = () => reject(all.error);
      };
    });

  test('a large page is written as chunks with their members’ lookup keys, a small one as single rows', async () => {
    const store = await open();
    const sent = contacts(3, (no) => ({ companyNo: 'CP1', email2: `${no.toLowerCase()}@example.org` }));
    await store.applyPullPage(page(sent.map((contact) => put('contact', contact))));
    expect(await rowsOf('contact')).toEqual([]);
    expect(await rowsOf('contactChunk')).toEqual([
      { $seq: 1, $g: 0, contacts: sent.slice(0, 2), $nos: ['CT1', 'CT2'], $emails: ['ct1@contoso.com', 'ct1@example.org', 'ct2@contoso.com', 'ct2@example.org'], $domains: [], $companies: ['CP1'] },
      { $seq: 2, $g: 0, contacts: sent.slice(2), $nos: ['CT3'], $emails: ['ct3@contoso.com', 'ct3@example.org'], $domains: [], $companies: ['CP1'] },
    ]);
    await store.applyPullPage(page([put('contact', person('CT2', { email: 'anna@fabrikam.com' }))]));
    expect(await rowsOf('contact')).toEqual([{ ...person('CT2', { email: 'anna@fabrikam.com' }), $g: 0, $emails: ['anna@fabrikam.com'] }]);
    expect(await rowsOf('contactChunk')).toHaveLength(2);
    await store.close();
  });

  test('a single row wins over the chunk holding the contact, in every lookup', async () => {
    const store = await open();
    await store.applyPullPage(page(contacts(4, () => ({ companyNo: 'CP1' })).map((contact) => put('contact', contact))));
    await store.applyPullPage(page([put('contact', person('CT2', { email: 'anna@fabrikam.com', companyNo: 'CP2' }))]));
    expect(await store.get('contact', 'CT2')).toEqual(person('CT2', { email: 'anna@fabrikam.com', companyNo: 'CP2' }));
    expect(await store.contactsByEmail('ct2@contoso.com')).toEqual([]);
    expect((await store.contactsByEmail('anna@fabrikam.com')).map((contact) => contact.no)).toEqual(['CT2']);
    expect((await store.personsOfCompany('CP1')).map((contact) => contact.no).sort()).toEqual(['CT1', 'CT3', 'CT4']);
    expect((await store.personsOfCompany('CP2')).map((contact) => contact.no)).toEqual(['CT2']);
    expect(await store.count('contact')).toBe(4);
    await store.close();
  });

  test('a deleted contact a chunk holds leaves a tombstone row; one held by no chunk leaves nothing', async () => {
    const store = await open();
    await store.applyPullPage(page(contacts(3).map((contact) => put('contact', contact))));
    await store.applyPullPage(page([put('contact', person('CT9'))]));
    await store.applyPullPage(page([del('contact', 'CT1'), del('contact', 'CT9')]));
    expect(await rowsOf('contact')).toEqual([{ $g: 0, $deleted: true }]);
    expect(await store.get('contact', 'CT1')).toBeUndefined();
    expect(await store.contactsByEmail('ct1@contoso.com')).toEqual([]);
    expect(await store.count('contact')).toBe(2);
    await store.close();
  });

  test('a later chunk wins over an earlier one, and writing it removes the contact’s single row', async () => {
    const store = await open();
    await store.applyPullPage(page(contacts(3).map((contact) => put('contact', contact))));
    await store.applyPullPage(page([put('contact', person('CT1', { jobTitle: 'delta' }))]));
    await store.applyPullPage(page(contacts(3, () => ({ jobTitle: 'again' })).map((contact) => put('contact', contact))));
    expect(await rowsOf('contact')).toEqual([]);
    expect(await rowsOf('contactChunk')).toHaveLength(4);
    expect((await store.contactsByEmail('ct1@contoso.com')).map((contact) => contact.jobTitle)).toEqual(['again']);
    expect((await store.get('contact', 'CT3'))?.jobTitle).toBe('again');
    expect(await store.count('contact')).toBe(3);
    await store.close();
  });

  test('the end of a full sync drops the old generation’s chunks, single rows and tombstones', async () => {
    const store = await open();
    await store.applyPullPage(page(contacts(4).map((contact) => put('contact', contact))));
    await store.applyPullPage(page([put('contact', person('CT5')), del('contact', 'CT4')]));
    await store.applyPullPage(page(contacts(3, () => ({ jobTitle: 'resent' })).map((contact) => put('contact', contact)), { reset: true, hasMore: true }));
    expect(await store.count('contact')).toBe(4);
    expect((await store.get('contact', 'CT5'))?.no).toBe('CT5');
    await store.applyPullPage(page([], { hasMore: false }));
    expect(await rowsOf('contact')).toEqual([]);
    expect(await rowsOf('contactChunk')).toHaveLength(2);
    expect(await store.count('contact')).toBe(3);
    expect(await store.get('contact', 'CT5')).toBeUndefined();
    await store.close();
  });
});
