import type { LocalStore } from '../../../src/addin/cache/local-store';
import { findSender, type SenderLookup } from '../../../src/addin/cache/sender-lookup';
import { company, page, person, put } from './fixtures';
import { STORE_FACTORIES } from './store-factories';

/** What a lookup found, in numbers: easy to read in a table. */
function summary(found: SenderLookup): unknown {
  switch (found.kind) {
    case 'none':
      return { kind: 'none', proposed: found.proposedCompanies.map((each) => each.no), freeMail: found.freeMail };
    case 'one':
      return { kind: 'one', contact: found.contact.no || `pending:${found.contact.outboxId}`, company: found.company?.no };
    case 'several':
      return { kind: 'several', candidates: found.candidates.map((each) => [each.contact.no, each.company?.no]) };
  }
}

describe.each(STORE_FACTORIES)('finding the sender in %s', (_name, open) => {
  let store: LocalStore;

  beforeEach(async () => {
    store = await open();
    await store.applyPullPage(
      page(
        [
          company('CP1', { email: 'info@contoso.com', homePage: 'www.contoso.com' }),
          person('CT1', { companyNo: 'CP1', email: 'anna@contoso.com' }),
          person('CT2', { companyNo: 'CP1', email2: 'office@contoso.com' }),
          company('CP2', { email: 'office@contoso.com' }),
          company('CP3', { email: 'shared@fabrikam.com' }),
          company('CP4', { email: 'shared@fabrikam.com', homePage: 'https://fabrikam.com' }),
          person('CT5', { email: 'bob@gmail.com' }),
          company('CP6', { email: 'hello@gmail.com' }),
        ].map((contact) => put('contact', contact)),
      ),
    );
  });

  afterEach(() => store.close());

  test.each([
    { title: 'one contact with the address is the match, with its company', address: ' Anna@CONTOSO.com ', expected: { kind: 'one', contact: 'CT1', company: 'CP1' } },
    { title: 'a single person beats the companies sharing the address', address: 'office@contoso.com', expected: { kind: 'one', contact: 'CT2', company: 'CP1' } },
    { title: 'a company alone is the match, with no company of its own', address: 'info@contoso.com', expected: { kind: 'one', contact: 'CP1', company: undefined } },
    { title: 'a person on their own has no company', address: 'bob@gmail.com', expected: { kind: 'one', contact: 'CT5', company: undefined } },
    { title: 'several companies and no person are a choice', address: 'shared@fabrikam.com', expected: { kind: 'several', candidates: [['CP3', undefined], ['CP4', undefined]] } },
    { title: 'an unknown address proposes the companies on its domain', address: 'new.person@contoso.com', expected: { kind: 'none', proposed: ['CP1', 'CP2'], freeMail: false } },
    { title: 'an unknown address on a free-mail domain proposes no company', address: 'someone@gmail.com', expected: { kind: 'none', proposed: [], freeMail: true } },
    { title: 'an unknown address on a home page’s domain proposes that company', address: 'x@fabrikam.com', expected: { kind: 'none', proposed: ['CP3', 'CP4'], freeMail: false } },
    { title: 'an unknown address on an unknown domain proposes nothing', address: 'x@nowhere.example', expected: { kind: 'none', proposed: [], freeMail: false } },
    { title: 'a blank address is nobody', address: '  ', expected: { kind: 'none', proposed: [], freeMail: false } },
  ])('$title', async ({ address, expected }) => {
    expect(summary(await findSender(store, address))).toEqual(expected);
  });

  test('a created contact waiting in the outbox is found, shown pending', async () => {
    const entry = await store.enqueue('createContact', { id: '6f1c2a8e-8a9b-4c3d-9e0f-000000000001', contact: { type: 'person', name: 'Nina New', email: 'Nina@Contoso.com' } });
    const found = await findSender(store, 'nina@contoso.com');
    expect(summary(found)).toEqual({ kind: 'one', contact: `pending:${entry.id}`, company: undefined });
    expect(found.kind === 'one' && found.contact.pending).toBe(true);
  });

  test('a created contact that shares a cached person’s address makes the choice several', async () => {
    await store.enqueue('createContact', { id: '6f1c2a8e-8a9b-4c3d-9e0f-000000000002', contact: { type: 'person', name: 'Anna Again', email: 'anna@contoso.com' } });
    expect((await findSender(store, 'anna@contoso.com')).kind).toBe('several');
  });

  test('a waiting change of the matched contact is shown on it', async () => {
    await store.enqueue('updateContact', { no: 'CT1', patch: { jobTitle: 'CEO' } });
    const found = await findSender(store, 'anna@contoso.com');
    expect(found.kind === 'one' && [found.contact.jobTitle, found.contact.pending]).toEqual(['CEO', true]);
  });

  test('a rejected created contact is not found', async () => {
    const entry = await store.enqueue('createContact', { id: '6f1c2a8e-8a9b-4c3d-9e0f-000000000003', contact: { name: 'Refused', email: 'refused@contoso.com' } });
    await store.recordPushResults([{ id: entry.id, status: 'rejected', duplicate: false, rejection: { code: 'likely_duplicate', message: 'Exists.' } }]);
    expect((await findSender(store, 'refused@contoso.com')).kind).toBe('none');
  });
});
