import {
  addContacts,
  applyAction,
  DEFAULT_SEGMENT_OPTIONS,
  goBack,
  matchesCriteria,
  reduceContacts,
  refineContacts,
  type ContactFacts,
  type InteractionFacts,
  type SegmentAction,
  type SegmentCriteria,
  type SegmentOptions,
} from '../../../src/domain/segment/segment-criteria';
import { rapportErrorOf } from '../rapport-error';

const interaction = (values: Partial<InteractionFacts>): InteractionFacts => ({
  date: '2025-01-01',
  segmentNo: '',
  campaignNo: '',
  evaluation: '',
  interactionTemplateCode: '',
  salespersonCode: '',
  ...values,
});

const contact = (values: Partial<ContactFacts> & Pick<ContactFacts, 'no' | 'type' | 'searchName'>): ContactFacts => ({
  companyNo: values.type === 'company' ? values.no : '',
  salespersonCode: '',
  postCode: '',
  countryRegionCode: '',
  territoryCode: '',
  excludeFromSegment: false,
  mailingGroups: [],
  jobResponsibilities: [],
  industryGroups: [],
  businessRelations: [],
  interactions: [],
  ...values,
});

// A small world: two companies with persons, one excluded person, one company marked excluded and
// a person without a company. Industry groups and business relations of persons are their company's.
const adatum = { companyNo: 'CT100', salespersonCode: 'JO', postCode: 'GB-W2 8HG', countryRegionCode: 'GB', territoryCode: 'LND', industryGroups: ['RETAIL'], businessRelations: ['CUST'] };
const trey = { companyNo: 'CT200', salespersonCode: 'OF', postCode: 'US-NY 10001', countryRegionCode: 'US', territoryCode: 'NY', industryGroups: ['MAN', 'WHOLE'], businessRelations: ['VEND'] };
const WORLD: ContactFacts[] = [
  contact({ no: 'CT100', type: 'company', searchName: 'ADATUM CORPORATION', ...adatum, mailingGroups: ['NEWS'] }),
  contact({
    no: 'CT101',
    type: 'person',
    searchName: 'ANDY TEAL',
    ...adatum,
    mailingGroups: ['XMAS'],
    jobResponsibilities: ['PURCH'],
    interactions: [interaction({ date: '2025-01-15', segmentNo: 'SM00001', campaignNo: 'CP1001', evaluation: 'positive', interactionTemplateCode: 'LETTER', salespersonCode: 'JO' })],
  }),
  contact({
    no: 'CT102',
    type: 'person',
    searchName: 'ROBERT TOWNES',
    ...adatum,
    mailingGroups: ['NEWS'],
    jobResponsibilities: ['SALES'],
    interactions: [interaction({ date: '2025-02-01', segmentNo: 'SM00001', campaignNo: 'CP1001', evaluation: 'negative', interactionTemplateCode: 'LETTER', salespersonCode: 'JO' })],
  }),
  contact({ no: 'CT200', type: 'company', searchName: 'TREY RESEARCH', ...trey }),
  contact({
    no: 'CT201',
    type: 'person',
    searchName: 'HELEN RAY',
    ...trey,
    mailingGroups: ['XMAS', 'NEWS'],
    jobResponsibilities: ['PURCH'],
    interactions: [interaction({ date: '2025-03-10', campaignNo: 'CP1002', evaluation: 'veryPositive', interactionTemplateCode: 'MEETG', salespersonCode: 'OF' })],
  }),
  contact({ no: 'CT202', type: 'person', searchName: 'KIM ABERCROMBIE', ...trey, excludeFromSegment: true, mailingGroups: ['XMAS'], jobResponsibilities: ['PURCH'] }),
  contact({ no: 'CT300', type: 'company', searchName: 'LITWARE INC.', salespersonCode: 'JO', excludeFromSegment: true, industryGroups: ['RETAIL'] }),
  contact({ no: 'CT301', type: 'person', searchName: 'MONICA ZEN', companyNo: 'CT300', salespersonCode: 'JO', jobResponsibilities: ['PURCH'] }),
  contact({ no: 'CT400', type: 'person', searchName: 'ADAM BARR', salespersonCode: 'OF', mailingGroups: ['XMAS'] }),
];

const options = (values: Partial<SegmentOptions> = {}): SegmentOptions => ({ ...DEFAULT_SEGMENT_OPTIONS, ...values });
const add = (criteria: SegmentCriteria, values: Partial<SegmentOptions> = {}, current: string[] = []) => addContacts(current, WORLD, criteria, options(values));

describe('each filter section alone (§6.2)', () => {
  test.each<[string, SegmentCriteria, string[]]>([
    ['no filter at all adds every contact not excluded', {}, ['CT100', 'CT101', 'CT102', 'CT200', 'CT201', 'CT301', 'CT400']],
    ['a contact no. adds that contact', { contact: { no: 'CT102' } }, ['CT102']],
    ['a search name is a case-insensitive prefix', { contact: { searchName: 'ad' } }, ['CT100', 'CT400']],
    ['a type keeps companies or persons', { contact: { type: 'company' } }, ['CT100', 'CT200']],
    ['a salesperson code matches the contact', { contact: { salespersonCode: 'OF' } }, ['CT200', 'CT201', 'CT400']],
    ['a post code matches exactly', { contact: { postCode: 'US-NY 10001' } }, ['CT200', 'CT201']],
    ['a country/region code matches', { contact: { countryRegionCode: 'GB' } }, ['CT100', 'CT101', 'CT102']],
    ['a territory code matches', { contact: { territoryCode: 'NY' } }, ['CT200', 'CT201']],
    ['contact fields filter the same row together', { contact: { countryRegionCode: 'GB', type: 'person', searchName: 'ROB' } }, ['CT102']],
    ['one mailing group adds its members', { mailingGroup: ['XMAS'] }, ['CT101', 'CT201', 'CT400']],
    ['several mailing groups add members of any of them', { mailingGroup: ['XMAS', 'NEWS'] }, ['CT100', 'CT101', 'CT102', 'CT201', 'CT400']],
    ['a job responsibility adds persons with it', { jobResponsibility: ['SALES'] }, ['CT102']],
    ['an industry group matches on the company, persons included', { industryGroup: ['MAN'] }, ['CT200', 'CT201']],
    ['a business relation matches on the company, persons included', { businessRelation: ['CUST'] }, ['CT100', 'CT101', 'CT102']],
    ['an interaction date range is inclusive at both ends', { interaction: { dateFrom: '2025-01-15', dateTo: '2025-02-01' } }, ['CT101', 'CT102']],
    ['an interaction segment no. matches', { interaction: { segmentNo: 'SM00001' } }, ['CT101', 'CT102']],
    ['an interaction campaign no. matches', { interaction: { campaignNo: 'CP1002' } }, ['CT201']],
    ['an interaction evaluation matches', { interaction: { evaluation: 'negative' } }, ['CT102']],
    ['an interaction template code matches', { interaction: { interactionTemplateCode: 'MEETG' } }, ['CT201']],
    ['an interaction salesperson code matches the entry, not the contact', { interaction: { salespersonCode: 'JO' } }, ['CT101', 'CT102']],
    ['an empty code list filters nothing', { mailingGroup: [], interaction: {} }, ['CT100', 'CT101', 'CT102', 'CT200', 'CT201', 'CT301', 'CT400']],
  ])('%s', (_title, criteria, expected) => {
    expect(add(criteria)).toEqual(expected);
  });
});

describe('sections combined (§6.2)', () => {
  test.each<[string, SegmentCriteria, string[]]>([
    ['mailing group AND job responsibility', { mailingGroup: ['XMAS'], jobResponsibility: ['PURCH'] }, ['CT101', 'CT201']],
    ['OR within the mailing groups, AND with the industry group', { mailingGroup: ['XMAS', 'NEWS'], industryGroup: ['RETAIL'] }, ['CT100', 'CT101', 'CT102']],
    ['contact fields AND interaction', { contact: { type: 'person' }, interaction: { evaluation: 'positive' } }, ['CT101']],
    ['a section without any matching row rules the contact out', { contact: { countryRegionCode: 'US' }, interaction: { campaignNo: 'CP1001' } }, []],
    ['business relation AND job responsibility', { businessRelation: ['VEND'], jobResponsibility: ['PURCH'] }, ['CT201']],
  ])('%s', (_title, criteria, expected) => {
    expect(add(criteria)).toEqual(expected);
  });

  test('the interaction fields must all match one entry, not several entries between them', () => {
    const person = contact({
      no: 'CT900',
      type: 'person',
      searchName: 'X',
      interactions: [interaction({ date: '2025-01-01', evaluation: 'positive' }), interaction({ date: '2025-06-01', evaluation: 'negative' })],
    });
    expect(matchesCriteria(person, { interaction: { dateFrom: '2025-05-01', evaluation: 'positive' } })).toBe(false);
    expect(matchesCriteria(person, { interaction: { dateFrom: '2025-05-01', evaluation: 'negative' } })).toBe(true);
  });
});

describe('Add Contacts options (§6.2)', () => {
  test.each<[string, SegmentCriteria, Partial<SegmentOptions>, string[]]>([
    ['by default an excluded contact is skipped', { mailingGroup: ['XMAS'] }, {}, ['CT101', 'CT201', 'CT400']],
    ['Ignore Exclusion includes "Exclude from Segment" contacts', { mailingGroup: ['XMAS'] }, { ignoreExclusion: true }, ['CT101', 'CT201', 'CT202', 'CT400']],
    ['Expand Companies adds the persons of a selected company, except excluded ones', { contact: { no: 'CT200' } }, { expandCompanies: true }, ['CT200', 'CT201']],
    ['Expand Companies with Ignore Exclusion adds excluded persons too', { contact: { no: 'CT200' } }, { expandCompanies: true, ignoreExclusion: true }, ['CT200', 'CT201', 'CT202']],
    ['Expand Companies does not add colleagues of a selected person', { jobResponsibility: ['SALES'] }, { expandCompanies: true }, ['CT102']],
    ['Allow Related Companies adds the company of each selected person', { jobResponsibility: ['SALES'] }, { allowRelatedCompanies: true }, ['CT100', 'CT102']],
    ['Allow Related Companies does not add an excluded company', { contact: { no: 'CT301' } }, { allowRelatedCompanies: true }, ['CT301']],
    ['a person without a company has no related company', { contact: { no: 'CT400' } }, { allowRelatedCompanies: true }, ['CT400']],
    ['both options do not expand a company that was only added as related', { contact: { no: 'CT101' } }, { allowRelatedCompanies: true, expandCompanies: true }, ['CT100', 'CT101']],
  ])('%s', (_title, criteria, values, expected) => {
    expect(add(criteria, values)).toEqual(expected);
  });

  test('without Allow Existing Contacts a contact already on the segment is not added again', () => {
    expect(add({ mailingGroup: ['XMAS'] }, {}, ['CT201'])).toEqual(['CT201', 'CT101', 'CT400']);
  });

  test('with Allow Existing Contacts a contact already on the segment gets a second line', () => {
    expect(add({ mailingGroup: ['XMAS'] }, { allowExistingContacts: true }, ['CT201'])).toEqual(['CT201', 'CT101', 'CT201', 'CT400']);
  });

  test('a contact reached both by the criteria and by expansion is added once', () => {
    expect(add({ contact: { countryRegionCode: 'GB' } }, { expandCompanies: true, allowRelatedCompanies: true })).toEqual(['CT100', 'CT101', 'CT102']);
  });
});

describe('Reduce and Refine Contacts (§6.2)', () => {
  const segment = ['CT100', 'CT101', 'CT102', 'CT201', 'CT400'];

  test.each<[string, SegmentCriteria, string[]]>([
    ['reduce removes the contacts that match', { mailingGroup: ['XMAS'] }, ['CT100', 'CT102']],
    ['reduce by a matching interaction removes only those', { interaction: { evaluation: 'negative' } }, ['CT100', 'CT101', 'CT201', 'CT400']],
    ['reduce by criteria nobody matches keeps everyone', { contact: { no: 'CT999' } }, segment],
  ])('%s', (_title, criteria, expected) => {
    expect(reduceContacts(segment, WORLD, criteria)).toEqual(expected);
  });

  test.each<[string, SegmentCriteria, string[]]>([
    ['refine keeps only the contacts that match', { mailingGroup: ['XMAS'] }, ['CT101', 'CT201', 'CT400']],
    ['refine by two sections keeps contacts matching both', { mailingGroup: ['XMAS'], businessRelation: ['CUST'] }, ['CT101']],
    ['refine by criteria nobody matches empties the segment', { contact: { no: 'CT999' } }, []],
  ])('%s', (_title, criteria, expected) => {
    expect(refineContacts(segment, WORLD, criteria)).toEqual(expected);
  });

  test('reduce and refine ignore "Exclude from Segment": it only guards adding', () => {
    expect(reduceContacts(['CT201', 'CT202'], WORLD, { contact: { no: 'CT202' } })).toEqual(['CT201']);
    expect(refineContacts(['CT201', 'CT202'], WORLD, { contact: { no: 'CT202' } })).toEqual(['CT202']);
  });

  test('a contact on the segment without facts never matches', () => {
    expect(reduceContacts(['CT101', 'CT999'], WORLD, {})).toEqual(['CT999']);
    expect(refineContacts(['CT101', 'CT999'], WORLD, {})).toEqual(['CT101']);
  });
});

describe('history and Go Back (§6.2)', () => {
  test('each action records what it added and removed', () => {
    const first = applyAction([], WORLD, 'add', { mailingGroup: ['XMAS'] }, options({ allowRelatedCompanies: true }));
    expect(first.contacts).toEqual(['CT100', 'CT101', 'CT200', 'CT201', 'CT400']);
    expect(first.action).toEqual({ kind: 'add', criteria: { mailingGroup: ['XMAS'] }, options: options({ allowRelatedCompanies: true }), added: first.contacts, removed: [] });
    const second = applyAction(first.contacts, WORLD, 'refine', { contact: { type: 'person' } });
    expect(second.contacts).toEqual(['CT101', 'CT201', 'CT400']);
    expect(second.action).toMatchObject({ kind: 'refine', added: [], removed: ['CT100', 'CT200'] });
    const third = applyAction(second.contacts, WORLD, 'reduce', { contact: { salespersonCode: 'OF' } });
    expect(third.contacts).toEqual(['CT101']);
    expect(third.action).toMatchObject({ kind: 'reduce', added: [], removed: ['CT201', 'CT400'] });
  });

  test('going back twice undoes a reduce and then an add, leaving the typed lines', () => {
    const typed = ['CT301'];
    const first = applyAction(typed, WORLD, 'add', { businessRelation: ['CUST'] });
    const second = applyAction(first.contacts, WORLD, 'reduce', { jobResponsibility: ['PURCH'] });
    expect(second.contacts).toEqual(['CT100', 'CT102']);
    const history: SegmentAction[] = [first.action, second.action];

    const back = goBack(second.contacts, history);
    expect([...back.contacts].sort()).toEqual(['CT100', 'CT101', 'CT102', 'CT301']);
    expect(back.history).toEqual([first.action]);

    const backAgain = goBack(back.contacts, back.history);
    expect(backAgain.contacts).toEqual(typed);
    expect(backAgain.history).toEqual([]);
  });

  test('going back from an add with Allow Existing Contacts deletes only the second line', () => {
    const first = applyAction(['CT101'], WORLD, 'add', { contact: { no: 'CT101' } }, options({ allowExistingContacts: true }));
    expect(first.contacts).toEqual(['CT101', 'CT101']);
    expect(goBack(first.contacts, [first.action]).contacts).toEqual(['CT101']);
  });

  test('going back with an empty history is refused', () => {
    expect(rapportErrorOf(() => goBack(['CT101'], [])).code).toBe('conflict');
  });
});
