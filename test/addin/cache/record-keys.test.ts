import { companyDomainKeys, contactEmailKeys, homePageDomain } from '../../../src/addin/cache/record-keys';
import { company, person } from './fixtures';

describe('lookup keys', () => {
  test.each([
    { homePage: 'https://www.contoso.com/about?x=1', expected: 'contoso.com' },
    { homePage: 'http://Contoso.COM', expected: 'contoso.com' },
    { homePage: 'www.contoso.co.uk', expected: 'contoso.co.uk' },
    { homePage: ' contoso.com:8080/path ', expected: 'contoso.com' },
    { homePage: 'https://user@shop.contoso.com#top', expected: 'shop.contoso.com' },
    { homePage: 'localhost', expected: '' },
    { homePage: '', expected: '' },
  ])('the home page "$homePage" is on "$expected"', ({ homePage, expected }) => {
    expect(homePageDomain(homePage)).toBe(expected);
  });

  test.each([
    { title: 'e-mail, e-mail 2 and alternative addresses, normalised', contact: { email: ' Anna@Contoso.com', email2: 'anna@home.example', altEmails: ['A@B.example'] }, expected: ['anna@contoso.com', 'anna@home.example', 'a@b.example'] },
    { title: 'each address once', contact: { email: 'anna@contoso.com', email2: 'ANNA@contoso.com', altEmails: ['anna@contoso.com'] }, expected: ['anna@contoso.com'] },
    { title: 'nothing for blank addresses', contact: { email: '', email2: ' ', altEmails: [] }, expected: [] },
  ])('a contact is found by $title', ({ contact, expected }) => {
    expect(contactEmailKeys(contact)).toEqual(expected);
  });

  test.each([
    { title: 'a company by the domains of its e-mail and home page', contact: company('CP1', { email: 'info@www.Contoso.com', homePage: 'https://fabrikam.com' }), expected: ['contoso.com', 'fabrikam.com'] },
    { title: 'a company by one domain when both agree', contact: company('CP1', { email: 'info@contoso.com', homePage: 'www.contoso.com' }), expected: ['contoso.com'] },
    { title: 'a person by no domain at all', contact: person('CT1', { email: 'anna@contoso.com', homePage: 'contoso.com' }), expected: [] },
  ])('domains find $title', ({ contact, expected }) => {
    expect(companyDomainKeys(contact)).toEqual(expected);
  });
});
