import type { Catalogue } from '../../../src/addin/i18n/catalogue';
import { createFormatters } from '../../../src/ui-shared/i18n/format';
import { formattingLocale, resolveLocale } from '../../../src/ui-shared/i18n/locales';
import { createTranslator } from '../../../src/ui-shared/i18n/translate';
import { enUS } from '../../../src/addin/i18n/en-US';
import { svSE } from '../../../src/addin/i18n/sv-SE';

describe('resolveLocale', () => {
  test.each([
    ['sv-SE', 'sv-SE'],
    ['SV-se', 'sv-SE'],
    ['sv-FI', 'sv-SE'],
    ['nl-BE', 'nl-NL'],
    ['nb-NO', 'nb-NO'],
    ['no-NO', 'nb-NO'],
    ['nn-NO', 'nb-NO'],
    ['da-DK', 'da-DK'],
    ['fi-FI', 'fi-FI'],
    ['de-AT', 'de-DE'],
    ['de_CH', 'de-DE'],
    ['en-GB', 'en-US'],
    ['pt-BR', 'en-US'],
    ['', 'en-US'],
    [null, 'en-US'],
  ] as const)('Outlook language %s → %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });

  test('formats in Outlook’s own region when Intl knows it: Dutch words, Belgian numbers', () => {
    expect(formattingLocale('nl-BE', 'nl-NL')).toBe('nl-BE');
    expect(formattingLocale('', 'nl-NL')).toBe('nl-NL');
    expect(formattingLocale('not a tag!', 'de-DE')).toBe('de-DE');
  });
});

describe('createTranslator', () => {
  test('fills placeholders and leaves the rest of the text alone', () => {
    const t = createTranslator(enUS, svSE);
    expect(t('log.loggedBy', { who: 'Bo Berg', when: '09:30' })).toBe('Loggat av Bo Berg, 09:30');
    expect(t('sync.signIn')).toBe('Logga in');
  });

  test('falls back to English for a key a catalogue lacks at run time', () => {
    // A catalogue chunk older than the pane's code: the type checker cannot see that one.
    const t = createTranslator(enUS, { ...svSE, 'sync.signIn': undefined } as unknown as Catalogue);
    expect(t('sync.signIn')).toBe('Sign in');
    expect(t('sync.signingIn')).toBe('Loggar in…');
  });
});

describe('createFormatters', () => {
  const now = new Date('2025-03-10T09:30:00Z');

  test.each([
    ['en-US', '€1,234.50', 'Mar 5, 2025', '25%'],
    ['sv-SE', '1 234,50 €', '5 mars 2025', '25 %'],
    ['de-DE', '1.234,50 €', '05.03.2025', '25 %'],
    ['fi-FI', '1 234,50 €', '5.3.2025', '25 %'],
  ])('%s writes money, dates and percentages its own way', (locale, money, date, percent) => {
    const format = createFormatters(locale, { currency: 'EUR', timeZone: 'UTC' });
    const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaces(format.money(1234.5))).toBe(money);
    expect(spaces(format.date('2025-03-05'))).toBe(date);
    expect(spaces(format.percent(25))).toBe(percent);
  });

  test('a calendar date is never shifted by the time zone', () => {
    expect(createFormatters('en-US', { currency: 'EUR', timeZone: 'Pacific/Honolulu' }).date('2025-03-01')).toBe('Mar 1, 2025');
  });

  test('moments: today as a time of day, other days with their date', () => {
    const format = createFormatters('en-US', { currency: 'EUR', timeZone: 'UTC' });
    expect(format.moment('2025-03-10T08:05:00Z', now)).toBe('8:05 AM');
    expect(format.moment('2025-03-09T08:05:00Z', now)).toBe('Mar 9, 2025, 8:05 AM');
  });

  test.each([
    ['2025-03-10T09:29:50Z', 'en-US', '10 seconds ago'],
    ['2025-03-10T09:28:00Z', 'en-US', '2 minutes ago'],
    ['2025-03-10T06:30:00Z', 'en-US', '3 hours ago'],
    ['2025-03-09T09:30:00Z', 'en-US', 'yesterday'],
    ['2025-03-10T09:25:00Z', 'sv-SE', 'för 5 minuter sedan'],
    ['2025-03-10T09:25:00Z', 'de-DE', 'vor 5 Minuten'],
  ])('%s relative to now in %s: %s', (iso, locale, expected) => {
    expect(createFormatters(locale, { currency: 'EUR', timeZone: 'UTC' }).relative(iso, now)).toBe(expected);
  });
});
