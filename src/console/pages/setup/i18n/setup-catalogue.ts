import type { enUS as consoleEnUS } from '../../../i18n/en-US';
import type { CatalogueOf, Translate } from '../../../../ui-shared/i18n/messages';
import type { enUS } from './en-US';

/** What every locale's catalogue of the Setup section is: a text for every key of its English one. */
export type SetupCatalogue = CatalogueOf<typeof enUS>;

/** The keys the setup pages word themselves with: the console's own (`common.save`, `nav.*`) and the Setup section's. */
export type SetupMessages = typeof consoleEnUS & typeof enUS;

/** A key of either catalogue. */
export type SetupMessageKey = keyof SetupMessages;

/** The setup pages' `t`: the console's messages and the Setup section's. */
export type SetupTranslate = Translate<SetupMessages>;
