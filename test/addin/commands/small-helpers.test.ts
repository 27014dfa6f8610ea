import { newInteractionId } from '../../../src/addin/commands/new-interaction-id';
import { serviceBaseUrl } from '../../../src/addin/commands/service-base-url';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newInteractionId', () => {
  test.each<[string, Parameters<typeof newInteractionId>[0]]>([
    ['crypto.randomUUID', globalThis.crypto],
    ['crypto.getRandomValues alone, as in classic Outlook’s JavaScript runtime', { getRandomValues: (bytes) => globalThis.crypto.getRandomValues(bytes) }],
    ['neither', undefined],
  ])('makes a version 4 UUID with %s', (_case, cryptoApi) => {
    const ids = new Set(Array.from({ length: 50 }, () => newInteractionId(cryptoApi)));
    expect(ids.size).toBe(50);
    expect([...ids].every((id) => UUID_V4.test(id))).toBe(true);
  });
});

describe('serviceBaseUrl', () => {
  test.each<[string, string | undefined, string | null]>([
    ['the origin for the add-in at the root', 'https://rapport.example.com/addin/commands.html', 'https://rapport.example.com'],
    ['the path prefix for the add-in under one', 'https://example.com/crm/rapport/addin/commands.html?_host_Info=Outlook', 'https://example.com/crm/rapport'],
    ['the local development service', 'http://localhost:3000/addin/commands.html', 'http://localhost:3000'],
    ['null for a page outside /addin/', 'https://rapport.example.com/commands.html', null],
    ['null without a page, as in the JavaScript-only runtime', undefined, null],
    ['null for something that is no URL', 'about:blank', null],
  ])('is %s', (_case, pageUrl, expected) => {
    expect(serviceBaseUrl(pageUrl)).toBe(expected);
  });
});
