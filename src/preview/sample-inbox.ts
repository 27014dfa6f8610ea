/**
 * The preview's sample mailbox: messages that exercise what the task pane must handle, written as
 * data so the browser tests can pick a message by what it shows rather than by position.
 *
 * Known senders are real contacts of the demo tenant that `npm start` seeds (src/server/demo; its
 * data set is the same on every start), so the pane recognises them. test/preview/sample-inbox.test.ts
 * checks every known address against that data set, so a change there cannot silently turn a
 * "known contact" into a stranger.
 *
 * Addresses are under `.example`, like the demo data, except the free-mail senders: the pane tells
 * free-mail providers by their real domains (src/addin/cache/free-mail-domains.ts), so those use one
 * with a made-up local part. Nothing in the preview ever sends mail.
 */

/** The pane's seven UI languages, as the language of a message's text. */
export const SAMPLE_LANGUAGES = ['en', 'sv', 'nb', 'da', 'fi', 'nl', 'de'] as const;
export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number];

/** Who a message is from, as the pane sees it. */
export const SENDER_CATEGORIES = [
  /** A contact of the demo tenant, by primary e-mail. */
  'known-contact',
  /** Nobody known, at the domain of a demo company: the pane proposes that company. */
  'new-at-known-company',
  /** Nobody known, at a free-mail provider: no company to propose. */
  'free-mail',
  /** An address that several contacts share: the pane asks which one is meant. */
  'shared-address',
  /** A salesperson of the tenant: internal mail, not a contact. */
  'colleague',
  /** The signed-in user: a sent item, whose recipients are the contacts. */
  'me',
  /** The shared or delegated mailbox the message is in, by a colleague: its recipients are the contacts. */
  'mailbox-owner',
] as const;
export type SenderCategory = (typeof SENDER_CATEGORIES)[number];

/** What else a message is there to show. Each trait is checked against the data in the tests. */
export type SampleTrait =
  | 'long-subject'
  | 'accented-name'
  | 'quoted-name'
  | 'upper-case-address'
  | 'plus-address'
  | 'html-with-scripts'
  | 'attachments'
  | 'several-contacts';

export type SampleAddress = { displayName: string; emailAddress: string };

/** Stands for the signed-in user, whoever is picked in the preview. */
export const ME = 'me';
export type SampleParty = SampleAddress | typeof ME;

export type SampleBody = { type: 'text'; text: string } | { type: 'html'; html: string };

export type SampleAttachment = { name: string; contentType: string; size: number };

/**
 * The user's own folders, and two mailboxes of others the user reads: the team's shared sales@
 * mailbox, and a colleague's inbox the user is a delegate of.
 */
export type SampleFolder = 'inbox' | 'sent' | 'drafts' | 'shared' | 'delegated';

/** The shared mailbox of the demo tenant's sales team: neither a salesperson nor a contact. */
export const SHARED_MAILBOX: SampleAddress = { displayName: 'Nordlys Sales', emailAddress: 'sales@nordlys.example' };
/** The colleague (a demo salesperson) whose inbox the user reads as a delegate. */
export const DELEGATOR: SampleAddress = { displayName: 'Katrin Müller', emailAddress: 'katrin.mueller@nordlys.example' };

/** Whose mailbox a folder is in: the user's own (null), or another's. */
export const FOLDER_OWNERS: Readonly<Record<SampleFolder, SampleAddress | null>> = {
  inbox: null,
  sent: null,
  drafts: null,
  shared: SHARED_MAILBOX,
  delegated: DELEGATOR,
};

export type SampleMessage = {
  /** Stable id within the sample mailbox; the item id the stand-in reports is derived from it. */
  id: string;
  /** Drafts open in compose mode; everything else in read mode. */
  folder: SampleFolder;
  language: SampleLanguage;
  sender: SenderCategory;
  traits: readonly SampleTrait[];
  /** What the pane should show for this message, in a line, for whoever explores the preview. */
  note: string;
  from: SampleParty;
  to: readonly SampleParty[];
  cc: readonly SampleParty[];
  subject: string;
  body: SampleBody;
  /** How long ago it was sent; the preview turns it into a date when it loads. */
  minutesAgo: number;
  attachments: readonly SampleAttachment[];
  /** Fixed, so a message logged in one preview session is still "Logged" in the next. Null for drafts. */
  internetMessageId: string | null;
  conversationId: string;
};

const text = (lines: readonly string[]): SampleBody => ({ type: 'text', text: lines.join('\n') });

export const SAMPLE_INBOX: readonly SampleMessage[] = [
  {
    id: 'sv-offert-hydraulslangar',
    folder: 'inbox',
    language: 'sv',
    sender: 'known-contact',
    traits: ['attachments'],
    note: 'Jonas Isaksson, VD at Bergman Hydraulik AB: a known contact.',
    from: { displayName: 'Jonas Isaksson', emailAddress: 'j.isaksson@bergman-hydraulik.example' },
    to: [ME],
    cc: [],
    subject: 'Offert på hydraulslangar, vecka 12',
    body: text([
      'Hej!',
      '',
      'Tack för ett bra möte i tisdags. Kan ni skicka en offert på 400 m hydraulslang DN12 med kopplingar,',
      'leverans till Borlänge senast vecka 12? Vi behöver också priser på 50 st snabbkopplingar.',
      '',
      'Ritningen bifogas.',
      '',
      'Med vänliga hälsningar',
      'Jonas Isaksson',
      'Bergman Hydraulik AB',
    ]),
    minutesAgo: 18,
    attachments: [{ name: 'ritning-slangpaket-rev-c.pdf', contentType: 'application/pdf', size: 482_133 }],
    internetMessageId: '<sample-sv-offert-hydraulslangar@bergman-hydraulik.example>',
    conversationId: 'conv-sv-offert-hydraulslangar',
  },
  {
    id: 'en-pipeline-review',
    folder: 'inbox',
    language: 'en',
    sender: 'colleague',
    traits: ['accented-name'],
    note: 'Katrin Müller, a colleague salesperson: internal mail, no contact to add.',
    from: { displayName: 'Katrin Müller', emailAddress: 'katrin.mueller@nordlys.example' },
    to: [ME],
    cc: [{ displayName: 'Maarten de Vries', emailAddress: 'maarten.devries@nordlys.example' }],
    subject: 'Pipeline review on Thursday',
    body: text([
      'Hi,',
      '',
      'Could you bring the DACH and Nordic opportunities that are past their estimated closing date to',
      'Thursday’s pipeline review? I will cover Rheinische Maschinenbau and Schmidt.',
      '',
      'Thanks,',
      'Katrin',
    ]),
    minutesAgo: 42,
    attachments: [],
    internetMessageId: '<sample-en-pipeline-review@nordlys.example>',
    conversationId: 'conv-en-pipeline-review',
  },
  {
    id: 'sv-asa-oberg-upper-case',
    folder: 'inbox',
    language: 'sv',
    sender: 'known-contact',
    traits: ['accented-name', 'quoted-name', 'upper-case-address'],
    note: 'Åsa Öberg at Eriksson Stål AB, written in capitals and under a new name: still the same contact.',
    from: { displayName: '"Åsa Öberg-Ölund"', emailAddress: 'ASA.OBERG@ERIKSSON-STAL.EXAMPLE' },
    to: [ME],
    cc: [],
    subject: 'Ändrat efternamn och ny leveransadress',
    body: text([
      'Hej,',
      '',
      'Jag heter numera Öberg-Ölund. Från och med 1 april tar vi emot gods på lager 3, Industrigatan 14.',
      'Kan ni uppdatera era uppgifter?',
      '',
      'Hälsningar',
      'Åsa Öberg-Ölund',
      'Lagerchef, Eriksson Stål AB',
    ]),
    minutesAgo: 65,
    attachments: [],
    internetMessageId: '<sample-sv-asa-oberg-upper-case@eriksson-stal.example>',
    conversationId: 'conv-sv-asa-oberg-upper-case',
  },
  {
    id: 'sv-kim-ek-plus-address',
    folder: 'inbox',
    language: 'sv',
    sender: 'new-at-known-company',
    traits: ['upper-case-address', 'plus-address'],
    note: 'Kim Ek is new, writing from a plus address at Bergman Hydraulik AB: add as contact, company proposed.',
    from: { displayName: 'Kim Ek', emailAddress: 'KIM.EK+CRM@bergman-hydraulik.example' },
    to: [ME],
    cc: [],
    subject: 'Ny inköpare hos Bergman Hydraulik',
    body: text([
      'Hej!',
      '',
      'Jag har tagit över inköpen efter Cecilia Nyström. Skicka gärna er aktuella prislista och',
      'era leveransvillkor till mig.',
      '',
      'Vänligen',
      'Kim Ek',
    ]),
    minutesAgo: 95,
    attachments: [],
    internetMessageId: '<sample-sv-kim-ek-plus-address@bergman-hydraulik.example>',
    conversationId: 'conv-sv-kim-ek-plus-address',
  },
  {
    id: 'nb-fraktavtale',
    folder: 'inbox',
    language: 'nb',
    sender: 'known-contact',
    traits: [],
    note: 'Ragnhild Lie, daglig leder at Haugen Transport AS: a known contact.',
    from: { displayName: 'Ragnhild Lie', emailAddress: 'r.lie@haugen-transport.example' },
    to: [ME],
    cc: [],
    subject: 'Fraktavtale for andre kvartal',
    body: text([
      'Hei,',
      '',
      'Vi har sett på tilbudet deres og ønsker å forlenge fraktavtalen for andre kvartal. Kan vi ta en',
      'telefon på fredag for å gå gjennom prisene?',
      '',
      'Med vennlig hilsen',
      'Ragnhild Lie',
      'Haugen Transport AS',
    ]),
    minutesAgo: 130,
    attachments: [],
    internetMessageId: '<sample-nb-fraktavtale@haugen-transport.example>',
    conversationId: 'conv-nb-fraktavtale',
  },
  {
    id: 'da-staalprofiler',
    folder: 'inbox',
    language: 'da',
    sender: 'known-contact',
    traits: [],
    note: 'Lars Søndergaard, adm. direktør at Lauridsen Industri ApS: a known contact.',
    from: { displayName: 'Lars Søndergaard', emailAddress: 'lars.sondergaard@lauridsen-industri.example' },
    to: [ME],
    cc: [],
    subject: 'Forespørgsel: stålprofiler til nyt lager',
    body: text([
      'Hej,',
      '',
      'Vi bygger nyt lager i Aarhus og skal bruge ca. 12 tons stålprofiler. Kan I give en pris og en',
      'leveringstid inden udgangen af måneden?',
      '',
      'Venlig hilsen',
      'Lars Søndergaard',
    ]),
    minutesAgo: 200,
    attachments: [],
    internetMessageId: '<sample-da-staalprofiler@lauridsen-industri.example>',
    conversationId: 'conv-da-staalprofiler',
  },
  {
    id: 'fi-toimitusaikataulu',
    folder: 'inbox',
    language: 'fi',
    sender: 'known-contact',
    traits: ['accented-name'],
    note: 'Mikko Kärkkäinen, toimitusjohtaja at Heikkisen Teräs Oy: a known contact.',
    from: { displayName: 'Mikko Kärkkäinen', emailAddress: 'm.karkkainen@heikkisen-teras.example' },
    to: [ME],
    cc: [],
    subject: 'Toimitusaikataulu ja laskutus',
    body: text([
      'Hei,',
      '',
      'Voisitteko vahvistaa toimitusaikataulun huhtikuun tilaukselle? Tarvitsemme myös laskun',
      'kahdessa erässä.',
      '',
      'Ystävällisin terveisin',
      'Mikko Kärkkäinen',
      'Heikkisen Teräs Oy',
    ]),
    minutesAgo: 260,
    attachments: [],
    internetMessageId: '<sample-fi-toimitusaikataulu@heikkisen-teras.example>',
    conversationId: 'conv-fi-toimitusaikataulu',
  },
  {
    id: 'sv-finland-swede',
    folder: 'inbox',
    language: 'sv',
    sender: 'known-contact',
    traits: ['accented-name'],
    note: 'Sofia Öhman, VD at the Finnish Väisänen & Jokinen Oy, writes Swedish: her language is SVE, not her company’s FIN.',
    from: { displayName: 'Sofia Öhman', emailAddress: 'sofiaohman@vaisanen-jokinen.example' },
    to: [ME],
    cc: [],
    subject: 'Mässan i Tammerfors',
    body: text([
      'Hej,',
      '',
      'Kommer ni till mässan i Tammerfors i maj? Vi visar vår nya serie och skulle gärna träffa er',
      'för att prata om ett ramavtal.',
      '',
      'Hälsningar',
      'Sofia Öhman',
    ]),
    minutesAgo: 320,
    attachments: [],
    internetMessageId: '<sample-sv-finland-swede@vaisanen-jokinen.example>',
    conversationId: 'conv-sv-finland-swede',
  },
  {
    id: 'nl-offerte-kabelgoten',
    folder: 'inbox',
    language: 'nl',
    sender: 'known-contact',
    traits: [],
    note: 'Mirjam Brouwer, directeur at Hollandse Metaal N.V.: a known contact.',
    from: { displayName: 'Mirjam Brouwer', emailAddress: 'mirjam.brouwer@hollandse-metaal.example' },
    to: [ME],
    cc: [],
    subject: 'Offerte kabelgoten',
    body: text([
      'Goedemiddag,',
      '',
      'Bedankt voor de offerte. Wij willen graag bestellen, maar dan met levering in twee delen.',
      'Kunt u een aangepaste offerte sturen?',
      '',
      'Met vriendelijke groet,',
      'Mirjam Brouwer',
    ]),
    minutesAgo: 380,
    attachments: [],
    internetMessageId: '<sample-nl-offerte-kabelgoten@hollandse-metaal.example>',
    conversationId: 'conv-nl-offerte-kabelgoten',
  },
  {
    id: 'nl-be-palletstellingen',
    folder: 'inbox',
    language: 'nl',
    sender: 'known-contact',
    traits: [],
    note: 'Wim Stevens, zaakvoerder at the Belgian Aerts Logistiek NV: a known contact (nl-BE).',
    from: { displayName: 'Wim Stevens', emailAddress: 'wim.stevens@aerts-logistiek.example' },
    to: [ME],
    cc: [],
    subject: 'Palletstellingen voor ons magazijn in Gent',
    body: text([
      'Dag,',
      '',
      'Wij breiden ons magazijn in Gent uit en zoeken palletstellingen voor 800 plaatsen. Kan u ons',
      'een voorstel doen?',
      '',
      'Met vriendelijke groeten',
      'Wim Stevens',
    ]),
    minutesAgo: 450,
    attachments: [],
    internetMessageId: '<sample-nl-be-palletstellingen@aerts-logistiek.example>',
    conversationId: 'conv-nl-be-palletstellingen',
  },
  {
    id: 'de-html-lieferung',
    folder: 'inbox',
    language: 'de',
    sender: 'known-contact',
    traits: ['html-with-scripts'],
    note: 'Ralf Brandt at Rheinische Maschinenbau GmbH, in HTML with a script and event handlers that must stay inert.',
    from: { displayName: 'Ralf Brandt', emailAddress: 'ralf.brandt@rheinische-maschinenbau.example' },
    to: [ME],
    cc: [],
    subject: 'Lieferung KW 14 – bitte bestätigen',
    body: {
      type: 'html',
      html: [
        '<html><head><style>p { font-family: Arial, sans-serif; }</style>',
        '<script>window.parent.document.body.dataset.hacked = "script";</script></head>',
        '<body onload="window.parent.document.body.dataset.hacked = \'onload\'">',
        '<p>Sehr geehrte Damen und Herren,</p>',
        '<p>bitte bestätigen Sie die Lieferung der <b>Hydraulikzylinder</b> für KW 14.</p>',
        '<img src="x" alt="" onerror="window.parent.document.body.dataset.hacked = \'onerror\'">',
        '<p><a href="javascript:window.parent.document.body.dataset.hacked=\'link\'" onclick="window.parent.document.body.dataset.hacked = \'click\'">Lieferplan öffnen</a></p>',
        '<p>Mit freundlichen Grüßen<br>Ralf Brandt<br>Rheinische Maschinenbau GmbH</p>',
        '</body></html>',
      ].join('\n'),
    },
    minutesAgo: 520,
    attachments: [],
    internetMessageId: '<sample-de-html-lieferung@rheinische-maschinenbau.example>',
    conversationId: 'conv-de-html-lieferung',
  },
  {
    id: 'de-shared-einkauf',
    folder: 'inbox',
    language: 'de',
    sender: 'shared-address',
    traits: ['accented-name'],
    note: 'einkauf@ is shared by Petra Scholz and Stefan Jäger at Möller Industriebedarf: the pane asks which one.',
    from: { displayName: 'Einkauf Möller Industriebedarf', emailAddress: 'einkauf@moeller-industriebedarf.example' },
    to: [ME],
    cc: [],
    subject: 'Anfrage Schrauben und Dübel',
    body: text([
      'Guten Tag,',
      '',
      'wir bitten um ein Angebot für 20.000 Sechskantschrauben M8 und 5.000 Schwerlastdübel.',
      '',
      'Mit freundlichen Grüßen',
      'Einkauf',
      'Möller Industriebedarf GmbH & Co. KG',
    ]),
    minutesAgo: 600,
    attachments: [],
    internetMessageId: '<sample-de-shared-einkauf@moeller-industriebedarf.example>',
    conversationId: 'conv-de-shared-einkauf',
  },
  {
    id: 'sv-shared-kontakt',
    folder: 'inbox',
    language: 'sv',
    sender: 'shared-address',
    traits: [],
    note: 'kontakt@ is both Dalarnas Logistik AB’s own address and its VD Eva Engström’s.',
    from: { displayName: 'Dalarnas Logistik', emailAddress: 'kontakt@dalarnas-logistik.example' },
    to: [ME],
    cc: [],
    subject: 'Beställning av pallar',
    body: text(['Hej!', '', 'Vi vill beställa 200 EUR-pallar till lagret i Borlänge, leverans nästa vecka.', '', 'Hälsningar', 'Eva Engström']),
    minutesAgo: 700,
    attachments: [],
    internetMessageId: '<sample-sv-shared-kontakt@dalarnas-logistik.example>',
    conversationId: 'conv-sv-shared-kontakt',
  },
  {
    id: 'de-neuer-kontakt',
    folder: 'inbox',
    language: 'de',
    sender: 'new-at-known-company',
    traits: [],
    note: 'Lukas Neumann is new at Schmidt Maschinenbau AG: add as contact, company proposed from the domain.',
    from: { displayName: 'Lukas Neumann', emailAddress: 'lukasneumann@schmidt-maschinenbau.example' },
    to: [ME],
    cc: [],
    subject: 'Vorstellung: neuer Ansprechpartner Instandhaltung',
    body: text([
      'Guten Tag,',
      '',
      'ich bin seit diesem Monat für die Instandhaltung bei Schmidt Maschinenbau verantwortlich und',
      'würde Sie gern kennenlernen. Hätten Sie nächste Woche Zeit für einen Termin?',
      '',
      'Viele Grüße',
      'Lukas Neumann',
    ]),
    minutesAgo: 800,
    attachments: [],
    internetMessageId: '<sample-de-neuer-kontakt@schmidt-maschinenbau.example>',
    conversationId: 'conv-de-neuer-kontakt',
  },
  {
    id: 'en-free-mail-obrien',
    folder: 'inbox',
    language: 'en',
    sender: 'free-mail',
    traits: ['quoted-name'],
    note: 'Pat O’Brien writes from Gmail with the name in "Surname, Given" form: add as contact, no company.',
    from: { displayName: 'O\'Brien, "Pat"', emailAddress: 'pat.obrien.rapport.sample@gmail.com' },
    to: [ME],
    cc: [],
    subject: 'Question about your industrial fasteners',
    body: text([
      'Hello,',
      '',
      'I run a small workshop in Cork and am looking for a supplier of stainless fasteners. Do you ship',
      'to Ireland, and is there a minimum order?',
      '',
      'Best regards,',
      'Pat O’Brien',
    ]),
    minutesAgo: 900,
    attachments: [],
    internetMessageId: '<sample-en-free-mail-obrien@mail.gmail.com>',
    conversationId: 'conv-en-free-mail-obrien',
  },
  {
    id: 'da-known-free-mail',
    folder: 'inbox',
    language: 'da',
    sender: 'known-contact',
    traits: ['accented-name'],
    note: 'Steen Møller, a self-employed contact whose own address is at a free-mail provider: known by address.',
    from: { displayName: 'Steen Møller', emailAddress: 'steen.moller@postbox.example' },
    to: [ME],
    cc: [],
    subject: 'Rammeaftale for næste år',
    body: text(['Hej,', '', 'Kan vi mødes i næste uge og tale om en rammeaftale for næste år?', '', 'Mvh', 'Steen Møller']),
    minutesAgo: 1_000,
    attachments: [],
    internetMessageId: '<sample-da-known-free-mail@postbox.example>',
    conversationId: 'conv-da-known-free-mail',
  },
  {
    id: 'en-long-subject',
    folder: 'inbox',
    language: 'en',
    sender: 'known-contact',
    traits: ['long-subject'],
    note: 'Daan Visser at Van der Wal Machines B.V. writes in English, with a subject far too long for one line.',
    from: { displayName: 'Daan Visser', emailAddress: 'daanvisser@van-der-wal-machines.example' },
    to: [ME],
    cc: [],
    subject:
      'RE: FW: RE: Updated quotation for the replacement hydraulic power units, including spare parts, installation on site in Rotterdam and the two-year service agreement (revision 4, final)',
    body: text([
      'Hi,',
      '',
      'Revision 4 looks fine to us. Please confirm that the service agreement starts on the day of',
      'installation, not on delivery, and we will place the order this week.',
      '',
      'Kind regards,',
      'Daan Visser',
    ]),
    minutesAgo: 1_300,
    attachments: [
      { name: 'quotation-rev4.pdf', contentType: 'application/pdf', size: 211_870 },
      { name: 'service-agreement-draft.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 58_400 },
    ],
    internetMessageId: '<sample-en-long-subject@van-der-wal-machines.example>',
    conversationId: 'conv-en-long-subject',
  },
  {
    id: 'nl-html-nieuwsbrief',
    folder: 'inbox',
    language: 'nl',
    sender: 'known-contact',
    traits: ['html-with-scripts'],
    note: 'Mark Dekker at Hollandse Metaal N.V., an HTML mail with a form, a frame and handlers that must stay inert.',
    from: { displayName: 'Mark Dekker', emailAddress: 'mark.dekker@hollandse-metaal.example' },
    to: [ME],
    cc: [],
    subject: 'Nieuwe prijslijst per 1 mei',
    body: {
      type: 'html',
      html: [
        '<div style="font-family: Verdana, sans-serif">',
        '<h2 onmouseover="window.parent.document.body.dataset.hacked = \'hover\'">Nieuwe prijslijst</h2>',
        '<p>Per 1 mei gelden onze nieuwe prijzen. De belangrijkste wijzigingen vindt u hieronder.</p>',
        '<svg onload="window.parent.document.body.dataset.hacked = \'svg\'" width="10" height="10"></svg>',
        '<iframe src="javascript:parent.parent.document.body.dataset.hacked=\'frame\'"></iframe>',
        '<form action="https://example.com/collect"><input name="q" value="prijzen"><button>Verstuur</button></form>',
        '<p>Met vriendelijke groet,<br>Mark Dekker</p>',
        '<script src="https://example.com/tracker.js"></script>',
        '</div>',
      ].join('\n'),
    },
    minutesAgo: 1_500,
    attachments: [],
    internetMessageId: '<sample-nl-html-nieuwsbrief@hollandse-metaal.example>',
    conversationId: 'conv-nl-html-nieuwsbrief',
  },
  {
    id: 'sent-sv-offert',
    folder: 'sent',
    language: 'sv',
    sender: 'me',
    traits: ['several-contacts', 'attachments'],
    note: 'Sent by you to Jonas Isaksson, Cc Fredrik Mattsson: the pane shows both contacts.',
    from: ME,
    to: [{ displayName: 'Jonas Isaksson', emailAddress: 'j.isaksson@bergman-hydraulik.example' }],
    cc: [{ displayName: 'Fredrik Mattsson', emailAddress: 'f.mattsson@bergman-hydraulik.example' }],
    subject: 'SV: Offert på hydraulslangar, vecka 12',
    body: text(['Hej Jonas,', '', 'Här kommer offerten. Leverans vecka 12 går bra.', '', 'Vänliga hälsningar']),
    minutesAgo: 10,
    attachments: [{ name: 'offert-2024-118.pdf', contentType: 'application/pdf', size: 96_200 }],
    internetMessageId: '<sample-sent-sv-offert@nordlys.example>',
    conversationId: 'conv-sv-offert-hydraulslangar',
  },
  {
    id: 'sent-de-angebot',
    folder: 'sent',
    language: 'de',
    sender: 'me',
    traits: [],
    note: 'Sent by you to Katrin Wolf at Schmidt Maschinenbau AG.',
    from: ME,
    to: [{ displayName: 'Katrin Wolf', emailAddress: 'katrinwolf@schmidt-maschinenbau.example' }],
    cc: [],
    subject: 'Angebot Kunststoffgranulat Q3',
    body: text(['Sehr geehrte Frau Wolf,', '', 'anbei unser Angebot für das dritte Quartal.', '', 'Mit freundlichen Grüßen']),
    minutesAgo: 1_440,
    attachments: [],
    internetMessageId: '<sample-sent-de-angebot@nordlys.example>',
    conversationId: 'conv-sent-de-angebot',
  },
  {
    id: 'sent-en-two-companies',
    folder: 'sent',
    language: 'en',
    sender: 'me',
    traits: ['several-contacts'],
    note: 'Sent by you to contacts at two companies and a colleague: one interaction per contact.',
    from: ME,
    to: [
      { displayName: 'Mirjam Brouwer', emailAddress: 'mirjam.brouwer@hollandse-metaal.example' },
      { displayName: 'Daan Visser', emailAddress: 'daanvisser@van-der-wal-machines.example' },
    ],
    cc: [{ displayName: 'Maarten de Vries', emailAddress: 'maarten.devries@nordlys.example' }],
    subject: 'Benelux customer day: save the date',
    body: text(['Dear Mirjam, dear Daan,', '', 'Our Benelux customer day takes place on 12 June in Utrecht. We would be glad to see you there.', '', 'Best regards']),
    minutesAgo: 2_900,
    attachments: [],
    internetMessageId: '<sample-sent-en-two-companies@nordlys.example>',
    conversationId: 'conv-sent-en-two-companies',
  },
  {
    id: 'shared-sv-ram-order',
    folder: 'shared',
    language: 'sv',
    sender: 'known-contact',
    traits: [],
    note: 'In the shared sales@ mailbox: Fredrik Mattsson writes to sales@. Inbound, for him, and yours when you log it.',
    from: { displayName: 'Fredrik Mattsson', emailAddress: 'f.mattsson@bergman-hydraulik.example' },
    to: [SHARED_MAILBOX],
    cc: [],
    subject: 'Ramavtal 2025: beställning av kopplingar',
    body: text(['Hej,', '', 'Vi vill beställa 200 st snabbkopplingar enligt ramavtalet. Leverans till Borlänge.', '', 'Hälsningar', 'Fredrik Mattsson']),
    minutesAgo: 25,
    attachments: [],
    internetMessageId: '<sample-shared-sv-ram-order@bergman-hydraulik.example>',
    conversationId: 'conv-shared-sv-ram-order',
  },
  {
    id: 'shared-en-reply',
    folder: 'shared',
    language: 'en',
    sender: 'mailbox-owner',
    traits: [],
    note: 'In the shared sales@ mailbox: a colleague answered Mikko Kärkkäinen as sales@. Outbound, for Mikko, and yours when you log it.',
    from: SHARED_MAILBOX,
    to: [{ displayName: 'Mikko Kärkkäinen', emailAddress: 'm.karkkainen@heikkisen-teras.example' }],
    cc: [],
    subject: 'Re: Delivery schedule for week 14',
    body: text(['Dear Mikko,', '', 'The steel profiles leave our warehouse on Monday; you will have them by Thursday.', '', 'Best regards', 'Nordlys Sales']),
    minutesAgo: 95,
    attachments: [],
    internetMessageId: '<sample-shared-en-reply@nordlys.example>',
    conversationId: 'conv-shared-en-reply',
  },
  {
    id: 'delegated-de-rahmenvertrag',
    folder: 'delegated',
    language: 'de',
    sender: 'known-contact',
    traits: [],
    note: 'In Katrin Müller’s inbox, which you read as her delegate: Katrin Wolf writes to her. Inbound, for Katrin Wolf, and yours when you log it.',
    from: { displayName: 'Katrin Wolf', emailAddress: 'katrinwolf@schmidt-maschinenbau.example' },
    to: [DELEGATOR],
    cc: [],
    subject: 'Rahmenvertrag Kunststoffgranulat',
    body: text(['Liebe Frau Müller,', '', 'können wir den Rahmenvertrag für das Granulat um ein Jahr verlängern?', '', 'Mit freundlichen Grüßen', 'Katrin Wolf']),
    minutesAgo: 240,
    attachments: [],
    internetMessageId: '<sample-delegated-de-rahmenvertrag@schmidt-maschinenbau.example>',
    conversationId: 'conv-delegated-de-rahmenvertrag',
  },
  {
    id: 'draft-da-tilbud',
    folder: 'drafts',
    language: 'da',
    sender: 'me',
    traits: [],
    note: 'A draft to Lars Søndergaard: compose mode, with "log when sent".',
    from: ME,
    to: [{ displayName: 'Lars Søndergaard', emailAddress: 'lars.sondergaard@lauridsen-industri.example' }],
    cc: [],
    subject: 'Tilbud på stålprofiler',
    body: text(['Hej Lars,', '', 'Tak for din forespørgsel. Vedhæftet finder du vores tilbud på stålprofilerne.', '', 'Venlig hilsen']),
    minutesAgo: 5,
    attachments: [],
    internetMessageId: null,
    conversationId: 'conv-da-staalprofiler',
  },
];
