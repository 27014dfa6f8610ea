import { queuedLogAhead } from '../../../src/addin/taskpane/views/LogEmailPanel';

type View = NonNullable<Parameters<typeof queuedLogAhead>[0]>;

const view = (outboxIds: number[], logged = false): View => ({
  state: { logged, pending: false, logs: [] } as unknown as View['state'],
  interactionIds: [],
  salespeople: new Map(),
  outboxIds: new Set(outboxIds),
});

describe('queuedLogAhead: a log just queued shows as logging until a view has read it', () => {
  test.each([
    { title: 'nothing queued here', current: view([]), queuedId: null, ahead: false },
    { title: 'no view read yet', current: undefined, queuedId: 7, ahead: false },
    { title: 'the view was read before the entry was committed', current: view([3]), queuedId: 7, ahead: true },
    { title: 'the view has read the entry (pending or refused): it tells', current: view([3, 7]), queuedId: 7, ahead: false },
    { title: 'the entry is gone and the message shows logged: confirmed', current: view([], true), queuedId: 7, ahead: false },
  ])('$title → $ahead', ({ current, queuedId, ahead }) => {
    expect(queuedLogAhead(current, queuedId)).toBe(ahead);
  });
});
