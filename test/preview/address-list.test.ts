import { formatAddressList, parseAddressList } from '../../src/preview/address-list';

describe('parseAddressList', () => {
  test.each([
    ['a bare address', 'anna@x.example', [{ displayName: 'anna@x.example', emailAddress: 'anna@x.example' }]],
    ['a name and an address', 'Anna Berg <anna@x.example>', [{ displayName: 'Anna Berg', emailAddress: 'anna@x.example' }]],
    [
      'a quoted name with a comma, then a second address after a semicolon',
      '"O\'Brien, Pat" <pat@x.example>; kim@y.example',
      [
        { displayName: "O'Brien, Pat", emailAddress: 'pat@x.example' },
        { displayName: 'kim@y.example', emailAddress: 'kim@y.example' },
      ],
    ],
    ['escaped quotes inside a quoted name', '"O\'Brien, \\"Pat\\"" <pat@x.example>', [{ displayName: 'O\'Brien, "Pat"', emailAddress: 'pat@x.example' }]],
    ['parts without an @ dropped', 'Anna, , bob@x.example', [{ displayName: 'bob@x.example', emailAddress: 'bob@x.example' }]],
  ])('reads %s', (_case, input, expected) => {
    expect(parseAddressList(input)).toEqual(expected);
  });
});

describe('formatAddressList', () => {
  test('gives text that parses back to the same list', () => {
    const list = [
      { displayName: 'O\'Brien, "Pat"', emailAddress: 'pat@x.example' },
      { displayName: 'Åsa Öberg-Ölund', emailAddress: 'ASA.OBERG@ERIKSSON-STAL.EXAMPLE' },
      { displayName: 'kim.ek+crm@y.example', emailAddress: 'kim.ek+crm@y.example' },
    ];
    expect(formatAddressList(list)).toBe('"O\'Brien, \\"Pat\\"" <pat@x.example>; Åsa Öberg-Ölund <ASA.OBERG@ERIKSSON-STAL.EXAMPLE>; kim.ek+crm@y.example');
    expect(parseAddressList(formatAddressList(list))).toEqual(list);
  });
});
