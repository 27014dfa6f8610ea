import type { MarketingSetup } from '../../src/domain/marketing-setup';
import { applyMarketingSetupChange, DEFAULT_MARKETING_SETUP } from '../../src/domain/marketing-setup-rules';
import { rapportErrorOf } from './rapport-error';

const setupWith = (fields: Partial<MarketingSetup>): MarketingSetup => Object.freeze({ ...DEFAULT_MARKETING_SETUP, ...fields });

describe('DEFAULT_MARKETING_SETUP', () => {
  test.each<[string, keyof MarketingSetup, unknown]>([
    ['contacts are numbered from series CONT', 'contactNos', 'CONT'],
    ['campaigns are numbered from series CAMP', 'campaignNos', 'CAMP'],
    ['segments are numbered from series SEGM', 'segmentNos', 'SEGM'],
    ['tasks are numbered from series TASK', 'taskNos', 'TASK'],
    ['opportunities are numbered from series OPP', 'opportunityNos', 'OPP'],
    ['the salesperson is inherited', 'inheritSalespersonCode', true],
    ['the territory is inherited', 'inheritTerritoryCode', true],
    ['the country/region is inherited', 'inheritCountryRegionCode', true],
    ['the language is inherited', 'inheritLanguageCode', true],
    ['the format region is inherited', 'inheritFormatRegion', true],
    ['address details are inherited', 'inheritAddressDetails', true],
    ['communication details are inherited', 'inheritCommunicationDetails', true],
    ['correspondence is by e-mail', 'defaultCorrespondenceType', 'email'],
    ['companies are greeted with salutation COMPANY', 'defCompanySalutationCode', 'COMPANY'],
    ['persons are greeted with salutation UNISEX', 'defaultPersonSalutationCode', 'UNISEX'],
    ['opportunities start in sales cycle NEW', 'defaultSalesCycleCode', 'NEW'],
    ['customers are related with CUST', 'busRelCodeForCustomers', 'CUST'],
    ['vendors are related with VEND', 'busRelCodeForVendors', 'VEND'],
    ['bank accounts are related with BANK', 'busRelCodeForBankAccs', 'BANK'],
    ['employees are related with EMP', 'busRelCodeForEmployees', 'EMP'],
    ['duplicates are searched automatically', 'autosearchForDuplicates', true],
    ['duplicate search strings are maintained', 'maintainDuplSearchStrings', true],
    ['a duplicate needs 60 % of the search strings to hit', 'searchHitPercent', 60],
    ['merge fields are in language 1033', 'mergefieldLanguageId', 1033],
    ['attachments are embedded', 'attachmentStorageType', 'embedded'],
    ['sent mail is not logged automatically', 'autoLogSentEmail', false],
    ['no default salesperson is set', 'defaultSalespersonCode', ''],
    ['no default language is set', 'defaultLanguageCode', ''],
  ])('by default %s', (_title, field, value) => {
    expect(DEFAULT_MARKETING_SETUP[field]).toBe(value);
  });

  test('the defaults cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_MARKETING_SETUP)).toBe(true);
  });

  test('the defaults pass their own rules unchanged', () => {
    expect(applyMarketingSetupChange(DEFAULT_MARKETING_SETUP, DEFAULT_MARKETING_SETUP)).toEqual({ setup: DEFAULT_MARKETING_SETUP, rebuildDuplicateIndex: false });
  });
});

describe('applyMarketingSetupChange: coupled duplicate flags', () => {
  type Flags = { autosearch: boolean; maintain: boolean };
  const flags = (autosearch: boolean, maintain: boolean): Flags => ({ autosearch, maintain });
  const asSetup = ({ autosearch, maintain }: Flags) => setupWith({ autosearchForDuplicates: autosearch, maintainDuplSearchStrings: maintain });

  test.each<[string, Flags, Flags, Flags, boolean]>([
    ['turning Maintain off turns Autosearch off too', flags(true, true), flags(true, false), flags(false, false), false],
    ['turning both off leaves both off', flags(true, true), flags(false, false), flags(false, false), false],
    ['turning Autosearch off leaves Maintain on', flags(true, true), flags(false, true), flags(false, true), false],
    ['turning Autosearch on forces Maintain on and rebuilds the index', flags(false, false), flags(true, false), flags(true, true), true],
    ['turning Maintain on copies it into Autosearch and rebuilds the index', flags(false, false), flags(false, true), flags(true, true), true],
    ['turning both on rebuilds the index', flags(false, false), flags(true, true), flags(true, true), true],
    ['turning Autosearch on while Maintain is on rebuilds nothing', flags(false, true), flags(true, true), flags(true, true), false],
    ['Autosearch on and Maintain off at once: Autosearch wins, the index is already maintained', flags(false, true), flags(true, false), flags(true, true), false],
    ['unchanged flags rebuild nothing', flags(true, true), flags(true, true), flags(true, true), false],
    ['unchanged flags that are both off stay off', flags(false, false), flags(false, false), flags(false, false), false],
  ])('%s', (_title, current, next, expected, rebuild) => {
    const result = applyMarketingSetupChange(asSetup(current), asSetup(next));
    expect({ autosearch: result.setup.autosearchForDuplicates, maintain: result.setup.maintainDuplSearchStrings }).toEqual(expected);
    expect(result.rebuildDuplicateIndex).toBe(rebuild);
  });

  test('every other field is taken as given', () => {
    const next = setupWith({ defaultLanguageCode: 'DEU', searchHitPercent: 75, inheritAddressDetails: false, busRelCodeForCustomers: '' });
    expect(applyMarketingSetupChange(DEFAULT_MARKETING_SETUP, next).setup).toEqual(next);
  });

  test('the result is a new object and the inputs are left as they were', () => {
    const current = setupWith({});
    const next = setupWith({ maintainDuplSearchStrings: false });
    const result = applyMarketingSetupChange(current, next);
    expect(result.setup).not.toBe(next);
    expect(next.autosearchForDuplicates).toBe(true);
  });
});

describe('applyMarketingSetupChange: ranges', () => {
  test.each([
    ['a Search Hit % of 0', 0],
    ['a Search Hit % of 101', 101],
    ['a negative Search Hit %', -5],
    ['a fractional Search Hit %', 60.5],
    ['a Search Hit % that is not a number', Number.NaN],
  ])('%s is refused with validation_failed on the field', (_title, searchHitPercent) => {
    const error = rapportErrorOf(() => applyMarketingSetupChange(DEFAULT_MARKETING_SETUP, setupWith({ searchHitPercent })));
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual([{ path: 'searchHitPercent', message: expect.stringContaining('1 to 100') }]);
  });

  test.each([1, 100])('a Search Hit % of %d is accepted', (searchHitPercent) => {
    expect(applyMarketingSetupChange(DEFAULT_MARKETING_SETUP, setupWith({ searchHitPercent })).setup.searchHitPercent).toBe(searchHitPercent);
  });

  test.each([
    ['disk-file storage without a location is refused', '', 'validation_failed'],
    ['disk-file storage with a blank location is refused', '   ', 'validation_failed'],
    ['disk-file storage with a location is accepted', '\\\\server\\attachments', undefined],
  ])('%s', (_title, attachmentStorageLocation, code) => {
    const change = () => applyMarketingSetupChange(DEFAULT_MARKETING_SETUP, setupWith({ attachmentStorageType: 'diskFile', attachmentStorageLocation }));
    if (code === undefined) expect(change().setup.attachmentStorageType).toBe('diskFile');
    else expect(rapportErrorOf(change)).toMatchObject({ code, fields: [{ path: 'attachmentStorageLocation' }] });
  });

  test('every field out of range is reported at once', () => {
    const error = rapportErrorOf(() =>
      applyMarketingSetupChange(DEFAULT_MARKETING_SETUP, setupWith({ searchHitPercent: 0, attachmentStorageType: 'diskFile', attachmentStorageLocation: '' })),
    );
    expect(error.fields?.map((field) => field.path)).toEqual(['searchHitPercent', 'attachmentStorageLocation']);
  });
});
