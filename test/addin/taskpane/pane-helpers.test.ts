import { createMemoryStore } from '../../../src/addin/cache/memory-store';
import { createTranslator } from '../../../src/ui-shared/i18n/translate';
import { enUS } from '../../../src/addin/i18n/en-US';
import { createAsyncSource } from '../../../src/addin/taskpane/hooks/async-source';
import { describeChange, rejectionReason } from '../../../src/addin/taskpane/change-text';
import { createDuplicateCheck } from '../../../src/addin/taskpane/duplicate-check';
import { completeWaitingLog, logEmailArgs } from '../../../src/addin/taskpane/log-email';
import { storeNameFor } from '../../../src/addin/taskpane/store-name';
import { stageChoices } from '../../../src/addin/taskpane/forms/stage-choices';
import { SYNC_MUTATIONS } from '../../../src/contract/sync';
import { interaction, opportunity, put } from '../cache/fixtures';
import type { ReadItem } from '../../../src/addin/office/mail-host';

const item: ReadItem = {
  mode: 'read',
  itemId: 'i',
  internetMessageId: '<m@x.example>',
  conversationId: 'c',
  subject: 'Hello',
  from: { name: 'Anna', address: 'anna@x.example' },
  to: [{ name: 'Sam', address: 'sam@cronus.example' }, { name: 'Group', address: 'Undisclosed recipients' }],
  cc: [],
  sentAt: '2025-03-10T08:00:00+01:00',
  mailboxOwner: null,
  sentFromMailbox: true,
  attachmentNames: [],
};

describe('storeNameFor', () => {
  test.each([
    ['Sam@Cronus.example ', '', 'rapport-sam@cronus.example'],
    ['sam@cronus.example', '?device=laptop-2', 'rapport-sam@cronus.example-laptop-2'],
    ['sam@cronus.example', '?device=../other', 'rapport-sam@cronus.example-other'],
    ['sam@cronus.example', '?other=1', 'rapport-sam@cronus.example'],
  ])('%s with %s → %s', (email, search, name) => {
    expect(storeNameFor(email, search)).toBe(name);
  });
});

describe('logEmailArgs', () => {
  test('is a valid logEmail mutation, keeping what the contract allows and dropping addresses it would refuse', () => {
    const args = logEmailArgs({ ...item, subject: 'x'.repeat(1200), attachmentNames: ['a'.repeat(300)] }, { id: '33333333-3333-4333-8333-333333333333', bodyText: 'b'.repeat(2500), campaignNo: 'CP1', contactNos: ['CT1'] });
    expect(SYNC_MUTATIONS.logEmail.safeParse(args).success).toBe(true);
    expect(args.to).toEqual([{ name: 'Sam', address: 'sam@cronus.example' }]);
    expect(args.subject).toHaveLength(1000);
    expect(args.bodyText).toHaveLength(2000);
    expect(args).toMatchObject({ campaignNo: 'CP1', contactNos: ['CT1'] });
  });

  test('names no campaign or contacts when none were chosen', () => {
    const args = logEmailArgs(item, { id: '33333333-3333-4333-8333-333333333333', bodyText: '', campaignNo: '' });
    expect(args).not.toHaveProperty('campaignNo');
    expect(args).not.toHaveProperty('contactNos');
  });
});

describe('completeWaitingLog', () => {
  const stamp = { interactionId: '44444444-4444-4444-8444-444444444444', state: 'waiting' as const };

  test.each([
    ['no stamp', null, item],
    ['a stamp already logged', { ...stamp, state: 'logged' as const }, item],
    ['a received message', stamp, { ...item, sentFromMailbox: false }],
  ])('does nothing for %s', async (_case, given, read) => {
    const store = createMemoryStore();
    expect(await completeWaitingLog(store, read, given, '')).toBe(false);
    expect(await store.outbox()).toEqual([]);
  });

  test('queues the log under the stamped id, and not again once queued or cached', async () => {
    const store = createMemoryStore();
    expect(await completeWaitingLog(store, item, stamp, 'body')).toBe(true);
    expect(await completeWaitingLog(store, item, stamp, 'body')).toBe(false);
    expect((await store.outbox()).map((entry) => entry.args)).toEqual([expect.objectContaining({ id: stamp.interactionId, bodyText: 'body' })]);

    const other = createMemoryStore();
    await other.applyPullPage({ ops: [put('interaction', interaction(1, { id: stamp.interactionId, internetMessageId: item.internetMessageId }))], cursor: 'c', reset: false, hasMore: false, lastMutationIds: {}, pulledAt: '2025-03-10T09:00:00Z' });
    expect(await completeWaitingLog(other, item, stamp, '')).toBe(false);
  });
});

describe('change wording', () => {
  const t = createTranslator(enUS, enUS);
  test.each([
    ['likely_duplicate', 'A contact like this exists already.'],
    ['opportunity_closed', 'The opportunity is closed already.'],
    ['number_series_exhausted', 'The number series cannot give a new number.'],
    ['something_new', 'The service refused this change.'],
  ])('rejection %s reads "%s"', (code, text) => {
    expect(rejectionReason(code, t)).toBe(text);
  });

  test('a change is described by what it does', () => {
    expect(describeChange({ name: 'createContact', args: { id: '5', contact: { firstName: 'Anna', surname: 'Berg' }, allowDuplicates: false } }, t)).toBe('New contact Anna Berg');
    expect(describeChange({ name: 'closeOpportunity', args: { no: 'OP1', close: { actionTaken: 'won', closeOpportunityCode: 'X' } } }, t)).toBe('Close opportunity OP1');
  });
});

describe('stageChoices', () => {
  const stage = (no: number, allowSkip: boolean) => ({ stage: no, description: `S${no}`, completedPct: 0, chancesOfSuccessPct: 0, activityCode: '', quoteRequired: false, allowSkip, dateFormula: '' });
  const cycle = { code: 'NEW', description: '', probabilityCalculation: 'multiply' as const, blocked: false, stages: [stage(1, false), stage(2, true), stage(3, false), stage(4, false)] };

  test('Jump goes back to any earlier stage; Skip forward while stages allow it, up to the first that does not', () => {
    expect(stageChoices('jump', opportunity('OP1', { currentStage: 3 }), cycle).map((choice) => choice.stage)).toEqual([1, 2]);
    expect(stageChoices('skip', opportunity('OP1', { currentStage: 1 }), cycle).map((choice) => choice.stage)).toEqual([2, 3]);
    expect(stageChoices('skip', opportunity('OP1', { currentStage: 2 }), undefined)).toEqual([]);
  });
});

describe('createDuplicateCheck', () => {
  const candidate = { contactNo: 'CT1', name: 'Anna', type: 'person', noOfMatchingStrings: 3, exactMatches: [], separateContacts: false };

  test('posts the contact with the token and returns the candidates', async () => {
    const fetch = jest.fn(() => Promise.resolve(new Response(JSON.stringify({ items: [candidate] }), { status: 200, headers: { 'content-type': 'application/json' } })));
    const check = createDuplicateCheck({ baseUrl: 'https://rapport.example/', fetch, getToken: () => Promise.resolve('tok'), isOnline: () => true });
    expect(await check({ type: 'person', name: 'Anna' })).toEqual({ kind: 'checked', candidates: [candidate] });
    expect(fetch).toHaveBeenCalledWith('https://rapport.example/api/v1/contacts/duplicate-check', expect.objectContaining({ method: 'POST', body: JSON.stringify({ type: 'person', name: 'Anna' }), headers: expect.objectContaining({ authorization: 'Bearer tok' }) }));
  });

  test.each([
    ['offline', { online: false, token: 'tok', respond: () => Promise.resolve(new Response('{}')) }, 'offline'],
    ['signed out', { online: true, token: null, respond: () => Promise.resolve(new Response('{}')) }, 'failed'],
    ['a network error', { online: true, token: 'tok', respond: () => Promise.reject(new TypeError('Failed to fetch')) }, 'failed'],
    ['a 500', { online: true, token: 'tok', respond: () => Promise.resolve(new Response('{}', { status: 500 })) }, 'failed'],
    ['a malformed answer', { online: true, token: 'tok', respond: () => Promise.resolve(new Response('{"items":[{"contactNo":1}]}')) }, 'failed'],
  ])('%s gives no verdict', async (_case, setup, reason) => {
    const check = createDuplicateCheck({ baseUrl: 'https://rapport.example', fetch: setup.respond, getToken: () => Promise.resolve(setup.token), isOnline: () => setup.online });
    expect(await check({ name: 'Anna' })).toEqual({ kind: 'unavailable', reason });
  });
});

describe('createAsyncSource', () => {
  test('reads on first subscribe, folds a burst of changes into one more read, and stops when unsubscribed', async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    let notify: () => void = () => undefined;
    const source = createAsyncSource(
      () => {
        reads += 1;
        const read = reads;
        return new Promise<number>((resolve) => {
          release = () => resolve(read);
        });
      },
      (changed) => {
        notify = changed;
        return () => {
          notify = () => undefined;
        };
      },
      undefined,
    );
    const seen: number[] = [];
    const stop = source.subscribe(() => {
      const state = source.getSnapshot();
      if (state.status === 'ready') seen.push(state.data);
    });
    expect(reads).toBe(1);
    notify();
    notify();
    notify();
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(reads).toBe(2);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([1, 2]);
    stop();
    notify();
    expect(reads).toBe(2);
  });
});
