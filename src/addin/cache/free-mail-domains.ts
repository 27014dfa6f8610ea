/**
 * Domains of free and consumer mail services: an address on one of them says nothing about the
 * sender's company, so no company is proposed from it. Covers the large international services
 * and the common consumer providers of the markets Rapport ships in (Nordics, Benelux, DACH, UK,
 * France, Italy, Spain). Matching is on the whole domain, lower-case.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // International
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com', 'me.com',
  'mac.com', 'aol.com', 'protonmail.com', 'proton.me', 'pm.me', 'zoho.com', 'gmx.com', 'gmx.net', 'mail.com', 'yandex.com', 'tutanota.com', 'fastmail.com',
  // Germany, Austria, Switzerland
  'gmx.de', 'gmx.at', 'gmx.ch', 'web.de', 't-online.de', 'freenet.de', 'posteo.de', 'hotmail.de', 'outlook.de', 'yahoo.de', 'bluewin.ch', 'aon.at',
  // Nordics
  'hotmail.se', 'live.se', 'outlook.se', 'telia.com', 'spray.se', 'bredband.net', 'online.no', 'hotmail.no', 'live.no', 'getmail.no',
  'jubii.dk', 'hotmail.dk', 'live.dk', 'mail.dk', 'hotmail.fi', 'luukku.com',
  // Benelux
  'hotmail.nl', 'live.nl', 'outlook.nl', 'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'home.nl', 'xs4all.nl', 'telenet.be', 'skynet.be', 'hotmail.be',
  // UK, France, Italy, Spain
  'hotmail.co.uk', 'live.co.uk', 'yahoo.co.uk', 'btinternet.com', 'sky.com', 'hotmail.fr', 'live.fr', 'orange.fr', 'wanadoo.fr', 'free.fr',
  'laposte.net', 'sfr.fr', 'hotmail.it', 'libero.it', 'virgilio.it', 'yahoo.it', 'hotmail.es', 'yahoo.es', 'telefonica.net',
]);

/** Whether `domain` (lower-case) belongs to a free or consumer mail service. */
export const isFreeMailDomain = (domain: string): boolean => FREE_MAIL_DOMAINS.has(domain);
