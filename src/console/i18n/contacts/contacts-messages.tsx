import type { CatalogueOf, PlaceholdersOf, Translate } from '../../../ui-shared/i18n/messages';
import { createSectionMessages } from '../section-messages';
import { contactsEnUS } from './en-US';
import { loadContactsCatalogueModule } from './load-contacts-catalogue';

/** A key of the contact pages' catalogue. */
export type ContactsMessageKey = keyof typeof contactsEnUS;

/** A key whose text has no placeholders: `t(key)` needs nothing more (a label chosen from a table). */
export type ContactsPlainKey = { [K in ContactsMessageKey]: [PlaceholdersOf<(typeof contactsEnUS)[K]>] extends [never] ? K : never }[ContactsMessageKey];

/** What each locale's catalogue of the contact pages is: a text for every key of the English one. */
export type ContactsCatalogue = CatalogueOf<typeof contactsEnUS>;

/** The contact pages' `t`. */
export type ContactsTranslate = Translate<typeof contactsEnUS>;

/**
 * `ContactsMessages` around a contact page loads its language; `useContactsT` inside it gives the
 * page's `t`. The frame's own words (common buttons, errors) stay with `useI18n`.
 */
export const { Messages: ContactsMessages, useMessages: useContactsT } = createSectionMessages('the contact pages', contactsEnUS, loadContactsCatalogueModule);
