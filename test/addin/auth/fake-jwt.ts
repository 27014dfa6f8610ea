/** An unsigned JWT with the given `exp` (epoch seconds): the provider reads `exp`, never the signature. */
export function fakeJwt(claims: { exp?: number; sub?: string }): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}
