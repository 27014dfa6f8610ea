import { cacheToken, REFRESH_MARGIN_MS } from '../../../src/addin/auth/cached-token';
import { jwtExpiry } from '../../../src/addin/auth/jwt-expiry';
import { fakeJwt } from './fake-jwt';

describe('jwtExpiry', () => {
  test.each([
    ['a JWT with a numeric exp gives it in milliseconds', fakeJwt({ exp: 1_700_000_000 }), 1_700_000_000_000],
    ['a JWT without exp gives null', fakeJwt({ sub: 'someone' }), null],
    ['an opaque token gives null', 'not-a-jwt', null],
    ['a payload that is not base64 JSON gives null', 'aGVhZGVy.%%%.c2ln', null],
    ['a payload with a string exp gives null', `x.${Buffer.from('{"exp":"soon"}').toString('base64url')}.y`, null],
  ])('%s', (_title, token, expected) => {
    expect(jwtExpiry(token)).toBe(expected);
  });

  test('a payload whose base64url needs padding and uses - and _ still decodes', () => {
    // "~~~" encodes to "fn5-" in base64url: the decoder must map - and _ back before atob.
    const payload = Buffer.from(JSON.stringify({ exp: 2_000_000_000, note: '~~~???' })).toString('base64url');
    expect(payload).toMatch(/[-_]/);
    expect(jwtExpiry(`h.${payload}.s`)).toBe(2_000_000_000_000);
  });
});

describe('cacheToken', () => {
  const now = 1_000_000_000_000;
  const exp = now / 1000 + 3600;

  test.each([
    ['the JWT exp alone sets the deadline, less the margin', fakeJwt({ exp }), null, exp * 1000 - REFRESH_MARGIN_MS],
    ['a shorter stated expiry wins over exp', fakeJwt({ exp }), now + 600_000, now + 600_000 - REFRESH_MARGIN_MS],
    ['a longer stated expiry loses to exp', fakeJwt({ exp }), now + 7_200_000, exp * 1000 - REFRESH_MARGIN_MS],
    ['an opaque token with a stated expiry uses it', 'opaque', now + 600_000, now + 600_000 - REFRESH_MARGIN_MS],
  ])('%s', (_title, token, expiresAt, refreshAt) => {
    expect(cacheToken(token, expiresAt, now)).toEqual({ accessToken: token, refreshAt });
  });

  test.each([
    ['no expiry known at all', 'opaque', null],
    ['a token inside the margin of its expiry', fakeJwt({ exp: now / 1000 + 30 }), null],
  ])('is not cached: %s', (_title, token, expiresAt) => {
    expect(cacheToken(token, expiresAt, now)).toBeNull();
  });
});
