import type { OutboxEntry } from '../../../src/addin/cache/local-store';
import { type InteractionOverlay, overlaidEntries, pendingContacts, rejectedOf, showContact, showInteractions, showOpportunities, showTasks } from '../../../src/addin/cache/optimistic';
import type { SyncMutationArgs, SyncMutationName } from '../../../src/contract/sync';
import { interaction, opportunity, person, task } from './fixtures';

const UUID = (n: number) => `6f1c2a8e-8a9b-4c3d-9e0f-${String(n).padStart(12, '0')}`;

function entry<N extends SyncMutationName>(id: number, name: N, args: SyncMutationArgs<N>, status: OutboxEntry['status'] = 'pending'): OutboxEntry {
  return { clientId: 'client-0001', id, name, args, createdAt: '2025-06-02T08:30:00.000Z', status } as OutboxEntry;
}

const user = { email: 'sam@cronus.example', salespersonCode: 'SAM' };
const overlay = (entries: OutboxEntry[], emailTargets: InteractionOverlay['emailTargets'] = new Map()): InteractionOverlay => ({ entries: overlaidEntries(entries), user, emailTargets });

describe('optimistic records', () => {
  test.each<{ title: string; status: OutboxEntry['status']; overlaid: boolean }>([
    { title: 'a pending entry is overlaid', status: 'pending', overlaid: true },
    { title: 'an applied entry is overlaid until its data is pulled', status: 'applied', overlaid: true },
    { title: 'a rejected entry is not overlaid', status: 'rejected', overlaid: false },
  ])('$title', ({ status, overlaid }) => {
    const entries = [entry(1, 'updateContact', { no: 'CT1', patch: { jobTitle: 'CEO' } }, status)];
    expect(overlaidEntries(entries).length).toBe(overlaid ? 1 : 0);
  });

  test('rejected entries come back with their reasons, oldest first', () => {
    const refused = { ...entry(2, 'closeTask', { no: 'TD1' }, 'rejected'), rejection: { code: 'task_closed', message: 'Already closed.' } } as OutboxEntry;
    const bare = entry(1, 'closeTask', { no: 'TD2' }, 'rejected');
    expect(rejectedOf([refused, entry(3, 'closeTask', { no: 'TD3' }), bare])).toEqual([
      { id: 1, name: 'closeTask', args: { no: 'TD2' }, createdAt: '2025-06-02T08:30:00.000Z', rejection: { code: 'rejected', message: '' } },
      { id: 2, name: 'closeTask', args: { no: 'TD1' }, createdAt: '2025-06-02T08:30:00.000Z', rejection: { code: 'task_closed', message: 'Already closed.' } },
    ]);
  });

  test.each([
    { title: 'a contact without waiting changes is shown as cached', entries: [], expected: { jobTitle: '', pending: false } },
    { title: 'waiting patches apply in order and mark it pending', entries: [entry(1, 'updateContact', { no: 'CT1', patch: { jobTitle: 'CTO' } }), entry(2, 'updateContact', { no: 'CT1', patch: { jobTitle: 'CEO', email: 'anna@new.example' } })], expected: { jobTitle: 'CEO', email: 'anna@new.example', pending: true } },
    { title: 'a patch of another contact changes nothing', entries: [entry(1, 'updateContact', { no: 'CT2', patch: { jobTitle: 'CTO' } })], expected: { jobTitle: '', pending: false } },
  ])('$title', ({ entries, expected }) => {
    expect(showContact(person('CT1'), entries)).toMatchObject(expected);
  });

  test('a created contact is shown pending, unnumbered, with what the user typed', () => {
    const [created] = pendingContacts([entry(4, 'createContact', { id: UUID(1), contact: { type: 'person', firstName: 'Anna', surname: 'Berg', email: 'anna@contoso.com' } })]);
    expect(created).toMatchObject({ no: '', type: 'person', name: 'Anna Berg', email: 'anna@contoso.com', pending: true, outboxId: 4 });
  });

  test('an opportunity being updated or closed is marked pending, and a created one is added for its contact only', () => {
    const entries = [
      entry(1, 'updateOpportunity', { no: 'OP1', update: { action: 'next', estimatedValueLcy: 100 } }),
      entry(2, 'createOpportunity', { id: UUID(2), opportunity: { description: 'New deal', contactNo: 'CT1' } }),
      entry(3, 'createOpportunity', { id: UUID(3), opportunity: { description: 'Elsewhere', contactNo: 'CT9' } }),
      entry(4, 'closeOpportunity', { no: 'OP3', close: { actionTaken: 'won', closeOpportunityCode: 'WON' } }),
    ];
    const shown = showOpportunities([opportunity('OP1'), opportunity('OP2'), opportunity('OP3')], entries, new Set(['CT1']));
    expect(shown.map((each) => [each.no, each.description, each.pending])).toEqual([
      ['OP1', 'Opportunity OP1', true],
      ['OP2', 'Opportunity OP2', false],
      ['OP3', 'Opportunity OP3', true],
      ['', 'New deal', true],
    ]);
  });

  test('a task being closed shows closed and pending, and a created task is added for its contact', () => {
    const entries = [entry(1, 'closeTask', { no: 'TD1', completedBy: 'SAM' }), entry(2, 'createTask', { id: UUID(4), task: { description: 'Call back', date: '2025-06-03', contactNo: 'CT1' } })];
    const shown = showTasks([task('TD1'), task('TD2')], entries, new Set(['CT1']));
    expect(shown.map((each) => [each.no, each.closed, each.pending])).toEqual([
      ['TD1', true, true],
      ['TD2', false, false],
      ['', false, true],
    ]);
    expect(shown[0]).toMatchObject({ completedBy: 'SAM', dateClosed: '2025-06-02' });
  });

  describe('interactions', () => {
    const logEmail = entry(1, 'logEmail', { id: UUID(5), internetMessageId: '<m1@contoso.com>', subject: 'Offer', from: { address: 'anna@contoso.com' }, sentAt: '2025-06-01T14:05:00+02:00' });
    const targets = new Map([[1, { informationFlow: 'inbound' as const, initiatedBy: 'them' as const, interactions: [{ contactNo: 'CT1', salespersonCode: 'SAM' }] }]]);

    test('a waiting e-mail log shows as a pending interaction for the contact it will log to', () => {
      const [shown] = showInteractions([], overlay([logEmail], targets), new Set(['CT1']));
      expect(shown).toMatchObject({ entryNo: 0, id: UUID(5), contactNo: 'CT1', internetMessageId: '<m1@contoso.com>', subject: 'Offer', date: '2025-06-01', timeOfInteraction: '14:05:00', informationFlow: 'inbound', userEmail: user.email, pending: true, outboxId: 1 });
    });

    test.each([
      { title: 'not for another contact', contactNos: new Set(['CT2']), cached: [], expected: 0 },
      { title: 'not twice once a pull brought it', contactNos: new Set(['CT1']), cached: [interaction(7, { id: UUID(5), contactNo: 'CT1' })], expected: 1 },
      { title: 'for every contact when none is named', contactNos: undefined, cached: [], expected: 1 },
    ])('a waiting e-mail log is shown $title', ({ contactNos, cached, expected }) => {
      expect(showInteractions(cached, overlay([logEmail], targets), contactNos)).toHaveLength(expected);
    });

    test('a waiting phone call shows as a pending interaction', () => {
      const call = entry(2, 'logInteraction', { id: UUID(6), contactNo: 'CT1', kind: 'phoneCall', date: '2025-06-02', time: '10:00:00', description: 'Called' });
      expect(showInteractions([], overlay([call]), new Set(['CT1']))).toEqual([expect.objectContaining({ contactNo: 'CT1', date: '2025-06-02', description: 'Called', pending: true })]);
    });

    test.each([
      { title: 'a waiting cancellation shows the interaction canceled', args: { id: UUID(8) }, expected: { canceled: true, pending: true } },
      { title: 'a waiting restore shows it not canceled', args: { id: UUID(8), canceled: false }, expected: { canceled: false, pending: true } },
      { title: 'a cancellation of another interaction changes nothing', args: { id: UUID(9) }, expected: { canceled: false, pending: false } },
    ])('$title', ({ args, expected }) => {
      const [shown] = showInteractions([interaction(8, { id: UUID(8) })], overlay([entry(3, 'cancelInteraction', args)]));
      expect(shown).toMatchObject(expected);
    });

    test('a rejected log is not shown', () => {
      expect(showInteractions([], overlay([{ ...logEmail, status: 'rejected' } as OutboxEntry], targets))).toEqual([]);
    });
  });
});
