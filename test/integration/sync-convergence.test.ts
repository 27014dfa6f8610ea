import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LocalStore, PullPageToApply } from '../../src/addin/cache/local-store';
import { testEngines } from '../helpers/engines';
import { syncWorld } from '../helpers/sales-world';
import { expectStoreToHold, newNetwork, openStore, serverView, syncClient, type SyncClient } from '../helpers/sync-clients';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

/**
 * Random interleavings of what three devices (two of one salesperson, one of a colleague) and the
 * service do — mutations queued offline and online, pushes and pulls whose requests are dropped or
 * whose answers are lost, pulls interrupted between pages, contacts reassigned and created on the
 * service — always end, once the network is back, with every device holding exactly what the
 * service says it should, no change waiting, and each e-mail logged once.
 *
 * Each run is a fresh tenant on the real service. SYNC_PROPERTY_RUNS sets the number of runs per
 * engine (default below); the seed is printed on failure, and SYNC_PROPERTY_SEED replays it.
 */
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 150);
const TODAY = '2025-03-05';
const MESSAGES = 3;

type Fault = 'none' | 'dropRequest' | 'loseAnswer';
type Command =
  | { kind: 'logEmail'; device: number; message: number }
  | { kind: 'createTask'; device: number }
  | { kind: 'updateContact'; device: number; title: number }
  | { kind: 'cancelFirstLog'; device: number }
  | { kind: 'createContact'; device: number; name: number }
  | { kind: 'reassignCompany'; to: 'AL' | 'BO' }
  | { kind: 'push'; device: number; fault: Fault }
  | { kind: 'pull'; device: number; fault: Fault | 'interrupted' };

const device = fc.integer({ min: 0, max: 2 });
const fault = fc.constantFrom<Fault>('none', 'none', 'dropRequest', 'loseAnswer');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('logEmail' as const), device, message: fc.integer({ min: 0, max: MESSAGES - 1 }) }),
  fc.record({ kind: fc.constant('createTask' as const), device }),
  fc.record({ kind: fc.constant('updateContact' as const), device, title: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('cancelFirstLog' as const), device }),
  fc.record({ kind: fc.constant('createContact' as const), device, name: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('reassignCompany' as const), to: fc.constantFrom<'AL' | 'BO'>('AL', 'BO') }),
  fc.record({ kind: fc.constant('push' as const), device, fault }),
  fc.record({ kind: fc.constant('push' as const), device, fault }),
  fc.record({ kind: fc.constant('pull' as const), device, fault: fc.constantFrom<Fault | 'interrupted'>('none', 'none', 'dropRequest', 'loseAnswer', 'interrupted') }),
  fc.record({ kind: fc.constant('pull' as const), device, fault: fc.constantFrom<Fault | 'interrupted'>('none', 'none', 'dropRequest', 'loseAnswer', 'interrupted') }),
);

type Device = { client: SyncClient; interruptNextPage: boolean; loggedIds: string[] };

describe.each(testEngines())('sync convergence on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => TODAY });
  });
  afterAll(() => service.close());

  /** A store whose next page can be made to fail before it is applied, as a pane closed mid-pull. */
  const interruptible = (store: LocalStore, state: { interruptNextPage: boolean }): LocalStore =>
    new Proxy(store, {
      get(target, property) {
        if (property === 'applyPullPage') {
          return async (page: PullPageToApply) => {
            if (state.interruptNextPage) {
              state.interruptNextPage = false;
              throw new Error('interrupted');
            }
            return target.applyPullPage(page);
          };
        }
        return (Reflect.get(target, property, target) as () => unknown).bind(target);
      },
    });

  const setUp = async () => {
    const world = await syncWorld(service);
    const { tenant, anna, bo } = world;
    const users = [anna, anna, bo];
    const devices: Device[] = [];
    for (const user of users) {
      const state = { interruptNextPage: false, loggedIds: [] as string[] };
      const store = interruptible(await openStore('memory'), state);
      const client = await syncClient({ app: () => service.app, signer: service.signer, user, store, network: newNetwork(), limit: 25 });
      devices.push(Object.assign(state, { client }));
    }
    const messages = Array.from({ length: MESSAGES }, () => `<${randomUUID()}@mail.example>`);
    return { ...world, tenant, devices, users, messages };
  };

  const run = async (commands: readonly Command[]) => {
    const { tenant, devices, messages, person, company } = await setUp();
    const on = (index: number) => devices[index] as Device;
    const withFault = async (target: Device, chosen: Fault, action: () => Promise<void>) => {
      const network = target.client.network;
      network.dropRequest = () => chosen === 'dropRequest';
      network.loseAnswer = () => chosen === 'loseAnswer';
      await action().catch((error: unknown) => {
        if (chosen === 'none') throw error;
      });
      network.dropRequest = undefined;
      network.loseAnswer = undefined;
    };

    for (const step of commands) {
      switch (step.kind) {
        case 'logEmail': {
          const id = randomUUID();
          on(step.device).loggedIds.push(id);
          await on(step.device).client.store.enqueue('logEmail', {
            id,
            internetMessageId: messages[step.message] as string,
            subject: `Message ${step.message}`,
            from: { name: 'Kim Ek', address: 'kim@fabrikam.example' },
            to: [{ name: 'Anna Lindqvist', address: 'anna@nordlys.example' }],
            sentAt: `${TODAY}T09:0${step.message}:00Z`,
          });
          break;
        }
        case 'createTask':
          await on(step.device).client.store.enqueue('createTask', { id: randomUUID(), task: { description: 'Follow up', date: TODAY, contactNo: person.no } });
          break;
        case 'updateContact':
          await on(step.device).client.store.enqueue('updateContact', { no: person.no, patch: { jobTitle: ['Buyer', 'Head of purchasing', 'CFO'][step.title] as string } });
          break;
        case 'cancelFirstLog': {
          const id = on(step.device).loggedIds[0];
          if (id) await on(step.device).client.store.enqueue('cancelInteraction', { id, canceled: true });
          break;
        }
        case 'createContact':
          await on(step.device).client.store.enqueue('createContact', {
            id: randomUUID(),
            contact: { type: 'company', name: ['Contoso GmbH', 'Litware BV'][step.name] as string },
            allowDuplicates: false,
          });
          break;
        case 'reassignCompany':
          await expectOk(tenant, 'PATCH', `/contacts/${company.no}`, { salespersonCode: step.to });
          break;
        case 'push':
          await withFault(on(step.device), step.fault, () => on(step.device).client.push());
          break;
        case 'pull': {
          const target = on(step.device);
          if (step.fault === 'interrupted') {
            target.interruptNextPage = true;
            await target.client.pull().catch(() => undefined);
            target.interruptNextPage = false;
          } else await withFault(target, step.fault, () => target.client.pull());
          break;
        }
      }
    }

    // The network is back: every device catches up, twice, so confirmations of the last push arrive.
    for (const target of devices) await target.client.sync();
    for (const target of devices) await target.client.sync();
    for (const target of devices) {
      await expectStoreToHold(target.client.store, await serverView(target.client.api));
      const waiting = (await target.client.store.outbox()).filter((entry) => entry.status !== 'rejected');
      expect(waiting).toEqual([]);
    }
    for (const message of messages) {
      const logged = (await tenant.request('GET', `/interactions/logged?internetMessageId=${encodeURIComponent(message)}`)).body.interactions as unknown[];
      expect(logged.length).toBeLessThanOrEqual(1);
    }
  };

  test(`${RUNS} random interleavings of mutations, pulls and failures converge on the service's state`, async () => {
    const seed = process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 24 }), (commands) => run(commands)),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }), endOnFailure: true },
    );
  }, 900_000);
});

async function expectOk(tenant: TestTenant, method: string, url: string, body: unknown): Promise<void> {
  const response = await tenant.request(method, url, { body });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
}
