import { TERRITORY_SALESPEOPLE } from '../../src/server/demo/demo-dataset';
import {
  addressSurname,
  companyStemAt,
  companyStemCount,
  COUNTRIES,
  COUNTRY_CODES,
  type CountryCode,
  type CountryMaterial,
  createRandom,
  domainLabel,
  emailLocalPart,
  FINLAND_SWEDISH,
  FREE_MAIL_DOMAINS,
  fullName,
  landlineNo,
  mobilePhoneNo,
  type PersonName,
  type Random,
  randomPersonName,
  streetAddress,
  vatRegistrationNo,
} from '../../src/server/demo/names';

/** One generated contact, with the fields the benchmarks load into the contact table. */
export type SyntheticContact = {
  no: string;
  type: 'company' | 'person';
  /** The company's own No. on a company (as Business Central's type rules set it), its company's on a person. */
  companyNo: string;
  name: string;
  firstName: string;
  middleName: string;
  surname: string;
  address: string;
  postCode: string;
  city: string;
  countryRegionCode: string;
  phoneNo: string;
  mobilePhoneNo: string;
  email: string;
  email2: string;
  vatRegistrationNo: string;
  salespersonCode: string;
  languageCode: string;
};

// Share of companies per country: a Swedish wholesaler's customer base, home market first.
const COUNTRY_WEIGHTS: Readonly<Record<CountryCode, number>> = { SE: 0.22, NO: 0.12, DK: 0.12, FI: 0.1, NL: 0.16, BE: 0.1, DE: 0.18 };
// Persons per company are drawn from [MIN, MAX]; the mean, 19, gives one company per 20 contacts.
const MIN_PERSONS = 10;
const MAX_PERSONS = 28;
const FINLAND_SWEDISH_SHARE = 0.15;
const EMAIL2_SHARE = 0.15;
const MOBILE_SHARE = 0.8;

type EmailConvention = 'first.last' | 'f.last' | 'firstlast';
const EMAIL_CONVENTIONS: readonly EmailConvention[] = ['first.last', 'first.last', 'f.last', 'firstlast'];

/** A country's company name stems with their domain labels, no label shared with another stem. */
type StemTable = { stems: string[]; labels: string[] };

let stemTables: Readonly<Record<CountryCode, StemTable>> | undefined;

/**
 * Every company name stem of every country, keeping the first stem of each domain label (Holm
 * Industri exists in Sweden, Norway and Denmark; only the Swedish one stays). Distinct labels make
 * company domains, and so e-mail addresses, unique without remembering the addresses handed out,
 * which keeps memory flat at any count. Built once (about 85,000 stems) and shared by every call.
 */
function companyStemTables(): Readonly<Record<CountryCode, StemTable>> {
  if (stemTables) return stemTables;
  const claimed = new Set<string>(['nordlys', ...FREE_MAIL_DOMAINS.map((domain) => domain.replace(/\.example$/, ''))]);
  const tables = {} as Record<CountryCode, StemTable>;
  for (const code of COUNTRY_CODES) {
    const material = COUNTRIES[code];
    const table: StemTable = { stems: [], labels: [] };
    const count = companyStemCount(material);
    for (let index = 0; index < count; index++) {
      const stem = companyStemAt(material, index);
      const label = domainLabel(stem, material.umlauts);
      if (label === '' || claimed.has(label)) continue;
      claimed.add(label);
      table.stems.push(stem);
      table.labels.push(label);
    }
    tables[code] = table;
  }
  stemTables = tables;
  return tables;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A walk over a country's stems in a seed-dependent order that visits each once per round:
 * index = (round position × step + offset) mod size, with step coprime to size. Names repeat only
 * after every stem has been used; a repeat gets a round number in its domain (bergstrom-verktyg2).
 */
type StemWalk = { table: StemTable; step: number; offset: number; used: number };

function stemWalk(table: StemTable, random: Random): StemWalk {
  const size = table.stems.length;
  let step = Math.max(1, Math.floor(size * 0.618) + random.int(Math.max(1, Math.floor(size / 10))));
  while (gcd(step, size) !== 1) step++;
  return { table, step, offset: random.int(size), used: 0 };
}

function nextStem(walk: StemWalk): { stem: string; label: string } {
  const size = walk.table.stems.length;
  const round = Math.floor(walk.used / size);
  const index = (((walk.used % size) * walk.step) % size + walk.offset) % size;
  walk.used++;
  const label = walk.table.labels[index] ?? 'company';
  // Labels hold no digits, so a label with a round number never equals another label.
  return { stem: walk.table.stems[index] ?? label, label: round === 0 ? label : `${label}${round + 1}` };
}

function pickCountry(random: Random): CountryCode {
  let draw = random.next();
  for (const code of COUNTRY_CODES) {
    draw -= COUNTRY_WEIGHTS[code];
    if (draw < 0) return code;
  }
  return 'DE';
}

const contactNo = (ordinal: number): string => `CT${String(ordinal).padStart(7, '0')}`;

function localPart(convention: EmailConvention, material: CountryMaterial, name: PersonName): string {
  const surname = addressSurname(material, name);
  switch (convention) {
    case 'first.last':
      return emailLocalPart([name.firstName, surname], material.umlauts);
    case 'f.last':
      return emailLocalPart([[...name.firstName][0] ?? '', surname], material.umlauts);
    case 'firstlast':
      return emailLocalPart([`${name.firstName}${surname}`], material.umlauts);
  }
}

function personName(material: CountryMaterial, random: Random): { name: PersonName; finlandSwede: boolean } {
  if (material.countryRegionCode === 'FI' && random.chance(FINLAND_SWEDISH_SHARE)) {
    const female = random.chance(0.5);
    return {
      name: {
        firstName: random.pick(female ? FINLAND_SWEDISH.femaleFirstNames : FINLAND_SWEDISH.maleFirstNames),
        middleName: '',
        surname: random.pick(FINLAND_SWEDISH.surnames),
        gender: female ? 'female' : 'male',
      },
      finlandSwede: true,
    };
  }
  return { name: randomPersonName(material, random), finlandSwede: false };
}

/**
 * `count` contacts for benchmarks, numbered CT0000001, CT0000002, …: each company followed by its
 * persons (10 to 28, one company per 20 contacts on average), spread over the seven countries
 * with the names, addresses, phones and VAT numbers of names.ts. Persons carry their company's
 * address, phone, salesperson and language, as inheritance leaves them.
 *
 * Every e-mail address is unique across the whole sequence (E-Mail and E-Mail 2): companies have
 * distinct domains, persons are made unique within their company's domain with a digit, and
 * private E-Mail 2 addresses carry the contact's number. Generated lazily with constant memory
 * (only the current company's local parts are remembered); the same seed gives the same sequence.
 */
export function* syntheticContacts(count: number, seed: number): Generator<SyntheticContact> {
  const random = createRandom(seed);
  const tables = companyStemTables();
  const walks = {} as Record<CountryCode, StemWalk>;
  for (const code of COUNTRY_CODES) walks[code] = stemWalk(tables[code], random);

  let ordinal = 0;
  while (ordinal < count) {
    const code = pickCountry(random);
    const material = COUNTRIES[code];
    const { stem, label } = nextStem(walks[code]);
    const domain = `${label}.example`;
    const city = random.pick(material.cities);
    const companyNo = contactNo(++ordinal);
    const company: SyntheticContact = {
      no: companyNo,
      type: 'company',
      companyNo,
      name: `${stem} ${random.pick(material.legalForms)}`,
      firstName: '',
      middleName: '',
      surname: '',
      address: streetAddress(material, random),
      postCode: random.pick(city.postCodes),
      city: city.name,
      countryRegionCode: code,
      phoneNo: landlineNo(material, city, random),
      mobilePhoneNo: '',
      email: `${random.pick(material.companyMailboxes)}@${domain}`,
      email2: '',
      vatRegistrationNo: vatRegistrationNo(material, random),
      salespersonCode: random.pick(TERRITORY_SALESPEOPLE[code]),
      languageCode: material.languageCode,
    };
    yield company;

    const convention = random.pick(EMAIL_CONVENTIONS);
    // Company mailboxes are taken, so no person gets info@ or kontakt@ by accident.
    const locals = new Set<string>(material.companyMailboxes);
    const persons = MIN_PERSONS + random.int(MAX_PERSONS - MIN_PERSONS + 1);
    for (let person = 0; person < persons && ordinal < count; person++) {
      const { name, finlandSwede } = personName(material, random);
      const no = contactNo(++ordinal);
      const base = localPart(convention, material, name) || 'contact';
      let local = base;
      for (let suffix = 2; locals.has(local); suffix++) local = `${base}${suffix}`;
      locals.add(local);
      const privateLocal = emailLocalPart([name.firstName, addressSurname(material, name)], material.umlauts) || 'contact';
      yield {
        no,
        type: 'person',
        companyNo,
        name: fullName(name),
        firstName: name.firstName,
        middleName: name.middleName,
        surname: name.surname,
        address: company.address,
        postCode: company.postCode,
        city: company.city,
        countryRegionCode: code,
        phoneNo: company.phoneNo,
        mobilePhoneNo: random.chance(MOBILE_SHARE) ? mobilePhoneNo(material, random) : '',
        email: `${local}@${domain}`,
        // The contact's number makes a private address unique; the name part holds no digits.
        email2: random.chance(EMAIL2_SHARE) ? `${privateLocal}${ordinal}@${random.pick(FREE_MAIL_DOMAINS)}` : '',
        vatRegistrationNo: '',
        salespersonCode: company.salespersonCode,
        languageCode: finlandSwede ? FINLAND_SWEDISH.languageCode : material.languageCode,
      };
    }
  }
}
