import { marketingSetupSchema, type MarketingSetupBody } from '../../../src/contract/marketing-setup';
import { FIELD_KINDS, SETUP_GROUPS, type SetupField } from '../../../src/console/pages/marketing-setup/setup-fields';
import { changeToSend, editField, type Edits, shownValue } from '../../../src/console/pages/marketing-setup/setup-form';
import { applyMarketingSetupChange, DEFAULT_MARKETING_SETUP } from '../../../src/domain/marketing-setup-rules';

const setup = (fields: Partial<MarketingSetupBody> = {}): MarketingSetupBody => ({ ...DEFAULT_MARKETING_SETUP, ...fields });

describe('the groups', () => {
  test('hold every field of the contract exactly once', () => {
    const grouped = SETUP_GROUPS.flatMap((group) => group.fields);
    expect([...grouped].sort()).toEqual(Object.keys(marketingSetupSchema.shape).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  test('edit each field within the contract’s limits', () => {
    const shape = marketingSetupSchema.shape;
    for (const field of Object.keys(shape) as SetupField[]) {
      const kind = FIELD_KINDS[field];
      if (kind.kind === 'code' || kind.kind === 'text') {
        expect([field, shape[field].safeParse('X'.repeat(kind.maxLength)).success, shape[field].safeParse('X'.repeat(kind.maxLength + 1)).success]).toEqual([field, true, false]);
      }
      if (kind.kind === 'integer') {
        expect([field, ...[kind.min, kind.max, kind.min - 1, kind.max + 1].map((value) => shape[field].safeParse(value).success)]).toEqual([field, true, true, false, false]);
      }
      if (kind.kind === 'choice') for (const option of kind.options) expect([field, option, shape[field].safeParse(option).success]).toEqual([field, option, true]);
      if (kind.kind === 'flag') expect([field, shape[field].safeParse(true).success]).toEqual([field, true]);
    }
  });
});

describe('the coupled duplicate flags', () => {
  type Flags = { maintain: boolean; autosearch: boolean };
  const states: Flags[] = [
    { maintain: true, autosearch: true },
    { maintain: true, autosearch: false },
    { maintain: false, autosearch: false },
  ];
  const cases = states.flatMap((saved) =>
    (['maintainDuplSearchStrings', 'autosearchForDuplicates'] as const).flatMap((field) => [true, false].map((value) => ({ saved, field, value }))),
  );

  test.each(cases)('saved $saved, $field switched to $value: the form shows what the service will keep', ({ saved, field, value }) => {
    const before = setup({ maintainDuplSearchStrings: saved.maintain, autosearchForDuplicates: saved.autosearch });
    const { edits } = editField(before, {}, field, value);
    const shown = { maintain: shownValue(before, edits, 'maintainDuplSearchStrings'), autosearch: shownValue(before, edits, 'autosearchForDuplicates') };
    // What the service does with the change the form sends (PATCH merges it into the saved setup).
    const { patch } = changeToSend(before, edits);
    const kept = applyMarketingSetupChange(before, { ...before, ...patch }).setup;
    expect(shown).toEqual({ maintain: kept.maintainDuplSearchStrings, autosearch: kept.autosearchForDuplicates });
  });

  test.each([
    ['Maintain off takes Autosearch with it', { maintainDuplSearchStrings: true, autosearchForDuplicates: true }, 'maintainDuplSearchStrings', false, 'autosearchForDuplicates'],
    ['Autosearch on brings Maintain', { maintainDuplSearchStrings: false, autosearchForDuplicates: false }, 'autosearchForDuplicates', true, 'maintainDuplSearchStrings'],
    ['Maintain on brings Autosearch, as Business Central copies the value', { maintainDuplSearchStrings: false, autosearchForDuplicates: false }, 'maintainDuplSearchStrings', true, 'autosearchForDuplicates'],
    ['Autosearch off leaves Maintain alone', { maintainDuplSearchStrings: true, autosearchForDuplicates: true }, 'autosearchForDuplicates', false, null],
  ] as const)('%s', (_case, saved, field, value, coupled) => {
    expect(editField(setup(saved), {}, field, value).coupled).toBe(coupled);
  });
});

describe('the change to send', () => {
  const saved = setup({ contactNos: 'CONT', searchHitPercent: 60, defaultFormatRegion: '' });

  test.each<[string, Edits, Partial<MarketingSetupBody>]>([
    ['nothing edited, nothing sent', {}, {}],
    ['a code in its wire form: trimmed and in capitals', { defaultTerritoryCode: '  north ' }, { defaultTerritoryCode: 'NORTH' }],
    ['a text trimmed, its case kept', { defaultFormatRegion: ' sv-SE ' }, { defaultFormatRegion: 'sv-SE' }],
    ['a whole number as a number', { searchHitPercent: ' 75 ' }, { searchHitPercent: 75 }],
    ['a code that is the saved one in other letters is no change', { contactNos: 'cont' }, {}],
    ['a number typed as the saved one is no change', { searchHitPercent: '060' }, {}],
    ['a choice as its value', { defaultCorrespondenceType: 'hardCopy' }, { defaultCorrespondenceType: 'hardCopy' }],
  ])('%s', (_case, edits, patch) => {
    expect(changeToSend(saved, edits)).toEqual({ patch, problems: [] });
  });

  test.each([
    ['not a number', { searchHitPercent: 'sixty' }, { kind: 'notInteger' }],
    ['a fraction', { mergefieldLanguageId: '10.5' }, { kind: 'notInteger' }],
    ['below the range', { searchHitPercent: '0' }, { kind: 'range', min: 1, max: 100 }],
    ['above the range', { mergefieldLanguageId: '70000' }, { kind: 'range', min: 0, max: 65535 }],
    ['a code too long', { defaultSalespersonCode: 'X'.repeat(21) }, { kind: 'tooLong', max: 20 }],
  ] as const)('%s holds the save back', (_case, edits, problem) => {
    const field = Object.keys(edits)[0];
    expect(changeToSend(saved, edits)).toEqual({ patch: {}, problems: [{ field, problem }] });
  });

  test('every change the form sends is a body the contract accepts', () => {
    const edits: Edits = { contactNos: 'kont', searchHitPercent: '75', inheritLanguageCode: false, attachmentStorageType: 'diskFile', attachmentStorageLocation: '/srv/rapport' };
    const { patch } = changeToSend(saved, edits);
    expect(marketingSetupSchema.partial().strict().parse(patch)).toEqual(patch);
  });

  test('an edit back to the saved value is dropped', () => {
    const once = editField(saved, {}, 'inheritTerritoryCode', false).edits;
    expect(editField(saved, once, 'inheritTerritoryCode', true).edits).toEqual({});
  });
});
