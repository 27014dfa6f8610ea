import { marketingSetupPatchSchema, marketingSetupSchema, type MarketingSetupBody } from '../../../contract/marketing-setup';
import { marketingSetupChangedSchema } from '../../../contract/marketing-setup-change';
import { applyMarketingSetupChange } from '../../../domain/marketing-setup-rules';
import { defineRoute, type RequestContext } from '../../http/route';
import { jobQueued } from '../../jobs/job';
import { queueDuplicateSearchRebuild } from '../duplicates/duplicate-rebuild-job';
import { checkReferences } from '../reference-data/references';
import { getMarketingSetup, saveMarketingSetup } from './marketing-setup-repository';

const tags = ['Setup'];

/**
 * Saves the setup `next` makes of the current one, as Business Central's table triggers would:
 * the coupled flags applied, every reference checked, in one transaction that changes nothing
 * when a check fails. Turning duplicate maintenance on queues a rebuild of the index in the same
 * transaction, so the setup is never saved without it.
 */
async function changeMarketingSetup(ctx: RequestContext, next: (current: MarketingSetupBody) => MarketingSetupBody) {
  const tenantId = ctx.identity.tenantId;
  const { setup, duplicateSearchRebuild } = await ctx.db.transaction(async (tx) => {
    const current = await getMarketingSetup(tx, tenantId, { forUpdate: true });
    const change = applyMarketingSetupChange(current, next(current));
    const s = change.setup;
    await checkReferences(tx, tenantId, [
      ...(['contactNos', 'campaignNos', 'segmentNos', 'taskNos', 'opportunityNos'] as const).map((path) => ({ path, kind: 'noSeries' as const, code: s[path] })),
      { path: 'defaultSalespersonCode', kind: 'salesperson', code: s.defaultSalespersonCode },
      { path: 'defaultTerritoryCode', kind: 'territory', code: s.defaultTerritoryCode },
      { path: 'defaultCountryRegionCode', kind: 'countryRegion', code: s.defaultCountryRegionCode },
      { path: 'defaultLanguageCode', kind: 'language', code: s.defaultLanguageCode },
      { path: 'defCompanySalutationCode', kind: 'salutation', code: s.defCompanySalutationCode },
      { path: 'defaultPersonSalutationCode', kind: 'salutation', code: s.defaultPersonSalutationCode },
      { path: 'defaultSalesCycleCode', kind: 'salesCycle', code: s.defaultSalesCycleCode },
      ...(['busRelCodeForCustomers', 'busRelCodeForVendors', 'busRelCodeForBankAccs', 'busRelCodeForEmployees'] as const).map((path) => ({
        path,
        kind: 'businessRelation' as const,
        code: s[path],
      })),
    ]);
    await saveMarketingSetup(tx, tenantId, s);
    return { setup: s, duplicateSearchRebuild: change.rebuildDuplicateIndex ? await queueDuplicateSearchRebuild(tx, ctx.identity) : null };
  });
  if (duplicateSearchRebuild) jobQueued.emit('queued');
  return { ...setup, duplicateSearchRebuild };
}

export const marketingSetupRoutes = [
  defineRoute({
    method: 'GET',
    url: '/setup/marketing',
    operationId: 'getMarketingSetup',
    summary: 'Marketing Setup: numbering, inheritance, defaults, business relation codes, duplicate search.',
    tags,
    access: 'user',
    reply: marketingSetupSchema,
    handle: ({ ctx }) => getMarketingSetup(ctx.db, ctx.identity.tenantId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/setup/marketing',
    operationId: 'putMarketingSetup',
    summary: "Replace Marketing Setup. Business Central's coupled flags apply: Autosearch needs Maintain; turning Maintain on queues a rebuild of the duplicate index.",
    tags,
    access: 'admin',
    body: marketingSetupSchema,
    reply: marketingSetupChangedSchema,
    handle: ({ body, ctx }) => changeMarketingSetup(ctx, () => body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/setup/marketing',
    operationId: 'patchMarketingSetup',
    summary: "Change some Marketing Setup fields. The coupled flags apply to the result, which is checked as a whole setup is.",
    tags,
    access: 'admin',
    body: marketingSetupPatchSchema,
    reply: marketingSetupChangedSchema,
    handle: ({ body, ctx }) => changeMarketingSetup(ctx, (current) => ({ ...current, ...body })),
  }),
];
