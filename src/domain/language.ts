/**
 * Business Central language codes of Rapport's languages and their format regions (the locale
 * used for dates and numbers). Setting a contact's language fills a blank Format Region from it.
 */
export const FORMAT_REGION_BY_LANGUAGE: Readonly<Record<string, string>> = {
  ENU: 'en-US',
  ENG: 'en-GB',
  SVE: 'sv-SE',
  NOR: 'nb-NO',
  DAN: 'da-DK',
  FIN: 'fi-FI',
  NLD: 'nl-NL',
  NLB: 'nl-BE',
  DEU: 'de-DE',
};

/** The format region a language gives a contact whose Format Region is blank; '' when unknown. */
export const formatRegionForLanguage = (languageCode: string): string => FORMAT_REGION_BY_LANGUAGE[languageCode] ?? '';
