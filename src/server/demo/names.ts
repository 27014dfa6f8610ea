/**
 * Name material and national conventions for generated contacts: the demo tenant (demo-dataset.ts)
 * and the benchmark data (bench/lib/synthetic-contacts.ts) draw on the same lists, so both look like
 * the Nordic, Benelux and German customer base Rapport is built for.
 *
 * Everything here is data or a pure function of its arguments. Randomness comes from the seeded
 * {@link createRandom}, never from Math.random, so a seed always gives the same contacts.
 */

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

/** A deterministic source of random choices. */
export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** true with the given probability (0..1). */
  chance(probability: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
};

/**
 * mulberry32: a 32-bit generator that is fast (one call per draw, which matters at a million
 * contacts), has no dependency, and gives the same sequence for a seed on every platform.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      // The lists are static data; an empty one is a programming error, not a runtime condition.
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

/** The list in a random order (Fisher–Yates); the input is left as it is. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = random.int(index + 1);
    const a = result[index] as T;
    result[index] = result[other] as T;
    result[other] = a;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// ASCII folding
// ---------------------------------------------------------------------------------------------

/**
 * How ä, ö and ü are folded. Swedes, Finns and Norwegians drop the dots in addresses
 * (Bergström → bergstrom, Päivi → paivi); Germans spell them out (Müller → mueller), because
 * "muller" reads as a different name to them.
 */
export type UmlautFolding = 'strip' | 'expand';

// Letters that Unicode decomposition does not reduce to ASCII (æ, ø, ß, …), and punctuation with an
// ASCII twin. Upper-case expansions are written out in full; see foldToAscii for title case.
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ß: 'ss', ẞ: 'SS', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D',
  đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ı: 'i', ĳ: 'ij', Ĳ: 'IJ', ŋ: 'ng', Ŋ: 'NG',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"',
  '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-', '\u00a0': ' ', '\u00ab': '"', '\u00bb': '"',
};
const GERMAN_UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'AE', Ö: 'OE', Ü: 'UE' };
const COMBINING_MARKS = /\p{M}/gu;
const LOWER_CASE_LETTER = /\p{Ll}/u;

/**
 * The text in plain ASCII, as people spell their names in e-mail addresses and domains: marks are
 * dropped (å → a, é → e, ë → e), letters without an ASCII base are spelt out (ø → o, æ → ae,
 * ß → ss, þ → th), and ä/ö/ü follow `umlauts`. An upper-case letter that becomes two keeps title
 * case before a lower-case letter (Ærø → Aero, Übel → Uebel) and stays upper-case otherwise
 * (ÆRØ → AERO), except the Dutch Ĳ, which is always IJ (Ĳssel → IJssel). Characters with no ASCII spelling (emoji, CJK) are dropped. Case is kept; callers
 * lower-case for addresses.
 */
export function foldToAscii(value: string, umlauts: UmlautFolding = 'strip'): string {
  const characters = [...value.normalize('NFC')];
  let result = '';
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] as string;
    if (character.charCodeAt(0) < 0x80) {
      result += character;
      continue;
    }
    const folded = (umlauts === 'expand' ? GERMAN_UMLAUTS[character] : undefined) ?? SPECIAL_FOLDS[character];
    if (folded !== undefined) {
      const following = characters[index + 1];
      // Dutch capitalises both letters of the ij digraph (IJssel), so Ĳ never becomes "Ij".
      const titleCase =
        character !== 'Ĳ' && folded.length > 1 && folded === folded.toUpperCase() && following !== undefined && LOWER_CASE_LETTER.test(following);
      result += titleCase ? (folded[0] as string) + folded.slice(1).toLowerCase() : folded;
      continue;
    }
    const stripped = character.normalize('NFD').replace(COMBINING_MARKS, '');
    // Keep what decomposed to ASCII; anything else has no sensible ASCII spelling.
    if (/^[\x20-\x7e]+$/.test(stripped)) result += stripped;
  }
  return result;
}

/**
 * One e-mail local part from name parts: folded, lower-case, letters, digits and inner hyphens only
 * (Hans-Peter stays hans-peter, "van der" becomes vander), parts joined with dots, empty parts
 * skipped.
 */
export function emailLocalPart(parts: readonly string[], umlauts: UmlautFolding = 'strip'): string {
  return parts
    .map((part) =>
      foldToAscii(part, umlauts)
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter((part) => part !== '')
    .join('.');
}

/** A domain label from a company name: folded, lower-case, words joined by single hyphens. */
export function domainLabel(text: string, umlauts: UmlautFolding = 'strip'): string {
  return foldToAscii(text, umlauts)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

export const COUNTRY_CODES = ['SE', 'NO', 'DK', 'FI', 'NL', 'BE', 'DE'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/**
 * A real city with real post codes of it, in the country's own format, and the trunk code of its
 * landlines (without the national 0; Norway and Denmark have no area codes, so it is the first
 * digits their landlines in that city share).
 */
export type City = { name: string; postCodes: readonly string[]; areaCode: string };

/** A job title in its masculine and feminine form (only German tells them apart here). */
export type JobTitle = { male: string; female: string };

export type Gender = 'female' | 'male';

export type CountryMaterial = {
  countryRegionCode: CountryCode;
  /** Business Central's language code (Windows three-letter code): SVE, NOR, DAN, FIN, NLD, NLB, DEU. */
  languageCode: string;
  /** Business Central's Format Region, a locale tag. */
  formatRegion: string;
  umlauts: UmlautFolding;
  femaleFirstNames: readonly string[];
  maleFirstNames: readonly string[];
  /** Dutch surnames carry their tussenvoegsel ("van der Meer"); see {@link splitDutchSurname}. */
  surnames: readonly string[];
  /** Trade words companies are named after (Verktyg, Werkzeuge, …). */
  trades: readonly string[];
  /** Regional words companies are named after (Norrlands, Rheinische, …). */
  regions: readonly string[];
  /** Legal forms, repeated to weight the common ones. Always written after the name. */
  legalForms: readonly string[];
  streets: readonly string[];
  /** What goes in Address 2 when a company gives more than its street (building, hall, unit). */
  address2Options: readonly string[];
  cities: readonly City[];
  /** Mailboxes companies publish as their general address. */
  companyMailboxes: readonly string[];
  /** A purchasing department's shared mailbox. */
  purchasingMailbox: string;
  /** Job titles; the first is the managing director, the one every company has. */
  jobTitles: readonly JobTitle[];
  /** The title of someone who works for themselves (consultants, sales agents). */
  selfEmployedTitle: JobTitle;
};

const same = (title: string): JobTitle => ({ male: title, female: title });
const titles = (...list: readonly string[]): JobTitle[] => list.map(same);

const SWEDEN: CountryMaterial = {
  countryRegionCode: 'SE',
  languageCode: 'SVE',
  formatRegion: 'sv-SE',
  umlauts: 'strip',
  femaleFirstNames: ['Anna', 'Eva', 'Maria', 'Karin', 'Kristina', 'Lena', 'Åsa', 'Ingrid', 'Sara', 'Elin', 'Linnéa', 'Emma', 'Maja', 'Helena', 'Ulrika', 'Malin', 'Sofia', 'Johanna', 'Märta', 'Annika', 'Cecilia', 'Therese', 'Britt', 'Agneta', 'Ebba', 'Frida'],
  maleFirstNames: ['Anders', 'Johan', 'Erik', 'Lars', 'Karl', 'Per', 'Mikael', 'Magnus', 'Björn', 'Göran', 'Nils', 'Jonas', 'Fredrik', 'Stefan', 'Mats', 'Henrik', 'Oskar', 'Gustav', 'Olof', 'Håkan', 'Jörgen', 'Pär', 'Linus', 'Viktor', 'Torbjörn', 'Sören'],
  surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jönsson', 'Lindberg', 'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Axelsson', 'Bergström', 'Lundberg', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Håkansson', 'Björk', 'Bergman', 'Wikström', 'Isaksson', 'Nyström', 'Holmberg', 'Löfgren', 'Söderberg', 'Blomqvist', 'Nordström', 'Åberg', 'Mårtensson', 'Öberg', 'Sjögren', 'Hägglund', 'Ekström', 'Strömberg'],
  trades: ['Verktyg', 'Maskin', 'Stål', 'Bygg', 'Förpackning', 'Elektro', 'Hydraulik', 'VVS', 'Logistik', 'Industri', 'Plast', 'Järn', 'Trä', 'Lack'],
  regions: ['Norrlands', 'Smålands', 'Värmlands', 'Mälardalens', 'Skånska', 'Västsvenska', 'Dalarnas', 'Hallands'],
  legalForms: ['AB'],
  streets: ['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Industrigatan', 'Hamngatan', 'Järnvägsgatan', 'Verkstadsgatan', 'Fabriksgatan', 'Nygatan', 'Östra Hamngatan', 'Västra Vägen', 'Lagergatan', 'Smedjegatan', 'Åkaregatan', 'Hantverkargatan', 'Bruksgatan', 'Ringvägen', 'Företagsvägen', 'Sveavägen', 'Götgatan'],
  address2Options: ['Hus 2', 'Hus B', 'Port 4', 'Lager 3', 'Plan 2'],
  cities: [
    { name: 'Stockholm', postCodes: ['111 20', '111 52', '113 56', '114 55', '116 45', '117 43'], areaCode: '8' },
    { name: 'Göteborg', postCodes: ['411 05', '411 36', '413 27', '415 02', '417 05'], areaCode: '31' },
    { name: 'Malmö', postCodes: ['211 19', '211 46', '212 15', '214 22'], areaCode: '40' },
    { name: 'Uppsala', postCodes: ['752 28', '753 20', '754 50'], areaCode: '18' },
    { name: 'Västerås', postCodes: ['721 30', '722 11', '724 62'], areaCode: '21' },
    { name: 'Örebro', postCodes: ['702 10', '703 61'], areaCode: '19' },
    { name: 'Linköping', postCodes: ['582 22', '583 30', '587 58'], areaCode: '13' },
    { name: 'Jönköping', postCodes: ['553 02', '553 16', '554 54'], areaCode: '36' },
    { name: 'Norrköping', postCodes: ['602 24', '603 61'], areaCode: '11' },
    { name: 'Helsingborg', postCodes: ['252 21', '254 64'], areaCode: '42' },
    { name: 'Borås', postCodes: ['503 38', '504 62'], areaCode: '33' },
    { name: 'Sundsvall', postCodes: ['852 30', '856 50'], areaCode: '60' },
    { name: 'Umeå', postCodes: ['903 26', '906 20'], areaCode: '90' },
    { name: 'Gävle', postCodes: ['802 50', '803 09'], areaCode: '26' },
  ],
  companyMailboxes: ['info', 'kontakt', 'order'],
  purchasingMailbox: 'inkop',
  jobTitles: titles('VD', 'Inköpschef', 'Ekonomichef', 'Lagerchef', 'Produktionschef', 'Inköpare', 'Teknisk chef', 'Försäljningschef', 'Logistikansvarig', 'Kvalitetschef'),
  selfEmployedTitle: same('Konsult'),
};

const NORWAY: CountryMaterial = {
  countryRegionCode: 'NO',
  languageCode: 'NOR',
  formatRegion: 'nb-NO',
  umlauts: 'strip',
  femaleFirstNames: ['Anne', 'Ingrid', 'Kari', 'Marit', 'Liv', 'Hilde', 'Kristin', 'Silje', 'Ingvild', 'Åse', 'Solveig', 'Randi', 'Tone', 'Guro', 'Ragnhild', 'Sigrid', 'Ida', 'Nora', 'Ingeborg', 'Tuva', 'Hege', 'Marte', 'Bente', 'Siri', 'Åshild', 'Bjørg'],
  maleFirstNames: ['Ole', 'Lars', 'Knut', 'Jan', 'Per', 'Bjørn', 'Arne', 'Svein', 'Geir', 'Terje', 'Øyvind', 'Ørjan', 'Øystein', 'Håkon', 'Sigurd', 'Eirik', 'Magnus', 'Kristian', 'Espen', 'Trond', 'Rune', 'Stian', 'Vegard', 'Jørgen', 'Halvard', 'Tor Arne'],
  surnames: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Haugland', 'Strand', 'Bakken', 'Solberg', 'Lunde', 'Moen', 'Halvorsen', 'Sæther', 'Jacobsen', 'Gundersen', 'Ødegård', 'Bråthen', 'Løvås', 'Aasen', 'Myhre', 'Nygård', 'Tangen', 'Sandvik', 'Rønning', 'Ruud', 'Vik', 'Kvalheim', 'Økland', 'Fjeld', 'Brekke', 'Lie', 'Dahle', 'Aune', 'Stene', 'Hovland', 'Bøe', 'Kleppe', 'Skaar'],
  trades: ['Maskin', 'Verktøy', 'Stål', 'Bygg', 'Elektro', 'Industri', 'Trelast', 'Hydraulikk', 'Emballasje', 'Transport', 'Sveis', 'Rør', 'Plast', 'Teknikk'],
  regions: ['Vestland', 'Nordland', 'Trøndelag', 'Fjord', 'Agder', 'Rogaland', 'Hardanger', 'Mjøs'],
  legalForms: ['AS', 'AS', 'AS', 'AS', 'ASA'],
  streets: ['Storgata', 'Kongens gate', 'Dronningens gate', 'Industriveien', 'Strandveien', 'Karl Johans gate', 'Sandakerveien', 'Økernveien', 'Brynsveien', 'Havnegata', 'Verkstedveien', 'Lilleakerveien', 'Kirkegata', 'Nedre Slottsgate', 'Sjøgata', 'Fjordveien', 'Grensen', 'Nordre gate'],
  address2Options: ['Bygg B', 'Inngang 2', '2. etasje', 'Lager 4'],
  cities: [
    { name: 'Oslo', postCodes: ['0150', '0158', '0250', '0484', '0581', '0668'], areaCode: '22' },
    { name: 'Bergen', postCodes: ['5003', '5014', '5058', '5147'], areaCode: '55' },
    { name: 'Trondheim', postCodes: ['7010', '7030', '7042', '7080'], areaCode: '73' },
    { name: 'Stavanger', postCodes: ['4005', '4010', '4021'], areaCode: '51' },
    { name: 'Kristiansand', postCodes: ['4610', '4631'], areaCode: '38' },
    { name: 'Drammen', postCodes: ['3015', '3040'], areaCode: '32' },
    { name: 'Tromsø', postCodes: ['9008', '9016'], areaCode: '77' },
    { name: 'Sandnes', postCodes: ['4306', '4313'], areaCode: '51' },
    { name: 'Fredrikstad', postCodes: ['1606', '1632'], areaCode: '69' },
    { name: 'Ålesund', postCodes: ['6002', '6011'], areaCode: '70' },
  ],
  companyMailboxes: ['post', 'firmapost', 'ordre'],
  purchasingMailbox: 'innkjop',
  jobTitles: titles('Daglig leder', 'Innkjøpssjef', 'Økonomisjef', 'Lagersjef', 'Produksjonssjef', 'Innkjøper', 'Teknisk sjef', 'Salgssjef', 'Logistikkansvarlig', 'Kvalitetsleder'),
  selfEmployedTitle: same('Selvstendig konsulent'),
};

const DENMARK: CountryMaterial = {
  countryRegionCode: 'DK',
  languageCode: 'DAN',
  formatRegion: 'da-DK',
  umlauts: 'strip',
  femaleFirstNames: ['Mette', 'Hanne', 'Lone', 'Birgitte', 'Pernille', 'Camilla', 'Louise', 'Sofie', 'Ida', 'Maja', 'Signe', 'Karina', 'Susanne', 'Trine', 'Lærke', 'Rikke', 'Gitte', 'Dorthe', 'Malene', 'Maren', 'Astrid', 'Tove', 'Bodil', 'Søs'],
  maleFirstNames: ['Søren', 'Jørgen', 'Niels', 'Jens', 'Lars', 'Henrik', 'Mads', 'Rasmus', 'Mikkel', 'Anders', 'Morten', 'Jesper', 'Kasper', 'Frederik', 'Christian', 'Bjarne', 'Poul', 'Ole', 'Torben', 'Kåre', 'Bjørn', 'Steen', 'Carsten', 'Jens Peter'],
  surnames: ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Olesen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund', 'Holm', 'Clausen', 'Svendsen', 'Iversen', 'Østergaard', 'Jeppesen', 'Vestergaard', 'Nissen', 'Lauridsen', 'Kjær', 'Mogensen', 'Skov', 'Nørgaard', 'Bech', 'Søndergaard', 'Kjærgaard', 'Mølgaard', 'Højgaard', 'Bæk', 'Dalsgaard', 'Friis'],
  trades: ['Værktøj', 'Maskiner', 'Stål', 'Byg', 'El', 'Industri', 'Emballage', 'Hydraulik', 'Trælast', 'Teknik', 'VVS', 'Plast', 'Beslag', 'Transport'],
  regions: ['Fynsk', 'Sjællandsk', 'Nordjysk', 'Vestjysk', 'Østjysk', 'Sønderjysk', 'Øresund', 'Limfjord'],
  legalForms: ['ApS', 'ApS', 'A/S'],
  streets: ['Vesterbrogade', 'Nørregade', 'Østergade', 'Industrivej', 'Havnegade', 'Strandvejen', 'Hovedgaden', 'Søndergade', 'Jernbanegade', 'Vestergade', 'Fabriksvej', 'Håndværkervej', 'Erhvervsvej', 'Kongevejen', 'Gammel Kongevej', 'Åboulevarden', 'Sønder Allé', 'Smedevej'],
  address2Options: ['Bygning 2', 'Port B', 'Hal 3', 'Indgang C'],
  cities: [
    { name: 'København K', postCodes: ['1050', '1150', '1260', '1300', '1411'], areaCode: '33' },
    { name: 'København V', postCodes: ['1620', '1799'], areaCode: '33' },
    { name: 'Aarhus C', postCodes: ['8000'], areaCode: '86' },
    { name: 'Aarhus N', postCodes: ['8200'], areaCode: '86' },
    { name: 'Odense C', postCodes: ['5000'], areaCode: '66' },
    { name: 'Aalborg', postCodes: ['9000'], areaCode: '98' },
    { name: 'Esbjerg', postCodes: ['6700'], areaCode: '75' },
    { name: 'Vejle', postCodes: ['7100'], areaCode: '75' },
    { name: 'Kolding', postCodes: ['6000'], areaCode: '75' },
    { name: 'Horsens', postCodes: ['8700'], areaCode: '75' },
    { name: 'Randers C', postCodes: ['8900'], areaCode: '86' },
    { name: 'Herning', postCodes: ['7400'], areaCode: '97' },
    { name: 'Glostrup', postCodes: ['2600'], areaCode: '43' },
    { name: 'Roskilde', postCodes: ['4000'], areaCode: '46' },
  ],
  companyMailboxes: ['info', 'kontakt', 'ordre'],
  purchasingMailbox: 'indkob',
  jobTitles: titles('Adm. direktør', 'Indkøbschef', 'Økonomichef', 'Lagerchef', 'Produktionschef', 'Indkøber', 'Teknisk chef', 'Salgschef', 'Logistikansvarlig', 'Kvalitetschef'),
  selfEmployedTitle: same('Selvstændig konsulent'),
};

const FINLAND: CountryMaterial = {
  countryRegionCode: 'FI',
  languageCode: 'FIN',
  formatRegion: 'fi-FI',
  umlauts: 'strip',
  femaleFirstNames: ['Päivi', 'Tiina', 'Sanna', 'Anne', 'Minna', 'Satu', 'Johanna', 'Kaisa', 'Riikka', 'Hanna', 'Laura', 'Elina', 'Heidi', 'Katja', 'Sari', 'Henna', 'Jaana', 'Mervi', 'Tuula', 'Aino', 'Eeva', 'Säde', 'Siiri', 'Marjaana', 'Pirjo', 'Anu'],
  maleFirstNames: ['Jyrki', 'Mikko', 'Juha', 'Jukka', 'Matti', 'Timo', 'Kari', 'Antti', 'Ville', 'Sami', 'Janne', 'Tuomas', 'Pekka', 'Heikki', 'Jari', 'Markku', 'Esa', 'Tero', 'Olli', 'Jussi', 'Ilkka', 'Petteri', 'Väinö', 'Eero', 'Lauri', 'Risto'],
  // No surnames ending in -i: their genitive needs consonant gradation (Lahti → Lahden), which
  // finnishGenitive does not attempt.
  surnames: ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen', 'Väisänen', 'Räsänen', 'Hyvönen', 'Lindqvist', 'Kettunen', 'Leppänen', 'Hirvonen', 'Manninen', 'Peltonen', 'Kärkkäinen', 'Aaltonen', 'Pöllänen', 'Vainio', 'Koivisto', 'Ojala', 'Halonen'],
  trades: ['Kone', 'Teräs', 'Työkalu', 'Rakennustarvike', 'Sähkö', 'Pakkaus', 'Metalli', 'Hydrauliikka', 'Tekniikka', 'Logistiikka', 'Laite', 'Muovi', 'Puu', 'Putki'],
  regions: ['Pohjolan', 'Suomen', 'Savon', 'Karjalan', 'Hämeen', 'Lapin', 'Pirkan', 'Satakunnan'],
  legalForms: ['Oy', 'Oy', 'Oy', 'Oy', 'Oyj'],
  streets: ['Mannerheimintie', 'Aleksanterinkatu', 'Teollisuuskatu', 'Hämeenkatu', 'Satamakatu', 'Tehtaankatu', 'Puistokatu', 'Asemakatu', 'Kauppakatu', 'Itäinen Pitkäkatu', 'Yliopistonkatu', 'Teollisuustie', 'Sähkötie', 'Valimotie', 'Rautatienkatu', 'Kirkkokatu', 'Läntinen Rantakatu', 'Konepajankuja'],
  address2Options: ['Rakennus B', 'Halli 3', 'Ovi 2', '3. krs'],
  cities: [
    { name: 'Helsinki', postCodes: ['00100', '00120', '00180', '00380', '00510', '00880'], areaCode: '9' },
    { name: 'Espoo', postCodes: ['02100', '02150', '02600', '02630'], areaCode: '9' },
    { name: 'Vantaa', postCodes: ['01300', '01510', '01740'], areaCode: '9' },
    { name: 'Tampere', postCodes: ['33100', '33200', '33720'], areaCode: '3' },
    { name: 'Turku', postCodes: ['20100', '20240', '20520'], areaCode: '2' },
    { name: 'Oulu', postCodes: ['90100', '90220', '90460'], areaCode: '8' },
    { name: 'Jyväskylä', postCodes: ['40100', '40320'], areaCode: '14' },
    { name: 'Lahti', postCodes: ['15100', '15140'], areaCode: '3' },
    { name: 'Kuopio', postCodes: ['70100', '70620'], areaCode: '17' },
    { name: 'Vaasa', postCodes: ['65100', '65380'], areaCode: '6' },
    { name: 'Pori', postCodes: ['28100', '28130'], areaCode: '2' },
  ],
  companyMailboxes: ['info', 'myynti', 'tilaukset'],
  purchasingMailbox: 'hankinta',
  jobTitles: titles('Toimitusjohtaja', 'Hankintapäällikkö', 'Talouspäällikkö', 'Varastopäällikkö', 'Tuotantopäällikkö', 'Ostaja', 'Tekninen johtaja', 'Myyntipäällikkö', 'Logistiikkapäällikkö', 'Laatupäällikkö'),
  selfEmployedTitle: same('Konsultti'),
};

const NETHERLANDS: CountryMaterial = {
  countryRegionCode: 'NL',
  languageCode: 'NLD',
  formatRegion: 'nl-NL',
  umlauts: 'strip',
  femaleFirstNames: ['Anouk', 'Femke', 'Sanne', 'Lotte', 'Marieke', 'Ingrid', 'Anne', 'Inge', 'Esther', 'Mirjam', 'Sophie', 'Eva', 'Fleur', 'Iris', 'Lieke', 'Linda', 'Maaike', 'Renée', 'Noor', 'Roos', 'Bregje', 'Marloes', 'Daniëlle', 'Zoë', 'Ilse', 'Jolien'],
  maleFirstNames: ['Jan', 'Pieter', 'Hendrik', 'Willem', 'Johannes', 'Cornelis', 'Gerrit', 'Maarten', 'Bram', 'Daan', 'Sander', 'Joost', 'Bas', 'Ruud', 'Mark', 'Jeroen', 'Thijs', 'Sjoerd', 'Wouter', 'Koen', 'Niels', 'Rutger', 'Teun', 'Floris', 'Jelle', 'Michiel'],
  surnames: ['de Vries', 'van Dijk', 'van den Berg', 'de Jong', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'de Haan', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'van der Heijden', 'Schouten', 'van Beek', 'van Vliet', 'van de Ven', 'Hoekstra', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Huisman', 'Kuipers', 'Veenstra', 'Scholten', 'van Wijk', 'Postma', 'ter Horst', 'Timmermans', 'de Ruiter', 'van Loon', 'Verbeek'],
  trades: ['Techniek', 'Metaal', 'Gereedschap', 'Installatie', 'Verpakking', 'Hydrauliek', 'Handel', 'Bouw', 'Logistiek', 'Industrie', 'Kunststof', 'Machines', 'Staal', 'Elektro'],
  regions: ['Brabantse', 'Twentse', 'Limburgse', 'Zeeuwse', 'Friese', 'Gelderse', 'Hollandse', 'Rijnmond'],
  legalForms: ['B.V.', 'B.V.', 'B.V.', 'B.V.', 'N.V.'],
  streets: ['Kerkstraat', 'Dorpsstraat', 'Industrieweg', 'Havenstraat', 'Stationsweg', 'Nijverheidsweg', 'Energieweg', 'Marconistraat', 'Edisonweg', 'Admiraal de Ruyterweg', 'Keizersgracht', 'Weena', 'Coolsingel', 'Ambachtsweg', 'Handelsweg', 'Transportweg', 'Laan van Nieuw Oost-Indië', 'Zuiderzeelaan'],
  address2Options: ['Unit 4', 'Hal 2', 'Gebouw B', '2e verdieping'],
  cities: [
    { name: 'Amsterdam', postCodes: ['1012 JS', '1017 CE', '1043 DP', '1096 AS', '1101 BA'], areaCode: '20' },
    { name: 'Rotterdam', postCodes: ['3011 AD', '3012 CL', '3045 AP', '3071 AA'], areaCode: '10' },
    { name: 'Utrecht', postCodes: ['3511 AX', '3526 KS', '3542 DZ'], areaCode: '30' },
    { name: 'Den Haag', postCodes: ['2511 CV', '2595 AN'], areaCode: '70' },
    { name: 'Eindhoven', postCodes: ['5611 AZ', '5652 AG'], areaCode: '40' },
    { name: 'Tilburg', postCodes: ['5038 CB', '5048 AB'], areaCode: '13' },
    { name: 'Groningen', postCodes: ['9711 LM', '9723 JA'], areaCode: '50' },
    { name: 'Breda', postCodes: ['4811 BB', '4817 ZA'], areaCode: '76' },
    { name: 'Zwolle', postCodes: ['8011 CW', '8031 AB'], areaCode: '38' },
    { name: 'Arnhem', postCodes: ['6811 DJ', '6827 AV'], areaCode: '26' },
    { name: 'Venlo', postCodes: ['5911 HA', '5928 PA'], areaCode: '77' },
    { name: 'Veenendaal', postCodes: ['3905 AA', '3903 LX'], areaCode: '318' },
  ],
  companyMailboxes: ['info', 'verkoop', 'orders'],
  purchasingMailbox: 'inkoop',
  jobTitles: titles('Directeur', 'Inkoopmanager', 'Financieel manager', 'Magazijnchef', 'Productiemanager', 'Inkoper', 'Technisch manager', 'Verkoopmanager', 'Logistiek manager', 'Kwaliteitsmanager'),
  selfEmployedTitle: same('Zelfstandig adviseur'),
};

const BELGIUM: CountryMaterial = {
  countryRegionCode: 'BE',
  // Flemish Belgium: Business Central's Dutch (Belgium) language, not NLD, so documents get
  // Belgian wording and formats.
  languageCode: 'NLB',
  formatRegion: 'nl-BE',
  umlauts: 'strip',
  femaleFirstNames: ['An', 'Els', 'Katrien', 'Sofie', 'Liesbeth', 'Griet', 'Hilde', 'Veerle', 'Inge', 'Nathalie', 'Sarah', 'Lien', 'Lore', 'Femke', 'Elke', 'Evelien', 'Fien', 'Jolien', 'Hanne', 'Annelies', 'Leen', 'Céline', 'Tine', 'Ine', 'Mieke', 'Lotte'],
  maleFirstNames: ['Jan', 'Pieter', 'Wim', 'Dirk', 'Luc', 'Marc', 'Bart', 'Geert', 'Koen', 'Tom', 'Jef', 'Stijn', 'Wouter', 'Filip', 'Joris', 'Gert', 'Kris', 'Pieterjan', 'Jonas', 'Arne', 'Lander', 'Seppe', 'Wout', 'Ruben', 'Jens', 'Frederik'],
  // Flemish prefixes are part of the surname and capitalised (De Smet, Van den Broeck) and are
  // sorted under D and V, unlike Dutch tussenvoegsels.
  surnames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Vermeulen', 'Van den Broeck', 'Van Damme', 'Hermans', 'Martens', 'Pauwels', 'Aerts', 'De Vos', 'Verhoeven', 'Van Dyck', 'De Clercq', 'Lambrechts', 'Michiels', 'Verbruggen', 'Segers', 'Claeys', 'Smets', 'Cools', 'Van de Velde', 'De Backer', 'Verstraete', 'Van Acker', 'Coppens', 'Stevens', 'Van Hove', 'Vandenberghe', 'De Cock', 'Bogaert', 'Verschueren', 'Van Hecke', 'Wuyts', 'Vervoort', 'Dewulf', 'De Meyer', 'Van Laere', 'Baert', 'Geerts', 'Vanhoutte'],
  trades: ['Metaalbouw', 'Techniek', 'Gereedschap', 'Verpakking', 'Hydrauliek', 'Bouwmaterialen', 'Logistiek', 'Elektro', 'Industrie', 'Machinebouw', 'Staal', 'Kunststoffen', 'Hout', 'IJzerwaren'],
  regions: ['Vlaamse', 'Kempense', 'Antwerpse', 'Gentse', 'Brugse', 'Limburgse', 'Waaslandse', 'Westvlaamse'],
  legalForms: ['BV', 'BV', 'NV', 'BVBA'],
  streets: ['Meir', 'Kouter', 'Nijverheidsstraat', 'Industrielaan', 'Stationsstraat', 'Kerkstraat', 'Brusselsesteenweg', 'Antwerpsesteenweg', 'Kortrijksesteenweg', 'Noorderlaan', 'Havenlaan', 'Ambachtsstraat', 'Bredabaan', 'Grote Markt', 'Veldstraat', 'Koningin Astridlaan', 'Lindenlaan', 'Ringlaan'],
  address2Options: ['Unit 3', 'Blok B', 'Hal 2', 'Gebouw C'],
  cities: [
    { name: 'Antwerpen', postCodes: ['2000', '2018', '2030'], areaCode: '3' },
    { name: 'Gent', postCodes: ['9000', '9050'], areaCode: '9' },
    { name: 'Brugge', postCodes: ['8000', '8200'], areaCode: '50' },
    { name: 'Leuven', postCodes: ['3000', '3001'], areaCode: '16' },
    { name: 'Mechelen', postCodes: ['2800'], areaCode: '15' },
    { name: 'Hasselt', postCodes: ['3500'], areaCode: '11' },
    { name: 'Kortrijk', postCodes: ['8500'], areaCode: '56' },
    { name: 'Aalst', postCodes: ['9300'], areaCode: '53' },
    { name: 'Genk', postCodes: ['3600'], areaCode: '89' },
    { name: 'Roeselare', postCodes: ['8800'], areaCode: '51' },
    { name: 'Sint-Niklaas', postCodes: ['9100'], areaCode: '3' },
    { name: 'Turnhout', postCodes: ['2300'], areaCode: '14' },
  ],
  companyMailboxes: ['info', 'verkoop', 'bestellingen'],
  purchasingMailbox: 'aankoop',
  jobTitles: titles('Zaakvoerder', 'Aankoopverantwoordelijke', 'Financieel directeur', 'Magazijnverantwoordelijke', 'Productieverantwoordelijke', 'Aankoper', 'Technisch directeur', 'Verkoopverantwoordelijke', 'Logistiek verantwoordelijke', 'Kwaliteitsverantwoordelijke'),
  selfEmployedTitle: same('Zelfstandig consultant'),
};

const GERMANY: CountryMaterial = {
  countryRegionCode: 'DE',
  languageCode: 'DEU',
  formatRegion: 'de-DE',
  umlauts: 'expand',
  femaleFirstNames: ['Katrin', 'Sabine', 'Petra', 'Andrea', 'Claudia', 'Susanne', 'Birgit', 'Anja', 'Nicole', 'Stefanie', 'Julia', 'Katharina', 'Jana', 'Lena', 'Sophie', 'Annika', 'Jutta', 'Bärbel', 'Gisela', 'Ute', 'Heike', 'Silke', 'Anne-Kathrin', 'Maren', 'Dörte', 'Franziska'],
  maleFirstNames: ['Hans-Peter', 'Jürgen', 'Jörg', 'Günter', 'Klaus', 'Thomas', 'Michael', 'Andreas', 'Stefan', 'Frank', 'Markus', 'Matthias', 'Christian', 'Tobias', 'Sebastian', 'Florian', 'Maximilian', 'Lukas', 'Björn', 'Uwe', 'Dieter', 'Ralf', 'Sven', 'Karl-Heinz', 'Jens', 'Rüdiger'],
  surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Schmitz', 'Krause', 'Lehmann', 'Köhler', 'Herrmann', 'König', 'Walter', 'Huber', 'Kaiser', 'Fuchs', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Keller', 'Günther', 'Berger', 'Roth', 'Böhm', 'Jäger', 'Groß', 'Brandt', 'Kühn', 'Dietrich'],
  trades: ['Werkzeuge', 'Maschinenbau', 'Metallwaren', 'Stahlhandel', 'Hydraulik', 'Verpackungen', 'Elektrotechnik', 'Antriebstechnik', 'Industriebedarf', 'Befestigungstechnik', 'Kunststofftechnik', 'Logistik', 'Schweißtechnik', 'Armaturen'],
  regions: ['Norddeutsche', 'Hanseatische', 'Rheinische', 'Schwäbische', 'Fränkische', 'Westfälische', 'Sächsische', 'Oberbayerische'],
  legalForms: ['GmbH', 'GmbH', 'GmbH', 'GmbH', 'GmbH & Co. KG', 'AG', 'KG'],
  streets: ['Hauptstraße', 'Bahnhofstraße', 'Industriestraße', 'Gewerbestraße', 'Hafenstraße', 'Lindenstraße', 'Schillerstraße', 'Goethestraße', 'Kaiserstraße', 'Friedrichstraße', 'Mühlenweg', 'Robert-Bosch-Straße', 'Carl-Zeiss-Straße', 'Max-Planck-Straße', 'Werner-von-Siemens-Ring', 'Am Sandtorkai', 'Gutenbergstraße', 'Röntgenstraße', 'Daimlerstraße', 'Am Hafen'],
  address2Options: ['Halle 3', 'Gebäude B', 'Tor 2', 'Hinterhaus', '3. OG'],
  cities: [
    { name: 'Hamburg', postCodes: ['20095', '20457', '21079', '22041', '22525'], areaCode: '40' },
    { name: 'Berlin', postCodes: ['10115', '10178', '10557', '10969', '12099', '13355'], areaCode: '30' },
    { name: 'München', postCodes: ['80331', '80335', '80807', '81379'], areaCode: '89' },
    { name: 'Köln', postCodes: ['50667', '50679', '50829', '51063'], areaCode: '221' },
    { name: 'Frankfurt am Main', postCodes: ['60311', '60327', '60486', '65933'], areaCode: '69' },
    { name: 'Stuttgart', postCodes: ['70173', '70191', '70565'], areaCode: '711' },
    { name: 'Düsseldorf', postCodes: ['40210', '40468', '40549'], areaCode: '211' },
    { name: 'Bremen', postCodes: ['28195', '28197', '28309'], areaCode: '421' },
    { name: 'Hannover', postCodes: ['30159', '30179', '30453'], areaCode: '511' },
    { name: 'Leipzig', postCodes: ['04109', '04129', '04347'], areaCode: '341' },
    { name: 'Dortmund', postCodes: ['44135', '44147', '44263'], areaCode: '231' },
    { name: 'Nürnberg', postCodes: ['90402', '90411', '90451'], areaCode: '911' },
    { name: 'Bielefeld', postCodes: ['33602', '33719'], areaCode: '521' },
    { name: 'Mannheim', postCodes: ['68159', '68219'], areaCode: '621' },
  ],
  companyMailboxes: ['info', 'kontakt', 'vertrieb'],
  purchasingMailbox: 'einkauf',
  jobTitles: [
    { male: 'Geschäftsführer', female: 'Geschäftsführerin' },
    { male: 'Einkaufsleiter', female: 'Einkaufsleiterin' },
    { male: 'Leiter Finanzen', female: 'Leiterin Finanzen' },
    { male: 'Lagerleiter', female: 'Lagerleiterin' },
    { male: 'Produktionsleiter', female: 'Produktionsleiterin' },
    { male: 'Einkäufer', female: 'Einkäuferin' },
    { male: 'Technischer Leiter', female: 'Technische Leiterin' },
    { male: 'Vertriebsleiter', female: 'Vertriebsleiterin' },
    { male: 'Leiter Logistik', female: 'Leiterin Logistik' },
    { male: 'Qualitätsmanager', female: 'Qualitätsmanagerin' },
  ],
  selfEmployedTitle: { male: 'Handelsvertreter', female: 'Handelsvertreterin' },
};

/** The seven countries of the customer base, by Business Central country/region code. */
export const COUNTRIES: Readonly<Record<CountryCode, CountryMaterial>> = {
  SE: SWEDEN,
  NO: NORWAY,
  DK: DENMARK,
  FI: FINLAND,
  NL: NETHERLANDS,
  BE: BELGIUM,
  DE: GERMANY,
};

/**
 * Finland-Swedes: about one Finn in twenty has Swedish as mother tongue and expects Swedish
 * correspondence, which is why a person's Language Code can differ from the company's.
 */
export const FINLAND_SWEDISH = {
  languageCode: 'SVE',
  femaleFirstNames: ['Annika', 'Camilla', 'Mikaela', 'Jessica', 'Linda', 'Sofia', 'Ulrika', 'Maria', 'Pia', 'Susanne'],
  maleFirstNames: ['Mikael', 'Johan', 'Christer', 'Patrik', 'Stefan', 'Fredrik', 'Henrik', 'Anders', 'Mats', 'Kaj'],
  surnames: ['Lindholm', 'Sundström', 'Nyberg', 'Holmberg', 'Lindroos', 'Backman', 'Forsman', 'Ekholm', 'Grönroos', 'Öhman', 'Björklund', 'Sjöblom', 'Westerlund', 'Åkerlund'],
  jobTitles: SWEDEN.jobTitles,
} as const;

/** Private mail providers, all under the reserved `.example` top-level domain (RFC 2606). */
export const FREE_MAIL_DOMAINS = ['freemail.example', 'webpost.example', 'inbox.example', 'postbox.example'] as const;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

const DUTCH_PREFIXES = ['van der', 'van den', 'van de', 'van', 'de', 'der', 'den', 'ter', 'te'] as const;

/**
 * A Dutch surname split into its tussenvoegsel and the name it is sorted under:
 * "van der Meer" → { prefix: 'van der', name: 'Meer' }, "Jansen" → { prefix: '', name: 'Jansen' }.
 * Rapport keeps the prefix in Middle Name, so Name reads "Jan van der Meer" while lists sort
 * under M, as Dutch phone books do.
 */
export function splitDutchSurname(surname: string): { prefix: string; name: string } {
  for (const prefix of DUTCH_PREFIXES) {
    if (surname.startsWith(`${prefix} `)) return { prefix, name: surname.slice(prefix.length + 1) };
  }
  return { prefix: '', name: surname };
}

/** A person's name as the contact stores it (§2.5): first, middle and surname. */
export type PersonName = { firstName: string; middleName: string; surname: string; gender: Gender };

/**
 * A random person of the country. Dutch tussenvoegsels go to Middle Name; elsewhere some people
 * carry a second given name there (common in Sweden, Finland and Germany). `middleNameShare` is
 * the share of non-Dutch people with a second given name.
 */
export function randomPersonName(material: CountryMaterial, random: Random, middleNameShare = 0.1): PersonName {
  const gender: Gender = random.chance(0.5) ? 'female' : 'male';
  const firstNames = gender === 'female' ? material.femaleFirstNames : material.maleFirstNames;
  const firstName = random.pick(firstNames);
  const drawn = random.pick(material.surnames);
  if (material.countryRegionCode === 'NL') {
    const { prefix, name } = splitDutchSurname(drawn);
    return { firstName, middleName: prefix, surname: name, gender };
  }
  let middleName = '';
  if (material.countryRegionCode !== 'BE' && random.chance(middleNameShare)) {
    const second = random.pick(firstNames);
    if (second !== firstName && !second.includes(' ')) middleName = second;
  }
  return { firstName, middleName, surname: drawn, gender };
}

/** The contact's Name from its parts: non-empty parts joined by single spaces (§2.5). */
export const fullName = (parts: { firstName: string; middleName: string; surname: string }): string =>
  [parts.firstName, parts.middleName, parts.surname].filter((part) => part !== '').join(' ');

/**
 * The surname as it is written in an address (tussenvoegsel included, second given name not):
 * "van der Meer" for a Dutch person, else the surname.
 */
export const addressSurname = (material: CountryMaterial, name: { middleName: string; surname: string }): string =>
  material.countryRegionCode === 'NL' && name.middleName !== '' ? `${name.middleName} ${name.surname}` : name.surname;

// ---------------------------------------------------------------------------------------------
// Company names
// ---------------------------------------------------------------------------------------------

/**
 * The genitive Finnish company names use ("Virtasen Kone Oy"): -nen → -sen, a final -e takes
 * -en (Laine → Laineen), anything else takes -n. Surnames ending in -i are left out of the lists.
 */
export function finnishGenitive(surname: string): string {
  if (surname.endsWith('nen')) return `${surname.slice(0, -3)}sen`;
  if (surname.endsWith('e')) return `${surname}en`;
  return `${surname}n`;
}

/** A Dutch surname at the start of a company name: the tussenvoegsel is capitalised (Van der Meer). */
const capitalised = (text: string): string => (text === '' ? text : text.charAt(0).toUpperCase() + text.slice(1));

/** A surname as a company is named after it, per country. */
const companySurname = (material: CountryMaterial, surname: string): string =>
  material.countryRegionCode === 'FI' ? finnishGenitive(surname) : capitalised(surname);

/**
 * The ways companies are named, in every country: after a family ("Bergström Verktyg"), a
 * region ("Norrlands Stål"), two partners ("Jensen & Møller") or a family and two trades
 * ("Lindqvist Stål & Plåt"). Each is a space of combinations addressed by an index, so the
 * benchmark can walk all of them without storing any.
 */
type StemPattern = { size: (m: CountryMaterial) => number; at: (m: CountryMaterial, index: number) => string };

const at = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

const STEM_PATTERNS: readonly StemPattern[] = [
  {
    size: (m) => m.surnames.length * m.trades.length,
    at: (m, i) => `${companySurname(m, at(m.surnames, i % m.surnames.length))} ${at(m.trades, Math.floor(i / m.surnames.length))}`,
  },
  {
    size: (m) => m.regions.length * m.trades.length,
    at: (m, i) => `${at(m.regions, i % m.regions.length)} ${at(m.trades, Math.floor(i / m.regions.length))}`,
  },
  {
    // Ordered pairs of different surnames; the partners' names stay in the nominative everywhere.
    size: (m) => m.surnames.length * (m.surnames.length - 1),
    at: (m, i) => {
      const first = i % m.surnames.length;
      const second = (first + 1 + Math.floor(i / m.surnames.length)) % m.surnames.length;
      return `${capitalised(at(m.surnames, first))} & ${capitalised(at(m.surnames, second))}`;
    },
  },
  {
    size: (m) => m.surnames.length * m.trades.length * (m.trades.length - 1),
    at: (m, i) => {
      const surname = i % m.surnames.length;
      const rest = Math.floor(i / m.surnames.length);
      const trade = rest % m.trades.length;
      const other = (trade + 1 + Math.floor(rest / m.trades.length)) % m.trades.length;
      return `${companySurname(m, at(m.surnames, surname))} ${at(m.trades, trade)} & ${at(m.trades, other)}`;
    },
  },
];

/** How many company name stems the country's material gives (all patterns together). */
export const companyStemCount = (material: CountryMaterial): number => STEM_PATTERNS.reduce((sum, pattern) => sum + pattern.size(material), 0);

/** The company name stem (the name without its legal form) at `index` in [0, companyStemCount). */
export function companyStemAt(material: CountryMaterial, index: number): string {
  let rest = index;
  for (const pattern of STEM_PATTERNS) {
    const size = pattern.size(material);
    if (rest < size) return pattern.at(material, rest);
    rest -= size;
  }
  throw new Error(`company stem ${index} is out of range`);
}

// How often each pattern is drawn for hand-sized data: mostly family and region names, which read
// best in a demo; the combinatorial patterns are there for scale.
const STEM_PATTERN_WEIGHTS = [0.5, 0.25, 0.15, 0.1] as const;

/** A random company name stem, patterns weighted for a small, natural-looking data set. */
export function randomCompanyStem(material: CountryMaterial, random: Random): string {
  let draw = random.next();
  let offset = 0;
  for (const [index, pattern] of STEM_PATTERNS.entries()) {
    const weight = STEM_PATTERN_WEIGHTS[index] ?? 0;
    const size = pattern.size(material);
    if (draw < weight || index === STEM_PATTERNS.length - 1) return companyStemAt(material, offset + random.int(size));
    draw -= weight;
    offset += size;
  }
  throw new Error('no company name pattern');
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

const DANISH_FLOORS = ['st.', '1.', '2.', '3.', '4.'] as const;
const DANISH_SIDES = ['tv.', 'th.', 'mf.'] as const;

/**
 * A street address in the country's convention. The number always follows the street here, but
 * its extras differ: a letter without a space in Sweden and Norway (12A), a lower-case one in the
 * Netherlands and Germany (12a) or a range (45-47), a floor and side in Denmark ("7, 3. th."), a
 * staircase and flat in Finland ("12 B 4"), a box ("bus 3") in Flanders.
 */
export function streetAddress(material: CountryMaterial, random: Random): string {
  const street = random.pick(material.streets);
  const number = 1 + random.int(120);
  const roll = random.next();
  switch (material.countryRegionCode) {
    case 'SE':
    case 'NO':
      return `${street} ${number}${roll < 0.15 ? random.pick(['A', 'B', 'C']) : ''}`;
    case 'DK': {
      const base = `${street} ${number}${roll < 0.1 ? random.pick(['A', 'B']) : ''}`;
      if (roll > 0.75) return `${base}, ${random.pick(DANISH_FLOORS)} ${random.pick(DANISH_SIDES)}`;
      if (roll > 0.6) return `${base}, ${1 + random.int(4)}. sal`;
      return base;
    }
    case 'FI':
      if (roll < 0.1) return `${street} ${number} ${random.pick(['A', 'B', 'C'])} ${1 + random.int(30)}`;
      return `${street} ${number}${roll < 0.25 ? ` ${random.pick(['A', 'B'])}` : ''}`;
    case 'NL':
    case 'DE':
      if (roll < 0.08) return `${street} ${number}-${number + 2}`;
      return `${street} ${number}${roll < 0.2 ? random.pick(['a', 'b']) : ''}`;
    case 'BE':
      if (roll < 0.15) return `${street} ${number} bus ${1 + random.int(20)}`;
      return `${street} ${number}${roll < 0.22 ? random.pick(['A', 'B']) : ''}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/** `count` random digits, the first never 0 (a subscriber number never starts with the trunk 0). */
function digits(random: Random, count: number): string {
  let result = String(1 + random.int(9));
  for (let index = 1; index < count; index++) result += String(random.int(10));
  return result;
}

/** The digits in groups of the given sizes, separated by spaces ("1234567", [3,2,2] → "123 45 67"). */
function grouped(value: string, sizes: readonly number[]): string {
  const groups: string[] = [];
  let position = 0;
  for (const size of sizes) {
    groups.push(value.slice(position, position + size));
    position += size;
  }
  if (position < value.length) groups.push(value.slice(position));
  return groups.filter((group) => group !== '').join(' ');
}

const MOBILE_PREFIXES: Readonly<Record<CountryCode, readonly string[]>> = {
  SE: ['70', '72', '73', '76', '79'],
  NO: ['4', '9'],
  DK: ['20', '21', '22', '23', '24', '26', '28', '29', '30', '31', '40', '41', '42', '50', '51', '52', '53', '60', '61'],
  FI: ['40', '41', '44', '45', '46', '50'],
  NL: ['6'],
  BE: ['470', '471', '472', '473', '474', '475', '476', '477', '478', '479', '484', '485', '486', '487', '488', '489', '495', '496', '497', '498', '499'],
  DE: ['151', '152', '157', '160', '162', '170', '171', '172', '175', '176', '177'],
};

const CALLING_CODES: Readonly<Record<CountryCode, string>> = { SE: '46', NO: '47', DK: '45', FI: '358', NL: '31', BE: '32', DE: '49' };

/**
 * A landline in the city, written internationally the way the country groups it:
 * "+46 8 123 45 67", "+47 22 12 34 56", "+45 33 12 34 56", "+358 9 123 4567", "+31 20 123 4567",
 * "+32 2 123 45 67", "+49 40 123456-0". German company numbers end in "-0", the switchboard
 * extension (DIN 5008); {@link directLine} replaces it with a person's own extension.
 */
export function landlineNo(material: CountryMaterial, city: City, random: Random): string {
  const country = material.countryRegionCode;
  const area = city.areaCode;
  const prefix = `+${CALLING_CODES[country]} ${area}`;
  switch (country) {
    case 'SE':
      return `${prefix} ${grouped(digits(random, area.length === 1 ? 7 : 6), area.length === 1 ? [3, 2, 2] : [2, 2, 2])}`;
    case 'NO':
    case 'DK':
      // Eight digits, the first two being the "area" the city's numbers share.
      return `${prefix} ${grouped(digits(random, 6), [2, 2, 2])}`;
    case 'FI':
      return `${prefix} ${grouped(digits(random, area.length === 1 ? 7 : 6), [3, 4])}`;
    case 'NL':
      return `${prefix} ${grouped(digits(random, 9 - area.length), area.length === 2 ? [3, 4] : [3, 3])}`;
    case 'BE':
      return `${prefix} ${grouped(digits(random, 8 - area.length), area.length === 1 ? [3, 2, 2] : [2, 2, 2])}`;
    case 'DE':
      return `${prefix} ${digits(random, 8 - area.length)}-0`;
  }
}

/**
 * A person's direct line at the company: the switchboard number with the person's extension in
 * Germany ("+49 40 123456-0" → "+49 40 123456-217"), another number of the same city elsewhere.
 */
export function directLine(material: CountryMaterial, companyPhoneNo: string, city: City, random: Random): string {
  if (material.countryRegionCode === 'DE' && companyPhoneNo.endsWith('-0')) return `${companyPhoneNo.slice(0, -1)}${10 + random.int(290)}`;
  return landlineNo(material, city, random);
}

/**
 * A mobile number in the country's format: "+46 70 123 45 67", "+47 912 34 567",
 * "+45 20 12 34 56", "+358 40 123 4567", "+31 6 1234 5678", "+32 475 12 34 56",
 * "+49 151 12345678".
 */
export function mobilePhoneNo(material: CountryMaterial, random: Random): string {
  const country = material.countryRegionCode;
  const mobilePrefix = random.pick(MOBILE_PREFIXES[country]);
  const calling = `+${CALLING_CODES[country]}`;
  switch (country) {
    case 'SE':
      return `${calling} ${mobilePrefix} ${grouped(digits(random, 7), [3, 2, 2])}`;
    case 'NO':
      // Eight digits starting with 4 or 9, grouped 3-2-3.
      return `${calling} ${grouped(mobilePrefix + String(random.int(10_000_000)).padStart(7, '0'), [3, 2, 3])}`;
    case 'DK':
      return `${calling} ${mobilePrefix} ${grouped(digits(random, 6), [2, 2, 2])}`;
    case 'FI':
      return `${calling} ${mobilePrefix} ${grouped(digits(random, 7), [3, 4])}`;
    case 'NL':
      return `${calling} ${mobilePrefix} ${grouped(digits(random, 8), [4, 4])}`;
    case 'BE':
      return `${calling} ${mobilePrefix} ${grouped(digits(random, 6), [2, 2, 2])}`;
    case 'DE':
      return `${calling} ${mobilePrefix} ${digits(random, 8)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// VAT registration numbers
// ---------------------------------------------------------------------------------------------

const toDigits = (value: string): number[] => [...value].map(Number);

/** Luhn check digit over `payload` (Swedish organisation numbers). */
function luhnCheckDigit(payload: string): number {
  let sum = 0;
  toDigits(payload).forEach((digit, index) => {
    // Weights 2,1,2,1… from the left for a payload of odd length: the check digit gets weight 1.
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  });
  return (10 - (sum % 10)) % 10;
}

/** Weighted modulus-11 check digit, or undefined when the payload has none (result 10). */
function mod11CheckDigit(payload: string, weights: readonly number[]): number | undefined {
  const sum = toDigits(payload).reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? undefined : check;
}

/** ISO 7064 MOD 11,10 check digit (German USt-IdNr.). */
function iso7064Mod1110(payload: string): number {
  let product = 10;
  for (const digit of toDigits(payload)) {
    let sum = (digit + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/**
 * A VAT registration number in the country's format with a correct check digit, so a later
 * format or VIES-style check accepts the demo data: SE5561234567 01, NO123456789MVA, DK12345678,
 * FI12345678, NL123456789B01, BE0123456789, DE123456789 (without spaces).
 */
export function vatRegistrationNo(material: CountryMaterial, random: Random): string {
  for (;;) {
    switch (material.countryRegionCode) {
      case 'SE': {
        // Aktiebolag organisation numbers start with 556 or 559.
        const payload = `${random.pick(['556', '559'])}${String(random.int(1_000_000)).padStart(6, '0')}`;
        return `SE${payload}${luhnCheckDigit(payload)}01`;
      }
      case 'NO': {
        const payload = `${random.pick(['8', '9'])}${String(random.int(10_000_000)).padStart(7, '0')}`;
        const check = mod11CheckDigit(payload, [3, 2, 7, 6, 5, 4, 3, 2]);
        if (check !== undefined) return `NO${payload}${check}MVA`;
        break;
      }
      case 'DK': {
        // CVR: weights 2,7,6,5,4,3,2,1 must sum to a multiple of 11.
        const payload = digits(random, 7);
        const check = mod11CheckDigit(payload, [2, 7, 6, 5, 4, 3, 2]);
        if (check !== undefined) return `DK${payload}${check}`;
        break;
      }
      case 'FI': {
        // Y-tunnus: remainder 1 has no check digit, remainder 0 gives 0.
        const payload = String(random.int(10_000_000)).padStart(7, '0');
        const remainder = toDigits(payload).reduce((total, digit, index) => total + digit * ([7, 9, 10, 5, 8, 4, 2][index] ?? 0), 0) % 11;
        if (remainder !== 1) return `FI${payload}${remainder === 0 ? 0 : 11 - remainder}`;
        break;
      }
      case 'NL': {
        // Eleven-test: 9,8,…,2 over the first eight digits, the remainder is the ninth digit.
        const payload = digits(random, 8);
        const remainder = toDigits(payload).reduce((total, digit, index) => total + digit * (9 - index), 0) % 11;
        if (remainder !== 10) return `NL${payload}${remainder}B01`;
        break;
      }
      case 'BE': {
        const payload = `0${digits(random, 7)}`;
        return `BE${payload}${String(97 - (Number(payload) % 97)).padStart(2, '0')}`;
      }
      case 'DE': {
        const payload = digits(random, 8);
        return `DE${payload}${iso7064Mod1110(payload)}`;
      }
    }
  }
}
