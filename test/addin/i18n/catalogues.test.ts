import type { Catalogue } from '../../../src/addin/i18n/catalogue';
import { daDK } from '../../../src/addin/i18n/da-DK';
import { deDE } from '../../../src/addin/i18n/de-DE';
import { enUS } from '../../../src/addin/i18n/en-US';
import { fiFI } from '../../../src/addin/i18n/fi-FI';
import { nbNO } from '../../../src/addin/i18n/nb-NO';
import { nlNL } from '../../../src/addin/i18n/nl-NL';
import { svSE } from '../../../src/addin/i18n/sv-SE';
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
