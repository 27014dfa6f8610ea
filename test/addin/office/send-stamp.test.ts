import type { SendStamp } from '../../../src/addin/office/mail-host';
import { formatStampHeader, formatStampProperty, headerValue, parseStampHeader, parseStampProperty } from '../../../src/addin/office/send-stamp';

const ID = '6f1c2a4e-9b1d-4c7e-8f3a-2d5b7c9e1a20';

describe('the send stamp', () => {
  test.each<SendStamp>([
    { interactionId: ID, state: 'waiting' },
    { interactionId: ID, state: 'logged' },
  ])('survives the round trip through header and property in state $state', (stamp) => {
    expect(parseStampHeader(formatStampHeader(stamp))).toEqual(stamp);
    expect(parseStampProperty(formatStampProperty(stamp))).toEqual(stamp);
  });

  test.each<[string, unknown, SendStamp | null]>([
    ['a UUID and a state', `${ID};waiting`, { interactionId: ID, state: 'waiting' }],
    ['white space around the parts', `  ${ID} ; logged `, { interactionId: ID, state: 'logged' }],
    ['an upper-case UUID, given back in lower case', `${ID.toUpperCase()};logged`, { interactionId: ID, state: 'logged' }],
    ['an unknown state', `${ID};sent`, null],
    ['no state', ID, null],
    ['a third part', `${ID};waiting;extra`, null],
    ['something that is no UUID', 'abc;waiting', null],
    ['an empty value', '', null],
    ['no string at all', 42, null],
  ])('a header value with %s reads as expected', (_case, value, expected) => {
    expect(parseStampHeader(value)).toEqual(expected);
  });

  test.each<[string, unknown, SendStamp | null]>([
    ['JSON text', JSON.stringify({ interactionId: ID, state: 'waiting' }), { interactionId: ID, state: 'waiting' }],
    ['an object, as some clients hand back', { interactionId: ID, state: 'logged' }, { interactionId: ID, state: 'logged' }],
    ['damaged JSON', '{"interactionId":', null],
    ['JSON without a state', JSON.stringify({ interactionId: ID }), null],
    ['JSON null', 'null', null],
    ['nothing', undefined, null],
  ])('a custom property with %s reads as expected', (_case, value, expected) => {
    expect(parseStampProperty(value)).toEqual(expected);
  });

  test.each<[string, string, string | null]>([
    ['finds a header whatever its letter case', 'Subject: Hi\r\nX-RAPPORT-Interaction: abc\r\n', 'abc'],
    ['unfolds a folded header', 'x-rapport-interaction: abc\r\n  def\r\nSubject: Hi', 'abc def'],
    ['takes the first of two', 'x-rapport-interaction: one\nx-rapport-interaction: two\n', 'one'],
    ['ignores a continuation line that looks like the header', 'Subject: Hi\r\n x-rapport-interaction: no\r\n', null],
    ['answers null when the header is absent', 'Subject: Hi\r\n', null],
  ])('headerValue %s', (_case, raw, expected) => {
    expect(headerValue(raw, 'x-rapport-interaction')).toBe(expected);
  });
});
