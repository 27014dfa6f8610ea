import { activeAltAddressCode, checkAltAddressDateRange, type AltAddressDateRange } from '../../../src/domain/contact/alt-address';
import { rapportErrorOf } from '../rapport-error';

const range = (altAddressCode: string, startingDate: string | null, endingDate: string | null = null): AltAddressDateRange => ({ altAddressCode, startingDate, endingDate });

describe('activeAltAddressCode (§2.6)', () => {
  const summerHouse = range('SUMMER', '2024-06-01', '2024-08-31');
  const newOffice = range('OFFICE', '2024-03-01');

  test.each<[string, readonly AltAddressDateRange[], string, string]>([
    ['no ranges: no alternative address', [], '2024-07-01', ''],
    ['a date inside a closed range picks it', [summerHouse], '2024-07-15', 'SUMMER'],
    ['the Starting Date itself is inside', [summerHouse], '2024-06-01', 'SUMMER'],
    ['the Ending Date itself is inside', [summerHouse], '2024-08-31', 'SUMMER'],
    ['the day before the Starting Date is outside', [summerHouse], '2024-05-31', ''],
    ['the day after the Ending Date is outside', [summerHouse], '2024-09-01', ''],
    ['a blank Ending Date is open-ended', [newOffice], '2030-01-01', 'OFFICE'],
    ['of overlapping ranges the latest start wins', [newOffice, summerHouse], '2024-07-01', 'SUMMER'],
    ['the latest start wins whatever the order given', [summerHouse, newOffice], '2024-07-01', 'SUMMER'],
    ['after a later range ends, the earlier open one is in force again', [newOffice, summerHouse], '2024-09-01', 'OFFICE'],
    ['a later range that has ended does not hide an earlier one', [range('A', '2024-01-01'), range('B', '2024-02-01', '2024-02-29')], '2024-03-15', 'A'],
    ['a range that starts later is not yet in force', [range('A', '2024-01-01', '2024-01-31'), range('B', '2024-05-01')], '2024-03-15', ''],
    ['a blank Starting Date counts as since always', [range('ALWAYS', null)], '1999-12-31', 'ALWAYS'],
    ['a range with a real start beats one without', [range('ALWAYS', null), range('LATER', '2024-01-01')], '2024-06-01', 'LATER'],
    ['a one-day range is in force on its day', [range('DAY', '2024-04-01', '2024-04-01')], '2024-04-01', 'DAY'],
    ['two ranges starting the same day: the first given wins', [range('FIRST', '2024-04-01'), range('SECOND', '2024-04-01')], '2024-04-02', 'FIRST'],
  ])('%s', (_title, ranges, date, expected) => {
    expect(activeAltAddressCode(ranges, date)).toBe(expected);
  });
});

describe('checkAltAddressDateRange', () => {
  test.each([
    ['an open-ended range', range('A', '2024-01-01')],
    ['a range ending after it starts', range('A', '2024-01-01', '2024-12-31')],
    ['a one-day range', range('A', '2024-01-01', '2024-01-01')],
  ])('accepts %s', (_title, candidate) => {
    expect(() => checkAltAddressDateRange(candidate)).not.toThrow();
  });

  test('refuses an Ending Date before the Starting Date with validation_failed on endingDate', () => {
    expect(rapportErrorOf(() => checkAltAddressDateRange(range('A', '2024-02-01', '2024-01-31')))).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'endingDate' }],
    });
  });
});
