import type { CatalogueOf, Translate as SharedTranslate } from '../../ui-shared/i18n/messages';
import type { enUS } from './en-US';

/** A key of the console's catalogue. */
export type MessageKey = keyof typeof enUS;

/**
 * What every locale's catalogue of the console is: a text for every key of the English one. The
 * type checker finds a missing or extra key; `test/console/i18n/catalogues.test.ts` finds a
 * placeholder that a translation lost or misspelt.
 */
export type Catalogue = CatalogueOf<typeof enUS>;

/** The console's `t`. */
export type Translate = SharedTranslate<typeof enUS>;
