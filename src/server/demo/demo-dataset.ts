import {
  COUNTRIES,
  type City,
  type CountryCode,
  type CountryMaterial,
  createRandom,
  directLine,
  domainLabel,
  emailLocalPart,
  FINLAND_SWEDISH,
  FREE_MAIL_DOMAINS,
  addressSurname,
  type Gender,
  type JobTitle,
  landlineNo,
  mobilePhoneNo,
  type PersonName,
  type Random,
  randomCompanyStem,
  randomPersonName,
  shuffled,
  streetAddress,
  vatRegistrationNo,
} from './names';

export type DemoSalesperson = { code: string; name: string; email: string; jobTitle: string };

export type DemoCompany = {
  /** Identifies the company within the data set, so persons can point at it before it has a No. */
  key: string;
  name: string;
  address: string;
  address2: string;
  postCode: string;
  city: string;
  countryRegionCode: string;
  phoneNo: string;
  email: string;
  homePage: string;
  languageCode: string;
  formatRegion: string;
  salespersonCode: string;
  vatRegistrationNo: string;
  businessRelation: '' | 'customer' | 'vendor' | 'prospect';
};

export type DemoPerson = {
  companyKey: string | null;
  firstName: string;
  middleName: string;
  surname: string;
  jobTitle: string;
  email: string;
  email2: string;
  mobilePhoneNo: string;
  /** '' = inherit from the company. */
  phoneNo: string;
  /** '' = inherit from the company. */
  languageCode: string;
};

export type DemoDataset = { tenantName: string; salespeople: DemoSalesperson[]; companies: DemoCompany[]; persons: DemoPerson[] };

/** The seed the dev tenant is filled with (5050 is the contact table's number in Business Central). */
export const DEFAULT_DEMO_SEED = 5050;

export const DEMO_TENANT_NAME = 'Nordlys Handel AB';
export const DEMO_TENANT_DOMAIN = 'nordlys.example';

/**
 * The tenant's sales team: a Malmö wholesaler of industrial supplies selling across the Nordics,
 * Benelux and Germany. Fixed rather than seeded, because they are the dev sign-in identities. The
 * first by code (AL) becomes the administrator.
 */
export const DEMO_SALESPEOPLE: readonly DemoSalesperson[] = [
  { code: 'AL', name: 'Astrid Lindqvist', email: `astrid.lindqvist@${DEMO_TENANT_DOMAIN}`, jobTitle: 'Sales Director' },
  { code: 'EB', name: 'Erik Bergman', email: `erik.bergman@${DEMO_TENANT_DOMAIN}`, jobTitle: 'Inside Sales Representative' },
  { code: 'JH', name: 'Jørgen Hansen', email: `jorgen.hansen@${DEMO_TENANT_DOMAIN}`, jobTitle: 'Account Manager Norway/Denmark' },
  { code: 'KM', name: 'Katrin Müller', email: `katrin.mueller@${DEMO_TENANT_DOMAIN}`, jobTitle: 'Key Account Manager DACH' },
  { code: 'MV', name: 'Maarten de Vries', email: `maarten.devries@${DEMO_TENANT_DOMAIN}`, jobTitle: 'Account Manager Benelux' },
  { code: 'PV', name: 'Päivi Virtanen', email: `paivi.virtanen@${DEMO_TENANT_DOMAIN}`, jobTitle: 'Account Manager Finland' },
];

/** Who covers which country. Sweden, the home market, is shared by the director and inside sales. */
export const TERRITORY_SALESPEOPLE: Readonly<Record<CountryCode, readonly string[]>> = {
  SE: ['AL', 'EB'],
  NO: ['JH'],
  DK: ['JH'],
  FI: ['PV'],
  NL: ['MV'],
  BE: ['MV'],
  DE: ['KM'],
};

// 49 companies, plus one entered a second time: 50.
const COMPANIES_PER_COUNTRY: readonly (readonly [CountryCode, number])[] = [
  ['SE', 10],
  ['NO', 7],
  ['DK', 7],
  ['FI', 6],
  ['NL', 8],
  ['BE', 5],
  ['DE', 6],
];
const RELATION_COUNTS: readonly (readonly [DemoCompany['businessRelation'], number])[] = [
  ['customer', 25],
  ['vendor', 8],
  ['prospect', 11],
  ['', 5],
];
const PERSON_COUNT = 200;
const STANDALONE_PERSON_COUNT = 6;
const MIN_PERSONS_PER_COMPANY = 3;
const MAX_PERSONS_PER_COMPANY = 7;
const FREE_MAIL_PERSON_COUNT = 3;
// Share of the persons at a Finnish company who are Finland-Swedes with Swedish as their language.
const FINLAND_SWEDISH_SHARE = 0.2;

/** How a company builds its staff's addresses; one convention per company, as in real life. */
type EmailConvention = 'first.last' | 'f.last' | 'firstlast' | 'first';
const EMAIL_CONVENTIONS: readonly EmailConvention[] = ['first.last', 'first.last', 'first.last', 'f.last', 'firstlast', 'first'];

/** A person while the data set is built: the gender decides the form of German job titles. */
type PersonDraft = { person: DemoPerson; gender: Gender };
type CompanyDraft = { company: DemoCompany; material: CountryMaterial; city: City; domain: string; convention: EmailConvention; persons: PersonDraft[] };
type NameParts = Pick<PersonName, 'firstName' | 'middleName' | 'surname'>;

/** The e-mail addresses given out so far; every new one is made unique against them. */
class AddressBook {
  private readonly taken = new Set<string>();

  /** `local@domain`, with 2, 3, … appended to the local part when it is taken. */
  claim(local: string, domain: string): string {
    let candidate = `${local}@${domain}`;
    for (let suffix = 2; this.taken.has(candidate); suffix++) candidate = `${local}${suffix}@${domain}`;
    this.taken.add(candidate);
    return candidate;
  }

  has(address: string): boolean {
    return this.taken.has(address);
  }
}

const titleFor = (title: JobTitle, gender: Gender): string => (gender === 'female' ? title.female : title.male);

/** The first character of a name, for initial-style addresses (Åsa → Å, folded later). */
const initial = (name: string): string => [...name][0] ?? '';

function personLocalPart(convention: EmailConvention, material: CountryMaterial, name: NameParts): string {
  const surname = addressSurname(material, name);
  switch (convention) {
    case 'first.last':
      return emailLocalPart([name.firstName, surname], material.umlauts);
    case 'f.last':
      return emailLocalPart([initial(name.firstName), surname], material.umlauts);
    case 'firstlast':
      return emailLocalPart([`${name.firstName}${surname}`], material.umlauts);
    case 'first':
      return emailLocalPart([name.firstName], material.umlauts);
  }
}

/** A private address at a free-mail provider; half of them carry a birth year, as such addresses do. */
function freeMailAddress(material: CountryMaterial, name: NameParts, random: Random, book: AddressBook): string {
  const local = emailLocalPart([name.firstName, addressSurname(material, name)], material.umlauts);
  return book.claim(random.chance(0.5) ? `${local}${60 + random.int(40)}` : local, random.pick(FREE_MAIL_DOMAINS));
}

function draftCompany(material: CountryMaterial, relation: DemoCompany['businessRelation'], random: Random, book: AddressBook, domains: Set<string>): CompanyDraft {
  let stem = randomCompanyStem(material, random);
  let label = domainLabel(stem, material.umlauts);
  // Two companies with one domain would share addresses; draw another name instead.
  while (domains.has(label)) {
    stem = randomCompanyStem(material, random);
    label = domainLabel(stem, material.umlauts);
  }
  domains.add(label);
  const domain = `${label}.example`;
  const city = random.pick(material.cities);
  const company: DemoCompany = {
    key: label,
    name: `${stem} ${random.pick(material.legalForms)}`,
    address: streetAddress(material, random),
    address2: random.chance(0.15) ? random.pick(material.address2Options) : '',
    postCode: random.pick(city.postCodes),
    city: city.name,
    countryRegionCode: material.countryRegionCode,
    phoneNo: landlineNo(material, city, random),
    email: book.claim(random.pick(material.companyMailboxes.slice(0, 2)), domain),
    homePage: `www.${domain}`,
    languageCode: material.languageCode,
    formatRegion: material.formatRegion,
    salespersonCode: random.pick(TERRITORY_SALESPEOPLE[material.countryRegionCode]),
    // Prospects are often not qualified far enough for anyone to have asked for a VAT number.
    vatRegistrationNo: relation === 'prospect' && random.chance(0.5) ? '' : vatRegistrationNo(material, random),
    businessRelation: relation,
  };
  return { company, material, city, domain, convention: random.pick(EMAIL_CONVENTIONS), persons: [] };
}

function draftPerson(draft: CompanyDraft, index: number, titles: readonly JobTitle[], random: Random, book: AddressBook): PersonDraft {
  const finlandSwede = draft.material.countryRegionCode === 'FI' && random.chance(FINLAND_SWEDISH_SHARE);
  let name: PersonName;
  if (finlandSwede) {
    const gender: Gender = random.chance(0.5) ? 'female' : 'male';
    const firstName = random.pick(gender === 'female' ? FINLAND_SWEDISH.femaleFirstNames : FINLAND_SWEDISH.maleFirstNames);
    name = { firstName, middleName: '', surname: random.pick(FINLAND_SWEDISH.surnames), gender };
  } else {
    name = randomPersonName(draft.material, random);
  }
  const title = titles[index % titles.length] ?? draft.material.jobTitles[0];
  const person: DemoPerson = {
    companyKey: draft.company.key,
    firstName: name.firstName,
    middleName: name.middleName,
    surname: name.surname,
    // Finland-Swedes use the Swedish title of the same role.
    jobTitle: title ? titleFor(finlandSwede ? (FINLAND_SWEDISH.jobTitles[draft.material.jobTitles.indexOf(title)] ?? title) : title, name.gender) : '',
    email: book.claim(personLocalPart(draft.convention, draft.material, name), draft.domain),
    email2: random.chance(0.12) ? freeMailAddress(draft.material, name, random, book) : '',
    mobilePhoneNo: random.chance(0.85) ? mobilePhoneNo(draft.material, random) : '',
    phoneNo: random.chance(0.3) ? directLine(draft.material, draft.company.phoneNo, draft.city, random) : '',
    languageCode: finlandSwede ? FINLAND_SWEDISH.languageCode : '',
  };
  return { person, gender: name.gender };
}

/** How many persons each company gets: at least three, the rest spread at random. */
function personCounts(companyCount: number, total: number, random: Random): number[] {
  const counts = new Array<number>(companyCount).fill(MIN_PERSONS_PER_COMPANY);
  for (let left = total - companyCount * MIN_PERSONS_PER_COMPANY; left > 0; ) {
    const index = random.int(companyCount);
    if ((counts[index] ?? 0) < MAX_PERSONS_PER_COMPANY) {
      counts[index] = (counts[index] ?? 0) + 1;
      left--;
    }
  }
  return counts;
}

/**
 * The same company entered a second time by a colleague, as happens when a lead phones in: without
 * the legal form, without Address 2 and VAT number, the post code typed without its space, another
 * of its mailboxes. Name start, address, city, post code, phone and the e-mail's ending still match
 * — 10 of Business Central's 16 default search strings, its 60 % threshold — and the phone number
 * is an exact hit, so the duplicate search finds it.
 */
function nearDuplicate(original: CompanyDraft): CompanyDraft {
  const { company, material } = original;
  const legalForm = material.legalForms.find((form) => company.name.endsWith(` ${form}`)) ?? '';
  const otherMailbox = material.companyMailboxes.find((mailbox) => !company.email.startsWith(`${mailbox}@`)) ?? 'sales';
  return {
    ...original,
    company: {
      ...company,
      key: `${company.key}-2`,
      name: legalForm === '' ? company.name : company.name.slice(0, -(legalForm.length + 1)),
      address2: '',
      postCode: company.postCode.replace(/\s+/g, ''),
      email: `${otherMailbox}@${original.domain}`,
      vatRegistrationNo: '',
      salespersonCode: company.salespersonCode === 'EB' ? 'AL' : 'EB',
      businessRelation: 'prospect',
    },
    persons: [],
  };
}

/**
 * The demo tenant's contacts: the sales team, 50 companies across Sweden, Norway, Denmark,
 * Finland, the Netherlands, Belgium and Germany (one of them entered twice, for the duplicate
 * search), and 200 persons — most at a company, a few on their own.
 *
 * Things the data set is built to show:
 * - addresses, post codes, phones and VAT numbers in each country's real format;
 * - Finland-Swedes whose Language Code (SVE) differs from their company's (FIN);
 * - persons who inherit the company's phone (Phone No. '') and some with a direct line;
 * - a few persons writing from free-mail addresses, some with a private E-Mail 2;
 * - two ambiguous addresses: one person who uses the company's own address (§14: "a person and
 *   company sharing an inherited e-mail"), and two buyers sharing a purchasing mailbox.
 *
 * All addresses are ASCII and under the reserved `.example` domain. The same seed always gives the
 * same data set.
 */
export function buildDemoDataset(seed: number = DEFAULT_DEMO_SEED): DemoDataset {
  const random = createRandom(seed);
  const book = new AddressBook();
  const domains = new Set<string>();
  // The tenant's own domain is not a customer's.
  domains.add(domainLabel(DEMO_TENANT_DOMAIN.replace(/\.example$/, '')));

  const relations = shuffled(
    RELATION_COUNTS.flatMap(([relation, count]) => new Array<DemoCompany['businessRelation']>(count).fill(relation)),
    random,
  );
  const countries = shuffled(
    COMPANIES_PER_COUNTRY.flatMap(([country, count]) => new Array<CountryCode>(count).fill(country)),
    random,
  );
  const drafts = countries.map((country, index) => draftCompany(COUNTRIES[country], relations[index] ?? 'customer', random, book, domains));

  const original = drafts.find((draft) => draft.company.businessRelation === 'customer') ?? drafts[0];
  if (!original) throw new Error('the demo data set has no companies');
  const duplicate = nearDuplicate(original);

  const counts = personCounts(drafts.length, PERSON_COUNT - STANDALONE_PERSON_COUNT - 1, random);
  for (const [index, draft] of drafts.entries()) {
    const [director, ...others] = draft.material.jobTitles;
    const titles = director ? [director, ...shuffled(others, random)] : [];
    for (let person = 0; person < (counts[index] ?? 0); person++) draft.persons.push(draftPerson(draft, person, titles, random, book));
  }
  // The colleague who entered the duplicate met someone else there.
  duplicate.persons.push(draftPerson(duplicate, 1 + random.int(duplicate.material.jobTitles.length - 1), duplicate.material.jobTitles, random, book));

  // Ambiguous addresses: pick two other companies, one for each case.
  const others = shuffled(
    drafts.filter((draft) => draft !== original && draft.persons.length >= 3),
    random,
  );
  const [sharingWithCompany, sharingMailbox] = others;
  const special = new Set<DemoPerson>();
  if (sharingWithCompany) {
    // A small firm's director who answers the general mailbox.
    const director = sharingWithCompany.persons[0]?.person;
    if (director) {
      director.email = sharingWithCompany.company.email;
      director.email2 = '';
      special.add(director);
    }
  }
  if (sharingMailbox) {
    const mailbox = book.claim(sharingMailbox.material.purchasingMailbox, sharingMailbox.domain);
    const purchasingTitles = [sharingMailbox.material.jobTitles[1], sharingMailbox.material.jobTitles[5]];
    for (const [offset, { person: buyer, gender }] of sharingMailbox.persons.slice(1, 3).entries()) {
      // They write from the shared mailbox; their own address is kept as E-Mail 2.
      buyer.email2 = buyer.email;
      buyer.email = mailbox;
      const title = purchasingTitles[offset];
      if (title && buyer.languageCode === '') buyer.jobTitle = titleFor(title, gender);
      special.add(buyer);
    }
  }

  // A few persons at companies who write from a private address.
  const freeMailCandidates = shuffled(
    drafts.flatMap((draft) => draft.persons.slice(1).map(({ person }) => ({ draft, person }))).filter(({ person }) => !special.has(person)),
    random,
  );
  for (const { draft, person } of freeMailCandidates.slice(0, FREE_MAIL_PERSON_COUNT)) {
    person.email = freeMailAddress(draft.material, person, random, book);
    person.email2 = '';
  }

  const standalone: DemoPerson[] = [];
  for (let index = 0; index < STANDALONE_PERSON_COUNT; index++) {
    const material = COUNTRIES[random.pick(COMPANIES_PER_COUNTRY)[0]];
    const name = randomPersonName(material, random);
    standalone.push({
      companyKey: null,
      firstName: name.firstName,
      middleName: name.middleName,
      surname: name.surname,
      jobTitle: titleFor(material.selfEmployedTitle, name.gender),
      email: freeMailAddress(material, name, random, book),
      email2: '',
      mobilePhoneNo: mobilePhoneNo(material, random),
      phoneNo: '',
      // Nothing to inherit from: the person's own country decides.
      languageCode: material.languageCode,
    });
  }

  const allDrafts = [...drafts, duplicate];
  return {
    tenantName: DEMO_TENANT_NAME,
    salespeople: DEMO_SALESPEOPLE.map((salesperson) => ({ ...salesperson })),
    companies: allDrafts.map((draft) => draft.company),
    persons: [...allDrafts.flatMap((draft) => draft.persons.map(({ person }) => person)), ...standalone],
  };
}
