// Jest runs CommonJS and has no dynamic import(): the console's chunk loaders become requires of
// the same modules, still asynchronous, so React.lazy and the catalogue loading work as in the
// browser. Imported first by the harness, before anything requires the loaders.
jest.mock('../../src/console/pages/load-page', () => ({
  loadPageModule: (file: string) => Promise.resolve(jest.requireActual(`../../src/console/pages/${file}`)),
}));
jest.mock('../../src/console/i18n/load-catalogue', () => ({
  loadCatalogueModule: (file: string) => Promise.resolve(jest.requireActual(`../../src/console/i18n/${file}`)),
}));
jest.mock('../../src/console/pages/setup/i18n/load-setup-catalogue', () => ({
  loadSetupCatalogueModule: (file: string) => Promise.resolve(jest.requireActual(`../../src/console/pages/setup/i18n/${file}`)),
}));
jest.mock('../../src/console/i18n/contacts/load-contacts-catalogue', () => ({
  loadContactsCatalogueModule: (file: string) => Promise.resolve(jest.requireActual(`../../src/console/i18n/contacts/${file}`)),
}));
jest.mock('../../src/console/i18n/campaigns/load-campaigns-catalogue', () => ({
  loadCampaignsCatalogueModule: (file: string) => Promise.resolve(jest.requireActual(`../../src/console/i18n/campaigns/${file}`)),
}));

export {};
