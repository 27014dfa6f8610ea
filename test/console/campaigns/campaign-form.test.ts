import { campaignPatchSchema, campaignBodySchema } from '../../../src/contract/campaigns';
import { changedFields, createBody, draftOf, EMPTY_DRAFT, localProblems, placeProblems } from '../../../src/console/pages/campaigns/campaign-form';

const saved = draftOf({
  no: 'CP0001',
  description: 'Spring warehouse fair',
  startingDate: '2025-03-01',
  endingDate: null,
  salespersonCode: 'AL',
  statusCode: '5-START',
  statusDescription: 'Started',
  activated: true,
});

test('a saved campaign is drafted as its inputs show it: no date as blank', () => {
  expect(saved).toEqual({ description: 'Spring warehouse fair', startingDate: '2025-03-01', endingDate: '', salespersonCode: 'AL', statusCode: '5-START' });
});

test.each([
  ['nothing changed', {}, {}],
  ['only spaces added', { description: '  Spring warehouse fair ' }, {}],
  ['a new description, trimmed', { description: ' Spring fair ' }, { description: 'Spring fair' }],
  ['a date cleared, sent as none', { startingDate: '' }, { startingDate: null }],
  ['a date set', { endingDate: '2025-04-30' }, { endingDate: '2025-04-30' }],
  ['two fields', { salespersonCode: 'JB', statusCode: '' }, { salespersonCode: 'JB', statusCode: '' }],
])('saving with %s sends %j', (_case, edits, patch) => {
  expect(changedFields(saved, { ...saved, ...edits })).toEqual(patch);
});

test('what saving sends is what the contract takes', () => {
  expect(campaignPatchSchema.safeParse(changedFields(saved, { ...saved, startingDate: '', description: 'X' })).success).toBe(true);
  expect(campaignBodySchema.safeParse(createBody({ ...EMPTY_DRAFT, description: 'X', endingDate: '2025-05-01' })).success).toBe(true);
});

test('a new campaign leaves a blank salesperson out, for the service to give the user’s own; blank dates are none', () => {
  expect(createBody({ ...EMPTY_DRAFT, description: ' Summer ' })).toEqual({ description: 'Summer', startingDate: null, endingDate: null, statusCode: '' });
  expect(createBody({ description: 'Summer', startingDate: '2025-06-01', endingDate: '', salespersonCode: 'JB', statusCode: '1-PLAN' })).toEqual({
    description: 'Summer',
    startingDate: '2025-06-01',
    endingDate: null,
    statusCode: '1-PLAN',
    salespersonCode: 'JB',
  });
});

test.each([
  ['nothing wrong', {}, {}],
  ['a description of 101 characters', { description: 'x'.repeat(101) }, { description: 'tooLong' }],
  ['a description of 100 characters', { description: 'x'.repeat(100) }, {}],
  ['a date that is none', { startingDate: '2025-02-30' }, { startingDate: 'notDate' }],
  ['a date in another form', { endingDate: '1.3.2025' }, { endingDate: 'notDate' }],
  // The order of the dates is the service's rule; it answers at Ending Date.
  ['a start after the end', { startingDate: '2025-05-01', endingDate: '2025-04-01' }, {}],
])('%s: %j', (_case, edits, problems) => {
  expect(localProblems({ ...saved, ...edits })).toEqual(problems);
});

test('the service’s problems go to their fields, the first of each; others are left for the message', () => {
  expect(
    placeProblems([
      { path: 'endingDate', message: 'Must not be before the starting date.' },
      { path: 'endingDate', message: 'A second one.' },
      { path: 'statusCode', message: 'No such status.' },
      { path: '(body)', message: 'Name at least one field to change.' },
    ]),
  ).toEqual({ byField: { endingDate: 'Must not be before the starting date.', statusCode: 'No such status.' }, elsewhere: ['Name at least one field to change.'] });
});
