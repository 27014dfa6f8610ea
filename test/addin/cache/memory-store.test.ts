import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { describeLocalStore } from './local-store-suite';

describeLocalStore('the memory store', { fresh: async () => createMemoryStore() });

describe('the memory store', () => {
  test('takes the client ids it is given', async () => {
    const store = createMemoryStore({ clientGroupId: 'group-0001', clientId: 'client-0001' });
    expect(await store.syncState()).toMatchObject({ clientGroupId: 'group-0001', clientId: 'client-0001' });
    expect((await store.enqueue('closeTask', { no: 'TD1', completedBy: '' })).clientId).toBe('client-0001');
  });
});
