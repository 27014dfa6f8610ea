import type { OutboxEntry } from '../../../src/addin/cache/local-store';
import { countOutbox } from '../../../src/addin/sync/count-outbox';

const entry = (id: number, status: OutboxEntry['status'], clientId = 'client-a'): OutboxEntry => ({
  clientId,
  id,
  name: 'closeTask',
  args: { no: `TD${id}` },
  createdAt: '2025-03-03T09:00:00.000Z',
  status,
  ...(status === 'rejected' ? { rejection: { code: 'not_found', message: 'No such task.' } } : {}),
});

describe('countOutbox', () => {
  test.each<[string, OutboxEntry[], { pendingCount: number; rejectedCount: number }]>([
    ['is zero for an empty outbox', [], { pendingCount: 0, rejectedCount: 0 }],
    ['counts pending entries as waiting', [entry(1, 'pending'), entry(2, 'pending')], { pendingCount: 2, rejectedCount: 0 }],
    ['does not count applied entries awaiting their pull', [entry(1, 'applied'), entry(2, 'pending')], { pendingCount: 1, rejectedCount: 0 }],
    ['counts rejected entries apart', [entry(1, 'rejected'), entry(2, 'pending')], { pendingCount: 1, rejectedCount: 1 }],
    ['counts entries of every client id', [entry(1, 'pending', 'client-a'), entry(1, 'pending', 'client-b')], { pendingCount: 2, rejectedCount: 0 }],
  ])('%s', (_case, entries, expected) => {
    expect(countOutbox(entries)).toEqual(expected);
  });
});
