import { type ComponentType, lazy, type ReactElement } from 'react';
import { loadPageModule } from './load-page';

// How to fetch again each page whose chunk failed to arrive. React.lazy remembers a failure for
// good, so a page is given a fresh lazy component only when the user asks to try again: swapping it
// at once would have React, rendering the failure, find a new pending page and never show the error.
const renewals = new Set<() => void>();

/** Lets every page whose chunk failed to arrive fetch it again on its next render (the page error's Try again). */
export function retryFailedPages(): void {
  for (const renew of [...renewals]) renew();
  renewals.clear();
}

/** The export `name` of the page module `file`, as a component whose chunk is fetched when it first renders. */
function lazyPage(file: string, name: string): () => ReactElement {
  const fresh = (): ComponentType =>
    lazy(async () => {
      try {
        const module = await loadPageModule(file);
        const component = module[name];
        if (typeof component !== 'function') throw new Error(`${file} has no ${name} export.`);
        return { default: component as ComponentType };
      } catch (error) {
        renewals.add(() => {
          current = fresh();
        });
        throw error;
      }
    });
  let current = fresh();
  function LazyPage() {
    const Page = current;
    return <Page />;
  }
  LazyPage.displayName = `LazyPage(${name})`;
  return LazyPage;
}

export const MarketingSetupPage = lazyPage('marketing-setup/MarketingSetupPage', 'MarketingSetupPage');
export const ContactsPage = lazyPage('contacts/ContactsPage', 'ContactsPage');
export const ContactCardPage = lazyPage('contact-card/ContactCardPage', 'ContactCardPage');
export const NewContactPage = lazyPage('new-contact/NewContactPage', 'NewContactPage');
export const ContactDuplicatesPage = lazyPage('contact-duplicates/ContactDuplicatesPage', 'ContactDuplicatesPage');
export const ContactImportPage = lazyPage('contact-import/ContactImportPage', 'ContactImportPage');
export const CampaignsPage = lazyPage('campaigns/CampaignsPage', 'CampaignsPage');
export const CampaignCardPage = lazyPage('campaign-card/CampaignCardPage', 'CampaignCardPage');

// Setup tables
export const NumberSeriesPage = lazyPage('setup/number-series/NumberSeriesPage', 'NumberSeriesPage');
export const SalespeoplePage = lazyPage('setup/salespeople/SalespeoplePage', 'SalespeoplePage');
export const TeamsPage = lazyPage('setup/teams/TeamsPage', 'TeamsPage');
export const BusinessRelationsPage = lazyPage('setup/business-relations/BusinessRelationsPage', 'BusinessRelationsPage');
export const SalutationsPage = lazyPage('setup/salutations/SalutationsPage', 'SalutationsPage');
export const InteractionGroupsPage = lazyPage('setup/interaction-groups/InteractionGroupsPage', 'InteractionGroupsPage');
export const InteractionTemplatesPage = lazyPage('setup/interaction-templates/InteractionTemplatesPage', 'InteractionTemplatesPage');
export const InteractionTemplateSetupPage = lazyPage('setup/interaction-template-setup/InteractionTemplateSetupPage', 'InteractionTemplateSetupPage');
export const SalesCyclesPage = lazyPage('setup/sales-cycles/SalesCyclesPage', 'SalesCyclesPage');
export const CloseOpportunityCodesPage = lazyPage('setup/close-opportunity-codes/CloseOpportunityCodesPage', 'CloseOpportunityCodesPage');
export const CampaignStatusesPage = lazyPage('setup/campaign-statuses/CampaignStatusesPage', 'CampaignStatusesPage');
export const ActivitiesPage = lazyPage('setup/activities/ActivitiesPage', 'ActivitiesPage');
export const CodeListsPage = lazyPage('setup/code-lists/CodeListsPage', 'CodeListsPage');
export const DuplicateSearchPage = lazyPage('setup/duplicate-search/DuplicateSearchPage', 'DuplicateSearchPage');
