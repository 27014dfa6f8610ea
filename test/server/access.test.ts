import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import type { TestUser } from '../helpers/tokens';

type Access = 'public' | 'user' | 'manager' | 'admin';
type Operation = { operationId: string; 'x-rapport-access': Access; responses: Record<string, unknown> };
type Level = 'salesperson' | 'manager' | 'admin';

const RANK: Record<Access | Level, number> = { public: 0, user: 1, salesperson: 1, manager: 2, admin: 3 };

/** A value for a path parameter that names nothing, so an allowed call changes nothing. */
const placeholder = (name: string): string => {
  if (name === 'entryNo') return '999999';
  if (name === 'startingDate') return '2099-01-01';
  if (name === 'id') return '00000000-0000-4000-8000-000000000000';
  return 'ZZNONE';
};

const concretePath = (template: string) => template.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => placeholder(name));

describe.each(testEngines())('access by role on %s', (engine) => {
  let service: TestApp;
  let tenant: TestTenant;
  const users = {} as Record<Level, TestUser>;
  let operations: { method: string; path: string; operation: Operation }[] = [];

  beforeAll(async () => {
    service = await startTestApp(engine);
    tenant = await service.newTenant();
    users.salesperson = tenant.user();
    users.manager = tenant.user({ roles: ['Rapport.Manager'] });
    users.admin = tenant.admin;
    const document = (await tenant.request('GET', '/openapi.json', { as: null })).body as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  });
  afterAll(() => service.close());

  test('the document declares the access of every route and documents 403 where a role is needed', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const { operation } of operations) {
      expect(['public', 'user', 'manager', 'admin']).toContain(operation['x-rapport-access']);
      const needsRole = operation['x-rapport-access'] === 'manager' || operation['x-rapport-access'] === 'admin';
      if (needsRole) expect([operation.operationId, Object.hasOwn(operation.responses, '403')]).toEqual([operation.operationId, true]);
    }
  });

  test('every route answers each level as it declares: refused below its level, served at it and above', async () => {
    const mismatches: string[] = [];
    for (const { method, path, operation } of operations) {
      const access = operation['x-rapport-access'];
      if (access === 'public') continue;
      for (const level of ['salesperson', 'manager', 'admin'] as const) {
        const response = await tenant.request(method, concretePath(path), {
          as: users[level],
          ...(['POST', 'PUT', 'PATCH'].includes(method) ? { body: {} } : {}),
        });
        const allowed = RANK[level] >= RANK[access];
        const refusedByRole = response.status === 403 && typeof response.body?.details?.requiredRole === 'string';
        if (allowed ? refusedByRole || response.status === 401 : !refusedByRole) {
          mismatches.push(`${method} ${path} (${access}) as ${level}: ${response.status} ${response.body?.code ?? ''}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  test.each([
    ['GET', '/campaigns', 'user'],
    ['GET', '/contacts/{no}/campaigns', 'user'],
    ['POST', '/interactions/email', 'user'],
    ['POST', '/campaigns', 'manager'],
    ['POST', '/campaigns/{no}/activate', 'manager'],
    ['PUT', '/campaigns/{no}/price-lines', 'manager'],
    ['PUT', '/campaign-entries/{entryNo}/canceled', 'manager'],
    ['DELETE', '/campaign-entries/{entryNo}', 'manager'],
    ['POST', '/segments/{no}/log', 'manager'],
    ['PUT', '/logged-segments/{entryNo}/canceled', 'manager'],
    ['PUT', '/setup/marketing', 'admin'],
    ['PUT', '/setup/number-series/{code}', 'admin'],
  ])('%s %s needs %s', (method, path, access) => {
    const found = operations.find((entry) => entry.method === method && entry.path === path);
    expect(found?.operation['x-rapport-access']).toBe(access);
  });

  test('campaign and segment changes need a manager, setup changes an admin: a new route cannot forget it', () => {
    const tooOpen = operations
      .filter(({ method }) => method !== 'GET')
      .filter(({ path, operation }) => {
        const access = operation['x-rapport-access'];
        if (path.startsWith('/setup/')) return access !== 'admin';
        if (/^\/(campaigns|campaign-entries|segments|logged-segments|items)(\/|$)/.test(path)) return RANK[access] < RANK.manager;
        return false;
      })
      .map(({ method, path }) => `${method} ${path}`);
    expect(tooOpen).toEqual([]);
  });

  test('GET /me reports the level of each user', async () => {
    for (const level of ['salesperson', 'manager', 'admin'] as const) {
      expect((await tenant.request('GET', '/me', { as: users[level] })).body.accessLevel).toBe(level);
    }
  });

  test("a salesperson reads their own opportunities and tasks but not a colleague's; a manager reads both", async () => {
    const world = await salesWorld(service);
    await world.tenant.request('PUT', '/salespeople/BO', { body: { name: 'Bo Berg', email: 'bo@nordlys.example' } });
    const bo = world.tenant.user({ email: 'bo@nordlys.example' });
    const manager = world.tenant.user({ roles: ['Rapport.Manager'] });
    const annas = (await world.tenant.request('POST', '/opportunities', { as: world.anna, body: { description: 'Coffee machines', contactNo: world.person.no } })).body;
    const task = (await world.tenant.request('POST', '/tasks', { as: world.anna, body: { description: 'Call back', date: '2025-03-07', contactNo: world.person.no } })).body;
    expect([annas.salespersonCode, task.salespersonCode]).toEqual(['AL', 'AL']);

    expect((await world.tenant.request('GET', `/opportunities/${annas.no}`, { as: world.anna })).status).toBe(200);
    expect((await world.tenant.request('GET', `/tasks/${task.no}`, { as: world.anna })).status).toBe(200);
    const boReadsOpportunity = await world.tenant.request('GET', `/opportunities/${annas.no}`, { as: bo });
    expect([boReadsOpportunity.status, boReadsOpportunity.body.code]).toEqual([403, 'forbidden']);
    expect((await world.tenant.request('GET', `/tasks/${task.no}`, { as: bo })).status).toBe(403);
    expect((await world.tenant.request('GET', '/tasks?salespersonCode=AL', { as: bo })).status).toBe(403);
    expect((await world.tenant.request('GET', `/contacts/${world.person.no}/opportunities`, { as: bo })).body.items).toEqual([]);
    expect((await world.tenant.request('GET', `/contacts/${world.person.no}/tasks`, { as: bo })).body.items).toEqual([]);

    expect((await world.tenant.request('GET', `/opportunities/${annas.no}`, { as: manager })).status).toBe(200);
    expect((await world.tenant.request('GET', '/tasks?salespersonCode=AL', { as: manager })).body.items.map((item: { no: string }) => item.no)).toEqual([task.no]);
    expect((await world.tenant.request('GET', `/contacts/${world.company.no}/opportunities`, { as: manager })).body.items).toHaveLength(1);
  });

  test('a salesperson cannot create or activate a campaign and is told which role it needs; nothing is created', async () => {
    const tenant = await service.newTenant(); // the route walk above created campaigns in the shared one
    const salesperson = tenant.user();
    const manager = tenant.user({ roles: ['Rapport.Manager'] });
    const refused = await tenant.request('POST', '/campaigns', { as: salesperson, body: { description: 'Spring offer' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden', details: { requiredRole: 'Rapport.Manager' } });
    expect((await tenant.request('GET', '/campaigns', { as: salesperson })).body.items).toEqual([]);
    const created = await tenant.request('POST', '/campaigns', { as: manager, body: { description: 'Spring offer' } });
    expect(created.status).toBe(201);
    expect((await tenant.request('POST', `/campaigns/${created.body.no}/activate`, { as: salesperson })).status).toBe(403);
  });
});
