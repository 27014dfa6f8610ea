import fc from 'fast-check';
import { devTokenOf, dialogMessageOf, emailLogBodyOf, jwtExpOf, logEmailReplyOf, problemOf } from '../../../src/addin/api/guards';
import { logEmailBodySchema, logEmailReplySchema } from '../../../src/contract/interactions';
import { problemSchema } from '../../../src/contract/problem';

// The guards stand in for the contract's schemas where zod would not fit (guards.ts says why).
// Each is held to its schema here: whatever the schema accepts, the guard accepts and reads the
// same; whatever breaks a member the guard reads, both refuse.

/** A value of another JSON type than `value`'s, for breaking a member. */
const otherTypeThan = (value: unknown) =>
  fc.constantFrom<unknown>(null, 42, 'text', true, [], {}).filter((other) => typeof other !== typeof value || Array.isArray(other) !== Array.isArray(value) || (other === null) !== (value === null));

/** `value` with the member at `path` replaced (or deleted, for undefined). */
function withMember(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined) delete at[last];
  else at[last] = replacement;
  return copy;
}

const INTERACTION = {
  entryNo: 1, id: '0b7e1f52-7f5e-4c36-a8a4-0c55d3c2f0a1', contactNo: 'CT000001', contactCompanyNo: 'CT000000', date: '2025-03-04', timeOfInteraction: '09:15:00',
  description: 'Quote', subject: 'Quote', informationFlow: 'inbound', initiatedBy: 'them', interactionGroupCode: 'SALES', interactionTemplateCode: 'EMAILS',
  interactionLanguageCode: '', costLcy: 0, durationMin: 0, salespersonCode: 'AH', userEmail: 'annette@cronus.example', evaluation: '', attemptFailed: false,
  correspondenceType: 'email', canceled: false, postponed: false, emailLogged: true, internetMessageId: '<m1@fabrikam.example>', campaignNo: '',
  campaignEntryNo: 0, campaignTarget: false, campaignResponse: false, opportunityNo: '', loggedAt: '2025-03-04T10:00:00.000Z',
};

const replyArbitrary = fc.record({
  interactions: fc.array(fc.record({ alreadyLogged: fc.boolean(), userEmail: fc.string(), contactNo: fc.string() }).map((varied) => ({ ...INTERACTION, ...varied })), { maxLength: 4 }),
  unmatchedAddresses: fc.array(fc.string(), { maxLength: 3 }),
  ambiguousAddresses: fc.array(fc.record({ address: fc.string(), contactNos: fc.array(fc.string(), { maxLength: 3 }) }), { maxLength: 3 }),
});

describe('the reply to "Log email"', () => {
  test('every reply of the contract is read as the contract reads it', () => {
    fc.assert(
      fc.property(replyArbitrary, (reply) => {
        const parsed = logEmailReplySchema.parse(reply);
        expect(logEmailReplyOf(reply)).toEqual({
          interactions: parsed.interactions.map(({ alreadyLogged, userEmail }) => ({ alreadyLogged, userEmail })),
          unmatchedAddresses: parsed.unmatchedAddresses,
          ambiguousAddresses: parsed.ambiguousAddresses,
        });
      }),
    );
  });

  /** The members "Log email" reads, in a reply that has one of each. */
  const READ_PATHS: (string | number)[][] = [
    [],
    ['interactions'],
    ['interactions', 0],
    ['interactions', 0, 'alreadyLogged'],
    ['interactions', 0, 'userEmail'],
    ['unmatchedAddresses'],
    ['unmatchedAddresses', 0],
    ['ambiguousAddresses'],
    ['ambiguousAddresses', 0],
    ['ambiguousAddresses', 0, 'address'],
    ['ambiguousAddresses', 0, 'contactNos'],
    ['ambiguousAddresses', 0, 'contactNos', 0],
  ];
  const FULL_REPLY = { interactions: [INTERACTION].map((interaction) => ({ ...interaction, alreadyLogged: false })), unmatchedAddresses: ['x@y.example'], ambiguousAddresses: [{ address: 'info@y.example', contactNos: ['CT1', 'CT2'] }] };

  test('a reply with a member it reads missing or of another type is refused, as the contract refuses it', () => {
    for (const path of READ_PATHS.filter((path) => path.length > 0 && typeof path.at(-1) === 'string')) {
      const broken = withMember(FULL_REPLY, path, undefined);
      expect([path.join('.'), logEmailReplyOf(broken), logEmailReplySchema.safeParse(broken).success]).toEqual([path.join('.'), null, false]);
    }
    fc.assert(
      fc.property(fc.constantFrom(...READ_PATHS), fc.nat(), (path, seed) => {
        const current = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], FULL_REPLY);
        const replacement = fc.sample(otherTypeThan(current), { seed, numRuns: 1 })[0];
        const broken = path.length === 0 ? replacement : withMember(FULL_REPLY, path, replacement);
        expect(logEmailReplyOf(broken)).toBeNull();
        expect(logEmailReplySchema.safeParse(broken).success).toBe(false);
      }),
    );
  });

  test.each<[string, unknown]>([
    ['a proxy page read as JSON text', '<html>portal</html>'],
    ['an empty object', {}],
    ['a problem document', { status: 422, title: 'Invalid', detail: 'No.', code: 'validation_failed' }],
  ])('%s is no reply', (_case, value) => {
    expect(logEmailReplyOf(value)).toBeNull();
  });
});

describe('a problem document', () => {
  const problemArbitrary = fc.record(
    {
      type: fc.string(),
      status: fc.integer({ min: 400, max: 599 }),
      title: fc.string(),
      detail: fc.string(),
      code: fc.string(),
      fields: fc.array(fc.record({ path: fc.string(), message: fc.string() }), { maxLength: 2 }),
    },
    { requiredKeys: ['type', 'status', 'title', 'detail', 'code'] },
  );

  test('every problem of the contract gives its code and detail', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const parsed = problemSchema.parse(problem);
        expect(problemOf(problem)).toEqual({ code: parsed.code, detail: parsed.detail });
      }),
    );
  });

  test.each<[string, unknown, { code: string | null; detail: string | null }]>([
    ['without detail, the title is the text', { status: 404, title: 'Not found', code: 'not_found' }, { code: 'not_found', detail: 'Not found' }],
    ['with the code alone, there is no text', { code: 'conflict' }, { code: 'conflict', detail: null }],
    ['unknown members are allowed', { code: 'conflict', instance: '/x', details: { jobId: 'j' } }, { code: 'conflict', detail: null }],
    ['without a code it is none', { status: 500, title: 'Oops', detail: 'Broken.' }, { code: null, detail: null }],
    ['a numeric code makes it none', { code: 409 }, { code: null, detail: null }],
    ['a status that is no integer makes it none', { code: 'x', status: '422' }, { code: null, detail: null }],
    ['a detail that is no text makes it none', { code: 'x', detail: 7 }, { code: null, detail: null }],
    ['an array is none', [{ code: 'x' }], { code: null, detail: null }],
    ['null is none', null, { code: null, detail: null }],
  ])('%s', (_case, value, expected) => {
    expect(problemOf(value)).toEqual(expected);
  });
});

describe('the log kept on an item', () => {
  const text = (max: number) => fc.string({ maxLength: max }).map((value) => value.trim());
  const mailbox = fc.record({ name: text(20), address: fc.emailAddress() });
  const code = fc.stringMatching(/^[A-Z0-9]{1,20}$/);
  const bodyArbitrary = fc.record(
    {
      id: fc.uuid({ version: 4 }),
      internetMessageId: fc.stringMatching(/^<[a-z0-9.]{1,20}@[a-z]{1,10}\.example>$/),
      conversationId: text(30),
      subject: text(40),
      from: mailbox,
      to: fc.array(mailbox, { maxLength: 3 }),
      cc: fc.array(mailbox, { maxLength: 3 }),
      sentAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString()),
      bodyText: text(60),
      attachmentNames: fc.array(text(20), { maxLength: 3 }),
      contactNos: fc.array(code, { maxLength: 3 }),
      campaignNo: code,
      campaignTarget: fc.boolean(),
      campaignResponse: fc.boolean(),
      opportunityNo: code,
      mailboxAddress: fc.emailAddress(),
    },
    { requiredKeys: ['id', 'internetMessageId', 'from', 'sentAt'] },
  );

  test('every log of the contract reads back as the contract reads it, defaults filled in', () => {
    fc.assert(
      fc.property(bodyArbitrary, (body) => {
        expect(emailLogBodyOf(body)).toEqual(logEmailBodySchema.parse(body));
      }),
    );
  });

  test('a log with a member missing, of another type or unknown is refused, as the contract refuses it', () => {
    const full = logEmailBodySchema.parse(fc.sample(bodyArbitrary.filter((body) => body.to !== undefined && body.to.length > 0), { seed: 7, numRuns: 1 })[0]);
    // The id is the guard's own requirement (the next test).
    const required = ['internetMessageId', 'from', 'sentAt', ['from', 'address']];
    for (const path of required) {
      const broken = withMember(full, Array.isArray(path) ? path : [path], undefined);
      expect(emailLogBodyOf(broken)).toBeNull();
      expect(logEmailBodySchema.safeParse(broken).success).toBe(false);
    }
    const members = Object.keys(full).map((key) => [key]).concat([['from', 'name'], ['from', 'address'], ['to', '0'], ['to', '0', 'address']]);
    fc.assert(
      fc.property(fc.constantFrom(...members), fc.nat(), (path, seed) => {
        const current = path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], full);
        const replacement = fc.sample(otherTypeThan(current), { seed, numRuns: 1 })[0];
        const broken = withMember(full, path, replacement);
        expect(emailLogBodyOf(broken)).toBeNull();
        expect(logEmailBodySchema.safeParse(broken).success).toBe(false);
      }),
    );
    for (const broken of [{ ...full, mailboxAddress: 'sales' }, { ...full, hello: 'world' }, { ...full, from: { ...full.from, extra: 1 } }, { ...full, id: 'not-a-uuid' }, { ...full, internetMessageId: '  ' }, { ...full, sentAt: 'yesterday' }, { ...full, to: [{ name: 'Sales', address: '/o=Exchange/cn=sales' }] }]) {
      expect(emailLogBodyOf(broken)).toBeNull();
      expect(logEmailBodySchema.safeParse(broken).success).toBe(false);
    }
  });

  test('a log without an id, which could not be retried safely, is refused although the contract takes it', () => {
    const withoutId: Record<string, unknown> = { ...logEmailBodySchema.parse(fc.sample(bodyArbitrary, { seed: 3, numRuns: 1 })[0]) };
    delete withoutId.id;
    expect(logEmailBodySchema.safeParse(withoutId).success).toBe(true);
    expect(emailLogBodyOf(withoutId)).toBeNull();
  });
});

describe('the dev-mode token', () => {
  test.each<[string, unknown, ReturnType<typeof devTokenOf>]>([
    ['a token with its lifetime', { accessToken: 'eyJ.x.y', tokenType: 'Bearer', expiresIn: 3600 }, { accessToken: 'eyJ.x.y', expiresIn: 3600 }],
    ['a token alone', { accessToken: 'eyJ.x.y' }, { accessToken: 'eyJ.x.y' }],
    ['other members are allowed', { accessToken: 't', scope: 'x' }, { accessToken: 't' }],
    ['an empty token is none', { accessToken: '' }, null],
    ['a lifetime of zero is none', { accessToken: 't', expiresIn: 0 }, null],
    ['a lifetime in text is none', { accessToken: 't', expiresIn: '3600' }, null],
    ['a token type that is no text is none', { accessToken: 't', tokenType: 1 }, null],
    ['no object is none', 'token', null],
  ])('%s', (_case, value, expected) => {
    expect(devTokenOf(value)).toEqual(expected);
  });
});

describe('the sign-in dialog message', () => {
  test.each<[string, unknown, ReturnType<typeof dialogMessageOf>]>([
    ['a success with its expiry', { status: 'success', accessToken: 't', expiresOn: 1_700_000_000_000 }, { status: 'success', accessToken: 't', expiresOn: 1_700_000_000_000 }],
    ['a success without a known expiry', { status: 'success', accessToken: 't', expiresOn: null }, { status: 'success', accessToken: 't', expiresOn: null }],
    ['a failure with msal code', { status: 'failure', code: 'user_cancelled' }, { status: 'failure', code: 'user_cancelled' }],
    ['a success without a token is none', { status: 'success', accessToken: '', expiresOn: null }, null],
    ['a success without expiresOn is none', { status: 'success', accessToken: 't' }, null],
    ['a success with a member more is none', { status: 'success', accessToken: 't', expiresOn: null, extra: 1 }, null],
    ['a failure with a numeric code is none', { status: 'failure', code: 4 }, null],
    ['a failure with a member more is none', { status: 'failure', code: 'x', accessToken: 't' }, null],
    ['another status is none', { status: 'pending' }, null],
    ['null is none', null, null],
  ])('%s', (_case, value, expected) => {
    expect(dialogMessageOf(value)).toEqual(expected);
  });
});

describe('a JWT payload', () => {
  test.each<[string, unknown, number | null]>([
    ['a numeric exp', { exp: 1_700_000_000, sub: 'x' }, 1_700_000_000],
    ['an exp in text is none', { exp: '1700000000' }, null],
    ['an infinite exp is none', { exp: Infinity }, null],
    ['no exp is none', { sub: 'x' }, null],
    ['no object is none', [1_700_000_000], null],
  ])('%s', (_case, value, expected) => {
    expect(jwtExpOf(value)).toBe(expected);
  });
});
