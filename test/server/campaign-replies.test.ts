import { z } from 'zod';
import {
  campaignEntrySchema,
  campaignListItemSchema,
  campaignSchema,
  campaignStatisticsSchema,
  contactCampaignSchema,
  priceLineSchema,
  targetGroupSchema,
} from '../../src/contract/campaigns';
import { segmentListItemSchema } from '../../src/contract/segments';
import { testEngines } from '../helpers/engines';
import { salesWorld } from '../helpers/sales-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

/**
 * The clients check every answer against the contract on arrival (the console's API client
 * refuses one it does not describe), so each campaign read must answer exactly what its schema
 * says: no field more (the price lines are strict objects), none missing.
 */
describe.each(testEngines())('campaign reads answer what the contract describes, on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => '2025-03-05' });
  });
  afterAll(() => service.close());

  test('a campaign with price lines, a target, entries and a segment, read by every route', async () => {
    const { tenant, anna, person } = await salesWorld(service);
    await tenant.request('PUT', '/items/1000', { body: { description: 'Pallet racking', unitPrice: 420 } });
    const campaign = (await tenant.request('POST', '/campaigns', { body: { description: 'Spring prices', startingDate: '2025-03-01', endingDate: '2025-04-30' } })).body as { no: string };
    const saved = await tenant.request('PUT', `/campaigns/${campaign.no}/price-lines`, {
      body: { lines: [{ lineNo: 1, kind: 'price', itemNo: '1000', unitPrice: 379 }, { lineNo: 2, kind: 'discount', itemNo: '1000', minimumQuantity: 10, lineDiscountPct: 5 }] },
    });
    expect(saved.status).toBe(200);
    await tenant.request('POST', '/interactions', { as: anna, body: { contactNo: person.no, kind: 'phoneCall', date: '2025-03-05', campaignNo: campaign.no, campaignTarget: true } });
    await tenant.request('POST', '/segments', { body: { description: 'Targets', campaignNo: campaign.no, campaignTarget: true } });
    expect((await tenant.request('POST', `/campaigns/${campaign.no}/activate`)).status).toBe(200);

    const reads: [string, z.ZodType][] = [
      ['/campaigns', page(campaignListItemSchema)],
      [`/campaigns/${campaign.no}`, campaignSchema],
      [`/campaigns/${campaign.no}/price-lines`, items(priceLineSchema)],
      [`/campaigns/${campaign.no}/target-group`, targetGroupSchema],
      [`/campaigns/${campaign.no}/target-group/preview`, targetGroupSchema],
      [`/campaigns/${campaign.no}/entries`, items(campaignEntrySchema)],
      [`/campaigns/${campaign.no}/statistics`, campaignStatisticsSchema],
      [`/campaigns/${campaign.no}/segments`, page(segmentListItemSchema)],
      [`/contacts/${person.no}/campaigns`, items(contactCampaignSchema)],
    ];
    const refused: string[] = [];
    for (const [path, schema] of reads) {
      const response = await tenant.request('GET', path);
      expect([path, response.status]).toEqual([path, 200]);
      const parsed = schema.safeParse(response.body);
      if (!parsed.success) refused.push(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    }
    expect(refused).toEqual([]);
    // The lines are there to be checked, on the campaign and on the contact it targets.
    expect((await tenant.request('GET', `/campaigns/${campaign.no}/price-lines`)).body.items).toEqual([
      { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 379, lineDiscountPct: 0, startingDate: '2025-03-01', endingDate: '2025-04-30' },
      { lineNo: 2, kind: 'discount', itemNo: '1000', minimumQuantity: 10, unitPrice: 0, lineDiscountPct: 5, startingDate: '2025-03-01', endingDate: '2025-04-30' },
    ]);
    expect((await tenant.request('GET', `/contacts/${person.no}/campaigns`)).body.items[0].priceLines).toHaveLength(2);
  });
});
