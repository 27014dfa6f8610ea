import { buildDemoDataset, DEMO_SALESPEOPLE, DEMO_TENANT_DOMAIN } from '../../src/server/demo/demo-dataset';
import { FREE_MAIL_DOMAINS } from '../../src/addin/cache/free-mail-domains';
import { DELEGATOR, FOLDER_OWNERS, ME, SAMPLE_INBOX, SAMPLE_LANGUAGES, SENDER_CATEGORIES, SHARED_MAILBOX, type SampleMessage, type SampleTrait } from '../../src/preview/sample-inbox';

// The demo tenant that `npm start` seeds: the sample's known senders must be its contacts.
const dataset = buildDemoDataset();
const lower = (address: string) => address.toLowerCase();
const holders = (address: string) => [
  ...dataset.persons.filter((person) => lower(person.email) === lower(address)).map((person) => `person ${person.firstName} ${person.surname}`),
  ...dataset.companies.filter((company) => lower(company.email) === lower(address)).map((company) => `company ${company.name}`),
];
const companyDomains = new Set(dataset.companies.map((company) => company.email.split('@')[1]));
const domainOf = (address: string) => lower(address.split('@')[1] ?? '');
const sender = (message: SampleMessage) => {
  if (message.from === ME) throw new Error(`${message.id} is from the user`);
  return message.from;
};
const withSender = (category: string) => SAMPLE_INBOX.filter((message) => message.sender === category);

describe('the sample inbox', () => {
  test('has unique ids and internet message ids, and only drafts lack one', () => {
    expect(new Set(SAMPLE_INBOX.map((message) => message.id)).size).toBe(SAMPLE_INBOX.length);
    const ids = SAMPLE_INBOX.flatMap((message) => (message.internetMessageId === null ? [] : [message.internetMessageId]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const message of SAMPLE_INBOX) expect(message.internetMessageId === null).toBe(message.folder === 'drafts');
    for (const id of ids) expect(id).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
  });

  test.each(SAMPLE_LANGUAGES)('has messages in %s', (language) => {
    expect(SAMPLE_INBOX.filter((message) => message.language === language && message.folder === 'inbox').length).toBeGreaterThanOrEqual(1);
  });

  test.each(SENDER_CATEGORIES)('has senders of the category %s', (category) => {
    expect(withSender(category).length).toBeGreaterThanOrEqual(1);
  });

  test('has sent items and a draft, all from the user', () => {
    for (const folder of ['sent', 'drafts'] as const) {
      const messages = SAMPLE_INBOX.filter((message) => message.folder === folder);
      expect(messages.length).toBeGreaterThanOrEqual(1);
      for (const message of messages) expect([message.from, message.sender]).toEqual([ME, 'me']);
    }
  });

  test('known contacts are contacts of the demo data set, by one address each', () => {
    for (const message of withSender('known-contact')) expect([message.id, holders(sender(message).emailAddress)]).toEqual([message.id, [expect.stringMatching(/^person /)]]);
  });

  test('recipients of sent items and drafts are demo contacts or salespeople', () => {
    const salespeople = new Set(DEMO_SALESPEOPLE.map((salesperson) => salesperson.email));
    for (const message of SAMPLE_INBOX.filter((candidate) => candidate.sender === 'me')) {
      for (const party of [...message.to, ...message.cc]) {
        if (party === ME) continue;
        expect([message.id, salespeople.has(party.emailAddress) || holders(party.emailAddress).length === 1]).toEqual([message.id, true]);
      }
    }
  });

  test('the shared sales@ mailbox is neither a contact nor a salesperson; the delegated inbox is a salesperson’s', () => {
    expect(holders(SHARED_MAILBOX.emailAddress)).toEqual([]);
    expect(DEMO_SALESPEOPLE.map((salesperson) => salesperson.email)).not.toContain(SHARED_MAILBOX.emailAddress);
    expect(DEMO_SALESPEOPLE.map((salesperson) => salesperson.email)).toContain(DELEGATOR.emailAddress);
  });

  test.each(['shared', 'delegated'] as const)('the %s mailbox has a message from a known contact to its owner', (folder) => {
    const received = SAMPLE_INBOX.filter((message) => message.folder === folder && message.sender === 'known-contact');
    expect(received.length).toBeGreaterThanOrEqual(1);
    for (const message of received) {
      expect([message.id, holders(sender(message).emailAddress)]).toEqual([message.id, [expect.stringMatching(/^person /)]]);
      expect(message.to).toContainEqual(FOLDER_OWNERS[folder]);
    }
  });

  test('mail sent from a shared mailbox is from its owner, to demo contacts, and only in that mailbox', () => {
    const sent = withSender('mailbox-owner');
    expect(sent.map((message) => message.folder)).toContain('shared');
    for (const message of sent) {
      expect([message.id, message.from]).toEqual([message.id, FOLDER_OWNERS[message.folder]]);
      for (const party of [...message.to, ...message.cc]) expect([message.id, party !== ME && holders(party.emailAddress).length === 1]).toEqual([message.id, true]);
    }
  });

  test('shared addresses belong to two contacts of the demo data set', () => {
    for (const message of withSender('shared-address')) expect(holders(sender(message).emailAddress)).toHaveLength(2);
  });

  test('new people at known companies are unknown, at a demo company’s domain', () => {
    for (const message of withSender('new-at-known-company')) {
      const { emailAddress } = sender(message);
      expect(holders(emailAddress)).toEqual([]);
      expect(companyDomains).toContain(domainOf(emailAddress));
    }
  });

  test('free-mail senders are unknown, at a provider the pane knows as free mail', () => {
    for (const message of withSender('free-mail')) {
      const { emailAddress } = sender(message);
      expect(holders(emailAddress)).toEqual([]);
      expect(FREE_MAIL_DOMAINS.has(domainOf(emailAddress))).toBe(true);
    }
  });

  test('colleagues are salespeople of the demo tenant', () => {
    for (const message of withSender('colleague')) {
      expect(DEMO_SALESPEOPLE.map((salesperson) => salesperson.email)).toContain(sender(message).emailAddress);
      expect(domainOf(sender(message).emailAddress)).toBe(DEMO_TENANT_DOMAIN);
    }
  });

  const traitHolds: Record<SampleTrait, (message: SampleMessage) => boolean> = {
    'long-subject': (message) => message.subject.length > 120,
    'accented-name': (message) => [message.from, ...message.to].some((party) => party !== ME && /[^\x20-\x7e]/.test(party.displayName)),
    'quoted-name': (message) => message.from !== ME && message.from.displayName.includes('"'),
    'upper-case-address': (message) => message.from !== ME && /[A-Z]/.test(message.from.emailAddress),
    'plus-address': (message) => message.from !== ME && message.from.emailAddress.split('@')[0]?.includes('+') === true,
    'html-with-scripts': (message) => message.body.type === 'html' && /<script|\son[a-z]+=|javascript:/i.test(message.body.html),
    attachments: (message) => message.attachments.length > 0,
    'several-contacts': (message) => message.to.length + message.cc.length >= 2,
  };

  test.each(Object.keys(traitHolds) as SampleTrait[])('the trait %s is present, and holds wherever it is claimed', (trait) => {
    const claimed = SAMPLE_INBOX.filter((message) => message.traits.includes(trait));
    expect(claimed.length).toBeGreaterThanOrEqual(1);
    for (const message of claimed) expect([message.id, traitHolds[trait](message)]).toEqual([message.id, true]);
  });

  test('the names and addresses the brief of the preview asks for are there', () => {
    const froms = SAMPLE_INBOX.flatMap((message) => (message.from === ME ? [] : [message.from]));
    expect(froms.map((from) => from.displayName)).toEqual(expect.arrayContaining(['"Åsa Öberg-Ölund"', 'O\'Brien, "Pat"']));
    expect(froms.some((from) => from.emailAddress.startsWith('KIM.EK+CRM@'))).toBe(true);
  });

  test('HTML bodies with scripts also have text a reader sees', () => {
    for (const message of SAMPLE_INBOX.filter((candidate) => candidate.traits.includes('html-with-scripts'))) {
      expect(message.body.type === 'html' && /<p>[^<]{10,}/.test(message.body.html)).toBe(true);
    }
  });
});
