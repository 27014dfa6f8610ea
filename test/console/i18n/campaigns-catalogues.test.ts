import type { CampaignsCatalogue } from '../../../src/console/i18n/campaigns/campaigns-messages';
import { daDK } from '../../../src/console/i18n/campaigns/da-DK';
import { deDE } from '../../../src/console/i18n/campaigns/de-DE';
import { campaignsEnUS } from '../../../src/console/i18n/campaigns/en-US';
import { fiFI } from '../../../src/console/i18n/campaigns/fi-FI';
import { nbNO } from '../../../src/console/i18n/campaigns/nb-NO';
import { nlNL } from '../../../src/console/i18n/campaigns/nl-NL';
import { svSE } from '../../../src/console/i18n/campaigns/sv-SE';
import { describeCatalogues } from '../../ui-shared/i18n/catalogue-checks';

// The campaign pages' catalogues, held to the same checks as the frame's.
const TRANSLATIONS: [string, CampaignsCatalogue][] = [
  ['sv-SE', svSE],
  ['nb-NO', nbNO],
  ['da-DK', daDK],
  ['fi-FI', fiFI],
  ['nl-NL', nlNL],
  ['de-DE', deDE],
];

describeCatalogues(campaignsEnUS, TRANSLATIONS);
