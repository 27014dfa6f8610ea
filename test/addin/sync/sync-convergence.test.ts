import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { createSyncApi } from '../../../src/addin/api/sync-api';
import { openDexieStore } from '../../../src/addin/cache/dexie-store';
import type { LocalStore } from '../../../src/addin/cache/local-store';
import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { pullPages } from '../../../src/addin/sync/pull-pages';
import { pushPending } from '../../../src/addin/sync/push-pending';
import { createFakeSyncServer, syncContact, type Failure } from './helpers/fake-sync-server';
import { withFaults } from './helpers/faulty-store';

/**
 * The client half of sync under random interleavings: writes queued by two devices, changes and
 * deletions on the service, pushes and pulls that fail before or after the service acted, pages
 * interrupted before they are applied, and cursors expired by the service (a reset). Once the
 * network is back, each device holds exactly the service's contacts, finds each by every address
 * it has and by none it had, and nothing waits.
 *
 * Against the in-process protocol stand-in, so many thousands of interleavings run in seconds;
 * test/integration/sync-convergence.test.ts runs the same kind of property against the real
 * service. SYNC_CLIENT_PROPERTY_RUNS sets the runs for the memory store (the Dexie store runs a
 * tenth as many: fake-indexeddb is slower).
 */
const RUNS = Number(process.env.SYNC_CLIENT_PROPERTY_RUNS ?? 10_000);

type Command =
  | { kind: 'create'; device: number; email: number }
  | { kind: 'update'; device: number; contact: number; title: number }
  | { kind: 'serverPut'; contact: number; title: number }
  | { kind: 'serverDel'; contact: number }
  | { kind: 'expireCursors' }
  | { kind: 'push'; device: number; failure: FailureName }
  | { kind: 'pull'; device: number; failure: FailureName | 'interrupted' };

type FailureName = 'none' | 'network' | 'dropAnswer' | 'server';
const FAILURES: Record<Exclude<FailureName, 'none'>, Failure> = { network: { network: true }, dropAnswer: { dropAnswer: true }, server: { status: 503 } };

const device = fc.integer({ min: 0, max: 1 });
const contact = fc.integer({ min: 0, max: 4 });
const failure = fc.constantFrom<FailureName>('none', 'none', 'network', 'dropAnswer', 'server');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), device, email: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('update' as const), device, contact, title: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('serverPut' as const), contact, title: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('serverDel' as const), contact }),
  fc.record({ kind: fc.constant('expireCursors' as const) }),
  fc.record({ kind: fc.constant('push' as const), device, failure }),
  fc.record({ kind: fc.constant('pull' as const), device, failure: fc.constantFrom<FailureName | 'interrupted'>('none', 'network', 'dropAnswer', 'server', 'interrupted') }),
);

const contactNo = (index: number) => `CS${index}`;

let databases = 0;
const stores: Record<'memory' | 'dexie' | 'dexie with chunks', () => Promise<LocalStore>> = {
  memory: async () => createMemoryStore(),
  dexie: async () => openDexieStore(`convergence-${(databases += 1)}`, { indexedDB: new IDBFactory(), IDBKeyRange }),
  // Pages of two contacts or more go into chunks of two: chunks, single rows and tombstones mix.
  'dexie with chunks': async () => openDexieStore(`convergence-${(databases += 1)}`, { indexedDB: new IDBFactory(), IDBKeyRange, chunking: { minPuts: 2, size: 2 } }),
};

describe.each([
  ['memory', RUNS],
  ['dexie', Math.max(1, Math.round(RUNS / 10))],
  ['dexie with chunks', Math.max(1, Math.round(RUNS / 10))],
] as const)('the %s store converges', (kind, runs) => {
  test(`${runs} random interleavings of writes, pulls, pushes and failures end with the service's state`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), async (commands) => {
        const server = createFakeSyncServer();
        server.pageSize = 3;
        for (let index = 0; index < 3; index++) server.put('contact', syncContact(contactNo(index)));
        const api = createSyncApi({ baseUrl: 'https://rapport.test', fetch: server.fetch, getToken: async () => 'token-1' });
        const signal = new AbortController().signal;
        const devices = await Promise.all([stores[kind](), stores[kind]()].map(async (store) => withFaults(await store)));
        // Every address a contact ever had in this run: each must find exactly the contacts that have it now.
        const addresses = new Set<string>([0, 1, 2].map((index) => `${contactNo(index).toLowerCase()}@contoso.test`));
        const push = (store: LocalStore) => pushPending({ store, api, signal });
        const pull = (store: LocalStore) => pullPages({ store, api, signal, now: Date.now, yieldToPane: async () => undefined });

        for (const step of commands) {
          const store = 'device' in step ? (devices[step.device] as (typeof devices)[number]) : undefined;
          switch (step.kind) {
            case 'create':
              addresses.add(`new${step.email}@contoso.test`);
              await store?.enqueue('createContact', { id: crypto.randomUUID(), contact: { name: `New ${step.email}`, email: `new${step.email}@contoso.test` }, allowDuplicates: false });
              break;
            case 'update':
              await store?.enqueue('updateContact', { no: contactNo(step.contact), patch: { jobTitle: `Title ${step.title}` } });
              break;
            case 'serverPut': {
              // Odd titles move the contact to an address of its own, so lookups must follow it.
              const no = contactNo(step.contact);
              const email = step.title % 2 === 0 ? `${no.toLowerCase()}@contoso.test` : `moved${step.title}.${no.toLowerCase()}@contoso.test`;
              addresses.add(email);
              server.put('contact', syncContact(no, { jobTitle: `Server ${step.title}`, email }));
              break;
            }
            case 'serverDel':
              server.del('contact', contactNo(step.contact));
              break;
            case 'expireCursors':
              server.expireCursors();
              break;
            case 'push': {
              // A failure only where a request will go out: with nothing pending, no push is sent.
              const sends = (await store?.outbox())?.some((entry) => entry.status === 'pending');
              if (step.failure !== 'none' && sends) server.failNext('push', FAILURES[step.failure]);
              await push(store as LocalStore).catch(() => undefined);
              break;
            }
            case 'pull':
              if (step.failure === 'interrupted') {
                store?.override('applyPullPage', async () => {
                  throw new Error('the pane closed before the page was applied');
                });
                await pull(store as LocalStore).catch(() => undefined);
                store?.override('applyPullPage', undefined);
              } else {
                if (step.failure !== 'none') server.failNext('pull', FAILURES[step.failure]);
                await pull(store as LocalStore).catch(() => undefined);
              }
              break;
          }
        }

        for (const store of devices) {
          await push(store);
          await pull(store);
        }
        for (const store of devices) {
          await pull(store);
          const expected = server.records('contact');
          expect(await store.count('contact')).toBe(expected.size);
          for (const [key, record] of expected) expect(await store.get('contact', key)).toEqual(record);
          for (const address of addresses) {
            const holders = [...expected.values()].filter((record) => record.email === address).map((record) => record.no);
            expect((await store.contactsByEmail(address)).map((contact) => contact.no).sort()).toEqual(holders.sort());
          }
          expect((await store.outbox()).filter((entry) => entry.status !== 'rejected')).toEqual([]);
        }
        await Promise.all(devices.map((store) => store.close()));
      }),
      { numRuns: runs, endOnFailure: true },
    );
  }, 600_000);
});
