import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { loadOverlay } from '../../../src/addin/cache/overlay-context';
import type { SyncMutationArgs } from '../../../src/contract/sync';
import { person, put, salesperson } from './fixtures';

// The pane shows a waiting log as the service will log it (planEmailLog over the cache), so a log
// from a shared mailbox must be planned against the mailbox's owner there too.
const SALES = 'sales@cronus.example';

async function store() {
  const memory = createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });
  await memory.applyPullPage({
    ops: [
      put('setup', { key: 'me', value: { salespersonCode: 'SAM', email: 'sam@cronus.example', name: 'Sam' } }),
      put('salesperson', salesperson('SAM', { email: 'sam@cronus.example' })),
      put('salesperson', salesperson('BO', { email: 'bo@cronus.example' })),
      put('contact', person('CT101', { email: 'anna@fabrikam.example' })),
    ],
    cursor: 'c1',
    reset: false,
    hasMore: false,
    lastMutationIds: {},
    pulledAt: '2025-03-10T09:00:00.000Z',
  });
  return memory;
}

const log = (fields: Partial<SyncMutationArgs<'logEmail'>>): SyncMutationArgs<'logEmail'> => ({
  id: '6f1c2a8e-8a9b-4c3d-9e0f-000000000001',
  internetMessageId: '<m1@fabrikam.example>',
  from: { name: 'Anna', address: 'anna@fabrikam.example' },
  to: [{ name: 'Sales', address: SALES }],
  cc: [{ name: 'Bo', address: 'bo@cronus.example' }],
  sentAt: '2025-03-10T08:00:00Z',
  ...fields,
});

describe('a waiting log planned over the cache', () => {
  test.each<[string, Partial<SyncMutationArgs<'logEmail'>>, object]>([
    ['from the shared mailbox: inbound, the user’s', { mailboxAddress: SALES }, { informationFlow: 'inbound', interactions: [{ contactNo: 'CT101', salespersonCode: 'SAM' }] }],
    ['answered from the shared mailbox: outbound, the user’s', { mailboxAddress: SALES, from: { name: 'Sales', address: SALES }, to: [{ name: 'Anna', address: 'anna@fabrikam.example' }] }, { informationFlow: 'outbound', interactions: [{ contactNo: 'CT101', salespersonCode: 'SAM' }] }],
    ['from the user’s own mailbox: the salesperson among the recipients', {}, { informationFlow: 'inbound', interactions: [{ contactNo: 'CT101', salespersonCode: 'BO' }] }],
  ])('%s', async (_case, fields, plan) => {
    const memory = await store();
    const entry = await memory.enqueue('logEmail', log(fields));
    const overlay = await loadOverlay(memory);
    expect(overlay.emailTargets.get(entry.id)).toMatchObject(plan);
  });
});
