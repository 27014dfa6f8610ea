import { chooseContact, planEmailLog, sharedMailboxOf, type AddressMatch } from '../../../src/domain/interaction/email-logging';

const none: AddressMatch = { salespersonCode: '', contactNos: [], personContactNos: [], inheritingPersonContactNos: [] };
const directory: Record<string, AddressMatch> = {
  'anna@nordlys.example': { salespersonCode: 'AL', contactNos: [], personContactNos: [], inheritingPersonContactNos: [] },
  'erik@nordlys.example': { salespersonCode: 'EB', contactNos: [], personContactNos: [], inheritingPersonContactNos: [] },
  'kim@fabrikam.example': { salespersonCode: '', contactNos: ['CT000002'], personContactNos: ['CT000002'], inheritingPersonContactNos: [] },
  'info@fabrikam.example': { salespersonCode: '', contactNos: ['CT000001', 'CT000003'], personContactNos: ['CT000003'], inheritingPersonContactNos: [] },
  'shared@contoso.example': { salespersonCode: '', contactNos: ['CT000010', 'CT000011'], personContactNos: ['CT000010', 'CT000011'], inheritingPersonContactNos: [] },
  'dan@contoso.example': { salespersonCode: '', contactNos: ['CT000012'], personContactNos: ['CT000012'], inheritingPersonContactNos: [] },
};
const lookup = (address: string) => directory[address] ?? none;
const mailbox = (address: string, name = '') => ({ name, address });
const email = (from: string, to: string[], cc: string[] = [], explicit: string[] = []) => ({
  from: mailbox(from),
  to: to.map((address) => mailbox(address)),
  cc: cc.map((address) => mailbox(address)),
  explicitContactNos: explicit,
  userSalespersonCode: 'AL',
});

describe("Business Central's e-mail logging, improved", () => {
  test('a contact writing to a salesperson is inbound, initiated by them, for the sender', () => {
    expect(planEmailLog(email('kim@fabrikam.example', ['anna@nordlys.example']), 'anna@nordlys.example', lookup)).toEqual({
      informationFlow: 'inbound',
      initiatedBy: 'them',
      interactions: [{ contactNo: 'CT000002', salespersonCode: 'AL' }],
      unmatchedAddresses: [],
      ambiguousAddresses: [],
    });
  });

  test('a salesperson writing to contacts is outbound, initiated by us, one interaction per To/Cc contact', () => {
    const plan = planEmailLog(email('anna@nordlys.example', ['kim@fabrikam.example'], ['dan@contoso.example', 'erik@nordlys.example']), 'anna@nordlys.example', lookup);
    expect(plan).toMatchObject({ informationFlow: 'outbound', initiatedBy: 'us', unmatchedAddresses: [] });
    expect(plan.interactions).toEqual([
      { contactNo: 'CT000002', salespersonCode: 'AL' },
      { contactNo: 'CT000012', salespersonCode: 'AL' },
    ]);
  });

  test('the inbound salesperson is the user when the user is among the recipients, else the first salesperson among them', () => {
    const toBoth = planEmailLog(email('kim@fabrikam.example', ['erik@nordlys.example'], ['anna@nordlys.example']), 'anna@nordlys.example', lookup);
    expect(toBoth.interactions[0]?.salespersonCode).toBe('AL');
    const toErik = planEmailLog(email('kim@fabrikam.example', ['erik@nordlys.example']), 'anna@nordlys.example', lookup);
    expect(toErik.interactions[0]?.salespersonCode).toBe('EB');
  });

  test('improved: an unknown sender is reported, not dropped', () => {
    const plan = planEmailLog(email('new.lead@startup.example', ['anna@nordlys.example']), 'anna@nordlys.example', lookup);
    expect(plan.interactions).toEqual([]);
    expect(plan.unmatchedAddresses).toEqual(['new.lead@startup.example']);
  });

  test('improved: unknown recipients of a sent e-mail are reported', () => {
    const plan = planEmailLog(email('anna@nordlys.example', ['kim@fabrikam.example', 'someone@else.example']), 'anna@nordlys.example', lookup);
    expect(plan.unmatchedAddresses).toEqual(['someone@else.example']);
  });

  test('a single person among several contacts with the address wins', () => {
    expect(planEmailLog(email('info@fabrikam.example', ['anna@nordlys.example']), 'anna@nordlys.example', lookup).interactions).toEqual([
      { contactNo: 'CT000003', salespersonCode: 'AL' },
    ]);
  });

  test('several persons with one address are an ambiguity for the user to resolve', () => {
    const plan = planEmailLog(email('shared@contoso.example', ['anna@nordlys.example']), 'anna@nordlys.example', lookup);
    expect(plan.interactions).toEqual([]);
    expect(plan.ambiguousAddresses).toEqual([{ address: 'shared@contoso.example', contactNos: ['CT000010', 'CT000011'] }]);
  });

  test('explicit contacts are logged whatever the addresses say', () => {
    const plan = planEmailLog(email('shared@contoso.example', ['anna@nordlys.example'], [], ['CT000011']), 'anna@nordlys.example', lookup);
    expect(plan.interactions).toEqual([{ contactNo: 'CT000011', salespersonCode: 'AL' }]);
  });

  test('the signed-in user sending is outbound even when the user is not set up as a salesperson', () => {
    const plan = planEmailLog({ ...email('me@nordlys.example', ['kim@fabrikam.example']), userSalespersonCode: '' }, 'ME@nordlys.example', lookup);
    expect(plan).toMatchObject({ informationFlow: 'outbound', interactions: [{ contactNo: 'CT000002', salespersonCode: '' }] });
  });

  test('a contact named twice is logged once', () => {
    const plan = planEmailLog(email('anna@nordlys.example', ['kim@fabrikam.example'], ['KIM@fabrikam.example ']), 'anna@nordlys.example', lookup);
    expect(plan.interactions).toHaveLength(1);
  });
});

describe('an e-mail in a shared or delegated mailbox', () => {
  // Erik (EB) reads the shared sales@ mailbox; Anna (AL) has made him her delegate.
  const inMailbox = (mailboxAddress: string, from: string, to: string[], cc: string[] = []) => ({ ...email(from, to, cc), userSalespersonCode: 'EB', mailboxAddress });

  test.each([
    ['a customer writing to sales@ is inbound, for the customer, and the salesperson is the one who logs it', inMailbox('sales@nordlys.example', 'kim@fabrikam.example', ['sales@nordlys.example']), 'inbound', [{ contactNo: 'CT000002', salespersonCode: 'EB' }]],
    ['a customer writing to sales@ and a salesperson is still the logger’s', inMailbox('sales@nordlys.example', 'kim@fabrikam.example', ['sales@nordlys.example'], ['anna@nordlys.example']), 'inbound', [{ contactNo: 'CT000002', salespersonCode: 'EB' }]],
    ['a colleague answering from sales@ is outbound, one interaction per contact', inMailbox('Sales@Nordlys.example', 'sales@nordlys.example', ['kim@fabrikam.example'], ['dan@contoso.example']), 'outbound', [{ contactNo: 'CT000002', salespersonCode: 'EB' }, { contactNo: 'CT000012', salespersonCode: 'EB' }]],
    ['a customer writing to the delegator is inbound, and the delegate logging it is the salesperson', inMailbox('anna@nordlys.example', 'kim@fabrikam.example', ['anna@nordlys.example']), 'inbound', [{ contactNo: 'CT000002', salespersonCode: 'EB' }]],
    ['the delegator’s own sent mail is outbound, the delegate logging it the salesperson', inMailbox('anna@nordlys.example', 'anna@nordlys.example', ['kim@fabrikam.example']), 'outbound', [{ contactNo: 'CT000002', salespersonCode: 'EB' }]],
  ] as const)('%s', (_case, mail, informationFlow, interactions) => {
    expect(planEmailLog(mail, 'erik@nordlys.example', lookup)).toMatchObject({ informationFlow, initiatedBy: informationFlow === 'inbound' ? 'them' : 'us', interactions, unmatchedAddresses: [] });
  });

  test('the shared mailbox’s own address is never offered as an unknown address', () => {
    const plan = planEmailLog(inMailbox('sales@nordlys.example', 'new.lead@startup.example', ['sales@nordlys.example'], ['other@startup.example']), 'erik@nordlys.example', lookup);
    expect(plan.unmatchedAddresses).toEqual(['new.lead@startup.example']);
  });

  test('a user who is no salesperson leaves the salesperson to the usual rules', () => {
    const plan = planEmailLog({ ...inMailbox('sales@nordlys.example', 'kim@fabrikam.example', ['sales@nordlys.example'], ['anna@nordlys.example']), userSalespersonCode: '' }, 'temp@nordlys.example', lookup);
    expect(plan.interactions).toEqual([{ contactNo: 'CT000002', salespersonCode: 'AL' }]);
  });

  test.each([
    ['no mailbox', undefined],
    ['an empty one', ''],
    ['the user’s own address, in another letter case', 'ERIK@nordlys.example'],
  ])('%s is the user’s own mailbox: the recipients’ salesperson stays', (_case, mailboxAddress) => {
    const plan = planEmailLog({ ...email('kim@fabrikam.example', ['anna@nordlys.example']), userSalespersonCode: 'EB', mailboxAddress }, 'erik@nordlys.example', lookup);
    expect(plan.interactions).toEqual([{ contactNo: 'CT000002', salespersonCode: 'AL' }]);
    expect(sharedMailboxOf({ mailboxAddress }, 'erik@nordlys.example')).toBe('');
  });
});

describe('choosing the contact of an address', () => {
  test.each([
    ['one contact', { salespersonCode: '', contactNos: ['A'], personContactNos: [], inheritingPersonContactNos: [] }, 'A'],
    ['a company and one of its persons who typed the address', { salespersonCode: '', contactNos: ['A', 'B'], personContactNos: ['B'], inheritingPersonContactNos: [] }, 'B'],
    ['a company whose one person only inherits its address', { salespersonCode: '', contactNos: ['A', 'B'], personContactNos: ['B'], inheritingPersonContactNos: ['B'] }, 'A'],
    ['a company whose persons all inherit its address', { salespersonCode: '', contactNos: ['A', 'B', 'C'], personContactNos: ['B', 'C'], inheritingPersonContactNos: ['B', 'C'] }, 'A'],
    ['a company, a person who inherits and one who typed the address', { salespersonCode: '', contactNos: ['A', 'B', 'C'], personContactNos: ['B', 'C'], inheritingPersonContactNos: ['B'] }, 'C'],
    ['a company, two persons who typed the address', { salespersonCode: '', contactNos: ['A', 'B', 'C'], personContactNos: ['B', 'C'], inheritingPersonContactNos: [] }, undefined],
    ['two persons', { salespersonCode: '', contactNos: ['A', 'B'], personContactNos: ['A', 'B'], inheritingPersonContactNos: [] }, undefined],
    ['nobody', none, undefined],
  ])('%s', (_case, match, expected) => {
    expect(chooseContact(match)).toBe(expected);
  });
});
