import { createRandom } from './names';
import type { RequestContext } from '../http/route';
import { activateCampaign, savePriceLines } from '../modules/campaigns/campaign-price-service';
import { createCampaign } from '../modules/campaigns/campaign-service';
import { logEmail, logInteraction } from '../modules/interactions/interaction-service';
import { createOpportunity, updateOpportunity } from '../modules/opportunities/opportunity-service';
import { createTask } from '../modules/tasks/task-service';

const addDays = (date: string, days: number): string => {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
};

const PRODUCTS: readonly [no: string, description: string, unitPrice: number][] = [
  ['1000', 'Pallet racking, 3 m bay', 420],
  ['1100', 'Shelf unit, galvanised', 185],
  ['1200', 'Forklift battery charger', 1290],
  ['1300', 'Safety barrier, 2 m', 96],
];

type DemoPersonRef = { no: string; email: string; salespersonCode: string };

/**
 * The demo company's sales work around "today": a running spring campaign with prices, e-mails and
 * calls logged over the last weeks, opportunities at every stage of the NEW cycle, and open tasks —
 * all through the services, so every rule applies. `contextFor` gives a salesperson's context.
 */
export async function seedSalesActivity(contextFor: (salespersonCode: string) => RequestContext, persons: readonly DemoPersonRef[], today: string): Promise<void> {
  const random = createRandom(2026);
  const pick = <T>(list: readonly T[]): T => random.pick(list);
  const manager = contextFor('AL');

  for (const [no, description, unitPrice] of PRODUCTS) {
    await manager.db.query(
      `INSERT INTO item (tenant_id, no, description, unit_price) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, no) DO NOTHING`,
      [manager.identity.tenantId, no, description, unitPrice],
    );
  }
  const campaign = await createCampaign(manager, { description: 'Spring warehouse fair', startingDate: addDays(today, -30), endingDate: addDays(today, 60), statusCode: '5-START' });
  await savePriceLines(manager, campaign.no, [
    { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 379, lineDiscountPct: 0 },
    { lineNo: 2, kind: 'discount', itemNo: '1100', minimumQuantity: 20, unitPrice: 0, lineDiscountPct: 8 },
  ]);

  const withEmail = persons.filter((person) => person.email !== '' && person.salespersonCode !== '');
  for (const [index, person] of withEmail.slice(0, 40).entries()) {
    const ctx = contextFor(person.salespersonCode);
    const sentAt = `${addDays(today, -1 - (index % 21))}T${String(8 + (index % 9)).padStart(2, '0')}:15:00Z`;
    await logEmail(ctx, {
      internetMessageId: `<demo-${index}@nordlys.example>`,
      conversationId: '',
      subject: pick(['Offer for pallet racking', 'Re: delivery schedule', 'Spring fair invitation', 'Question about invoice', 'Order confirmation']),
      from: { name: '', address: person.email },
      to: [{ name: '', address: ctx.identity.email }],
      cc: [],
      sentAt,
      bodyText: '',
      attachmentNames: [],
      contactNos: [],
      ...(index % 3 === 0 ? { campaignNo: campaign.no, campaignTarget: true, campaignResponse: index % 6 === 0 } : {}),
    });
    if (index % 4 === 0) {
      await logInteraction(ctx, {
        contactNo: person.no,
        kind: 'phoneCall',
        date: addDays(today, -(index % 14)),
        time: '10:30:00',
        description: 'Follow-up call',
        evaluation: 'positive',
        interactionSuccessful: true,
      });
    }
  }
  await activateCampaign(manager, campaign.no);

  for (const [index, person] of withEmail.slice(0, 14).entries()) {
    const ctx = contextFor(person.salespersonCode);
    const estimatedValueLcy = 5000 + random.int(41) * 1000;
    const opportunity = await createOpportunity(ctx, {
      description: pick(['Warehouse racking', 'Shelving for new site', 'Charging station', 'Safety upgrade', 'Annual framework deal']),
      contactNo: person.no,
      campaignNo: index % 4 === 0 ? campaign.no : '',
      priority: index % 5 === 0 ? 'high' : 'normal',
      activateFirstStage: { estimatedValueLcy, chancesOfSuccessPct: 10, estimatedCloseDate: null },
    });
    if (index % 3 !== 0) await updateOpportunity(ctx, opportunity.no, { action: 'next', estimatedValueLcy, chancesOfSuccessPct: 0, estimatedCloseDate: null, cancelOldTasks: false });
    await createTask(ctx, {
      description: pick(['Send revised offer', 'Call about delivery', 'Book site visit', 'Check credit limit']),
      date: addDays(today, 1 + (index % 10)),
      type: index % 2 === 0 ? 'phoneCall' : '',
      contactNo: person.no,
      opportunityNo: opportunity.no,
    });
  }
}
