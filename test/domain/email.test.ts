import { emailDomain, normalizeEmail } from '../../src/domain/email';

describe('normalizeEmail', () => {
  test.each([
    ['lower-cases the address', 'Anna.Lind@Contoso.COM', 'anna.lind@contoso.com'],
    ['trims surrounding whitespace', '  anna@contoso.com \t', 'anna@contoso.com'],
    ['keeps plus addressing', 'Anna+CRM@contoso.com', 'anna+crm@contoso.com'],
    ['keeps dots in the local part', 'a.n.n.a@contoso.com', 'a.n.n.a@contoso.com'],
    ['lower-cases international domains', 'Jörg@MÜLLER.de', 'jörg@müller.de'],
    ['makes a decomposed umlaut match the composed one', 'jo\u0308rg@mu\u0308ller.de', 'jörg@müller.de'],
    ['leaves a blank address blank', '', ''],
  ])('%s', (_title, address, expected) => {
    expect(normalizeEmail(address)).toBe(expected);
  });

  test('two spellings of one sender give the same key, as Business Central’s upper-cased Search E-Mail does', () => {
    expect(normalizeEmail(' ANNA@Contoso.com')).toBe(normalizeEmail('anna@contoso.COM '));
  });
});

describe('emailDomain', () => {
  test.each([
    ['is what follows the @, lower-cased', 'Anna@Contoso.COM', 'contoso.com'],
    ['keeps subdomains', 'anna@mail.eu.contoso.com', 'mail.eu.contoso.com'],
    ['is the part after the last @', 'odd@name@contoso.com', 'contoso.com'],
    ['keeps an international domain in Unicode', 'info@Bücher.example', 'bücher.example'],
    ['is blank for a text without @', 'not an address', ''],
    ['is blank for a blank address', '', ''],
  ])('the domain %s', (_title, address, expected) => {
    expect(emailDomain(address)).toBe(expected);
  });
});
