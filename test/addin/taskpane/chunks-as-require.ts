// Jest runs CommonJS and has no dynamic import(): the pane's chunk loaders become requires of
// the same modules, still asynchronous, so React.lazy and the catalogue loading work as in the
// browser. Imported first by the harness, before anything requires the loaders.
jest.mock('../../../src/addin/taskpane/forms/load-form', () => ({
  loadFormModule: (file: string) => Promise.resolve(jest.requireActual(`../../../src/addin/taskpane/forms/${file}`)),
}));
jest.mock('../../../src/addin/taskpane/views/load-view', () => ({
  loadViewModule: (file: string) => Promise.resolve(jest.requireActual(`../../../src/addin/taskpane/views/${file}`)),
}));
jest.mock('../../../src/addin/i18n/load-catalogue', () => ({
  loadCatalogueModule: (file: string) => Promise.resolve(jest.requireActual(`../../../src/addin/i18n/${file}`)),
}));

export {};
