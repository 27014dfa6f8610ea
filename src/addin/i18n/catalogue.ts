import type { CatalogueOf, MessageParams as SharedMessageParams, ParamsOf as SharedParamsOf, Translate as SharedTranslate } from '../../ui-shared/i18n/messages';
import type { enUS } from './en-US';

/** A key of the pane's catalogue. */
export type MessageKey = keyof typeof enUS;

/** The placeholders of a key, from its English text. */
export type ParamsOf<K extends MessageKey> = SharedParamsOf<typeof enUS, K>;

/**
 * What every locale's catalogue of the pane is: a text for every key of the English one. The type
 * checker finds a missing or extra key; `test/addin/i18n/catalogues.test.ts` finds a placeholder
 * that a translation lost or misspelt, which a string type cannot see.
 */
export type Catalogue = CatalogueOf<typeof enUS>;

/** Values for a message's placeholders; numbers are formatted by the caller (Intl) before they get here, or shown as they are. */
export type MessageParams<K extends MessageKey> = SharedMessageParams<typeof enUS, K>;

/** The pane's `t`. */
export type Translate = SharedTranslate<typeof enUS>;
