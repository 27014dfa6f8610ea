import { marketingSetupPatchSchema, marketingSetupSchema, type MarketingSetupBody } from '../../src/contract/marketing-setup';
import { RapportError } from '../../src/domain/errors';
import { applyMarketingSetupChange, DEFAULT_MARKETING_SETUP } from '../../src/domain/marketing-setup-rules';
import type { FetchLike } from '../../src/console/api/console-api';
import type { DevUser } from '../../src/console/auth/console-auth';

/**
 * A stand-in for the service behind the console's fetch: the dev routes, `GET /me`, and Marketing
 * Setup with the service's rules (coupled flags by the domain's own function, admin-only changes).
 * It checks the shape of every request it is sent — a bearer token on every API call, a PATCH body
 * the contract accepts — and records each one, so tests can say what the console sent.
 */

export const ADMIN: DevUser = { email: 'astrid.lindqvist@nordlys.example', name: 'Astrid Lindqvist', roles: ['Rapport.Admin', 'Rapport.Manager'] };
export const SALESPERSON: DevUser = { email: 'jonas.berg@nordlys.example', name: 'Jonas Berg', roles: [] };
export const MANAGER: DevUser = { email: 'maria.holm@nordlys.example', name: 'Maria Holm', roles: ['Rapport.Manager'] };

export type RecordedRequest = { method: string; path: string; body: unknown; user: string | null; contentType?: string | null; file?: Blob };

/** A canned answer for one request, instead of the service's own. */
export type Override = (request: RecordedRequest) => Response | Promise<Response> | undefined;

/**
 * An answer as the console reads it. jsdom has no fetch API (no Response, no Headers), so the
 * answers are plain objects with the members the console uses.
 */
export function answer(status: number, text: string, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { 'content-type': contentType, ...extraHeaders };
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    blob: async () => new Blob([text], { type: contentType }),
  } as unknown as Response;
}

export const json = (status: number, body: unknown, type = 'application/json') => answer(status, JSON.stringify(body), type);
export const problem = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: `https://rapport.example/problems/${code}`, status, title: 'Error', detail, code, ...extra }, 'application/problem+json');

const levelOf = (user: DevUser) => (user.roles.includes('Rapport.Admin') ? 'admin' : user.roles.includes('Rapport.Manager') ? 'manager' : 'salesperson');

/**
 * More of the service: answers the requests it knows (a signed-in user's), or undefined for the
 * next routes and, in the end, 404. `malformed` collects requests that break the contract.
 */
export type FakeRoutes = (request: RecordedRequest & { pathname: string; query: URLSearchParams; level: 'admin' | 'manager' | 'salesperson' }, malformed: string[]) => Response | Promise<Response | undefined> | undefined;

export type FakeService = {
  fetch: FetchLike;
  requests: RecordedRequest[];
  /** Requests that broke the service's rules of shape; every test expects none. */
  malformed: string[];
  setup: MarketingSetupBody;
  /** Answers the next matching request itself; return undefined to let the service answer. */
  override(handler: Override | null): void;
  apiRequests(): RecordedRequest[];
};

export function createFakeService(options: { users?: DevUser[]; setup?: Partial<MarketingSetupBody>; routes?: FakeRoutes } = {}): FakeService {
  const users = options.users ?? [ADMIN, SALESPERSON, MANAGER];
  const requests: RecordedRequest[] = [];
  const malformed: string[] = [];
  let overrideHandler: Override | null = null;
  const service: FakeService = {
    requests,
    malformed,
    setup: marketingSetupSchema.parse({ ...DEFAULT_MARKETING_SETUP, ...options.setup }),
    override(handler) {
      overrideHandler = handler;
    },
    apiRequests: () => requests.filter((request) => request.path.startsWith('/api/v1/')),
    async fetch(url, init) {
      const { pathname, search } = new URL(url);
      const method = init.method ?? 'GET';
      const headerValues = new Map(Object.entries((init.headers ?? {}) as Record<string, string>).map(([name, value]) => [name.toLowerCase(), value]));
      const headers = { get: (name: string) => headerValues.get(name) ?? null };
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const bearer = /^Bearer token-for:(.+)$/.exec(headers.get('authorization') ?? '')?.[1] ?? null;
      const request: RecordedRequest = { method, path: pathname + search, body, user: bearer };
      if (init.body instanceof Blob) Object.assign(request, { contentType: headers.get('content-type'), file: init.body });
      requests.push(request);
      if (pathname.startsWith('/api/v1/') && bearer === null) malformed.push(`${method} ${pathname} without a bearer token`);
      if (body !== undefined && headers.get('content-type') !== 'application/json') malformed.push(`${method} ${pathname} with a body that is not declared JSON`);
      const canned = await overrideHandler?.(request);
      if (canned !== undefined) return canned;

      if (method === 'GET' && pathname === '/dev/users') return json(200, { items: users });
      if (method === 'POST' && pathname === '/dev/token') {
        const email = (body as { email?: string } | undefined)?.email;
        if (!users.some((user) => user.email === email)) return problem(404, 'not_found', `${String(email)} is not a demo user.`);
        return json(200, { accessToken: `token-for:${String(email)}`, tokenType: 'Bearer', expiresIn: 28800 });
      }
      const user = users.find((candidate) => candidate.email === bearer);
      if (pathname.startsWith('/api/v1/') && user === undefined) return problem(401, 'unauthenticated', 'Send an access token.');
      if (method === 'GET' && pathname === '/api/v1/me' && user !== undefined) {
        return json(200, { tenantId: 't1', userId: 'u1', email: user.email, name: user.name, roles: user.roles, accessLevel: levelOf(user), salespersonCode: 'AL' });
      }
      if (method === 'GET' && pathname === '/api/v1/setup/marketing') return json(200, service.setup);
      if (method === 'PATCH' && pathname === '/api/v1/setup/marketing' && user !== undefined) {
        if (levelOf(user) !== 'admin') return problem(403, 'forbidden', 'This needs the Rapport.Admin role.', { details: { requiredRole: 'Rapport.Admin' } });
        const patch = marketingSetupPatchSchema.safeParse(body);
        if (!patch.success) {
          malformed.push(`PATCH /setup/marketing with a body the contract refuses: ${JSON.stringify(body)}`);
          return problem(400, 'validation_failed', 'The request body is not valid.');
        }
        let change: ReturnType<typeof applyMarketingSetupChange>;
        try {
          change = applyMarketingSetupChange(service.setup, { ...service.setup, ...patch.data });
        } catch (error) {
          if (error instanceof RapportError) return problem(400, error.code, error.message, { fields: error.fields ?? [] });
          throw error;
        }
        service.setup = change.setup;
        const rebuild = change.rebuildDuplicateIndex
          ? { id: '00000000-0000-4000-8000-000000000001', kind: 'duplicate-search-rebuild', status: 'queued', progress: { done: 0, total: null }, outcome: null, error: null, createdBy: 'admin@nordlys.example', createdAt: '2025-03-05T09:00:00.000Z', startedAt: null, finishedAt: null }
          : null;
        return json(200, { ...change.setup, duplicateSearchRebuild: rebuild });
      }
      if (user !== undefined && options.routes !== undefined) {
        const routed = await options.routes({ ...request, pathname, query: new URLSearchParams(search), level: levelOf(user) }, malformed);
        if (routed !== undefined) return routed;
      }
      return problem(404, 'route_not_found', `There is no ${method} ${pathname}.`);
    },
  };
  return service;
}
