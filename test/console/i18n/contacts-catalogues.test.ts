import type { ContactsCatalogue } from '../../../src/console/i18n/contacts/contacts-messages';
import { daDK } from '../../../src/console/i18n/contacts/da-DK';
import { deDE } from '../../../src/console/i18n/contacts/de-DE';
import { contactsEnUS } from '../../../src/console/i18n/contacts/en-US';
import { fiFI } from '../../../src/console/i18n/contacts/fi-FI';
import { nbNO } from '../../../src/console/i18n/contacts/nb-NO';
import { nlNL } from '../../../src/console/i18n/contacts/nl-NL';
import { svSE } from '../../../src/console/i18n/contacts/sv-SE';
import { describeCatalogues } from '../../ui-shared/i18n/catalogue-checks';

// The contact pages' catalogues, held to the same checks as the frame's.
const TRANSLATIONS: [string, ContactsCatalogue][] = [
  ['sv-SE', svSE],
  ['nb-NO', nbNO],
  ['da-DK', daDK],
  ['fi-FI', fiFI],
  ['nl-NL', nlNL],
  ['de-DE', deDE],
];

describeCatalogues(contactsEnUS, TRANSLATIONS);
