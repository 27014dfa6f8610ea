import type { Catalogue } from '../../../src/console/i18n/catalogue';
import { daDK } from '../../../src/console/i18n/da-DK';
import { deDE } from '../../../src/console/i18n/de-DE';
import { enUS } from '../../../src/console/i18n/en-US';
import { fiFI } from '../../../src/console/i18n/fi-FI';
import { nbNO } from '../../../src/console/i18n/nb-NO';
import { nlNL } from '../../../src/console/i18n/nl-NL';
import { svSE } from '../../../src/console/i18n/sv-SE';
import { describeCatalogues } from '../../ui-shared/i18n/catalogue-checks';

const TRANSLATIONS: [string, Catalogue][] = [
  ['sv-SE', svSE],
  ['nb-NO', nbNO],
  ['da-DK', daDK],
  ['fi-FI', fiFI],
  ['nl-NL', nlNL],
  ['de-DE', deDE],
];

describeCatalogues(enUS, TRANSLATIONS);
