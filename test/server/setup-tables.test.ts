import { z } from 'zod';
import { codeListEntrySchema, duplicateSearchSetupSchema, noSeriesSchema, salespersonSchema } from '../../src/contract/setup';
import {
  activitySchema,
  closeOpportunityCodeSchema,
  describedCodeSchema,
  interactionTemplateSchema,
  interactionTemplateSetupSchema,
  salesCycleSchema,
  salutationSchema,
  teamSchema,
  templateLanguageSchema,
} from '../../src/contract/setup-tables';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

const list = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/**
 * The setup tables as the console reads them: every list answers what the contract describes (the
 * console checks each answer against it), and the reads that complete a table's page — interaction
 * groups, a template's languages, teams with their members — answer what was saved.
 */
describe.each(testEngines())('setup tables on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  const read = async (tenant: TestTenant, path: string) => {
    const response = await tenant.request('GET', path, { as: tenant.user() });
    expect([path, response.status]).toEqual([path, 200]);
    return response.body as unknown;
  };

  test.each([
    ['/setup/number-series', list(noSeriesSchema)],
    ['/salespeople', list(salespersonSchema)],
    ['/setup/teams', list(teamSchema)],
    ['/setup/code-lists/territory', list(codeListEntrySchema)],
    ['/setup/salutations', list(salutationSchema)],
    ['/setup/interaction-groups', list(describedCodeSchema)],
    ['/setup/interaction-templates', list(interactionTemplateSchema)],
    ['/setup/interaction-templates/EMAIL/languages', list(templateLanguageSchema)],
    ['/setup/interaction-template-setup', interactionTemplateSetupSchema],
    ['/setup/sales-cycles', list(salesCycleSchema)],
    ['/setup/close-opportunity-codes', list(closeOpportunityCodeSchema)],
    ['/setup/campaign-statuses', list(describedCodeSchema)],
    ['/setup/activities', list(activitySchema)],
    ['/setup/duplicate-search', duplicateSearchSetupSchema],
  ])('GET %s answers what the contract describes, to any user', async (path, schema) => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/setup/activities/QUALIFY', { body: { description: 'Qualification', steps: [{ stepNo: 1, type: 'phoneCall', dateFormula: '1W' }] } });
    await tenant.request('PUT', '/setup/campaign-statuses/PLANNED', { body: { description: 'Planned' } });
    const parsed = schema.safeParse(await read(tenant, path));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  test('interaction groups are listed by code, with a new one and a renamed one as saved', async () => {
    const tenant = await service.newTenant();
    expect((await tenant.request('PUT', '/setup/interaction-groups/event', { body: { description: 'Events' } })).status).toBe(200);
    expect((await tenant.request('PUT', '/setup/interaction-groups/LETTER', { body: { description: 'Letters and cards' } })).status).toBe(200);
    const groups = (await read(tenant, '/setup/interaction-groups')) as { items: { code: string; description: string }[] };
    expect(groups.items.map((group) => group.code)).toEqual(['EMAIL', 'EVENT', 'LETTER', 'MEETING', 'PHONE', 'PURCHASES', 'SALES', 'SYSTEM']);
    expect(groups.items.find((group) => group.code === 'LETTER')?.description).toBe('Letters and cards');
    // Another tenant's groups are its own.
    const other = await service.newTenant();
    expect(((await read(other, '/setup/interaction-groups')) as { items: { code: string }[] }).items.map((group) => group.code)).not.toContain('EVENT');
  });

  test("a template's languages are listed with their descriptions; its default language is one of them", async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/setup/interaction-templates/LETTER2', { body: { interactionGroupCode: 'LETTER', description: 'Letter', languageCode: 'ENU' } });
    await tenant.request('PUT', '/setup/interaction-templates/LETTER2/languages/sve', { body: { description: 'Brev' } });
    expect(await read(tenant, '/setup/interaction-templates/LETTER2/languages')).toEqual({
      items: [
        { languageCode: 'ENU', description: '' },
        { languageCode: 'SVE', description: 'Brev' },
      ],
    });
    await tenant.request('DELETE', '/setup/interaction-templates/LETTER2/languages/SVE');
    expect(await read(tenant, '/setup/interaction-templates/LETTER2/languages')).toEqual({ items: [{ languageCode: 'ENU', description: '' }] });
  });

  test("the languages of a template that does not exist are a 404, not an empty list", async () => {
    const tenant = await service.newTenant();
    const response = await tenant.request('GET', '/setup/interaction-templates/NOPE/languages');
    expect([response.status, response.body.code]).toEqual([404, 'not_found']);
  });

  test('teams are listed with their members as saved; saving again replaces the members', async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist' } });
    await tenant.request('PUT', '/salespeople/EB', { body: { name: 'Erik Berg' } });
    expect((await tenant.request('PUT', '/setup/teams/KEYACC', { body: { description: 'Key accounts', salespersonCodes: ['eb', 'AL', 'EB'] } })).status).toBe(200);
    const teams = () => read(tenant, '/setup/teams') as Promise<{ items: { code: string; description: string; salespersonCodes: string[] }[] }>;
    expect((await teams()).items).toEqual([
      { code: 'KEYACC', description: 'Key accounts', salespersonCodes: ['AL', 'EB'] },
      { code: 'SALES', description: 'Sales team', salespersonCodes: [] },
    ]);
    await tenant.request('PUT', '/setup/teams/KEYACC', { body: { description: 'Key accounts', salespersonCodes: ['EB'] } });
    expect((await teams()).items[0]?.salespersonCodes).toEqual(['EB']);
    // A refused save leaves the team as it was.
    expect((await tenant.request('PUT', '/setup/teams/KEYACC', { body: { salespersonCodes: ['EB', 'NOPE'] } })).body.fields).toEqual([{ path: 'salespersonCodes.1', message: 'There is no salesperson NOPE.' }]);
    expect((await teams()).items[0]).toEqual({ code: 'KEYACC', description: 'Key accounts', salespersonCodes: ['EB'] });
  });

  test('the new reads are open to every user, and their changes still need an administrator', async () => {
    const tenant = await service.newTenant();
    const salesperson = tenant.user();
    for (const path of ['/setup/interaction-groups', '/setup/teams', '/setup/interaction-templates/EMAIL/languages']) {
      expect([path, (await tenant.request('GET', path, { as: salesperson })).status]).toEqual([path, 200]);
    }
    const refused = await tenant.request('PUT', '/setup/teams/SALES', { as: salesperson, body: { salespersonCodes: [] } });
    expect([refused.status, refused.body.details]).toEqual([403, { requiredRole: 'Rapport.Admin' }]);
  });
});
