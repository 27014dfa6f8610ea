import type { CatalogueOf, PlaceholdersOf, Translate } from '../../../ui-shared/i18n/messages';
import { createSectionMessages } from '../section-messages';
import { campaignsEnUS } from './en-US';
import { loadCampaignsCatalogueModule } from './load-campaigns-catalogue';

/** A key of the campaign pages' catalogue. */
export type CampaignsMessageKey = keyof typeof campaignsEnUS;

/** A key whose text has no placeholders: `t(key)` needs nothing more (a label chosen from a table). */
export type CampaignsPlainKey = { [K in CampaignsMessageKey]: [PlaceholdersOf<(typeof campaignsEnUS)[K]>] extends [never] ? K : never }[CampaignsMessageKey];

/** What each locale's catalogue of the campaign pages is: a text for every key of the English one. */
export type CampaignsCatalogue = CatalogueOf<typeof campaignsEnUS>;

/** The campaign pages' `t`. */
export type CampaignsTranslate = Translate<typeof campaignsEnUS>;

/**
 * `CampaignsMessages` around a campaign page loads its language; `useCampaignsT` inside it gives
 * the page's `t`. The frame's own words (common buttons, errors) stay with `useI18n`.
 */
export const { Messages: CampaignsMessages, useMessages: useCampaignsT } = createSectionMessages('the campaign pages', campaignsEnUS, loadCampaignsCatalogueModule);
