import { createSendLog } from '../../../src/addin/commands/service-client';
import type { EmailLogBody, SendLogOutcome } from '../../../src/addin/commands/send-log';
import type { FetchLike } from '../../../src/addin/api/sync-api';

const BODY: EmailLogBody = {
  id: '11111111-1111-4111-8111-111111111111',
  internetMessageId: '<m1@fabrikam.example>',
  conversationId: '',
  subject: 'Quote',
  from: { name: 'Robin Lee', address: 'robin@fabrikam.example' },
  to: [{ name: 'Annette Hill', address: 'annette@cronus.example' }],
  cc: [],
  sentAt: '2025-03-04T09:15:00.000Z',
  bodyText: '',
  attachmentNames: [],
  contactNos: [],
};

const interaction = (alreadyLogged: boolean, userEmail = 'annette@cronus.example') => ({
  entryNo: 1, id: BODY.id, contactNo: 'CT000001', contactCompanyNo: 'CT000000', date: '2025-03-04', timeOfInteraction: '09:15:00',
  description: 'Quote', subject: 'Quote', informationFlow: 'inbound', initiatedBy: 'them', interactionGroupCode: 'SALES',
  interactionTemplateCode: 'EMAILS', interactionLanguageCode: '', costLcy: 0, durationMin: 0, salespersonCode: 'AH', userEmail,
  evaluation: '', attemptFailed: false, correspondenceType: 'email', canceled: false, postponed: false, emailLogged: true,
  internetMessageId: BODY.internetMessageId, campaignNo: '', campaignEntryNo: 0, campaignTarget: false, campaignResponse: false, opportunityNo: '',
  loggedAt: '2025-03-04T10:00:00.000Z', alreadyLogged,
});

const json = (status: number, body: unknown, contentType = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

function client(answers: (Response | Error)[], tokens: (string | null)[] = ['token-1', 'token-2'], timeoutMs = 1000) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, init });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('more requests than the test expects');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const getToken = jest.fn(async () => tokens.shift() ?? null);
  return { requests, getToken, sendLog: createSendLog({ baseUrl: 'https://rapport.example.com/crm/', fetch, getToken, timeoutMs }) };
}

describe('sendLog over HTTP', () => {
  test('posts the body to /api/v1/interactions/email with the bearer token', async () => {
    const { requests, sendLog } = client([json(200, { interactions: [interaction(false)], unmatchedAddresses: [], ambiguousAddresses: [] })]);
    await sendLog(BODY);
    expect(requests.map(({ url, init }) => [url, init.method, (init.headers as Record<string, string>).authorization, JSON.parse(String(init.body))])).toEqual([
      ['https://rapport.example.com/crm/api/v1/interactions/email', 'POST', 'Bearer token-1', BODY],
    ]);
  });

  test.each<[string, Response | Error, SendLogOutcome]>([
    ['a new interaction is logged', json(200, { interactions: [interaction(false), interaction(true)], unmatchedAddresses: ['x@y.example'], ambiguousAddresses: [] }), { kind: 'logged', interactionCount: 1, unmatchedAddresses: ['x@y.example'] }],
    ['every interaction existed is already logged, by whom the reply says', json(200, { interactions: [interaction(true, 'otto@cronus.example')], unmatchedAddresses: [], ambiguousAddresses: [] }), { kind: 'alreadyLogged', loggedBy: 'otto@cronus.example' }],
    ['no interaction is nobody known', json(200, { interactions: [], unmatchedAddresses: ['robin@fabrikam.example'], ambiguousAddresses: [{ address: 'info@fabrikam.example', contactNos: ['CT1', 'CT2'] }] }), { kind: 'nobodyKnown', unmatchedAddresses: ['robin@fabrikam.example'], ambiguousAddresses: ['info@fabrikam.example'] }],
    ['a 422 problem is rejected with its code', json(422, { status: 422, title: 'Invalid', code: 'validation_failed' }, 'application/problem+json'), { kind: 'rejected', code: 'validation_failed' }],
    ['a 503 is unreachable', json(503, { status: 503, title: 'Unavailable', code: 'unavailable' }, 'application/problem+json'), { kind: 'unreachable' }],
    ['a 429 is unreachable', json(429, {}), { kind: 'unreachable' }],
    ['a 2xx that is no reply of the contract is unreachable', new Response('<html>portal</html>', { status: 200, headers: { 'content-type': 'text/html' } }), { kind: 'unreachable' }],
    ['no answer at all is unreachable', new TypeError('Failed to fetch'), { kind: 'unreachable' }],
  ])('%s', async (_case, answer, expected) => {
    const { sendLog } = client([answer]);
    await expect(sendLog(BODY)).resolves.toEqual(expected);
  });

  test('a 401 is retried once with a renewed token', async () => {
    const { requests, getToken, sendLog } = client([json(401, { code: 'unauthenticated' }), json(200, { interactions: [interaction(false)], unmatchedAddresses: [], ambiguousAddresses: [] })]);
    await expect(sendLog(BODY)).resolves.toMatchObject({ kind: 'logged' });
    expect(getToken.mock.calls).toEqual([[{ forceRefresh: false }], [{ forceRefresh: true }]]);
    expect(requests.map(({ init }) => (init.headers as Record<string, string>).authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  test('a 401 to the renewed token too is unauthenticated', async () => {
    const { sendLog } = client([json(401, { code: 'unauthenticated' }), json(401, { code: 'unauthenticated' })]);
    await expect(sendLog(BODY)).resolves.toEqual({ kind: 'unauthenticated' });
  });

  test.each<[string, () => Promise<string | null>]>([
    ['there is no token', async () => null],
    ['getting one fails', async () => Promise.reject(new Error('interaction required'))],
  ])('is unauthenticated without a request when %s', async (_case, getToken) => {
    const requests: string[] = [];
    const sendLog = createSendLog({ baseUrl: 'https://rapport.example.com', fetch: async (url) => (requests.push(url), json(200, {})), getToken, timeoutMs: 1000 });
    await expect(sendLog(BODY)).resolves.toEqual({ kind: 'unauthenticated' });
    expect(requests).toEqual([]);
  });

  test('an answer that takes longer than the timeout is unreachable, and the request is aborted', async () => {
    jest.useFakeTimers();
    let signal: AbortSignal | undefined;
    const sendLog = createSendLog({
      baseUrl: 'https://rapport.example.com',
      fetch: (_url, init) => {
        signal = init.signal ?? undefined;
        return new Promise<Response>(() => undefined);
      },
      getToken: async () => 'token',
      timeoutMs: 5000,
    });
    const outcome = sendLog(BODY);
    await jest.advanceTimersByTimeAsync(5000);
    await expect(outcome).resolves.toEqual({ kind: 'unreachable' });
    expect(signal?.aborted).toBe(true);
    jest.useRealTimers();
  });
});
