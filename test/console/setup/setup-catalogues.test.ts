import type { SetupCatalogue } from '../../../src/console/pages/setup/i18n/setup-catalogue';
import { daDK } from '../../../src/console/pages/setup/i18n/da-DK';
import { deDE } from '../../../src/console/pages/setup/i18n/de-DE';
import { enUS } from '../../../src/console/pages/setup/i18n/en-US';
import { fiFI } from '../../../src/console/pages/setup/i18n/fi-FI';
import { nbNO } from '../../../src/console/pages/setup/i18n/nb-NO';
import { nlNL } from '../../../src/console/pages/setup/i18n/nl-NL';
import { svSE } from '../../../src/console/pages/setup/i18n/sv-SE';
import { enUS as consoleEnUS } from '../../../src/console/i18n/en-US';
import { describeCatalogues } from '../../ui-shared/i18n/catalogue-checks';

const TRANSLATIONS: [string, SetupCatalogue][] = [
  ['sv-SE', svSE],
  ['nb-NO', nbNO],
  ['da-DK', daDK],
  ['fi-FI', fiFI],
  ['nl-NL', nlNL],
  ['de-DE', deDE],
];

describeCatalogues(enUS, TRANSLATIONS);

test("the Setup section's keys are its own: none is also a key of the console's catalogue, whose text would never be shown", () => {
  expect(Object.keys(enUS).filter((key) => Object.hasOwn(consoleEnUS, key))).toEqual([]);
});
