import { type LocalStore, StoreUnavailableError } from '../../../src/addin/cache/local-store';
import type { SyncContact, SyncOp } from '../../../src/contract/sync';
import {
  campaign,
  campaignTarget,
  closeTaskArgs,
  company,
  del,
  interaction,
  opportunity,
  page,
  person,
  put,
  rejection,
  salesperson,
  task,
} from './fixtures';

/**
 * How the shared suite gets stores. `fresh` opens a store over new, empty storage; `again` opens
 * another store object over the storage of the latest `fresh` one (the pane after a reload, or a
 * second tab). Storage that dies with its object (the memory store) has no `again`, and the
 * tests about surviving a reopen are not declared for it: there is nothing to survive.
 */
export type LocalStoreFactory = {
  fresh(): Promise<LocalStore>;
  again?(): Promise<LocalStore>;
};

const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A value IndexedDB and structuredClone refuse: a put carrying it fails in the middle of a page. */
const uncloneable = (): SyncContact => person('BROKEN', { name: (() => 'not data') as unknown as string });

/** The guarantees of `LocalStore` (see its JSDoc), held against one implementation. */
export function describeLocalStore(name: string, factory: LocalStoreFactory): void {
  describe(`${name} as a LocalStore`, () => {
    const opened: LocalStore[] = [];
    let store: LocalStore;

    const track = async (opening: Promise<LocalStore>): Promise<LocalStore> => {
      const next = await opening;
      opened.push(next);
      return next;
    };

    beforeEach(async () => {
      store = await track(factory.fresh());
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((each) => each.close()));
    });

    const keysOf = (records: readonly { no: string }[]) => records.map((record) => record.no);
    const ids = async (of: LocalStore = store) => (await of.outbox()).map((entry) => entry.id);

    describe('sync state', () => {
      test('a new store has fresh client ids, no cursor and an outbox starting at 1', async () => {
        const state = await store.syncState();
        expect(state).toEqual({ clientGroupId: expect.stringMatching(CLIENT_ID_PATTERN), clientId: expect.stringMatching(CLIENT_ID_PATTERN), cursor: null, lastPulledAt: null, resyncing: false, nextMutationId: 1 });
        expect(state.clientId).not.toBe(state.clientGroupId);
      });

      test('the ids are created once and kept', async () => {
        const first = await store.syncState();
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        const second = await store.syncState();
        expect([second.clientGroupId, second.clientId]).toEqual([first.clientGroupId, first.clientId]);
      });

      test('two stores have different ids', async () => {
        const other = await track(factory.fresh());
        const [a, b] = await Promise.all([store.syncState(), other.syncState()]);
        expect(a.clientId).not.toBe(b.clientId);
        expect(a.clientGroupId).not.toBe(b.clientGroupId);
      });
    });

    describe('applying pages', () => {
      test('puts become readable by key and counted, and the cursor and pull time are stored', async () => {
        await store.applyPullPage(page([put('contact', person('CT1')), put('contact', person('CT2')), put('task', task('TD1'))], { cursor: 'c-1', pulledAt: '2025-03-01T08:00:00.000Z' }));
        expect(await store.get('contact', 'CT1')).toEqual(person('CT1'));
        expect(await store.count('contact')).toBe(2);
        expect(await store.count('task')).toBe(1);
        expect(await store.syncState()).toMatchObject({ cursor: 'c-1', lastPulledAt: '2025-03-01T08:00:00.000Z', resyncing: false });
      });

      test('a record reads back exactly as received, without what the store adds for its indexes', async () => {
        const anna = company('CP1', { email: 'Info@Contoso.com', email2: 'sales@contoso.com', altEmails: ['x@contoso.com'], homePage: 'www.contoso.com' });
        await store.applyPullPage(page([put('contact', anna)]));
        expect(await store.get('contact', 'CP1')).toEqual(anna);
        expect(await store.contactsByEmail('info@contoso.com')).toEqual([anna]);
      });

      test('records are keyed by their sync key in every collection', async () => {
        await store.applyPullPage(page([put('interaction', interaction(42)), put('campaignTarget', campaignTarget('CA1', 'customer', 'C10')), put('rejection', rejection('someone', 7))]));
        expect(await store.get('interaction', '42')).toEqual(interaction(42));
        expect(await store.get('campaignTarget', 'CA1|customer|C10')).toEqual(campaignTarget('CA1', 'customer', 'C10'));
        expect(await store.get('rejection', 'someone|7')).toEqual(rejection('someone', 7));
      });

      test('a del removes the record and a later put overwrites it, indexes included', async () => {
        await store.applyPullPage(page([put('contact', person('CT1', { email: 'old@contoso.com' })), put('contact', person('CT2'))]));
        await store.applyPullPage(page([put('contact', person('CT1', { email: 'new@contoso.com' })), del('contact', 'CT2'), del('contact', 'NEVER-THERE')]));
        expect(await store.get('contact', 'CT2')).toBeUndefined();
        expect(await store.get('contact', 'CT1')).toMatchObject({ email: 'new@contoso.com' });
        expect(await store.contactsByEmail('old@contoso.com')).toEqual([]);
        expect(keysOf(await store.contactsByEmail('new@contoso.com'))).toEqual(['CT1']);
        expect(await store.count('contact')).toBe(1);
      });

      test.each<{ title: string; ops: SyncOp[]; expected: string | undefined }>([
        { title: 'two puts leave the second', ops: [put('contact', person('CT1', { name: 'first' })), put('contact', person('CT1', { name: 'second' }))], expected: 'second' },
        { title: 'a put then a del leave nothing', ops: [put('contact', person('CT1', { name: 'first' })), del('contact', 'CT1')], expected: undefined },
        { title: 'a del then a put leave the put', ops: [del('contact', 'CT1'), put('contact', person('CT1', { name: 'again' }))], expected: 'again' },
      ])('for the same key twice in one page, $title', async ({ ops, expected }) => {
        await store.applyPullPage(page([put('contact', person('CT1', { name: 'before' }))]));
        await store.applyPullPage(page(ops));
        expect((await store.get('contact', 'CT1'))?.name).toBe(expected);
      });

      test('a page that fails half-way leaves nothing of itself, not even its cursor', async () => {
        await store.applyPullPage(page([put('contact', person('CT1', { name: 'before' }))], { cursor: 'good' }));
        const failing = page([put('contact', person('CT1', { name: 'after' })), put('task', task('TD1')), put('contact', uncloneable()), put('opportunity', opportunity('OP1'))], { cursor: 'bad' });
        await expect(store.applyPullPage(failing)).rejects.toThrow();
        expect((await store.get('contact', 'CT1'))?.name).toBe('before');
        expect(await store.count('task')).toBe(0);
        expect(await store.count('opportunity')).toBe(0);
        expect(await store.get('contact', 'BROKEN')).toBeUndefined();
        expect((await store.syncState()).cursor).toBe('good');
      });

      test('a failed final page confirms nothing from the outbox', async () => {
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        const { clientId } = await store.syncState();
        await expect(store.applyPullPage(page([put('contact', uncloneable())], { lastMutationIds: { [clientId]: 1 } }))).rejects.toThrow();
        expect(await ids()).toEqual([1]);
      });
    });

    describe('contacts changed over many pages', () => {
      const numbers = (count: number) => Array.from({ length: count }, (_, index) => `CT${index}`);

      test('the count stays exact through many updates, re-sends and deletes', async () => {
        await store.applyPullPage(page(numbers(450).map((no) => put('contact', person(no)))));
        for (let round = 0; round < 20; round++) {
          await store.applyPullPage(page(numbers(450).filter((_, index) => index % 20 === round).map((no) => put('contact', person(no, { jobTitle: `Title ${round}` })))));
        }
        expect(await store.count('contact')).toBe(450);
        await store.applyPullPage(page([...numbers(100).map((no) => del('contact', no)), del('contact', 'NEVER-THERE'), put('contact', person('CT100', { jobTitle: 'last' }))]));
        expect(await store.count('contact')).toBe(350);
        expect(await store.get('contact', 'CT99')).toBeUndefined();
        expect((await store.get('contact', 'CT100'))?.jobTitle).toBe('last');
        expect((await store.get('contact', 'CT449'))?.jobTitle).toBe('Title 9');
      });

      test('a contact whose addresses and company changed is found only under the new ones', async () => {
        const before = [
          company('CP1', { email: 'info@contoso.com' }),
          company('CP2', { email: 'info@fabrikam.com' }),
          person('CT1', { companyNo: 'CP1', email: 'anna@contoso.com', email2: 'anna@example.org' }),
          ...numbers(300).slice(2).map((no) => person(no, { companyNo: 'CP1', email: `${no.toLowerCase()}@contoso.com` })),
        ];
        await store.applyPullPage(page(before.map((contact) => put('contact', contact))));
        await store.applyPullPage(page([put('contact', person('CT1', { companyNo: 'CP2', email: 'anna@fabrikam.com' })), put('contact', company('CP1', { email: 'info@contoso.org' }))]));

        expect(await store.contactsByEmail('anna@contoso.com')).toEqual([]);
        expect(await store.contactsByEmail('anna@example.org')).toEqual([]);
        expect(keysOf(await store.contactsByEmail('anna@fabrikam.com'))).toEqual(['CT1']);
        expect(keysOf(await store.personsOfCompany('CP2'))).toEqual(['CT1']);
        expect(keysOf(await store.personsOfCompany('CP1'))).not.toContain('CT1');
        expect(await store.personsOfCompany('CP1')).toHaveLength(298);
        expect(keysOf(await store.companiesByDomain('contoso.com'))).toEqual([]);
        expect(keysOf(await store.companiesByDomain('contoso.org'))).toEqual(['CP1']);
        expect(keysOf(await store.contactsByEmail('ct150@contoso.com'))).toEqual(['CT150']);
      });

      test('a contact of many, deleted, is gone from every query', async () => {
        await store.applyPullPage(page(numbers(250).map((no) => put('contact', person(no, { companyNo: 'CP1', email: `${no}@contoso.com` })))));
        await store.applyPullPage(page([del('contact', 'CT3')]));
        expect(await store.get('contact', 'CT3')).toBeUndefined();
        expect(await store.contactsByEmail('ct3@contoso.com')).toEqual([]);
        expect(keysOf(await store.personsOfCompany('CP1'))).not.toContain('CT3');
        expect(await store.count('contact')).toBe(249);
      });
    });

    describe('resync generations', () => {
      const before = [put('contact', person('CT1', { email: 'one@contoso.com' })), put('contact', person('CT2', { email: 'two@contoso.com' })), put('task', task('TD1')), put('salesperson', salesperson('SP'))];

      test('old rows stay readable during a full sync and those not sent again go with its last page', async () => {
        await store.applyPullPage(page(before));
        await store.applyPullPage(page([put('contact', person('CT1', { email: 'one@contoso.com', name: 'renamed' }))], { reset: true, hasMore: true }));
        expect(await store.syncState()).toMatchObject({ resyncing: true });
        expect(await store.get('contact', 'CT2')).toBeDefined();
        expect(keysOf(await store.contactsByEmail('two@contoso.com'))).toEqual(['CT2']);
        expect(await store.count('task')).toBe(1);

        await store.applyPullPage(page([put('contact', person('CT3')), put('salesperson', salesperson('SP'))], { hasMore: true }));
        expect(await store.count('contact')).toBe(3);

        await store.applyPullPage(page([], { hasMore: false }));
        expect((await store.all('salesperson')).map((row) => row.code)).toEqual(['SP']);
        expect((await store.get('contact', 'CT1'))?.name).toBe('renamed');
        expect(await store.get('contact', 'CT2')).toBeUndefined();
        expect(await store.contactsByEmail('two@contoso.com')).toEqual([]);
        expect(await store.get('contact', 'CT3')).toBeDefined();
        expect(await store.count('task')).toBe(0);
        expect(await store.syncState()).toMatchObject({ resyncing: false });
      });

      test('a full sync in one page replaces everything at once', async () => {
        await store.applyPullPage(page(before));
        await store.applyPullPage(page([put('contact', person('CT2'))], { reset: true, hasMore: false }));
        expect(await store.count('contact')).toBe(1);
        expect(await store.count('task')).toBe(0);
        expect(await store.count('salesperson')).toBe(0);
        expect(await store.syncState()).toMatchObject({ resyncing: false });
      });

      test('a second full sync after the first keeps only what it sent', async () => {
        await store.applyPullPage(page(before, { reset: true }));
        await store.applyPullPage(page([put('contact', person('CT1'))], { reset: true, hasMore: true }));
        await store.applyPullPage(page([put('task', task('TD2'))], { hasMore: false }));
        expect(await store.count('contact')).toBe(1);
        expect(await store.count('task')).toBe(1);
        expect(await store.get('task', 'TD2')).toEqual(task('TD2'));
      });

      test('delta pages after a full sync keep what they do not mention', async () => {
        await store.applyPullPage(page(before, { reset: true }));
        await store.applyPullPage(page([put('contact', person('CT9'))]));
        expect(await store.count('contact')).toBe(3);
        expect(await store.count('task')).toBe(1);
      });

      test('a del during a full sync removes the row at once', async () => {
        await store.applyPullPage(page(before));
        await store.applyPullPage(page([del('contact', 'CT2')], { reset: true, hasMore: true }));
        expect(await store.get('contact', 'CT2')).toBeUndefined();
        expect(await store.get('contact', 'CT1')).toBeDefined();
      });
    });

    describe('the outbox', () => {
      test('mutations are numbered 1, 2, 3 under the client id, pending, with their creation time', async () => {
        const { clientId } = await store.syncState();
        const entries = [await store.enqueue('closeTask', closeTaskArgs('TD1')), await store.enqueue('closeTask', closeTaskArgs('TD2')), await store.enqueue('updateContact', { no: 'CT1', patch: { jobTitle: 'CEO' } })];
        expect(entries.map((entry) => entry.id)).toEqual([1, 2, 3]);
        expect(entries[2]).toEqual({ clientId, id: 3, name: 'updateContact', args: { no: 'CT1', patch: { jobTitle: 'CEO' } }, createdAt: expect.stringMatching(ISO_INSTANT), status: 'pending' });
        expect(await store.outbox()).toEqual(entries);
        expect((await store.syncState()).nextMutationId).toBe(4);
      });

      test('the first enqueue on a new store creates the sync state', async () => {
        const entry = await store.enqueue('closeTask', closeTaskArgs('TD1'));
        expect(entry.clientId).toBe((await store.syncState()).clientId);
      });

      test('ids are never reused after entries go', async () => {
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        await store.enqueue('closeTask', closeTaskArgs('TD2'));
        await store.discard(2);
        const { clientId } = await store.syncState();
        await store.applyPullPage(page([], { lastMutationIds: { [clientId]: 1 } }));
        expect((await store.enqueue('closeTask', closeTaskArgs('TD3'))).id).toBe(3);
      });

      test('concurrent enqueues on one store object take distinct ids', async () => {
        const entries = await Promise.all(Array.from({ length: 6 }, (_, index) => store.enqueue('closeTask', closeTaskArgs(`TD${index}`))));
        expect(entries.map((entry) => entry.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      });

      test('a push result marks applied and rejected entries and ignores unknown ids', async () => {
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        await store.enqueue('createContact', { id: '6f1c2a8e-8a9b-4c3d-9e0f-1a2b3c4d5e6f', contact: { name: 'Anna' } });
        await store.enqueue('closeTask', closeTaskArgs('TD3'));
        await store.recordPushResults([
          { id: 1, status: 'applied', duplicate: false },
          { id: 2, status: 'rejected', duplicate: false, rejection: { code: 'likely_duplicate', message: 'Seen before.', details: { candidates: [] } } },
          { id: 99, status: 'applied', duplicate: false },
        ]);
        const outbox = await store.outbox();
        expect(outbox.map((entry) => [entry.id, entry.status])).toEqual([[1, 'applied'], [2, 'rejected'], [3, 'pending']]);
        expect(outbox[1]?.rejection).toEqual({ code: 'likely_duplicate', message: 'Seen before.', details: { candidates: [] } });
      });

      test('only the final page confirms entries, and never rejected ones', async () => {
        for (const no of ['TD1', 'TD2', 'TD3', 'TD4']) await store.enqueue('closeTask', closeTaskArgs(no));
        const { clientId } = await store.syncState();
        await store.recordPushResults([{ id: 2, status: 'rejected', duplicate: false, rejection: { code: 'not_found', message: 'No such task.' } }]);
        await store.applyPullPage(page([], { hasMore: true, lastMutationIds: { [clientId]: 3 } }));
        expect(await ids()).toEqual([1, 2, 3, 4]);
        await store.applyPullPage(page([], { hasMore: false, lastMutationIds: { [clientId]: 3, otherClient: 4 } }));
        expect(await ids()).toEqual([2, 4]);
      });

      test('the last mutation id of another client confirms nothing here', async () => {
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        await store.applyPullPage(page([], { lastMutationIds: { otherClient: 5 } }));
        expect(await ids()).toEqual([1]);
      });

      test('a rejection record marks the entry it names as rejected, with its reason, and keeps it', async () => {
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        await store.enqueue('closeTask', closeTaskArgs('TD2'));
        const { clientId } = await store.syncState();
        await store.applyPullPage(page([put('rejection', rejection(clientId, 2, { code: 'task_closed', message: 'Already closed.', details: { by: 'ANNA' } })), put('rejection', rejection('otherClient', 1))], { lastMutationIds: { [clientId]: 2 } }));
        expect(await store.outbox()).toEqual([expect.objectContaining({ id: 2, status: 'rejected', rejection: { code: 'task_closed', message: 'Already closed.', details: { by: 'ANNA' } } })]);
      });

      test('a rejection record on a page that is not the last still marks its entry', async () => {
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        const { clientId } = await store.syncState();
        await store.applyPullPage(page([put('rejection', rejection(clientId, 1, { details: undefined }))], { hasMore: true }));
        expect(await store.outbox()).toEqual([expect.objectContaining({ id: 1, status: 'rejected', rejection: { code: 'likely_duplicate', message: 'A contact like this exists.' } })]);
      });

      test('renumbering gives the due entries the expected ids in order and continues after them', async () => {
        for (const no of ['TD1', 'TD2', 'TD3', 'TD4', 'TD5']) await store.enqueue('closeTask', closeTaskArgs(no));
        const { clientId } = await store.syncState();
        await store.applyPullPage(page([], { lastMutationIds: { [clientId]: 2 } }));
        await store.recordPushResults([{ id: 3, status: 'applied', duplicate: false }, { id: 4, status: 'rejected', duplicate: false, rejection: { code: 'x', message: 'No.' } }]);

        const renumbered = await store.renumberPending(1);

        expect(renumbered.map((entry) => [entry.id, entry.status, entry.args])).toEqual([
          [1, 'pending', closeTaskArgs('TD3')],
          [2, 'pending', closeTaskArgs('TD5')],
        ]);
        expect((await store.outbox()).map((entry) => [entry.id, entry.status, entry.args])).toEqual([
          [1, 'pending', closeTaskArgs('TD3')],
          [2, 'pending', closeTaskArgs('TD5')],
          [3, 'rejected', closeTaskArgs('TD4')],
        ]);
        expect((await store.enqueue('closeTask', closeTaskArgs('TD6'))).id).toBe(4);
      });

      test('renumbering leaves entries below the expected id alone', async () => {
        for (const no of ['TD1', 'TD2', 'TD3']) await store.enqueue('closeTask', closeTaskArgs(no));
        await store.discard(2);
        expect((await store.renumberPending(2)).map((entry) => entry.id)).toEqual([2]);
        expect((await store.outbox()).map((entry) => [entry.id, entry.args])).toEqual([
          [1, closeTaskArgs('TD1')],
          [2, closeTaskArgs('TD3')],
        ]);
        expect((await store.syncState()).nextMutationId).toBe(3);
      });

      test('discard removes one entry and an unknown id changes nothing', async () => {
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        await store.enqueue('closeTask', closeTaskArgs('TD2'));
        await store.discard(1);
        await store.discard(42);
        expect(await ids()).toEqual([2]);
      });

      test('an entry keeps its arguments even when the caller changes its object afterwards', async () => {
        const args = { no: 'CT1', patch: { jobTitle: 'CEO' } };
        await store.enqueue('updateContact', args);
        args.patch.jobTitle = 'changed';
        expect((await store.outbox())[0]?.args).toEqual({ no: 'CT1', patch: { jobTitle: 'CEO' } });
      });
    });

    describe('queries', () => {
      const contoso = company('CP1', { email: 'info@contoso.com', homePage: 'https://www.fabrikam-contoso.com/about' });
      const anna = person('CT1', { companyNo: 'CP1', email: 'Anna@Contoso.COM', email2: 'anna.private@example.org', altEmails: ['a.home@example.net', 'ANNA@contoso.com'] });
      const bert = person('CT2', { companyNo: 'CP1', email: 'bert@contoso.com' });
      const carl = person('CT3', { companyNo: 'CP2', email: 'carl@contoso.com' });
      const shared = person('CT4', { email: 'office@contoso.com' });
      const sharedCompany = company('CP2', { email: 'office@contoso.com', homePage: 'contoso.org' });

      beforeEach(async () => {
        await store.applyPullPage(page([contoso, anna, bert, carl, shared, sharedCompany].map((contact) => put('contact', contact))));
      });

      test.each([
        { address: 'anna@contoso.com', expected: ['CT1'] },
        { address: 'anna.private@example.org', expected: ['CT1'] },
        { address: 'a.home@example.net', expected: ['CT1'] },
        { address: 'office@contoso.com', expected: ['CP2', 'CT4'] },
        { address: 'nobody@contoso.com', expected: [] },
        { address: 'contoso.com', expected: [] },
      ])('contactsByEmail($address) finds $expected by e-mail, e-mail 2 and alternative addresses, whatever their case', async ({ address, expected }) => {
        expect(keysOf(await store.contactsByEmail(address)).sort()).toEqual(expected);
      });

      test.each([
        { address: 'anna@contoso.com', expected: [['CT1', 'CP1']] },
        { address: 'office@contoso.com', expected: [['CP2', undefined], ['CT4', undefined]] },
        { address: 'carl@contoso.com', expected: [['CT3', 'CP2']] },
        { address: 'nobody@contoso.com', expected: [] },
      ])('contactsByEmailWithCompanies($address) gives each person with its company: $expected', async ({ address, expected }) => {
        const found = await store.contactsByEmailWithCompanies(address);
        expect(found.map(({ contact, company }) => [contact.no, company?.no]).sort()).toEqual(expected);
      });

      test('contactsByEmailWithCompanies gives the company as it is now, and none once it is deleted', async () => {
        await store.applyPullPage(page([put('contact', { ...contoso, name: 'Contoso Group' })]));
        expect((await store.contactsByEmailWithCompanies('bert@contoso.com'))[0]?.company).toEqual({ ...contoso, name: 'Contoso Group' });
        await store.applyPullPage(page([del('contact', 'CP1')]));
        expect(await store.contactsByEmailWithCompanies('bert@contoso.com')).toEqual([{ contact: bert, company: undefined }]);
      });

      test.each([
        { domain: 'contoso.com', expected: ['CP1', 'CP2'] },
        { domain: 'fabrikam-contoso.com', expected: ['CP1'] },
        { domain: 'contoso.org', expected: ['CP2'] },
        { domain: 'example.org', expected: [] },
      ])('companiesByDomain($domain) finds companies only: $expected', async ({ domain, expected }) => {
        expect(keysOf(await store.companiesByDomain(domain)).sort()).toEqual(expected);
      });

      test('personsOfCompany gives the persons of that company, not the company itself', async () => {
        expect(keysOf(await store.personsOfCompany('CP1')).sort()).toEqual(['CT1', 'CT2']);
        expect(keysOf(await store.personsOfCompany('CP9'))).toEqual([]);
      });

      test('opportunitiesOf a company includes its persons’, open ones first', async () => {
        await store.applyPullPage(
          page([
            put('opportunity', opportunity('OP1', { contactNo: 'CP1', contactCompanyNo: 'CP1', closed: true, status: 'won', creationDate: '2025-03-01' })),
            put('opportunity', opportunity('OP2', { contactNo: 'CT1', contactCompanyNo: 'CP1', creationDate: '2025-01-01' })),
            put('opportunity', opportunity('OP3', { contactNo: 'CT3', contactCompanyNo: 'CP2' })),
            put('opportunity', opportunity('OP4', { contactNo: 'CT2', contactCompanyNo: 'CP1', creationDate: '2025-02-01' })),
          ]),
        );
        expect(keysOf(await store.opportunitiesOf('CP1'))).toEqual(['OP4', 'OP2', 'OP1']);
        expect(keysOf(await store.opportunitiesOf('CT1'))).toEqual(['OP2']);
      });

      test('tasksOf a company includes its persons’, by date', async () => {
        await store.applyPullPage(
          page([
            put('task', task('TD1', { contactNo: 'CT1', contactCompanyNo: 'CP1', date: '2025-05-02' })),
            put('task', task('TD2', { contactNo: 'CP1', contactCompanyNo: 'CP1', date: '2025-05-01', startTime: '10:00:00' })),
            put('task', task('TD3', { contactNo: 'CT3', contactCompanyNo: 'CP2', date: '2025-04-01' })),
            put('task', task('TD4', { contactNo: 'CT2', contactCompanyNo: 'CP1', date: '2025-05-01', startTime: '09:00:00' })),
          ]),
        );
        expect(keysOf(await store.tasksOf('CP1'))).toEqual(['TD4', 'TD2', 'TD1']);
        expect(keysOf(await store.tasksOf('CT2'))).toEqual(['TD4']);
      });

      describe('interactions', () => {
        beforeEach(async () => {
          await store.applyPullPage(
            page([
              put('interaction', interaction(1, { contactNo: 'CT1', contactCompanyNo: 'CP1', date: '2025-01-05', internetMessageId: '<m1@contoso.com>' })),
              put('interaction', interaction(2, { contactNo: 'CT2', contactCompanyNo: 'CP1', date: '2025-01-07', internetMessageId: '<m1@contoso.com>' })),
              put('interaction', interaction(3, { contactNo: 'CP1', contactCompanyNo: 'CP1', date: '2025-01-06', timeOfInteraction: '15:00:00' })),
              put('interaction', interaction(4, { contactNo: 'CT1', contactCompanyNo: 'CP1', date: '2025-01-06', timeOfInteraction: '08:00:00' })),
              put('interaction', interaction(5, { contactNo: 'CT3', contactCompanyNo: 'CP2', date: '2025-01-09' })),
              put('interaction', interaction(10, { contactNo: 'CT1', contactCompanyNo: 'CP1', date: '2025-01-05' })),
            ]),
          );
        });

        const entryNos = (interactions: readonly { entryNo: number }[]) => interactions.map((each) => each.entryNo);

        test.each([
          { contactNo: 'CP1', limit: 10, expected: [2, 3, 4, 10, 1] },
          { contactNo: 'CP1', limit: 2, expected: [2, 3] },
          { contactNo: 'CT1', limit: 10, expected: [4, 10, 1] },
          { contactNo: 'CT1', limit: 1, expected: [4] },
          { contactNo: 'CT1', limit: 0, expected: [] },
          { contactNo: 'CT9', limit: 5, expected: [] },
        ])('interactionsOf($contactNo, $limit) is $expected, newest first', async ({ contactNo, limit, expected }) => {
          expect(entryNos(await store.interactionsOf(contactNo, limit))).toEqual(expected);
        });

        test('interactionsOfMessage finds the message’s interactions for any contact', async () => {
          expect(entryNos(await store.interactionsOfMessage('<m1@contoso.com>')).sort((a, b) => a - b)).toEqual([1, 2]);
          expect(await store.interactionsOfMessage('<other@contoso.com>')).toEqual([]);
        });

        test('interactionsOfMessage of no message id finds nothing, not every non-e-mail interaction', async () => {
          expect(await store.interactionsOfMessage('')).toEqual([]);
        });
      });

      test('campaignTargetsOf finds the rows naming that contact or customer', async () => {
        await store.applyPullPage(page([put('campaignTarget', campaignTarget('CA1', 'contact', 'CP1')), put('campaignTarget', campaignTarget('CA2', 'contact', 'CP1')), put('campaignTarget', campaignTarget('CA2', 'customer', 'CP1')), put('campaignTarget', campaignTarget('CA3', 'contact', 'CP2'))]));
        expect((await store.campaignTargetsOf('contact', 'CP1')).map((target) => target.campaignNo).sort()).toEqual(['CA1', 'CA2']);
        expect(await store.campaignTargetsOf('customer', 'CP1')).toEqual([campaignTarget('CA2', 'customer', 'CP1')]);
        expect(await store.campaignTargetsOf('customer', 'C9')).toEqual([]);
      });

      test('all gives every record of a small collection', async () => {
        await store.applyPullPage(page([put('campaign', campaign('CA1')), put('campaign', campaign('CA2')), put('salesperson', salesperson('SP'))]));
        expect((await store.all('campaign')).map((record) => record.no).sort()).toEqual(['CA1', 'CA2']);
        expect(await store.all('setup')).toEqual([]);
        expect(await store.count('contact')).toBe(6);
      });

      test('a record read can be changed without changing the store', async () => {
        const read = await store.get('contact', 'CT1');
        if (read === undefined) throw new Error('CT1 is cached.');
        read.altEmails.push('changed@example.com');
        expect((await store.get('contact', 'CT1'))?.altEmails).toEqual(anna.altEmails);
      });
    });

    describe('change notification', () => {
      test.each<{ title: string; write: (store: LocalStore) => Promise<unknown>; expected: string[] }>([
        { title: 'a page tells its collections and the sync state', write: (s) => s.applyPullPage(page([put('contact', person('CT1')), del('task', 'TD1')])), expected: ['$sync', 'contact', 'task'] },
        { title: 'an enqueue tells the outbox and the sync state', write: (s) => s.enqueue('closeTask', closeTaskArgs('TD1')), expected: ['$outbox', '$sync'] },
        { title: 'a push result tells the outbox', write: async (s) => (await s.enqueue('closeTask', closeTaskArgs('TD1')), s.recordPushResults([{ id: 1, status: 'applied', duplicate: false }])), expected: ['$outbox'] },
        { title: 'a discard tells the outbox', write: async (s) => (await s.enqueue('closeTask', closeTaskArgs('TD1')), s.discard(1)), expected: ['$outbox'] },
        {
          title: 'a confirming page tells the outbox too',
          write: async (s) => {
            await s.enqueue('closeTask', closeTaskArgs('TD1'));
            await s.applyPullPage(page([], { lastMutationIds: { [(await s.syncState()).clientId]: 1 } }));
          },
          expected: ['$outbox', '$sync'],
        },
        {
          title: 'the last page of a resync tells the collections it emptied',
          write: async (s) => {
            await s.applyPullPage(page([put('task', task('TD1'))]));
            await s.applyPullPage(page([put('contact', person('CT1'))], { reset: true }));
          },
          expected: ['$sync', 'contact', 'task'],
        },
      ])('$title', async ({ write, expected }) => {
        await store.syncState();
        const heard: string[][] = [];
        store.subscribe((changed) => heard.push([...changed].sort()));
        await write(store);
        expect(heard.at(-1)).toEqual(expected);
      });

      test('a failed write tells nothing and an unsubscribed listener hears nothing', async () => {
        await store.syncState();
        const heard: unknown[] = [];
        const unsubscribe = store.subscribe((changed) => heard.push(changed));
        await expect(store.applyPullPage(page([put('contact', uncloneable())]))).rejects.toThrow();
        expect(heard).toEqual([]);
        unsubscribe();
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        expect(heard).toEqual([]);
      });

      test('a listener that throws neither fails the write nor silences the others', async () => {
        await store.syncState();
        const heard: string[] = [];
        store.subscribe(() => {
          throw new Error('listener bug');
        });
        store.subscribe(() => heard.push('second'));
        const reportError = globalThis.reportError;
        globalThis.reportError = () => undefined;
        try {
          await expect(store.enqueue('closeTask', closeTaskArgs('TD1'))).resolves.toMatchObject({ id: 1 });
        } finally {
          globalThis.reportError = reportError;
        }
        expect(heard).toEqual(['second']);
      });
    });

    test('a closed store refuses work with StoreUnavailableError', async () => {
      await store.close();
      await expect(store.syncState()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.enqueue('closeTask', closeTaskArgs('TD1'))).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.contactsByEmail('anna@contoso.com')).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    test('persistence is answered with a boolean', async () => {
      expect(typeof (await store.requestPersistence())).toBe('boolean');
    });

    if (factory.again) describe('across store objects on one storage', () => {
      const again = async () => {
        if (!factory.again) throw new Error('This storage has no second store object.');
        return track(factory.again());
      };

      test('rows, cursor, ids and outbox survive a reopen, and numbering continues', async () => {
        await store.applyPullPage(page([put('contact', person('CT1', { email: 'anna@contoso.com' }))], { cursor: 'kept' }));
        await store.enqueue('closeTask', closeTaskArgs('TD1'));
        await store.enqueue('closeTask', closeTaskArgs('TD2'));
        const state = await store.syncState();
        await store.close();

        const reopened = await again();
        expect(await reopened.syncState()).toEqual({ ...state });
        expect(keysOf(await reopened.contactsByEmail('anna@contoso.com'))).toEqual(['CT1']);
        expect((await reopened.enqueue('closeTask', closeTaskArgs('TD3'))).id).toBe(3);
        expect(await ids(reopened)).toEqual([1, 2, 3]);
      });

      test('two store objects enqueueing at once take distinct ids', async () => {
        await store.syncState();
        const other = await again();
        const entries = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? store : other).enqueue('closeTask', closeTaskArgs(`TD${index}`))));
        expect(entries.map((entry) => entry.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await ids(other)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      });

      test('two store objects opened on a new storage at once agree on the client ids', async () => {
        const other = await again();
        const [a, b] = await Promise.all([store.enqueue('closeTask', closeTaskArgs('TD1')), other.enqueue('closeTask', closeTaskArgs('TD2'))]);
        expect(a.clientId).toBe(b.clientId);
        expect([a.id, b.id].sort()).toEqual([1, 2]);
      });
    });
  });
}
