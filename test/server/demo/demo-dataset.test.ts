import { syntheticContacts, type SyntheticContact } from '../../../bench/lib/synthetic-contacts';
import { contactFieldLength, isValidEmail, isValidPhoneNo, type LengthLimitedContactField } from '../../../src/domain/contact/fields';
import { buildDuplicateSearchStrings, DEFAULT_DUPLICATE_SEARCH_SETUP, duplicateThreshold } from '../../../src/domain/duplicate-search';
import { buildDemoDataset, DEFAULT_DEMO_SEED, DEMO_TENANT_DOMAIN, type DemoCompany, type DemoDataset } from '../../../src/server/demo/demo-dataset';
import {
  COUNTRIES,
  COUNTRY_CODES,
  type CountryCode,
  emailLocalPart,
  finnishGenitive,
  foldToAscii,
  FREE_MAIL_DOMAINS,
  splitDutchSurname,
  type UmlautFolding,
} from '../../../src/server/demo/names';

const ASCII_ADDRESS = /^[a-z0-9.+-]+@[a-z0-9.-]+\.example$/;

const POST_CODE_FORMATS: Record<CountryCode, RegExp> = {
  SE: /^\d{3} \d{2}$/,
  NO: /^\d{4}$/,
  DK: /^\d{4}$/,
  FI: /^\d{5}$/,
  NL: /^\d{4} [A-Z]{2}$/,
  BE: /^\d{4}$/,
  DE: /^\d{5}$/,
};
const CALLING_CODES: Record<CountryCode, string> = { SE: '+46 ', NO: '+47 ', DK: '+45 ', FI: '+358 ', NL: '+31 ', BE: '+32 ', DE: '+49 ' };
const VAT_FORMATS: Record<CountryCode, RegExp> = {
  SE: /^SE\d{10}01$/,
  NO: /^NO\d{9}MVA$/,
  DK: /^DK\d{8}$/,
  FI: /^FI\d{8}$/,
  NL: /^NL\d{9}B01$/,
  BE: /^BE0\d{9}$/,
  DE: /^DE\d{9}$/,
};

/** Every address in the data set with who holds it. */
function addressesOf(dataset: DemoDataset): { address: string; holder: string; field: 'email' | 'email2' }[] {
  return [
    ...dataset.salespeople.map((s) => ({ address: s.email, holder: `salesperson ${s.code}`, field: 'email' as const })),
    ...dataset.companies.map((c) => ({ address: c.email, holder: `company ${c.key}`, field: 'email' as const })),
    ...dataset.persons.flatMap((p, index) => [
      { address: p.email, holder: `person ${index} at ${p.companyKey ?? '-'}`, field: 'email' as const },
      { address: p.email2, holder: `person ${index} at ${p.companyKey ?? '-'}`, field: 'email2' as const },
    ]),
  ].filter((entry) => entry.address !== '');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const searchStrings = (company: DemoCompany) =>
  buildDuplicateSearchStrings({ ...company, mobilePhoneNo: '' }, DEFAULT_DUPLICATE_SEARCH_SETUP).map((s) => `${s.field}/${s.part}/${s.searchString}`);

const matchingStrings = (a: DemoCompany, b: DemoCompany): number => {
  const other = new Set(searchStrings(b));
  return searchStrings(a).filter((s) => other.has(s)).length;
};

describe('foldToAscii', () => {
  test.each<[string, UmlautFolding, string]>([
    ['Åsa', 'strip', 'Asa'],
    ['Jørgen', 'strip', 'Jorgen'],
    ['Søren Bæk', 'strip', 'Soren Baek'],
    ['Päivi Hämäläinen', 'strip', 'Paivi Hamalainen'],
    ['Bergström', 'strip', 'Bergstrom'],
    ['Müller', 'strip', 'Muller'],
    ['Müller', 'expand', 'Mueller'],
    ['Jürgen Köhler', 'expand', 'Juergen Koehler'],
    ['Übermann', 'expand', 'Uebermann'],
    ['ÜBER', 'expand', 'UEBER'],
    ['Weiß', 'strip', 'Weiss'],
    ['GROẞ', 'expand', 'GROSS'],
    ['Ærø', 'strip', 'Aero'],
    ['ÆRØ', 'strip', 'AERO'],
    ['Daniëlle', 'expand', 'Danielle'],
    ['Renée', 'strip', 'Renee'],
    ['Linnéa', 'strip', 'Linnea'],
    ['Þórður', 'strip', 'Thordur'],
    ['Łukasz', 'strip', 'Lukasz'],
    ['Ĳssel', 'strip', 'IJssel'],
    ['Mu\u0308ller', 'expand', 'Mueller'],
    ['Straße – Nord', 'expand', 'Strasse - Nord'],
    ['Anna 😀', 'strip', 'Anna '],
    ['plain ASCII stays', 'expand', 'plain ASCII stays'],
  ])('%s (%s umlauts) folds to %s', (input, umlauts, expected) => {
    expect(foldToAscii(input, umlauts)).toBe(expected);
  });
});

describe('emailLocalPart', () => {
  test.each<[string[], UmlautFolding, string]>([
    [['Hans-Peter', 'Müller'], 'expand', 'hans-peter.mueller'],
    [['Jan', 'van der Meer'], 'strip', 'jan.vandermeer'],
    [['Åsa', 'Öberg'], 'strip', 'asa.oberg'],
    [['Jens Peter', 'Bæk'], 'strip', 'jenspeter.baek'],
    [['Ørjan', ''], 'strip', 'orjan'],
  ])('%j (%s umlauts) gives %s', (parts, umlauts, expected) => {
    expect(emailLocalPart(parts, umlauts)).toBe(expected);
  });
});

describe('national name rules', () => {
  test.each([
    ['van der Meer', 'van der', 'Meer'],
    ['van den Berg', 'van den', 'Berg'],
    ['de Vries', 'de', 'Vries'],
    ['ter Horst', 'ter', 'Horst'],
    ['Jansen', '', 'Jansen'],
    ['Vandenberg', '', 'Vandenberg'],
  ])('the Dutch surname %s splits into tussenvoegsel "%s" and %s', (surname, prefix, name) => {
    expect(splitDutchSurname(surname)).toEqual({ prefix, name });
  });

  test.each([
    ['Virtanen', 'Virtasen'],
    ['Hämäläinen', 'Hämäläisen'],
    ['Laine', 'Laineen'],
    ['Heikkilä', 'Heikkilän'],
    ['Salo', 'Salon'],
  ])('a Finnish company named after %s is "%s …"', (surname, genitive) => {
    expect(finnishGenitive(surname)).toBe(genitive);
  });
});

describe('buildDemoDataset', () => {
  test('the same seed gives the same data set, and no seed means the default one', () => {
    expect(buildDemoDataset(7)).toEqual(buildDemoDataset(7));
    expect(buildDemoDataset()).toEqual(buildDemoDataset(DEFAULT_DEMO_SEED));
  });

  test('another seed gives other companies and persons', () => {
    const a = buildDemoDataset(1);
    const b = buildDemoDataset(2);
    expect(b.companies.map((c) => c.name)).not.toEqual(a.companies.map((c) => c.name));
    expect(b.persons.map((p) => p.email)).not.toEqual(a.persons.map((p) => p.email));
  });

  test('the sales team is fixed: six salespeople with addresses at the tenant domain', () => {
    const { salespeople, tenantName } = buildDemoDataset();
    expect(tenantName).toBe('Nordlys Handel AB');
    expect(salespeople).toHaveLength(6);
    expect(new Set(salespeople.map((s) => s.code)).size).toBe(6);
    for (const salesperson of salespeople) {
      expect(salesperson.email.endsWith(`@${DEMO_TENANT_DOMAIN}`)).toBe(true);
      expect(salesperson.jobTitle.length).toBeLessThanOrEqual(30);
    }
    expect(buildDemoDataset(3).salespeople).toEqual(salespeople);
  });

  describe.each([DEFAULT_DEMO_SEED, 1, 42, 20260101])('with seed %i', (seed) => {
    const dataset = buildDemoDataset(seed);
    const { companies, persons, salespeople } = dataset;
    const companyKeys = new Set(companies.map((c) => c.key));

    test('has 50 companies and 200 persons, about four per company, a few on their own', () => {
      expect(companies).toHaveLength(50);
      expect(persons).toHaveLength(200);
      expect(companyKeys.size).toBe(50);
      const standalone = persons.filter((p) => p.companyKey === null);
      expect(standalone.length).toBeGreaterThanOrEqual(3);
      expect(standalone.length).toBeLessThanOrEqual(10);
      for (const [, staff] of countBy(persons.filter((p) => p.companyKey !== null), (p) => p.companyKey ?? '')) {
        expect(staff.length).toBeLessThanOrEqual(7);
      }
    });

    test("every person's company key resolves to a company of the data set", () => {
      for (const person of persons) if (person.companyKey !== null) expect(companyKeys).toContain(person.companyKey);
    });

    test('covers all seven countries with their Business Central language code and format region', () => {
      expect(new Set(companies.map((c) => c.countryRegionCode))).toEqual(new Set(COUNTRY_CODES));
      for (const company of companies) {
        const material = COUNTRIES[company.countryRegionCode as CountryCode];
        expect([company.languageCode, company.formatRegion]).toEqual([material.languageCode, material.formatRegion]);
      }
    });

    test('post codes, phone numbers and VAT numbers follow each country’s format', () => {
      for (const company of companies) {
        const country = company.countryRegionCode as CountryCode;
        const isReEntry = company.key.endsWith('-2');
        // The re-entered company has its post code typed without the space.
        expect(company.postCode).toMatch(isReEntry ? /^[0-9A-Z]+$/ : POST_CODE_FORMATS[country]);
        expect(COUNTRIES[country].cities.find((city) => city.name === company.city)?.postCodes.map((code) => code.replace(' ', ''))).toContain(
          company.postCode.replace(' ', ''),
        );
        expect(company.phoneNo.startsWith(CALLING_CODES[country])).toBe(true);
        expect(isValidPhoneNo(company.phoneNo)).toBe(true);
        if (company.vatRegistrationNo !== '') expect(company.vatRegistrationNo).toMatch(VAT_FORMATS[country]);
        expect(company.homePage).toMatch(/^www\.[a-z0-9-]+\.example$/);
      }
      for (const person of persons) {
        for (const phone of [person.phoneNo, person.mobilePhoneNo]) if (phone !== '') expect(phone).toMatch(/^\+\d{2,3} [\d -]+$/);
      }
    });

    test('every e-mail address is a valid ASCII address under .example', () => {
      for (const { address } of addressesOf(dataset)) {
        expect(isValidEmail(address)).toBe(true);
        expect(address).toMatch(ASCII_ADDRESS);
      }
    });

    test('addresses are unique except the two shared on purpose: a person using the company address, and a shared mailbox', () => {
      const shared = [...countBy(addressesOf(dataset), (entry) => entry.address)].filter(([, holders]) => holders.length > 1);
      expect(shared).toHaveLength(2);
      for (const [, holders] of shared) {
        expect(holders).toHaveLength(2);
        expect(holders.every((holder) => holder.field === 'email')).toBe(true);
      }
      const holders = shared.map(([, entries]) => entries.map((entry) => entry.holder.split(' ')[0]).sort());
      expect(holders).toEqual(expect.arrayContaining([['company', 'person'], ['person', 'person']]));
    });

    test('some persons write from free-mail addresses and some have an E-Mail 2', () => {
      const freeMail = persons.filter((p) => FREE_MAIL_DOMAINS.some((domain) => p.email.endsWith(`@${domain}`)));
      expect(freeMail.filter((p) => p.companyKey !== null).length).toBeGreaterThanOrEqual(3);
      expect(freeMail.filter((p) => p.companyKey === null).length).toBe(persons.filter((p) => p.companyKey === null).length);
      expect(persons.filter((p) => p.email2 !== '').length).toBeGreaterThanOrEqual(5);
    });

    test('salespeople cover every company, and persons mostly inherit phone and language', () => {
      const codes = new Set(salespeople.map((s) => s.code));
      for (const company of companies) expect(codes).toContain(company.salespersonCode);
      const attached = persons.filter((p) => p.companyKey !== null);
      expect(attached.filter((p) => p.phoneNo === '').length).toBeGreaterThan(attached.length / 2);
      expect(attached.filter((p) => p.languageCode === '').length).toBeGreaterThan(attached.length / 2);
    });

    test("values fit Business Central's field lengths", () => {
      const check = (record: Record<string, unknown>, fields: readonly LengthLimitedContactField[]) => {
        for (const field of fields) expect(String(record[field]).length).toBeLessThanOrEqual(contactFieldLength(field));
      };
      for (const company of companies) {
        check(company, ['name', 'address', 'address2', 'postCode', 'city', 'phoneNo', 'email', 'homePage', 'vatRegistrationNo', 'languageCode', 'formatRegion', 'salespersonCode']);
      }
      for (const person of persons) check(person, ['firstName', 'middleName', 'surname', 'jobTitle', 'email', 'email2', 'mobilePhoneNo', 'phoneNo', 'languageCode']);
    });

    test("exactly one pair of companies is a duplicate by Business Central's search strings: the company entered twice", () => {
      const threshold = duplicateThreshold(DEFAULT_DUPLICATE_SEARCH_SETUP.length, 60);
      const pairs: [string, string][] = [];
      companies.forEach((a, i) => {
        for (const b of companies.slice(i + 1)) if (matchingStrings(a, b) >= threshold) pairs.push([a.key, b.key]);
      });
      expect(pairs).toHaveLength(1);
      const [original, reEntry] = pairs[0] ?? ['', ''];
      expect(reEntry).toBe(`${original}-2`);
      const a = companies.find((c) => c.key === original);
      const b = companies.find((c) => c.key === reEntry);
      expect(a?.name).not.toBe(b?.name);
      expect(b?.phoneNo).toBe(a?.phoneNo);
      expect(a?.businessRelation).toBe('customer');
    });
  });
});

describe('syntheticContacts', () => {
  const first = (count: number, seed: number): SyntheticContact[] => [...syntheticContacts(count, seed)];
  const sample = first(10_000, 42);

  test('gives exactly the number asked for', () => {
    expect(first(0, 1)).toEqual([]);
    expect(first(37, 1)).toHaveLength(37);
  });

  test('numbers contacts CT0000001, CT0000002, … without gaps', () => {
    expect(sample.map((c) => c.no)).toEqual(Array.from({ length: 10_000 }, (_, index) => `CT${String(index + 1).padStart(7, '0')}`));
  });

  test('the first 10,000 contacts have unique, valid ASCII e-mail addresses (E-Mail and E-Mail 2 together)', () => {
    const addresses = sample.flatMap((c) => [c.email, c.email2]).filter((address) => address !== '');
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const address of addresses) {
      expect(isValidEmail(address)).toBe(true);
      expect(address).toMatch(ASCII_ADDRESS);
    }
    expect(sample.every((c) => c.email !== '')).toBe(true);
  });

  test('each company comes right before its persons, about one company per 20 contacts', () => {
    let currentCompany = '';
    for (const contact of sample) {
      if (contact.type === 'company') {
        expect(contact.companyNo).toBe(contact.no);
        currentCompany = contact.no;
      } else {
        expect(contact.companyNo).toBe(currentCompany);
      }
    }
    const companies = sample.filter((c) => c.type === 'company').length;
    expect(companies).toBeGreaterThan(400);
    expect(companies).toBeLessThan(600);
  });

  test('persons carry their company’s address, and every country is represented', () => {
    const byNo = new Map(sample.map((c) => [c.no, c]));
    for (const person of sample.filter((c) => c.type === 'person')) {
      const company = byNo.get(person.companyNo);
      expect([person.address, person.postCode, person.city, person.countryRegionCode]).toEqual([company?.address, company?.postCode, company?.city, company?.countryRegionCode]);
      expect(person.name).toBe([person.firstName, person.middleName, person.surname].filter((part) => part !== '').join(' '));
    }
    expect(new Set(sample.map((c) => c.countryRegionCode))).toEqual(new Set(COUNTRY_CODES));
  });

  test('the same seed gives the same sequence, another seed another one', () => {
    expect(first(2_000, 42)).toEqual(sample.slice(0, 2_000));
    expect(first(2_000, 43).map((c) => c.email)).not.toEqual(sample.slice(0, 2_000).map((c) => c.email));
  });
});
