import { SETUP_LISTS } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import { codeAndDescription } from '../shared/simple-tables';

const spec = codeAndDescription({
  title: 'nav.campaignStatuses',
  intro: 'setup.campaignStatuses.intro',
  newRecord: 'setup.campaignStatuses.new',
  list: SETUP_LISTS.campaignStatuses,
  base: '/setup/campaign-statuses',
});

/** Campaign statuses: the stages a campaign is marked with, for information. */
export function CampaignStatusesPage() {
  return <SetupTable spec={spec} />;
}
