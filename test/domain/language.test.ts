import { formatRegionForLanguage } from '../../src/domain/language';

describe('format regions of languages', () => {
  test.each([
    ['ENU', 'en-US'],
    ['SVE', 'sv-SE'],
    ['NOR', 'nb-NO'],
    ['DAN', 'da-DK'],
    ['FIN', 'fi-FI'],
    ['NLD', 'nl-NL'],
    ['NLB', 'nl-BE'],
    ['DEU', 'de-DE'],
    ['XYZ', ''],
  ])('%s formats as %s', (language, region) => {
    expect(formatRegionForLanguage(language)).toBe(region);
  });
});
